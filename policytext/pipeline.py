"""The pipeline: a segmenter, the stages in order and the theme model, applied to articles.

``nlp = policytext.Pipeline(engine="pkuseg", themes=my_classifier)`` makes one; ``nlp(path_or_text)``
reads and analyses; :meth:`Pipeline.read` reads and leaves the analysis for when a result is first
wanted. Every stage reads the tokens of the first stage, so each paragraph is segmented once, and
each result is stored on the article (a second ``to_dict()`` analyses nothing). A pipeline is
picklable: ``Corpus.analyze(pipeline=nlp)`` ships it, with your terms and theme model, to worker
processes and Dask workers.

The stages, in order (:data:`STAGES`): tokens → entities → keyphrases → themes → quotations. Each
declares its part of the record, its tables, its report lines and its HTML marks
(:class:`policytext.stage.Stage`), so the JSON record, the corpus tables, the CLI and the display
all follow from this list.

>>> nlp = Pipeline(terms=["强链补链延链"])
>>> art = nlp("标题\\n\\n作者\\n\\n要推动强链补链延链，加快发展新质生产力。")[0]
>>> "强链补链延链" in art.paragraphs[0].tokens(), [k.phrase for k in art.keyphrases(2)]
(True, ['强链补链延链', '新质生产力'])
"""

from __future__ import annotations

import copy
import dataclasses
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .chinese import is_traditional, to_simplified
from .document import Article, Keyphrase, Paragraph, Token, set_default_analyzer
from .errors import PolicytextError
from .extract.entities import EntityStage
from .extract.keyphrases import KeyphraseStage, keyphrases, token_pairs
from .extract.quotations import QuotationStage
from .reader import read as read_file
from .reader import read_text as read_string
from .segmentation import Segmenter, TokenStage, default_segmenter
from .segmentation.tokens import token_rows
from .stage import Mark, Rows, Settings, Stage
from .themes.model import Taxonomy, ThemeModel, default_model
from .themes.stage import ThemeStage

__all__ = ["Pipeline", "STAGES", "BASE_TABLES", "default_pipeline", "table_columns"]

STAGES: tuple[type[Stage], ...] = (TokenStage, EntityStage, KeyphraseStage, ThemeStage, QuotationStage)

# The tables every analysis has, whatever its stages; the stages add their own (and columns of
# ``paragraphs``); ``article_id`` links them all.
BASE_TABLES: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "doc_id", "path", "position", "title", "subtitle", "author", "affiliation",
                 "publication", "date", "genre", "occasion", "dateline", "sections", "n_paragraphs", "n_chars"),
    "paragraphs": ("article_id", "paragraph", "section", "text", "n_chars"),
}
ERRORS: tuple[str, ...] = ("doc_id", "path", "article_id", "stage", "error", "message")


def table_columns(stages: Iterable[type[Stage]] = STAGES) -> dict[str, tuple[str, ...]]:
    """Every table of an analysis by ``stages`` and its columns, ``errors`` last.

    >>> list(table_columns())
    ['articles', 'paragraphs', 'tokens', 'entities', 'keyphrases', 'themes', 'quotations', 'errors']
    """
    stages = list(stages)
    out = dict(BASE_TABLES)
    out["paragraphs"] = out["paragraphs"] + tuple(c for s in stages for c in s.paragraph_columns)
    for s in stages:
        out.update(s.tables)
    out["errors"] = ERRORS
    return out


def _theme_model(themes: Any) -> Any:
    if themes is None or hasattr(themes, "rank"):
        return themes
    if isinstance(themes, (str, os.PathLike)):
        from .themes.classifier import ThemeClassifier

        return ThemeClassifier.load(themes)
    raise PolicytextError(f"themes must be a fitted ThemeClassifier, a ThemeModel or the path of a saved model, "
                          f"not {type(themes).__name__}")


def _check_taxonomy(taxonomy: Any, model: Any) -> Taxonomy | None:
    if taxonomy is None:
        return None
    tax = Taxonomy.load(taxonomy)
    model = model or default_model()
    tax.check_model(model.classes if isinstance(model, ThemeModel) else model.classes_)
    return tax


