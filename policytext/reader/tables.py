"""Tables of texts, one document a row: a pandas DataFrame, a CSV, an Excel or a Parquet file,
read in chunks. The other columns are the document's metadata.

>>> import pandas as pd
>>> df = pd.DataFrame({"id": ["a", "b"], "text": ["城市更新。", "乡村振兴。"], "date": ["2025-01-27", None]})
>>> list(iter_table(df))
[('a', '城市更新。', {'date': '2025-01-27'}), ('b', '乡村振兴。', {'date': None})]
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import DependencyError, InputError

__all__ = ["iter_table"]


def _value(v: Any) -> Any:
    try:
        import pandas as pd

        if v is None or (not isinstance(v, (list, tuple, dict)) and pd.isna(v)):
            return None
    except (TypeError, ValueError):
        pass
    return v.item() if hasattr(v, "item") else v


def _chunks(data: Any, chunksize: int) -> tuple[str, str, Iterator[Any]]:
    """(name, stem, DataFrame chunks) of a DataFrame or a table file."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return "<DataFrame>", "", (data.iloc[i:i + chunksize] for i in range(0, max(len(data), 1), chunksize))
    path = Path(data)
    name = str(data)
    suffix = path.suffix.lower()
    if path.is_dir() or (suffix in (".parquet", ".pq") and path.is_file()):
        import pyarrow as pa
        import pyarrow.dataset as ds

        try:  # a Parquet file, or a folder of them (a partitioned dataset)
            dataset = ds.dataset(path, format="parquet")
        except (pa.ArrowInvalid, OSError) as exc:
            raise InputError(f"{name}: cannot be read as Parquet ({exc})") from exc
        return name, path.stem, (b.to_pandas() for b in dataset.to_batches(batch_size=chunksize))
    if not path.is_file():
        raise InputError(f"{name}: no such file; check the path")
    if suffix in (".csv", ".tsv", ".txt"):
        try:
            reader = pd.read_csv(path, chunksize=chunksize, sep="\t" if suffix == ".tsv" else ",",
                                 dtype=object, keep_default_na=True, encoding_errors="strict")
        except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
            raise InputError(f"{name}: cannot be read as a CSV table ({exc}); save it as UTF-8 CSV") from exc
        return name, path.stem, iter(reader)
    if suffix in (".xlsx", ".xlsm", ".xls"):
        try:
            frame = pd.read_excel(path, dtype=object)
        except ImportError as exc:
            raise DependencyError(f"{name}: reading Excel files needs openpyxl; "
                                  "install it with pip install 'policytext[excel]'") from exc
        except (ValueError, OSError) as exc:
            raise InputError(f"{name}: cannot be read as an Excel table ({exc})") from exc
        return name, path.stem, (frame.iloc[i:i + chunksize] for i in range(0, max(len(frame), 1), chunksize))
    raise InputError(f"{name}: unknown table type {suffix!r}; give a .csv, .tsv, .xlsx or .parquet file "
                     "(or a pandas DataFrame)")


def iter_table(data: Any, text: str = "text", id: str | None = "id", chunksize: int = 10_000
               ) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(doc_id, text, metadata)`` for each row of ``data`` (a DataFrame or the path of a
    .csv/.tsv, .xlsx or .parquet file, or of a folder of Parquet files), ``chunksize`` rows at a time.

    The ``text`` column is required (:class:`InputError` naming the file and its columns
    otherwise); without an ``id`` column the id is the file stem and the row number
    (``texts-1``), or the DataFrame's index label (``id=None``: no id column); an id column other
    than ``"id"`` must be there. Missing values become None.
    """
    name, stem, chunks = _chunks(data, chunksize)
    row = 0
    for chunk in chunks:
        if text not in chunk.columns:
            cols = ", ".join(map(str, chunk.columns))
            raise InputError(f"{name}: has no {text!r} column (columns: {cols}); name the text column "
                             "with text=")
        if id not in (None, "id") and id not in chunk.columns:
            raise InputError(f"{name}: has no {id!r} column (columns: {', '.join(map(str, chunk.columns))}); "
                             "name the id column with id=, or leave it out for ids by row")
        meta_cols = [c for c in chunk.columns if c not in (text, id)]
        for label, rec in zip(chunk.index, chunk.to_dict("records")):
            row += 1
            if id in chunk.columns and _value(rec[id]) is not None:
                doc_id = str(_value(rec[id]))
            else:
                doc_id = f"{stem}-{row}" if stem else str(label)
            body = _value(rec[text])
            yield doc_id, "" if body is None else str(body), {str(c): _value(rec[c]) for c in meta_cols}
