"""The documents of a corpus: files found by folder or glob, texts in memory, and tables of texts
(CSV, Parquet, a DataFrame) read in chunks, never all at once; their metadata; and the
fingerprint that tells a resumed batch whether a document changed.

>>> from policytext.corpus.inputs import iter_table
>>> df = pd.DataFrame({"id": ["a", "b"], "text": ["城市更新是重要手段。", "韧性城市"], "year": [2024, 2025]})
>>> [(doc_id, meta) for doc_id, _, meta in iter_table(df, text="text", id="id", chunksize=1)]
[('a', {'year': 2024}), ('b', {'year': 2025})]
"""

from __future__ import annotations

import glob
import hashlib
import itertools
import os
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import PurePath
from typing import Any, NamedTuple

import pandas as pd

from ..errors import InputError
from ..reader import SUFFIXES, doc_ids, file_stem, iter_table

__all__ = ["Doc", "FileDocs", "TableSource", "doc_keys", "doc_size", "expand_paths", "fingerprint", "iter_table",
           "metadata_frame"]

KEY_COLUMNS = ("file", "path", "doc_id", "id", "stem", "name")


class Doc(NamedTuple):
    """One document: a file (``text`` None: the worker reads it) or a text."""

    doc_id: str
    path: str | None
    text: str | None


class FileDocs(Sequence[Doc]):
    """The documents of many files, kept in one string of their paths (after the prefix they
    share) and an array of offsets: a list of a million :class:`Doc` tuples and their strings
    would keep a batch's main process, and every worker it forks, some 250 MB larger. A document
    id is kept only where it is not the file's stem (stems that collide: ``2024/report``).

    >>> docs = FileDocs(["in/2024/report.txt", "in/2025/report.txt", "in/news.txt"])
    >>> len(docs), docs[1], [d.doc_id for d in docs[::2]]
    (3, Doc(doc_id='2025/report', path='in/2025/report.txt', text=None), ['2024/report', 'news'])
    """

    def __init__(self, paths: Sequence[str], ids: Sequence[str] | None = None) -> None:
        if ids is None:
            by_path = doc_ids(list(paths))
            ids = [by_path[p] for p in paths]
        self._prefix = os.path.commonprefix(list(paths)) if paths else ""
        cut = len(self._prefix)
        self._paths = "".join(p[cut:] for p in paths)
        self._ends = array("q", itertools.accumulate(len(p) - cut for p in paths))
        self._ids = {i: d for i, (p, d) in enumerate(zip(paths, ids)) if d != file_stem(p)}

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        path = self._prefix + self._paths[self._ends[i - 1] if i else 0:self._ends[i]]
        return Doc(self._ids.get(i) or file_stem(path), path, None)

    def subset(self, keep: Iterable[bool]) -> FileDocs:
        """The documents where ``keep`` is true, with their ids."""
        docs = [d for d, k in zip(self, keep) if k]
        return FileDocs([d.path for d in docs], [d.doc_id for d in docs])  # type: ignore[misc]


