"""Precision@10 and recall@20 of key-phrase extractors on the hand-written gold lists.

Compares, in one process and on the same article bodies (``Article.text``):

* ``policytext``              — ``policytext.keyphrases(article, k=20)``;
* ``jieba tfidf``             — ``jieba.analyse.extract_tags(text, topK=20)`` (jieba's own dictionary and IDF);
* ``jieba textrank``          — ``jieba.analyse.textrank(text, topK=20)`` (default POS filter);
* ``… + lexicon`` variants    — the same two jieba extractors run on policytext's segmenter (PKU
  dictionary + political lexicon), to separate the effect of the lexicon from that of the method.

Matching rule: a predicted phrase matches a gold term when both are equal after NFKC normalisation
and removal of whitespace and quotation marks; each gold term is matched at most once.
precision@10 = matches in the first 10 / 10; recall@20 = matches in the first 20 / gold size;
figures are macro-averaged over articles.

    /work/venv/bin/python bench/bench_keyphrases.py [--per-article]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import policytext  # noqa: E402
from _common import best, forget  # noqa: E402

GOLD = REPO / "tests" / "data" / "keyphrases_gold.json"
_STRIP = re.compile(r"[\s“”‘’\"'「」『』]")


def norm(phrase: str) -> str:
    return _STRIP.sub("", unicodedata.normalize("NFKC", phrase))


def matches(predicted: list[str], gold: list[str]) -> int:
    left = {norm(g) for g in gold}
    hit = 0
    for p in predicted:
        if norm(p) in left:
            left.discard(norm(p))
            hit += 1
    return hit


def load_gold() -> list[tuple[policytext.Article, dict]]:
    out = []
    for item in json.loads(GOLD.read_text(encoding="utf-8"))["articles"]:
        arts = policytext.read(REPO / item["file"])
        art = max(arts, key=lambda a: a.text.count(item["anchor"]))
        out.append((art, item))
    return out


def extractors() -> dict[str, Callable[[policytext.Article], list[str]]]:
    import jieba
    import jieba.analyse
    import jieba.posseg

    from policytext.segment import _jieba  # the project's tokenizer (PKU dictionary + lexicon)

    jieba.setLogLevel(60)
    tok = _jieba(True)
    tfidf_lex = jieba.analyse.TFIDF()
    tfidf_lex.tokenizer = tok
    tfidf_lex.postokenizer = jieba.posseg.POSTokenizer(tok)
    textrank_lex = jieba.analyse.TextRank()
    textrank_lex.tokenizer = textrank_lex.postokenizer = jieba.posseg.POSTokenizer(tok)
    return {
        "policytext": lambda a: [k.phrase for k in policytext.keyphrases(a, k=20)],
        "jieba tfidf": lambda a: jieba.analyse.extract_tags(a.text, topK=20),
        "jieba textrank": lambda a: jieba.analyse.textrank(a.text, topK=20),
        "jieba tfidf + lexicon": lambda a: tfidf_lex.extract_tags(a.text, topK=20),
        "jieba textrank + lexicon": lambda a: textrank_lex.textrank(a.text, topK=20),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-article", action="store_true", help="print each article's figures and top 10")
    args = ap.parse_args()
    gold = load_gold()
    rows = []
    for name, extract in extractors().items():
        extract(gold[0][0])  # warm-up: load dictionaries before timing
        p10 = r20 = 0.0
        t0 = time.perf_counter()
        for art, item in gold:
            ranked = extract(art)
            hit10, hit20 = matches(ranked[:10], item["gold"]), matches(ranked[:20], item["gold"])
            p10 += hit10 / 10
            r20 += hit20 / len(item["gold"])
            if args.per_article:
                print(f"{name:26s} {item['anchor']:10s} P@10={hit10 / 10:.2f} R@20={hit20 / len(item['gold']):.2f}  {' '.join(ranked[:10])}")
        secs = time.perf_counter() - t0
        rows.append((name, p10 / len(gold), r20 / len(gold), secs))
    import jieba

    texts = [a.text for a, _ in gold]
    seg = best(3, lambda: None, lambda _: [jieba.lcut(t) for t in texts])[0]
    ours = best(3, forget, lambda _: [policytext.keyphrases(a, k=20) for a, _ in gold])[0]
    print(f"{len(gold)} articles, gold: {GOLD.relative_to(REPO)}")
    print(f"{'extractor':26s} {'P@10':>6s} {'R@20':>6s} {'seconds':>8s}")
    for name, p, r, secs in rows:
        print(f"{name:26s} {p:6.3f} {r:6.3f} {secs:8.2f}")
    print(f"speed (CPU s, best of 3): plain jieba.lcut {seg:.2f} s, policytext.keyphrases with its own "
          f"tagging (caches emptied) {ours:.2f} s, ratio {ours / seg:.2f}")


if __name__ == "__main__":
    main()
