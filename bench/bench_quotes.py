"""Accuracy of the quotation stage on the hand-made gold sets.

Two gold sets: ``tests/data/quotes_gold.jsonl`` (the older one: splits "dev" and "heldout-*")
and ``tests/data/quotes_gold_blind.jsonl`` (issue 13: 81 documents split by document into
"blind-dev", which rules may be developed on, and "blind-test", annotated before the library ever
ran on it and never tuned on; its first-run figure is kept in tests/data/quotes_gold_blind.md).

Detection: precision / recall / F1 per kind (direct, indirect, turn, term). A gold quotation is
found when a predicted one of the same file has the same text and context (the 10 characters
before it); indirect quotations match on character overlap (Jaccard >= 0.5) since their end is a
judgement call. Attribution: over gold quotations found with the right kind, the share with the
right speaker, speakers (the list; a prediction without one has ``[speaker]``), source,
source_type and date (exact match, None = None). "said" sums direct, indirect and turn; its
``full`` column is the share of all gold quotations found with the right kind, speaker, source
and date.

    python bench/bench_quotes.py                         # every split but blind-test
    python bench/bench_quotes.py --split blind-dev --errors   # develop: the dev mismatches
    python bench/bench_quotes.py --split blind-test      # the blind figure (no errors listed)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import policytext  # noqa: E402

GOLDS = {"old": ROOT / "tests" / "data" / "quotes_gold.jsonl", "blind": ROOT / "tests" / "data" / "quotes_gold_blind.jsonl"}
BLIND = ROOT / "corpora" / "blind" / "quotes"  # dev/ and test/: a document without any quotation has no gold row
KINDS = ("direct", "indirect", "turn", "term")
SAID = ("direct", "indirect", "turn")
FIELDS = ("speaker", "speakers", "source", "source_type", "date")


def load_gold(which: str = "both") -> list[dict]:
    """Gold rows of the old set, the blind set or both; blind splits are named blind-dev/blind-test
    and every row gets its ``speakers`` list."""
    rows = []
    for name, path in GOLDS.items():
        if which not in ("both", name):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                g = json.loads(line)
                split = g.get("split", "dev")
                g["split"] = f"blind-{split}" if name == "blind" else split
                g.setdefault("speakers", g["speaker"].split("、") if g["speaker"] else [])  # the old gold: 中共中央办公厅、国务院办公厅
                rows.append(g)
    return rows


def predictions(files: list[str]) -> list[dict]:
    out = []
    for f in files:
        for art in policytext.read(ROOT / f):
            paras = {p.index: p.text for p in art.paragraphs}
            for q in art.quotations():
                d = q.to_dict()
                d["file"] = f
                d["before"] = paras[q.paragraph][max(0, q.start - 10):q.start]
                if d.get("speakers") is None:
                    d["speakers"] = [d["speaker"]] if d["speaker"] else []
                out.append(d)
    return out


def _overlap(a: str, b: str) -> float:
    if a in b or b in a:
        return min(len(a), len(b)) / max(len(a), len(b))
    ga = {a[i:i + 2] for i in range(len(a) - 1)}
    gb = {b[i:i + 2] for i in range(len(b) - 1)}
    return len(ga & gb) / max(1, len(ga | gb))


def _same_place(g: dict, p: dict) -> bool:
    gb, pb = g["before"], p["before"]
    n = min(len(gb), len(pb))
    return gb[len(gb) - n:] == pb[len(pb) - n:]


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Pairs (gold, prediction); unmatched on either side paired with None."""
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pred):
        by_file[p["file"]].append(i)
    used: set[int] = set()
    pairs = []
    for g in gold:
        cands = [i for i in by_file[g["file"]] if i not in used]
        best = None
        exact = [i for i in cands if pred[i]["text"] == g["text"] and _same_place(g, pred[i])]
        loose = [i for i in cands if pred[i]["text"] == g["text"]]
        if exact:
            best = exact[0]
        elif g["kind"] == "indirect" or any(pred[i]["kind"] == "indirect" for i in cands):
            scored = [(_overlap(g["text"], pred[i]["text"]), i) for i in cands if "indirect" in (g["kind"], pred[i]["kind"])]
            scored = [s for s in scored if s[0] >= 0.5]
            if scored:
                best = max(scored)[1]
        if best is None and loose:
            best = loose[0]
        if best is not None:
            used.add(best)
            pairs.append((g, pred[best]))
        else:
            pairs.append((g, None))
    pairs.extend((None, pred[i]) for i in range(len(pred)) if i not in used)
    return pairs


