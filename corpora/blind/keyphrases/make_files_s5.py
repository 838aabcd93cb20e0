"""Makes the session 5 (kpgold-d) test files of corpora/blind/keyphrases/test/ from local snapshots of the source repositories
(fetched to /work/.mirror/<owner>+<name>/repo; commits and paths in SOURCES.md, section "Session 5 batch"). Run: python3 make_files_s5.py"""
import html, os, re, subprocess
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test") + "/"
def show(repo, rev, path):
    return subprocess.run(["git", "-C", repo, "show", f"{rev}:{path}"], capture_output=True, check=True).stdout
def write(name, title, paras):
    paras = [p.strip(" \t\u3000") for p in paras]
    paras = [p for p in paras if p]
    with open(OUT + name, "w", encoding="utf-8") as f:
        f.write(title.strip() + "\n\n" + "\n\n".join(paras) + "\n")
def lines_of(fragment):
    """HTML fragment -> text lines: block tags and <br> end a line, other tags removed, entities decoded."""
    t = re.sub(r"(?i)<br\s*/?>|</?(p|div|h[1-6]|center|li|ul|ol)\b[^>]*>", "\n", fragment)
    t = html.unescape(re.sub(r"<[^>]+>", "", t)).replace("\xa0", " ")
    return [re.sub(r"[ \t]{2,}", " ", l).strip(" \t\u3000") for l in t.split("\n")]
# 仲弘春兰书苑 (陈毅 memorial site): line 1 = the page's <h1> (for the 2001 news: the headline block under it), the <h2> subtitle
# if any, then the text of <div class="txtContent"> one block per line; the site's attribution lines (作者：…, （摘自…）, (来源：…))
# and the 上一篇/下一篇 links are left out; the date line, the speaker line of 吴邦国's speech and （新华社北京8月23日电） are kept.
ZH = "/work/.mirror/benxiaohai1212+zhclsy/repo"
def zhclsy(path, start=None, stop=None):
    page = show(ZH, "HEAD", path).decode("utf-8")
    h1 = re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)
    h2 = re.search(r"<h2>(.*?)</h2>", page, re.S)
    body = page[page.index('<div class="txtContent">'):]
    body = body[:body.index("<!-- foot")]
    if start:
        body = body[body.index(start):]
    if stop:
        body = body[:body.index(stop)]
    drop = re.compile(r"^(作者：|（摘自|\(来源：|\(摘自|上一篇$|下一篇$)")
    lines = [l for l in lines_of(body) if l and not drop.match(l)]
    head = [lines_of(h1)[0].strip()] + ([lines_of(h2.group(1))[0].strip()] if h2 else [])
    return head, lines
for path, name, kw in [
    ("diplomaticPeriod/review/diplomaticPeriod-review0001.php", "1991-08-26-qian-qichen-speech-chen-yi-90th.txt", {}),
    ("newChinaPeriod/review/review0003.php", "1991-08-26-wu-bangguo-speech-chen-yi-shanghai-mayor.txt", {}),
    ("warYears/war/warYear-war0006.php", "1991-08-25-rmrb-chen-pixian-remembering-chen-yi.txt", {}),
    ("newChinaPeriod/person/mass0001.php", "2011-05-11-wenhui-chen-yi-shanghai-governance.txt", {}),
    ("newChinaPeriod/review/review0005.php", "2011-08-25-jiefang-li-lanqing-chen-yi-fudan-speech.txt", {}),
    ("latest/latest20120924.php", "2012-09-11-rmrb-wen-jiabao-foreign-affairs-university.txt", {}),
    ("warYears/review/warYear-review0002.php", "2001-08-23-xinhua-cmc-chen-yi-centenary-meeting.txt", {"stop": "<center>"}),
    ("warYears/review/warYear-review0002.php", "2001-08-23-jiang-zemin-speech-chen-yi-centenary.txt", {"start": "<center>"}),
]:
    head, lines = zhclsy(path, **kw)
    if name.startswith("2001-08-23-xinhua"):
        # the news item: its headline block (the line under <h1>) is the title; the <h1> is the site's section title
        page = show(ZH, "HEAD", path).decode("utf-8")
        head = [" ".join(re.search(r'<div class="parameters">(.*?)</div>', page, re.S).group(1).replace("&nbsp;", " ").split())]
    if name.startswith("2001-08-23-jiang"):
        # the speech: its own heading (title, date and speaker) is line 1
        head, lines = [lines[0] + lines[1]], lines[2:]
    write(name, head[0], head[1:] + lines)
# python123.io course text (BIT 'Python语言程序设计' word-cloud exercise), GBK: one paragraph per line
XS = "/work/.mirror/xusanpangzi+python-basic-project/repo"
t = show(XS, "HEAD", "新时代中国特色社会主义.txt").decode("gbk")
paras = [p for p in t.replace("\r", "").split("\n") if p.strip()]
write("undated-theory-xi-thought-new-era-socialism.txt", "新时代中国特色社会主义", paras)
# 2018 No. 1 central document, UTF-8 with BOM: line 1 = the document title, then its lines
JP = "/work/.mirror/Judenpech+Catching-a-Python/repo"
t = show(JP, "HEAD", "Exercises/w7/关于实施乡村振兴战略的意见.txt").decode("utf-8-sig")
ls = [l for l in t.replace("\r", "").split("\n") if l.strip()]
write("2018-01-02-cpc-state-council-rural-revitalisation-opinion.txt", ls[0], ls[1:])
