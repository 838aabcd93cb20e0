"""Speed of the theme step: paragraphs/second, against segmenting the same paragraphs, and its share
of a full analysis (read + segment + themes) of the same files, in one process.

Texts: the seed, ``corpora/external/*.txt`` and the development corpus (government work reports,
speeches). Models and dictionaries are loaded before timing (their load time is printed apart);
each step is timed ``--repeat`` times and the best run is kept. Segmentation is timed with a new
segmenter each time (tokens with POS tags, as the pipeline's tokens stage makes them), since a
corpus run segments each paragraph once and the segmenter's line cache would otherwise answer.

    python bench/bench_themes.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import glob
import os
import time
from collections.abc import Callable

import policytext
from policytext.segmentation import Segmenter
from policytext.themes import default_model, rank_themes

ROOT = os.path.join(os.path.dirname(__file__), "..")
DEV = os.environ.get("POLICYTEXT_DEV_CORPUS", os.path.join(ROOT, "..", "shared", "corpora", "dev"))


def files() -> list[str]:
    return ([os.path.join(ROOT, "corpora", "guangming-2025-01-27.txt")]
            + sorted(glob.glob(os.path.join(ROOT, "corpora", "external", "*.txt")))
            + sorted(glob.glob(os.path.join(DEV, "*.txt"))))


def best(fn: Callable[..., object], repeat: int, setup: Callable[[], object] | None = None) -> float:
    """The shortest of ``repeat`` runs of ``fn`` (given what ``setup`` makes, untimed, if any)."""
    times = []
    for _ in range(repeat):
        args = (setup(),) if setup else ()
        t0 = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - t0)
    return min(times)


def fresh_segmenter() -> Segmenter:
    """A new segmenter (empty line cache) with its dictionary loaded."""
    seg = Segmenter()
    seg.tokens("预热词典")
    return seg


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    paths = files()

    t0 = time.perf_counter()
    model = default_model()
    load_model = time.perf_counter() - t0
    t0 = time.perf_counter()
    policytext.segment("预热词典")
    load_dict = time.perf_counter() - t0

    def read():  # type: ignore[no-untyped-def]
        return [a for p in paths for a in policytext.read(p)]

    articles = read()
    paragraphs = [p for a in articles for p in a.paragraphs]
    texts = [p.text for p in paragraphs]
    n, chars = len(texts), sum(map(len, texts))

    t_read = best(read, args.repeat)
    t_seg = best(lambda seg: [seg.tokens(t) for t in texts], args.repeat, setup=fresh_segmenter)
    t_themes = best(lambda: [rank_themes([p.text for p in a.paragraphs], sections=[p.section for p in a.paragraphs],
                                         context=True)
                             for a in articles], args.repeat)
    t_batch = best(lambda: model.rank(texts), args.repeat)
    t_single = best(lambda: [model.rank([t]) for t in texts], 1)
    full = t_read + t_seg + t_themes

    print(f"{len(paths)} files, {len(articles)} articles, {n} paragraphs, {chars} chars ({chars / n:.0f} per paragraph)")
    print(f"one-off loads: theme model {load_model * 1e3:.0f} ms, jieba dictionary {load_dict * 1e3:.0f} ms")
    print(f"{'step':<38}{'seconds':>9}{'paragraphs/s':>14}{'chars/s':>12}")
    for name, t in (("read", t_read), ("segment (jieba tokens, per paragraph)", t_seg),
                    ("themes (per article, with headings)", t_themes), ("themes (one batch)", t_batch),
                    ("themes (one paragraph at a time)", t_single)):
        print(f"{name:<38}{t:>9.3f}{n / t:>14.0f}{chars / t:>12.0f}")
    print(f"theme step / segmentation time: {t_themes / t_seg:.2f}  (target < 1)")
    print(f"theme step share of read + segment + themes: {t_themes / full:.1%}")


if __name__ == "__main__":
    main()
