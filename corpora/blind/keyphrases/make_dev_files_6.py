"""Makes the session 6 (kp6) development files of corpora/blind/keyphrases/dev/ from local snapshots of the source
repositories (fetched to /work/.mirror/<owner>+<name>/repo; commits and paths in SOURCES.md, section "Session 6 dev
batch"). Wording untouched; only layout changed. Run: python3 make_dev_files_6.py"""
import csv, html, io, json, os, re, subprocess
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dev") + "/"
csv.field_size_limit(10**9)
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
        ("20250916", "《求是》杂志发表习近平总书记重要文章《纵深推进全国统一大市场建设》", "2025-09-16-cctv-qiushi-unified-national-market.txt"),
        ("20260320", "【凝心聚力 真抓实干 奋力实现“十五五”良好开局】筑牢生态安全屏障", "2026-03-20-cctv-ecological-security-beautiful-china.txt"),
        ("20251105", "【新思想引领新征程】扩大高水平对外开放", "2025-11-05-cctv-high-level-opening-up.txt"),
        ("20260518", "丁薛祥在调研算力网建设时强调", "2026-05-18-cctv-ding-xuexiang-computing-network.txt"),
        ("20260615", "全国党建工作座谈会在京召开", "2026-06-15-cctv-party-building-symposium.txt")]:
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
for i, name in [(18, "2025-05-13-xi-china-celac-forum-keynote.txt"),
                (58, "2024-05-30-xi-china-arab-states-forum-keynote.txt")]:
    r = recs[i]
    paras = re.split(r"[\u2003\u3000]{2,}|\n", r["text"])
    write(name, r["title"], paras)
# johncodes404/china-provincial-gov-reports-2026: field full_text of the province's CSV, from the report title line on
GR = "/work/.mirror/johncodes404+china-provincial-gov-reports-2026/repo"
GC = "ad4c815c4acefe47240a3afaece74e1eb2011dd3"
rows = list(csv.DictReader(io.StringIO(show(GR, GC, "output/2026_raw_text/2026_吉林省_政府工作报告.csv"))))
lines = rows[0]["full_text"].split("\n")
start = next(i for i, l in enumerate(lines) if l.strip() == "2026年吉林省政府工作报告")
write("2026-jilin-government-work-report.txt", lines[start], lines[start + 1:])
