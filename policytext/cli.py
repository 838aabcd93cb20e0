"""The ``policytext`` command line.

    policytext analyze corpora/guangming-2025-01-27.txt [--format json] [--errors replace]
    echo 加快发展新质生产力 | policytext segment --engine pkuseg
    policytext batch 'commentaries/*.txt' --out results/ [--jobs N] [--scheduler tcp://host:8786]
    policytext batch news.parquet --text-column content --id-column id --out results/ --max-chars 200000
    policytext report results/ --out report.html [--by outlet]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .version import __version__
from .document import Article
from .errors import PolicytextError
from .pipeline import Pipeline
from .segmentation import ENGINES, default_segmenter

__all__ = ["main", "analysis_record"]


def analysis_record(articles: list[Article], source: str) -> dict:
    """The JSON record of ``analysis-json.md`` for the articles of one input."""
    return {
        "policytext_version": __version__,
        "source": source,
        "articles": [a.to_dict() for a in articles],
    }


def _pipeline(args: argparse.Namespace) -> Pipeline:
    """The pipeline the options ask for (``--engine``, ``--taxonomy``, ``--theme-model``)."""
    return Pipeline(engine=args.engine, themes=args.theme_model, taxonomy=args.taxonomy)


def _cmd_analyze(args: argparse.Namespace) -> int:
    import warnings

    from .reader.text import ReplacedBytesWarning

    nlp = _pipeline(args)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReplacedBytesWarning)
        articles = nlp.read(args.file, errors=args.errors)
    for w in caught:  # --errors replace: say how many bytes were replaced
        print(f"policytext: warning: {w.message}", file=sys.stderr)
    if args.format == "json":
        json.dump(analysis_record(articles, args.file), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        out = [f"{args.file}: {len(articles)} article(s)"]
        for art in articles:
            out += ["", *nlp.report(art)]
        print("\n".join(out))
    return 0


def _cmd_segment(args: argparse.Namespace) -> int:
    lexicon = not args.no_lexicon
    for line in sys.stdin:
        body = line.rstrip("\r\n")
        words = [w for w in default_segmenter(args.engine, lexicon).segment(body) if not w.isspace()]
        sys.stdout.write("  ".join(words) + "\n")
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from .corpus import Corpus

    tables = [i for i in args.inputs if i.endswith((".csv", ".parquet", ".pq"))]
    if tables and len(args.inputs) > 1:
        raise PolicytextError("give one table of texts (CSV or Parquet), or folders, globs and files of text")
    if tables:
        corpus = Corpus.from_table(tables[0], text=args.text_column, id=args.id_column)
    else:
        corpus = Corpus.from_files(args.inputs, metadata=args.metadata)
    client = None
    if args.scheduler:
        try:
            from distributed import Client
        except ImportError as exc:
            raise PolicytextError("--scheduler needs Dask: pip install 'policytext[dask]'") from exc
        client = Client(args.scheduler)
    try:
        result = corpus.batch(args.out, n_jobs=args.jobs, client=client, tokens=args.tokens,
                              progress=not args.quiet, format=args.format, pipeline=_pipeline(args),
                              max_chars=args.max_chars, timeout=args.timeout, errors=args.errors)
    except KeyboardInterrupt:
        print(f"policytext: interrupted; finished parts are kept in {args.out}, "
              "rerun the same command to go on", file=sys.stderr)
        return 130
    finally:
        if client is not None:
            client.close()
    n_docs = f"{len(corpus)} file(s)" if not tables else tables[0]
    print(f"policytext: {result.count('articles')} article(s) from {n_docs} -> {args.out}", file=sys.stderr)
    if not result.count("errors"):
        return 0
    where = f"{args.out}/errors.csv" if args.format == "csv" else f"{args.out}/errors/"
    warned = int((result.errors.error == "ReplacedBytesWarning").sum())
    failed = len(result.errors) - warned
    if warned:
        print(f"policytext: {warned} file(s) read with undecodable bytes replaced, see {where}", file=sys.stderr)
    if failed:
        print(f"policytext: {failed} file(s) or article(s) failed, see {where}", file=sys.stderr)
    return 1 if failed else 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .corpus import CorpusAnalysis
    from .report import write_report

    out = write_report(CorpusAnalysis.from_parquet(args.results).tables, args.out, by=args.by, title=args.title)
    print(f"policytext: report -> {out}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policytext", description="Analyse Chinese political text.")
    parser.add_argument("--version", action="version", version=f"policytext {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="analyse one file of commentaries")
    p.add_argument("file")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--errors", choices=["strict", "replace"], default="strict",
                   help="undecodable bytes: refuse the file (strict, default) or replace them and warn (replace)")
    _pipeline_options(p)
    p.set_defaults(func=_cmd_analyze)

    p = sub.add_parser("segment", help="segment lines of stdin, words separated by two spaces")
    p.add_argument("--engine", choices=ENGINES, default="jieba")
    p.add_argument("--no-lexicon", action="store_true", help="switch the political lexicon off")
    p.set_defaults(func=_cmd_segment)

    p = sub.add_parser("batch", help="analyse many files into tables, resumably, on all cores or a Dask cluster")
    p.add_argument("inputs", nargs="+", metavar="DIR_OR_GLOB",
                   help="a folder (its .txt, .docx and .html files), a glob or files; or one CSV or Parquet table of texts")
    p.add_argument("--out", required=True, help="folder for the tables: one Parquet dataset folder per table "
                   "(on a Dask cluster, a path every worker sees)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="run on a Dask cluster, e.g. tcp://host:8786")
    p.add_argument("--metadata", metavar="CSV", help="extra columns per file; the first column names the file")
    p.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    p.add_argument("--tokens", action="store_true", help="also write the tokens table")
    p.add_argument("--max-chars", type=int, metavar="N", help="list a document over N characters in errors, unanalysed")
    p.add_argument("--timeout", type=float, metavar="SECONDS",
                   help="list a document whose analysis takes longer in errors, and go on")
    p.add_argument("--errors", choices=["strict", "replace"], default="strict",
                   help="a file with undecodable bytes: an error (strict, the default), or read with the bytes "
                        "replaced and listed in the errors table with their count (replace)")
    p.add_argument("--text-column", default="text", help="the text column of a table of texts (default: text)")
    p.add_argument("--id-column", help="the id column of a table of texts (default: the column id if there is one, else the file stem and row number: texts-1, texts-2, ...)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _pipeline_options(p)
    p.set_defaults(func=_cmd_batch)

    p = sub.add_parser("report", help="one self-contained HTML page of a batch's results (needs policytext[report])")
    p.add_argument("results", metavar="RESULTS", help="the --out folder of policytext batch")
    p.add_argument("--out", required=True, help="the HTML file to write")
    p.add_argument("--by", help="group themes over time by this metadata column or article field (e.g. outlet)")
    p.add_argument("--title", help="the page title")
    p.set_defaults(func=_cmd_report)
    return parser


def _pipeline_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=ENGINES, default="jieba", help="segmentation engine (default: jieba)")
    p.add_argument("--taxonomy", metavar="TOML", help="a theme taxonomy of your own (with --theme-model)")
    p.add_argument("--theme-model", metavar="NPZ", help="a theme model saved by ThemeClassifier.save")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``policytext`` command."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except PolicytextError as exc:
        print(f"policytext: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
