"""Accuracy of the entities stage on the hand-made blind gold (``tests/data/entities_gold_blind.jsonl``).

Texts: ``corpora/blind/entities/{dev,test}/`` (guidelines: ``corpora/blind/entities/GUIDELINES.md``),
each read as :func:`policytext.entities` reads a text: one paragraph per non-empty line. The gold
of both splits was written before the library ran on those texts; look at the errors of ``dev``
only (``--errors``), and run ``test`` once for the figure.

Scores, per kind and over all kinds (micro):

- exact: an entity is right when a gold entity has the same paragraph, offsets and kind;
- overlap: when a gold entity of the same kind overlaps it (boundaries are a judgement call:
  the figure says how many are found at all);

with precision, recall and F1, and the numbers of gold and predicted entities they rest on.

    python bench/bench_entities.py                       # the dev split
    python bench/bench_entities.py --split dev --errors  # develop: the dev mismatches
    python bench/bench_entities.py --split test          # the blind figure (no errors listed)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import policytext  # noqa: E402

GOLD = ROOT / "tests" / "data" / "entities_gold_blind.jsonl"
KINDS = ("person", "office", "organization", "place", "document", "meeting")

Span = tuple[str, int, int, int, str]  # (file, paragraph, start, end, kind)


def load_gold(split: str) -> list[dict]:
    """The gold rows (one per file) of ``split`` ("all": both)."""
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def spans(rows: list[dict]) -> tuple[set[Span], set[Span]]:
    """(gold, predicted) spans of the files of ``rows``; checks that each gold text is the span it names."""
    gold: set[Span] = set()
    pred: set[Span] = set()
    for row in rows:
        f = row["file"]
        lines = [x.strip() for x in (ROOT / f).read_text(encoding="utf-8").splitlines() if x.strip()]
        for e in row["entities"]:
            if lines[e["line"]][e["start"]:e["end"]] != e["text"]:
                raise SystemExit(f"{f}: gold {e} is not the text of line {e['line']} at those offsets")
            gold.add((f, e["line"], e["start"], e["end"], e["kind"]))
        pred |= {(f, e.paragraph, e.start, e.end, e.kind) for e in policytext.entities("\n".join(lines))}
    return gold, pred


def _overlaps(a: Span, others: set[Span]) -> bool:
    return any(b[0] == a[0] and b[1] == a[1] and b[4] == a[4] and b[2] < a[3] and a[2] < b[3] for b in others)


def scores(gold: set[Span], pred: set[Span]) -> dict[str, dict[str, float]]:
    """Per kind and ``all``: exact and overlap precision, recall and F1, with the counts."""
    out = {}
    for kind in (*KINDS, "all"):
        g = {s for s in gold if kind in ("all", s[4])}
        p = {s for s in pred if kind in ("all", s[4])}
        row: dict[str, float] = {"gold": len(g), "pred": len(p)}
        for how, tp_p, tp_g in (("exact", len(g & p), len(g & p)),
                                ("overlap", sum(_overlaps(s, g) for s in p), sum(_overlaps(s, p) for s in g))):
            prec, rec = tp_p / max(1, len(p)), tp_g / max(1, len(g))
            row[f"{how}_p"], row[f"{how}_r"] = prec, rec
            row[f"{how}_f1"] = 2 * prec * rec / max(1e-9, prec + rec)
        out[kind] = row
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--errors", action="store_true", help="list the mismatches (dev only)")
    args = ap.parse_args()
    rows = load_gold(args.split)
    gold, pred = spans(rows)
    genres = Counter(r.get("genre", "?") for r in rows)
    print(f"split {args.split}: {len(rows)} files ({', '.join(f'{g} {n}' for g, n in sorted(genres.items()))}), "
          f"{len(gold)} gold entities, {len(pred)} predicted\n")
    print(f"{'kind':<14}{'gold':>6}{'pred':>6}{'exact P':>9}{'R':>7}{'F1':>7}{'overlap P':>11}{'R':>7}{'F1':>7}")
    for kind, r in scores(gold, pred).items():
        print(f"{kind:<14}{r['gold']:>6.0f}{r['pred']:>6.0f}{r['exact_p']:>9.3f}{r['exact_r']:>7.3f}{r['exact_f1']:>7.3f}"
              f"{r['overlap_p']:>11.3f}{r['overlap_r']:>7.3f}{r['overlap_f1']:>7.3f}")
    if args.errors:
        if args.split != "dev":
            raise SystemExit("--errors lists dev mismatches only: the test split is not looked at")
        texts = {r["file"]: [x.strip() for x in (ROOT / r["file"]).read_text(encoding="utf-8").splitlines() if x.strip()]
                 for r in rows}
        for tag, items in (("missed", gold - pred), ("spurious", pred - gold)):
            print(f"\n{tag} ({len(items)}):")
            for f, k, s, e, kind in sorted(items):
                line = texts[f][k]
                print(f"  {kind:<12} {line[s:e]:<16} …{line[max(0, s - 8):s]}[{line[s:e]}]{line[e:e + 8]}…  {Path(f).name}:{k}")


if __name__ == "__main__":
    main()
