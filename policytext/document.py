"""The records that flow between the stages: :class:`Article`, :class:`Paragraph` and friends.

They are plain dataclasses. Like spaCy's ``Doc`` an article carries what the stages add (tokens
on its paragraphs, entities, key phrases, themes, quotations), and :meth:`Article.to_dict`
serialises what is stored as the public JSON record described in ``analysis-json.md``. Computing
the results is the pipeline's job (:mod:`policytext.pipeline`): this module imports no stage. An
article read by ``policytext.read`` remembers its pipeline and asks it for a result the first time
one is wanted; after that the result is stored.

>>> art = Article(title="标题", paragraphs=[Paragraph(0, "城市更新是重要手段。")])
>>> art.title, art.paragraphs[0].text, art.results
('标题', '城市更新是重要手段。', {})
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, NamedTuple, Protocol

__all__ = ["Article", "Paragraph", "Token", "Entity", "Keyphrase", "Quotation", "Quotations", "Entities", "Keyphrases",
           "ThemeScore", "Dropped", "Analyzer", "set_default_analyzer", "set_html", "html"]


def _clip(text: str, n: int = 12) -> str:
    """The first ``n`` characters of ``text``, with ``…`` when cut (for short reprs)."""
    return text if len(text) <= n else text[:n] + "…"


class Token(NamedTuple):
    """A word of a paragraph: its text, part of speech (PKU tag set) and offsets,
    ``paragraph.text[start:end] == text``."""

    text: str
    pos: str
    start: int
    end: int


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


@dataclass(frozen=True)
class Entity:
    """A named entity of a paragraph: ``kind`` is person, office, organization, place, document or
    meeting; ``name`` its canonical form (习近平总书记 → 习近平); ``paragraphs[paragraph].text[start:end]
    == text``."""

    text: str
    kind: str
    paragraph: int
    start: int
    end: int
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "name": self.name, "paragraph": self.paragraph,
                "start": self.start, "end": self.end}


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
            "quote_id": self.quote_id,
        }


_HTML: dict[str, Callable[..., str]] = {}


def set_html(kind: str, render: Callable[..., str]) -> None:
    """Register the HTML view of ``kind`` (``"article"``, ``"quotations"``, ``"entities"``): the
    display module does, so that records show themselves in Jupyter without importing it."""
    _HTML[kind] = render


def html(kind: str, obj: Any) -> str:
    """The registered HTML view of ``obj`` (see :func:`set_html`)."""
    if kind not in _HTML:
        raise RuntimeError(f"no HTML view of {kind}: import policytext.display first")
    return _HTML[kind](obj)


class Quotations(list):  # type: ignore[type-arg]
    """A list of :class:`Quotation` that shows itself as a table in Jupyter."""

    def _repr_html_(self) -> str:
        return html("quotations", self)


class Keyphrases(list):  # type: ignore[type-arg]
    """The key phrases of an article, best first, as chosen among the ``k`` best."""

    def __init__(self, items: Any = (), k: int = 20) -> None:
        super().__init__(items)
        self.k = k


class Entities(list):  # type: ignore[type-arg]
    """A list of :class:`Entity` that shows itself as a table in Jupyter."""

    def _repr_html_(self) -> str:
        return html("entities", self)


class Analyzer(Protocol):
    """What fills an article's results: a :class:`policytext.Pipeline`."""

    def fill(self, article: Article, stages: tuple[str, ...] | None = None) -> Article: ...

    def words(self, text: str, engine: str | None, lexicon: bool | None) -> list[str]: ...

    def keyphrases(self, article: Article, k: int) -> list[Keyphrase]: ...

    def classify(self, article: Article, classifier: Any) -> None: ...

    def marks(self, article: Article) -> list[Any]: ...


_DEFAULT: list[Callable[[], Analyzer]] = []


def set_default_analyzer(factory: Callable[[], Analyzer]) -> None:
    """Name the analyzer of articles that have none (the default pipeline registers itself)."""
    _DEFAULT[:] = [factory]