def _cell(right: int, total: int) -> str:
    return f"{right:3d}/{total:3d} {right / total if total else 0:.2f}".rjust(12)


def table(pairs: list[tuple[dict | None, dict | None]]) -> str:
    head = f"{'kind':9s} {'gold':>5s} {'pred':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}  " + " ".join(f"{f:>12s}" for f in (*FIELDS, "full"))
    lines = [head]
    for kinds in [(k,) for k in KINDS] + [SAID]:
        label = kinds[0] if len(kinds) == 1 else "said"
        ok = [(g, p) for g, p in pairs if g and p and g["kind"] in kinds and p["kind"] == g["kind"]]
        ng = sum(1 for g, _ in pairs if g and g["kind"] in kinds)
        np_ = sum(1 for _, p in pairs if p and p["kind"] in kinds)
        prec, rec = len(ok) / np_ if np_ else 0.0, len(ok) / ng if ng else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        row = f"{label:9s} {ng:5d} {np_:5d} {prec:6.3f} {rec:6.3f} {f1:6.3f}  "
        if "term" not in kinds:
            cells = [_cell(sum(1 for g, p in ok if g[f] == p[f]), len(ok)) for f in FIELDS]
            full = sum(1 for g, p in ok if all(g[f] == p[f] for f in ("speaker", "source", "date")))
            row += " ".join(cells) + " " + _cell(full, ng)
        lines.append(row)
    return "\n".join(lines)


def errors(pairs: list[tuple[dict | None, dict | None]]) -> str:
    out = []
    for g, p in pairs:
        where = (g or p)["file"].split("/")[-1][:32]
        if g is None:
            out.append(f"FP   {where} {p['kind']:8s} {p['text'][:40]!r} ({p['speaker']})")
        elif p is None:
            out.append(f"FN   {where} {g['kind']:8s} {g['text'][:40]!r} ({g['speaker']}) before={g['before']!r}")
        elif g["kind"] != p["kind"]:
            out.append(f"KIND {where} {g['kind']}->{p['kind']} {g['text'][:40]!r}")
        elif g["kind"] != "term":
            bad = [f"{f}: {g[f]!r} != {p[f]!r}" for f in FIELDS if g[f] != p[f]]
            if bad:
                out.append(f"ATTR {where} {g['text'][:30]!r} " + "; ".join(bad))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", choices=("old", "blind", "both"), default="both", help="which gold set")
    ap.add_argument("--split", action="append", help="only this split (repeatable): dev, heldout-a, blind-dev, blind-test, ...")
    ap.add_argument("--errors", action="store_true", help="list every mismatch (never for blind-test unless it is the only split asked for)")
    ap.add_argument("--file", action="append", help="only the gold rows of files whose path contains this (repeatable: any of them)")
    args = ap.parse_args(argv)
    gold = load_gold(args.gold)
    if args.split:
        gold = [g for g in gold if g["split"] in args.split]
    else:  # the blind test split is measured only when asked for by name
        gold = [g for g in gold if g["split"] != "blind-test"]
    if args.file:
        gold = [g for g in gold if any(f in g["file"] for f in args.file)]
    split_of = {g["file"]: g["split"] for g in gold}
    if args.gold != "old" and not args.file:
        for split in ("dev", "test"):
            if f"blind-{split}" in (args.split or ["blind-dev"]):
                split_of.update({str(f.relative_to(ROOT)): f"blind-{split}" for f in sorted((BLIND / split).glob("*.txt"))})
    files = list(split_of)
    t0 = time.perf_counter()
    pred = predictions(files)
    secs = time.perf_counter() - t0
    pairs = match(gold, pred)
    print(f"quotation gold: {len(gold)} rows in {len(files)} files; analysed in {secs:.1f} s")
    splits = list(dict.fromkeys(g["split"] for g in gold))
    for split in [*splits, *([None] if len(splits) > 1 else [])]:
        chosen = [(g, p) for g, p in pairs if split is None or split_of[(g or p)["file"]] == split]
        n = sum(1 for s in split_of.values() if split is None or s == split)
        print(f"\n{split or 'all'}: {n} files")
        print(table(chosen))
    if args.errors:
        shown = [(g, p) for g, p in pairs if split_of[(g or p)["file"]] != "blind-test" or args.split == ["blind-test"]]
        print(errors(shown))


if __name__ == "__main__":
    main()
