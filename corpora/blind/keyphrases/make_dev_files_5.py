"""Makes the session 5 (kp5) development files of corpora/blind/keyphrases/dev/ from local snapshots of the source
repositories (fetched to /work/.mirror/<owner>+<name>/repo; commits and paths in SOURCES.md, section "Session 5 dev
batch"). Wording untouched; only layout changed. Run: python3 make_dev_files_5.py"""
import csv, html, io, json, os, re, subprocess
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dev") + "/"
def show(repo, rev, path):
    return subprocess.run(["git", "-C", repo, "show", f"{rev}:{path}"], capture_output=True, check=True).stdout.decode("utf-8")
def write(name, title, paras):
    paras = [p.strip(" \u3000\u2003\t") for p in paras]
    paras = [p for p in paras if p]
    with open(OUT + name, "w", encoding="utf-8") as f:
        f.write(title.strip() + "\n\n" + "\n\n".join(paras) + "\n")
# DuckBurnIncense/xin-wen-lian-bo: one '### ' section; <p> -> paragraph; tags and entities removed; the trailing [查看原文](url) line dropped
XW = "/work/.mirror/DuckBurnIncense+xin-wen-lian-bo/repo"
XC = "ae8d591d33dd3701a34045e0acb24cd5b70b2ede"
for day, prefix, name in [
        ("20240315", "“强本强基”“严监严管”", "2024-03-15-cctv-capital-market-strict-supervision.txt"),
        ("20240820", "中央层面整治形式主义为基层减负", "2024-08-20-cctv-reduce-burden-grassroots-meeting.txt"),
        ("20240820", "上海临港新片区", "2024-08-20-cctv-lingang-institutional-opening.txt"),
        ("20250318", "更加积极的财政政策正加快落地生效", "2025-03-18-cctv-more-proactive-fiscal-policy.txt"),
        ("20250912", "李强主持召开国务院常务会议", "2025-09-12-cctv-state-council-executive-meeting.txt"),
        ("20250912", "【“十四五”高质量发展答卷】法治中国建设", "2025-09-12-cctv-rule-of-law-china-14th-plan.txt"),
        ("20260410", "新设内蒙古自贸试验区", "2026-04-10-cctv-inner-mongolia-pilot-free-trade-zone.txt")]:
    t = show(XW, XC, f"news/{day}.md")
    secs = [s for s in re.split(r"\n(?=### )", t)[1:] if s[4:].startswith(prefix)]
    assert len(secs) == 1, (day, prefix, len(secs))
    s = secs[0]
    title = s.split("\n", 1)[0][4:]
    body = s.split("\n", 1)[1]
    paras = re.split(r"</p>\s*<p[^>]*>|<p[^>]*>|</p>|<br\s*/?>|\n", body)
    paras = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in paras]
    write(name, title, [p for p in paras if not p.startswith("[查看原文]")])  # the link line after the item
# StLaurentMTL/Xi-Jin-Ping-Speech-Analysis: corpus/speeches.json record i, field text (paragraphs split at runs of U+2003/U+3000)
SP = "/work/.mirror/StLaurentMTL+Xi-Jin-Ping-Speech-Analysis/repo"
SC = "5885c1cb0e2eb3d5c14316f6db903204f026ae40"
recs = json.loads(show(SP, SC, "corpus/speeches.json"))
for i, name in [(9, "2025-09-25-xi-un-climate-summit-address.txt"),
                (27, "2025-03-28-xi-international-business-leaders-speech.txt"),
                (73, "2023-10-18-xi-belt-and-road-forum-keynote.txt"),
                (87, "2023-03-31-xi-central-party-school-90th-speech.txt"),
                (101, "2022-11-05-xi-wetlands-convention-address.txt")]:
    r = recs[i]
    paras = re.split(r"[\u2003\u3000]{2,}|\n", r["text"])
    write(name, r["title"], paras)
# johncodes404/china-provincial-gov-reports-2026: field full_text of the province's CSV, from the report title line on
GR = "/work/.mirror/johncodes404+china-provincial-gov-reports-2026/repo"
GC = "ad4c815c4acefe47240a3afaece74e1eb2011dd3"
rows = list(csv.DictReader(io.StringIO(show(GR, GC, "output/2026_raw_text/2026_海南省_政府工作报告.csv"))))
lines = rows[0]["full_text"].split("\n")
write("2026-hainan-government-work-report.txt", lines[0], lines[1:])
