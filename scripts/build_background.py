"""Build ``policytext/data/keyphrases/background_df.tsv.gz``: the background document
frequencies that key-phrase scoring weighs candidates against.

A document is a paragraph (one line). It is segmented and tagged with the library's own
segmenter (``Segmenter.tokens``, the shared tokens) so that background and articles are cut alike;
its words and its candidates (``policytext.extract.keyphrases.phrases``: POS patterns merging
nouns, verbal nouns and modifiers, as in an article) are counted once per document. Rebuild after a change of
the jieba dictionary or a large lexicon change.

Sources (see ``policytext/data/keyphrases/SOURCES.md``):

* ``/work/shared/data/seg/peoples-daily-199801.txt`` — PKU-segmented People's Daily, January 1998:
  each line's words are joined back into raw text and full-width ASCII (digits, Latin letters:
  ``１９９８年``) is folded to half-width as modern text writes it.
* ``--dev DIR`` (default ``/work/shared/corpora/dev``) — government work reports 2016-2025 and
  speeches; lines longer than 400 characters are cut into sentence groups of about 200
  characters. ``--no-dev`` leaves them out.

Only phrases in at least ``--min-df`` documents are written (rarer phrases score as unseen).

Example::

    PYTHONPATH=. .venv/bin/python scripts/build_background.py
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from policytext.extract.keyphrases import phrases  # noqa: E402
from policytext.segmentation import default_segmenter  # noqa: E402

from sources import dev_corpus, pd1998  # noqa: E402

OUT = REPO / "policytext" / "data" / "keyphrases" / "background_df.tsv.gz"
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_SENTENCE = re.compile(r"(?<=[。！？；])")
_HAN = re.compile(r"[\u3400-\u9fff]+")


def pku_documents(path: Path) -> Iterator[str]:
    """Each line of the PKU file as raw text, full-width ASCII folded to half-width."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = "".join(item.rpartition("/")[0] for item in line.split()).translate(_FULLWIDTH)
            if text:
                yield text


def chunks(line: str, size: int = 200) -> Iterator[str]:
    """A paragraph, or a long line cut into groups of sentences of about ``size`` characters."""
    if len(line) <= 2 * size:
        yield line
        return
    piece = ""
    for sentence in _SENTENCE.split(line):
        piece += sentence
        if len(piece) >= size:
            yield piece
            piece = ""
    if piece:
        yield piece


def dev_documents(folder: Path) -> Iterator[str]:
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            yield from (piece for piece in chunks(line.strip()) if piece)


def document_terms(text: str) -> set[str]:
    """The Chinese words and the candidate phrases of one document."""
    seg = default_segmenter()
    pairs = [(t.text, t.pos) for t in seg.tokens(text)]
    return {w for w, _ in pairs if _HAN.fullmatch(w)} | set(phrases(pairs, seg))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pku", type=Path, default=None, help="default: sources.pd1998()")
    ap.add_argument("--dev", type=Path, default=None, help="default: sources.dev_corpus()")
    ap.add_argument("--no-dev", action="store_true", help="People's Daily 1998 only")
    ap.add_argument("--min-df", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    df: Counter[str] = Counter()
    n_docs = 0
    sources = [pku_documents(args.pku or pd1998())] + ([] if args.no_dev else [dev_documents(args.dev or dev_corpus())])
    for docs in sources:
        for text in docs:
            n_docs += 1
            df.update(document_terms(text))
    kept = sorted((p, n) for p, n in df.items() if n >= args.min_df)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"#documents\t{n_docs}\n")
        fh.writelines(f"{p}\t{n}\n" for p, n in kept)
    print(f"{n_docs} documents, {len(df)} phrases, {len(kept)} with df >= {args.min_df} -> {args.out}")


if __name__ == "__main__":
    main()
