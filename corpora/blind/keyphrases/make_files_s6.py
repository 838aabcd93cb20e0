"""Makes the session 6 batch (kpgold-f) test files of corpora/blind/keyphrases/test/ (commits and paths in SOURCES.md,
section "Session 6 batch"). All four sources are local snapshots fetched to /work/.mirror/<owner>+<name>/repo and read
at the commits below with git show. Wording is untouched; only layout and page furniture change.
Run: python3 make_files_s6.py"""
import html, io, os, re, subprocess, zipfile
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test") + "/"
MIRROR = os.environ.get("MIRROR", "/work/.mirror")
def show(repo, rev, path):
    return subprocess.run(["git", "-C", f"{MIRROR}/{repo}/repo", "show", f"{rev}:{path}"],
                          capture_output=True, check=True).stdout
def write(name, title, paras):
    paras = [p.strip(" \u3000\u2003\u00a0\t\r\n") for p in paras]
    paras = [p for p in paras if p]
    with open(OUT + name, "w", encoding="utf-8") as f:
        f.write(title.strip(" \u3000\t") + "\n\n" + "\n\n".join(paras) + "\n")
CAPTION = re.compile(r"新华社记者\s*\S+\s*/?摄\s*$")  # photo captions: 新华社记者 鞠鹏 摄
# JongSeokJang/Xi-Jinping-Speech-Analysis-with-R: dataset_raw/<date>_<title>.txt, copies of 新华社 full texts (UTF-8 with BOM,
# CRLF). Line 1 = the file's first line (the web title); the 发表时间/来源 line under it is left out; then one non-empty line
# per paragraph, leading full-width spaces removed; photo-caption lines (…新华社记者 X 摄) left out.
JS = ("JongSeokJang+Xi-Jinping-Speech-Analysis-with-R", "e4ad239fede8ef305402503c63bbc74b66538a0f")
for path, name in [
        ("dataset_raw/2014-09-09_做党和人民满意的好老师.txt", "2014-09-09-xinhua-xi-good-teachers-bnu-speech.txt"),
        ("dataset_raw/2015-12-16_在第二届世界互联网大会开幕式上的讲话.txt", "2015-12-16-xinhua-xi-world-internet-conference-speech.txt"),
        ("dataset_raw/2015-12-31_国家主席习近平发表二○一六年新年贺词.txt", "2015-12-31-xinhua-xi-new-year-address-2016.txt")]:
    lines = show(*JS, path).decode("utf-8-sig").replace("\r\n", "\n").split("\n")
    body = [l for l in lines[1:] if not re.match(r"\s*(发表时间：|来源：)", l) and not CAPTION.search(l.strip())]
    write(name, lines[0], body)
# mpr1255/death_penalty_xi_era_replication: data/leader_collected_works/sorted/xi_jinping_3/<id>.shtml, saved pages of
# 共产党员网 (www.12371.cn). Line 1 = the page's <h1>; then each <p> of the article body (<!--repaste.body.begin-->), tags
# and entities removed, up to the 延伸阅读 (further reading) box; photo captions (<p class="photo_title">, and pictures'
# lines ending 新华社记者 X/摄) and the 点击观看视频 (video) link are left out.
DP = ("mpr1255+death_penalty_xi_era_replication", "894c0ef79d7a662d9d0ea31fdf10aea29d0078f8")
for pid, name in [
        ("ARTI1576408087131257", "2019-12-15-qiushi-xi-regional-economic-layout.txt"),
        ("ARTI1559537491263167", "2019-06-03-xinhua-xi-garbage-sorting-instruction.txt"),
        ("ARTI1546603469719151", "2019-01-04-xinhua-cmc-military-work-conference.txt")]:
    t = show(*DP, f"data/leader_collected_works/sorted/xi_jinping_3/{pid}.shtml").decode("utf-8")
    title = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", t, re.S).group(1))))
    body = t[t.index("<!--repaste.body.begin-->"):t.index("<!--repaste.body.end-->")]
    paras = []
    for attrs, p in re.findall(r"<p([^>]*)>(.*?)</p>", body, re.S):
        p = html.unescape(re.sub(r"<[^>]+>", "", p)).strip(" \u3000\xa0\t\r\n")
        if p == "延伸阅读":
            break
        if "photo_title" in attrs or p == "点击观看视频" or re.search(r"新华社记者\s*\S+\s*/摄$", p):
            continue
        paras.append(p)
    write(name, title, paras)
# mpr1255/pragmatic_moral_governance: task3_analyse_data/docs/<province>/<year>_<title>.docx, the regulations as published
# (Word files). One paragraph per <w:p> of word/document.xml (text of its <w:t> runs); empty paragraphs left out. Line 1 =
# the first paragraph (the regulation's name).
PM = ("mpr1255+pragmatic_moral_governance", "9abc8b04d529a0dc1a502ecf5cb793dbb38396b7")
for path, name in [
        ("task3_analyse_data/docs/山东省/2021_济南市文明养犬管理条例.docx", "2021-07-29-jinan-civilised-dog-keeping-regulations.txt"),
        ("task3_analyse_data/docs/山东省/2022_临沂市文明乡村条例.docx", "2022-07-28-linyi-civilised-countryside-regulations.txt"),
        ("task3_analyse_data/docs/浙江省/2016_杭州市生态文明建设促进条例.docx", "2016-03-31-hangzhou-ecological-civilisation-regulations.txt")]:
    x = zipfile.ZipFile(io.BytesIO(show(*PM, path))).read("word/document.xml").decode("utf-8")
    paras = [html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)))
             for p in re.findall(r"<w:p[ >].*?</w:p>", x, re.S)]
    paras = [p for p in paras if p.strip(" \u3000\t")]
    write(name, paras[0], paras[1:])
# lycHub/edm2: json-server/database/templates.js, test data of an e-mail template editor: the HTML of a 今日头条 (toutiao.com,
# pictures on pstatp.com) post on Xi Jinping's 2019-03-04 visit to the CPPCC's 文化艺术界 and 社会科学界 members, as the
# file keeps it (the post's opening part). Line 1 = the post's title (the pictures' alt text); then each <p> with text
# (tags and entities removed; &nbsp;-only paragraphs left out).
ED = ("lycHub+edm2", "4fcf0246ec7536aa2a846bd680e1b53d0077ad4c")
t = show(*ED, "json-server/database/templates.js").decode("utf-8")
contents = t[t.index("contents: `") + len("contents: `"):t.rindex("`")]
title = re.search(r'alt="([^"]+)"', contents).group(1)
write("2019-03-04-toutiao-xi-cppcc-culture-social-science-sectors.txt", title,
      [html.unescape(re.sub(r"<[^>]+>", "", p)).replace("\xa0", " ") for p in re.findall(r"<p[^>]*>(.*?)</p>", contents, re.S)])
