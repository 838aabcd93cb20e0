"""Texts in traditional characters: the reader's rules (cue words, layout patterns) are written
in simplified characters, so a traditional text is read through its simplified view
(:func:`policytext.chinese.to_simplified`, same length) and every string of the articles is then
cut back from the original, so that the record keeps the text as it was written.

>>> from policytext.reader import read_text
>>> (a,) = read_text("加快發展新質生產力\\n\\n張三\\n\\n會議強調，要堅持穩中求進。")
>>> a.title, a.author, a.paragraphs[0].text
('加快發展新質生產力', '張三', '會議強調，要堅持穩中求進。')
"""

from __future__ import annotations

import dataclasses

from ..document import Article, Dropped, Paragraph

__all__ = ["restore_script"]

_FIELDS = ("title", "subtitle", "author", "affiliation", "publication", "occasion", "dateline")


class _Original:
    """Cuts strings of the simplified ``view`` back out of ``orig`` (same length)."""

    def __init__(self, view: str, orig: str) -> None:
        self.view, self.orig = view, orig

    def __call__(self, s: str | None, start: int = 0) -> tuple[str | None, int]:
        """``s`` in the original characters, and where it ends in the text. A string the reader
        put together (lines joined, spaces dropped) is aligned character by character; a
        character it added stays as it is."""
        if not s:
            return s, start
        at = self.view.find(s, start)
        if at < 0:
            at = self.view.find(s)
        if at >= 0:
            return self.orig[at:at + len(s)], at + len(s)
        out: list[str] = []
        head = self.view.find(s[:8], start)
        j = head if head >= 0 else start
        for c in s:
            k = self.view.find(c, j, j + 64)
            if k < 0:
                out.append(c)
            else:
                out.append(self.orig[k])
                j = k + 1
        return "".join(out), j


def restore_script(articles: list[Article], view: str, orig: str) -> list[Article]:
    """The ``articles`` read from ``view`` (the simplified view of ``orig``), with their titles,
    bylines, sections, paragraphs and dropped lines in the characters of ``orig``."""
    back = _Original(view, orig)
    out = []
    cursor = 0
    for art in articles:
        fields = {f: back(getattr(art, f))[0] for f in _FIELDS}
        sections = {s: back(s)[0] for s in art.sections}
        paragraphs = []
        for p in art.paragraphs:
            text, cursor = back(p.text, cursor)
            paragraphs.append(Paragraph(p.index, text or "", sections.get(p.section, p.section)))
        out.append(dataclasses.replace(
            art, **fields, sections=[sections[s] for s in art.sections], paragraphs=paragraphs,
            dropped=[Dropped(back(d.text)[0] or "", d.reason) for d in art.dropped]))
    return out
