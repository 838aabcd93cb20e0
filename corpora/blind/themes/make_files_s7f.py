# How the session-7 (themegold-f) test files of corpora/blind/themes/test/ were made. Same layout as the earlier
# make_files*.py scripts (line 1 = title, then one paragraph per line, separated by one blank line); earlier scripts and
# their outputs are unchanged. Kept for provenance only; it only cuts text.
#
# Sources (local mirrors made with the fetch tool):
# - github.com/Neuqmiao/CRF-@cc0916df8a4d2c02244ae09db1cb66c04fe3d112:CRF/19113106原始语料/2015.1.16-2015.1.18/<date>/<page>/<title>.txt
#   (/work/.mirror/Neuqmiao+CRF-/repo): 人民日报 articles of 16-18 January 2015, one UTF-8 file per article: the title, the
#   subtitle / byline lines and the line 《 人民日报 》（ date   page 版） run straight into the first paragraph; every paragraph
#   begins with two U+3000 (full-width) spaces. A paragraph here = one chunk of the file split at U+3000 U+3000, stripped
#   (chunk 0, the header, is left out; the title line is the name of the file, which is the title of the article). Nothing inside a chunk is changed.
# - github.com/chancms/ChanCMS@51721131ccf16e28f082b58aad672d06b26eb23d:data/chancms.sql (/work/.mirror/chancms+ChanCMS/repo):
#   record 21 of table cms_article (a demo record of the CMS: a 人民网 feature, photos of 2024-08-22), field content (HTML):
#   a paragraph = the text of one <p> element, tags removed, entities decoded, stripped; <p> with only an image dropped.
#   The CMS prefixed the title with "ChanCMS"; the title line drops that prefix.
import html, json, os, re, subprocess

OUT = os.path.dirname(os.path.abspath(__file__))
CRF, CRF_COMMIT = '/work/.mirror/Neuqmiao+CRF-/repo', 'cc0916df8a4d2c02244ae09db1cb66c04fe3d112'
CRF_DIR = 'CRF/19113106原始语料/2015.1.16-2015.1.18'
CMS, CMS_COMMIT = '/work/.mirror/chancms+ChanCMS/repo', '51721131ccf16e28f082b58aad672d06b26eb23d'
man = []


def show(repo, commit, path):
    return subprocess.run(['git', '-C', repo, 'show', f'{commit}:{path}'], capture_output=True, check=True).stdout.decode('utf-8')


def write(name, title, paras, meta):
    with open(f'{OUT}/test/{name}.txt', 'w', encoding='utf-8') as f:
        f.write(title.strip() + '\n\n' + '\n\n'.join(paras) + '\n')
    meta.update(split='test', file=f'corpora/blind/themes/test/{name}.txt', title=title.strip(), n=len(paras))
    man.append(meta)


def pd(name, rel, meta):
    path = f'{CRF_DIR}/{rel}'
    chunks = show(CRF, CRF_COMMIT, path).split('\u3000\u3000')
    header = chunks[0].split('\n')
    paras = [c.strip() for c in chunks[1:] if c.strip()]
    assert all('\n' not in p for p in paras), name
    meta.update(source=f'github.com/Neuqmiao/CRF-@{CRF_COMMIT}:{path}', header=' / '.join(h.strip() for h in header[1:] if h.strip()))
    write(name, os.path.basename(rel)[:-len(".txt")], paras, meta)


pd('2015-01-16-rmrb-renmin-luntan-not-forgetting-roots', '2015.1.16/4/不该忘的是哪个“本”？（人民论坛）.txt',
   dict(genre='commentary', outlet='人民日报 (人民论坛, 周人杰)', date='2015-01-16'))
pd('2015-01-16-rmrb-potato-staple-food-interview', '2015.1.16/4/让土豆当干粮 不是因为咱缺粮（回应）.txt',
   dict(genre='transcript', outlet='人民日报 (回应, 本报记者 冯华)', date='2015-01-16'))
pd('2015-01-17-rmrb-state-council-policy-briefing', '2015.1.17/2/国务院政策例行吹风会“首秀”.txt',
   dict(genre='news', outlet='人民日报 (本报记者 朱剑红 肖伟光)', date='2015-01-17'))
pd('2015-01-17-rmrb-vietnam-china-friendship-article', '2015.1.17/3/友好合作符合越中人民根本利益.txt',
   dict(genre='article', outlet='人民日报 (署名文章, 阮文诗)', date='2015-01-17'))
pd('2015-01-17-rmrb-official-car-reform-auction', '2015.1.17/4/中央和国家机关公车改革，首批300辆公车将于春节前拍卖.txt',
   dict(genre='news', outlet='人民日报 (回应, 本报记者 江琳)', date='2015-01-17'))
pd('2015-01-18-rmrb-courts-2014-review', '2015.1.18/1/严密制度 严格标准 严肃追责.txt',
   dict(genre='feature', outlet='人民日报 (行进中国·精彩故事·盘点2014, 本报记者 彭波)', date='2015-01-18'))
pd('2015-01-18-rmrb-village-cadre-corruption-survey', '2015.1.18/1/小官贪腐不容姑息 严查严管不能手软.txt',
   dict(genre='feature', outlet='人民日报 (微调查, 本报记者 何勇 侯琳良)', date='2015-01-18'))
pd('2015-01-18-rmrb-curbing-vulgar-online-content', '2015.1.18/2/坚决遏制淫色低俗信息反弹.txt',
   dict(genre='news', outlet='人民日报 (本报记者 张洋)', date='2015-01-18'))
pd('2015-01-18-rmrb-yicheng-traffic-police-hero', '2015.1.18/4/山西翼城突发交通事故，在岗交警力护群众学生，一殉职两重伤.txt',
   dict(genre='feature', outlet='人民日报 (点赞中国, 本报记者 周亚军)', date='2015-01-18'))
pd('2015-01-17-rmrb-departure-tax-refund-policy', '2015.1.17/2/我国将全面实施离境退税政策.txt',
   dict(genre='news', outlet='人民日报 (政策解读, 本报记者 李丽辉)', date='2015-01-17'))
pd('2015-01-18-rmrb-banks-police-telecom-fraud', '2015.1.18/2/商业银行与公安等相关部门展开合作.txt',
   dict(genre='news', outlet='人民日报 (据新华社北京1月17日电, 记者吴雨)', date='2015-01-18'))

sql = show(CMS, CMS_COMMIT, 'data/chancms.sql')
m = re.search(r"INSERT INTO `cms_article` VALUES \(21, .*?'ChanCMS(一条鱼如何“接二连三”)'.*?'(  <p>.*?)', 0, \d+, ", sql)
title, body = m.group(1), m.group(2)
paras = []
for p in re.findall(r'<p[^>]*>(.*?)</p>', body.replace('\\"', '"')):
    t = html.unescape(re.sub(r'<[^>]+>', '', p)).strip()
    if t:
        paras.append(t)
write('2024-08-22-peoplecn-xinghua-fish-industry-chain', title, paras,
      dict(genre='feature', outlet='人民网 (photos 人民网 范尧, 王丹丹; 许昌银)', date='2024-08-22',
           source=f'github.com/chancms/ChanCMS@{CMS_COMMIT}:data/chancms.sql (INSERT of cms_article record 21, field content)'))

os.makedirs('/tmp/tgf', exist_ok=True)
json.dump(man, open('/tmp/tgf/manifest_s7f.json', 'w'), ensure_ascii=False, indent=1)
