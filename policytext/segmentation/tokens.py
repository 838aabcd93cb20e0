"""The tokens stage: each paragraph is tokenised once (word, part of speech, offsets); every later
stage reads these tokens.

>>> from policytext.document import Article, Paragraph
>>> from policytext.stage import Settings
>>> from policytext.segmentation import Segmenter
>>> art = Article(paragraphs=[Paragraph(0, "发展新质生产力")])
>>> TokenStage(Settings(Segmenter())).run(art)
>>> [t.text for t in art.paragraphs[0].tagged()]
['发展', '新质生产力']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..document import Article, Token
from ..stage import Rows, Stage


__all__ = ["TokenStage", "token_rows"]


def token_rows(article: Article, tokens: Sequence[Sequence[Token]]) -> list[dict[str, Any]]:
    """Rows of the ``tokens`` table: each paragraph's tokens but white space, numbered through the
    article."""
    out: list[dict[str, Any]] = []
    for p, toks in zip(article.paragraphs, tokens):
        out += [{"article_id": article.id, "paragraph": p.index, "index": len(out), "token": t.text, "pos": t.pos,
                 "start": t.start, "end": t.end} for t in toks if not t.text.isspace()]
    return out


class TokenStage(Stage):
    """Tokens of every paragraph; the ``tokens`` table (without white space) when asked for."""

    name = "tokens"
    tables = {"tokens": ("article_id", "paragraph", "index", "token", "pos", "start", "end")}

    def done(self, article: Article) -> bool:
        return all("tokens" in p.analysed for p in article.paragraphs)

    def run(self, article: Article) -> None:
        seg = self.settings.segmenter
        for p in article.paragraphs:
            p.set_tokens(seg.tokens(p.text))

    def rows(self, article: Article) -> Rows:
        return {"tokens": token_rows(article, [p.tagged() for p in article.paragraphs])}

    def report(self, article: Article) -> list[str]:
        if not article.paragraphs:
            return []
        words = [t.text for t in article.paragraphs[0].tagged() if not t.text.isspace()]
        return [f"  first tokens: {' / '.join(words[:15])}"]
