# How the session-4 (themegold-c) test files of corpora/blind/themes/test/ were made from the sources named in
# SOURCES.md. Same layout as make_files.py (line 1 = title, then one paragraph per line, separated by one blank
# line); make_files.py and its outputs are unchanged. Reads local mirrors (/work/.mirror/<owner>+<repo>/repo,
# made with the fetch tool) at the commits named below. Kept for provenance only; it only cuts text.
import html, json, os, re, subprocess

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)))
man = []


def git_show(repo, commit, path):
    return subprocess.run(['git', '-C', f'/work/.mirror/{repo}/repo', 'show', f'{commit}:{path}'],
                          capture_output=True, check=True).stdout.decode('utf-8')


def write(name, title, paras, meta):
    paras = [p.strip() for p in paras if p.strip()]
    with open(f'{OUT}/test/{name}.txt', 'w', encoding='utf-8') as f:
        f.write(title.strip() + '\n\n' + '\n\n'.join(paras) + '\n')
    meta.update(split='test', file=f'corpora/blind/themes/test/{name}.txt', title=title.strip(), n=len(paras))
    man.append(meta)


# --- 新闻联播 detailed news (wenfp108/xin-wen-lian-bo) ---
WR, WC = 'wenfp108+xin-wen-lian-bo', 'f7225205374304c61d4e67f7a444e3ca67bdda8d'


def xwlb(path, title_start, name, date):
    t = git_show(WR, WC, path)
    for part in re.split(r'^### ', t, flags=re.M)[1:]:
        title, _, body = part.partition('\n')
        if title.strip().startswith(title_start):
            paras = [html.unescape(re.sub(r'<[^>]+>', '', x)).strip()
                     for x in re.findall(r'<p[^>]*>(.*?)</p>', body, flags=re.S)]
            url = re.search(r'\[查看原文\]\(([^)]+)\)', body)
            write(name, title, paras, dict(genre='news', outlet='中央广播电视总台《新闻联播》 (央视网)', date=date,
                  source=f'github.com/wenfp108/xin-wen-lian-bo@{WC}:{path} (section "### {title.strip()}"'
                         + (f'; original {url.group(1)}' if url else '') + ')',
                  how='text of each <p> element of the section, tags removed and entities decoded'))
            return
    raise KeyError(title_start)


xwlb('news/2026/04/20260429.md', '习近平在中共中央政治局第二十五次集体学习时强调', '2026-04-29-xwlb-politburo-study-disaster-prevention', '2026-04-29')
xwlb('news/2026/05/20260527.md', '【“十五五”开好局起好步】合力开创法治中国建设新局面', '2026-05-27-xwlb-rule-of-law-china', '2026-05-27')
xwlb('news/2026/04/20260418.md', '【新思想引领新征程】推进数字中国建设', '2026-04-18-xwlb-digital-china', '2026-04-18')
xwlb('news/2026/07/20260710.md', '习近平同纳米比亚总统会谈', '2026-07-10-xwlb-xi-namibia-talks', '2026-07-10')
xwlb('news/2026/06/20260610.md', '【一线调研】新型电网筑牢能源大国绿色转型基石', '2026-06-10-xwlb-new-power-grid', '2026-06-10')
xwlb('news/2026/08/20260811.md', '【新思想引领新征程】织就更密更暖的社会保障安全网', '2026-08-11-xwlb-social-security-net', '2026-08-11')

# --- 2022 government work report (Reviona/Basic-Word-Cloud) ---
RR, RC = 'Reviona+Basic-Word-Cloud', '1fc7458bbd537c01460f9162df45fd088a918ed5'
lines = [l.strip() for l in git_show(RR, RC, '2022年政府工作报告.txt').replace('\r', '').split('\n')]
write('2022-03-05-gov-work-report-2022-part', '政府工作报告——2022年3月5日在第十三届全国人民代表大会第五次会议上',
      lines[34:96], dict(genre='report', outlet='国务院 (政府工作报告, 李克强)', date='2022-03-05',
      source=f'github.com/Reviona/Basic-Word-Cloud@{RC}:2022年政府工作报告.txt',
      how='contiguous part only: lines 35..96 of the file (section 三 to the end); one paragraph per line in the source; the title line is not in the source and was added'))

# --- 2018 No. 1 central document (YangBingxi/BIT-PythonLearning) ---
YR, YC = 'YangBingxi+BIT-PythonLearning', '3809df216ba52ec22053eff6ceae6b85d4943eec'
lines = [l.strip() for l in git_show(YR, YC, '关于实施乡村振兴战略的意见.txt').replace('\r', '').split('\n')]
write('2018-01-02-cpc-state-council-rural-revitalisation-opinion-part', lines[0], lines[28:67],
      dict(genre='document', outlet='中共中央 国务院 (2018年中央一号文件)', date='2018-01-02',
      source=f'github.com/YangBingxi/BIT-PythonLearning@{YC}:关于实施乡村振兴战略的意见.txt',
      how='contiguous part only: lines 29..67 of the file (sections 四 to 九); one paragraph per line in the source; CR line ends removed'))

# --- 南开大学 news site reprints (greeedyboy/hugowebs) ---
HR, HC = 'greeedyboy+hugowebs', '6a204cf76aa7c384a9807e8457a1b33725017e49'


def hugo(path):
    t = git_show(HR, HC, path)
    body = t.split('\n---\n', 1)[1]
    body = body.replace('\n<!--more-->\n', '')           # Hugo summary marker cut into a paragraph
    paras = []
    for p in body.split('\n\n'):
        p = p.strip().replace('**', '')
        if not p or p.startswith('![图]') or p.startswith('[转入文章首发地址]') or p.startswith('[点击阅读报纸电子版]'):
            continue
        paras.append(p)
    return paras


p = 'source_nankai/post/4482e3ebcf20403e19a7fba985c09c39.md'
write('2022-06-21-nankai-cao-xuetao-graduation-speech', '创新竞进 破浪前行 以青春之我筑就伟大征程——曹雪涛校长在南开大学2022年毕业典礼暨学位授予仪式上的讲话',
      hugo(p), dict(genre='speech', outlet='南开大学 (南开新闻网 news.nankai.edu.cn)', date='2022-06-21',
      source=f'github.com/greeedyboy/hugowebs@{HC}:{p} (original http://news.nankai.edu.cn/ywsd/system/2022/06/21/030051762.shtml)',
      how='Markdown body after the front matter; Hugo <!--more--> marker (cut into a paragraph) removed, ** bold markers removed, image and link lines dropped'))
p = 'source_nankai/post/062a20fcb7cad21f9ccf775665e4c1c3.md'
write('2022-11-15-gmrb-nankai-chinese-modernisation-article', '为中国式现代化贡献南开力量',
      hugo(p), dict(genre='theory', outlet='光明日报 2022-11-15 第06版 (reprinted by 南开新闻网)', date='2022-11-15',
      source=f'github.com/greeedyboy/hugowebs@{HC}:{p} (newspaper page https://epaper.gmw.cn/gmrb/html/2022-11/15/nw.D110000gmrb_20221115_1-06.htm)',
      how='Markdown body after the front matter; Hugo <!--more--> marker (cut into a paragraph) removed, ** bold markers removed, image and link lines dropped'))

os.makedirs('/tmp/tgc', exist_ok=True)
json.dump(man, open('/tmp/tgc/manifest_s4c.json', 'w'), ensure_ascii=False, indent=1)
