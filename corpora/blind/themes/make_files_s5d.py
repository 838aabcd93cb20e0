# How the session-5 (themegold-d) test files of corpora/blind/themes/test/ were made from the sources named in
# SOURCES.md. Same layout as make_files.py and make_files_s4c.py (line 1 = title, then one paragraph per line,
# separated by one blank line); earlier scripts and their outputs are unchanged. Kept for provenance only; it only
# cuts text.
#  * FrederickPi1969/xinwenlianbo-transcripts: no snapshot of this repository could be mirrored here, so its day
#    files were read from the stored index at the commits named below; the sections used were saved verbatim under
#    $S5D_CACHE/<path> (default /tmp/s5d_cache). Without that cache the file is read from
#    https://raw.githubusercontent.com/<repo>/<commit>/<path>.
#  * Khaoden/Vue3-Springboot_Project_FE and ymz-studio/cshunWebsite: local mirrors (/work/.mirror/<owner>+<repo>/repo,
#    made with the fetch tool) at the commits named below.
import html, json, os, re, subprocess, urllib.request

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.environ.get('S5D_CACHE', '/tmp/s5d_cache')
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


# --- 新闻联播 texts of cctv.com (FrederickPi1969/xinwenlianbo-transcripts) ---
FR = 'FrederickPi1969/xinwenlianbo-transcripts'


def day_file(commit, path):
    local = os.path.join(CACHE, path)
    if os.path.exists(local):
        return open(local, encoding='utf-8').read()
    return urllib.request.urlopen(f'https://raw.githubusercontent.com/{FR}/{commit}/{path}').read().decode('utf-8')


def xwlb(commit, path, title_start, name, date, genre):
    t = day_file(commit, path)
    for part in re.split(r'^## ', t, flags=re.M)[1:]:
        head, _, body = part.partition('\n')
        title = re.sub(r'^\d+\. ', '', head.strip())
        if title.startswith(title_start):
            body, _, tail = body.partition('\n> 原文：')
            url = tail.split('\n', 1)[0].strip()
            paras = [l for l in body.split('\n') if l.strip()]
            write(name, title, paras, dict(genre=genre, outlet='中央广播电视总台《新闻联播》 (央视网)', date=date,
                  source=f'github.com/{FR}@{commit}:{path} (section "## {head.strip()}"; original {url})',
                  how='the lines of the section between its heading and its "> 原文" line, one paragraph per line'))
            return
    raise KeyError(title_start)


C1 = 'fd2cae91fa3c207f4e3f6b14500dca77c562f07e'
xwlb(C1, 'news/2019/20191231.md', '国家主席习近平发表二〇二〇年新年贺词', '2019-12-31-xwlb-xi-newyear-2020', '2019-12-31', 'new_year_address')
xwlb(C1, 'news/2019/20191231.md', '全国政协举行新年茶话会', '2019-12-31-xwlb-cppcc-new-year-tea-party', '2019-12-31', 'news')
C2 = '9aeb6613c19f49efc3dd8d49416f28b4a2dc6e30'
xwlb(C2, 'news/2019/20190219.md', '【领航新时代】安徽', '2019-02-19-xwlb-anhui-work-style-reform', '2019-02-19', 'feature')
xwlb(C2, 'news/2019/20190219.md', '中共中央 国务院关于坚持农业农村优先发展', '2019-02-19-xwlb-no1-document-rural', '2019-02-19', 'news')
xwlb(C2, 'news/2019/20190219.md', '守正创新 壮大主流舆论阵地', '2019-02-19-xwlb-mainstream-media', '2019-02-19', 'news')
C3 = '324fc5c1346a910c063c8f9ff92ddef8f7e2d382'
xwlb(C3, 'news/2018/20180320.md', '人民日报社论：让中华儿女共享幸福和荣光', '2018-03-20-xwlb-rmrb-editorial-happiness-glory', '2018-03-20', 'commentary')
xwlb(C3, 'news/2018/20180320.md', '李克强总理会见中外记者并回答提问', '2018-03-20-xwlb-li-keqiang-press-conference', '2018-03-20', 'news')
xwlb(C3, 'news/2018/20180320.md', '代表通道：牢固扎根基层 奋斗创造未来', '2018-03-20-xwlb-deputies-passage', '2018-03-20', 'news')
C4 = 'd74988f7a7e1928c4629996961354bf5537d63e4'
xwlb(C4, 'news/2018/20180317.md', '人民日报社论：国家的掌舵者 人民的领路人', '2018-03-17-xwlb-rmrb-editorial-helmsman', '2018-03-17', 'commentary')
xwlb(C4, 'news/2018/20180317.md', '全军和武警部队官兵表示', '2018-03-17-xwlb-pla-strong-army-goal', '2018-03-17', 'news')
xwlb(C1, 'news/2020/20200908.md', '全国抗击新冠肺炎疫情表彰大会在京隆重举行', '2020-09-08-xwlb-covid-commendation-conference', '2020-09-08', 'news')
xwlb(C1, 'news/2020/20200908.md', '【走向我们的小康生活】中新天津生态城', '2020-09-08-xwlb-tianjin-eco-city', '2020-09-08', 'feature')
xwlb(C1, 'news/2020/20200131.md', '践行初心使命 打赢疫情防控阻击战', '2020-01-31-xwlb-party-members-epidemic', '2020-01-31', 'news')
xwlb(C1, 'news/2020/20200131.md', '中央军委印发', '2020-01-31-xwlb-cmc-notice-epidemic', '2020-01-31', 'news')
xwlb(C1, 'news/2020/20200131.md', '国家卫健委发布会', '2020-01-31-xwlb-nhc-briefing-elderly-community', '2020-01-31', 'news')
xwlb(C1, 'news/2020/20200131.md', '【新春走基层】教官孟庆东的最后一次飞行', '2020-01-31-xwlb-air-force-instructor', '2020-01-31', 'feature')

