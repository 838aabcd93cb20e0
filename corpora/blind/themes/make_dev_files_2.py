# How the dev files added in session 4 (issue 14) were made: two first chapters of laws (LawRefBook/Laws) and two runs
# of the 2026 Hubei government work report (johncodes404/china-provincial-gov-reports-2026), with their gold lines
# (labels written from the text, before the library was run on them). Run from the repository root; kept for provenance.
import csv, json, subprocess
csv.field_size_limit(1 << 28)
OUT = 'corpora/blind/themes/dev'
LR, LC = 'LawRefBook+Laws', '2f4c5c23716267af9dbebbbbd6cbbf732b101981'
PR, PC = 'johncodes404+china-provincial-gov-reports-2026', 'ad4c815c4acefe47240a3afaece74e1eb2011dd3'
def show(repo, commit, path):
    return subprocess.run(['git', '--git-dir', f'/work/.mirror/{repo}/repo', 'show', f'{commit}:{path}'],
                          capture_output=True, check=True).stdout.decode('utf-8')
def law_ch1(path):
    body = show(LR, LC, path).split('<!-- INFO END -->', 1)[1]
    lines = [l.strip() for l in body.splitlines() if l.strip()]
    start = next(i for i, l in enumerate(lines) if l.startswith('## 第一章'))
    end = next(i for i, l in enumerate(lines) if l.startswith('## 第二章'))
    return [l.lstrip('#').strip() for l in lines[start:end]]
rows = []
def write(name, title, paras, labels, genre, note):
    with open(f'{OUT}/{name}.txt', 'w', encoding='utf-8') as f:
        f.write(title + '\n\n' + '\n\n'.join(paras) + '\n')
    body = [p for p in paras if p in labels]
    assert len(body) == len(labels), (name, len(body), len(labels))
    for p in body:
        rows.append({'split': 'dev', 'file': f'{OUT}/{name}.txt', 'paragraph_text': p, 'labels': labels[p],
                     'genre': genre, 'note': note})

# 网络安全法, chapter 1
ps = law_ch1('行政法/网络安全法(2016-11-07).md')
lab = {p: ['digital_governance'] for p in ps[1:]}
for p in ps:
    if p.startswith('第七条'): lab[p] = ['digital_governance', 'foreign_affairs']
    if p.startswith('第十三条'): lab[p] = ['digital_governance', 'livability']
write('2016-11-07-npc-cybersecurity-law-ch1', '中华人民共和国网络安全法', ps, lab, 'document',
      'part of a longer text: first chapter only (第一章 总则)')

# 法律援助法, chapter 1
ps = law_ch1('行政法/法律援助法(2021-08-20).md')
lab = {p: ['rule_of_law'] for p in ps[1:]}
write('2021-08-20-npc-legal-aid-law-ch1', '中华人民共和国法律援助法', ps, lab, 'document',
      'part of a longer text: first chapter only (第一章 总则)')

# 湖北省 2026 government work report, two runs
r = next(csv.DictReader(show(PR, PC, 'output/2026_raw_text/2026_湖北省_政府工作报告.csv').lstrip('\ufeff').splitlines(True)))
lines = [l.strip() for l in r['full_text'].splitlines() if l.strip()]
part = lines[61:75] + lines[121:129]
heads = {lines[61], lines[68], lines[121]}
labels_by_line = {
    62: ['economy'], 63: ['economy'], 64: ['economy'], 65: ['economy'], 66: ['economy', 'innovation'],
    67: ['industry'], 69: ['innovation', 'industry'], 70: ['innovation', 'economy'], 71: ['innovation'],
    72: ['innovation'], 73: ['industry', 'digital_governance'], 74: ['innovation'],
    122: ['reform_institutions'], 123: ['party_leadership'], 124: ['reform_institutions'],
    125: ['rule_of_law', 'reform_institutions'], 126: ['reform_institutions'],
    127: ['reform_institutions', 'party_leadership'], 128: ['party_leadership']}
lab = {lines[i]: v for i, v in labels_by_line.items()}
assert not heads & set(lab)
write('2026-01-27-hubei-gov-work-report-2026-part', '2026年湖北省政府工作报告', part, lab, 'report',
      'part of a longer text: two runs, sections 三(一)-(二) and 四 (non-empty lines 61..74 and 121..128 of full_text)')
with open('tests/data/themes_gold_blind.jsonl', 'a', encoding='utf-8') as f:
    for row in rows:
        f.write(json.dumps(row, ensure_ascii=False) + '\n')
print(len(rows), r['source_url'], r['publish_date'])
