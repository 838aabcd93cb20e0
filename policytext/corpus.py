"""Corpora: many files (or texts) analysed together, on one machine or on a Dask cluster.

A :class:`Corpus` is an ordered list of documents (files or texts) with a metadata table, one row
per document. :meth:`Corpus.analyze` runs the whole pipeline and returns tidy pandas tables linked
by ``article_id``; :meth:`Corpus.batch` does the same resumably into a folder; ``kwic``,
``frequencies``, ``dfm``, ``keyness`` and ``new_terms`` explore the text in the style of quanteda.

>>> import policytext
>>> corpus = policytext.Corpus.from_texts(["城市更新的新路子\\n\\n张三\\n\\n城市更新是重要手段。"], ids=["a"])
>>> len(corpus), [art.id for art in corpus]
(1, ['a#1'])
>>> corpus.kwic("城市更新", window=3)[["article_id", "left", "keyword", "right"]].values.tolist()
[['a#1', '', '城市更新', '是重要']]
"""

from __future__ import annotations

import glob as _glob
import hashlib
import json
import math
import multiprocessing
import os
import pickle
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import fields
from functools import partial
from pathlib import Path, PurePath
from typing import Any, NamedTuple, TextIO

import numpy as np
import pandas as pd

from .document import Article, html
from .errors import InputError, PolicytextError
from .extract.keyphrases import keyness, new_terms
from .extract.quote_links import quote_ids
from .pipeline import Pipeline, default_pipeline, table_columns

__all__ = ["Corpus", "CorpusAnalysis"]

# The tables of an analysis by the default stages and their columns; ``article_id`` links them
# all (a pipeline with other stages has its own: ``Pipeline.columns``).
COLUMNS: dict[str, tuple[str, ...]] = table_columns()
_KEY_COLUMNS = ("file", "path", "doc_id", "id", "stem", "name")
_WORD = re.compile(r"\w")
_MAX_CHUNK = 16  # documents per task: small enough to balance load and to lose little on a crash
_WARM_UP_TEXT = "城市更新的新路子\n\n张三\n\n习近平总书记强调：“城市更新是重要手段。”要推进城市更新。"


class _Doc(NamedTuple):
    doc_id: str
    path: str | None
    text: str | None


# ---------------------------------------------------------------- per-document work (runs in workers)

def _error_row(doc: _Doc, article_id: str | None, stage: str, exc: BaseException) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "path": doc.path, "article_id": article_id, "stage": stage,
            "error": type(exc).__name__, "message": str(exc)}


def _read_doc(doc: _Doc, nlp: Pipeline) -> list[Article]:
    return nlp.read(doc.path) if doc.text is None else nlp.read_text(doc.text, source=doc.doc_id)


def _analyze_doc(doc: _Doc, nlp: Pipeline, tokens: bool | str) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """All rows of one document and its number of body characters; failures become error rows."""
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in nlp.columns(tokens=bool(tokens))}
    try:
        articles = _read_doc(doc, nlp)
    except Exception as exc:  # a batch goes on: the reason is kept in the errors table
        rows["errors"].append(_error_row(doc, None, "read", exc))
        return rows, 0
    chars = 0
    for art in articles:
        try:
            one = nlp.rows(art, doc.doc_id, doc.path, tokens)
        except Exception as exc:  # a failing stage loses this article only
            rows["errors"].append(_error_row(doc, art.id, "analyze", exc))
            continue
        for table, r in one.items():
            rows[table] += r
        chars += len(art.text)
    return rows, chars


_WORKER: list[Pipeline] = []  # the pipeline of a worker process of the local pool


def _analyze_chunk(chunk: list[tuple[int, _Doc]], tokens: bool | str,
                   nlp: Pipeline | None = None) -> list[tuple[int, dict, int]]:
    """Worker task: analyse a chunk of documents, each alone: ``[(doc_index, rows, chars), ...]``;
    ``nlp`` defaults to the pipeline the pool gave this worker."""
    nlp = nlp or _WORKER[0]
    return [(i, *_analyze_doc(doc, nlp, tokens)) for i, doc in chunk]


def _analyze_chunk_pickled(chunk: list[tuple[int, _Doc]], tokens: bool | str, nlp: Pipeline) -> bytes:
    """:func:`_analyze_chunk` for Dask, its result as one pickle: a Dask worker measures the size of
    each result by walking it, which on thousands of small row dicts costs more than pickling them."""
    return pickle.dumps(_analyze_chunk(chunk, tokens, nlp), protocol=pickle.HIGHEST_PROTOCOL)


