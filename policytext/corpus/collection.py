"""Corpora: many files (or texts, or the rows of a table) analysed together, on one machine or on
a Dask cluster, into partitioned Parquet tables.

>>> import policytext
>>> corpus = policytext.Corpus.from_texts(["城市更新的新路子\\n\\n张三\\n\\n城市更新是重要手段。"], ids=["a"])
>>> len(corpus), [art.id for art in corpus]
(1, ['a#1'])
"""

from __future__ import annotations

import itertools
import math
import os
import re
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import fields
from pathlib import Path, PurePath
from typing import Any

import numpy as np
import pandas as pd

from ..document import Article, html
from ..errors import InputError, PolicytextError
from ..extract import stats
from ..extract.keyphrases import keyness, new_terms
from ..extract.quote_links import quote_ids
from ..pipeline import Pipeline, default_pipeline
from .inputs import Doc, FileDocs, TableSource, doc_keys, doc_size, expand_paths, fingerprint, iter_table, metadata_frame
from .run import Job, Progress, Unit, execute, read_doc, resolve_client, run_apart, ship, workers_of
from .tables import CorpusAnalysis, count_rows, finished_parts, link_quotes, table_schemas

__all__ = ["Corpus"]

PART_DOCS = 256  # documents per task at most: a part of each table, and what a crash loses
PART_BYTES = 4 << 20  # bytes of text per task at most
META_CHUNK = 4096  # metadata rows turned into dicts at a time when a batch streams its documents
LINK_APART = 20_000  # quotations above which the corpus-wide linking runs in a process of its own
_WORD = re.compile(r"\w")


