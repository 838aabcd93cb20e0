"""Print candidate political terms from a folder of texts, for hand review.

The lexicon under ``policytext/data/lexicon/`` is curated by hand; this script only
suggests what to look at.  Two signals are used:

* short quoted units, e.g. “放管服”, “双碳”, “一老一小” (2-12 CJK characters
  between Chinese double quotes), counted over documents;
* recurrent character n-grams (4-8 characters) that occur in many documents.

Candidates already present in the lexicon are left out.  Example::

    /work/venv/bin/python scripts/mine_lexicon_candidates.py /work/shared/corpora/dev \
        --min-docs 3 > /tmp/candidates.tsv
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent.parent / "policytext" / "data" / "lexicon"
QUOTED = re.compile(r"“([\u4e00-\u9fff0-9]{2,12})”")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def load_lexicon(folder: Path) -> set[str]:
    """All entries of every ``*.txt`` in *folder* (comments and blanks skipped)."""
    entries: set[str] = set()
    for path in folder.glob("*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                entries.add(line)
    return entries


def document_counts(texts: list[str], min_n: int, max_n: int) -> tuple[Counter, Counter]:
    """Number of documents containing each quoted unit and each CJK n-gram."""
    quoted: Counter = Counter()
    grams: Counter = Counter()
    for text in texts:
        quoted.update(set(QUOTED.findall(text)))
        seen: set[str] = set()
        for run in CJK_RUN.findall(text):
            for n in range(min_n, max_n + 1):
                seen.update(run[i:i + n] for i in range(len(run) - n + 1))
        grams.update(seen)
    return quoted, grams


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of UTF-8 .txt documents")
    parser.add_argument("--min-docs", type=int, default=3, help="minimum document frequency")
    parser.add_argument("--min-n", type=int, default=4)
    parser.add_argument("--max-n", type=int, default=8)
    args = parser.parse_args()

    texts = [p.read_text(encoding="utf-8") for p in sorted(args.folder.glob("*.txt"))]
    known = load_lexicon(LEXICON_DIR) if LEXICON_DIR.is_dir() else set()
    quoted, grams = document_counts(texts, args.min_n, args.max_n)

    for term, docs in quoted.most_common():
        if docs >= 2 and term not in known:
            print(f"quoted\t{docs}\t{term}")
    # keep only maximal n-grams: drop a gram contained in a one-longer gram of equal count
    frequent = {g: d for g, d in grams.items() if d >= args.min_docs}
    subsumed = set()
    for gram, docs in frequent.items():
        for part in (gram[:-1], gram[1:]):
            if frequent.get(part) == docs:
                subsumed.add(part)
    for gram, docs in sorted(frequent.items(), key=lambda kv: (-kv[1], kv[0])):
        if gram not in subsumed and gram not in known:
            print(f"ngram\t{docs}\t{gram}")


if __name__ == "__main__":
    main()
