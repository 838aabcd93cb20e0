"""Makes the session 7 batch (kpgold-g) test files of corpora/blind/keyphrases/test/ (commits and paths in SOURCES.md,
section "Session 7 batch"). Both sources are local snapshots fetched to /work/.mirror/<owner>+<name>/repo and read at
the commits below with git show. Wording is untouched; only layout changes (a title line, paragraph breaks).
Run: python3 make_files_s7.py"""
import os, re, subprocess
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test") + "/"
MIRROR = os.environ.get("MIRROR", "/work/.mirror")
UNTITLED = "（无标题）"  # the source keeps no headline for this piece: a label, not part of the text
def show(repo, rev, path):
    return subprocess.run(["git", "-C", f"{MIRROR}/{repo}/repo", "show", f"{rev}:{path}"],
                          capture_output=True, check=True).stdout.decode("utf-8")
def write(name, title, paras):
    paras = [p.strip(" \u3000\u2003\u00a0\t\r\n") for p in paras]
    paras = [p for p in paras if p]
    with open(OUT + name, "w", encoding="utf-8") as f:
        f.write(title.strip(" \u3000\t") + "\n\n" + "\n\n".join(paras) + "\n")
# HuangFaShengH/ZhengCeWenBenWaJue: result.txt, the output of the repository's crawler of policy pages (gov.cn and
# ministry sites, 2021): one piece after another, pieces and some headings separated by blank lines, each piece's
# paragraphs run together (CRLF line ends). Pieces are numbered here by their position among the blank-line-separated blocks (0-based).
# The file keeps no headline for most pieces: where a headline is run into the text (题：……, ……答记者问, a document's
# name and 文号) it is put on line 1 (a document's 文号 on a line of its own); otherwise line 1 is UNTITLED. Runs of
# two or more full-width spaces (the pages' paragraph indents and signature layout) become paragraph breaks.
HF = ("HuangFaShengH+ZhengCeWenBenWaJue", "c1a1533635d1f766dcdbd88a11fb270723ccb3c6")
blocks = [b.strip("\r\n") for b in re.split(r"\n\s*\n", show(*HF, "result.txt").replace("\r\n", "\n")) if b.strip()]
def paras(*texts):
    return [p for t in texts for p in re.split(r"\u3000{2,}", t)]
def piece(i, name, title=None, cut=None):
    text = blocks[i]
    if cut:  # the headline run into the text: line 1, the rest is the body
        assert text.startswith(cut), (i, text[:60])
        title, text = cut, text[len(cut):]
    write(name, title or UNTITLED, paras(text))
piece(479, "2021-09-09-xinhua-business-environment-pilot-cities.txt", title="开展营商环境创新试点将更大力度利企便民")  # 题： in the text
piece(507, "2021-01-news-business-environment-regulation-one-year.txt")
piece(480, "2021-09-commentary-jin-guanping-business-environment-pilots.txt")
piece(478, "2020-12-commentary-rcep-business-environment-opening-up.txt")
piece(502, "2020-12-mee-surface-water-monitoring-plan-qa.txt",
      cut="生态环境部生态环境监测司有关负责人就《“十四五”国家地表水监测及评价方案（试行）》答记者问")
piece(498, "2021-mee-moa-agricultural-nonpoint-pollution-qa.txt",
      cut="生态环境部、农业农村部有关司局负责同志就《农业面源污染治理与监督指导实施方案（试行）》答记者问")
piece(16, "2021-mct-private-performing-arts-troupes-qa.txt")
# 国办发〔2020〕13号: the notice's name and 文号 (one block), the notice, the plan's name, the plan
t437 = "国务院办公厅关于印发生态环境领域中央与地方财政事权和支出责任划分改革方案的通知"
assert blocks[437] == t437 + "国办发〔2020〕13号"
write("2020-05-31-state-council-ecology-fiscal-responsibilities-plan.txt", t437,
      ["国办发〔2020〕13号", *paras(blocks[438], blocks[439], blocks[440])])
t451 = "国务院办公厅关于改善农村人居环境的指导意见"
assert blocks[451].startswith(t451 + "国办发〔2014〕25号")
write("2014-05-16-state-council-rural-living-environment-opinions.txt", t451,
      ["国办发〔2014〕25号", *paras(blocks[451][len(t451) + len("国办发〔2014〕25号"):])])
# Mingg2211/M_Sum_v2: src/ext_sum_onnx.py, a summariser's demo code, keeps the full text of Xi Jinping's keynote at the
# China–Central Asia Summit (Xi'an, 2023-05-19) as one string (doc = """…""") with the title
# 习近平在中国－中亚峰会上的主旨讲话（全文） (news = {'title': …}). Line 1 = that title; the body = the string.
MS = ("Mingg2211+M_Sum_v2", "ad1fa2c73211bb4bffe2b8ba0e3913f02321af41")
src = show(*MS, "src/ext_sum_onnx.py")
speech = next(d for d in re.findall(r'doc = """(.*?)"""', src, re.S) if "中国－中亚峰会" in d)
assert "'title':'习近平在中国－中亚峰会上的主旨讲话（全文）'" in src
write("2023-05-19-xi-china-central-asia-summit-keynote.txt", "习近平在中国－中亚峰会上的主旨讲话（全文）", [speech])
