"""Held-out segmentation scores (PKU standard) of policytext's engines and of plain jieba.

Scores the last 10% of the PKU People's Daily 1998-01 corpus (see ``seg_data.py``; never used
for training) with SIGHAN word scoring: a word counts as correct when both of its boundaries
match the gold segmentation. Rows:

* ``jieba-default``: ``jieba.lcut`` with jieba's own dictionary (HMM on, jieba's default).
* ``jieba``: ``policytext.segment(text, engine="jieba", lexicon=False)``.
* ``pkuseg``: ``policytext.segment(text, engine="pkuseg", lexicon=False)``.

``--lexicon`` adds the two policytext engines with the political lexicon on.

Example::

    python scripts/eval_segment.py
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable

import seg_data

sys.path.insert(0, str(seg_data.REPO))

from policytext import PolicytextError, segment  # noqa: E402  (the repo, not an installed copy)
from policytext.segmentation import ENGINES  # noqa: E402


def engines(with_lexicon: bool) -> dict[str, Callable[[str], list[str]]]:
    """Name -> segmentation function."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    plain = jieba.Tokenizer()
    rows: dict[str, Callable[[str], list[str]]] = {"jieba-default": plain.lcut}
    for lexicon in (False, True) if with_lexicon else (False,):
        for engine in ENGINES:
            name = engine + ("+lexicon" if lexicon else "")
            rows[name] = lambda text, e=engine, lx=lexicon: segment(text, engine=e, lexicon=lx)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lexicon", action="store_true", help="also score with the lexicon on")
    args = parser.parse_args()
    _, test = seg_data.load_split()
    gold = [seg_data.words(p) for p in test]
    texts = [seg_data.text(p) for p in test]
    print(f"held-out: {len(test)} paragraphs, {sum(map(len, gold))} words, {sum(map(len, texts))} chars")
    print(f"{'engine':16s} {'P':>7s} {'R':>7s} {'F1':>7s}  seconds")
    for name, cut in engines(args.lexicon).items():
        start = time.perf_counter()
        try:
            predicted = [cut(t) for t in texts]
        except PolicytextError as exc:
            print(f"{name:16s} not available: {exc}")
            continue
        seconds = time.perf_counter() - start
        p, r, f = seg_data.score(gold, predicted)
        print(f"{name:16s} {p:7.4f} {r:7.4f} {f:7.4f}  {seconds:6.1f}")


if __name__ == "__main__":
    main()
