"""Reading, normalising and splitting the PKU People's Daily corpus (1998-01) for segmentation work.

Importable helper shared by ``train_pkuseg.py``, ``build_jieba_dict.py`` and ``eval_segment.py``
(run them as ``python scripts/<name>.py``; the scripts folder is then on ``sys.path``).

Corpus format: one paragraph per line, ``word/TAG`` tokens separated by whitespace, e.g.
``１２月/t  ３１日/t  ，/w  中共中央/nt  总书记/n``. A leading paragraph id such as
``19980101-01-001-001/m`` is dropped if present. Full-width digits, Latin letters and the
symbols that modern text writes in ASCII (``．％／－＋`` ...) are mapped to half-width, so
``１９９８年`` becomes ``1998年``; Chinese punctuation (``，。：；？！（）“”``) is kept. The
mapping is one character to one character, so offsets are unchanged.

The PKU standard is kept as is (``江/nr 泽民/nr`` stays two words). Split: the last 10% of the
paragraphs are the held-out test set, the rest is the train set.

Example (as a script, writes to ``build/seg/``, which git ignores)::

    python scripts/seg_data.py
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path

from policytext.segmentation import to_halfwidth
from sources import pd1998

REPO = Path(__file__).resolve().parent.parent
BUILD_DIR = REPO / "build" / "seg"
TEST_FRACTION = 0.1

_ID_TOKEN = re.compile(r"^\d{8}-\d{2}-\d{3}-\d{3}/m$")
Paragraph = list[tuple[str, str]]


def parse_line(line: str) -> Paragraph:
    """Parse one corpus line into ``(word, tag)`` pairs, normalised, without a paragraph id.

    >>> parse_line("19980101-01-001-001/m  迈向/v  １９９８年/t")
    [('迈向', 'v'), ('1998年', 't')]
    """
    tokens = line.split()
    if tokens and _ID_TOKEN.match(tokens[0]):
        tokens = tokens[1:]
    pairs = []
    for token in tokens:
        word, sep, tag = token.rpartition("/")
        if not sep or not word:
            raise ValueError(f"token {token!r} is not word/TAG; is this the PKU 1998 corpus?")
        pairs.append((to_halfwidth(word), tag))
    return pairs


def read_corpus(path: Path | None = None) -> list[Paragraph]:
    """All non-empty paragraphs of the corpus (default: :func:`sources.pd1998`), in file order."""
    with open(path or pd1998(), encoding="utf-8") as handle:
        paragraphs = [parse_line(line) for line in handle]
    return [p for p in paragraphs if p]


def split(paragraphs: Sequence[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
    """Deterministic split: (train, test) with the last 10% of paragraphs as test."""
    n_test = round(len(paragraphs) * TEST_FRACTION)
    cut = len(paragraphs) - n_test
    return list(paragraphs[:cut]), list(paragraphs[cut:])


def load_split(path: Path | None = None) -> tuple[list[Paragraph], list[Paragraph]]:
    """Read the corpus and return (train, test)."""
    return split(read_corpus(path))


def words(paragraph: Paragraph) -> list[str]:
    """The words of a paragraph, without tags."""
    return [word for word, _ in paragraph]


def text(paragraph: Paragraph) -> str:
    """The raw (unsegmented) text of a paragraph."""
    return "".join(word for word, _ in paragraph)


def write_segmented(paragraphs: Sequence[Paragraph], path: Path) -> Path:
    """Write space-separated words, one paragraph per line (pkuseg training format)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for paragraph in paragraphs:
            handle.write(" ".join(words(paragraph)) + "\n")
    return path


def _spans(segmented: Sequence[str]) -> set[tuple[int, int]]:
    spans, start = set(), 0
    for word in segmented:
        spans.add((start, start + len(word)))
        start += len(word)
    return spans


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> tuple[float, float, float]:
    """SIGHAN word scoring: a predicted word is correct iff both its boundaries match gold.

    Returns (precision, recall, F1).

    >>> score([["中国", "人民"]], [["中国", "人", "民"]])
    (0.3333333333333333, 0.5, 0.4)
    """
    n_gold = n_pred = n_ok = 0
    for gold_words, pred_words in zip(gold, predicted, strict=True):
        if "".join(gold_words) != "".join(pred_words):
            raise ValueError(f"segmentation changed the text: {''.join(pred_words)[:40]!r}...")
        gold_spans, pred_spans = _spans(gold_words), _spans(pred_words)
        n_gold += len(gold_spans)
        n_pred += len(pred_spans)
        n_ok += len(gold_spans & pred_spans)
    precision = n_ok / n_pred if n_pred else 0.0
    recall = n_ok / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=BUILD_DIR)
    args = parser.parse_args()
    train, test = load_split(args.corpus)
    for name, part in (("train", train), ("test", test)):
        path = write_segmented(part, args.out / f"{name}.txt")
        n_words = sum(len(p) for p in part)
        print(f"{path}: {len(part)} paragraphs, {n_words} words")


if __name__ == "__main__":
    main()
