"""Build ``policytext/data/jieba_dict.txt``, a jieba dictionary derived from the PKU corpus.

Lines are ``word freq tag`` (jieba format). ``freq`` is the word's count in the TRAIN split of the
PKU People's Daily 1998-01 corpus (see ``seg_data.py``), ``tag`` its most frequent PKU POS tag
(PKU's capitalised morpheme tags ``Ng Vg Ag ...`` lower-cased as jieba writes them), so
``jieba.posseg`` works with it. Words with ASCII digits (number tokens such as ``1.0``, ``2020年``)
are left out: jieba's DAG would match them inside longer numbers (``258.0`` -> ``25 8. 0``).

Variants (``--variant``):

* ``pku``: the PKU train-split words only.
* ``merged``: plus the words of jieba's default dictionary that do not conflict with the PKU
  standard, i.e. that never occur as a substring of the train text (a word that occurs there
  but is no PKU word is segmented otherwise by PKU, e.g. ``江泽民`` -> ``江 泽民``). Their jieba
  frequencies are scaled to the size of the PKU counts (at least 1) and they keep jieba's tag.
  This brings modern words (``互联网``, ``人工智能``) the 1998 corpus lacks.

``--evaluate`` builds every variant under ``build/jieba/`` and prints held-out precision/recall/F1
with jieba's HMM on and off.

Examples::

    python scripts/build_jieba_dict.py --variant merged
    python scripts/build_jieba_dict.py --evaluate
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import seg_data

DICT_PATH = seg_data.REPO / "policytext" / "data" / "jieba_dict.txt"
EVAL_DIR = seg_data.REPO / "build" / "jieba"
VARIANTS = ("pku", "merged")
_MAX_JIEBA_WORD = 16
# number tokens (1.0, 8., 2020年): as dictionary words they make jieba cut 258.0 into 25/8./0
_HAS_DIGIT = re.compile(r"[0-9]")


def jieba_default_dict() -> Path:
    """Path of the dictionary that ships with jieba."""
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def pku_entries(train: Sequence[seg_data.Paragraph]) -> dict[str, tuple[int, str]]:
    """word -> (count, most frequent tag) over the train split."""
    tags: dict[str, Counter[str]] = defaultdict(Counter)
    for paragraph in train:
        for word, tag in paragraph:
            if not _HAS_DIGIT.search(word):
                tags[word][tag] += 1
    entries = {}
    for word, counter in tags.items():
        # ties broken by tag name, for a deterministic file
        tag = min(counter, key=lambda t: (-counter[t], t))
        entries[word] = (sum(counter.values()), tag[0].lower() + tag[1:] if tag.endswith("g") else tag)
    return entries


def _substrings(texts: Iterable[str], lengths: set[int]) -> set[str]:
    seen = set()
    for line in texts:
        for n in lengths:
            seen.update(line[i:i + n] for i in range(len(line) - n + 1))
    return seen


def merge_jieba(
    entries: dict[str, tuple[int, str]], train: Sequence[seg_data.Paragraph], jieba_dict: Path
) -> dict[str, tuple[int, str]]:
    """Add jieba's words that never occur in the train text, frequencies scaled to PKU's."""
    jieba_words = {}
    with open(jieba_dict, encoding="utf-8") as handle:
        for line in handle:
            word, freq, tag = line.split()
            if len(word) <= _MAX_JIEBA_WORD:
                jieba_words[word] = (int(freq), tag)
    new = {w: ft for w, ft in jieba_words.items() if w not in entries}
    in_train = _substrings((seg_data.text(p) for p in train), {len(w) for w in new})
    scale = sum(c for c, _ in entries.values()) / sum(f for f, _ in jieba_words.values())
    merged = dict(entries)
    for word, (freq, tag) in new.items():
        if word not in in_train:
            merged[word] = (max(1, round(freq * scale)), tag)
    return merged


def build(variant: str, train: Sequence[seg_data.Paragraph]) -> dict[str, tuple[int, str]]:
    """The dictionary entries of one variant."""
    entries = pku_entries(train)
    if variant == "merged":
        entries = merge_jieba(entries, train, jieba_default_dict())
    return entries


def write_dict(entries: dict[str, tuple[int, str]], path: Path) -> Path:
    """Write entries in jieba format, most frequent first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for word, (freq, tag) in sorted(entries.items(), key=lambda item: (-item[1][0], item[0])):
            handle.write(f"{word} {freq} {tag}\n")
    return path


def jieba_f1(dictionary: Path, test: Sequence[seg_data.Paragraph], hmm: bool) -> tuple[float, float, float]:
    """Held-out (P, R, F1) of a jieba tokenizer using ``dictionary``."""
    import jieba

    tokenizer = jieba.Tokenizer(dictionary=str(dictionary))
    predicted = [tokenizer.lcut(seg_data.text(p), HMM=hmm) for p in test]
    return seg_data.score([seg_data.words(p) for p in test], predicted)


def evaluate(train: Sequence[seg_data.Paragraph], test: Sequence[seg_data.Paragraph]) -> None:
    """Print held-out scores of every variant, HMM on and off."""
    for variant in VARIANTS:
        path = write_dict(build(variant, train), EVAL_DIR / f"{variant}.txt")
        for hmm in (True, False):
            p, r, f = jieba_f1(path, test, hmm)
            print(f"{variant:7s} HMM={'on ' if hmm else 'off'}  P={p:.4f} R={r:.4f} F1={f:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variant", choices=VARIANTS, default="merged")
    parser.add_argument("--out", type=Path, default=DICT_PATH)
    parser.add_argument("--evaluate", action="store_true", help="score all variants, write nothing")
    args = parser.parse_args()
    train, test = seg_data.load_split()
    if args.evaluate:
        evaluate(train, test)
        return
    entries = build(args.variant, train)
    print(f"{write_dict(entries, args.out)}: {len(entries)} words ({args.variant})")


if __name__ == "__main__":
    main()