def _warm_up(nlp: Pipeline) -> None:
    """Load the segmenter and the stage models of ``nlp``: run before forking a pool and as its
    initializer (which also keeps the pipeline for the worker's tasks), so each worker has them
    before its first document."""
    _WORKER[:] = [nlp]
    _analyze_doc(_Doc("warm-up", None, _WARM_UP_TEXT), nlp, True)


# ---------------------------------------------------------------- running the work

def _default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _resolve_client(client: Any, engine: str) -> Any:
    if engine not in ("local", "dask"):
        raise PolicytextError(f"unknown engine {engine!r}; use 'local' (process pool) or 'dask'")
    if client is not None or engine == "local":
        return client
    try:
        from distributed import get_client
    except ImportError as exc:
        raise PolicytextError("engine='dask' needs Dask: pip install 'policytext[dask]'") from exc
    try:
        return get_client()
    except ValueError as exc:
        raise PolicytextError(
            "engine='dask' found no Dask client; start one first, e.g. "
            "from distributed import Client; client = Client('tcp://host:8786'), or pass client="
        ) from exc


def _chunks(items: list[tuple[int, _Doc]], workers: int) -> list[list[tuple[int, _Doc]]]:
    size = max(1, min(_MAX_CHUNK, math.ceil(len(items) / (4 * max(workers, 1)))))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _execute(items: list[tuple[int, _Doc]], n_jobs: int | None, client: Any, nlp: Pipeline,
             tokens: bool | str) -> Iterator[list[tuple[int, dict, int]]]:
    """Yield the results of chunks of documents as they finish (in any order). The pipeline goes
    to every worker: pickled into each process of the pool, scattered once to a Dask cluster."""
    if client is not None:
        from distributed import as_completed as dask_completed

        workers = sum(client.nthreads().values()) or 1
        shipped = client.scatter(nlp, broadcast=True)
        futures = client.map(_analyze_chunk_pickled, _chunks(items, workers), tokens=tokens, nlp=shipped, pure=False)
        try:
            for fut in dask_completed(futures):
                yield pickle.loads(fut.result())  # written by _analyze_chunk_pickled on our own workers
        finally:
            client.cancel(futures)
        return
    if n_jobs is None or n_jobs == -1:
        n_jobs = _default_jobs()
    if n_jobs < 1:
        raise PolicytextError(f"n_jobs must be a positive number of processes (or -1 for all cores), not {n_jobs}")
    chunks = _chunks(items, n_jobs)
    workers = min(n_jobs, len(chunks))
    task = partial(_analyze_chunk, tokens=tokens)
    if workers <= 1:
        for chunk in chunks:
            yield task(chunk, nlp=nlp)
        return
    if multiprocessing.get_start_method() == "fork":
        _warm_up(nlp)  # forked workers inherit the loaded models instead of loading them each
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm_up, initargs=(nlp,))
    try:
        for fut in as_completed([pool.submit(task, chunk) for chunk in chunks]):
            yield fut.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _Progress:
    """A one-line progress bar on stderr: files done, chars/second, ETA (redrawn in a terminal,
    a line every 10 s otherwise)."""

    def __init__(self, total_files: int, total_bytes: int, enabled: bool, stream: TextIO | None = None) -> None:
        self.total_files, self.total_bytes, self.enabled = total_files, max(total_bytes, 1), enabled
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.files = self.bytes = self.chars = 0
        self.start = self.shown = time.monotonic()

    def skip(self, files: int, nbytes: int) -> None:
        """Count files done by an earlier run (they do not enter the speed)."""
        self.total_files -= files
        self.total_bytes = max(self.total_bytes - nbytes, 1)
        if self.enabled and files:
            print(f"policytext: {files} file(s) already done, skipped", file=self.stream)

    def update(self, files: int, nbytes: int, chars: int) -> None:
        self.files, self.bytes, self.chars = self.files + files, self.bytes + nbytes, self.chars + chars
        now = time.monotonic()
        if self.enabled and (now - self.shown >= (0.2 if self.tty else 10.0)):
            self.shown = now
            self._draw(now)

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            if self.tty:
                self.stream.write("\n")
            self.stream.flush()

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        share = min(self.bytes / self.total_bytes, 1.0) if self.total_files else 1.0
        eta = elapsed * (1 - share) / share if share > 0 else float("nan")
        eta_s = "--:--" if math.isnan(eta) else f"{int(eta) // 60:02d}:{int(eta) % 60:02d}"
        bar = "#" * int(share * 20)
        line = (f"[{bar:<20}] {self.files}/{self.total_files} files  "
                f"{self.chars / elapsed / 1000:.1f}k chars/s  ETA {eta_s}")
        self.stream.write(("\r" + line) if self.tty else line + "\n")
        self.stream.flush()


