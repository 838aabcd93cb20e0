"""Speed of each analysis stage against plain ``jieba.lcut`` on the same text, in one process.

On the first N articles of the bench corpus (People's Daily January 1998, built by
``scripts/make_bench_corpus.py`` into ``build/bench-corpus/`` when missing), prints CPU seconds,
wall seconds and chars/second of:

- reading the files (``policytext.read``);
- plain ``jieba.lcut`` on each article's text (jieba's own dictionary): the baseline;
- key phrases (``policytext.keyphrases``), quotations (``policytext.quotations``) and themes
  (``Article.classify``), each alone: the caches keyed by text (tagged lines, names) are emptied
  before each stage, so a stage pays its own segmentation;
- the full record (``Article.to_dict()``: paragraphs with themes, key phrases, quotations), with
  the same caches emptied first, so the stages share one segmentation as in a batch;

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

STAGES: dict[str, Callable[[policytext.Article], Any]] = {
    "keyphrases": lambda a: policytext.keyphrases(a),
    "quotations": lambda a: policytext.quotations(a),
    "themes (Article.classify)": lambda a: a.classify(),
}
FULL = "full analysis (Article.to_dict)"


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
    stages = dict(STAGES, **{FULL: lambda a: a.to_dict()})
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

    for name, fn in stages.items():
        rows.append((name, *best(args.repeat, fresh, lambda arts: [fn(a) for a in arts])))

    print(f"{len(articles)} articles, {chars:,} chars\n")
    print(f"{'stage':<34}{'CPU s':>8}{'wall s':>8}{'chars/s':>12}{'x jieba':>9}")
    for name, cpu, wall in rows:
        print(f"{name:<34}{cpu:>8.2f}{wall:>8.2f}{chars / max(cpu, 1e-3):>12,.0f}{cpu / cpu_jieba:>9.2f}")
    print("\nstart-up (loading models, CPU s): " + ", ".join(f"{n} {c:.2f}" for n, c in startup))
    full = dict((n, c) for n, c, _ in rows).get(FULL)
    if full is not None:
        print(f"full analysis / plain jieba, CPU time: {full / cpu_jieba:.2f}x  (target <= 3)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
