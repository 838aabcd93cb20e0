"""Markdown posts kept as text: a blog's or a news archive's ``.md`` file (YAML front matter between
``---`` lines, ``# `` headlines, ``![…](…)`` images, ``<figcaption>`` captions, ``**`` emphasis, ``> ``
boxes, links) read as the page it renders: its headline, its lines without the markup, the
captions and furniture to drop, and the outlet its source line names (``文章来自「新京报评论」：……``).

The front matter is the archive's, not printed text: only its ``title:`` is used, as the headline
where the text has no ``# `` line of its own. The inline markup of each line is read by
markdown-it-py (CommonMark, with strikethrough and inline HTML).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

from markdown_it import MarkdownIt

from .text import squeeze

__all__ = ["Post", "markdown_post"]


class Post(NamedTuple):
    """What a Markdown post gives: its lines as text, the headline, its captions and other furniture
    to drop (without spaces: why), and the outlet its source line names."""

    text: str
    headline: str | None
    furniture: Mapping[str, str]
    publisher: str | None


_FRONT = re.compile(r"\A\ufeff?\s*---[ \t]*\n(?P<meta>(?:[^\n]*\n){1,40}?)---[ \t]*(?:\n|\Z)")
_KEY = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:", re.MULTILINE)
_TITLE = re.compile(r"^title[ \t]*:[ \t]*(?P<t>.+?)[ \t]*$", re.MULTILINE)
_DESCRIPTION = re.compile(r"^description[ \t]*:[ \t]*(?P<t>.+?)[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<t>.*?)[ \t#]*$")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_CAPTION = re.compile(r"<figcaption[^>]*>(?P<t>.*?)</figcaption>", re.IGNORECASE | re.DOTALL)
# the archive's line naming the outlet above the text: 文章来自「新京报评论」：……, 原文来自微信公众号「……」,
# 原文出自「中国新闻周刊」，……, 原文来自南方周末网站：……, 来源：财新网，原文
_SOURCE = re.compile(r"^(?:(?:文章|原文)(?:来自|出自)|来源\s*[：:])\s*(?:微信公众号)?\s*[「《]?"
                     r"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,20}?)(?:网站)?[」》]?\s*(?:[：:，,。]|$)")


def markdown_post(text: str) -> Post | None:
    """The post ``text`` holds when it opens with YAML front matter, else None.

    >>> p = markdown_post("---\\ntitle: 图书馆“焚书”｜新京报快评\\ndate: 2019-12-08\\n---\\n"
    ...                   "原文来自「新京报」：~~[图书馆“焚书”](https://mp.weixin.qq.com/s/x)~~\\n文：任然\\n---\\n"
    ...                   "![](https://a.png)\\n<figcaption>▲焚书现场。</figcaption>\\n日前，一则**报道**引起争议。")
    >>> p.headline, p.publisher, p.text.split("\\n")
    ('图书馆“焚书”｜新京报快评', '新京报', ['图书馆“焚书”｜新京报快评', '原文来自「新京报」：图书馆“焚书”', '文：任然', '▲焚书现场。', '日前，一则报道引起争议。'])
    >>> p.furniture["原文来自「新京报」：图书馆“焚书”"]
    'source'
    >>> p.furniture["▲焚书现场。"], markdown_post("日前，一则报道引起争议。") is None
    ('caption', True)
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front = _FRONT.match(text)
    if not front or not _KEY.search(front.group("meta")):
        return None
    title = _TITLE.search(front.group("meta"))
    headline = title.group("t").strip("'\"") if title else None
    # the digest the post shows in lists (description:): a line above the text that gives it is a summary box
    digest = _DESCRIPTION.search(front.group("meta"))
    summary = squeeze(digest.group("t").strip("'\"")) if digest else ""
    body = re.sub(r"\[([^\]\n]*)\n\s*\]\(", r"[\1](", text[front.end():])  # a link broken over two lines
    body = re.sub(r"\s*<!--more-->\s*", "\n", body)  # the excerpt mark is not text
    # a caption set over lines (……浸泡于水中，<br>洪水逐渐退去……) is one caption
    body = _CAPTION.sub(lambda m: "<figcaption>" + re.sub(r"<br\s*/?>|\n", "", m.group("t")) + "</figcaption>", body)
    body = re.sub(r"<br\s*/?>", "\n", body, flags=re.IGNORECASE)
    lines: list[str] = []
    furniture: dict[str, str] = {}
    publisher = None
    started = False  # the body has begun (a long line of text outside a box)
    own_headline = None
    after_image = False
    for raw in body.split("\n"):
        line = raw.strip(" \t\u3000\xa0")
        if not line or _RULE.match(line):
            continue
        quoted = line.startswith(">")
        line = line.lstrip("> ").strip() if quoted else line
        heading = _HEADING.match(line)
        if heading:
            line = heading.group("t")
        caption = _CAPTION.search(line)
        plain, image, link_only = _inline(line)
        if (not plain and image) or (link_only and not caption):
            after_image = image
            continue  # an image, a link on its own line (推荐阅读, 原文链接)
        # a bracketed line under an image is its caption: （王敖。图/《诗人文摘》）
        caption = caption or (after_image and plain[:1] in "（(" and plain[-1:] in "）)")
        after_image = False
        if not plain:
            continue
        if caption:
            furniture[squeeze(plain)] = "caption"
        elif not started and (quoted or (len(squeeze(plain)) >= 10 and squeeze(plain)[:-1] in summary)):
            furniture[squeeze(plain)] = "summary"  # a box over the text: its lead or a pull-quote
        elif not started and (source := _SOURCE.match(plain)):
            publisher = publisher or source.group("name")
            furniture[squeeze(plain)] = "source"
        else:
            if heading and len(heading.group("level")) == 1 and own_headline is None:
                own_headline = plain
            started = started or len(plain) >= 50
        lines.append(plain)
    headline = own_headline or headline
    if headline and squeeze(headline) not in {squeeze(x) for x in lines}:
        lines.insert(0, headline)
    return Post("\n".join(lines), headline, furniture, publisher)


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("strikethrough")


def _inline(line: str) -> tuple[str, bool, bool]:
    """The text of one line of Markdown without its inline markup (markdown-it-py's inline
    tokens: emphasis, links, escapes and HTML tags go, link texts stay), whether it shows an
    image, and whether it is nothing but a link.

    >>> _inline("原文来自「新京报」：~~[图书馆“焚书”](https://x)~~"), _inline("[推荐阅读](https://x)")
    (('原文来自「新京报」：图书馆“焚书”', False, False), ('推荐阅读', False, True))
    >>> _inline("![](https://a.png)"), _inline("<figcaption>▲焚书现场。</figcaption>")
    (('', True, False), ('▲焚书现场。', False, False))
    """
    text: list[str] = []
    image = linked = outside = False
    depth = 0
    for token in _markdown().parseInline(line)[0].children or []:
        if token.type == "image":
            image = True
        elif token.type in ("link_open", "link_close"):
            depth += 1 if token.type == "link_open" else -1
            linked = True
        elif token.type in ("text", "code_inline"):
            text.append(token.content)
            outside = outside or (depth == 0 and bool(token.content.strip()))
    return "".join(text).strip(), image, linked and not outside
