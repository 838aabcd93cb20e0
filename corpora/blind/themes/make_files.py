# How the files of corpora/blind/themes/{test,dev} were made from the sources named in SOURCES.md.
# Reads local mirrors (/work/.mirror/<owner>+<repo>/repo, made with the fetch tool) at the commits named below;
# writes the .txt files and /tmp/tg/manifest.json (metadata used to write SOURCES.md). Kept for provenance only.
import json, re, html, subprocess, os
OUT='/work/wt-themegold/corpora/blind/themes'
man=[]
def git_show(repo, commit, path):
    return subprocess.run(['git','-C',f'/work/.mirror/{repo}/repo','show',f'{commit}:{path}'],capture_output=True,check=True).stdout.decode('utf-8')
def write(split, name, title, paras, meta):
    os.makedirs(f'{OUT}/{split}', exist_ok=True)
    paras=[p.strip() for p in paras if p.strip()]
    with open(f'{OUT}/{split}/{name}.txt','w',encoding='utf-8') as f:
        f.write(title.strip()+'\n\n'+'\n\n'.join(paras)+'\n')
    meta.update(split=split, file=f'corpora/blind/themes/{split}/{name}.txt', title=title.strip(), n=len(paras))
    man.append(meta)

# --- Xinhua speeches (StLaurentMTL) ---
XR='StLaurentMTL+Xi-Jin-Ping-Speech-Analysis'; XC='5885c1cb0e2eb3d5c14316f6db903204f026ae40'
sp=json.loads(git_show(XR,XC,'corpus/speeches.json'))
speech_sel={ # index: (split, name, genre)
 0:('test','2025-12-31-xinhua-newyear-2026','new_year_address'),
 30:('dev','2024-12-31-xinhua-newyear-2025','new_year_address'),
 6:('test','2025-10-28-xinhua-xi-15th-fyp-explanation','speech'),
 12:('test','2025-09-03-xinhua-xi-victory-80th-anniversary','speech'),
 20:('dev','2025-04-28-xinhua-xi-acftu-100th','speech'),
 29:('test','2025-01-27-xinhua-xi-spring-festival-reception','speech'),
 32:('test','2024-12-20-xinhua-xi-macao-25th-anniversary','speech'),
 45:('dev','2024-09-29-xinhua-xi-national-medals','speech'),
 46:('test','2024-09-27-xinhua-xi-ethnic-unity-commendation','speech'),
 47:('test','2024-09-20-xinhua-xi-cppcc-75th','speech'),
 48:('test','2024-09-14-xinhua-xi-npc-70th','speech'),
 49:('test','2024-09-05-xinhua-xi-focac-summit','speech'),
 51:('test','2024-08-22-xinhua-xi-deng-xiaoping-120th','speech'),
 56:('dev','2024-06-28-xinhua-xi-five-principles-70th','speech'),
 57:('test','2024-06-25-xinhua-xi-national-sci-tech-conference','speech'),
 77:('test','2023-09-15-qiushi-xi-education-power','qiushi'),
 78:('test','2023-08-31-qiushi-xi-cultural-heritage-symposium','qiushi'),
 88:('dev','2023-07-04-qiushi-xi-politburo-4th-study','qiushi'),
 90:('test','2023-03-13-xinhua-xi-14th-npc-first-session','speech'),
 93:('dev','2022-12-31-qiushi-xi-20th-congress-goals','qiushi'),
}
for i,(split,name,genre) in speech_sel.items():
    s=sp[i]
    segs=[x.strip() for x in re.split(r'[\u2003\u3000]{2,}',s['text']) if x.strip()]
    outlet='新华社 / 新华网' if genre!='qiushi' else '《求是》 (reprinted by 新华网)'
    write(split,name,s['title'],segs,dict(genre=genre,outlet=outlet,date=s['publication'][:10],
      source=f'github.com/StLaurentMTL/Xi-Jin-Ping-Speech-Analysis@{XC}:corpus/speeches.json (record {i}, field text; original {s["url"]})',
      how='field text split into paragraphs at the source\'s paragraph indents (two U+2003/U+3000); text otherwise unchanged'))

