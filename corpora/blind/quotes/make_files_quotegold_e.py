"""Write the session 6 (quotegold-e) test texts from slience-me/data_mining_wordcloud.

Usage: python make_files_quotegold_e.py /path/to/slience-me+data_mining_wordcloud/repo
Each file is the stored data/<date>/<date>-<page>-<n>.txt of commit COMMIT, byte for byte
(人民日报 2023 as crawled from paper.people.com.cn: title lines, then paragraphs indented with 　　).
"""
import subprocess
import sys
from pathlib import Path

COMMIT = "a9bfb45217901a07017650899c4d701cb2420d90"
ITEMS = [
    ("data/20230705/20230705-06-01.txt", "2023-07-05-rmrb-speech-qian-zhengying-100th.txt"),
    ("data/20230706/20230706-03-03.txt", "2023-07-06-rmrb-xinhua-qa-qianwan-project.txt"),
    ("data/20230707/20230707-04-03.txt", "2023-07-07-rmrb-forum-rectify-now-and-long-term.txt"),
    ("data/20230725/20230725-01-01.txt", "2023-07-25-rmrb-xinhua-politburo-meeting-economy.txt"),
    ("data/20230829/20230829-11-01.txt", "2023-08-29-rmrb-theory-chinese-civilisation-features.txt"),
    ("data/20230829/20230829-06-01.txt", "2023-08-29-rmrb-feature-kaifeng-melon-farmer.txt"),
    ("data/20230919/20230919-06-01.txt", "2023-09-19-rmrb-feature-khunjerab-customs.txt"),
    ("data/20230925/20230925-14-01.txt", "2023-09-25-rmrb-feature-xian-guangchang-community.txt"),
    ("data/20231025/20231025-03-03.txt", "2023-10-25-rmrb-press-mps-high-level-security.txt"),
    ("data/20231106/20231106-04-02.txt", "2023-11-06-rmrb-forum-political-integrity.txt"),
]


def main(repo: str) -> None:
    out = Path(__file__).parent / "test"
    for path, name in ITEMS:
        data = subprocess.run(["git", "-C", repo, "show", f"{COMMIT}:{path}"],
                              capture_output=True, check=True).stdout
        (out / name).write_bytes(data)


if __name__ == "__main__":
    main(sys.argv[1])