class Corpus:
    """An ordered collection of documents (files or texts) with one metadata row per document.

    ``len(corpus)`` counts documents; iterating yields their :class:`Article` records in order
    (a file may hold several articles). Select documents by metadata with :meth:`select`.

    >>> corpus = policytext.Corpus.from_files("corpora/external/*.txt", metadata="meta.csv")  # doctest: +SKIP
    >>> corpus.select(outlet="光明日报", year=[2024, 2025]).analyze().keyphrases.head()  # doctest: +SKIP
    """

    def __init__(self, docs: Sequence[Doc], meta: pd.DataFrame, source: TableSource | None = None) -> None:
        self._docs = docs if isinstance(docs, FileDocs) else list(docs)
        # the metadata columns only: doc_id and path come from the documents when asked for
        self._extra = meta.drop(columns=["doc_id", "path"], errors="ignore").reset_index(drop=True)
        self._source = source

    # -- construction

    @classmethod
    def from_files(cls, paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
                   metadata: str | os.PathLike[str] | Mapping[str, Mapping[str, Any]] | pd.DataFrame | None = None,
                   ) -> Corpus:
        """A corpus of files: a folder (all ``*.txt`` under it), a glob or a list of paths.

        ``metadata`` is a CSV (first column, or a column named file/path/id/stem, names the file
        by path, file name or stem), a dict ``{"guangming-2025-01-27": {"outlet": "光明日报"}}``
        or a DataFrame; its columns join the ``meta`` table and the ``articles`` table.
        Article ids are the file stem + ``#`` + position; where two files share a stem, the path
        relative to their common folder takes its place (``2024/report#1``).
        """
        # ids: the stem, or the relative path where stems collide (2024/report, 2025/report)
        return cls._with_metadata(FileDocs(expand_paths(paths_or_glob)), metadata)

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
        return cls._with_metadata([Doc(i, None, t) for i, t in zip(ids, texts)], metadata)

    @classmethod
    def from_table(cls, data: str | os.PathLike[str] | pd.DataFrame, text: str = "text", id: str | None = None,
                   chunksize: int = 1000, reader: Callable[..., Iterator[tuple[str, str, dict[str, Any]]]] = iter_table,
                   ) -> Corpus:
        """A corpus of the rows of a table of texts: a CSV or Parquet file (or a folder of Parquet
        files) or a DataFrame, read ``chunksize`` rows at a time by ``reader`` (see
        :func:`policytext.reader.iter_table`), never all at once: the ``text`` column,
        the ``id`` column (default: the file stem and row number, ``texts-1`` …) and the other columns as metadata. Such a corpus is
        streamed: :meth:`batch` and :meth:`analyze` run on it, :meth:`select` does not (filter
        the table first).

        >>> Corpus.from_table("news.parquet", text="content", id="url_hash").batch("out/")   # doctest: +SKIP
        """
        return cls([], pd.DataFrame({"doc_id": [], "path": []}), TableSource(data, text, id, chunksize, reader))

    @classmethod
    def from_dataframe(cls, df: pd.DataFrame, text: str = "text", id: str | None = None, chunksize: int = 1000) -> Corpus:
        """:meth:`from_table` of a DataFrame: ``Corpus.from_dataframe(df, text="text", id="id")``."""
        return cls.from_table(df, text=text, id=id, chunksize=chunksize)

    @classmethod
    def from_csv(cls, path: str | os.PathLike[str], text: str = "text", id: str | None = None,
                 chunksize: int = 1000) -> Corpus:
        """:meth:`from_table` of a CSV file, read in chunks."""
        return cls.from_table(path, text=text, id=id, chunksize=chunksize)

    @classmethod
    def from_parquet(cls, path: str | os.PathLike[str], text: str = "text", id: str | None = None,
                     chunksize: int = 1000) -> Corpus:
        """:meth:`from_table` of a Parquet file (or folder of files), read in batches."""
        return cls.from_table(path, text=text, id=id, chunksize=chunksize)

    @classmethod
    def _with_metadata(cls, docs: Sequence[Doc], metadata: Any) -> Corpus:
        if metadata is None:
            return cls(docs, pd.DataFrame(index=range(len(docs))))
        extra = metadata_frame(metadata)
        matched = [next((k for k in doc_keys(d) if k in extra.index), None) for d in docs]
        unused = sorted(set(extra.index) - set(matched))
        if unused:
            warnings.warn(f"{len(unused)} metadata row(s) match no document, e.g. {unused[:3]}", stacklevel=3)
        return cls(docs, extra.reindex([m if m is not None else "\0missing" for m in matched]))

    # -- collection

    def __len__(self) -> int:
        return len(self._docs) if self._source is None else sum(1 for _ in self._source.docs())

    def __iter__(self) -> Iterator[Article]:
        for _, art in self._articles():
            yield art

    def __repr__(self) -> str:
        if self._source is not None:
            return f"Corpus({self._source!r})"
        extra = list(self._extra.columns)
        return f"Corpus({len(self)} documents" + (f"; metadata: {', '.join(extra)})" if extra else ")")

    def _repr_html_(self) -> str:
        return html("corpus", self)

    @property
    def meta(self) -> pd.DataFrame:
        """One row per document: ``doc_id``, ``path`` (None for texts) and the metadata columns."""
        return self._meta.copy()

    @property
    def _meta(self) -> pd.DataFrame:
        if self._source is None:
            ids = pd.DataFrame({"doc_id": [d.doc_id for d in self._docs], "path": [d.path for d in self._docs]}, dtype=object)
            return pd.concat([ids, self._extra], axis=1)
        rows = [{"doc_id": doc.doc_id, "path": None, **meta} for doc, meta in self._source.docs()]
        return pd.DataFrame.from_records(rows) if rows else pd.DataFrame({"doc_id": [], "path": []})

    def _stream(self) -> Iterator[tuple[Doc, dict[str, Any]]]:
        """Each document with its metadata row (the columns joined to ``articles``), in order."""
        if self._source is not None:
            yield from self._source.docs()
            return
        for start in range(0, len(self._docs), META_CHUNK):  # rows as dicts a chunk at a time, not all at once
            yield from zip(self._docs[start:start + META_CHUNK], self._extra.iloc[start:start + META_CHUNK].to_dict("records"))

    def select(self, mask: Any = None, **where: Any) -> Corpus:
        """The documents whose metadata match: ``corpus.select(year=2024)``, a list for any of
        several values ``corpus.select(outlet=["光明日报", "人民日报"])``, or a boolean mask over
        :attr:`meta`: ``corpus.select(corpus.meta.year >= 2020)``."""
        if self._source is not None:
            raise PolicytextError(f"a corpus streamed from {self._source!r} cannot be selected from; filter the table first")
        keep = self._mask(mask if mask is not None else where)
        docs = self._docs.subset(keep) if isinstance(self._docs, FileDocs) else [d for d, k in zip(self._docs, keep) if k]
        return Corpus(docs, self._extra[keep])

    def _mask(self, selector: Any) -> np.ndarray:
        if isinstance(selector, Mapping):
            meta = self._meta  # built from the documents: once, not per column
            keep = np.ones(len(self), dtype=bool)
            for column, value in selector.items():
                if column not in meta.columns:
                    raise PolicytextError(f"no metadata column {column!r}; the corpus has {list(meta.columns)}")
                values = list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]
                keep &= meta[column].isin(values).to_numpy()
            return keep
        keep = np.asarray(selector)
        if keep.dtype != bool or keep.shape != (len(self),):
            raise PolicytextError(f"a selection mask must be {len(self)} booleans, one per document (e.g. corpus.meta.year == 2024)")
        return keep

    def _articles(self, pipeline: Pipeline | None = None) -> Iterator[tuple[int, Article]]:
        nlp = pipeline or default_pipeline()
        for i, (doc, _) in enumerate(self._stream()):
            try:
                arts = read_doc(doc, nlp)
            except InputError as exc:
                raise InputError(f"{exc}; leave the document out with corpus.select(corpus.meta.doc_id != {doc.doc_id!r})") from exc
            for art in arts:
                yield i, art

    # -- analysis

    def analyze(self, n_jobs: int | None = None, client: Any = None, engine: str = "local",
                tokens: bool | str = False, k: int | None = None, progress: bool = False,
                pipeline: Pipeline | None = None, max_chars: int | None = None,
                timeout: float | None = None, errors: str = "strict") -> CorpusAnalysis:
        """Run the whole pipeline on every document and return the tables in memory
        (:class:`CorpusAnalysis`): :meth:`batch` into a temporary folder, then read.

        ``n_jobs`` processes on this machine (default: all cores; 1 runs in this process), or a
        Dask cluster with ``client=`` (or ``engine="dask"`` and the current client). Each worker
        loads the models once. The result is the same whatever the parallelism: each article is
        analysed alone and the rows come in corpus order. ``tokens=True`` adds the ``tokens``
        table (the pipeline's tokens; ``tokens="pkuseg"`` for another engine's); ``k`` key phrases per
        article (default: the pipeline's). ``pipeline`` (default :func:`policytext.default_pipeline`)
        is shipped to every worker, with its terms and theme model. A document over ``max_chars``
        characters or ``timeout`` seconds is left out, with the reason in the ``errors`` table.
        ``errors="replace"`` reads a file with a few undecodable bytes (U+FFFD in their place) and
        lists it in the ``errors`` table as a ``ReplacedBytesWarning`` with their count; with the
        default ``"strict"`` such a file is an error row and is not analysed.
        A Dask cluster's workers must see the temporary folder: use :meth:`batch` with a shared path.

        >>> res = corpus.analyze(n_jobs=2)                                         # doctest: +SKIP
        >>> res.keyphrases[res.keyphrases.article_id == "guangming-2025-01-27#1"]  # doctest: +SKIP
        """
        with tempfile.TemporaryDirectory(prefix="policytext-") as out:
            result = self.batch(out, n_jobs=n_jobs, client=client, engine=engine, tokens=tokens, k=k,
                                progress=progress, pipeline=pipeline, max_chars=max_chars, timeout=timeout,
                                errors=errors)
            return CorpusAnalysis.of(result.tables)

    def batch(self, out: str | os.PathLike[str], n_jobs: int | None = None, client: Any = None,
              engine: str = "local", tokens: bool | str = False, k: int | None = None, progress: bool = True,
              format: str = "parquet", pipeline: Pipeline | None = None, max_chars: int | None = None,
              timeout: float | None = None, part_docs: int = PART_DOCS, errors: str = "strict") -> CorpusAnalysis:
        """:meth:`analyze` into the folder ``out``, resumably and in bounded memory: each task of
        up to ``part_docs`` documents writes one Parquet file per table, ``out/<table>/part-*.parquet``
        (on a Dask cluster the workers write them: ``out`` must be a path they all see), and is
        listed in ``out/_manifest/`` when whole. A rerun (after a crash, ``kill -9`` or Ctrl-C)
        keeps the finished parts of unchanged documents and removes any other file. Then
        ``quote_id`` is linked across the corpus, and the tables are opened lazily;
        ``format="csv"`` also writes ``out/<table>.csv``.

        >>> policytext.Corpus.from_files("commentaries/").batch("results/", n_jobs=2)   # doctest: +SKIP
        >>> pd.read_parquet("results/quotations")                                        # doctest: +SKIP
        """
        from ..version import __version__

        if format not in ("parquet", "csv"):
            raise PolicytextError(f"unknown format {format!r}; use 'parquet' or 'csv'")
        if errors not in ("strict", "replace"):
            raise PolicytextError(f"errors={errors!r}: use 'strict' (a file with bad bytes is an error) or 'replace'")
        for name, value in (("max_chars", max_chars), ("timeout", timeout)):
            if value is not None and not value > 0:
                raise PolicytextError(f"{name} must be positive (or None for no limit), not {value!r}")
        client = resolve_client(client, engine)
        nlp = _configured(pipeline, k)
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        options = (f"policytext {__version__}; tokens={tokens}; {nlp!r}; k={nlp.settings.k}; "
                   f"max_chars={max_chars}; timeout={timeout}" + ("; errors=replace" if errors == "replace" else ""))
        done = finished_parts(folder, (fingerprint(doc, options) for doc, _ in self._stream()), options)
        columns = nlp.columns(tokens=bool(tokens))
        shipped, sample = ship(nlp, client)
        meta = (self._extra if self._source is None else
                pd.DataFrame.from_records([m for _, m in itertools.islice(self._source.docs(), self._source.chunksize)]))
        schemas = table_schemas(columns, sample, meta)
        job = Job(str(folder.resolve()), tokens, max_chars, timeout, schemas, options, errors)
        workers = workers_of(n_jobs, client)
        total = len(self._docs) if self._source is None else None
        skipped = sum(len(r) for r in done)
        size = part_docs if workers == 1 else max(1, min(part_docs, math.ceil(
            ((total or part_docs * workers) - skipped) / (4 * workers))))  # a few tasks per worker, to balance
        bar = Progress(total, sum(doc_size(d) for d in self._docs), progress)
        bar.skip(skipped, sum(doc_size(self._docs[i]) for r in done for i in r) if self._source is None else 0)
        for summary in execute(self._units(done, options, size), job, nlp, workers, client, shipped):
            bar.update(summary)
        bar.close()
        if "quotations" in schemas and count_rows(folder / "quotations") > LINK_APART:
            run_apart(link_quotes, folder / "quotations")  # a large table: in a process without the models
        elif "quotations" in schemas:
            link_quotes(folder / "quotations")
        for tmp in folder.glob("*/.*.tmp"):  # of a Dask worker that died while writing
            tmp.unlink()
        result = CorpusAnalysis.open(folder)
        if format == "csv":
            result.to_csv(folder)
        return result

    def _units(self, done: list[range], options: str, size: int) -> Iterator[Unit]:
        """The tasks of a run: runs of consecutive documents not ``done``, at most ``size``
        documents or ``PART_BYTES`` bytes each."""
        skip = iter(done)
        gap = next(skip, None)
        unit: list[tuple[Doc, dict[str, Any]]] = []
        first = nbytes = 0
        for i, (doc, meta) in enumerate(self._stream()):
            while gap is not None and i >= gap.stop:
                gap = next(skip, None)
            if gap is not None and i in gap:
                if unit:
                    yield _unit(first, unit, options)
                    unit, nbytes = [], 0
                continue
            if not unit:
                first = i
            unit.append((doc, meta))
            nbytes += doc_size(doc)
            if len(unit) >= size or nbytes >= PART_BYTES:
                yield _unit(first, unit, options)
                unit, nbytes = [], 0
        if unit:
            yield _unit(first, unit, options)

    def quotations(self, pipeline: Pipeline | None = None) -> pd.DataFrame:
        """All quotations of the corpus as one table (the ``quotations`` table of :meth:`analyze`),
        with ``quote_id`` shared by the same saying cited in several articles."""
        nlp = pipeline or default_pipeline()
        stage = nlp.stage("quotations")
        rows = []
        for _, art in self._articles(nlp):
            nlp.fill(art, ("quotations",))
            rows += stage.rows(art)["quotations"]
        frame = pd.DataFrame.from_records(rows, columns=list(stage.tables["quotations"]))
        if len(frame):
            frame["quote_id"] = quote_ids(frame["text"].tolist())
        return frame

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

    def _token_lists(self) -> tuple[list[list[str]], list[tuple[int, Article]]]:
        arts = list(self._articles())
        return [[w for p in art.paragraphs for w in p.tokens()] for _, art in arts], arts

    def dfm(self, stopwords: Any = None) -> tuple[Any, list[str]]:
        """Document-feature matrix: (scipy.sparse CSR of word counts, one row per article in
        iteration order; the vocabulary, one word per column, in order of first use). Words come
        from the pipeline's tokens; punctuation and spaces are left out, and ``stopwords`` (True:
        the shipped list, or your own words; see :func:`policytext.extract.stats.dfm`).

        >>> m, vocab = corpus.dfm(stopwords=True); m[:, vocab.index("城市更新")].sum()  # doctest: +SKIP
        """
        return stats.dfm(self._token_lists()[0], stopwords=stopwords)

    def frequencies(self, by: str | None = None, stopwords: Any = None) -> pd.DataFrame:
        """Word frequencies like quanteda's ``textstat_frequency``: ``term``, ``frequency``,
        ``rank``, ``docfreq`` (articles that use it), per group of a metadata column or article
        field when ``by`` is given (``corpus.frequencies(by="year", stopwords=True)``)."""
        tokens, arts = self._token_lists()
        return stats.frequencies(tokens, stopwords=stopwords, groups=self._group_values(by, arts) if by else None,
                                 by=by or "group")

    def collocations(self, method: str = "lambda", size: int = 2, min_count: int = 2,
                     stopwords: Any = None) -> pd.DataFrame:
        """Word sequences that occur together more than chance, like quanteda's
        ``textstat_collocations`` (see :func:`policytext.extract.stats.collocations`).

        >>> corpus.collocations(size=2, min_count=5, stopwords=True).head()  # doctest: +SKIP
        """
        return stats.collocations(self._token_lists()[0], method=method, size=size, min_count=min_count,
                                  stopwords=stopwords)

    def kwic_stats(self, keyword: str, window: int = 5, stopwords: Any = None) -> pd.DataFrame:
        """The words near ``keyword`` and how strongly it attracts them (signed log-likelihood; see
        :func:`policytext.extract.stats.context_frequencies`).

        >>> corpus.kwic_stats("新质生产力", window=3, stopwords=True).head()  # doctest: +SKIP
        """
        return stats.context_frequencies(self._token_lists()[0], keyword, window=window, stopwords=stopwords)

    def _group_values(self, by: str, arts: list[tuple[int, Article]]) -> list[Any]:
        meta = self._meta
        if by in meta.columns:
            column = meta[by].tolist()
            return [column[i] for i, _ in arts]
        if by in {f.name for f in fields(Article)}:
            return [getattr(art, by) for _, art in arts]
        raise PolicytextError(f"cannot group by {by!r}: not a metadata column ({list(meta.columns)}) nor an article field")

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




def _unit(first: int, docs: list[tuple[Doc, dict[str, Any]]], options: str) -> Unit:
    return Unit(first, [d for d, _ in docs], [m for _, m in docs], [fingerprint(d, options) for d, _ in docs])
