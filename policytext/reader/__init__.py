"""Read texts as researchers have them into :class:`~policytext.document.Article` records.

``read(path)`` takes a ``.txt`` file (any of the usual encodings), a ``.docx`` or a saved
``.html`` page; ``read_text(text)`` takes a string; ``iter_table`` reads tables of texts (CSV,
Excel, Parquet, a DataFrame). Each genre's metadata (news datelines, a report's speaker and
meeting, a speech's occasion) goes into the article's fields; lines that are not text of the
article are kept in ``article.dropped`` with the reason. See ``docs/reader.md``.

>>> import policytext
>>> arts = policytext.read_text("城市更新的新路子\\n\\n张三\\n\\n城市更新是重要手段。\\n（作者系某大学教授）")
>>> arts[0].author, arts[0].affiliation, arts[0].genre
('张三', '某大学教授', 'theory')
"""

from __future__ import annotations

from ..document import Article
from .files import SUFFIXES, doc_ids, file_stem, read
from .genres import turns
from .parse import read_text
from .tables import iter_table
from .text import ReplacedBytesWarning, decode_bytes

__all__ = ["SUFFIXES", "ReplacedBytesWarning", "decode_bytes", "doc_ids", "file_stem", "iter_table", "read", "read_text", "speaker_turns"]


def speaker_turns(article: Article) -> list[tuple[int, str]]:
    """(paragraph index, speaker) of each turn of a transcript or dialogue: who answers each
    question. ``[(0, '问'), (1, '答'), ...]`` or ``[(0, '采访组'), (1, '王永昌'), ...]``."""
    return turns([p.text for p in article.paragraphs])
