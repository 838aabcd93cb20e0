"""Saved ``.html`` pages: the main text and title through trafilatura (the ``html`` extra),
then the same layout rules as a text file.

>>> page = ("<html><head><title>高校博物馆</title></head><body><article><h1>高校博物馆：让文物活起来</h1>"
...         "<p>新华网北京4月9日电 高校博物馆是文化传承的重要阵地，越来越多的高校博物馆向社会开放。</p>"
...         "<p>扫一扫分享本页</p></article></body></html>")
>>> print(html_text(page.encode(), "page.html"))  # doctest: +SKIP
高校博物馆：让文物活起来
<BLANKLINE>
新华网北京4月9日电 高校博物馆是文化传承的重要阵地，越来越多的高校博物馆向社会开放。
扫一扫分享本页
"""

from __future__ import annotations

from ..errors import DependencyError, InputError


def html_text(data: bytes, name: str = "<html>") -> str:
    """The title and main text of a saved page, as lines; :class:`InputError` when the page has no
    article, :class:`DependencyError` when trafilatura is not installed."""
    try:
        import trafilatura
    except ImportError as exc:
        raise DependencyError(f"{name}: reading .html pages needs trafilatura; "
                              "install it with pip install 'policytext[html]'") from exc
    doc = trafilatura.bare_extraction(data, include_comments=False, include_tables=True,
                                      favor_precision=True, with_metadata=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in this page; save the article's own page "
                         "(not an index or a script-built page), or copy its text into a .txt file")
    title = (getattr(doc, "title", None) or "").strip()
    first = text.strip().split("\n", 1)[0].strip()
    if title and title != first:
        return f"{title}\n\n{text}"
    return text