def expand_paths(paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    """Paths of a folder (the ``.txt``, ``.docx`` and ``.html`` files under it:
    :data:`policytext.reader.SUFFIXES`), a glob or a list of any of these, in order.

    >>> expand_paths("corpora/guangming-2025-01-27.txt")
    ['corpora/guangming-2025-01-27.txt']
    """
    items = [paths_or_glob] if isinstance(paths_or_glob, (str, os.PathLike)) else list(paths_or_glob)
    found: list[str] = []
    for item in map(os.fspath, items):
        if os.path.isdir(item):
            found += sorted(_files_under(item))
        elif glob.has_magic(item):
            found += sorted(p for p in glob.glob(item, recursive=True) if os.path.isfile(p))
        else:
            found.append(item)  # a missing file is reported in the errors table of the analysis
    if not found:
        raise InputError(f"{items}: no files match; give a folder of .txt, .docx or .html files, a glob such as "
                         "'dir/*.txt' or paths")
    return found


def _files_under(folder: str) -> Iterator[str]:
    """The readable files under ``folder`` (:data:`policytext.reader.SUFFIXES`), as strings made
    with string operations only (a million paths as ``Path`` objects would leave the batch's
    main process, and the workers it forks, tens of MB larger for good)."""
    for root, _, names in os.walk(str(PurePath(folder))):
        for name in names:
            full = os.path.join(root, name)
            if os.path.splitext(name)[1].lower() in SUFFIXES and os.path.isfile(full):
                yield full


def metadata_frame(metadata: str | os.PathLike[str] | Mapping[str, Mapping[str, Any]] | pd.DataFrame) -> pd.DataFrame:
    """Metadata as a DataFrame indexed by the document key (path, file name, stem or id).

    >>> metadata_frame({"人民日报-1": {"year": 2024}}).loc["人民日报-1", "year"]
    np.int64(2024)
    """
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
    key = next((c for c in KEY_COLUMNS if c in df.columns), None)
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


def doc_keys(doc: Doc) -> list[str]:
    """The names a metadata row may give a document by: its id, or its path, file name or stem.

    >>> doc_keys(Doc("评论", "in/评论.txt", None))[-2:]
    ['评论.txt', '评论']
    """
    if doc.path is None:
        return [doc.doc_id]
    p = PurePath(doc.path)
    return [doc.path, os.path.normpath(doc.path), os.path.abspath(doc.path), p.name, p.stem]


def doc_size(doc: Doc) -> int:
    """Bytes of the document (0 for a file that cannot be read).

    >>> doc_size(Doc("a", None, "城市"))
    6
    """
    if doc.text is not None:
        return len(doc.text.encode("utf-8"))
    try:
        return os.path.getsize(doc.path)  # type: ignore[arg-type]
    except OSError:
        return 0


def fingerprint(doc: Doc, options: str) -> tuple[str, str]:
    """(key, fingerprint) of a document: a changed file, text or option is analysed again.

    >>> fingerprint(Doc("a", None, "城市"), "k=20")[0]
    'text:a'
    """
    if doc.text is not None:
        return "text:" + doc.doc_id, hashlib.sha1(doc.text.encode("utf-8")).hexdigest() + "; " + options
    try:
        st = os.stat(doc.path)  # type: ignore[arg-type]
        stamp = f"{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        stamp = "unreadable"
    return os.path.abspath(doc.path), f"{stamp}; {options}"  # type: ignore[arg-type]


class TableSource:
    """A table of texts read in chunks by ``reader`` (default :func:`policytext.reader.iter_table`,
    or any function with its arguments and result): the documents of a corpus too large to hold
    in memory. Without an id column a row's id is the file stem and the row number (``texts-1``),
    or the DataFrame's index label.

    >>> src = TableSource(pd.DataFrame({"text": ["城市更新是重要手段。"]}))
    >>> [(d.doc_id, meta) for d, meta in src.docs()]
    [('0', {})]
    """

    def __init__(self, data: str | os.PathLike[str] | pd.DataFrame, text: str = "text", id: str | None = None,
                 chunksize: int = 1000, reader: Callable[..., Iterator[tuple[str, str, dict[str, Any]]]] = iter_table,
                 ) -> None:
        self.data, self.text, self.id, self.chunksize, self.reader = data, text, id, chunksize, reader

    def docs(self) -> Iterator[tuple[Doc, dict[str, Any]]]:
        """Each document with its metadata, in table order."""
        for doc_id, body, meta in self.reader(self.data, text=self.text, id=self.id, chunksize=self.chunksize):
            if not isinstance(body, str):
                raise InputError(f"row {doc_id!r}: the text column holds {type(body).__name__}, not text")
            yield Doc(str(doc_id), None, body), meta

    def __repr__(self) -> str:
        name = "a DataFrame" if isinstance(self.data, pd.DataFrame) else os.fspath(self.data)
        return f"TableSource({name}, text={self.text!r}, id={self.id!r})"
