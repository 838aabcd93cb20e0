"""Key phrases on the blind gold (issue 15): core-recall@10 and precision@10, beside jieba.

Compares, in one process and on the same article bodies (``Article.text``):

* ``policytext``      — ``policytext.keyphrases(article, k=10)``;
* ``jieba tfidf``     — ``jieba.analyse.extract_tags(text, topK=10)`` (jieba's own dictionary and IDF);
* ``jieba textrank``  — ``jieba.analyse.textrank(text, topK=10)`` (default POS filter).

Gold: ``tests/data/keyphrases_gold_blind.json`` (``--split test`` or ``dev``; written before the
library was run on these texts) or the older seed list ``tests/data/keyphrases_gold.json``
(``--split seed``: every phrase counts as core). Matching rule (the gold's ``_about``): a predicted
phrase matches a gold phrase when both are equal after NFKC normalisation and removal of whitespace
and quotation marks; each gold phrase is matched at most once. core-recall@10 = core phrases among
the first 10 / core size; precision@10 = matches among the first 10 / 10; macro-averaged.

``--speed N``: time and peak memory of ``keyphrases`` on an N-character text made of the dev texts
and the long reports of /work/shared/corpora/dev (about 470,000 distinct characters, repeated when N
is larger: repeated lines reuse the segmenter's cache), segmentation included, in a fresh process.

    PYTHONPATH=. .venv/bin/python bench/bench_keyphrases.py --split dev [--per-article] [--batch dev6]
    PYTHONPATH=. .venv/bin/python bench/bench_keyphrases.py --speed 100000 1000000
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import policytext  # noqa: E402

BLIND = sorted((REPO / "tests" / "data").glob("keyphrases_gold_blind*.json"))  # one file per session's batch
SEED = REPO / "tests" / "data" / "keyphrases_gold.json"
SHARED = Path("/work/shared/corpora/dev")  # long reports (development corpus)
_STRIP = re.compile(r"[\s“”‘’\"'「」『』]")


def norm(phrase: str) -> str:
    return _STRIP.sub("", unicodedata.normalize("NFKC", phrase))


def matches(predicted: list[str], gold: list[str]) -> int:
    """Predicted phrases equal to a gold phrase, each gold phrase matched once."""
    left = {norm(g) for g in gold}
    hit = 0
    for p in predicted:
        if norm(p) in left:
            left.discard(norm(p))
            hit += 1
    return hit


def load_gold(split: str, batch: str = "") -> list[tuple[policytext.Article, dict]]:
    """(article, gold item) of one split; ``batch``: only the gold files whose name contains it (e.g. ``dev6``)."""
    items = [item for f in ([SEED] if split == "seed" else BLIND) if batch in f.name
             for item in json.loads(f.read_text(encoding="utf-8"))["articles"]]
    out = []
    for item in items:
        if split != "seed" and item["split"] != split:
            continue
        arts = policytext.read(REPO / item["file"])
        art = max(arts, key=lambda a: a.text.count(item["anchor"]))
        out.append((art, {**item, "core": item.get("core", item["gold"])}))
    return out


def extractors() -> dict[str, Callable[[policytext.Article], list[str]]]:
    import jieba
    import jieba.analyse

    jieba.setLogLevel(60)
    return {
        "policytext": lambda a: [k.phrase for k in policytext.keyphrases(a, k=10)],
        "jieba tfidf": lambda a: jieba.analyse.extract_tags(a.text, topK=10),
        "jieba textrank": lambda a: jieba.analyse.textrank(a.text, topK=10),
    }


def evaluate(split: str, per_article: bool, batch: str = "") -> None:
    gold = load_gold(split, batch)
    print(f"{len(gold)} articles, split {split!r}")
    print(f"{'extractor':16s} {'core-R@10':>9s} {'P@10':>6s} {'seconds':>8s}")
    for name, extract in extractors().items():
        extract(gold[0][0])  # warm-up: load dictionaries before timing
        recall = precision = 0.0
        t0 = time.perf_counter()
        for art, item in gold:
            top = extract(art)[:10]
            r, p = matches(top, item["core"]) / len(item["core"]), matches(top, item["gold"]) / 10
            recall += r
            precision += p
            if per_article and name == "policytext":
                print(f"  {Path(item['file']).stem[:40]:40s} R={r:.2f} P={p:.2f}  {' '.join(top)}")
        secs = time.perf_counter() - t0
        print(f"{name:16s} {recall / len(gold):9.3f} {precision / len(gold):6.3f} {secs:8.2f}")


def speed_one(size: int) -> None:
    """Time one ``keyphrases`` call on a text of ``size`` characters (run in a child process)."""
    texts = [a.text for a, _ in load_gold("dev")] + [f.read_text(encoding="utf-8") for f in sorted(SHARED.glob("*.txt"))]
    pool = "\n".join(texts)
    text = (pool * (size // len(pool) + 1))[:size]
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    policytext.keyphrases("城市更新是推动城市高质量发展的重要举措。城市更新", k=5)  # load the models
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    kps = policytext.keyphrases(text, k=10)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{size:>10,d} chars  {secs:6.2f} s wall, {cpu:6.2f} s CPU  peak RSS {peak / 1024:6.0f} MB (models loaded {loaded / 1024:.0f} MB, "
          f"interpreter {base / 1024:.0f} MB)  top: {' '.join(k.phrase for k in kps[:5])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("test", "dev", "seed"), default="dev")
    ap.add_argument("--per-article", action="store_true", help="print each article's figures and top 10")
    ap.add_argument("--batch", default="", help="only the gold files whose name contains this (e.g. dev6)")
    ap.add_argument("--speed", type=int, nargs="*", help="text sizes in characters for the speed run")
    ap.add_argument("--speed-one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.speed_one:
        speed_one(args.speed_one)
    elif args.speed:
        for size in args.speed:
            subprocess.run([sys.executable, __file__, "--speed-one", str(size)], check=True)
    else:
        evaluate(args.split, args.per_article, args.batch)


if __name__ == "__main__":
    main()
