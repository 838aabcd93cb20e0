"""Files as they come: ``.txt`` in any usual encoding, Word ``.docx``, saved ``.html`` pages;
and article ids for files whose names collide.

>>> doc_ids(["2024/report.txt", "2025/report.txt", "2025/speech.txt"])
{'2024/report.txt': '2024/report', '2025/report.txt': '2025/report', '2025/speech.txt': 'speech'}
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path, PurePath

from ..document import Article
from ..errors import InputError
from .docx import docx_text
from .html import html_page
from .markdown import markdown_post
from .parse import read_text
from .rules import genre_rules, layout
from .text import decode_bytes

__all__ = ["doc_ids", "read"]

_HTML = (".html", ".htm", ".xhtml", ".shtml")
SUFFIXES = (".txt", ".docx", *_HTML)  # the files a folder of documents is made of (any other name is read as text)


def read(path: str | os.PathLike[str], encoding: str | None = None, errors: str = "strict",
         source: str | None = None, doc_id: str | None = None) -> list[Article]:
    """Read a file of one or more articles: ``policytext.read("corpora/guangming-2025-01-27.txt")``.

    ``.docx`` files are read from their document XML, ``.html`` pages through trafilatura (the
    ``html`` extra), anything else as text whose encoding is detected (UTF-8, UTF-8 with BOM,
    UTF-16 with BOM, GB18030) unless given. ``errors="replace"`` reads a file with a few bad
    bytes (a :class:`~policytext.reader.ReplacedBytesWarning` gives their count). ``source``
    is what the articles record as their source (default: ``path``); ``doc_id`` the id they
    take instead of the file stem (see :func:`doc_ids` for files whose stems collide). Raises
    :class:`~policytext.errors.InputError` naming the file for a missing path, a directory, an
    empty, binary or undecodable file, a ``.docx`` that is not one, a page with no article.
    """
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{path}: is a directory; read its files one by one or use Corpus.from_files('{path}/*.txt')")
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file; check the path") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    suffix = p.suffix.lower()
    source = source if source is not None else str(path)
    if suffix in _HTML:
        page = html_page(data, str(path))
        # a column label as the page's headline (每周一学（2022年2月28日——3月6日）): the text's own
        # first line is the headline
        label = page.title is None or any(p.match(page.title) for p in (layout().column_label, layout().column_prefix))
        arts = read_text(page.text, source=source, headline="" if label else page.title, doc_id=doc_id,
                         captions=page.captions, furniture=page.furniture,
                         publisher=page.publication if page.sourced else None)
        if not any(a.paragraphs for a in arts):  # a menu, a headline alone: no article on the page
            raise InputError(f"{path}: the page has no article text (only {len(page.text)} characters outside "
                             "menus and links); save the article's own page, or give its text as .txt")
        # the page's own source line, site name and date, for every article on it where the text
        # names none; the date of a page is not the date a speech or report was delivered
        if arts[0].title == page.title and arts[0].subtitle is None:
            arts[0].subtitle = page.subtitle
            if arts[0].genre == "news" and page.subtitle and genre_rules().greeting_deck.match(page.subtitle):
                arts[0].genre = "commentary"  # the page's deck greets a meeting (热烈祝贺……开幕): an editorial
        # the info line under the headline (作者：……  发自：……) that the main text leaves out
        arts[0].author = arts[0].author or page.author
        arts[0].dateline = arts[0].dateline or page.dateline
        for art in arts:
            art.publication = art.publication or page.publication
            if art.genre not in genre_rules().delivered_genres and (art.date is None or art.date.startswith("--")):
                art.date = page.date or art.date  # the page's date over a dateline's month and day
        return arts
    text = docx_text(data, str(path)) if suffix == ".docx" else decode_bytes(data, str(path), encoding, errors)
    if not text.strip("\ufeff \t\r\n\u3000"):
        raise InputError(f"{path}: the file is empty; give a file that contains text")
    post = markdown_post(text)
    if post:  # a Markdown post kept as text: read as the page it renders
        return read_text(post.text, source=source, headline=post.headline, doc_id=doc_id, furniture=post.furniture,
                         publisher=post.publisher)
    return read_text(text, source=source, doc_id=doc_id)


def file_stem(path: str) -> str:
    """The id a file gets when no other file of the batch has its stem: its name without the
    last suffix.

    >>> file_stem("in/2025/政府工作报告.txt")
    '政府工作报告'
    """
    return PurePath(os.path.basename(path)).stem


def doc_ids(paths: list[str | os.PathLike[str]]) -> dict[str, str]:
    """An id for each path: its stem, or its path relative to the files' common folder (without
    the suffix) when another file has the same stem. Relative and absolute paths may be mixed.

    >>> doc_ids(["2024/report.txt", "/data/2025/report.txt", "news.txt"])["news.txt"]
    'news'
    """
    absolute = [os.path.abspath(p) for p in paths]  # strings: a batch may name millions of files
    stem = [file_stem(a) for a in absolute]
    seen = Counter(stem)
    common = PurePath(os.path.commonpath([os.path.dirname(a) for a in absolute])) if absolute else PurePath()
    return {str(raw): s if seen[s] == 1 else PurePath(a).relative_to(common).with_suffix("").as_posix()
            for raw, a, s in zip(paths, absolute, stem)}
