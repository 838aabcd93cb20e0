"""Accuracy of the reader on the blind reader gold (``tests/data/reader_gold_*.jsonl``; texts under
``corpora/blind/reader/``; guidelines in ``corpora/blind/reader/GUIDELINES.md``).

For each field (title, subtitle, author, affiliation, publication, date, genre, occasion, dateline,
sections) it prints the share of gold articles the reader gets exactly right. It also prints the
share with exactly the right paragraphs (the first and last 10 characters and the length of every
body paragraph, in order) and the share of files split into the right number of articles. An
article the reader did not find counts as wrong on every field. Issue 12's targets on the test
split: every field ≥ 0.98, paragraphs ≥ 0.95.

    python bench/bench_reader.py                 # the test split
    python bench/bench_reader.py --split dev --errors
    python bench/bench_reader.py --split dev --set h   # one gold file (reader_gold_h.jsonl) only
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import policytext  # noqa: E402

FIELDS = ("title", "subtitle", "author", "affiliation", "publication", "date", "genre", "occasion", "dateline",
          "sections")


def gold(split: str, part: str = "*") -> list[dict]:
    items = []
    for f in sorted((ROOT / "tests" / "data").glob(f"reader_gold_{part}.jsonl")):
        items += [json.loads(x) for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [i for i in items if i["split"] == split]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="test", choices=["test", "dev"])
    ap.add_argument("--errors", action="store_true", help="print every mismatch")
    ap.add_argument("--set", default="*", help="only the gold file reader_gold_SET.jsonl (e.g. h)")
    args = ap.parse_args()
    right: Counter[str] = Counter()
    n_articles = n_files = files_ok = 0
    errors = []
    by_genre: Counter[str] = Counter()
    genre_ok: Counter[str] = Counter()
    for item in gold(args.split, args.set):
        path = ROOT / item["file"]
        n_files += 1
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                arts = policytext.read(path)
        except policytext.PolicytextError as exc:
            arts = []
            errors.append(f"{path.name}: {exc}")
        files_ok += len(arts) == len(item["articles"])
        for i, g in enumerate(item["articles"]):
            n_articles += 1
            a = arts[i] if i < len(arts) else None
            got = {f: getattr(a, f) for f in FIELDS} if a else {}
            got["paragraphs"] = [[p.text[:10], p.text[-10:], len(p.text)] for p in a.paragraphs] if a else None
            all_ok = True
            for f in (*FIELDS, "paragraphs"):
                ok = a is not None and got[f] == g[f]
                right[f] += ok
                all_ok &= ok
                if not ok and f != "paragraphs":
                    errors.append(f"{path.name}#{i + 1} {f}: got {str(got.get(f))[:80]!r} want {str(g[f])[:80]!r}")
                elif not ok:
                    errors.append(f"{path.name}#{i + 1} paragraphs: got {len(got[f] or [])} want {len(g[f])}")
            by_genre[g["genre"]] += 1
            genre_ok[g["genre"]] += all_ok
    print(f"split {args.split}: {n_files} files, {n_articles} gold articles")
    for f in (*FIELDS, "paragraphs"):
        print(f"  {f:<12} {right[f]:>4}/{n_articles}  {right[f] / max(n_articles, 1):.3f}")
    print(f"  {'articles':<12} {files_ok:>4}/{n_files}  {files_ok / max(n_files, 1):.3f}  (files split into the right number of articles)")
    print("  all fields and paragraphs right, by genre: " + ", ".join(
        f"{g} {genre_ok[g]}/{n}" for g, n in by_genre.most_common()))
    if args.errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