# --- Government work reports (aldohemsn, wikisource) ---
AR='aldohemsn+chinese-political-corpora'; AC='99bc4b01d11c2b884a83ecc8f966d97e17cd450e'
gw={}
for l in git_show(AR,AC,'government_work_reports.jsonl').splitlines():
    d=json.loads(l); gw[d['year']]=d
def gwr_paras(year):
    c=gw[year]['content']
    return [p.strip().strip('\u3000').strip() for p in re.split(r'\n\s*\n',c) if p.strip()], gw[year]
globals()['gwr_paras']=gwr_paras

# --- 2024 GWR (Qqi-W) ---
QR='Qqi-W/python_learning'; QC='995c637b08d56707d816a6f0b44f0edce34565ac'

# --- 20th congress report (ChujinQQ) ---
CR='ChujinQQ+wordcloud-of-20th-congress-report'; CC='bc6cf8b2fa84487d8a24601317d3b36211f040c8'

json.dump(man,open('/tmp/tg/man_speeches.json','w'),ensure_ascii=False,indent=1)

man2=[]
man_all=man
# reports
def wk(year, lo, hi, split, name):
    c=gw[year]['content']
    ps=[p.strip().strip('\u3000').strip().replace('\n','') for p in re.split(r'\n\s*\n',c) if p.strip()]
    sel=ps[lo:hi+1]
    write(split,name,gw[year]['title'],sel,dict(genre='report',outlet='国务院 (政府工作报告; text from 中文维基文库)',date={'2009':'2009-03-05','2015':'2015-03-05','2014':'2014-03-05','2023':'2023-03-05','2025':'2025-03-05','2004':'2004-03-05'}[year],
      source=f'github.com/aldohemsn/chinese-political-corpora@{AC}:government_work_reports.jsonl (record year={year}, field content; original {gw[year]["url"]})',
      how=f'contiguous part only: paragraphs {lo}..{hi} of the record (0-based, blank-line separated); leading U+3000 indents stripped; line breaks inside a paragraph (wikisource link markup) removed'))
wk('2023',26,73,'test','2023-03-05-gov-work-report-2023-part')
wk('2025',50,80,'dev','2025-03-05-gov-work-report-2025-part')
wk('2004',12,43,'dev','2004-03-05-gov-work-report-2004-part')
wk('2014',60,98,'test','2014-03-05-gov-work-report-2014-part')
wk('2015',70,91,'test','2015-03-05-gov-work-report-2015-part')
wk('2009',92,116,'dev','2009-03-05-gov-work-report-2009-part')

QC='1de809b20fadc8609e763cc001297de5b4eeedcd'
lines=git_show('Qqi-W+python_learning',QC,'2024年政府工作报告.txt').split('\n')
write('test','2024-03-05-gov-work-report-2024-part','政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上',lines[56:89],dict(genre='report',outlet='国务院 (政府工作报告)',date='2024-03-05',
  source=f'github.com/Qqi-W/python_learning@{QC}:2024年政府工作报告.txt',how='contiguous part only: lines 57..89 of the file (section 三（六） to the end); one paragraph per line in the source'))
# 20th congress report
cl=[l.strip() for l in git_show(CR,CC,'二十大报告.txt').split('\n') if l.strip()]
write('test','2022-10-16-cpc-20th-congress-report-part','高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗——在中国共产党第二十次全国代表大会上的报告',cl[91:153],dict(genre='report',outlet='中国共产党第二十次全国代表大会 (习近平报告)',date='2022-10-16',
  source=f'github.com/ChujinQQ/wordcloud-of-20th-congress-report@{CC}:二十大报告.txt',how='contiguous part only: sections 七 to 十四 (non-empty lines 92..153); blank lines between paragraphs normalised to one'))
