"""Accuracy of the quotation stage on the hand-made gold set (tests/data/quotes_gold.jsonl).

Detection: precision / recall / F1 per kind (direct, indirect, term). A gold quotation is found
when a predicted one of the same file has the same text and context (the 10 characters before
it); indirect quotations match on character overlap (Jaccard >= 0.5) since their end is a
judgement call. Attribution: over gold direct/indirect quotations found with the right kind,
the share with the right speaker, source, source_type and date (exact string match, None = None).
Figures are printed per split of the gold set: "dev" (the rules were developed on these files) and
"heldout-*" (annotated before the system was run on them; their figures at that first run are kept
in tests/data/quotes_gold.md, general fixes made after it can have helped them), then for all.

    python bench/bench_quotes.py            # the table
    python bench/bench_quotes.py --errors   # and every mismatch
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

GOLD = ROOT / "tests" / "data" / "quotes_gold.jsonl"
KINDS = ("direct", "indirect", "term")
FIELDS = ("speaker", "source", "source_type", "date")


def predictions(files: list[str]) -> list[dict]:
    out = []
    for f in files:
        for art in policytext.read(ROOT / f):
            paras = {p.index: p.text for p in art.paragraphs}
            for q in art.quotations():
                d = q.to_dict()
                d["file"] = f
                d["before"] = paras[q.paragraph][max(0, q.start - 10):q.start]
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


def table(pairs: list[tuple[dict | None, dict | None]]) -> str:
    lines = [f"{'kind':10s} {'gold':>5s} {'pred':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}   " + "  ".join(f"{f:>11s}" for f in FIELDS)]
    for kind in KINDS:
        tp = sum(1 for g, p in pairs if g and p and g["kind"] == kind and p["kind"] == kind)
        ng = sum(1 for g, _ in pairs if g and g["kind"] == kind)
        np_ = sum(1 for _, p in pairs if p and p["kind"] == kind)
        prec, rec = tp / np_ if np_ else 0.0, tp / ng if ng else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        row = f"{kind:10s} {ng:5d} {np_:5d} {prec:6.3f} {rec:6.3f} {f1:6.3f}   "
        if kind != "term":
            ok = [(g, p) for g, p in pairs if g and p and g["kind"] == kind and p["kind"] == kind]
            cells = []
            for f in FIELDS:
                right = sum(1 for g, p in ok if g[f] == p[f])
                cells.append(f"{right:3d}/{len(ok):3d} {right / len(ok) if ok else 0:.2f}".rjust(11))
            row += "  ".join(cells)
        lines.append(row)
    return "\n".join(lines)


def errors(pairs: list[tuple[dict | None, dict | None]]) -> str:
    out = []
    for g, p in pairs:
        where = (g or p)["file"].split("/")[-1][:32]
        if g is None:
            out.append(f"FP   {where} {p['kind']:8s} {p['text'][:40]!r} ({p['speaker']})")
        elif p is None:
            out.append(f"FN   {where} {g['kind']:8s} {g['text'][:40]!r} ({g['speaker']})")
        elif g["kind"] != p["kind"]:
            out.append(f"KIND {where} {g['kind']}->{p['kind']} {g['text'][:40]!r}")
        elif g["kind"] != "term":
            bad = [f"{f}: {g[f]!r} != {p[f]!r}" for f in FIELDS if g[f] != p[f]]
            if bad:
                out.append(f"ATTR {where} {g['text'][:30]!r} " + "; ".join(bad))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list every mismatch")
    ap.add_argument("--file", help="only the gold rows of files whose path contains this")
    args = ap.parse_args(argv)
    gold = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    if args.file:
        gold = [g for g in gold if args.file in g["file"]]
    files = list(dict.fromkeys(g["file"] for g in gold))
    t0 = time.perf_counter()
    pred = predictions(files)
    secs = time.perf_counter() - t0
    pairs = match(gold, pred)
    print(f"quotation gold: {len(gold)} rows in {len(files)} files; analysed in {secs:.1f} s")
    splits = list(dict.fromkeys(g.get("split", "dev") for g in gold))
    for split in [*splits, None]:
        chosen = [(g, p) for g, p in pairs if split is None or _split(g, p, gold) == split]
        n = len({(g or p)["file"] for g, p in chosen})
        label = "all" if split is None else f"{split} ({'rules developed on these' if split == 'dev' else 'annotated before the system saw them; first-run figures in tests/data/quotes_gold.md'})"
        print(f"\n{label}: {n} files")
        print(table(chosen))
    if args.errors:
        print(errors(pairs))


def _split(g: dict | None, p: dict | None, gold: list[dict]) -> str:
    if g is not None:
        return g.get("split", "dev")
    return next((x.get("split", "dev") for x in gold if x["file"] == p["file"]), "dev")


if __name__ == "__main__":
    main()
