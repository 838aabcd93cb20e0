"""Dump the full JSON record of every text in ``corpora/`` (the blind sets left out), of
``../shared/corpora/dev`` and of the first 600 files of the bench corpus; or compare two dumps,
field by field (issue 11: the outputs of the refactor are the same but for the bugs it names).

    python scripts/compare_records.py dump before.jsonl      # with the old checkout on PYTHONPATH
    python scripts/compare_records.py dump after.jsonl
    python scripts/compare_records.py diff before.jsonl after.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def dump(out: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import policytext
    from _common import BENCH_CORPUS, bench_files

    files = [p for p in sorted((ROOT / "corpora").rglob("*.txt")) if "blind" not in p.parts]
    files += sorted((ROOT.parent / "shared" / "corpora" / "dev").glob("*.txt")) + bench_files(BENCH_CORPUS, 600)
    with open(out, "w", encoding="utf-8") as fh:
        for p in files:
            try:
                rec = {"file": p.name, "articles": [a.to_dict() for a in policytext.read(p)]}
            except policytext.PolicytextError as exc:
                rec = {"file": p.name, "error": str(exc)}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(files)} files -> {out}")


def diff(a: Path, b: Path) -> None:
    old = {r["file"]: r for r in map(json.loads, a.read_text(encoding="utf-8").splitlines())}
    new = {r["file"]: r for r in map(json.loads, b.read_text(encoding="utf-8").splitlines())}
    changed: Counter[str] = Counter()
    where: dict[str, list[str]] = defaultdict(list)
    for name in old.keys() & new.keys():
        for x, y in zip(old[name].get("articles", []), new[name].get("articles", [])):
            if any("quote_id" in q for q in y.get("quotations", [])) and not any("quote_id" in q for q in x.get("quotations", [])):
                changed["quotations[].quote_id (new field)"] += 1
                y = {**y, "quotations": [{k: v for k, v in q.items() if k != "quote_id"} for q in y["quotations"]]}
            for key in x.keys() | y.keys():
                if key not in x:
                    changed[f"{key} (new field)"] += 1
                elif key in y and x[key] != y[key]:
                    changed[key] += 1
                    where[key].append(x["id"])
    for key, n in changed.most_common():
        print(f"{key}: {n} articles" + (f", e.g. {', '.join(where[key][:3])}" if where[key] else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    c = sub.add_parser("diff")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args()
    dump(args.out) if args.cmd == "dump" else diff(args.before, args.after)


if __name__ == "__main__":
    main()
