# How the dev files added in session 6 (issue 14, helper themes6) were made: 12 新闻联播 items of four days that the
# theme model's training corpus lacks (2024-05-09, 2026-02-26, 2026-03-01, 2026-08-22: days absent from
# yuekcc/cctv_news and china-data/xwlb as trained on), from DuckBurnIncense/xin-wen-lian-bo; one speech
# (StLaurentMTL/Xi-Jin-Ping-Speech-Analysis) and a run of the 2026 Gansu government work report
# (johncodes404/china-provincial-gov-reports-2026), with their gold lines (labels written from the text, before the
# library was run on them). Photo captions, datelines, bylines, source/date lines and headings are kept in the file
# but not labelled. Run from the repository root; kept for provenance.
import csv, html, io, json, re, subprocess
csv.field_size_limit(1 << 28)
OUT = 'corpora/blind/themes/dev'
NR, NC = 'DuckBurnIncense+xin-wen-lian-bo', 'ae8d591d33dd3701a34045e0acb24cd5b70b2ede'
SR, SC = 'StLaurentMTL+Xi-Jin-Ping-Speech-Analysis', '5885c1cb0e2eb3d5c14316f6db903204f026ae40'
PR, PC = 'johncodes404+china-provincial-gov-reports-2026', 'ad4c815c4acefe47240a3afaece74e1eb2011dd3'
def show(repo, commit, path):
    return subprocess.run(['git', '--git-dir', f'/work/.mirror/{repo}/repo', 'show', f'{commit}:{path}'],
                          capture_output=True, check=True).stdout.decode('utf-8')
def xwlb_items(day):
    """The items of one day (``### title`` sections of ``## 详细新闻``): title and paragraphs (HTML ``<p>``)."""
    body = show(NR, NC, f'news/{day}.md').split('## 详细新闻', 1)[1].split('\n---\n')[0]
    out = []
    for chunk in re.split(r'^### ', body, flags=re.M)[1:]:
        title, _, txt = chunk.partition('\n')
        paras = [html.unescape(re.sub(r'<[^>]+>', '', p)).replace('\xa0', '').strip() for p in re.split(r'</p>|<br\s*/?>|\n', txt)]
        paras = [re.sub(r'^央视网消息（新闻联播）：', '', p) for p in paras if p and not p.startswith('[查看原文]')]
        out.append((title.strip(), [p for p in paras if p]))
    return out
rows = []
def write(name, title, paras, labels, genre):
    """``labels``: paragraph index → labels (unlisted paragraphs are not labelled)."""
    with open(f'{OUT}/{name}.txt', 'w', encoding='utf-8') as f:
        f.write(title + '\n\n' + '\n\n'.join(paras) + '\n')
    for i in sorted(labels):
        rows.append({'split': 'dev', 'file': f'{OUT}/{name}.txt', 'paragraph_text': paras[i], 'labels': labels[i], 'genre': genre})
N, FA, EC, IN, IND, CU = ['none'], 'foreign_affairs', 'economy', 'innovation', 'industry', 'culture'
RI, PL = 'reform_institutions', 'party_leadership'
days = {d: xwlb_items(d) for d in ('20240509', '20260226', '20260301', '20260822')}
def item(day, k, name, labels, genre='news', n=None):
    title, paras = days[day][k]
    assert n is None or len(paras) == n, (name, len(paras))
    assert set(labels) == set(range(len(paras))), name
    write(name, title, paras, labels, genre)

item('20240509', 1, '2024-05-09-xwlb-xi-serbia-talks', {
    0: N, 1: [FA], 2: [FA], 3: [FA], 4: [FA], 5: [FA, EC], 6: [FA, IN], 7: [FA], 8: [FA, EC], 9: [FA],
    10: N, 11: N, 12: N}, n=13)
item('20240509', 2, '2024-05-09-xwlb-xi-serbia-press', {
    0: N, 1: N, 2: [FA], 3: [FA], 4: [FA], 5: [FA], 6: [FA, EC], 7: [FA], 8: [FA], 9: [EC, FA], 10: [FA, EC],
    11: [EC, FA], 12: [FA, IN], 13: [FA, 'education'], 14: [FA, EC], 15: [FA], 16: [FA], 17: N}, n=18)
item('20240509', 3, '2024-05-09-xwlb-xi-serbia-banquet', {
    0: N, 1: N, 2: [FA], 3: [FA, CU], 4: [FA], 5: N}, n=6)