# laws
LR='LawRefBook+Laws'; LC='2f4c5c23716267af9dbebbbbd6cbbf732b101981'
def law(path, split, name, date, chapter_only):
    t=git_show(LR,LC,path)
    head,body=t.split('<!-- INFO END -->',1)
    title=head.strip().split('\n')[0].lstrip('# ').strip()
    ps=[l.strip() for l in body.split('\n') if l.strip()]
    if chapter_only:
        out=[];seen=0
        for p in ps:
            if p.startswith('## '):
                seen+=1
                if seen>1: break
            if p.lstrip('# ').startswith('第二章'): break
            out.append(p.lstrip('# ').strip())
        ps=out
    write(split,name,title,ps,dict(genre='document',outlet='全国人民代表大会 / 全国人大常委会 (法律)',date=date,
      source=f'github.com/LawRefBook/Laws@{LC}:{path}',how=('first chapter only (第一章 总则); ' if chapter_only else 'full text; ')+'the repository\'s Markdown heading markers (#, ##) removed, promulgation notes before <!-- INFO END --> left out'))
law('宪法相关法/反分裂国家法(2005-03-14).md','test','2005-03-14-npc-anti-secession-law','2005-03-14',False)
law('宪法相关法/国防法(2020-12-26).md','dev','2020-12-26-npc-national-defence-law-ch1','2020-12-26',True)
law('社会法/就业促进法(2015-04-24).md','test','2015-04-24-npc-employment-promotion-law-ch1','2015-04-24',True)
law('社会法/安全生产法(2021-06-10).md','test','2021-06-10-npc-work-safety-law-ch1','2021-06-10',True)
# gov.cn documents (ZhouYNF/platform-1 SQL dump)
ZC=subprocess.run(['git','-C','/work/.mirror/ZhouYNF+platform-1/repo','rev-parse','HEAD'],capture_output=True).stdout.decode().strip()
sql=git_show('ZhouYNF+platform-1',ZC,'db/ge_policy_raw-20190217.sql')
recs=sql.split('INSERT INTO ge_policy_raw')[1:]
def govdoc(key, split, name, date):
    r=[x for x in recs if key in x][0]
    url=re.search(r"'(http://www.gov.cn/[^']*)'",r).group(1)
    title=re.search(r"'000014349/[^']*', '([^']*)'",r).group(1)
    i=r.find('id="UCAP-CONTENT"'); j=r.find('</td>',i)
    frag=r[i:j]
    ps=[html.unescape(re.sub(r'<[^>]+>','',p)).replace('\\n','').strip() for p in re.findall(r'<p[^>]*>(.*?)</p>',frag,flags=re.S)]
    ps=[p for p in ps if p and p!='\u3000']
    write(split,name,title,ps,dict(genre='document',outlet='国务院办公厅 (中国政府网 gov.cn)',date=date,
      source=f'github.com/ZhouYNF/platform-1@{ZC}:db/ge_policy_raw-20190217.sql (row with crawl_url {url}, HTML field, <p> elements of #UCAP-CONTENT)',how='text of each <p> element, tags removed and entities decoded; empty paragraphs dropped'))
    return ps
govdoc('政务新媒体健康有序','test','2018-12-27-gov-office-government-new-media-opinion','2018-12-27')
govdoc('侵华日军遗弃化学武器','dev','1996-gov-office-cmc-abandoned-chemical-weapons-notice','1996')
govdoc('地震重点监视防御区','test','1996-gov-office-earthquake-monitoring-notice','1996')
# news (people-daily-economy-daily)
NR='jiayangrui05160031-cmyk+people-daily-economy-daily'; NC='2fd33cf965fe73fd4c781a923c24a72217c17830'
arts={}
for f in ['data/raw/2026-06-11.json','data/raw/2026-06-12.json']:
    for a in json.loads(git_show(NR,NC,f))['articles']: arts[a['title']]=(f,a)