# --- 人民日报 feature reprinted on a rural-revitalisation site (Khaoden/Vue3-Springboot_Project_FE) ---
KR, KC = 'Khaoden+Vue3-Springboot_Project_FE', '732b05ba8876e8d0f98c532196ed910471e55f1e'
p = 'src/views/Information/components/components/detail01.vue'
t = git_show(KR, KC, p)
body = t.split('<div class="article-content">', 1)[1].split('</div>', 1)[0]
paras = [html.unescape(re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', '', x))).strip() for x in re.findall(r'<p[^>]*>(.*?)</p>', body, flags=re.S)]
title = re.search(r'<h1 class="title">(.*?)</h1>', t).group(1)
write('2021-02-22-rmrb-zhang-guimei-feature', title, paras,
      dict(genre='feature', outlet='人民日报 (2021-02-22, 奋斗百年路 启航新征程·脱贫攻坚答卷; reprinted by the site)', date='2021-02-22',
           source=f'github.com/Khaoden/Vue3-Springboot_Project_FE@{KC}:{p}',
           how='text of each <p> element inside <div class="article-content">, tags removed, whitespace runs collapsed'))

# --- county poverty-alleviation policy summaries (ymz-studio/cshunWebsite, 长顺县) ---
YR, YC = 'ymz-studio+cshunWebsite', '7e1a94378ffc8d0c02f8170d26c0c7270b2967ec'
t = git_show(YR, YC, 'static/policy.js')
for item in re.split(r"title: '", t)[1:]:
    title = item.split("'")[0]
    if title != '医疗救助扶贫政策':
        continue
    body = re.search(r'content: `(.*?)`', item, flags=re.S).group(1)
    paras = [re.sub(r'\s+', '', html.unescape(re.sub(r'<[^>]+>', '', x))) for x in re.findall(r'<p[^>]*>(.*?)</p>', body, flags=re.S)]
    write('2019-03-15-changshun-medical-assistance-poverty-policy', title, paras, dict(genre='document', outlet='长顺县 (贵州) 脱贫攻坚政策汇编 (site of ymz-studio/cshunWebsite, createdAt 2019/3/15)',
          date='2019-03-15', source=f'github.com/ymz-studio/cshunWebsite@{YC}:static/policy.js (item "{title}")',
          how='text of each <p> element of the item\'s content field, tags removed, entities decoded, all whitespace removed (the HTML breaks lines inside words)'))

os.makedirs('/tmp/tgd', exist_ok=True)
json.dump(man, open('/tmp/tgd/manifest_s5d.json', 'w'), ensure_ascii=False, indent=1)
