"""What a stage of the pipeline is: one class per stage, which says what it adds to the record,
the rows of its table(s), its lines in the command line report and what it marks in the HTML view.
The pipeline (:mod:`policytext.pipeline`) runs the stages in order; the record, the corpus tables,
the CLI and the display all follow from these declarations. A new stage is one module with a
:class:`Stage` subclass plus one entry in :data:`policytext.pipeline.STAGES`.

>>> Mark(0, 2, 6, "keyphrase", "score 1.00")
Mark(paragraph=0, start=2, end=6, style='keyphrase', title='score 1.00')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

from .document import Article, Paragraph

__all__ = ["Stage", "Settings", "Mark", "Rows"]

Rows = dict[str, list[dict[str, Any]]]


class Mark(NamedTuple):
    """A span of a paragraph that the HTML view marks in a ``style`` of its own (``keyphrase``,
    ``quotation``, ``indirect``, ``term``, ``entity``), with a tooltip ``title``."""

    paragraph: int
    start: int
    end: int
    style: str
    title: str


@dataclass
class Settings:
    """What the stages share: the segmenter, the number of key phrases kept, the theme model and
    its taxonomy (None: the shipped ones)."""

    segmenter: Any  # a policytext.segmentation.Segmenter
    k: int = 20
    theme_model: Any = None
    taxonomy: Any = None


class Stage:
    """One stage of the pipeline. ``name`` is its key in ``article.results`` (and in the JSON
    record); ``requires`` the stages whose results it reads; ``tables`` its corpus tables and their
    columns (``article_id`` first); ``paragraph_columns`` what it adds to the ``paragraphs`` table."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    tables: ClassVar[dict[str, tuple[str, ...]]] = {}
    paragraph_columns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def done(self, article: Article) -> bool:
        """Whether the article holds this stage's result already."""
        return self.name in article.results

    def run(self, article: Article) -> None:
        """Compute the stage's result and store it on the article."""
        raise NotImplementedError

    def rows(self, article: Article) -> Rows:
        """The article's rows of the stage's tables (``article_id`` first)."""
        return {}

    def paragraph_values(self, paragraph: Paragraph) -> dict[str, Any]:
        """The stage's columns of one row of the ``paragraphs`` table."""
        return {}

    def report(self, article: Article) -> list[str]:
        """Lines of the command line report (``policytext analyze``)."""
        return []

    def marks(self, article: Article) -> list[Mark]:
        """Spans the HTML view marks."""
        return []
