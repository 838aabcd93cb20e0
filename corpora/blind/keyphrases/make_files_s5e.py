"""Makes the session 5 batch e (kpgold-e) test files of corpora/blind/keyphrases/test/ (commits and paths in SOURCES.md,
section "Session 5 batch e"). Three sources are local snapshots (fetched to /work/.mirror/<owner>+<name>/repo); the fourth,
YangShusen2001/MeiRiShiZheng, could not be fetched as a snapshot: its four article files were read from the code index
(repo@commit:path in SOURCES.md) and saved to MRSZ_DIR as content+<date>+article-<id>.json, keeping the fields id, date,
title, source, url, paragraphs and sourceTextHash; each is checked against the sha256 the file itself records
(sourceTextHash) before it is used. Run: python3 make_files_s5e.py"""
import hashlib, html, json, os, re, subprocess
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test") + "/"
MRSZ_DIR = os.environ.get("MRSZ_DIR", "/tmp/kpgold-e-cache")
def show(repo, rev, path):
    return subprocess.run(["git", "-C", repo, "show", f"{rev}:{path}"], capture_output=True, check=True).stdout.decode("utf-8")
def write(name, title, paras):
    paras = [p.strip(" \u3000\u2003\u00a0\t\n") for p in paras]
    paras = [p for p in paras if p]
    with open(OUT + name, "w", encoding="utf-8") as f:
        f.write(title.strip() + "\n\n" + "\n\n".join(paras) + "\n")
CAPTION = re.compile(r"(摄|新华社发(（[^）]*）)?|新华社记者 \S+)$")  # photo captions: 新华社记者 X 摄, 新华社发（X摄）
def untag(s):
    return html.unescape(re.sub(r"<[^>]+>", "", s))
# caijing666666/xinwenlianbo: data/news/<id>.json, field content (the page text as the repository's scraper kept it).
# gov.cn pages: the page header (title, date, 来源, 字号, 打印) is dropped; xinhuanet pages: the credits line
# (文字记者/海报设计) is dropped; both: everything from 【我要纠错】/【纠错】 on (editor, related links) is dropped.
# Paragraphs are split where the page had paragraph breaks (two full-width or em spaces, blank lines); gov.cn bodies
# have none and stay one paragraph; photo captions (新华社记者 X 摄, 新华社发) are left out. Line 1 = field title.
CJ = "/work/.mirror/caijing666666+xinwenlianbo/repo"
for nid, name in [("2025-11-13-005", "2025-11-13-rmrb-zhang-guoqing-disaster-prevention.txt"),
                  ("2025-11-16-001", "2025-11-16-xinhua-rule-of-law-thought-review.txt"),
                  ("2025-11-19-005", "2025-11-19-xinhua-sco-heads-of-government-communique.txt"),
                  ("2025-11-25-002", "2025-11-25-ndrc-xinjiang-private-economy-meeting.txt"),
                  ("2025-12-05-002", "2025-12-05-xinhua-state-council-energy-saving-carbon.txt")]:
    d = json.loads(show(CJ, "HEAD", f"data/news/{nid}.json"))
    c = d["content"]
    c = re.sub(r"^.*?字号：默认.*?打印\s*\|\s*", "", c, flags=re.S)
    c = re.split(r"【我要纠错】|【纠错】", c)[0]
    c = re.sub(r"\u2003\u2003文字记者：.*$", "", c, flags=re.S)
    write(name, d["title"], [p for p in re.split(r"[\u3000\u2003]{2}|\n\s*\n|\s{3,}", c) if not CAPTION.search(p.strip())])
# cash2one/weixin: a saved 传送门 copy of the WeChat account 大案's post of 2016-05-01 (新华社 text of 2016-04-26, 节录).
# Line 1 = the post's <h1> without the account's column tag "时局 | "; then the source line and the speech's paragraphs
# (each <p>, tags and entities removed); the account's 【核心提示】 box (a repeat of one paragraph), its lists of
# today's/yesterday's posts and the images are left out.
WX = "/work/.mirror/cash2one+weixin/repo"
t = show(WX, "21942302e4b70c12a5b5d93a55f3baae7529e3ff", "weixin/src/main/webapp/views/weixin/weixinchuansong.jsp")  # removed later in the repository
h1 = untag(re.search(r"<h1[^>]*>(.*?)</h1>", t, re.S).group(1)).replace("时局 | ", "")
src = untag(re.search(r"<p><strong><span[^>]*>(来源：.*?)<br/>", t, re.S).group(1))
body = t[t.index("大家好！我这次来安徽调研"):t.index("昨日大案")]
body = body[:body.index("更大成绩！") + len("更大成绩！")]
paras = [untag(p) for p in re.split(r"</p>", "<p>" + body)]
write("2016-04-26-xinhua-xi-intellectuals-workers-youth-symposium.txt", h1, [src] + paras)
# jiazhangyao/jyy: tests/h5/public/api/monthly/201902/2/6.js, one item of a monthly policy bulletin (平安城科政策内参,
# February 2019): field title, then field content with tags removed (one paragraph).
JY = "/work/.mirror/jiazhangyao+jyy/repo"
t = show(JY, "181028b9f36f313177cabca1b8824e7aace505d1", "tests/h5/public/api/monthly/201902/2/6.js")
title = re.search(r'title: "(.*?)",', t).group(1)
content = json.loads('"' + re.search(r'content: "(.*)"\s*\n', t).group(1) + '"')
write("2019-01-18-shenzhen-smart-city-government-report.txt", title, [untag(content)])
# YangShusen2001/MeiRiShiZheng: content/<date>/article-<id>.json (a study app's copy of the article page, field
# paragraphs; sourceTextHash is the sha256 of the paragraphs joined by newlines). Line 1 = field title without the
# site suffix "--观点-" (丨唐探 is the column's name and stays); photo captions (paragraphs ending in 摄, 新华社发（…）
# or 新华社记者 <name>) are left out; HTML entities decoded (&nbsp; as a space).
for path, name, strip in [
        ("content/2026-08-25/article-387e2dd5b5.json", "2026-08-25-people-com-public-opinion-risk-commentary.txt", "--观点-"),
        ("content/2026-08-25/article-10f1a8b41d.json", "2026-08-25-scol-taiwan-compatriots-liangshan.txt", ""),
        ("content/2026-08-25/article-9686f82e84.json", "2026-08-25-scol-china-chips-commentary.txt", ""),
        ("content/2026-08-25/article-32afadbe1f.json", "2026-08-25-banyuetan-correct-view-of-performance.txt", "")]:
    raw = open(os.path.join(MRSZ_DIR, path.replace("/", "+")), encoding="utf-8").read()
    d = json.loads(raw)
    ps = d["paragraphs"]
    digest = hashlib.sha256("\n".join(ps).encode("utf-8")).hexdigest()
    assert digest == d["sourceTextHash"], (path, "copy differs from the indexed file")
    ps = [html.unescape(p).replace("\xa0", " ") for p in ps
          if not CAPTION.search(p) and not p.startswith("图片来源")]
    write(name, d["title"].replace(strip, "") if strip else d["title"], ps)
