"""Corpora: many files (or texts, or the rows of a table) analysed together, on one machine or
on a Dask cluster, into tidy tables linked by ``article_id``.

:class:`Corpus` (:mod:`.collection`) holds the documents and their metadata; :meth:`Corpus.batch`
runs the pipeline into partitioned Parquet datasets, resumably and in bounded memory
(:mod:`.run` runs the tasks, :mod:`.tables` writes and reads the tables, :mod:`.inputs` finds and
reads the documents); :meth:`Corpus.analyze` does the same into memory; ``kwic``,
``frequencies``, ``dfm``, ``keyness`` and ``new_terms`` explore the text in the style of quanteda.

>>> corpus = Corpus.from_texts(["城市更新的新路子\\n\\n张三\\n\\n城市更新是重要手段。"], ids=["a"])
>>> corpus.kwic("城市更新", window=3)[["article_id", "left", "keyword", "right"]].values.tolist()
[['a#1', '', '城市更新', '是重要']]
"""

from ..pipeline import table_columns
from .collection import Corpus
from .tables import CorpusAnalysis

__all__ = ["COLUMNS", "Corpus", "CorpusAnalysis"]

# The tables of an analysis by the default stages and their columns; ``article_id`` links them
# all (a pipeline with other stages has its own: ``Pipeline.columns``).
COLUMNS: dict[str, tuple[str, ...]] = table_columns()
