"""Write the two session 6 speech texts (quotes6) from StLaurentMTL/Xi-Jin-Ping-Speech-Analysis.

Usage: python make_files_quotes6_speeches.py /path/to/StLaurentMTL+Xi-Jin-Ping-Speech-Analysis/repo
Each file: the record's title, a blank line, then the field text split at runs of U+2003/U+3000,
one paragraph per line with a blank line between (as for the session 3 speeches).
"""
import json
import re
import subprocess
import sys
from pathlib import Path

COMMIT = "5885c1cb0e2eb3d5c14316f6db903204f026ae40"
ITEMS = [
    ("20231226/6764e2fe36354fef84f447081ad85934", "2023-12-26-xinhua-xi-speech-mao-zedong-130th.txt"),
    ("20241216/910206aabc894fa981675ad1c1fff4b8", "2024-12-16-xinhua-xi-speech-qiao-shi-100th.txt"),
]


def main(repo: str) -> None:
    out = Path(__file__).parent / "dev"
    data = json.loads(subprocess.run(["git", "-C", repo, "show", f"{COMMIT}:corpus/speeches.json"],
                                     capture_output=True, text=True, check=True).stdout)
    for key, name in ITEMS:
        rec = next(r for r in data if key in r["url"])
        paras = [x.strip() for x in re.split(r"[\u2003\u3000]+", rec["text"]) if x.strip()]
        (out / name).write_text(rec["title"] + "\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
