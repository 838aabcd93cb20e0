# How the session-6 (themegold-e) test files of corpora/blind/themes/test/ were made. Same layout as make_files.py,
# make_files_s4c.py and make_files_s5d.py (line 1 = title, then one paragraph per line, separated by one blank line);
# earlier scripts and their outputs are unchanged. Kept for provenance only; it only cuts text.
#
# Source: github.com/Prevalence/DataNews@0e4365430befb89e7fe2906ef4713f6dc5594245:Corpus/习近平讲话.txt (local mirror
# made with the fetch tool, /work/.mirror/Prevalence+DataNews/repo). The file is GB18030-encoded; it is a 2015–2016
# compilation of reprints (新华社/新华网, 央广网, 北京青年报, 四川新闻网's "学习中国" pages …) with few line breaks: each
# paragraph begins with two U+3000 (full-width) spaces. A paragraph here = one chunk of a line split at U+3000 U+3000,
# stripped; "line L, chunks a..b" below counts lines from 0 (split at \n) and chunks from 0. Every document is a
# contiguous run of chunks (one skips the HTML of a photo, see `more`); nothing inside a chunk is changed (the source's own oddities, e.g. "哿ν心" for 戮力同心 and
# "（下转第三版）", are kept). The source prints the title, where it gives one, after the text as "原标题：…"; where it gives
# none the title line was added (SOURCES.md says which).
import json, os, subprocess

OUT = os.path.dirname(os.path.abspath(__file__))
REPO, COMMIT, PATH = 'Prevalence+DataNews', '0e4365430befb89e7fe2906ef4713f6dc5594245', 'Corpus/习近平讲话.txt'
raw = subprocess.run(['git', '-C', f'/work/.mirror/{REPO}/repo', 'show', f'{COMMIT}:{PATH}'],
                     capture_output=True, check=True).stdout.decode('gb18030')
LINES = [line.split('\u3000\u3000') for line in raw.split('\n')]
man = []


def cut(line, a, b):
    return [LINES[line][j].strip() for j in range(a, b + 1)]


def write(name, title, line, a, b, meta, more=()):
    paras = [p for p in cut(line, a, b) + [q for run in more for q in cut(*run)] if p]
    with open(f'{OUT}/test/{name}.txt', 'w', encoding='utf-8') as f:
        f.write(title.strip() + '\n\n' + '\n\n'.join(paras) + '\n')
    meta.update(split='test', file=f'corpora/blind/themes/test/{name}.txt', title=title.strip(), n=len(paras),
                source=f'github.com/Prevalence/DataNews@{COMMIT}:{PATH} (' + '; '.join(f'line {l}, chunks {x}..{y}' for l, x, y in [(line, a, b), *more]) + ')')
    man.append(meta)


def orig_title(line, j):
    t = LINES[line][j].strip()
    assert t.startswith('原标题：'), t
    return t[len('原标题：'):]


write('2016-03-13-xinhua-xi-pla-delegation-innovation', orig_title(0, 32), 0, 19, 31,
      dict(genre='news', outlet='新华社', date='2016-03-13', how='chunks 19..31 (19 = photo caption, not labelled); title from the "原标题" chunk 32'))
write('2016-03-04-xi-cppcc-cndca-acfic-speech', orig_title(8, 40), 8, 8, 39,
      dict(genre='speech', outlet='新华社 (新华社北京3月8日电)', date='2016-03-04', how='chunks 8..39 (the speech; the dateline chunk 7 left out, section headings kept, not labelled); title from the "原标题" chunk 40'))
write('2015-12-22-xinhuanet-central-urban-work-conference', '中央城市工作会议在北京举行', 24, 12, 27,
      dict(genre='news', outlet='新华网', date='2015-12-22', how='chunks 12..27; title line added'))
write('2015-12-16-xi-world-internet-conference-speech', '习近平在第二届世界互联网大会开幕式上的讲话', 24, 50, 84,
      dict(genre='speech', outlet='新华网 (reprint)', date='2015-12-16', how='chunks 50..84 (the full speech from the salutations to "谢谢大家。"); title line added'))
write('2016-02-03-bjyouth-xi-jinggangshan-visit', '［无标题］习近平春节前夕赴江西井冈山看望慰问干部群众', 8, 41, 55,
      dict(genre='feature', outlet='北京青年报 (文/本报记者 赵萌 综合新华社报道)', date='2016-02-03',
           how='chunks 41..55 (the report; its three subheads and the byline chunk 55 kept, not labelled; the "观察" sidebar that follows is left out); the source gives no title: title line added'))
write('2015-10-29-xinhua-18th-cc-5th-plenum-communique', '中国共产党第十八届中央委员会第五次全体会议公报', 48, 4, 26,
      dict(genre='document', outlet='新华社 (as printed in a newspaper, with 下转/上接 marks)', date='2015-10-29',
           how='chunks 4..26 (the communiqué; the photo caption and two headline chunks 1..3 left out); title line added'))
write('2016-02-xuexi-united-front-consensus', '［无标题］“学习中国”：画出最大同心圆（统一战线凝聚共识）', 8, 74, 80,
      dict(genre='theory', outlet='"学习中国" study column (reprinted by 四川新闻网)', date='2016-02',
           how='chunks 74..80 (intro, section heading "一、凝聚共识" kept, not labelled, and its paragraphs; what follows in the file is another text); the source gives no title: title line added'))
write('2016-02-03-bjyouth-xi-spring-festival-inspections', LINES[8][57].strip(), 8, 58, 73,
      dict(genre='feature', outlet='北京青年报 (文/本报记者 赵萌)', date='2016-02-03',
           how='chunks 58..73 (the "观察" sidebar printed with the Jinggangshan report; its column tag chunk 56 left out, its title chunk 57 is the title line; three subheads and the byline chunk 73 kept, not labelled)'))
write('2016-01-16-gmrb-xi-middle-east-visit-special-report', '［无标题］【特别报道】习近平主席新年首访中东', 8, 95, 110,
      dict(genre='feature', outlet='光明日报 (光明日报开罗1月16日电)', date='2016-01-16',
           how='chunks 95..110 (the column tag 【特别报道】, three subheads and the closing dateline/byline chunk 110 kept, not labelled); the source gives no title: title line added'))
write('2016-01-xuexi-pla-absolute-party-leadership', '［无标题］“学习中国”：习近平关于军魂的重要论述（一、建军之魂）', 8, 111, 111,
      dict(genre='theory', outlet='"学习中国" study column (reprinted by 四川新闻网)', date='2016-01',
           how='chunk 111 of line 8 (the introduction) and chunks 1..6 of line 16 (photo caption and section heading kept, not labelled; the lines between are the HTML of a photo); only section 一 is in the source; the source gives no title: title line added'),
      more=[(16, 1, 6)])

os.makedirs('/tmp/tge', exist_ok=True)
json.dump(man, open('/tmp/tge/manifest_s6e.json', 'w'), ensure_ascii=False, indent=1)
