"""Write the session 6 development texts (quotes6) from DuckBurnIncense/xin-wen-lian-bo.

Usage: python make_files_quotes6.py /path/to/DuckBurnIncense+xin-wen-lian-bo/repo
Each file: the item's ### title, a blank line, then the text of each <p> (tags removed, ends trimmed),
one paragraph per line with a blank line between; the 查看原文 link is left out.
"""
import re
import subprocess
import sys
from pathlib import Path

COMMIT = "ae8d591d33dd3701a34045e0acb24cd5b70b2ede"
ITEMS = [
    ("20230105", "【新时代新征程新伟业】山西东圣社区：以党建引领基层治理", "2023-01-05-cctv-xwlb-shanxi-dongsheng-community.txt"),
    ("20230301", "习近平在中央党校建校90周年庆祝大会暨2023年春季学期开学典礼上发表重要讲话强调", "2023-03-01-cctv-xwlb-xi-party-school-90th.txt"),
    ("20230315", "团结奋斗 开拓创新 在新征程上作出新业绩谱写新篇章", "2023-03-15-cctv-xwlb-npc-closing-speech-response.txt"),
    ("20230315", "外国领导人热烈祝贺习近平当选国家主席", "2023-03-15-cctv-xwlb-foreign-leaders-congratulate.txt"),
    ("20230518", "习近平同哈萨克斯坦总统会谈", "2023-05-18-cctv-xwlb-xi-kazakhstan-talks.txt"),
    ("20230525", "国际联播快讯", "2023-05-25-cctv-xwlb-international-briefs.txt"),
    ("20230620", "【新思想引领新征程】美美与共 让世界文明百花园姹紫嫣红", "2023-06-20-cctv-xwlb-civilisations-garden.txt"),
    ("20230914", "习近平对新时代办公厅工作作出重要指示强调", "2023-09-14-cctv-xwlb-xi-general-office-instruction.txt"),
    ("20231020", "习近平会见越南国家主席", "2023-10-20-cctv-xwlb-xi-meets-vietnam-president.txt"),
    ("20231020", "习近平会见莫桑比克总理", "2023-10-20-cctv-xwlb-xi-meets-mozambique-pm.txt"),
    ("20231020", "推动共建“一带一路”进入高质量发展的新阶段", "2023-10-20-cctv-xwlb-belt-road-forum-speech-response.txt"),
    ("20231208", "中共中央政治局召开会议 分析研究2024年经济工作", "2023-12-08-cctv-xwlb-politburo-economy-2024.txt"),
    ("20231208", "征求对经济工作的意见和建议 中共中央召开党外人士座谈会", "2023-12-08-cctv-xwlb-non-party-symposium.txt"),
]


def main(repo: str) -> None:
    out = Path(__file__).parent / "dev"
    for date, title, name in ITEMS:
        md = subprocess.run(["git", "-C", repo, "show", f"{COMMIT}:news/{date}.md"],
                            capture_output=True, text=True, check=True).stdout
        for part in md.split("\n### ")[1:]:
            head, _, rest = part.partition("\n")
            if head.startswith(title):
                paras = [re.sub(r"<[^>]+>", "", p).strip() for p in re.findall(r"<p>(.*?)</p>", rest, re.S)]
                body = "\n\n".join(p for p in paras if p)
                (out / name).write_text(f"{head.strip()}\n\n{body}\n", encoding="utf-8")
                break
        else:
            raise SystemExit(f"not found: {date} {title}")


if __name__ == "__main__":
    main(sys.argv[1])
