"""Segmentation speed: policytext's engines against the plain libraries on the same text.

Baselines: plain ``jieba.lcut`` (jieba's own dictionary) for the jieba engine, and plain
``spacy_pkuseg.pkuseg(model_name=<the shipped model>).cut`` for the pkuseg engine. Prints
chars/second of each and the ratio of times (policytext / baseline; targets ≤ 1.3 and ≤ 1.5).

    python bench/bench_segment.py [--chars 400000] [--pkuseg-chars 100000]
"""

from __future__ import annotations

import argparse
import glob
import os
import time

import jieba
import spacy_pkuseg

import policytext
from policytext.resources import data_path

DEV = os.environ.get("POLICYTEXT_DEV_CORPUS", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora", "dev"))


def load_text(n_chars: int) -> list[str]:
    files = sorted(glob.glob(os.path.join(DEV, "*.txt"))) or sorted(glob.glob("corpora/**/*.txt", recursive=True))
    lines: list[str] = []
    total = 0
    while total < n_chars:
        for f in files:
            for line in open(f, encoding="utf-8"):
                line = line.strip()
                if line:
                    lines.append(line)
                    total += len(line)
                if total >= n_chars:
                    return lines
    return lines


def timed(fn, lines: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for line in lines:
            fn(line)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=400_000)
    ap.add_argument("--pkuseg-chars", type=int, default=60_000)
    args = ap.parse_args()

    lines = load_text(args.chars)
    n = sum(map(len, lines))
    jieba.setLogLevel(60)
    jieba.lcut("预热")
    policytext.segment("预热")
    t_plain = timed(jieba.lcut, lines)
    t_pt = timed(policytext.segment, lines)
    print(f"text: {len(lines)} lines, {n} chars (dev corpus)")
    print(f"plain jieba.lcut            {n / t_plain / 1e6:6.3f} M chars/s")
    print(f"policytext jieba + lexicon  {n / t_pt / 1e6:6.3f} M chars/s   ratio {t_pt / t_plain:.2f} (target <= 1.3)")

    plines = load_text(args.pkuseg_chars)
    pn = sum(map(len, plines))
    model = spacy_pkuseg.pkuseg(model_name=str(data_path("pkuseg")), user_dict=None)
    policytext.segment("预热", engine="pkuseg")
    t_pk = timed(model.cut, plines, repeat=1)
    t_ptpk = timed(lambda s: policytext.segment(s, engine="pkuseg"), plines, repeat=1)
    print(f"plain spacy-pkuseg          {pn / t_pk / 1e6:6.3f} M chars/s   ({pn} chars)")
    print(f"policytext pkuseg + lexicon {pn / t_ptpk / 1e6:6.3f} M chars/s   ratio {t_ptpk / t_pk:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