def news(title, split, name, genre, outlet):
    f,a=arts[title]
    write(split,name,a['title'],a['content'],dict(genre=genre,outlet=outlet,date=a['publish_time'][:10],
      source=f'github.com/jiayangrui05160031-cmyk/people-daily-economy-daily@{NC}:{f} (article {a["article_id"]}, field content; original {a["url"]})',how='field content, one list item per paragraph'))
news('给黑土地做体检，施肥更精细（经济聚焦·农田里的新鲜事）','test','2026-06-12-rmrb-black-soil-fertiliser','feature','人民日报 (via 人民网)')
news('江苏探索科技成果高效转化应用新途径','dev','2026-06-12-rmrb-jiangsu-sci-tech-transfer','news','人民日报 (via 人民网)')
news('长江黄金水道扩能带来新机遇','test','2026-06-12-jjrb-yangtze-waterway','commentary','经济日报 (via 人民网)')
news('电商营销乱象亟须整治','test','2026-06-12-zqrb-ecommerce-marketing-commentary','commentary','证券日报 (via 人民网)')
news('让世界看见中国的科学浪漫','dev','2026-06-12-kjrb-science-romance','commentary','科技日报 (via 人民网)')
news('AI正深度融入数学研究核心环节','test','2026-06-12-kjrb-ai-mathematics','news','科技日报 (via 人民网)')
news('两部门约谈提醒涉嫌非理性竞争汽车生产企业','test','2026-06-11-xinhua-car-makers-talks','news','新华社 (via 人民网)')
news('锂同位素高精度原位检测成功实现','test','2026-06-12-kjrb-lithium-isotope-detection','news','科技日报 (via 人民网)')
news('二季度以来 银行理财规模企稳回升','test','2026-06-12-zqrb-bank-wealth-management','news','证券日报 (via 人民网)')
news('商圈如何接住世界杯流量？','dev','2026-06-12-zqrb-world-cup-consumption','news','证券日报 (via 人民网)')
cc={}
for l in git_show(AR,AC,'cpc_congress_reports.jsonl').splitlines():
    d=json.loads(l); cc[d.get('congress')]=d
d19=cc[19]
ps=[p.strip().strip('\u3000').strip().replace('\n','') for p in re.split(r'\n\s*\n',d19['content']) if p.strip()]
write('test','2017-10-18-cpc-19th-congress-report-part','决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利——在中国共产党第十九次全国代表大会上的报告',ps[82:123],dict(genre='report',outlet='中国共产党第十九次全国代表大会 (习近平报告; text from 中文维基文库)',date='2017-10-18',
  source=f'github.com/aldohemsn/chinese-political-corpora@{AC}:cpc_congress_reports.jsonl (record congress=19, field content; original {d19["url"]})',how='contiguous part only: sections 五 to 八 (paragraphs 82..122 of the record, 0-based, blank-line separated); leading U+3000 indents stripped'))
law('行政法/基本医疗卫生与健康促进法(2019-12-28).md','test','2019-12-28-npc-basic-healthcare-law-ch1','2019-12-28',True)
law('行政法/城乡规划法(2019-04-23).md','test','2019-04-23-npc-urban-rural-planning-law-ch1','2019-04-23',True)
law('社会法/老年人权益保障法(2018-12-29).md','dev','2018-12-29-npc-elderly-rights-law-ch1','2018-12-29',True)
law('经济法/中小企业促进法(2017-09-01).md','dev','2017-09-01-npc-sme-promotion-law-ch1','2017-09-01',True)
law('行政法/教育法(2021-04-29).md','dev','2021-04-29-npc-education-law-ch1','2021-04-29',True)
law('宪法相关法/香港特别行政区维护国家安全法(2020-06-30).md','dev','2020-06-30-npc-hk-national-security-law-ch1','2020-06-30',True)
law('行政法/数据安全法(2021-06-10).md','dev','2021-06-10-npc-data-security-law-ch1','2021-06-10',True)
json.dump(man,open('/tmp/tg/manifest.json','w'),ensure_ascii=False,indent=1)
