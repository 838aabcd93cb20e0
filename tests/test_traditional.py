"""Texts in traditional characters are read and analysed through their simplified view, with every
offset and every span's text in the original (issue 12). The texts are real pages converted to
traditional characters with OpenCC: the analysis must be the same, character for character."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

import policytext
from policytext.chinese import is_traditional, to_simplified

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "corpora" / "guangming-2025-01-27.txt",
         ROOT / "corpora" / "external" / "2025-04-19-rmrb-vietnam-state-visit-voices.txt"]


def _analysed(text: str) -> list[policytext.Article]:
    return policytext.Pipeline()(text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_traditional_text_is_analysed_as_its_simplified_twin(path):
    text = path.read_text(encoding="utf-8")
    trad = opencc.OpenCC("s2t").convert(text)
    assert is_traditional(trad) and not is_traditional(text) and to_simplified(trad) == text
    simple, traditional = _analysed(text), _analysed(trad)
    assert len(simple) == len(traditional)
    for a, b in zip(simple, traditional):
        assert [to_simplified(x or "") for x in (b.title, b.author, b.publication)] == [a.title or "", a.author or "", a.publication or ""]
        assert (b.date, b.genre) == (a.date, a.genre)
        assert [to_simplified(p.text) for p in b.paragraphs] == [p.text for p in a.paragraphs]
        assert [(t.pos, t.start, t.end) for p in b.paragraphs for t in p.tagged()] == \
            [(t.pos, t.start, t.end) for p in a.paragraphs for t in p.tagged()]
        assert [(e.kind, e.paragraph, e.start, e.end, e.name) for e in b.entities()] == \
            [(e.kind, e.paragraph, e.start, e.end, e.name) for e in a.entities()]
        assert [(q.kind, q.paragraph, q.start, q.end, q.speaker, q.source) for q in b.quotations()] == \
            [(q.kind, q.paragraph, q.start, q.end, q.speaker, q.source) for q in a.quotations()]
        assert [to_simplified(k.phrase) for k in b.keyphrases(15)] == [k.phrase for k in a.keyphrases(15)]
        assert [p.themes for p in b.paragraphs] == [p.themes for p in a.paragraphs]
        # every span is cut from the traditional text it is reported with
        for span in [*b.entities(), *b.quotations()]:
            assert b.paragraphs[span.paragraph].text[span.start:span.end] == span.text
        assert all(p.text[t.start:t.end] == t.text for p in b.paragraphs for t in p.tagged())
        assert all(k.phrase in b.text for k in b.keyphrases(15)) and is_traditional(b.text)