class Pipeline:
    """Read and analyse Chinese political text: segmentation (``engine``, ``lexicon``, your
    ``terms`` or a :class:`~policytext.segmentation.Segmenter`), then the stages (all of
    :data:`STAGES` unless ``stages`` names some; what they need is added), with ``themes`` (a
    fitted :class:`~policytext.ThemeClassifier`, a theme model or the path of a saved one; default
    the shipped model) and its ``taxonomy``; ``k`` key phrases per article in the tables.

    >>> nlp = Pipeline(engine="pkuseg", stages=["keyphrases"])
    >>> [s.name for s in nlp.stages]
    ['tokens', 'keyphrases']
    """

    def __init__(self, engine: str = "jieba", lexicon: bool = True,
                 terms: Iterable[str] | str | os.PathLike[str] | None = None, *, segmenter: Segmenter | None = None,
                 themes: Any = None, taxonomy: Any = None, stages: Sequence[str] | None = None, k: int = 20) -> None:
        if segmenter is None:
            segmenter = default_segmenter(engine, lexicon) if terms is None else Segmenter(engine, lexicon, terms)
        elif terms is not None:
            segmenter.add_terms(terms)
        if not isinstance(k, int) or k < 1:
            raise PolicytextError(f"k must be a positive int, got {k!r}")
        model = _theme_model(themes)
        self.settings = Settings(segmenter, k=k, theme_model=model, taxonomy=_check_taxonomy(taxonomy, model))
        self.stages: list[Stage] = [cls(self.settings) for cls in _chosen(stages)]

    @property
    def segmenter(self) -> Segmenter:
        """The segmenter every stage reads the tokens of."""
        return self.settings.segmenter

    @property
    def taxonomy(self) -> Taxonomy:
        """The taxonomy of the theme model (the default taxonomy unless one was given)."""
        return self.settings.taxonomy or Taxonomy.default()

    def stage(self, name: str) -> Stage:
        """The stage called ``name``."""
        for s in self.stages:
            if s.name == name:
                return s
        raise PolicytextError(f"this pipeline has no stage {name!r}; it has {[s.name for s in self.stages]}")

    def __repr__(self) -> str:
        return f"Pipeline({self.segmenter!r}, stages: {', '.join(s.name for s in self.stages)})"

    def with_options(self, k: int | None = None) -> Pipeline:
        """A copy with other options (the segmenter and theme model are shared)."""
        new = object.__new__(Pipeline)
        new.settings = Settings(self.settings.segmenter, k=self.settings.k if k is None else k,
                                theme_model=self.settings.theme_model, taxonomy=self.settings.taxonomy)
        new.stages = [type(s)(new.settings) for s in self.stages]
        return new

    # -- reading

    def read(self, path: str | os.PathLike[str], **kwargs: Any) -> list[Article]:
        """The articles of a file (see :func:`policytext.reader.read`), analysed by this pipeline
        when a result is first wanted."""
        return self._own(read_file(path, **kwargs))

    def read_text(self, text: str, source: str | None = None) -> list[Article]:
        """The articles of a text (see :func:`policytext.reader.read_text`), analysed lazily."""
        return self._own(read_string(text, source=source))

    def _own(self, articles: list[Article]) -> list[Article]:
        for art in articles:
            art.analyzer = self
        return articles

    def __call__(self, path_or_text: str | os.PathLike[str]) -> list[Article]:
        """Read a file (a path) or a text and analyse every article now."""
        is_path = isinstance(path_or_text, os.PathLike) or (
            isinstance(path_or_text, str) and "\n" not in path_or_text and len(path_or_text) < 4096
            and Path(path_or_text).is_file())
        articles = self.read(path_or_text) if is_path else self.read_text(str(path_or_text))
        for art in articles:
            self.fill(art)
        return articles

    # -- analysis (the :class:`policytext.document.Analyzer` protocol)

    def fill(self, article: Article, stages: tuple[str, ...] | None = None) -> Article:
        """Run on ``article`` the named stages (default: all) and what they need, each only if
        its result is not stored yet."""
        article.adopt(self)
        wanted = set(stages) if stages is not None else {s.name for s in self.stages}
        for s in self.stages:  # stage order puts what a stage requires before it
            if s.name in wanted:
                wanted.update(s.requires)
        unknown = wanted - {s.name for s in self.stages}
        if unknown:
            raise PolicytextError(f"this pipeline has no stage {sorted(unknown)}; it has {[s.name for s in self.stages]}")
        todo = [s for s in self.stages if s.name in wanted and not s.done(article)]
        if todo:
            with_view(article, lambda view: self._run(todo, view))
            # the record lists the results in stage order, whatever order they were asked for
            order = {s.name: i for i, s in enumerate(self.stages)}
            article.results = dict(sorted(article.results.items(), key=lambda kv: order.get(kv[0], len(order))))
        return article

    @staticmethod
    def _run(stages: list[Stage], article: Article) -> None:
        for s in stages:
            s.run(article)

    def words(self, text: str, engine: str | None = None, lexicon: bool | None = None) -> list[str]:
        """The words of ``text``: this pipeline's segmentation, or the default one of another
        ``engine`` / ``lexicon`` setting."""
        seg = self.segmenter
        engine = seg.engine if engine is None else engine
        lexicon = seg.lexicon if lexicon is None else lexicon
        if (engine, lexicon) != (seg.engine, seg.lexicon):
            seg = default_segmenter(engine, lexicon)
        return seg.segment(text)

    def keyphrases(self, article: Article, k: int) -> list[Keyphrase]:
        """The ``k`` best key phrases of the article, from its tokens (not stored)."""
        self.fill(article, ("tokens",))
        return with_view(article, lambda view: keyphrases(view, k, self.segmenter, token_pairs(view)))

    def classify(self, article: Article, classifier: Any = None) -> None:
        """Rank the paragraphs' themes again with ``classifier`` (default: this pipeline's model)."""
        ThemeStage.classify(article, _theme_model(classifier) or self.settings.theme_model)

    # -- what follows from the stages: tables, report, marks

    def columns(self, tokens: bool = False) -> dict[str, tuple[str, ...]]:
        """The tables of this pipeline's analysis and their columns (``tokens`` only when asked)."""
        out = table_columns(type(s) for s in self.stages)
        if not tokens:
            out.pop("tokens", None)
        return out

    def rows(self, article: Article, doc_id: str | None = None, path: str | None = None,
             tokens: bool | str = False) -> Rows:
        """The article's rows of every table (analysing what is not done yet). ``tokens``: also
        the ``tokens`` table (a string names another engine for it)."""
        self.fill(article)
        aid = article.id
        rows: Rows = {t: [] for t in self.columns(tokens=bool(tokens))}
        rows["articles"].append({
            "article_id": aid, "doc_id": doc_id, "path": path, "position": article.position, "title": article.title,
            "subtitle": article.subtitle, "author": article.author, "affiliation": article.affiliation,
            "publication": article.publication, "date": article.date, "genre": article.genre,
            "occasion": article.occasion, "dateline": article.dateline, "sections": "\n".join(article.sections),
            "n_paragraphs": len(article.paragraphs), "n_chars": len(article.text),
        })
        for p in article.paragraphs:
            row = {"article_id": aid, "paragraph": p.index, "section": p.section, "text": p.text, "n_chars": len(p.text)}
            for s in self.stages:
                row.update(s.paragraph_values(p))
            rows["paragraphs"].append(row)
        for s in self.stages:
            if s.name == "tokens" and not tokens:
                continue
            for table, r in s.rows(article).items():
                rows[table] += r
        if isinstance(tokens, str) and tokens != self.segmenter.engine:
            seg = default_segmenter(tokens)
            rows["tokens"] = token_rows(article, [seg.tokens(p.text) for p in article.paragraphs])
        return rows

    def report(self, article: Article) -> list[str]:
        """The lines of ``policytext analyze`` for one article."""
        self.fill(article)
        out = [
            f"[{article.id}] {article.title or '(untitled)'}",
            f"  author:       {article.author or '-'}",
            f"  affiliation:  {article.affiliation or '-'}",
            f"  publication:  {article.publication or '-'}    date: {article.date or '-'}",
        ]
        extra = [f"{k}: {v}" for k, v in (("genre", article.genre), ("occasion", article.occasion),
                                          ("dateline", article.dateline)) if v]
        if extra:
            out.append("  " + "    ".join(extra))
        out.append(f"  sections:     {len(article.sections)}")
        out += [f"    - {s}" for s in article.sections]
        out.append(f"  paragraphs:   {len(article.paragraphs)}")
        for s in self.stages:
            out += s.report(article)
        return out

    def marks(self, article: Article) -> list[Mark]:
        """Every span the stages mark in the HTML view, in stage order."""
        self.fill(article)
        return [m for s in self.stages for m in s.marks(article)]


