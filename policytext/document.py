"""The records that flow between the stages: :class:`Article`, :class:`Paragraph` and friends.

They are plain dataclasses, like spaCy's ``Doc`` they carry what later stages add
(tokens, themes, key phrases, quotations), and :meth:`Article.to_dict` gives the public
JSON record described in ``analysis-json.md``.

>>> import policytext
>>> art = policytext.read_text("标题\\n\\n王某\\n\\n城市更新是重要手段。")[0]
>>> art.title, art.author, art.paragraphs[0].text
('标题', '王某', '城市更新是重要手段。')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, NamedTuple


def _clip(text: str, n: int = 12) -> str:
    """The first ``n`` characters of ``text``, with ``…`` when cut (for short reprs)."""
    return text if len(text) <= n else text[:n] + "…"


class ThemeScore(NamedTuple):
    """One theme of a paragraph: the taxonomy id and a score in [0, 1]."""

    id: str
    score: float


class Dropped(NamedTuple):
    """A line the reader left out of the paragraphs, and why: ``Dropped('资料图片', 'caption')``."""

    text: str
    reason: str


@dataclass(frozen=True)
class Keyphrase:
    """A ranked key phrase of an article: ``Keyphrase('城市更新', 1.0, 41)``."""

    phrase: str
    score: float
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {"phrase": self.phrase, "score": round(self.score, 4), "count": self.count}


@dataclass
class Quotation:
    """A quotation (or quoted term) in a paragraph; ``text == paragraph.text[start:end]``."""

    text: str
    kind: str  # direct | indirect | term
    paragraph: int
    start: int
    end: int
    speaker: str | None = None
    speaker_mention: str | None = None
    source: str | None = None
    source_type: str | None = None
    date: str | None = None
    quote_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention,
            "source": self.source,
            "source_type": self.source_type,
            "date": self.date,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
        }


class Quotations(list):  # type: ignore[type-arg]
    """A list of :class:`Quotation` that shows itself as a table in Jupyter."""

    def _repr_html_(self) -> str:
        from .display import quotations_html

        return quotations_html(self)


@dataclass
class Paragraph:
    """A body paragraph: its 0-based ``index`` in the article, the ``section`` heading it sits
    under (or None) and its repaired ``text``."""

    index: int
    text: str
    section: str | None = None
    _themes: list[ThemeScore] | None = field(default=None, init=False, repr=False, compare=False)
    _article: Article | None = field(default=None, init=False, repr=False, compare=False)

    def __repr__(self) -> str:
        return f"<Paragraph {self.index} {_clip(self.text)!r}, {len(self.text)} chars>"

    def tokens(self, engine: str = "jieba", lexicon: bool = True) -> list[str]:
        """The words of the paragraph: ``['城市', '更新', ...]`` (see :func:`policytext.segment`)."""
        from .segment import segment

        return segment(self.text, engine=engine, lexicon=lexicon)

    @property
    def themes(self) -> list[ThemeScore]:
        """Ranked ``ThemeScore(id, score)`` list from the default classifier, best first."""
        if self._themes is None:
            if self._article is not None:
                self._article.classify()
            else:
                from .themes import rank_themes

                self._themes = rank_themes([self.text])[0]
        return self._themes  # type: ignore[return-value]

    @themes.setter
    def themes(self, value: list[ThemeScore]) -> None:
        self._themes = list(value)

    @property
    def primary_theme(self) -> str | None:
        """The id of the best theme, or None when no theme applies."""
        return self.themes[0].id if self.themes else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "section": self.section,
            "text": self.text,
            "themes": [{"id": t.id, "score": round(float(t.score), 4)} for t in self.themes],
        }


@dataclass
class Article:
    """One article of a file: metadata, section headings and body paragraphs.

    ``date`` is an ISO 8601 string, possibly partial (``"2025-01"``, ``"--01-27"`` when the
    year is unknown) or None.
    """

    title: str | None = None
    author: str | None = None
    affiliation: str | None = None
    publication: str | None = None
    date: str | None = None
    sections: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    source: str | None = None
    position: int = 1
    subtitle: str | None = None
    genre: str | None = None
    occasion: str | None = None
    dateline: str | None = None
    dropped: list[Dropped] = field(default_factory=list)

    def __post_init__(self) -> None:
        for p in self.paragraphs:
            p._article = self

    def __repr__(self) -> str:
        who = " ".join(x for x in (self.author, self.date) if x)
        return (f"<Article {self.id} {_clip(self.title or '')!r} {who + ', ' if who else ''}"
                f"{len(self.paragraphs)} paragraphs>")

    def _repr_html_(self) -> str:
        from .display import article_html

        return article_html(self)

    @property
    def id(self) -> str:
        """Stable id: the file stem + ``#`` + 1-based position (``guangming-2025-01-27#1``)."""
        stem = PurePath(self.source).stem if self.source else "text"
        return f"{stem}#{self.position}"

    @property
    def text(self) -> str:
        """The body text: paragraphs joined by newlines."""
        return "\n".join(p.text for p in self.paragraphs)

    def tokens(self, engine: str = "jieba", lexicon: bool = True) -> list[list[str]]:
        """The words of each paragraph, one list per paragraph."""
        return [p.tokens(engine=engine, lexicon=lexicon) for p in self.paragraphs]

    def classify(self, classifier: Any = None) -> None:
        """Give every paragraph its ranked themes (default taxonomy unless ``classifier``)."""
        from .themes import rank_themes

        ranked = rank_themes([p.text for p in self.paragraphs], classifier=classifier,
                             sections=[p.section for p in self.paragraphs])
        for p, themes in zip(self.paragraphs, ranked):
            p.themes = themes

    def keyphrases(self, k: int = 20) -> list[Keyphrase]:
        """The ``k`` best key phrases: ``[Keyphrase('城市更新', 1.0, 41), ...]``."""
        from .keyphrases import keyphrases

        return keyphrases(self, k=k)

    def quotations(self) -> Quotations:
        """Quotations, indirect speech and quoted terms, in text order."""
        from .quotes import quotations

        return Quotations(quotations(self))

    def to_dict(self) -> dict[str, Any]:
        """The article's record of the public JSON contract (``analysis-json.md``)."""
        return {
            "id": self.id,
            "title": self.title,
            "subtitle": self.subtitle,
            "author": self.author,
            "affiliation": self.affiliation,
            "publication": self.publication,
            "date": self.date,
            "genre": self.genre,
            "occasion": self.occasion,
            "dateline": self.dateline,
            "sections": list(self.sections),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "keyphrases": [k.to_dict() for k in self.keyphrases()],
            "quotations": [q.to_dict() for q in self.quotations()],
            "dropped": [{"text": d.text, "reason": d.reason} for d in self.dropped],
        }
