"""Saved ``.html`` pages: the main text through trafilatura (the ``html`` extra), the headline,
and the page's own source line, site name and date; then the same layout rules as a text file.

>>> page = ("<html><head><title>高校博物馆：让文物活起来--某某网</title></head><body><h1>高校博物馆：让文物活起来</h1>"
...         "<div>发布时间：2025-04-09 10:00 来源：新华网</div><article><p>新华网北京4月9日电 高校博物馆是"
...         "文化传承的重要阵地，越来越多的高校博物馆向社会开放，成为市民游客打卡的新去处。</p></article></body></html>")
>>> p = html_page(page.encode(), "page.html")  # doctest: +SKIP
>>> p.title, p.publication, p.date  # doctest: +SKIP
('高校博物馆：让文物活起来', '新华网', '2025-04-09')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from ..dates import iso
from ..errors import DependencyError, InputError
from .genres import names
from .rules import layout
from .text import decode_bytes, squeeze

_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""")
_GB = ("gb2312", "gbk", "x-gbk", "gb18030", "gb_2312-80", "cp936")
# a line break in the page's source followed by a full-width indent starts a paragraph, even where
# the page relies on white-space: pre-wrap rather than <p>
_INDENTED = re.compile(r"\n[ \t]*(?=\u3000)")
# paragraphs inside a table cell or a list item, which trafilatura runs together into one line:
# a mark after each </p> keeps them apart
_PARAGRAPH_END = re.compile(r"</p\s*>", re.IGNORECASE)
# old pages also set their paragraphs as <div>s inside one <p> (<p><DIV>……</DIV><DIV>……</DIV></p>):
# a mark after each </div> inside a <p> keeps those apart
_P_ELEMENT = re.compile(r"<p[\s>](?:(?!</p\s*>).)*?</div\s*>.*?</p\s*>", re.IGNORECASE | re.DOTALL)
_DIV_END = re.compile(r"</div\s*>", re.IGNORECASE)
# old pages open paragraphs without closing them (<P>　　……<P>　　……) or part them by two line
# breaks (……<BR><BR>　　……): a mark before each <p> and between two <br> keeps those apart too
_OPEN_P = re.compile(r"(?=<p[\s>])", re.IGNORECASE)
_DOUBLE_BR = re.compile(r"(?<=<br>)(?=\s*<br)|(?<=<br/>)(?=\s*<br)|(?<=<br />)(?=\s*<br)", re.IGNORECASE)
_MARK = "\u204b"
# full-width and no-break spaces inside a block are text (a heading's 第一章\u3000总则): trafilatura
# would turn them into plain spaces, so they go through it as two signs (⸻, ⸺) it keeps
_KEPT_SPACES = {"\u3000": "\u2e3b", "\xa0": "\u2e3a"}
_SPACE_ENTITIES = re.compile(r"&(?:#12288|#x3000|nbsp|#160|#xa0);", re.IGNORECASE)
_SITE_SPLIT = re.compile(r"--|_|\||－| - ")
_SOURCE = re.compile(r"来源(?:于)?\s*[：:]\s*[\[［【]?\s*([^\s|，,。<>：:\[\]［］【】]{2,20})")
_PAGE_DATE = re.compile(r"(?:发布时间|发布日期|发表时间|更新时间|时间|日期)\s*[：:]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# the outlet named just after the page's time stamp: 2019-09-26 10:56:28 证券时报网
_STAMP_SOURCE = re.compile(r"\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)\s*\d{1,2}:\d{2}(?::\d{2})?\s+(?:来源\s*[：:]\s*)?"
                           r"《?([\u4e00-\u9fff]{2,10}(?:网|报|社|新闻|消息|频道|客户端|周刊|杂志))》?")
# a date with a time (2005年3月11日12:12, 2022.01.20 16:31) or a source after it (2005年08月16日 来源：新华网)
_STAMP = re.compile(r"(?<!\d)(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})日?\s*(?:\d{1,2}:\d{2}|来源)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_OWNER = re.compile(r"主办单位\s*[：:]\s*([\u4e00-\u9fff]{2,30}?)(?=\s|版权|$)")


class Page(NamedTuple):
    """What a saved page gives: the main text as lines, the headline, the publisher, the date."""

    text: str
    title: str | None
    publication: str | None
    date: str | None
    captions: frozenset[str] = frozenset()  # the texts of image blocks, without spaces
    subtitle: str | None = None  # the line under the headline, where the text leaves it out
    furniture: Mapping[str, str] = MappingProxyType({})  # lines of the text that are menus or summary boxes (without spaces): why
    author: str | None = None  # the byline of the info line under the headline (作者：……)
    dateline: str | None = None  # the place of that line (发自：四川宜宾)
    sourced: bool = False  # the publication is the page's own source line, not the site's name


def _decode(data: bytes, name: str) -> str:
    """The page's text: UTF-8 when it decodes as such (saved pages are often re-encoded without
    changing their meta charset), else the declared charset, else GB18030."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(data[:4096])
    if m:
        label = m.group(1).decode("ascii").lower()
        try:  # browsers read gb2312 and gbk as GB18030 (A1AA is ——, not ――)
            return data.decode("gb18030" if label in _GB else label)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, name, errors="replace")


def _lines(text: str) -> str:
    """trafilatura's text without its list and table marks (``- ``, ``| … |``)."""
    out = []
    for kept, mark in _KEPT_SPACES.items():
        text = text.replace(mark, kept)
    for line in text.replace(_MARK, "\n").splitlines():
        line = line.strip()
        if line.startswith("|") or line.endswith("|"):  # a table row: its cells
            line = " ".join(c.strip() for c in line.strip("|").split("|") if c.strip())
        line = re.sub(r"^[-*•]\s+", "", line)
        if line:
            out.append(line)
    return "\n".join(out)


_BREAKS = frozenset(("p", "div", "br", "li", "h1", "h2", "h3", "td", "tr"))


def _block_text(el, gap: str = " ") -> str:  # type: ignore[no-untyped-def]
    """An element's text with a line break inside it (``<br>``, an inner ``<div>``) read as ``gap``,
    one space by default: a headline set on two lines is one headline."""
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in ("script", "style"):
            sep = gap if child.tag in _BREAKS else ""
            out += [sep, _block_text(child, gap), sep]
        out.append(child.tail or "")
    return re.sub(r"[ \t\r\n]+" if gap == " " else r"[ \t\r]+", " ", "".join(out)).strip()


_BLOCKS = ("p", "div", "figure", "li", "td")


def _captions(doc) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """The short texts that share a block with an image (a photo's caption, ``运营商某次活动上展示的
    5G芯片``) and images' alt texts, without spaces: a paragraph equal to one is a caption."""
    out = set()
    for img in doc.iter("img"):
        alt = squeeze(img.get("alt") or "")
        if _CJK.search(alt) and 4 <= len(alt) <= 80:
            out.add(alt)
        block = next((a for a in img.iterancestors() if a.tag in _BLOCKS), None)
        text = squeeze(block.text_content()) if block is not None else ""
        if _CJK.search(text) and len(text) <= 80:
            out.add(text)
            # and each of its lines (活动现场<br>志愿者们积极向市民宣传金融知识)
            out.update(x for x in (squeeze(x) for x in _block_text(block, "\n").split("\n")) if _CJK.search(x))
    return frozenset(out)


def _headline(page_title: str | None, heads: list[str], lines: list[str]) -> str | None:
    """The page's headline: of its h1s and visible lines that its ``<title>`` repeats, one the
    ``<title>`` starts with (``土豆不“土” 土豆无“土”`` of ``土豆不“土” 土豆无“土” 松花江网``, not the site logo
    松花江网 in an h1), an h1 before a line, the longest; without one, the longest h1."""
    whole = squeeze(page_title or "")
    found = [(whole.startswith(q), t in heads, len(q), t) for t in (*heads, *lines)
             if len(q := squeeze(t)) >= 4 and q in whole]
    return max(found)[3] if found else max(heads, key=len, default=None)


_NAMED_TITLE = re.compile(r"(?i)title|headline|biaoti")
# a summary box set over the story by its class (南方周末's <p class="introduction">, 导读, 摘要)
_SUMMARY_BOX = re.compile(r"(?i)\b(?:introduction|summary|abstract|digest|zhaiyao|daodu)\b")
_BLOCK_TAGS = frozenset(("p", "div", "li", "td", "tr", "table", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "h3", "h4",
                         "h5", "h6", "br", "section", "article", "header", "footer", "blockquote", "center", "form",
                         "figure", "figcaption", "main", "nav", "aside"))


class _Visible(NamedTuple):
    headline: str | None
    title: str | None  # the <title>
    text: str  # the visible text, a line for each block and inline element
    blocks: str  # the visible text, a line for each block (an inline element stays in its line)
    captions: frozenset[str]
    anchors: frozenset[str]  # the texts of the page's links, without spaces
    boxes: frozenset[str]  # the texts of its summary boxes (导读, class summary), without spaces


def _visible(html: str) -> _Visible:
    """The page's headline, its <title>, its visible text (by element and by block), its image
    captions and its link texts."""
    import lxml.html

    doc = lxml.html.fromstring(html)
    captions = _captions(doc)
    title = re.sub(r"\s+", " ", doc.findtext(".//title") or "").strip() or None
    heads = [t for t in (_block_text(h) for h in doc.iter("h1")) if len(t) >= 4]
    # a headline set in a table cell or a div named as one (<td class="bigtitle">): the headline
    # where no h1 or line is one that the <title> repeats
    named = [t for el in doc.iter("td", "div", "span", "p", "h2", "h3")
             if _NAMED_TITLE.search((el.get("class") or "") + " " + (el.get("id") or ""))
             and "sub" not in (el.get("class") or "").lower()
             and 4 <= len(t := _block_text(el)) <= 80 and _CJK.search(t)]
    for bad in doc.xpath("//script|//style|//noscript|//title"):
        bad.drop_tree()
    anchors = frozenset(q for a in doc.iter("a") if len(q := squeeze(a.text_content())) >= 2)
    boxes = frozenset(q for el in doc.iter("p", "div") if _SUMMARY_BOX.search(el.get("class") or "")
                      for q in map(squeeze, _block_text(el, "\n").split("\n")) if _CJK.search(q))
    blocks = re.sub(r"[ \t\r\n\xa0\u3000]+", " ", _flatten(doc))
    for block in doc.iter("p", "div", "li", "td", "tr", "h1", "h2", "h3", "h4", "br", "span"):
        block.tail = "\n" + (block.tail or "")  # blocks apart: 来源：新华网 / 57人参与 is not one word
    visible = re.sub(r"[ \t\xa0\u3000]+", " ", doc.text_content())
    lines = [x.strip() for x in visible.splitlines() if 4 <= len(x.strip()) <= 80]
    headline = _headline(title, heads, lines) or max(named, key=len, default=None)
    return _Visible(headline, title, visible, "\n".join(x.strip() for x in blocks.split("\x00") if x.strip()),
                    captions, anchors, boxes)


def _flatten(el) -> str:  # type: ignore[no-untyped-def]
    """An element's text with a \\x00 between blocks (as a browser lays them out)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    out = ["\x00" if tag in _BLOCK_TAGS else "", el.text or ""]
    for child in el:
        out += [_flatten(child), child.tail or ""]
    out.append("\x00" if tag in _BLOCK_TAGS else "")
    return "".join(out)


def _subtitle(text: str, title: str | None, below: str) -> str | None:
    """The line under the page's headline (its 副题, ``——热烈祝贺……开幕``) when the extraction
    began below both; not a time stamp, a source line, page furniture or a line of the text."""
    lines = text.splitlines()
    squeezed = squeeze(title or "")
    if not squeezed or any(squeeze(x) == squeezed for x in lines[:20]):
        return None
    under = next(iter([x.strip() for x in below.splitlines() if x.strip()][1:2]), "")
    lay = layout()
    if (under in lines or len(under) < 6 or not _CJK.search(under) or "来源" in under or _STAMP.search(under)
            or _INFO_LABEL.match(under)
            or _PAGE_DATE.search(under) or lay.web_furniture.match(under) or lay.breadcrumb.match(under)
            or any(p.search(under) for p in lay.boilerplate)):
        return None
    return under.lstrip("".join(lay.subtitle_prefixes) + " ") or None


_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_EN_DATE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
# the info line under a headline: 作者：南方周末记者 雍兴中 姜世离 …… / 发自：四川宜宾 2014-05-15 11:11:43 来源：南方周末
_INFO_AUTHOR = re.compile(r"(?:作者|记者|文)\s*[：:/／]\s*(?!佚名|未知|发自|来源|时间|发布|编辑|责任编辑)(?P<by>[^\s|｜：:\d][^|｜：:\d]{1,59}?)\s*(?=发自|来源|时间|发布|编辑|责任编辑|字号|浏览|[|｜]|\d|$)")
_INFO_LABEL = re.compile(r"^(?:作者|记者|文|通讯员|编辑|责任编辑|发自)\s*[：:/／]")
_INFO_FROM = re.compile(r"发自\s*[：:]\s*(?P<place>[\u4e00-\u9fff]{2,8})")
# what may stand between the links of a menu or a list of related links: separators, their dates
_LINK_SEPARATORS = re.compile(r"[>»|｜/\\·•、，,]+|\(?\d{2,4}[-./年]\d{1,2}[-./月]\d{1,2}日?\)?|\d{1,2}:\d{2}(?::\d{2})?")


def _paper(source: str) -> str:
    """Of a source naming a site and its paper (``金黔在线－贵州日报``, ``人民网－人民日报``), the paper.

    >>> _paper("金黔在线－贵州日报"), _paper("新华网")
    ('贵州日报', '新华网')
    """
    parts = re.split(r"[－—-]", source)
    return next((p for p in reversed(parts) if p.endswith("报") and len(p) >= 3), source) if len(parts) > 1 else source


def _only_links(line: str, anchors: frozenset[str]) -> bool:
    """Whether a line (without spaces) is made of link texts only (``首页>使馆新闻``, a menu, related
    links with their dates): navigation, not text."""
    rest = _LINK_SEPARATORS.sub("", line)
    if not rest or not anchors:
        return False
    while rest:
        k = next((k for k in range(min(len(rest), 60), 1, -1) if rest[:k] in anchors), 0)
        if not k:
            return False
        rest = rest[k:]
    return True


def _in_page_order(text: str, headline: str | None, blocks: str) -> str:
    """trafilatura's lines in the order the page shows them (it may put a header cell after the
    text), with the headline among them where the page shows it above lines it kept from above
    the story (a promotion, a menu), so that those are read as furniture above the headline."""
    starts, flat = [], ""
    for block in blocks.splitlines():
        starts.append((len(flat), squeeze(block)))
        flat += squeeze(block)
    lines = text.splitlines()
    placed: list[tuple[int, int, str]] = []
    pos = -1
    for i, line in enumerate(lines):
        q = squeeze(line)
        # the next place after the line before it, else an earlier one (a line trafilatura moved down)
        found = flat.find(q, max(pos, 0)) if len(q) >= 8 else -1
        found = flat.find(q) if found < 0 and len(q) >= 8 else found
        pos = found if found >= 0 else pos  # a short line keeps its place after the line before it
        placed.append((pos, i, line))
    head = squeeze(headline or "")
    body = next((p for p, _, line in placed if len(line) >= 50), -1)  # a paragraph of the story, not a promotion
    # the headline's own block, the last before the story
    at = max((p for p, q in starts if q == head and p < body), default=-1) if head else -1
    if at >= 0 and not any(squeeze(line) == head for line in lines) and any(0 <= p < at for p, _, _ in placed):
        placed.append((at, -1, headline or ""))
    elif at >= 0:
        # the headline where the page shows it over the story, not where the page repeats it below
        # (a box of the same story's headline and info line after the text)
        placed = [(at if squeeze(line) == head and p > body else p, i, line) for p, i, line in placed]
    return "\n".join(line for _, _, line in sorted(placed))


def _info_line(blocks: str, headline: str | None, first: str) -> tuple[str | None, str | None]:
    """The byline and the place it was sent from, of the info lines between the headline and the
    text (``作者：南方周末记者 雍兴中 姜世离``, ``发自：四川宜宾``)."""
    end = blocks.find(first[:20]) if first else -1
    start = blocks.rfind(headline, 0, end) if headline and end > 0 else -1
    if start < 0:
        return None, None
    region = blocks[start + len(headline or ""):end]
    by = _INFO_AUTHOR.search(region)
    people = names(by.group("by")) if by else ""
    place = _INFO_FROM.search(region)
    return (people if people and all(2 <= len(n) <= 4 for n in people.split("、")) else None,
            place.group("place") if place else None)


def html_page(data: bytes, name: str = "<html>") -> Page:
    """The main text of a saved page and its metadata; :class:`InputError` when the page has no
    article, :class:`DependencyError` when trafilatura is not installed."""
    try:
        import trafilatura
    except ImportError as exc:
        raise DependencyError(f"{name}: reading .html pages needs trafilatura; "
                              "install it with pip install 'policytext[html]'") from exc
    html = _decode(data, name)
    if 2 * len(_PARAGRAPH_END.findall(html)) < len(_OPEN_P.findall(html)):  # <p>s left open
        html = _OPEN_P.sub(_MARK, html)
    html = _P_ELEMENT.sub(lambda m: _DIV_END.sub(r"\g<0>" + _MARK, m.group()), html)
    html = _DOUBLE_BR.sub(_MARK, _PARAGRAPH_END.sub(r"\g<0>" + _MARK, _INDENTED.sub("<br/>", html)))
    marked = _SPACE_ENTITIES.sub(lambda m: "\u3000" if "30" in m.group() or "122" in m.group() else "\xa0", html)
    for kept, mark in _KEPT_SPACES.items():
        marked = marked.replace(kept, mark)
    doc = trafilatura.bare_extraction(marked, include_comments=False, include_tables=True, with_metadata=True)
    text = _lines(getattr(doc, "text", None) or "") if doc is not None else ""
    if not _CJK.search(text) and len(text) < 20:
        raise InputError(f"{name}: no article text found in this page; save the article's own page "
                         "(not an index or a script-built page), or copy its text into a .txt file")
    seen = _visible(html.replace(_MARK, ""))
    title, page_title, visible, captions = seen.headline, seen.title, seen.text, seen.captions
    # the site is what the <title> adds to the headline (……-搜狐财经, …… - 要闻云南 - 云南日报网,
    # ……--大河网); a headline may hold a separator of its own (书记市长这一周 | ……) or a dash
    # (十八而志，青春万岁——王琛校长在……上的致辞)
    rest = page_title or ""
    if title and squeeze(title) in squeeze(rest):
        rest = squeeze(rest).replace(squeeze(title), "", 1)
    parts = [p.strip() for p in _SITE_SPLIT.split(rest)]
    # a part in brackets (北医新闻网_(新闻)) is the page's category, not the site
    site = next((p.split("-")[-1].strip() for p in reversed(parts[1:])
                 if _CJK.search(p.split("-")[-1]) and not re.fullmatch(r"[(（\[【].*[)）\]】]", p)), None)
    owner = _OWNER.search(visible)  # the footer's 主办单位：……, a site's own name
    site = site or (owner.group(1) if owner else None)
    if title and owner and squeeze(title) == owner.group(1):
        title = None  # a <title> that is only the site's name: the text's own headline is the headline
    # else the <title>'s front part when the page shows it (not a site name that only the <title> has)
    shown = {squeeze(x) for x in visible.splitlines()}
    title = title or next((p for p in parts[:1] if squeeze(p) in shown), None)
    text = _in_page_order(text, title, seen.blocks)
    # the story's own time stamp and source are printed under its headline: look there first (the
    # links and sidebars above it carry dates and sources of their own)
    first = next((x for x in text.splitlines() if len(x) >= 10 and x != title), "")
    end = visible.find(first[:20]) if first else -1
    key = title.split()[0] if title else ""
    start = visible.rfind(key, 0, end if end > 0 else len(visible)) if key else -1
    below = visible[start:end if end > start else start + 300] if start >= 0 else ""

    def source_in(part: str) -> str | None:
        # a name (新华网, EETOP, xinhuanet.com), not a template's leftover (来源： size="20")
        named = (_paper(s.rstrip("）)")) for s in _SOURCE.findall(part) if not re.search(r"[\"'=]", s))
        stamped = _STAMP_SOURCE.search(part)
        return next((s for s in named if s not in layout().not_source), None) or (stamped.group(1) if stamped else None)

    source = source_in(below) or source_in(visible)
    m = _PAGE_DATE.search(below) or _STAMP.search(below)
    meta_date = getattr(doc, "date", None)
    english = _EN_DATE.search(visible[max(start - 200, 0):end]) if start >= 0 else None  # Sunday, March 16th, 2014
    if m:
        date = iso(*(int(g) for g in m.groups()))
    elif meta_date and meta_date in html:
        date = meta_date
    elif english:
        date = iso(int(english.group(3)), _MONTHS.index(english.group(1)[:3].lower()) + 1, int(english.group(2)))
    else:
        m = _PAGE_DATE.search(visible) or _STAMP.search(visible)
        date = iso(*(int(g) for g in m.groups())) if m else None
    author, place = _info_line(seen.blocks, title, first)
    furniture = {q: "navigation" for x in text.splitlines() if _only_links(q := squeeze(x), seen.anchors)}
    furniture |= {q: "summary" for q in seen.boxes}
    furniture.pop(squeeze(title or ""), None)
    return Page(text, title, source or site, date, captions - {squeeze(title or "")},
                _subtitle(text, title, below), furniture, author, place, source is not None)