def _chosen(names: Sequence[str] | None) -> list[type[Stage]]:
    if names is None:
        return list(STAGES)
    by_name = {cls.name: cls for cls in STAGES}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise PolicytextError(f"unknown stage(s) {unknown}; the stages are {list(by_name)}")
    wanted = set(names)
    for cls in reversed(STAGES):
        if cls.name in wanted:
            wanted.update(cls.requires)
    return [cls for cls in STAGES if cls.name in wanted]


_DEFAULT: list[Pipeline] = []


def default_pipeline() -> Pipeline:
    """The pipeline behind ``policytext.read`` and the one-liners: the default jieba segmenter
    (with the terms of :func:`policytext.add_terms`), all stages, the shipped theme model."""
    if not _DEFAULT:
        _DEFAULT.append(Pipeline())
    return _DEFAULT[0]


set_default_analyzer(default_pipeline)


# ---------------------------------------------------------------- traditional characters

def with_view(article: Article, run: Any) -> Any:
    """``run(article)``; for an article in traditional characters, ``run`` gets a twin in
    simplified characters instead (the lexicon, cue words and theme model are simplified), and
    what it stores comes back with every span's text cut from the original: the twin has the
    same lengths, so the same offsets (:func:`policytext.chinese.to_simplified`). Names
    (``Entity.name``, ``Quotation.speaker`` …) stay simplified, so that they match across outlets.

    >>> art = Pipeline()("標題\\n\\n作者\\n\\n香港特別行政區政府發言人表示，將加快發展新質生產力。")[0]
    >>> [(t.text, t.pos) for t in art.paragraphs[0].tagged()][:3]
    [('香港特別行政區政府', 'nz'), ('發言人', 'n'), ('表示', 'v')]
    >>> sorted(k.phrase for k in art.keyphrases(2))
    ['新質生產力', '香港特別行政區政府']
    """
    if not is_traditional(article.text):
        return run(article)

    def simple(s: str | None) -> str | None:
        return s and to_simplified(s)

    view = dataclasses.replace(
        article, title=simple(article.title), subtitle=simple(article.subtitle), sections=[to_simplified(s) for s in article.sections],
        paragraphs=[Paragraph(p.index, to_simplified(p.text), simple(p.section)) for p in article.paragraphs], results={})
    view.results = {k: _recut(v, article, view) for k, v in article.results.items()}
    view.adopt(article.analyzer)
    _copy_paragraphs(article, view)
    out = run(view)
    article.results.update({k: _recut(v, view, article) for k, v in view.results.items()})
    _copy_paragraphs(view, article)
    return _recut(out, view, article) if isinstance(out, list) else out