# ---------------------------------------------------------------- the analysis tables

def _frame(columns: Sequence[str], rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows, columns=list(columns))


def _link_quotations(frame: pd.DataFrame) -> pd.DataFrame:
    """Give the same saying cited by several articles one ``quote_id`` (:func:`policytext.quote_ids`)."""
    if frame.empty:
        return frame
    frame = frame.copy()
    frame["quote_id"] = quote_ids(frame["text"].tolist())
    return frame


class CorpusAnalysis:
    """The tidy tables of a corpus analysis, linked by ``article_id``, as attributes and in
    :attr:`tables`: ``articles`` (one row per article, with the document's metadata),
    ``paragraphs`` (with the primary theme and all theme ids, best first), then one or more tables
    per stage of the pipeline — ``entities``, ``keyphrases``, ``themes`` (one row per paragraph and
    theme), ``quotations`` (with ``quote_id`` shared across articles), ``tokens`` (only when asked
    for, else None) — and ``errors`` (documents or articles that failed, with the reason).

    >>> result = policytext.Corpus.from_files("corpora/*.txt").analyze()   # doctest: +SKIP
    >>> result.paragraphs.groupby("primary_theme").size()                 # doctest: +SKIP
    """

    def __init__(self, tables: Mapping[str, pd.DataFrame | None] | None = None, **named: pd.DataFrame | None) -> None:
        self._tables = {t: df for t, df in {**(tables or {}), **named}.items() if df is not None}
        missing = [t for t in ("articles", "paragraphs", "errors") if t not in self._tables]
        if missing:
            raise InputError(f"a corpus analysis needs the tables {missing}")

    @classmethod
    def of(cls, frames: Mapping[str, pd.DataFrame | None]) -> CorpusAnalysis:
        """The analysis of these tables (by name)."""
        return cls(frames)

    def __getattr__(self, name: str) -> pd.DataFrame | None:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._tables:
            return self._tables[name]
        if name in COLUMNS:  # a table of the pipeline's stages that this run did not make (tokens)
            return None
        raise AttributeError(f"no table {name!r}; this analysis has {list(self._tables)}")

    def __getstate__(self) -> dict[str, Any]:
        return {"tables": self._tables}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._tables = state["tables"]

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name (``tokens`` only when it was computed)."""
        return dict(self._tables)

    def to_parquet(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Write one ``<table>.parquet`` per table into ``directory``; returns the paths."""
        return self._write(directory, "parquet")

    def to_csv(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Write one ``<table>.csv`` per table (UTF-8 with BOM, so that Excel shows 中文)."""
        return self._write(directory, "csv")

    def _write(self, directory: str | os.PathLike[str], fmt: str) -> list[Path]:
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, df in self.tables.items():
            path = out / f"{name}.{fmt}"
            if fmt == "parquet":
                df.to_parquet(path, index=False)
            else:
                df.to_csv(path, index=False, encoding="utf-8-sig")
            paths.append(path)
        return paths

    def report(self, out: str | os.PathLike[str], by: str | None = None, title: str | None = None) -> Path:
        """Write the corpus at a glance as one self-contained HTML page (``policytext[report]``);
        see :func:`policytext.report.write_report`."""
        from importlib import import_module

        return import_module("policytext.report").write_report(self.tables, out, by=by, title=title)

    @classmethod
    def from_parquet(cls, directory: str | os.PathLike[str]) -> CorpusAnalysis:
        """Load the tables that :meth:`to_parquet` (or ``policytext batch``) wrote."""
        folder = Path(directory)
        missing = [t for t in ("articles", "paragraphs", "errors") if not (folder / f"{t}.parquet").is_file()]
        if missing:
            raise InputError(f"{folder}: no {', '.join(missing)} table(s); give the --out folder of a finished batch")
        return cls({p.stem: pd.read_parquet(p) for p in sorted(folder.glob("*.parquet"))})

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(df)}" for name, df in self.tables.items())
        return f"CorpusAnalysis({sizes})"


# ---------------------------------------------------------------- the corpus

def _expand(paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    """Paths of a folder (all ``*.txt`` under it), a glob or a list of any of these, in order."""
    items = [paths_or_glob] if isinstance(paths_or_glob, (str, os.PathLike)) else list(paths_or_glob)
    found: list[str] = []
    for item in map(os.fspath, items):
        if os.path.isdir(item):
            found += sorted(str(p) for p in Path(item).rglob("*.txt") if p.is_file())
        elif _glob.has_magic(item):
            found += sorted(p for p in _glob.glob(item, recursive=True) if os.path.isfile(p))
        else:
            found.append(item)  # a missing file is reported in the errors table of the analysis
    if not found:
        raise InputError(f"{items}: no files match; give a folder of .txt files, a glob such as 'dir/*.txt' or paths")
    return found


def _metadata_frame(metadata: str | os.PathLike[str] | Mapping[str, Mapping[str, Any]] | pd.DataFrame) -> pd.DataFrame:
    """Metadata as a DataFrame indexed by the document key (path, file name, stem or id)."""
    if isinstance(metadata, (str, os.PathLike)):
        try:
            df = pd.read_csv(metadata)
        except (OSError, ValueError) as exc:
            raise InputError(f"{metadata}: cannot read the metadata CSV ({exc}); give a CSV whose first column names the file") from exc
    elif isinstance(metadata, pd.DataFrame):
        df = metadata
    elif isinstance(metadata, Mapping):
        df = pd.DataFrame.from_dict({k: dict(v) for k, v in metadata.items()}, orient="index")
    else:
        raise InputError(f"metadata must be a CSV path, a dict or a DataFrame, not {type(metadata).__name__}")
    key = next((c for c in _KEY_COLUMNS if c in df.columns), None)
    if key is None and isinstance(metadata, (str, os.PathLike)):
        key = df.columns[0]
    df = df.set_index(key) if key is not None else df.copy()
    df.index = df.index.map(str)
    dup = df.index[df.index.duplicated()].unique().tolist()
    if dup:
        raise InputError(f"metadata names some documents twice: {dup[:5]}; keep one row per file")
    clash = [c for c in ("doc_id", "path") if c in df.columns]
    if clash:
        raise InputError(f"metadata columns {clash} are reserved; rename them")
    return df


def _doc_keys(doc: _Doc) -> list[str]:
    if doc.path is None:
        return [doc.doc_id]
    p = PurePath(doc.path)
    return [doc.path, os.path.normpath(doc.path), os.path.abspath(doc.path), p.name, p.stem]


class Corpus:
    """An ordered collection of documents (files or texts) with one metadata row per document.

    ``len(corpus)`` counts documents; iterating yields their :class:`Article` records in order
    (a file may hold several articles). Select documents by metadata with :meth:`select`.

    >>> corpus = policytext.Corpus.from_files("corpora/external/*.txt", metadata="meta.csv")  # doctest: +SKIP
    >>> corpus.select(outlet="光明日报", year=[2024, 2025]).analyze().keyphrases.head()  # doctest: +SKIP
    """

    def __init__(self, docs: Sequence[_Doc], meta: pd.DataFrame) -> None:
        self._docs = list(docs)
        self._meta = meta.reset_index(drop=True)

    # -- construction

    @classmethod
    def from_files(cls, paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
                   metadata: str | os.PathLike[str] | Mapping[str, Mapping[str, Any]] | pd.DataFrame | None = None,
                   ) -> Corpus:
        """A corpus of files: a folder (all ``*.txt`` under it), a glob or a list of paths.

        ``metadata`` is a CSV (first column, or a column named file/path/id/stem, names the file
        by path, file name or stem), a dict ``{"guangming-2025-01-27": {"outlet": "光明日报"}}``
        or a DataFrame; its columns join the ``meta`` table and the ``articles`` table.
        Article ids are file stem + ``#`` + position, so file stems must be unique.
        """
        paths = _expand(paths_or_glob)
        docs = [_Doc(PurePath(p).stem, p, None) for p in paths]
        stems = Counter(d.doc_id for d in docs)
        dup = [p for p in paths if stems[PurePath(p).stem] > 1]
        if dup:
            raise InputError(f"files share a name stem, so their article ids would collide: {dup[:4]}; rename them")
        return cls._with_metadata(docs, metadata)

    @classmethod
    def from_texts(cls, texts: Sequence[str] | Mapping[str, str], ids: Sequence[str] | None = None,
                   metadata: str | os.PathLike[str] | Mapping[str, Mapping[str, Any]] | pd.DataFrame | None = None,
                   ) -> Corpus:
        """A corpus of texts in memory: a list (with ``ids``, default ``text-1`` …) or a dict
        ``{id: text}``. ``metadata`` is keyed by id, as in :meth:`from_files`.

        >>> policytext.Corpus.from_texts({"a": "标题\\n\\n城市更新是重要手段。"}, metadata={"a": {"year": 2025}})
        Corpus(1 documents; metadata: year)
        """
        if isinstance(texts, Mapping):
            ids, texts = list(texts.keys()), list(texts.values())
        texts = list(texts)
        ids = [f"text-{i}" for i in range(1, len(texts) + 1)] if ids is None else [str(i) for i in ids]
        if len(ids) != len(texts):
            raise InputError(f"{len(texts)} texts but {len(ids)} ids; give one id per text")
        bad = [i for i in ids if not i or PurePath(i).stem != i or "/" in i or "\\" in i]
        if bad:
            raise InputError(f"ids become article ids (id#1) and cannot contain '.', '/' or be empty: {bad[:4]}")
        if len(set(ids)) != len(ids):
            raise InputError("ids must be unique")
        not_str = [i for i, t in zip(ids, texts) if not isinstance(t, str)]
        if not_str:
            raise InputError(f"texts must be str; these are not: {not_str[:4]}")
        return cls._with_metadata([_Doc(i, None, t) for i, t in zip(ids, texts)], metadata)

    @classmethod
    def _with_metadata(cls, docs: list[_Doc], metadata: Any) -> Corpus:
        meta = pd.DataFrame({"doc_id": [d.doc_id for d in docs], "path": [d.path for d in docs]})
        if metadata is None:
            return cls(docs, meta)
        extra = _metadata_frame(metadata)
        matched = [next((k for k in _doc_keys(d) if k in extra.index), None) for d in docs]
        unused = sorted(set(extra.index) - set(matched))
        if unused:
            warnings.warn(f"{len(unused)} metadata row(s) match no document, e.g. {unused[:3]}", stacklevel=3)
        rows = extra.reindex([m if m is not None else "\0missing" for m in matched]).reset_index(drop=True)
        return cls(docs, pd.concat([meta, rows], axis=1))

    # -- collection

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Article]:
        for _, art in self._articles():
            yield art

    def __repr__(self) -> str:
        extra = [c for c in self._meta.columns if c not in ("doc_id", "path")]
        return f"Corpus({len(self)} documents" + (f"; metadata: {', '.join(extra)})" if extra else ")")

    def _repr_html_(self) -> str:
        return html("corpus", self)

    @property
    def meta(self) -> pd.DataFrame:
        """One row per document: ``doc_id``, ``path`` (None for texts) and the metadata columns."""
        return self._meta.copy()

    def select(self, mask: Any = None, **where: Any) -> Corpus:
        """The documents whose metadata match: ``corpus.select(year=2024)``, a list for any of
        several values ``corpus.select(outlet=["光明日报", "人民日报"])``, or a boolean mask over
        :attr:`meta`: ``corpus.select(corpus.meta.year >= 2020)``."""
        keep = self._mask(mask if mask is not None else where)
        return Corpus([d for d, k in zip(self._docs, keep) if k], self._meta[keep])

    def _mask(self, selector: Any) -> np.ndarray:
        if isinstance(selector, Mapping):
            keep = np.ones(len(self), dtype=bool)
            for column, value in selector.items():
                if column not in self._meta.columns:
                    raise PolicytextError(f"no metadata column {column!r}; the corpus has {list(self._meta.columns)}")
                values = list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]
                keep &= self._meta[column].isin(values).to_numpy()
            return keep
        keep = np.asarray(selector)
        if keep.dtype != bool or keep.shape != (len(self),):
            raise PolicytextError(f"a selection mask must be {len(self)} booleans, one per document (e.g. corpus.meta.year == 2024)")
        return keep

    def _articles(self, pipeline: Pipeline | None = None) -> Iterator[tuple[int, Article]]:
        nlp = pipeline or default_pipeline()
        for i, doc in enumerate(self._docs):
            try:
                arts = _read_doc(doc, nlp)
            except InputError as exc:
                raise InputError(f"{exc}; leave the document out with corpus.select(corpus.meta.doc_id != {doc.doc_id!r})") from exc
            for art in arts:
                yield i, art

    # -- analysis

    def analyze(self, n_jobs: int | None = None, client: Any = None, engine: str = "local",
                tokens: bool | str = False, k: int | None = None, progress: bool = False,
                pipeline: Pipeline | None = None) -> CorpusAnalysis:
        """Run the whole pipeline on every document and return the tables (:class:`CorpusAnalysis`).

        ``n_jobs`` processes on this machine (default: all cores; 1 runs in this process), or a
        Dask cluster with ``client=`` (or ``engine="dask"`` and the current client). Each worker
        loads the models once. The result is the same whatever the parallelism: each article is
        analysed alone and the rows come in corpus order. ``tokens=True`` adds the ``tokens``
        table (the pipeline's tokens; ``tokens="pkuseg"`` for another engine's); ``k`` key phrases per
        article (default: the pipeline's). ``pipeline`` (default :func:`policytext.default_pipeline`)
        is shipped to every worker, with its terms and theme model.

        >>> res = corpus.analyze(n_jobs=2)  # doctest: +SKIP
        >>> res.keyphrases[res.keyphrases.article_id == "guangming-2025-01-27#1"]  # doctest: +SKIP
        """
        client = _resolve_client(client, engine)
        nlp = _configured(pipeline, k)
        items = list(enumerate(self._docs))
        sizes = self._sizes()
        bar = _Progress(len(items), sum(sizes), progress)
        results: list[dict | None] = [None] * len(items)
        for chunk in _execute(items, n_jobs, client, nlp, tokens):
            for i, rows, _ in chunk:
                results[i] = rows
            bar.update(len(chunk), sum(sizes[i] for i, _, _ in chunk), sum(c for _, _, c in chunk))
        bar.close()
        return self._assemble(results, nlp.columns(tokens=bool(tokens)))

    def batch(self, out: str | os.PathLike[str], n_jobs: int | None = None, client: Any = None,
              engine: str = "local", tokens: bool | str = False, k: int | None = None, progress: bool = True,
              format: str = "parquet", pipeline: Pipeline | None = None) -> CorpusAnalysis:
        """:meth:`analyze`, resumable: each finished chunk of documents is saved at once under
        ``out/parts/``; a rerun (after a crash or Ctrl-C) skips the documents already done whose
        file is unchanged. At the end the tables are written to ``out/<table>.parquet`` (or .csv).

        >>> policytext.Corpus.from_files("commentaries/").batch("results/", n_jobs=2)  # doctest: +SKIP
        """
        from .version import __version__

        if format not in ("parquet", "csv"):
            raise PolicytextError(f"unknown format {format!r}; use 'parquet' or 'csv'")
        client = _resolve_client(client, engine)
        nlp = _configured(pipeline, k)
        parts = Path(out) / "parts"
        parts.mkdir(parents=True, exist_ok=True)
        for tmp in parts.glob("*.tmp"):
            tmp.unlink()
        options = f"policytext {__version__}; tokens={tokens}; {nlp!r}; k={nlp.settings.k}"
        keys = [self._fingerprint(doc, options) for doc in self._docs]
        stored = _read_parts(parts)
        results: list[dict | None] = [stored.get(key) for key in keys]
        sizes = self._sizes()
        todo = [(i, d) for i, d in enumerate(self._docs) if results[i] is None]
        bar = _Progress(len(self._docs), sum(sizes), progress)
        bar.skip(len(self._docs) - len(todo), sum(s for s, r in zip(sizes, results) if r is not None))
        number = max((int(p.stem.split("-")[1]) for p in parts.glob("part-*.jsonl")), default=0)
        for chunk in _execute(todo, n_jobs, client, nlp, tokens):
            number += 1
            _write_part(parts / f"part-{number:06d}.jsonl", [(keys[i], rows) for i, rows, _ in chunk])
            for i, rows, _ in chunk:
                results[i] = rows
            bar.update(len(chunk), sum(sizes[i] for i, _, _ in chunk), sum(c for _, _, c in chunk))
        bar.close()
        analysis = self._assemble(results, nlp.columns(tokens=bool(tokens)))
        analysis._write(out, format)
        return analysis

    def _sizes(self) -> list[int]:
        def size(doc: _Doc) -> int:
            if doc.text is not None:
                return len(doc.text.encode("utf-8"))
            try:
                return os.path.getsize(doc.path)  # type: ignore[arg-type]
            except OSError:
                return 0

        return [size(d) for d in self._docs]

    @staticmethod
    def _fingerprint(doc: _Doc, options: str) -> tuple[str, str]:
        """(key, fingerprint) of a document: a changed file or option is analysed again."""
        if doc.text is not None:
            return "text:" + doc.doc_id, hashlib.sha1(doc.text.encode("utf-8")).hexdigest() + "; " + options
        try:
            st = os.stat(doc.path)  # type: ignore[arg-type]
            stamp = f"{st.st_size}:{st.st_mtime_ns}"
        except OSError:
            stamp = "unreadable"
        return os.path.abspath(doc.path), f"{stamp}; {options}"  # type: ignore[arg-type]

    def _assemble(self, results: Sequence[dict | None], columns: dict[str, tuple[str, ...]]) -> CorpusAnalysis:
        rows: dict[str, list[dict[str, Any]]] = {t: [] for t in columns}
        for res in results:
            for table in columns:
                rows[table] += res.get(table, []) if res else []
        frames = {t: _frame(columns[t], r) for t, r in rows.items()}
        extra = self._meta.drop(columns=["path"])
        if len(extra.columns) > 1:
            frames["articles"] = frames["articles"].merge(extra, on="doc_id", how="left", suffixes=("", "_meta"))
        if "quotations" in frames:
            frames["quotations"] = _link_quotations(frames["quotations"])
        return CorpusAnalysis.of(frames)

    def quotations(self, pipeline: Pipeline | None = None) -> pd.DataFrame:
        """All quotations of the corpus as one table (the ``quotations`` table of :meth:`analyze`),
        with ``quote_id`` shared by the same saying cited in several articles."""
        nlp = pipeline or default_pipeline()
        stage = nlp.stage("quotations")
        rows = []
        for _, art in self._articles(nlp):
            nlp.fill(art, ("quotations",))
            rows += stage.rows(art)["quotations"]
        return _link_quotations(_frame(stage.tables["quotations"], rows))

    # -- exploration

    def kwic(self, pattern: str, window: int = 20, regex: bool = False) -> pd.DataFrame:
        """Keyword in context: every occurrence of ``pattern`` in the paragraphs, with ``window``
        characters either side; ``start``/``end`` are exact offsets in the paragraph text.

        >>> corpus.kwic("城市更新", window=10).head()  # doctest: +SKIP
        """
        if not pattern:
            raise PolicytextError("kwic needs a non-empty pattern, e.g. corpus.kwic('新质生产力')")
        rx = re.compile(pattern if regex else re.escape(pattern))
        rows = []
        for _, art in self._articles():
            for p in art.paragraphs:
                for m in rx.finditer(p.text):
                    if m.end() > m.start():
                        rows.append({"article_id": art.id, "paragraph": p.index,
                                     "left": p.text[max(0, m.start() - window):m.start()], "keyword": m.group(),
                                     "right": p.text[m.end():m.end() + window], "start": m.start(), "end": m.end()})
        return pd.DataFrame.from_records(rows, columns=["article_id", "paragraph", "left", "keyword", "right",
                                                        "start", "end"])

    def _dfm(self) -> tuple[Any, list[str], list[tuple[int, Article]]]:
        from scipy import sparse

        vocab: dict[str, int] = {}
        indptr, indices, data = [0], [], []
        arts = list(self._articles())
        for _, art in arts:
            counts = Counter(w for p in art.paragraphs for w in p.tokens() if _WORD.search(w))
            for word, n in counts.items():
                indices.append(vocab.setdefault(word, len(vocab)))
                data.append(n)
            indptr.append(len(indices))
        matrix = sparse.csr_matrix((np.asarray(data, dtype=np.int64), np.asarray(indices, dtype=np.int64), indptr),
                                   shape=(len(arts), len(vocab)))
        return matrix, list(vocab), arts

    def dfm(self) -> tuple[Any, list[str]]:
        """Document-feature matrix: (scipy.sparse CSR of word counts, one row per article in
        iteration order; the vocabulary, one word per column, in order of first use). Words come
        from the pipeline's tokens (:func:`policytext.segment`); punctuation and spaces are left out.

        >>> m, vocab = corpus.dfm(); m[:, vocab.index("城市更新")].sum()  # doctest: +SKIP
        """
        matrix, vocab, _ = self._dfm()
        return matrix, vocab

    def frequencies(self, by: str | None = None) -> pd.DataFrame:
        """Word frequencies like quanteda's ``textstat_frequency``: ``term``, ``frequency``,
        ``rank``, ``docfreq`` (articles that use it), per group of a metadata column or article
        field when ``by`` is given (``corpus.frequencies(by="year")``)."""
        matrix, vocab, arts = self._dfm()
        if by is None:
            groups = {None: np.arange(len(arts))}
        else:
            labels = pd.Series(self._group_values(by, arts))
            groups = {g: idx.to_numpy() for g, idx in labels.groupby(labels, dropna=False).groups.items()}
        frames = []
        for group, idx in groups.items():
            sub = matrix[idx]
            df = pd.DataFrame({"term": vocab, "frequency": np.asarray(sub.sum(axis=0)).ravel(),
                               "docfreq": np.asarray((sub > 0).sum(axis=0)).ravel()})
            df = df[df.frequency > 0].sort_values("frequency", ascending=False, kind="stable")
            df.insert(2, "rank", df.frequency.rank(method="min", ascending=False).astype(int))
            if by is not None:
                df.insert(0, by, group)
            frames.append(df)
        columns = ([by] if by else []) + ["term", "frequency", "rank", "docfreq"]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)

    def _group_values(self, by: str, arts: list[tuple[int, Article]]) -> list[Any]:
        if by in self._meta.columns:
            column = self._meta[by].tolist()
            return [column[i] for i, _ in arts]
        if by in {f.name for f in fields(Article)}:
            return [getattr(art, by) for _, art in arts]
        raise PolicytextError(f"cannot group by {by!r}: not a metadata column ({list(self._meta.columns)}) nor an article field")

    def keyness(self, target: Any, reference: Any = None, **kwargs: Any) -> Any:
        """Phrases that distinguish the ``target`` documents from the ``reference`` ones (default:
        the rest), by :func:`policytext.keyness`; each side is a dict of metadata values or a
        boolean mask over :attr:`meta`.

        >>> corpus.keyness({"year": 2025}, {"year": 2024})  # doctest: +SKIP
        """
        t = self._mask(target)
        r = ~t if reference is None else self._mask(reference)
        return keyness(list(self.select(t)), list(self.select(r)), **kwargs)

    def new_terms(self, **kwargs: Any) -> Any:
        """Multi-character terms the lexicon lacks, by :func:`policytext.new_terms`."""
        return new_terms(list(self), **kwargs)


def _configured(pipeline: Pipeline | None, k: int | None) -> Pipeline:
    """The pipeline of a run: the given one (default: the default pipeline) with ``k`` if given."""
    nlp = pipeline or default_pipeline()
    return nlp if k is None or k == nlp.settings.k else nlp.with_options(k=k)


# ---------------------------------------------------------------- batch parts (JSON lines, one document a line)

def _write_part(path: Path, docs: list[tuple[tuple[str, str], dict]]) -> None:
    """Write a part atomically: a killed run leaves whole parts or none."""
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for (key, fp), rows in docs:
            fh.write(json.dumps({"key": key, "fingerprint": fp, "rows": rows}, ensure_ascii=False, default=_plain) + "\n")
    os.replace(tmp, path)


def _plain(value: Any) -> Any:
    """JSON for the numpy scalars a stage may return (``np.float32(0.5)`` → 0.5)."""
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot save {type(value).__name__} in a batch part")


def _read_parts(folder: Path) -> dict[tuple[str, str], dict]:
    stored: dict[tuple[str, str], dict] = {}
    for part in sorted(folder.glob("part-*.jsonl")):
        with open(part, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                stored[(rec["key"], rec["fingerprint"])] = rec["rows"]
    return stored
