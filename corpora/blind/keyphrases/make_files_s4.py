"""Makes the session 4 (kpgold-c) test files of corpora/blind/keyphrases/test/ from local snapshots of the source repositories
(fetched to /work/.mirror/<owner>+<name>/repo; commits and paths in SOURCES.md, section "Session 4 batch"). Run: python3 make_files_s4.py"""
import html, json, os, re, subprocess
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test") + "/"
def show(repo, rev, path):
    return subprocess.run(["git", "-C", repo, "show", f"{rev}:{path}"], capture_output=True, check=True).stdout.decode("utf-8")
def write(name, title, paras):
    paras = [p.strip() for p in paras if p.strip()]
    with open(OUT + name, "w", encoding="utf-8") as f:
        f.write(title.strip() + "\n\n" + "\n\n".join(paras) + "\n")
# Mao: title line, date line, headnote (without '> '), body; footnote section (注释) dropped
MAO = "/work/.mirror/weiyinfu+MaoZeDongAnthology/repo"
for src, name in [("016-实践论", "1937-07-mao-on-practice.txt"),
                  ("136-将革命进行到底", "1948-12-30-mao-new-year-message-carry-revolution-through.txt"),
                  ("154-丢掉幻想，准备斗争", "1949-08-14-mao-cast-away-illusions.txt"),
                  ("159-中国人民站起来了", "1949-09-21-mao-cppcc-opening-speech.txt")]:
    lines = show(MAO, "HEAD", f"src/{src}.md").replace("\r", "").split("\n")
    title = lines[0].lstrip("# ").strip(" \u3000")
    body = []
    for ln in lines[1:]:
        s = ln.strip(" \u3000")
        if re.match(r"^注\s*释", s):
            break
        if re.fullmatch(r"-{3,}", s):
            continue
        if s.startswith("## "):
            s = s[3:]
        if s.startswith("> "):
            s = s[2:]
        body.append(s)
    write(name, title, body)
# xwlb (wenfp108): one '### ' section; <p> -> paragraph; tags and entities removed
XW = "/work/.mirror/wenfp108+xin-wen-lian-bo/repo"
for day, prefix, name in [("20260730", "中共中央政治局召开会议 决定召开二十届五中全会", "2026-07-30-xwlb-politburo-meeting-fifth-plenum.txt"),
                          ("20260802", "【奋力开创中国式现代化建设新局面", "2026-08-02-xwlb-governance-record-high-quality-development.txt"),
                          ("20260812", "中共中央 全国人大常委会 国务院 全国政协讣告", "2026-08-12-xwlb-obituary-zhu-rongji.txt"),
                          ("20260817", "纪念江泽民同志诞辰100周年大会", "2026-08-17-xwlb-jiang-zemin-centenary-meeting.txt")]:
    t = show(XW, "HEAD", f"news/{day[:4]}/{day[4:6]}/{day}.md")
    secs = [s for s in re.split(r"\n(?=### )", t)[1:] if s[4:].startswith(prefix)]
    assert len(secs) == 1, (day, len(secs))
    s = secs[0]
    title = s.split("\n", 1)[0][4:]
    m = re.search(r"<p>.*</p>", s, re.S)
    paras = re.split(r"</p>\s*<p[^>]*>|<br\s*/?>", m.group(0))
    paras = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in paras]
    write(name, title, paras)
# Ming-H/xwlb-daily: field text of the item (one string)
MH = "/work/.mirror/Ming-H+xwlb-daily/repo"
d = json.loads(show(MH, "HEAD", "data/daily/20260629.json"))
it = [a for a in d["articles"] if "以人民为中心 持续增进民生福祉" in a["title"]][0]
write("2026-06-29-xwlb-great-journey-people-livelihood.txt", it["title"].replace("[视频]", ""), [it["text"]])
# hugowebs: YAML front matter removed; the <!--more--> marker the site generator put inside a paragraph removed (paragraph rejoined);
# Markdown bold markers, image lines, the video link and the final [转入文章首发地址](...) link removed
HW = "/work/.mirror/greeedyboy+hugowebs/repo"
def hugo(path):
    t = show(HW, "HEAD", path)
    fm, body = re.match(r"---\n(.*?)\n---\n(.*)", t, re.S).groups()
    title = re.search(r"title: (.*)", fm).group(1)
    title = re.sub(r"^[^>]*->", "", title); title = re.sub(r" \| [a-z.]+$", "", title)
    body = re.sub(r"\n<!--more-->\n", "", body).replace("**", "")
    lines = [l for l in body.split("\n") if not re.match(r"^(!\[图\]|\[转入文章首发地址\]|\[_点击观看视频_\])", l)]
    return title, lines
title, lines = hugo("source_sicau/post/aef9836e9c4721ccf41a522a6926857f.md")
write("2023-04-20-sicau-theory-thematic-education.txt", title, lines)
title, lines = hugo("source_nankai/post/3b78c4ebfa7131d6fa0c73d5a09c0135.md")
write("2022-05-24-rmrb-nankai-patriotism-feature.txt", re.sub(r"^人民日报：", "", title), lines)
# the 人民日报 theory article only (after the university's notice and the '#' line): its own title line, then byline and text
title, lines = hugo("source_sicau/post/552735c86b99b6739432ea83467d80ae.md")
k = lines.index("#")
art = [l for l in lines[k + 1:] if l.strip()]
write("2022-12-16-rmrb-theory-strict-party-governance.txt", art[0], art[1:])