@dataclass
class Paragraph:
    """A body paragraph: its 0-based ``index`` in the article, the ``section`` heading it sits
    under (or None) and its repaired ``text``."""

    index: int
    text: str
    section: str | None = None
    _tokens: list[Token] | None = field(default=None, init=False, repr=False, compare=False)
    _themes: list[ThemeScore] | None = field(default=None, init=False, repr=False, compare=False)
    _article: Article | None = field(default=None, init=False, repr=False, compare=False)

    def __repr__(self) -> str:
        return f"<Paragraph {self.index} {_clip(self.text)!r}, {len(self.text)} chars>"

    def _owner(self) -> Article:
        if self._article is None:
            Article(paragraphs=[self])
        return self._article  # type: ignore[return-value]

    @property
    def analysed(self) -> frozenset[str]:
        """What the paragraph holds already: ``"tokens"``, ``"themes"``."""
        return frozenset(k for k, v in (("tokens", self._tokens), ("themes", self._themes)) if v is not None)

    def set_tokens(self, tokens: list[Token]) -> None:
        """Store the paragraph's tokens (the segmentation stage does)."""
        self._tokens = list(tokens)

    def tagged(self) -> list[Token]:
        """The paragraph's tokens: ``Token(text, pos, start, end)``, computed once by the pipeline."""
        if self._tokens is None:
            art = self._owner()
            art.analyzer.fill(art, ("tokens",))
        return self._tokens  # type: ignore[return-value]

    def tokens(self, engine: str | None = None, lexicon: bool | None = None) -> list[str]:
        """The words of the paragraph: ``['城市', '更新', ...]``; with ``engine`` or ``lexicon``
        other than the pipeline's, a segmentation of its own (see :func:`policytext.segment`)."""
        if engine is None and lexicon is None:
            return [t.text for t in self.tagged()]
        return self._owner().analyzer.words(self.text, engine, lexicon)

    @property
    def themes(self) -> list[ThemeScore]:
        """Ranked ``ThemeScore(id, score)`` list, best first (the article's paragraphs are
        classified together, once)."""
        if self._themes is None:
            art = self._owner()
            art.analyzer.fill(art, ("themes",))
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
    """One article of a file: metadata, section headings, body paragraphs, and the results the
    pipeline stored (``results``: stage name → list of records, in stage order).

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
    results: dict[str, list[Any]] = field(default_factory=dict, repr=False, compare=False)
    doc_id: str | None = field(default=None, repr=False)
    _analyzer: Analyzer | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for p in self.paragraphs:
            p._article = self

    def __repr__(self) -> str:
        who = " ".join(x for x in (self.author, self.date) if x)
        return (f"<Article {self.id} {_clip(self.title or '')!r} {who + ', ' if who else ''}"
                f"{len(self.paragraphs)} paragraphs>")

    def _repr_html_(self) -> str:
        return html("article", self)

    @property
    def id(self) -> str:
        """Stable id: the document id (by default the file stem) + ``#`` + 1-based position
        (``guangming-2025-01-27#1``)."""
        stem = self.doc_id or (PurePath(self.source).stem if self.source else "text")
        return f"{stem}#{self.position}"

    @property
    def text(self) -> str:
        """The body text: paragraphs joined by newlines."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def analyzer(self) -> Analyzer:
        """The pipeline that analyses this article (the default pipeline unless one was given)."""
        if self._analyzer is None:
            if not _DEFAULT:
                raise RuntimeError("no default pipeline: import policytext first")
            self._analyzer = _DEFAULT[0]()
        return self._analyzer

    @analyzer.setter
    def analyzer(self, value: Analyzer) -> None:
        self._analyzer = value

    def adopt(self, analyzer: Analyzer) -> None:
        """Take ``analyzer`` as this article's pipeline unless it has one already."""
        if self._analyzer is None:
            self._analyzer = analyzer

    def analyze(self) -> Article:
        """Run every stage whose result is not stored yet (at most once each); returns the article."""
        return self.analyzer.fill(self)

    def _result(self, stage: str) -> list[Any]:
        if stage not in self.results:
            self.analyzer.fill(self, (stage,))
        return self.results[stage]

    def tokens(self, engine: str | None = None, lexicon: bool | None = None) -> list[list[str]]:
        """The words of each paragraph, one list per paragraph."""
        return [p.tokens(engine=engine, lexicon=lexicon) for p in self.paragraphs]

    def classify(self, classifier: Any = None) -> None:
        """Give every paragraph its ranked themes again, with ``classifier`` (a fitted
        :class:`policytext.ThemeClassifier`) instead of the pipeline's."""
        self.analyzer.classify(self, classifier)

    def entities(self) -> Entities:
        """Named entities (persons, offices, organizations, places, documents, meetings) in text order."""
        return Entities(self._result("entities"))

    def keyphrases(self, k: int = 20) -> list[Keyphrase]:
        """The ``k`` best key phrases: ``[Keyphrase('城市更新', 1.0, 41), ...]``."""
        stored = self._result("keyphrases")
        if k <= getattr(stored, "k", len(stored)):
            return list(stored[:k])
        return self.analyzer.keyphrases(self, k)

    def quotations(self) -> Quotations:
        """Quotations, indirect speech and quoted terms, in text order."""
        return Quotations(self._result("quotations"))

    def to_dict(self) -> dict[str, Any]:
        """The article's record of the public JSON contract (``analysis-json.md``): its metadata,
        paragraphs with themes, then each stage's records; the analysis runs once."""
        self.analyze()
        out: dict[str, Any] = {
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
        }
        for stage, records in self.results.items():
            out[stage] = [r.to_dict() for r in records]
        out["dropped"] = [{"text": d.text, "reason": d.reason} for d in self.dropped]
        return out
