"""Field accuracy of the reader on the DEV split of the blind reader gold
(``tests/data/reader_gold_*.jsonl``, files under ``corpora/blind/reader/dev/``). The test split is
never read here: it is scored only by the evaluation, on texts the reader was not developed on.

Run as a script for the figures: ``python tests/test_reader_gold.py [ROOT ...]`` (default: this
repository) prints, per field, how many dev documents the reader gets right.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import pytest

import policytext

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("title", "subtitle", "author", "affiliation", "publication", "date", "genre", "occasion", "dateline")


def dev_gold(root: Path, parts: str = "abcd") -> list[dict]:
    """The gold lines of split "dev" of the gold files ``reader_gold_<part>.jsonl`` under ``root``
    (other lines are skipped unread)."""
    out = []
    for f in sorted((root / "tests" / "data").glob("reader_gold_*.jsonl")):
        if f.stem.rsplit("_", 1)[-1] not in parts:
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip() and '"split": "dev"' in line:
                item = json.loads(line)
                if item.get("split") == "dev":
                    out.append(item)
    return out


def _paras(art: policytext.Article) -> list[list]:
    return [[p.text[:10], p.text[-10:], len(p.text)] for p in art.paragraphs]


def score(root: Path, parts: str = "abcd") -> tuple[dict[str, list[int]], list[str]]:
    """Per field [right, total] over the dev articles of ``parts`` under ``root``, and the misses."""
    counts = {f: [0, 0] for f in (*FIELDS, "sections", "paragraphs", "articles")}
    misses = []
    for item in dev_gold(root, parts):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            arts = policytext.read(root / item["file"])
        gold = item["articles"]
        counts["articles"][0] += len(arts) == len(gold)
        counts["articles"][1] += 1
        for g, a in zip(gold, arts):
            got = {f: getattr(a, f) for f in FIELDS} | {"sections": a.sections, "paragraphs": _paras(a)}
            for f in (*FIELDS, "sections", "paragraphs"):
                ok = got[f] == g[f]
                counts[f][0] += ok
                counts[f][1] += 1
                if not ok:
                    misses.append(f"{Path(item['file']).name} {f}: got {str(got[f])[:120]!r} want {str(g[f])[:120]!r}")
    return counts, misses


@pytest.mark.skipif(not dev_gold(ROOT), reason="no reader gold in this checkout")
def test_dev_gold_fields():
    """Every field and the paragraphs right on at least 95% of the dev articles (72 articles of 65
    files, parts a, b and d: fields 0.97-1.00, paragraphs 0.97 when this was raised from 90%/80%)."""
    counts, misses = score(ROOT)
    for field, (right, total) in counts.items():
        assert right >= 0.95 * total, (field, misses)


# part f (26 files of two repositories new to the reader, session 5) measures how the reader
# generalises rather than what it was fitted to: its figures may not fall below these
F_FLOOR = {"title": 0.88, "subtitle": 0.96, "author": 0.80, "affiliation": 1.0, "publication": 0.80,
           "date": 0.96, "genre": 0.69, "occasion": 0.96, "dateline": 1.0, "sections": 0.84,
           "paragraphs": 0.65, "articles": 1.0}


# part k (9 headless .txt stories of the SogouC corpus from a repository new to the reader, session 7;
# first run: author 0.50, genre 0.50, occasion 0.40, paragraphs 0.20 of 10 articles): its figures,
# over the articles the reader finds, may not fall below these
K_FLOOR = {"title": 0.88, "subtitle": 1.0, "author": 1.0, "affiliation": 0.88, "publication": 1.0,
           "date": 1.0, "genre": 0.88, "occasion": 0.88, "dateline": 1.0, "sections": 0.88,
           "paragraphs": 0.88, "articles": 0.88}


@pytest.mark.parametrize("part, floor", [("f", F_FLOOR), ("k", K_FLOOR)])
def test_dev_gold_floor(part: str, floor: dict[str, float]):
    """The reader does not fall back on the dev parts kept as measures of generalisation (first runs:
    f title 0.50, author 0.54, paragraphs 0.42; k, headless plain-text news of 2006, paragraphs 0.20)."""
    if not dev_gold(ROOT, part):
        pytest.skip(f"no reader gold {part} in this checkout")
    counts, misses = score(ROOT, part)
    for field, (right, total) in counts.items():
        assert right >= floor[field] * total - 1e-9, (field, misses)


if __name__ == "__main__":
    roots = [Path(r) for r in sys.argv[1:]] or [ROOT]
    total = {f: [0, 0] for f in (*FIELDS, "sections", "paragraphs", "articles")}
    for r in roots:
        counts, misses = score(r)
        for f, (a, b) in counts.items():
            total[f][0] += a
            total[f][1] += b
        print("\n".join(misses))
    print("  ".join(f"{f} {a}/{b}" for f, (a, b) in total.items()))