def _copy_paragraphs(src: Article, dst: Article) -> None:
    for a, b in zip(src.paragraphs, dst.paragraphs):
        if "tokens" in a.analysed:
            b.set_tokens([Token(b.text[t.start:t.end], t.pos, t.start, t.end) for t in a.tagged()])
        if "themes" in a.analysed:
            b.themes = a.themes


def _recut(records: list[Any], src: Article, dst: Article) -> list[Any]:
    """``records`` of ``src`` with the text of every span cut from ``dst``, its twin of the same
    lengths: records with ``paragraph``, ``start``, ``end`` and ``text`` whose text is that span
    of ``src``, and key phrases (cut where they first occur)."""
    src_text, dst_text = src.text, dst.text

    def one(r: Any) -> Any:
        if isinstance(r, Keyphrase):
            at = src_text.find(r.phrase)
            return dataclasses.replace(r, phrase=dst_text[at:at + len(r.phrase)]) if at >= 0 else r
        if dataclasses.is_dataclass(r) and all(hasattr(r, f) for f in ("paragraph", "start", "end", "text")) \
                and 0 <= r.paragraph < len(src.paragraphs) and src.paragraphs[r.paragraph].text[r.start:r.end] == r.text:
            return dataclasses.replace(r, text=dst.paragraphs[r.paragraph].text[r.start:r.end])
        return r

    out = copy.copy(records)
    out[:] = [one(r) for r in records]
    return out
