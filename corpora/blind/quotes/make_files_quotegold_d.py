"""Write the two 2026-08 test texts of session 5 (quotegold-d) from NameIsReallyOk/xwlb-rss.

Usage: python make_files_quotegold_d.py /path/to/NameIsReallyOk+xwlb-rss/repo
Each file: title (the item's <strong>), a blank line, the item's <p> text as stored.
The eleven 2026-09-08 files were copied by hand from the stored file of commit
00f8f28e0bc7ea30e8775f9b0d549dfdcd4ef105 (see SOURCES.md), which the snapshot lacks.
"""
import re
import subprocess
import sys
from pathlib import Path

ITEMS = [
    ("2a3f23e8fdcbd293e7478c6c772e45f4ba321c6b", "【活力中国调研行】“陪跑”团队跑出创新加速度",
     "2026-08-16-cctv-xwlb-yongjiang-lab-accompany-team.txt"),
    ("94614c702234592af0e8c232a82fb6048859a6b3", "赛事激发经济发展新活力",
     "2026-08-21-cctv-xwlb-sports-events-economy.txt"),
]


def main(repo: str) -> None:
    out = Path(__file__).parent / "test"
    for commit, title, name in ITEMS:
        xml = subprocess.run(["git", "-C", repo, "show", f"{commit}:xwlb.xml"],
                             capture_output=True, text=True, check=True).stdout
        for part in re.search(r"CDATA\[(.*)\]\]", xml, re.S).group(1).split("<hr>"):
            if f"<strong>{title}</strong>" in part:
                body = "".join(re.findall(r"<p>(.*?)</p>", part, re.S))
                (out / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
                break
        else:
            raise SystemExit(f"not found: {title}")


if __name__ == "__main__":
    main(sys.argv[1])
