# How the dev files added by helper themes8 (session 7, issue 14) were made: ten documents from two repositories
# that the project had never used (claimed in CLAIMS7 as dev):
# - three analyses of the 大庆市统计局 (a city statistics bureau: the rural economy of 2014, the first half of 2016, the
#   first quarter of 2017), kept as sample data in github.com/wzqjava/DaQingStatsDemo-master
#   (app/src/main/java/com/stats/daqing/bean/ArticlesBean.java, the JSON `articlesList` in a comment; field `content`,
#   HTML); a genre the blind gold did not have (statistical analysis);
# - seven 人民日报 / 人民日报海外版 articles of 2026-07-04 as github.com/zijunxu0208/people-daily-researching-ds keeps
#   them (people-daily-researching/outputs/*_20260704_报道摘要.json, field 摘要): the opening of each article, whole
#   sentences up to at least 100 characters (the extractor's rule), its paragraphs joined by a space: news ledes with
#   datelines, a feature's opening, a report of a ceremony, a meeting, a plan, two e-services, Macao youth.
# Labels written from the text, before the library was run on any of them. Headings (一、… / （一）…) are kept in the
# file but not labelled; line 1 of a file is the title (the statistics pieces repeat their title as the first <p>:
# written once). Run from the repository root; kept for provenance.
import html, json, re, subprocess
OUT = 'corpora/blind/themes/dev'
DQ, DQC = 'wzqjava+DaQingStatsDemo-master', '23913979558b96b4781a4e05136c21402f843167'
PD, PDC = 'zijunxu0208+people-daily-researching-ds', '5dadd2b1226dbb62e046dfdef6d979c4d12f7eca'


def show(repo: str, commit: str, path: str) -> str:
    """A file of a fetched repository (``/work/.mirror``) at ``commit``."""
    return subprocess.run(['git', '--git-dir', f'/work/.mirror/{repo}/repo', 'show', f'{commit}:{path}'],
                          capture_output=True, check=True).stdout.decode('utf-8')


def daqing(k: int):
    """Title and paragraphs (HTML ``<p>``) of article ``k`` of the app's sample list; the title <p> dropped."""
    raw = show(DQ, DQC, 'app/src/main/java/com/stats/daqing/bean/ArticlesBean.java')
    a = json.loads(re.search(r'articlesList : (\[.*?\])\s*\n', raw, re.S).group(1))[k]
    ps = [html.unescape(re.sub(r'<[^>]+>', '', p)).replace('\xa0', '').strip() for p in a['content'].split('</p>')]
    ps = [p for p in ps if p]
    assert ps[0] == a['title']
    return a['title'], ps[1:]


def people(edition: str, k: int):
    """Title and paragraphs of item ``k`` of one 报道摘要 file: split where a space follows a sentence end."""
    a = json.loads(show(PD, PDC, f'people-daily-researching/outputs/{edition}_20260704_报道摘要.json'))[k]
    return a['文章标题'], re.split(r'(?<=[。！？”])\s+', a['摘要'])


rows = []


def write(name, source, labels, genre, n):
    """``labels``: paragraph index → labels (unlisted paragraphs, the headings, are not labelled)."""
    title, paras = source
    assert len(paras) == n, (name, len(paras))
    with open(f'{OUT}/{name}.txt', 'w', encoding='utf-8') as f:
        f.write(title + '\n\n' + '\n\n'.join(paras) + '\n')
    for i in sorted(labels):
        rows.append({'split': 'dev', 'file': f'{OUT}/{name}.txt', 'paragraph_text': paras[i], 'labels': labels[i],
                     'genre': genre})


N, EC, AR, IN, ESS = ['none'], 'economy', 'agriculture_rural', 'industry', 'employment_social_security'
HE, DG, FA, INN, HMT, ECO = 'health', 'digital_governance', 'foreign_affairs', 'innovation', 'hk_macau_taiwan', 'ecology'

# 大庆市统计局 (paragraph indices after the title; headings left out)
write('2015-daqing-stats-rural-economy-2014', daqing(0), {
    0: [AR], 2: [AR], 4: [AR], 6: [AR], 8: [AR], 10: [AR], 12: [AR, HE], 13: [AR]}, 'statistics', n=14)
write('2016-daqing-stats-first-half-economy', daqing(1), {
    0: [EC], 2: [EC], 3: [EC], 4: [EC], 5: [EC], 6: [EC], 8: [AR], 9: [AR], 10: [AR], 11: [AR],
    13: [IN], 14: [IN], 15: [IN], 17: [EC], 18: [EC], 19: [EC], 20: [EC], 22: [EC], 23: [EC], 24: [EC],
    26: [EC], 27: [EC], 28: [EC], 30: [ESS], 32: [EC], 33: [EC], 34: [EC]}, 'statistics', n=35)
write('2017-daqing-stats-first-quarter-economy', daqing(2), {
    0: [EC], 3: [EC], 5: [AR], 6: [AR], 8: [IN], 10: [EC], 12: [EC], 14: [EC], 16: [EC], 18: [EC], 20: [EC],
    22: [EC], 24: [IN], 25: [ECO, EC], 26: [EC]}, 'statistics', n=27)

# 人民日报 / 人民日报海外版, 2026-07-04 (openings)
write('2026-07-04-rmrb-cmc-generals-promotion', people('人民日报', 0), {0: N, 1: N}, 'news', n=2)
write('2026-07-04-rmrb-beautiful-china-15th-fyp', people('人民日报', 13), {0: [ECO], 1: [ECO]}, 'news', n=2)
write('2026-07-04-rmrb-danish-king-meets-wang-yi', people('人民日报', 25), {0: N, 1: [FA]}, 'news', n=2)
write('2026-07-04-rmrb-medical-insurance-drug-finder', people('人民日报', 39), {0: [HE, DG]}, 'news', n=1)
write('2026-07-04-rmrb-employment-service-map', people('人民日报', 40), {0: [ESS, DG]}, 'news', n=1)
write('2026-07-04-rmrb-brain-computer-interface', people('人民日报', 42), {
    0: [INN, IN], 1: [INN, IN], 2: [IN, INN]}, 'feature', n=3)
write('2026-07-04-rmrbhwb-macao-youth-gba-internships', people('人民日报海外版', 22), {
    0: [HMT, ESS], 1: [HMT, ESS]}, 'news', n=2)

with open('tests/data/themes_gold_blind.jsonl', 'a', encoding='utf-8') as f:
    for row in rows:
        f.write(json.dumps(row, ensure_ascii=False) + '\n')
print(len(rows), 'rows', len({r['file'] for r in rows}), 'files')
