"""Speed of each analysis stage against plain ``jieba.lcut`` on the same text, in one process.

On the first N articles of the bench corpus (People's Daily January 1998, built by
``scripts/make_bench_corpus.py`` into ``build/bench-corpus/`` when missing), prints CPU seconds,
wall seconds and chars/second of:

- reading the files (``policytext.read``);
- plain ``jieba.lcut`` on each article's text (jieba's own dictionary): the baseline;
- each stage of the default pipeline (tokens, entities, key phrases, themes, quotations) run in
  order on fresh articles, each timed alone, so each later stage reads the tokens computed once;
- the full record (``Article.to_dict()``: every stage), and the same without the entities stage
  (``Pipeline(stages=["keyphrases", "themes", "quotations"])``: the stages the package had before
  issue 11), with the caches keyed by text (tokens, names) emptied first;

with the ratio of each to plain jieba in CPU time (target of issue 6: full analysis <= 3x).
Loading the models (dictionaries, tagger, data files) is timed apart as start-up: a batch pays it
once per worker. The machine is shared, so each figure is the best of ``--repeat`` runs, ratios
use CPU time, and the load average is printed.

    /work/venv/bin/python bench/bench_stages.py [--files N (default 300)] [--repeat R (default 3)]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import policytext  # noqa: E402
from _common import BENCH_CORPUS, bench_files, best, forget, timed  # noqa: E402
from policytext.errors import PolicytextError  # noqa: E402

WARM_UP = "城市更新的新路子\n\n张三\n\n习近平总书记强调：“城市更新是重要手段。”"

STAGES: dict[str, Callable[[policytext.Article], Any]] = {}
FULL = "full analysis (Article.to_dict)"
BEFORE = "full, stages of before (no entities)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=BENCH_CORPUS)
    ap.add_argument("--files", type=int, default=300, help="use the first N files (0: all)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each stage; the best counts")
    args = ap.parse_args()

    files = bench_files(args.corpus, args.files)
    print(f"{len(files)} files of {args.corpus}; load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")

    def read() -> list[policytext.Article]:
        return [a for f in files for a in policytext.read(f)]

    import jieba

    jieba.setLogLevel(60)
    _, cpu, _ = timed(lambda: (jieba.initialize(), policytext.segment("城市更新")))
    startup = [("jieba + policytext segmenter", cpu)]
    old = policytext.Pipeline(stages=["keyphrases", "themes", "quotations"])

    def old_stages(a: policytext.Article) -> Any:
        a.analyzer = old
        return a.to_dict()

    stages = dict(STAGES, **{FULL: lambda a: a.to_dict(), BEFORE: old_stages})
    for name, fn in list(stages.items()):
        try:
            _, cpu, _ = timed(lambda: fn(policytext.read_text(WARM_UP)[0]))
            startup.append((name, cpu))
        except PolicytextError as exc:
            print(f"{name}: not measured ({exc})")
            del stages[name]

    articles = read()
    chars = sum(len(a.text) for a in articles)
    texts = [a.text for a in articles]
    cpu_jieba, wall_jieba = best(args.repeat, lambda: texts, lambda ts: [jieba.lcut(t) for t in ts])
    rows = [("read", *best(args.repeat, lambda: None, lambda _: read())),
            ("plain jieba.lcut (baseline)", cpu_jieba, wall_jieba)]

    def fresh() -> list[policytext.Article]:
        forget()
        return read()

    for stage in policytext.default_pipeline().stages:  # each stage alone, in order, on the same articles
        times = []
        for _ in range(args.repeat):
            arts = fresh()
            for earlier in policytext.default_pipeline().stages:
                if earlier is stage:
                    break
                for a in arts:
                    earlier.run(a)
            times.append(timed(lambda: [stage.run(a) for a in arts])[1:])
        rows.append((f"stage: {stage.name}", *min(times)))
    for name, fn in stages.items():
        rows.append((name, *best(args.repeat, fresh, lambda arts: [fn(a) for a in arts])))

    print(f"{len(articles)} articles, {chars:,} chars\n")
    print(f"{'stage':<38}{'CPU s':>8}{'wall s':>8}{'chars/s':>12}{'x jieba':>9}")
    for name, cpu, wall in rows:
        print(f"{name:<38}{cpu:>8.2f}{wall:>8.2f}{chars / max(cpu, 1e-3):>12,.0f}{cpu / cpu_jieba:>9.2f}")
    print("\nstart-up (loading models, CPU s): " + ", ".join(f"{n} {c:.2f}" for n, c in startup))
    cpu = dict((n, c) for n, c, _ in rows)
    print(f"full analysis / plain jieba, CPU time: {cpu[FULL] / cpu_jieba:.2f}x; without the entities stage: "
          f"{cpu[BEFORE] / cpu_jieba:.2f}x (before issue 11, same bench: 2.6-2.8x)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
