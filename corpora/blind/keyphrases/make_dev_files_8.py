"""Makes the session 7 (kp8) development files of corpora/blind/keyphrases/dev/ from a local snapshot of the source
repository (fetched to /work/.mirror/chengjun+mybook/repo; commit and path in SOURCES.md, section "Session 7 dev batch
(kp8)"). The source file holds one national government work report per line as "<year>\\t<text>", the report's
paragraphs separated by runs of U+3000 / U+00A0. Wording untouched; only layout changed: one paragraph per line, blank
line between; where the report text does not begin with its own title line, line 1 is "<year>年政府工作报告" (made from
the source's year field). Run: python3 make_dev_files_8.py"""
import os, re, subprocess
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dev") + "/"
REPO = "/work/.mirror/chengjun+mybook/repo"
COMMIT = "cb6b34b55e6e7e2b5daddf249ae5f262802e52e2"
text = subprocess.run(["git", "-C", REPO, "show", f"{COMMIT}:data/gov_reports1954-2022.txt"],
                      capture_output=True, check=True).stdout.decode("utf-8")
reports = dict(line.split("\t", 1) for line in text.split("\n") if "\t" in line)
for year, name in [("1985", "1985-03-27-gov-work-report-national-1985.txt"),
                   ("1998", "1998-03-05-gov-work-report-national-1998.txt"),
                   ("2003", "2003-03-05-gov-work-report-national-2003.txt"),
                   ("2007", "2007-03-05-gov-work-report-national-2007.txt"),
                   ("2011", "2011-03-05-gov-work-report-national-2011.txt"),
                   ("2013", "2013-03-05-gov-work-report-national-2013.txt")]:
    paras = [p.strip(" \u3000\u00a0\t") for p in re.split(r"[\u3000\u00a0]{2,}", reports[year])]
    paras = [p for p in paras if p]
    if not paras[0].endswith("政府工作报告"):
        paras.insert(0, f"{year}年政府工作报告")
    with open(OUT + name, "w", encoding="utf-8") as f:
        f.write(paras[0] + "\n\n" + "\n\n".join(paras[1:]) + "\n")
