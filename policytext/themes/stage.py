"""The themes stage: each paragraph's ranked themes, the paragraphs of an article classified
together (the article and the section headings as context), and the CAP major topic of the
primary theme.

>>> from policytext.document import Article, Paragraph
>>> from policytext.segmentation import Segmenter
>>> from policytext.stage import Settings
>>> art = Article(paragraphs=[Paragraph(0, "加强数字政府建设，推进政务数据共享。"), Paragraph(1, "谢谢大家！")])
>>> stage = ThemeStage(Settings(Segmenter()))
>>> stage.run(art)
>>> [p.primary_theme for p in art.paragraphs]
['digital_governance', 'none']
>>> stage.paragraph_values(art.paragraphs[0])["cap_topic"]
17
"""

from __future__ import annotations

from typing import Any

from ..document import Article, Paragraph
from ..stage import Rows, Stage
from .model import Taxonomy, rank_themes

__all__ = ["ThemeStage"]


class ThemeStage(Stage):
    """Ranked themes of every paragraph (``paragraph.themes``; the ``themes`` table and the theme
    columns of ``paragraphs``: ``primary_theme``, its ``theme_score``, all ``themes`` and the
    ``cap_topic``, the primary CAP major topic code of the primary theme, by the pipeline's
    taxonomy), by the pipeline's theme model (default: the shipped one)."""

    name = "themes"
    tables = {"themes": ("article_id", "paragraph", "rank", "theme", "score")}
    paragraph_columns = ("primary_theme", "theme_score", "themes", "cap_topic")

    def done(self, article: Article) -> bool:
        return all("themes" in p.analysed for p in article.paragraphs)

    def run(self, article: Article) -> None:
        self.classify(article, self.settings.theme_model)

    @staticmethod
    def classify(article: Article, model: Any) -> None:
        """Give every paragraph its ranked themes by ``model`` (None: the shipped model)."""
        ranked = rank_themes([p.text for p in article.paragraphs], classifier=model,
                             sections=[p.section for p in article.paragraphs], context=True)
        for p, themes in zip(article.paragraphs, ranked):
            p.themes = themes

    def rows(self, article: Article) -> Rows:
        return {"themes": [{"article_id": article.id, "paragraph": p.index, "rank": r, "theme": t.id,
                            "score": float(t.score)} for p in article.paragraphs for r, t in enumerate(p.themes, 1)]}

    def paragraph_values(self, paragraph: Paragraph) -> dict[str, Any]:
        ranked = paragraph.themes
        taxonomy = self.settings.taxonomy or Taxonomy.default()
        primary = ranked[0].id if ranked else None
        return {"primary_theme": primary, "theme_score": float(ranked[0].score) if ranked else None,
                "themes": ";".join(t.id for t in ranked),
                "cap_topic": taxonomy.cap_topic(primary) if primary in taxonomy else None}

    def report(self, article: Article) -> list[str]:
        out = ["  themes:"] if article.paragraphs else []
        for p in article.paragraphs:
            themes = " · ".join(f"{t.id} {t.score:.2f}" for t in p.themes) or "-"
            out.append(f"    ¶{p.index:<3} {themes}  {p.text[:16]}{'…' if len(p.text) > 16 else ''}")
        return out
