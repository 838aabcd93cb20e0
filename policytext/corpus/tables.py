"""The tables of a corpus analysis as partitioned Parquet datasets, one folder per table.

Each task of a batch writes one file per table, ``<out>/<table>/part-<first doc>-<hash>.parquet``,
under a hidden temporary name that is renamed when whole, then its entry in ``<out>/_manifest/``
(its first document, how many, and a digest of their fingerprints): a file is in a table only
when whole, and a part is finished only when all its files are. The folder is the result: ``pd.read_parquet(out / "quotations")``,
``pyarrow.dataset.dataset`` and ``dask.dataframe.read_parquet`` read it, parts in corpus order.
Corpus-wide steps run over the files in bounded memory: :func:`link_quotes` (one ``quote_id`` for
the same saying across articles) and :meth:`CorpusAnalysis.frequencies`.

>>> folder = Path(getfixture("tmp_path"))
>>> schemas = {"themes": pa.schema([("article_id", pa.string()), ("score", pa.float64())])}
>>> part = PartWriter(folder, "part-0000000000-x", schemas)
>>> part.add("themes", [{"article_id": "评论#1", "score": 0.5}])
>>> part.commit({"part": "part-0000000000-x"})
>>> pd.read_parquet(folder / "themes").article_id.tolist()
['评论#1']
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import uuid
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InputError
from ..extract.quote_links import normalise_quote, quote_ids

__all__ = ["CorpusAnalysis", "PartWriter", "finished_parts", "link_quotes", "meta_column", "parquet_files",
           "stamp_digest", "table_schemas", "write_atomic"]

MANIFEST = "_manifest"
FLUSH_ROWS = 50_000  # rows of a table kept in a worker before they go to the file as a row group
MAX_BUCKETS = 256  # temporary files open at once in a corpus-wide pass
WORD = re.compile(r"\w")


# ---------------------------------------------------------------- schemas and writing

def _arrow_type(values: Iterable[Any]) -> pa.DataType:
    """The type of a column from sample values; all None: text."""
    sample = [v for v in values if v is not None]
    if not sample:
        return pa.string()
    kind = pa.infer_type(sample)
    return pa.float64() if pa.types.is_floating(kind) else pa.int64() if pa.types.is_integer(kind) else kind


def table_schemas(columns: Mapping[str, tuple[str, ...]], sample: Mapping[str, list[dict[str, Any]]],
                  meta: pd.DataFrame | None = None) -> dict[str, pa.Schema]:
    """One fixed schema per table, so that every part of a dataset agrees: each column's type
    from the ``sample`` rows (text when the sample has no value), and the ``meta`` columns
    (metadata joined to ``articles``; a name the articles table has gets ``_meta``).

    >>> table_schemas({"errors": ("doc_id", "message")}, {})["errors"].types
    [DataType(string), DataType(string)]
    """
    out = {t: pa.schema([(c, _arrow_type(r.get(c) for r in sample.get(t, []))) for c in cols])
           for t, cols in columns.items()}
    if meta is not None and len(meta.columns):
        fields = [pa.field(meta_column(c, columns["articles"]), _arrow_type(meta[c].tolist())) for c in meta.columns]
        out["articles"] = pa.schema(list(out["articles"]) + fields)
    return out


def meta_column(name: str, article_columns: tuple[str, ...]) -> str:
    """The name of a metadata column in the ``articles`` table.

    >>> meta_column("title", ("article_id", "title")), meta_column("year", ("article_id", "title"))
    ('title_meta', 'year')
    """
    return f"{name}_meta" if name in article_columns else name


class PartWriter:
    """The files of one part: rows go to hidden temporary files (a row group every
    ``FLUSH_ROWS`` rows, so a worker's memory stays bounded); :meth:`commit` renames them into
    the tables and then writes the manifest entry; :meth:`abort` removes them."""

    def __init__(self, out: Path, name: str, schemas: Mapping[str, pa.Schema]) -> None:
        self.out, self.name, self.schemas = Path(out), name, schemas
        self.buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in schemas}
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.token = uuid.uuid4().hex[:8]

    def temp(self, table: str) -> Path:
        return self.out / table / f".{self.name}.{self.token}.tmp"

    def add(self, table: str, rows: list[dict[str, Any]]) -> None:
        buffer = self.buffers[table]
        buffer += rows
        if len(buffer) >= FLUSH_ROWS:
            self._flush(table)

    def _flush(self, table: str) -> None:
        if table not in self.writers:
            self.temp(table).parent.mkdir(parents=True, exist_ok=True)
            self.writers[table] = pq.ParquetWriter(self.temp(table), self.schemas[table], compression="zstd")
        self.writers[table].write_table(pa.Table.from_pylist(self.buffers[table], schema=self.schemas[table]))
        self.buffers[table] = []

    def commit(self, entry: dict[str, Any]) -> None:
        """Write every table's file (empty tables too), then the manifest ``entry``."""
        for table in self.schemas:
            self._flush(table)
            self.writers[table].close()
        for table in self.schemas:
            os.replace(self.temp(table), self.out / table / f"{self.name}.parquet")
        write_atomic(self.out / MANIFEST / f"{self.name}.json", json.dumps(entry, ensure_ascii=False))

    def abort(self) -> None:
        for table, writer in self.writers.items():
            writer.close()
            self.temp(table).unlink(missing_ok=True)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a temporary name, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def stamp_digest(first: int, stamps: Iterable[tuple[str, str]]) -> str:
    """A digest of the (key, fingerprint) stamps of consecutive documents from position ``first``.

    >>> stamp_digest(0, [("text:a", "x")]) == stamp_digest(1, [("text:a", "x")])
    False
    """
    h = hashlib.sha1()
    for i, (key, fp) in enumerate(stamps, first):
        h.update(f"{i}\t{key}\t{fp}\n".encode("utf-8"))
    return h.hexdigest()


def finished_parts(out: Path, stamps: Iterable[tuple[str, str]], options: str) -> list[range]:
    """The positions held by the finished parts in ``out`` (sorted ranges) that are still valid
    for the documents' current ``stamps`` (key, fingerprint), in one pass over them; what cannot
    be kept is removed first: temporary files, files of parts with no manifest entry (a run killed
    while writing), and parts of other ``options`` or of documents that changed or moved."""
    entries = []
    for path in sorted((out / MANIFEST).glob("*.json")):
        entry = json.loads(path.read_text(encoding="utf-8"))
        if entry.get("options") == options:
            entries.append((entry["first"], entry["count"], entry["digest"], path, hashlib.sha1()))
        else:
            path.unlink()
    entries.sort(key=lambda e: e[0])
    open_: list[tuple[int, int, str, Path, Any]] = []
    nxt = 0
    for i, (key, fp) in enumerate(stamps):
        while nxt < len(entries) and entries[nxt][0] <= i:
            open_.append(entries[nxt])
            nxt += 1
        open_ = [e for e in open_ if i < e[0] + e[1]]
        for e in open_:
            e[4].update(f"{i}\t{key}\t{fp}\n".encode("utf-8"))
    valid = []
    for first, count, digest, path, h in entries:
        if h.hexdigest() == digest:
            valid.append((first, count, path.stem))
        else:
            path.unlink()
    keep = {name for _, _, name in valid}
    for folder in [p for p in out.iterdir() if p.is_dir() and p.name != MANIFEST] if out.is_dir() else []:
        for f in folder.iterdir():
            if f.name.endswith(".tmp") or (f.suffix == ".parquet" and f.stem.startswith("part-") and f.stem not in keep):
                f.unlink()
    for f in (out / MANIFEST).glob(".*.tmp"):
        f.unlink()
    return [range(first, first + count) for first, count, _ in sorted(valid)]


def parquet_files(folder: Path) -> list[Path]:
    """The visible Parquet files of a dataset folder, in order."""
    return sorted(p for p in folder.glob("*.parquet") if not p.name.startswith((".", "_")))


def count_rows(folder: Path) -> int:
    """The rows of a dataset folder, from its files' footers."""
    return sum(pq.ParquetFile(f).metadata.num_rows for f in parquet_files(folder))


# ---------------------------------------------------------------- corpus-wide steps, out of core

def _bucket(text: str, buckets: int) -> int:
    return zlib.crc32(text.encode("utf-8")) % buckets


class _Buckets:
    """Rows spread over ``n`` temporary Parquet files by a key, then read back one file at a time."""

    def __init__(self, folder: Path, name: str, n: int, schema: pa.Schema) -> None:
        self.paths = [folder / f"{name}-{b}.parquet" for b in range(n)]
        self.schema = schema
        self.writers = [pq.ParquetWriter(p, schema) for p in self.paths]

    def add(self, columns: dict[str, list[Any]], bucket_of: list[int]) -> None:
        order = np.argsort(np.asarray(bucket_of, dtype=np.int64), kind="stable")
        table = pa.table(columns, schema=self.schema).take(pa.array(order))
        counts = np.bincount(np.asarray(bucket_of, dtype=np.int64), minlength=len(self.writers))
        start = 0
        for b, n in enumerate(counts):
            if n:
                self.writers[b].write_table(table.slice(start, n))
            start += n

    def read(self) -> Iterator[pd.DataFrame]:
        for w in self.writers:
            w.close()
        for p in self.paths:
            yield pq.read_table(p).to_pandas()


def _prefix(norm: str, df: Mapping[str, int], threshold: float) -> list[str]:
    """The prefix of ``norm``'s character bigrams, rarest first, that any text as similar as
    ``threshold`` (Jaccard) shares at least one of: the prefix filter of :func:`quote_ids`."""
    grams = {norm[i:i + 2] for i in range(len(norm) - 1)} if len(norm) > 1 else {norm}
    ordered = sorted(grams, key=lambda x: (df[x], x))
    return ordered[: len(grams) - math.ceil(threshold * len(grams)) + 1]


def link_quotes(folder: Path, threshold: float = 0.8, bucket_rows: int = 10_000) -> None:
    """Give every quotation of the dataset ``folder`` its corpus-wide ``quote_id`` (rewriting each
    file): the ids :func:`quote_ids` gives the whole table, computed in bounded memory. The
    normalised texts are spread over buckets by hash and deduplicated there; each text is then
    filed under the rare bigrams of its prefix filter, and :func:`quote_ids` clusters the texts
    filed in one bucket under a bigram another text shares (any two similar texts share one);
    the clusters are joined, each named after its first text in corpus order.

    >>> folder = Path(getfixture("tmp_path"))
    >>> for i, text in enumerate(["城市是人民的城市。", "好", "城市是人民的城市！"]):
    ...     pd.DataFrame({"text": [text], "quote_id": [None]}).to_parquet(folder / f"part-{i}.parquet")
    >>> link_quotes(folder)
    >>> pd.read_parquet(folder).quote_id.tolist() == quote_ids(["城市是人民的城市。", "好", "城市是人民的城市！"])
    True
    """
    files = parquet_files(folder)
    total = count_rows(folder)
    if not total:
        return
    n = min(MAX_BUCKETS, max(1, math.ceil(total / bucket_rows)))
    work = folder / f".link-{uuid.uuid4().hex[:8]}"
    work.mkdir()
    try:
        texts = _Buckets(work, "texts", n, pa.schema([("norm", pa.string()), ("pos", pa.int64())]))
        pos = 0
        for f in files:
            norms = [normalise_quote(t or "") for t in pq.read_table(f, columns=["text"]).column("text").to_pylist()]
            texts.add({"norm": norms, "pos": list(range(pos, pos + len(norms)))}, [_bucket(t, n) for t in norms])
            pos += len(norms)
        unique = _Buckets(work, "unique", n, texts.schema)
        df: Counter[str] = Counter()
        for b, frame in enumerate(texts.read()):
            first = frame[frame.norm != ""].groupby("norm", sort=False).pos.min()
            for norm in first.index:
                df.update({norm[i:i + 2] for i in range(len(norm) - 1)} if len(norm) > 1 else {norm})
            unique.add({"norm": first.index.tolist(), "pos": first.tolist()}, [b] * len(first))
        filed = _Buckets(work, "grams", n, pa.schema([("gram", pa.string()), ("norm", pa.string()), ("pos", pa.int64())]))
        for frame in unique.read():
            rows = [(g, norm, p) for norm, p in zip(frame.norm, frame.pos) for g in _prefix(norm, df, threshold)]
            filed.add({"gram": [r[0] for r in rows], "norm": [r[1] for r in rows], "pos": [r[2] for r in rows]},
                      [_bucket(r[0], n) for r in rows])
        del df
        parent: dict[int, int] = {}
        text_of: dict[int, str] = {}

        def find(i: int) -> int:
            while parent.get(i, i) != i:
                parent[i] = parent.get(parent[i], parent[i])
                i = parent[i]
            return i

        for frame in filed.read():  # the texts that share a filed bigram with another, clustered together
            shared = frame[frame.duplicated("gram", keep=False)].drop_duplicates("pos")
            norms, positions = shared.norm.tolist(), shared.pos.tolist()
            clusters: dict[str, list[int]] = defaultdict(list)
            for i, qid in enumerate(quote_ids(norms, threshold)):
                clusters[qid].append(i)
            for first, *rest in (c for c in clusters.values() if len(c) > 1):
                text_of[positions[first]] = norms[first]
                for i in rest:
                    text_of[positions[i]] = norms[i]
                    a, b = find(positions[first]), find(positions[i])
                    if a != b:
                        parent[max(a, b)] = min(a, b)
        root_of = {text_of[p]: text_of[find(p)] for p in parent}
        for f in files:
            table = pq.read_table(f)
            ids = ["q" + hashlib.sha1(root_of.get(norm, norm).encode("utf-8")).hexdigest()[:10]
                   for norm in map(normalise_quote, (t or "" for t in table.column("text").to_pylist()))]
            column = table.schema.get_field_index("quote_id")
            table = table.set_column(column, pa.field("quote_id", pa.string()), pa.array(ids, pa.string()))
            tmp = f.with_name(f".{f.name}.{uuid.uuid4().hex[:8]}.tmp")
            pq.write_table(table, tmp, compression="zstd")
            os.replace(tmp, f)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------- the analysis

class CorpusAnalysis:
    """The tidy tables of a corpus analysis, linked by ``article_id``, as attributes and in
    :attr:`tables`: ``articles`` (one row per article, with the document's metadata),
    ``paragraphs`` (with the primary theme and all theme ids, best first), then one or more tables
    per stage of the pipeline — ``entities``, ``keyphrases``, ``themes`` (one row per paragraph and
    theme), ``quotations`` (with ``quote_id`` shared across articles), ``tokens`` (only when asked
    for, else None) — and ``errors`` (documents or articles that failed or went over a limit, with
    the reason). The tables of a batch folder (:meth:`open`) are read when first used;
    :meth:`dataset` reads one in pieces.

    >>> result = policytext.Corpus.from_files("corpora/*.txt").analyze()   # doctest: +SKIP
    >>> result.paragraphs.groupby("primary_theme").size()                 # doctest: +SKIP
    """

    def __init__(self, tables: Mapping[str, pd.DataFrame | None] | None = None, **named: pd.DataFrame | None) -> None:
        self._tables = {t: df for t, df in {**(tables or {}), **named}.items() if df is not None}
        self._folder: Path | None = None
        self._names = list(self._tables)
        missing = [t for t in ("articles", "paragraphs", "errors") if t not in self._tables]
        if missing:
            raise InputError(f"a corpus analysis needs the tables {missing}")

    @classmethod
    def of(cls, frames: Mapping[str, pd.DataFrame | None]) -> CorpusAnalysis:
        """The analysis of these tables (by name)."""
        return cls(frames)

    @classmethod
    def open(cls, directory: str | os.PathLike[str]) -> CorpusAnalysis:
        """The analysis in a batch folder (one dataset folder per table), read lazily."""
        folder = Path(directory)
        names = [p.name for p in sorted(folder.iterdir()) if p.is_dir() and p.name != MANIFEST
                 and parquet_files(p)] if folder.is_dir() else []
        missing = [t for t in ("articles", "paragraphs", "errors") if t not in names]
        if missing:
            raise InputError(f"{folder}: no {', '.join(missing)} table(s); give the --out folder of a finished batch")
        new = object.__new__(cls)
        new._tables, new._folder = {}, folder
        order = ["articles", "paragraphs", "tokens", "entities", "keyphrases", "themes", "quotations"]
        new._names = sorted(names, key=lambda t: (t == "errors", order.index(t) if t in order else len(order), t))
        return new

    def __getattr__(self, name: str) -> pd.DataFrame | None:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._names:
            if name not in self._tables:
                self._tables[name] = pd.read_parquet(self._folder / name)  # type: ignore[operator]
            return self._tables[name]
        if name == "tokens":  # a table of the pipeline that this run did not make
            return None
        raise AttributeError(f"no table {name!r}; this analysis has {self._names}")

    def __getstate__(self) -> dict[str, Any]:
        return {"tables": self.tables}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._tables, self._folder, self._names = state["tables"], None, list(state["tables"])

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name (``tokens`` only when it was computed), read into memory."""
        return {name: getattr(self, name) for name in self._names}

    def dataset(self, name: str) -> Any:
        """A table as a :class:`pyarrow.dataset.Dataset`, to read in batches or filter on disk."""
        import pyarrow.dataset as ds

        if self._folder is None:
            return ds.dataset(pa.Table.from_pandas(getattr(self, name), preserve_index=False))
        return ds.dataset(self._folder / name)

    def to_parquet(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Write each table as a dataset folder ``directory/<table>/`` (as a batch does);
        returns the folders."""
        out = Path(directory)
        paths = []
        for name in self._names:
            folder = out / name
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(self.dataset(name).to_table(), folder / "part-0.parquet", compression="zstd")
            paths.append(folder)
        return paths

    def to_csv(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Write one ``<table>.csv`` per table (UTF-8 with BOM, so that Excel shows 中文), a batch
        of rows at a time."""
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name in self._names:
            path = out / f"{name}.csv"
            tmp = path.with_name(f".{path.name}.tmp")
            first = True
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                for batch in self.dataset(name).to_batches():
                    batch.to_pandas().to_csv(fh, index=False, header=first)
                    first = False
                if first:
                    pd.DataFrame(columns=self.dataset(name).schema.names).to_csv(fh, index=False)
            os.replace(tmp, path)
            paths.append(path)
        return paths

    def report(self, out: str | os.PathLike[str], by: str | None = None, title: str | None = None) -> Path:
        """Write the corpus at a glance as one self-contained HTML page (``policytext[report]``);
        see :func:`policytext.report.write_report`."""
        from importlib import import_module

        return import_module("policytext.report").write_report(self.tables, out, by=by, title=title)

    @classmethod
    def from_parquet(cls, directory: str | os.PathLike[str]) -> CorpusAnalysis:
        """Open the tables that :meth:`to_parquet` (or ``policytext batch``) wrote."""
        return cls.open(directory)

    def frequencies(self, by: str | None = None) -> pd.DataFrame:
        """Word frequencies from the ``tokens`` table, one part at a time (bounded memory):
        ``term``, ``frequency``, ``rank``, ``docfreq`` (articles that use it), per group of an
        ``articles`` column when ``by`` is given; punctuation and spaces are left out.

        >>> res = corpus.batch("out/", tokens=True)          # doctest: +SKIP
        >>> res.frequencies(by="year").head()                  # doctest: +SKIP
        """
        if "tokens" not in self._names:
            raise InputError("frequencies need the tokens table: run the batch with tokens=True (--tokens)")
        freq: Counter[tuple[Any, str]] = Counter()
        docs: Counter[tuple[Any, str]] = Counter()
        for tokens, articles in self._parts(by):
            words = tokens[tokens.token.str.contains(WORD)]
            if by is None:
                groups = pd.Series("", index=words.index, dtype=object)
            else:
                groups = words.article_id.map(articles.set_index("article_id")[by])
            keyed = pd.DataFrame({"group": groups, "term": words.token, "article_id": words.article_id})
            for (g, term), n in keyed.groupby(["group", "term"], dropna=False, sort=False).size().items():
                freq[(g, term)] += int(n)
            for (g, term), n in keyed.drop_duplicates().groupby(["group", "term"], dropna=False,
                                                                 sort=False).size().items():
                docs[(g, term)] += int(n)
        table = pd.DataFrame([(g, t, n, docs[(g, t)]) for (g, t), n in freq.items()],
                             columns=["group", "term", "frequency", "docfreq"])
        table = table.sort_values(["group", "frequency", "term"], ascending=[True, False, True], kind="stable")
        table.insert(3, "rank", table.groupby("group", dropna=False).frequency.rank(method="min", ascending=False)
                     .astype(int))
        return (table.drop(columns="group") if by is None else table.rename(columns={"group": by})).reset_index(drop=True)

    def dfm(self) -> tuple[Any, list[str]]:
        """Document-feature matrix from the ``tokens`` table, one part at a time: (scipy.sparse
        CSR of word counts, one row per row of ``articles``; the vocabulary in order of first use);
        punctuation and spaces are left out.

        >>> m, vocab = corpus.batch("out/", tokens=True).dfm(); m[:, vocab.index("城市更新")].sum()  # doctest: +SKIP
        """
        from scipy import sparse

        if "tokens" not in self._names:
            raise InputError("a dfm needs the tokens table: run the batch with tokens=True (--tokens)")
        vocab: dict[str, int] = {}
        indptr, indices, counts = [0], [], []
        for tokens, articles in self._parts(None):
            words = tokens[tokens.token.str.contains(WORD)]
            by_article = dict(list(words.groupby("article_id", sort=False).token))
            for aid in articles.article_id:
                for word, n in Counter(by_article.get(aid, ())).items():
                    indices.append(vocab.setdefault(word, len(vocab)))
                    counts.append(n)
                indptr.append(len(indices))
        matrix = sparse.csr_matrix((np.asarray(counts, dtype=np.int64), np.asarray(indices, dtype=np.int64), indptr),
                                   shape=(len(indptr) - 1, len(vocab)))
        return matrix, list(vocab)

    def _parts(self, by: str | None) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
        """(tokens, articles) of each part; articles has ``article_id`` and ``by``."""
        columns = ["article_id"] + ([by] if by else [])
        if self._folder is None:
            yield self.tokens, self.articles[columns]  # type: ignore[index,misc]
            return
        for f in parquet_files(self._folder / "tokens"):
            yield (pd.read_parquet(f, columns=["article_id", "token"]),
                   pd.read_parquet(self._folder / "articles" / f.name, columns=columns))

    def count(self, name: str) -> int:
        """The number of rows of a table (from the files' footers for a batch folder)."""
        if self._folder is None or name in self._tables:
            return len(getattr(self, name))
        return count_rows(self._folder / name)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={self.count(name)}" for name in self._names)
        return f"CorpusAnalysis({sizes})"