item('20240509', 7, '2024-05-09-xwlb-li-qiang-xinjiang', {
    0: [EC, IND], 1: [EC], 2: [IND, IN], 3: ['livability', 'social_governance', 'employment_social_security'],
    4: [EC], 5: N}, n=6)
item('20240509', 13, '2024-05-09-xwlb-pingyu-jinren-hungary', {
    0: [CU, FA], 1: [CU], 2: [FA, CU], 3: [CU]}, n=4)
item('20260226', 3, '2026-02-26-xwlb-li-qiang-sino-german-council', {
    0: N, 1: [FA, EC], 2: [EC, FA], 3: [FA, EC], 4: N}, n=5)
item('20260226', 4, '2026-02-26-xwlb-npc-standing-committee-closes', {
    **{i: N for i in range(9)}, 9: [RI], 10: [RI], 11: [RI], 12: N, 13: N}, n=14)
item('20260226', 7, '2026-02-26-xwlb-deputy-li-feng-gig-workers', {
    0: ['employment_social_security'], 1: ['employment_social_security'], 2: ['employment_social_security']},
    genre='feature', n=3)
item('20260226', 8, '2026-02-26-xwlb-embodied-ai-park', {
    0: [IND, IN], 1: [IN, IND], 2: [IND, IN], 3: [IN], 4: [IND], 5: [IND, IN], 6: [IND], 7: [IND, IN],
    8: [IN, IND]}, genre='feature', n=9)
item('20260301', 2, '2026-03-01-xwlb-cppcc-standing-committee-opens', {0: N, 1: N, 2: N}, n=3)
item('20260822', 1, '2026-08-22-xwlb-ccdi-sixth-plenum-communique', {
    0: N, 1: N, 2: N, 3: [PL], 4: [PL], 5: N}, n=6)
item('20260822', 5, '2026-08-22-xwlb-foguang-temple', {
    0: [CU], 1: [CU], 2: [CU], 3: [CU], 4: [CU, 'rule_of_law'], 5: [CU]}, genre='feature', n=6)

# speech: 习近平在全国政协新年茶话会上的讲话 (2023-12-29), split at the paragraph indents as the training script does
rec = next(r for r in json.loads(show(SR, SC, 'corpus/speeches.json'))
           if r['url'] == 'http://www.news.cn/politics/leaders/20231229/9b6c6b21172a460c91c359d965992e13/c.html')
paras = [p for p in re.split(r'[\u2003\u3000]{2,}|\n', rec['text']) if p.strip()]
assert len(paras) == 14
write('2023-12-29-xinhua-xi-cppcc-new-year-tea-party-2024', rec['title'], paras, {
    2: N, 3: N, 4: [EC], 6: N, 7: [RI], 8: N, 9: [EC], 10: [RI], 11: N, 12: ['social_governance'], 13: N}, 'speech')

# 2026 Gansu government work report: the opening (lines 10-29 of full_text's non-empty lines) and the closing (89-94)
r = next(csv.DictReader(io.StringIO(show(PR, PC, 'output/2026_raw_text/2026_甘肃省_政府工作报告.csv').lstrip('\ufeff'))))
lines = [l.strip() for l in r['full_text'].splitlines() if l.strip()]
assert lines[9] == '2026年甘肃省政府工作报告' and lines[15] == '各位代表：'
part = lines[10:30] + lines[89:95]
by_line = {15: N, 16: N, 18: [EC], 19: [EC, IND], 20: [IND], 21: [EC, CU],
           22: ['livability', 'employment_social_security', 'ecology'], 23: ['security_resilience'], 24: N,
           25: [IND, IN], 26: [EC], 27: ['agriculture_rural'], 28: [RI, EC], 29: ['ecology'],
           89: [RI], 90: [PL, RI], 91: ['rule_of_law', RI], 92: [RI], 93: [PL], 94: [PL]}
write('2026-01-27-gansu-gov-work-report-2026-part', lines[9], part,
      {(i - 10 if i < 30 else i - 89 + 20): v for i, v in by_line.items()}, 'report')

with open('tests/data/themes_gold_blind.jsonl', 'a', encoding='utf-8') as f:
    for row in rows:
        f.write(json.dumps(row, ensure_ascii=False) + '\n')
print(len(rows), 'rows', len({r['file'] for r in rows}), 'files')
