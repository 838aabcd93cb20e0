"""Raw text to :class:`~policytext.document.Article` records: the page layout and each genre's
metadata.

Handles several articles in one file (as copied from a newspaper page), titles, bylines, the
（作者系……） note, source lines, datelines and sign-offs, the delivery line of a report or speech
(``——2025年1月15日在…会议上``, ``省长 王予波``), section headings, and paragraphs that the page
layout broke in two. Captions, part markers, pull-quotes, summary boxes, editor credits, web
boilerplate and 转版 markers are left out of the paragraphs and kept in ``article.dropped``
with the reason. The rules live in ``data/layout.json`` and ``data/reader/genres.json``.

>>> arts = read_text("城市更新的新路子\\n\\n张三\\n\\n城市更新是重要手段。\\n（作者系某大学教授）")
>>> arts[0].author, arts[0].affiliation
('张三', '某大学教授')
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from ..chinese import is_traditional, to_simplified
from ..dates import find_dates, parse_date
from ..document import Article, Dropped, Paragraph
from ..errors import InputError
from . import genres as G
from .rules import genre_rules, layout
from .script import restore_script
from .text import squeeze

__all__ = ["read_text"]


# ---------------------------------------------------------------- line kinds

_BOOK = re.compile(r"《\s*([^》]+?)\s*》")
_TAIL_TAG = re.compile(r"[（(][^（()）。！？]{1,60}[)）]$")
_SPACES = "\ufeff\u200b\xa0\u3000 \t\x00"  # NUL: the padding of a fixed-width field a crawl kept


def _clean_line(line: str) -> str:
    """``line`` without the spaces at its ends, counting a crawl's literal ``&nbsp;`` as one."""
    line = line.strip(_SPACES).strip()
    while "&" in line and (line.startswith("&nbsp;") or line.endswith("&nbsp;")):
        line = line.removeprefix("&nbsp;").removesuffix("&nbsp;").strip(_SPACES).strip()
    return line


def _is_closed(text: str) -> bool:
    """Whether ``text`` ends a sentence. A trailing column tag such as （评论员观察） and a closing
    quotation mark count only by what precedes them."""
    closing = layout().closing
    text = _TAIL_TAG.sub("", text) or text
    if text[-1] in "”’」』":
        return len(text) > 1 and text[-2] in closing
    return text[-1] in closing


def _is_short(text: str) -> bool:
    lay = layout()
    return (
        len(_TAIL_TAG.sub("", text) or text) <= lay.heading_max
        and not _is_closed(text)
        and not any(ch in lay.sentence for ch in text)
    )


def _is_headline(text: str) -> bool:
    """A title line: short like a heading, but it may end with ？, ！ or a 《book title》."""
    core = _TAIL_TAG.sub("", text) or text
    return _is_short(text) or (core[-1] in layout().headline_final and _is_short(core[:-1] or core))


def _publication(src: str) -> str | None:
    book = _BOOK.search(src)
    if book:
        return squeeze(book.group(1))
    pub = re.split(r"[\s，,（(]", src.strip())[0]
    return re.sub(r"^\d.*?日", "", pub) or None


def _source_note(line: str) -> tuple[str | None, str | None] | None:
    """(publication, date) of a source line such as （原载于1月27日《光明日报》）, or None."""
    for pat in layout().source_notes:
        m = pat.match(line)
        if m:
            src = m.group("src")
            return _publication(src), parse_date(m.groupdict().get("date") or "") or parse_date(src)
    return None


def _drop_reason(line: str) -> str | None:
    """Why ``line`` is not text of the article (caption, part marker, …), or None."""
    lay = layout()
    if lay.part_marker.match(line):
        return "part_marker"
    if lay.omission.match(line):  # …………: lines left out of an excerpt
        return "omission"
    if any(p.match(line) for p in lay.captions):
        return "caption"
    half = len(line) // 2
    if len(line) >= 8 and line[:half] == line[half:]:  # a copied photo's alt text and caption: XX
        return "caption"
    if lay.editor.match(line):
        return "editor"
    if lay.note_line.match(line):
        return "note"
    if lay.box_marker.match(line):
        return "box_heading"
    if lay.related.match(line) or lay.continuation.fullmatch(line):
        return "continuation"
    # a footer's words (版权所有, 未经许可不得转载) inside a long closed paragraph are the story's own
    # (……一定要获得版权所有者或制作人的许可。”)
    # (……一定要获得版权所有者或制作人的许可。”); a line led by its label (【免责声明】……) is not
    if len(line) <= lay.boilerplate_max:
        hit = next((p for p in lay.boilerplate if p.search(line)), None)
        if hit is not None and not hit.pattern.startswith("^") and len(line) >= 60 and _is_closed(line) and sum(
                line.count(ch) for ch in lay.sentence) >= 2:
            hit = next((p for p in lay.boilerplate if p.pattern.startswith("^") and p.search(line)), None)
        if hit is not None or lay.breadcrumb.match(line):
            return "boilerplate"
    return None


_TERM = re.compile(r"^\d{1,2}[.、．](?!\d).*[：:]$")


def _cut_inside(prev: str, nxt: str) -> bool:
    """Whether a block ends inside a bracket or a number that the next one closes or goes on with
    (……（详情请点击链接： / ）……; ……获得了5 / 00万元的体彩大奖; ……法国为1. / 98％。): a cut even on a
    saved page. A point after a digit is a decimal point, not a full stop, when digits follow.

    >>> _cut_inside("而这一比重在美国为3.6％，法国为1.", "98％。2005年中国军费……")
    True
    """
    opened = prev.count("（") + prev.count("(") > prev.count("）") + prev.count(")")
    decimal = len(prev) >= 2 and prev[-1] in ".．" and prev[-2].isdigit()
    return (nxt[0] in "）)" and opened) or ((prev[-1].isdigit() or decimal) and nxt[0].isdigit())


def _continues(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` carries on the paragraph ``prev`` that the layout broke."""
    lay = layout()
    if lay.item_start.match(nxt):
        return False
    if _cut_inside(prev, nxt):
        return True
    if _is_closed(prev):
        # an arabic-numbered term and its definition on the next line: 1.“四上”企业： / 现阶段……
        return bool(_TERM.match(prev)) and len(prev) <= 20
    # a line cut after 的 or 和 or inside quotation marks (…“双向 / 揭榜 / 挂帅”), a character that
    # cannot start one, or a stray fragment (PM / 2.5)
    if (prev[-1] in lay.non_final or prev.count("“") > prev.count("”") or nxt[0] in lay.non_initial
            or (nxt.isascii() and len(nxt) <= 8)):
        return True
    return not _is_short(nxt)


def _join(a: str, b: str) -> str:
    """The two parts of a broken paragraph: joined as they are, with a space between two Latin
    words (``PM`` and ``2.5`` give ``PM2.5``)."""
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return f"{a} {b}"
    return a + b


def _core(line: str) -> str:
    return line.rstrip("。！？!?；;，,…”’ ")


def _pull_quotes(lines: list[str], headline: str | None = None) -> set[str]:
    """Lines whose sentences repeat sentences of longer lines of the same text (pull-quotes,
    lead-ins). Lines are compared without their 电头; one pass over the text per sentence. A
    sentence the headline holds is not repeated by that (十八而志，青春万岁！谢谢大家！ closing a speech
    titled 十八而志，青春万岁——……)."""
    minimum = layout().pull_quote_min
    titles = {squeeze(headline)} if headline else set()
    titles.update(squeeze(x) for x in lines[:1])
    bodies = [dl.rest if (dl := G.split_dateline(x)) else x for x in lines]
    long_lines = [x for x in bodies if len(x) > minimum and squeeze(x) not in titles]
    text = "\n".join(long_lines)
    longest = max(map(len, long_lines), default=0)
    own = Counter(long_lines)
    found = set()
    for line in set(bodies):
        if not minimum <= len(_core(line)) <= 150 or longest < len(line) + 8:
            continue
        parts = [_core(p) for p in re.split(r"(?<=[。！？!?])", line) if len(_core(p)) >= 6]
        # a sentence is repeated when the text holds it more often than this line's copies do
        repeated = [p for p in parts if text.count(p) > own[line] * line.count(p)]
        # every sentence repeated; or, on a line without final punctuation (a lead-in), most of it
        enough = len(repeated) == len(parts) or (
            not _is_closed(line) and sum(map(len, repeated)) >= 0.5 * len(line))
        if repeated and enough:
            found.add(line)
    return found


def _series_key(line: str) -> tuple[str, int]:
    """The opening a line shares with the other headings of its series, and how many of them make
    a series (``series_min`` in ``layout.json``): an ordinal (第一，/ 一是) or its first two
    characters (这是…的五年。)."""
    m = _ORDINAL.match(line)
    ordinal, opening = layout().series_min
    if line.startswith("——"):
        return "——", ordinal  # a leading dash marks a series as an ordinal does
    return (next(g for g in m.groups() if g), ordinal) if m else (line[:2], opening)


_ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十]{1,3}点?([，、])|[一二三四五六七八九十]{1,3}(是)|(首先|其次|再次|最后)[，,])")


def _parallel_headings(lines: list[str]) -> set[str]:
    """Distinct short one-sentence lines, each over a longer paragraph, that open alike
    (``第一，……。`` … ``第三，……。``; ``这是……的五年。`` …): a series of headings, even with their
    final 。."""
    sentence = layout().sentence
    # a series led by dashes (——扎实抓好……，高质量发展的底盘持续夯实。) may run to a heading's length
    found = {x for x, nxt in pairwise(lines)
             if 4 <= len(x) <= (layout().heading_max if x.startswith("——") else 30) and x[-1] == "。"
             and not any(ch in sentence for ch in x[:-1]) and len(nxt) > 2 * len(x)}
    keys = Counter(_series_key(x)[0] for x in found)
    # three lines of one shape (锚定“新”，争当弄潮儿。 / 锻造“韧”，做好压舱石。 / 聚焦“闯”，勇当领头羊。)
    # are a series too; not lines that open by pointing back at the text above them (这注脚里，……。),
    # which the opening rule above counts (series_min)
    shapes = Counter(_shape(x) for x in found if not x.startswith(("这", "此", "那")))
    return {x for x in found if keys[_series_key(x)[0]] >= _series_key(x)[1] or shapes[_shape(x)] >= 3}


def _shape(line: str) -> str:
    """A line's punctuation with its opening word's characters as ``X`` each and every later run of
    word characters as one ``X``: ``锚定“新”，争当弄潮儿。`` → ``XX“X”，X。``; ``神奇，偶然掉在凡俗的临床上。``
    and ``叛逆，科学家族中最稀有的元素。`` share ``XX，X。``."""
    m = re.match(r"\w*", line)
    return re.sub(r"\w", "X", m.group()) + re.sub(r"\w+", "X", line[m.end():])


def _standalone_lines(lines: list[str]) -> set[str]:
    """Short one-sentence lines over a longer paragraph, other than lead-ins (以下, 如下) and
    salutations (各位代表！): in a government work report they title the text under them
    (``生态底色更加亮丽。``)."""
    lay = layout()
    return {x for x, nxt in pairwise(lines)
            if 4 <= len(x) <= lay.standalone_heading_max and x[-1] == "。"
            and not any(ch in lay.sentence for ch in x[:-1]) and not any(w in x for w in lay.lead_in_words)
            and len(nxt) > 2 * len(x)}


@dataclass(frozen=True)
class _Context:
    """What the reader knows of the whole text before reading it line by line."""

    pull_quotes: set[str]
    headings: set[str]
    standalone: set[str]  # short one-sentence lines over a longer one: a report's headings
    captions: frozenset[str] = frozenset()  # a saved page's image-block texts, without spaces
    furniture: Mapping[str, str] = field(default_factory=dict)  # a saved page's menus, summary boxes: reasons


# ---------------------------------------------------------------- articles

@dataclass
class _Draft:
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    affiliation: str | None = None
    publication: str | None = None
    source_date: str | None = None
    spoken_date: str | None = None
    dateline_date: str | None = None
    dateline: str | None = None
    occasion: str | None = None
    delivery_kind: str | None = None
    note: str | None = None
    editor_note: bool = False
    column: str | None = None  # a column tag on its own line above the text: 【新春走基层】
    opening: bool = False
    reporter: bool = False
    header: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    paras: list[tuple[str | None, str]] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    ended: bool = False
    in_header: bool = True
    captions: int = 0  # short one-line paragraphs in a row just before: captions if a credit follows
    issued_date: str | None = None  # a document's 发布/印发 date
    signed_date: str | None = None  # the date under a document's signature
    agency: str | None = None  # the agency of a dateline (新华社), a publication when no source line names one
    dialogue: list[str] = field(default_factory=list)  # the people of a 对话人 box
    page: bool = False  # a saved web page: one article, each line a block of its own
    first_line: str | None = None  # the first body line
    trailing: int = 0  # headings met since the last paragraph line (a next article's title block?)
    partial: str | None = None  # the first half of a broken delivery line
    author_hint: str | None = None  # a speaker named before the headline (习近平：…)
    lede_speaker: tuple[str, str] | None = None  # (office, name) named by a dropped lede
    skip: str | None = None  # drop the next line(s) for this reason (summary box, related links)
    credit: str | bool = False  # in a credit set over lines after the text: after its "role" or "names"
    dateline_line: bool = False  # the last line was a 电头 alone

    @property
    def empty(self) -> bool:
        return self.title is None and not self.header and not self.paras and not self.sections

    def drop(self, text: str, reason: str) -> None:
        self.dropped.append(Dropped(text, reason))


def read_text(text: str, source: str | None = None, headline: str | None = None,
              doc_id: str | None = None, captions: frozenset[str] = frozenset(),
              furniture: Mapping[str, str] | None = None, publisher: str | None = None) -> list[Article]:
    """Split raw text into articles: ``policytext.read_text(open(path).read())``.

    ``source`` (a path or name) is recorded on the articles and gives their ids (its stem), unless
    ``doc_id`` is given (``2024/report`` when stems collide, see ``doc_ids``). ``headline`` is the headline a
    saved page gives (its h1): the lines above it are page furniture; ``captions`` are the texts of
    its image blocks (without spaces), dropped as captions; ``furniture`` maps its other blocks
    that are not text (menus, navigation trails, summary boxes; without spaces) to the reason they
    are dropped; ``publisher`` the outlet its source line names (来源：西藏日报), which ranks below
    the text's own source line and above a dateline's agency (新华社拉萨2月12日电). Text with no recognisable
    structure becomes one article whose paragraphs are its lines.

    >>> (a,) = read_text("政府工作报告\\n——2025年1月15日在云南省第十四届人民代表大会第三次会议上\\n"
    ...                  "省长 王予波\\n各位代表：\\n现在，我代表省人民政府向大会报告工作。")
    >>> a.genre, a.author, a.affiliation, a.date, a.occasion
    ('report', '王予波', '省长', '2025-01-15', '云南省第十四届人民代表大会第三次会议')
    """
    if not isinstance(text, str):
        raise InputError(f"read_text expects str, got {type(text).__name__}; use policytext.read(path) for files")
    if is_traditional(text):  # read through the simplified view, then cut every string back
        view = to_simplified(text)
        return restore_script(read_text(view, source, headline and to_simplified(headline), doc_id,
                                        frozenset(map(to_simplified, captions)),
                                        {to_simplified(k): v for k, v in (furniture or {}).items()},
                                        publisher and to_simplified(publisher)), view, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if headline is None and "\u3000\u3000" in text:  # a page's blocks are its paragraphs as they are
        text = _RUN_IN.sub("\n", text)
    lines = _opening_marks([_clean_line(x) for x in text.split("\n")])
    text_lines = [x for x in lines if x]
    ctx = _Context(_pull_quotes(text_lines, headline), _parallel_headings(text_lines), _standalone_lines(text_lines),
                   captions, dict(furniture or {}))
    drafts: list[_Draft] = [_Draft(page=headline is not None)]
    if headline is not None:  # a page's navigation trail: it and the site's header above it are furniture
        crumb = next((i for i in [i for i, x in enumerate(lines) if x][:8] if layout().breadcrumb.match(lines[i])), None)
        for i in range(crumb + 1 if crumb is not None else 0):
            if lines[i]:
                drafts[0].drop(lines[i], "boilerplate")
                lines[i] = ""
    column = _column_title(drafts[0], lines)
    if column and headline == "":
        headline = column[1]  # the page's headline was its column label: the text's first line is it
    if headline:
        if column and squeeze(headline) in squeeze(column[0]):
            headline = column[1]  # the page's headline is the labelled line: the headline is the next
        _headline(drafts[0], lines, headline)
    for line in lines:
        if line:
            _line(drafts, line, ctx)
    drafts = _page_articles([d for d in drafts if not d.empty or d.affiliation or d.publication])
    for d in drafts:
        _close_header(d)
        _finish(d)
        if d.page and d.trailing:
            # headings after a page's last paragraph: its navigation and link lists
            for line in d.sections[-d.trailing:]:
                d.drop(line, "boilerplate")
            del d.sections[-d.trailing:]
    _infer_years(drafts)
    genres = [G.classify(title=(d.title or "") + (f"（{d.column}）" if d.column else ""), author=d.author, affiliation=d.affiliation,
                         publication=d.publication, dateline=d.dateline is not None or d.dateline_date is not None,
                         delivery_kind=d.delivery_kind, note=d.editor_note, opening=d.opening,
                         paragraphs=[t for _, t in d.paras], reporter=d.reporter, page=d.page, subtitle=d.subtitle)
              for d in drafts]
    # on a newspaper page of several articles, an untagged one that names no writer, reporter or
    # dateline is the paper's own commentary (an unsigned 评论员 piece as a crawl keeps it)
    genres = [g or ("commentary" if len(drafts) >= 2 and not d.page and d.title and len(d.paras) >= 5 else None)
              for d, g in zip(drafts, genres)]
    # prose with no other mark (a crawl that kept only the text): a report, the most common kind
    genres = [g or (None if len(d.paras) < 2 else "feature" if len(d.paras) >= genre_rules().feature_min_paragraphs
                    or G.voiced([t for _, t in d.paras]) else "news") for d, g in zip(drafts, genres)]
    for d, g in zip(drafts, genres):
        first = next((i for i, (_, t) in enumerate(d.paras) if genre_rules().document_article.match(t)), 0)
        if g == "document" and first and first <= 3:
            # a text set out in articles: the lines before its 第一条 are an editor's lede
            for _, text in d.paras[:first]:
                d.drop(text, "preamble")
            del d.paras[:first]
        if g == "transcript" and (who := G.interviewee([t for _, t in d.paras])) and d.author not in (who, *G.names(who).split("、")):
            d.author, d.affiliation = who, None  # an interview's author is the person interviewed, not its journalist
        if g in ("news", "commentary") and d.occasion is None and d.paras:
            # a report whose lede opens with its event (5月31日，“不忘初心、牢记使命”主题教育工作会议在京召开),
            # an editorial greeting it (……。今天，政协巴彦淖尔市第五届委员会第一次会议隆重开幕。): a sentence
            # of the first paragraph, without an aside (（文末附会议决议全文）)
            sentences = re.findall(r"[^。！？]+[。！？]?", _ASIDE.sub("", d.paras[0][1]))
            events = (genre_rules().event_lede.match(_LEDE_DATE.sub("", x)) for x in sentences[:3])
            d.occasion = next((e.group("occasion") for e in events if e), None)
            if g == "news" and d.occasion is None:
                d.occasion = _lede_meeting(sentences)
    return [
        Article(
            title=d.title,
            subtitle=d.subtitle,
            author=d.author,
            affiliation=d.affiliation,
            publication=d.publication or publisher or d.agency,
            date=_date(d, genre),
            sections=d.sections,
            paragraphs=[Paragraph(index=i, text=t, section=s) for i, (s, t) in enumerate(d.paras)],
            source=source,
            doc_id=doc_id,
            position=n,
            genre=genre,
            occasion=d.occasion,
            dateline=d.dateline,
            dropped=d.dropped,
        )
        for n, (d, genre) in enumerate(zip(drafts, genres), start=1)
    ]


# paragraphs a crawl ran into one line, each still opened by its two full-width spaces (……世界自然遗产。　　据了解，……)
_RUN_IN = re.compile(r"(?<=[。！？”」』）)])[ \t]*\u3000{2,}(?=[^\s\u3000])")


def _lede_meeting(sentences: list[str]) -> str | None:
    """The meeting a news report's lede says it comes from: a session of the NPC or CPPCC named in
    its first sentences, else the meeting its first sentence says someone spoke at.

    >>> _lede_meeting(["教育部部长周济27日下午在十届全国人大常委会第二十一次会议上说，……"])
    '十届全国人大常委会第二十一次会议'
    >>> _lede_meeting(["中纪委纠风室副主任施泽华今天在人民网举行的“规范教育收费”网上座谈会上表示，……"])
    '“规范教育收费”网上座谈会'
    """
    rules = genre_rules()
    session = next((m for x in sentences[:3] if "全国" in x and (m := rules.session.search(x))), None)
    spoken = (rules.speech_at_event.search(sentences[0]) if sentences and session is None and "会" in sentences[0]
              else None)
    found = session or spoken
    return found.group("occasion") if found else None


def _opening_marks(lines: list[str]) -> list[str]:
    """A line that is only an opening bracket or quotation mark (``（`` / ``三）改革开放……``) goes
    with the next line."""
    out: list[str] = []
    carry = ""
    for line in lines:
        if line in ("（", "(", "“", "《", "【"):
            carry += line
        elif line and carry:
            out.append(carry + line)
            carry = ""
        else:
            out.append(line)
    return out + ([carry] if carry else [])


def _headline(d: _Draft, lines: list[str], headline: str) -> None:
    """Make a page's headline the title: the line that is it (or that starts with it and goes on:
    ``……调研工作 来源于：东区办事处``, the rest becomes the next line); lines above it are page
    furniture. Without such a line, the headline is put first, unless the text starts with a
    headline of its own."""
    head = squeeze(headline)
    first = [i for i, x in enumerate(lines) if x][:20]
    found = next((i for i in first if squeeze(lines[i]) == head), None)
    for k, i in enumerate(first if found is None else ()):
        # the headline set over several lines (吉林省人民政府关于禁止在 / 吉林省嫩江干流…… / ……的通告)
        joined = ""
        for j in first[k:]:
            joined += squeeze(lines[j])
            if not head.startswith(joined) or joined == head:
                break
        if joined == head and j > i:
            for m in first[k:first.index(j)]:
                d.drop(lines[m], "repeated_title")  # its first lines
                lines[m] = ""
            lines[j] = headline
            found = j
            break
    if found is None:
        for i in first:
            line = squeeze(lines[i])
            common = len(os.path.commonprefix([line, head]))
            if (len(line) >= 4 and head.startswith(line)) or (common >= 6 and common >= 0.7 * len(head)):
                found = i
                if common < len(line) and not head.startswith(line):
                    cut = _unsqueezed(lines[i], common)
                    lines.insert(i + 1, lines[i][cut:].strip())
                    lines[i] = lines[i][:cut].strip()
                break
    if found is None:
        for i in first[:8]:
            if layout().web_furniture.match(lines[i]):
                d.drop(lines[i], "boilerplate")
                lines[i] = ""
        d.header.append(headline)  # a line of the text that looks like a headline is not the page's
        return
    for j in range(found):
        if lines[j]:
            d.drop(lines[j], "boilerplate")
            lines[j] = ""
    d.header.append(lines[found])
    lines[found] = ""


def _unsqueezed(text: str, n: int) -> int:
    """The index in ``text`` after its first ``n`` non-space characters."""
    seen = 0
    for i, ch in enumerate(text):
        if not ch.isspace():
            seen += 1
            if seen == n:
                return i + 1
    return len(text)


def _column_title(d: _Draft, lines: list[str]) -> tuple[str, str] | None:
    """A page's first line that is a column or speaker label and the headline
    (``每周一学（…）习近平：用中长期规划…``) when the headline follows alone: drop the first and
    return (first line, headline)."""
    first = [i for i, x in enumerate(lines) if x][:2]
    if len(first) < 2:
        return None
    a, b = lines[first[0]], lines[first[1]]
    if d.page and layout().column_prefix.match(a):
        # 每周一学（2026年1月19日-25日）习近平在……: the site's column label and its own words for the
        # piece; the text's own headline follows
        d.drop(a, "column_label")
        lines[first[0]] = ""
        return a, b
    prefix = layout().title_prefix.match(a[: len(a) - len(b)] + "\0") if a.endswith(b) and a != b else None
    if prefix:
        who = re.search(r"([\u4e00-\u9fff]{2,4})[：:]$", prefix.group("prefix"))
        d.author_hint = who.group(1) if who else None
        d.drop(a, "repeated_title")
        lines[first[0]] = ""
        return a, b
    return None


def _line(drafts: list[_Draft], line: str, ctx: _Context) -> None:
    """Take one non-empty line into the current draft (or a new one): metadata lines fill fields,
    layout lines are dropped with their reason, the rest is header or body text."""
    cur = drafts[-1]
    line = _strip_continuation(cur, line)
    if not line or _skipped(cur, line) or _source_line(drafts, line):
        return
    if layout().tail_source.search(line):
        cur = _next_article(drafts)
    line = _strip_tail_metadata(cur, line)
    if not line or _metadata_line(cur, line) or _dropped_line(cur, line):
        return
    if not cur.in_header and squeeze(line) in ctx.captions:  # the text of an image block
        cur.drop(line, "caption")
        return
    if squeeze(line) in ctx.furniture:  # a menu, a navigation trail, a summary box
        cur.drop(line, ctx.furniture[squeeze(line)])
        return
    cur.skip = None
    if cur.ended or (_column_headline(cur, line) and not cur.page):
        cur = _new(drafts)
    elif cur.paras and cur.trailing and G.split_dateline(line):
        cur = _next_article(drafts, minimum=1)  # a title, then a dateline: the next report
    _text_line(cur, line, ctx)


def _skipped(d: _Draft, line: str) -> bool:
    """Drop ``line`` when an earlier line said so: the rest of a page after its related links or
    footer, the link titles under 相关链接, the text of a summary box."""
    if d.skip == "page_end" and d.author is None and len(line) <= 30 and _reporters(line):
        d.author = _reporters(line)  # the reporters' line a page puts under its credits (□ 本报记者 葛灵丹)
        d.drop(line, "byline")
        return True
    if d.skip == "page_end" or (d.skip == "related" and _is_headline(line)):
        d.drop(line, "boilerplate")
        return True
    if d.skip == "summary":
        d.skip = None
        d.drop(line, "summary")
        return True
    if d.skip != "dialogue":
        d.skip = None
    return False


def _source_line(drafts: list[_Draft], line: str) -> bool:
    """An author note （作者系……） or a source line （原载于……）, 来源：…, 《人民日报》（…）."""
    cur = drafts[-1]
    signed = layout().signoff_office.match(line) if cur.paras else None
    if signed:  # 于平（媒体人） under the last paragraph: the writer and his office
        cur.author = cur.author or signed.group("name")
        cur.affiliation = cur.affiliation or signed.group("aff")
        cur.drop(line, "byline")
        cur.ended = True
        return True
    note = layout().author_note.match(line)
    if note:
        cur.affiliation = note.group("aff")
        cur.ended = bool(cur.paras)
        return True
    src = _source_note(line)
    if src is None:
        return False
    cur = _next_article(drafts)
    _set_source(cur, src)
    cur.note = line
    writer = layout().source_author.search(line)  # 来源：证券时报网作者：李在山
    if writer and cur.author is None and writer.group("name") not in layout().not_source:
        cur.author = writer.group("name")
    # a source line ends an article, except one met just below the headline (来源：河北日报)
    cur.ended = cur.ended or len(cur.paras) >= 2 or (bool(cur.paras) and cur.affiliation is not None)
    return True


def _metadata_line(d: _Draft, line: str) -> bool:
    """Page dates (时间：2026-02-02), boxes (对话人, 采访对象), excerpt sources, approval notes and a
    delivery date under a title: they fill fields or are dropped."""
    lay = layout()
    page_date = lay.page_date.match(line)
    if page_date:
        _set_source(d, (page_date.group("src"), parse_date(page_date.group("date"))))
        return True
    stamp = _page_stamp(line)
    bare = stamp is not None and line == stamp.group("date")
    if stamp and not (bare and d.paras):  # a bare date after the text is a signature's
        # a page's time stamp (2020年09月11日 18:05, 2019年09月07日 04:04 北京日报) or its info line
        # (来源: | 发布时间: 2018-05-17 | 浏览次数: 2168); a bare date under a title is the day it was said
        when = parse_date(stamp.group("date"))
        if bare:
            d.spoken_date = d.spoken_date or when
        _set_source(d, (stamp.group("src") or None, when))
        d.author = d.author or stamp.groupdict().get("by")  # 2004年7月16日08:19 [ 黄宇 ] 来源：……
        d.drop(line, "page_date")
        return True
    member = lay.dialogue_member.match(line) if d.skip == "dialogue" else None
    if member:
        d.dialogue.append(G.names(member.group("name")))
        d.drop(line, "box")
        return True
    interviewee = lay.interviewee.match(line)
    if interviewee or lay.interview_box.match(line) or lay.dialogue_box.match(line):
        if interviewee:
            d.author = d.author or interviewee.group("name")
        d.skip = "dialogue" if lay.dialogue_box.match(line) else None
        d.drop(line, "box")
        return True
    if lay.excerpt_source.match(line):
        d.drop(line, "excerpt_source")
        return True
    excerpt = genre_rules().excerpt_note.match(line) if d.paras else None
    if excerpt:
        # 求是's note after the text: （习近平总书记2025年7月1日在……会议上讲话的一部分）
        d.editor_note = True
        d.author = d.author or excerpt.group("name")
        d.spoken_date = parse_date(excerpt.group("date"))
        d.occasion = d.occasion or squeeze(excerpt.group("occasion"))
        d.drop(line, "note")
        return True
    approval = lay.approval_note.match(line) if not d.paras else None
    if approval:
        if approval.group("act") in ("发布", "印发", "公布") or d.issued_date is None:
            d.issued_date = parse_date(approval.group("date"))
        d.drop(line, "note")
        return True
    when = lay.parenthesized_date.match(line) if not d.paras else None
    if when and G.delivery(line) is None:  # （2018年5月28日）, （1月13日下午，……）
        d.spoken_date = d.spoken_date or parse_date(when.group("date"))
        return True
    return False


def _page_stamp(line: str) -> re.Match[str] | None:
    """A page's time stamp or info line (``2020年09月11日 18:05``, ``来源: | 发布时间: 2018-05-17 |
    浏览次数: 2168``), or None."""
    return next((m for p in layout().page_stamps if (m := p.match(line))), None)


# the writer in a photo credit line: 顶端新闻·河南商报记者马俊峰/文受访者供图, 文/记者 张三 图/李四
_WRITER_CREDIT = re.compile(r"(?:记者|^)\s*(?P<a>[\u4e00-\u9fff]{2,4})\s*[/／]\s*文|文\s*[/／]\s*(?:记者)?\s*(?P<b>[\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])")
_COLUMN_TAG = re.compile(r"^【([\u4e00-\u9fff·]{2,10})】$")


def _dropped_line(d: _Draft, line: str) -> bool:
    """Captions, part markers, editor credits, boilerplate, summary boxes, related links, a lede
    before 全文如下：; on a saved page, a credit or footer after the story ends it."""
    lay = layout()
    if lay.photo_credit.match(line):
        _drop_caption(d, line)
        return True
    if lay.editor_signature.match(line) and not lay.keep_editor_note and len(d.paras) <= 2:
        # an editor's note above the article, signed ——编者
        for _, text in d.paras:
            d.drop(text, "editor_note")
        d.paras.clear()
    reason = _drop_reason(line)
    if reason:
        d.drop(line, reason)
        writer = _WRITER_CREDIT.search(line) if reason == "caption" and d.author is None else None
        d.author = G.names(writer.group("a") or writer.group("b")) if writer else d.author
        d.skip = "summary" if reason == "box_heading" and not lay.keep_box_text else None
        if d.page and reason in ("editor", "boilerplate") and len(d.paras) >= 2:
            d.skip = "page_end"
        return True
    column = _COLUMN_TAG.match(line) if not d.paras else None
    if column:  # a column tag on its own line (【新春走基层】): it marks the genre as a title's tag would
        d.column = d.column or column.group(1)
        d.drop(line, "column_label")
        return True
    if lay.lead_box.match(line):  # ■ 完成……，需要……: the lead box over a report
        d.drop(line, "summary")
        return True
    reporters = lay.signoff_reporters.match(line) if d.paras else None
    if reporters:  # （本报记者张文豪、刘军国、李君强参与采写）: the reporters, and the end of the piece
        d.author = d.author or G.names(reporters.group("names"))
        d.reporter = True
        d.drop(line, "byline")
        d.ended = True
        return True
    if d.paras and lay.attribution.match(line):  # ——陈立群：《我的教育主张》 under a quotation
        d.drop(line, "attribution")
        return True
    summary = lay.summary.match(line)
    if summary:
        d.drop(line, "summary")
        d.skip = None if summary.group("rest") else "summary"
        return True
    related = lay.related_links.match(line)
    if related:
        d.drop(line, "boilerplate")
        # on a page, links after the story end it; so does a reading list (延伸阅读：……) after the text
        # a crawl kept; a link list above the story (推荐阅读) is skipped
        listed = len(d.paras) >= 2 and related.group(1) not in ("相关链接", "作者简介", "作者介绍", "关于作者")
        d.skip = "page_end" if (d.page and d.paras) or listed else "related"
        return True
    if lay.preamble.search(line):
        _preamble(d, line)
        return True
    return False


def _text_line(d: _Draft, line: str, ctx: _Context) -> None:
    """A line of the article's own text: a 求是 editor's note, a dateline, a header line, a
    reporters' line, a pull-quote, or body text."""
    note = G.editor_note(line)
    if note and (not d.paras or line.lstrip("※ ").startswith("这是")):  # a lede, or 求是's ※ note after
        d.editor_note = d.editor_note or bool(d.paras)  # 求是's note follows the text; a lede precedes it
        d.author = d.author or note.author
        if d.spoken_date is None or (d.spoken_date.startswith("--") and note.date and note.date[:1] != "-"):
            d.spoken_date = note.date  # the note's full date over a month and day under the title
        d.drop(line, "note")
        return
    dl = G.split_dateline(line) if not d.paras else None
    if dl:
        _set_dateline(d, dl)
        d.dateline_line = not dl.rest
        if not dl.rest:
            return
        line = dl.rest
    elif d.dateline_line and d.author is None and not d.paras:
        # the reporters on the line under a 电头 that stands alone (本报北京2月22日电 / 记者洪文军报道：……)
        rules = genre_rules()
        r = rules.dateline_reported.match(line) or rules.dateline_reporters.match(line)
        if r and r.end() < len(line):
            d.author, d.reporter = G.names(r.group("names")), True
            line = line[r.end():].strip(_SPACES)
    if not dl:
        d.dateline_line = False
    dash = layout().subtitle_prefixes
    if d.title and d.subtitle is None and not d.paras and not d.sections and line.startswith(dash):
        # the deck under a headline the 电头 gave (……电 题：…… / ——访……新闻发言人黄强)
        d.subtitle = line.lstrip("".join(dash) + " ")
        return
    if d.in_header and _header_line(d, line):
        return
    if _credit_lines(d, line):
        return
    reporters = _reporters(line) if len(line) <= 30 or (
        len(line) <= 2 * layout().heading_max and _TEAM.fullmatch(line)) else None
    if reporters:
        # a reporters' line inside the body (新京报记者 陆一夫) or under a column tag (【新春走基层】)
        d.author = d.author or reporters
        d.reporter = d.reporter or "记者" in line
        d.dateline = d.dateline or G.sent_from(line)
        d.drop(line, "byline")
        return
    if line in ctx.pull_quotes and not _is_short(line):  # a short one is a heading the text repeats
        d.drop(line, "pull_quote")
        return
    report = d.delivery_kind is not None and genre_rules().report_title.search(d.title or "") is not None
    _body_line(d, line, line in ctx.headings or (report and line in ctx.standalone))


def _date(d: _Draft, genre: str | None) -> str | None:
    """The article's date. A report's, speech's or 求是 speech's is the day it was delivered, as
    the text gives it (a speech released with a dateline, （新华社北京7月21日电）, was given that
    day), else None: the day it was printed or posted is not that. A document's is its issue date
    or the date under its signature. Others: the publication date printed with it, else the
    dateline's, else the date under a signature."""
    spoken = d.spoken_date or (d.dateline_date if d.opening else None)
    if genre in genre_rules().delivered_genres and (genre != "qiushi" or d.editor_note):
        return spoken
    if genre == "document":  # its own date (发布, 落款) before the date it was printed or posted
        return d.issued_date or d.signed_date or d.source_date or d.dateline_date
    return spoken or d.issued_date or d.source_date or d.dateline_date or d.signed_date


def _column_headline(d: _Draft, line: str) -> bool:
    """A headline with a column tag (``……（和音）``, ``……（人民时评）``) after an article's body starts
    the next article, even without a source line between them."""
    if len(d.paras) < 2 or d.in_header or not _is_headline(line):
        return False
    tag = _TAIL_TAG.search(line)
    rules = genre_rules()
    same = tag is not None and d.title is not None and d.title.endswith(tag.group())
    return same or bool(rules.commentary_tag.search(line) or rules.feature_tag.search(line))


def _page_articles(drafts: list[_Draft]) -> list[_Draft]:
    """On a saved page, what follows the last story's source line without two paragraphs of its
    own or without a headline (link lists, recommended stories, an editor's credit and a notice)
    is page furniture, not an article."""
    kept = drafts[:1]
    for d in drafts[1:]:
        if d.page and (len(d.paras) < 2 or not (d.header or d.title)):
            prev = kept[-1]
            for text in [*filter(None, [d.title, d.subtitle]), *d.header, *d.sections, *(t for _, t in d.paras)]:
                prev.drop(text, "boilerplate")
            prev.dropped.extend(d.dropped)
        else:
            kept.append(d)
    return kept


def _next_article(drafts: list[_Draft], minimum: int = 2) -> _Draft:
    """A source line (or a dateline) under a title block after an article's body (of at least
    ``minimum`` paragraphs) starts the next article: the headings met since the last paragraph are
    that article's title and byline."""
    cur = drafts[-1]
    if len(cur.paras) < minimum or not cur.trailing or cur.trailing > 4 or cur.page:
        return cur
    block = cur.sections[-cur.trailing:]
    del cur.sections[-cur.trailing:]
    cur.trailing = 0
    new = _new(drafts)
    for line in block:
        if not _header_line(new, line):
            _body_line(new, line)
    new.in_header = True
    return new


def _new(drafts: list[_Draft]) -> _Draft:
    drafts.append(_Draft(page=drafts[-1].page))
    return drafts[-1]


def _set_source(d: _Draft, src: tuple[str | None, str | None]) -> None:
    if src[0] not in layout().not_source:  # 来源：本站原创 names no publisher
        d.publication = d.publication or src[0]
    d.source_date = d.source_date or src[1]


def _strip_continuation(d: _Draft, line: str) -> str:
    """Remove 转版 markers (（下转第三版）, （上接第一版）) from ``line``, keeping them as dropped."""
    for m in reversed(list(layout().continuation.finditer(line))):
        d.drop(m.group(), "continuation")
        line = line[: m.start()] + line[m.end():]
    return line.strip(_SPACES)


def _strip_tail_metadata(d: _Draft, line: str) -> str:
    """Take a source line (《 人民日报 》（ 2020年10月18日 01 版）) and a web tail (（本文来自……）)
    from the end of ``line``, a page's time stamp from its start; the rest is text. A sign-off
    dateline (（新华社北京7月21日电）) gives its place, date and reporters and stays in the text
    unless it stands alone."""
    tail = layout().tail_boilerplate.search(line)
    if tail and tail.start() > 0:
        d.drop(tail.group().strip(), "boilerplate")
        line = line[: tail.start()]
    m = layout().tail_source.search(line)
    if m:
        _set_source(d, (_publication(m.group("src")), parse_date(m.group("src"))))
        d.note = m.group("src")
        line = line[: m.start()].strip(_SPACES)
        d.ended = d.ended or (not line and len(d.paras) >= 2)
    pager = layout().glued_pager.search(line) if "]" in line else None
    if pager and pager.start() > 0:
        d.drop(pager.group().strip(), "boilerplate")
        line = _clean_line(line[: pager.start()])
    glued = layout().glued_source.search(line) if "出处" in line or "来源" in line else None
    if glued:
        src = glued.group("src")
        if re.search(r"(?:报|网|社|台|刊|杂志|新闻|客户端|频道)$", src) or src in genre_rules().agencies:
            _set_source(d, (src, None))
        elif len(src) <= 4:
            d.author = d.author or src
        d.drop(glued.group().strip(), "source")
        line = line[: glued.start()].strip(_SPACES)
    lead = layout().leading_page_date.match(line)
    if lead and lead.end() < len(line):
        # 最后更新: 2019-09-07 15:14:21 9月3日，…… : a page's time stamp before the text
        _set_source(d, (None, parse_date(lead.group("date"))))
        line = line[lead.end():]
    sign = G.split_signoff(line) if line else None
    if sign:
        # the sign-off stays in the text (it is part of the last paragraph as printed)
        before, place, date, reporters = sign
        d.dateline = d.dateline or place
        d.dateline_date = d.dateline_date or date
        d.author = d.author or reporters
        if not before.strip(_SPACES):
            return ""
    return line


def _set_dateline(d: _Draft, dl: G.Dateline) -> None:
    _close_header(d)
    d.dateline = dl.place
    d.dateline_date = dl.date
    d.agency = None if dl.agency in ("本报", "本站") else dl.agency
    if dl.author and d.author is None:
        d.author = dl.author
        d.reporter = True
    if dl.title:
        if d.title is None:
            d.title = dl.title
        else:
            d.drop(dl.title, "repeated_title")


def _preamble(d: _Draft, line: str) -> None:
    """``以下为报告全文：``: the lines before it are a news lede, not the text; start again."""
    for _, text in d.paras:
        d.drop(text, "preamble")
    d.lede_speaker = d.lede_speaker or G.speaker_in(line) or next(
        (sp for _, t in d.paras if (sp := G.speaker_in(t))), None)
    d.drop(line, "preamble")
    d.paras.clear()
    if d.title is None:
        for text in d.sections:
            d.drop(text, "preamble")
        d.sections.clear()
        d.in_header = True


def _drop_caption(d: _Draft, line: str) -> None:
    """A photo credit (……摄) follows its caption: drop the short one-line paragraph just before it,
    or all of those in a row before ``以上图片均为……摄``."""
    lay = layout()
    if len(line) <= lay.credit_only_max:
        for _ in range(d.captions if lay.credit_all.match(line) else min(d.captions, 1)):
            d.drop(d.paras.pop()[1], "caption")
        d.captions = 0
    d.drop(line, "caption")


def _byline(d: _Draft, line: str) -> bool:
    lay = layout()
    if lay.not_byline.match(line):
        return False
    role = lay.role_byline.match(line)
    if role:
        d.author = G.names(role.group("name"))
        return True
    slash = lay.slash_byline.match(line)
    if slash:  # 石佳/中国青年报: the writer and the paper
        d.author = G.names(slash.group("names"))
        _set_source(d, (slash.group("src"), None))
        return True
    both = lay.byline_source.match(line)
    if both:
        src = _source_note(both.group("src"))
        if src is not None and (lay.byline.match(both.group("by")) or lay.commentator.match(both.group("by"))):
            _set_source(d, src)
            d.note = both.group("src")
            line = both.group("by")
    m = lay.byline.match(line)
    if m:
        office, name = G.office_and_name(m.group("names"))
        if name:
            # a speech's byline: 国务院总理　李克强, 陕西省省长 赵刚, 国务院总理李克强
            d.affiliation = d.affiliation or office
            d.author = name
            return True
        people = G.names(m.group("names")).split("、")
        # a bare four-character line under the title (人物画像) is a heading: a name alone, without a
        # role or a second name beside it, has two or three characters
        bare = (len(people) == 1 and line == m.group("names") and len(people[0]) == 4
                and not people[0].startswith(_COMPOUND_SURNAMES))
        if all(2 <= len(n) <= 4 for n in people) and not bare:
            d.author = "、".join(people)
            d.reporter = "记者" in line
            d.dateline = d.dateline or G.sent_from(line)
            return True
    if lay.commentator.match(line):
        d.author = line
        return True
    return False


_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文",
                      "司徒", "端木", "独孤", "南宫", "西门", "轩辕", "百里", "呼延", "澹台", "公冶", "太史")


def _delivery(d: _Draft, line: str) -> bool:
    """Take the delivery line of a report or speech under its title."""
    dl = G.delivery(line)
    if dl is None:
        return False
    d.subtitle = dl.line.lstrip("".join(layout().subtitle_prefixes) + " ")
    d.spoken_date = d.spoken_date or dl.date
    d.occasion = squeeze(dl.occasion)
    d.delivery_kind = dl.kind or "delivered"
    if dl.name and d.author is None:
        d.author, d.affiliation = dl.name, d.affiliation or dl.office
    return True


_DELIVERY_START = re.compile(r"^[—－-]*\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^，。]*在[^，。]*$")


def _header_line(d: _Draft, line: str) -> bool:
    """Take ``line`` into the header (title lines, byline) of ``d``; False when it starts the body."""
    if d.partial is not None:
        # a delivery line broken in two: ——2026年1月26日在广东省第十四届 / 人民代表大会第五次会议上
        partial, d.partial = d.partial, None
        if _delivery(d, partial + line):
            return True
        d.header.append(partial)
    if (d.header or d.title) and d.subtitle is None and line not in d.header:
        if _delivery(d, line):
            return True
        if _DELIVERY_START.match(line) and len(line) <= layout().heading_max:
            d.partial = line
            return True
    dated = genre_rules().byline_date.match(line)
    if dated and d.author is None and (d.header or d.title):
        # 王  琛  2020.6.20: the speaker and the day
        d.author, d.spoken_date = G.names(dated.group("name")), parse_date(dated.group("date"))
        return True
    if d.author is None and (d.header or d.publication or d.title) and _byline(d, line):
        _close_header(d)
        return True
    # a headline may end with ？, ！ or 》 on the first line; on the second (the title under an 引题) only
    # with a book title (公布《政务数据共享条例》), as a short question there opens the text
    headline = _is_headline(line) and (not d.header or line.endswith("》"))
    # on a page, the piece's own headline with its subtitle under the page's headline
    # (凝聚奋进新时代的磅礴力量——习近平总书记……意义重大、振奋人心)
    headline = headline or (d.page and len(d.header) == 1 and "——" in line and len(line) <= 2 * layout().heading_max
                            and not any(ch in layout().sentence for ch in line))
    # a text's first line that is a headline and its deck (“彻底取消杂费……‘活口’！”——……旁听纪实): no
    # sentence outside its quotation marks, no final punctuation
    headline = headline or (d.empty and _decked_headline(line))
    if len(d.header) < 3 and d.author is None and (_is_short(line) or headline):
        d.header.append(line)
        return True
    _close_header(d)
    return False


def _decked_headline(line: str) -> bool:
    """A headline with its deck after a dash on one line: not closed, not longer than two
    headlines, without a sentence outside quotation marks.

    >>> _decked_headline("“彻底取消杂费，不给教育乱收费留下‘活口’！”——全国人大常委会组成人员分组审议义务教育法修订草案旁听纪实")
    True
    >>> _decked_headline("他说：“我们要干。”——这是大家的心声。")
    False
    """
    lay = layout()
    outside = re.sub(r"“[^“”]*”", "", line)
    return (len(line) <= 2 * lay.heading_max and not _is_closed(line) and lay.title_subtitle_split.match(line) is not None
            and not any(ch in lay.sentence or ch in "，," for ch in outside))


def _close_header(d: _Draft) -> None:
    """Turn the short lines before the byline or body into title, subtitle and headings.

    Two title lines before a byline are a kicker and a title (人民日报 style) unless the second
    starts with a dash (a subtitle); a second line that the title already holds is a repeat."""
    d.in_header = False
    lines, d.header = d.header, []
    if not lines or d.title is not None:
        d.sections.extend(lines)
        return
    if len(lines) >= 2 and lines[1] in lines[0]:
        d.drop(lines.pop(1), "repeated_title")
    if len(lines) >= 2 and lines[1].startswith(("答记者问", "答网友问", "答问")):
        lines[0:2] = [lines[0] + lines[1]]  # 中央办公厅负责人就《…》 / 答记者问: one title
    dash = layout().subtitle_prefixes
    dated = layout().dated_heading
    if lines[0].startswith(dash) and not d.page:
        # a deck without its headline (——评崔永元《不过如此》: a crawl that lost the headline)
        d.subtitle = lines.pop(0).lstrip("".join(dash) + " ")
        if not lines:
            return
    if d.page and len(lines) >= 2 and not lines[1].startswith(dash) and not layout().item_start.match(lines[1]):
        # a page's headline, then the piece's own headline: a subtitle after its dash
        # (凝聚奋进新时代的磅礴力量——习近平总书记……), else a repeat in other words
        split = layout().title_subtitle_split.match(lines[1]) or re.match(r"^(?P<title>.{4,}?)——(?P<subtitle>\S.{3,})$", lines[1])
        if split and d.subtitle is None:
            d.subtitle = split.group("subtitle")
        if not split and d.subtitle is None and "，" in lines[1]:
            d.subtitle = lines.pop(1)  # a deck of clauses (……李扬说，宏观政策应该相对稳定，……) is no headline
        else:
            d.drop(lines.pop(1), "repeated_title")
    if len(lines) >= 2 and lines[1].startswith(dash):
        d.title, d.subtitle = lines[0], lines[1].lstrip("".join(dash) + " ")
        rest = lines[2:]
    elif len(lines) >= 2 and not dated.match(lines[1]) and (
            ((d.author is not None or (d.note is not None and not d.page)) and d.subtitle is None)
            or dated.match(lines[0])):
        # an 引题 above the title (two title lines before a byline or a source line), or a dated
        # line above it; the 引题's closing dash (……服务体系——) leads into the title
        d.subtitle, d.title = lines[0].rstrip("".join(dash) + " "), lines[1]
        rest = lines[2:]
    else:
        d.title, rest = lines[0], lines[1:]
    d.title = d.title.rstrip("※ ") if d.title else d.title  # 求是's footnote mark
    d.subtitle = d.subtitle.rstrip("※ ") if d.subtitle else d.subtitle
    split = layout().title_subtitle_split.match(d.title or "")
    if split and d.subtitle is None:
        d.title, d.subtitle = split.group("title"), split.group("subtitle")
    spoken = G.delivery(d.title or "") or G.delivery(d.subtitle or "")  # ……——王琛校长在……上的致辞
    if spoken and d.occasion is None:
        d.occasion = spoken.occasion
        d.delivery_kind = d.delivery_kind or spoken.kind
    if spoken and spoken.name and d.author in (None, spoken.name):
        # the speaker in the headline: 沈江峰校长在……毕业典礼上的讲话
        d.author, d.affiliation = spoken.name, d.affiliation or spoken.office
    # the meeting a report is about: ……会议在京召开, ……举办……吹风会
    event = genre_rules().event_title.match(d.title or "") or genre_rules().held_event.search(d.title or "")
    if event and d.occasion is None:
        d.occasion = event.group("occasion")
    for extra in rest:
        if d.subtitle is None and (extra.startswith(dash) or dated.match(extra)):
            d.subtitle = extra.lstrip("".join(dash) + " ")
        else:
            d.sections.append(extra)


def _next_item(d: _Draft, line: str) -> bool:
    """Whether a numbered line goes on a list whose last item was a paragraph (一、……。 / 二、……。 /
    三、……。 of a notice): an item too, not a heading."""
    num = layout().numbered_heading
    m, prev = num.match(line), (d.paras[-1][1] if d.paras and not d.trailing else "")
    p = num.match(prev)
    shape = lambda marker: re.sub("[一二三四五六七八九十百]+", "N", marker)
    return bool(m and p and line[-1] in "。；" and shape(m.group()) == shape(p.group()))


def _is_heading(line: str) -> bool:
    """A heading between paragraphs: short and unclosed; or numbered (``五、``, ``（一）``, ``一是``)
    and either ending with a colon (``五、活动内容：``) or one sentence (``一是推动经济稳中向好。``).
    A numbered label with its content (``一、活动主题：学习全会精神``) is text."""
    lay = layout()
    if line[-1] in lay.non_final:  # “十五五”时期经济社会发展的 / 主要目标 / 是：……
        return False
    if lay.bracket_heading.match(line):  # 【世卫：即使20%的人拥有抗体 新冠病毒还能有效传播】
        return True
    if lay.numbered_heading.match(line) and len(line) <= lay.numbered_heading_max:
        colon = max(line.find("："), line.find(":"))
        if colon == len(line) - 1:
            return True
        if colon > 0:
            return False
        if line[-1] in "。！" and not any(ch in lay.sentence for ch in line[:-1]):
            return True
        if line[-1] not in lay.closing and not any(ch in lay.sentence for ch in line):
            return True  # a long numbered heading without final punctuation (一、……，深刻认识……的现实意义)
    return _is_short(line)


def _lead_in(d: _Draft, line: str) -> bool:
    """A commentary's lead-in: its first body line, a long clause without final punctuation
    (``……具有跨越国界的启示意义``), before a paragraph that starts a sentence."""
    if len(d.paras) != 1 or d.trailing or not genre_rules().commentary_tag.search(d.title or ""):
        return False
    first = d.paras[0][1]
    return (first == d.first_line and len(first) > layout().heading_max and _CJK_END.search(first) is not None
            and line[0] not in layout().non_initial and not _is_short(line))


_CJK_END = re.compile(r"[\u4e00-\u9fff]$")
_ASIDE = re.compile(r"[（(][^（()）]{1,20}[)）]")
_LEDE_DATE = re.compile(r"^(?:\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?|今天|今日|昨天|昨日)(?:上午|下午|晚)?，")


def _reporters(line: str) -> str | None:
    """The names of a line that is only reporters' names after their role: ``新京报记者 陆一夫``, or a
    team's line of roles and names (``本报驻韩国特派记者　徐宝康　本报记者　程刚　……``).

    >>> _reporters("本报驻韩国特派记者　徐宝康　本报记者　程刚　本报驻美国、韩国、日本特约记者　牛雨辰　刘复晨")
    '徐宝康、程刚、牛雨辰、刘复晨'
    """
    if not re.search(r"(?:记者|通讯员)\s*[\u4e00-\u9fff]", line):
        return None
    if not layout().byline.match(line) and not (_TEAM.fullmatch(line) and len(_TEAM_ROLE.findall(line)) >= 2):
        return None
    people = G.names(line)
    return people if people and all(2 <= len(n) <= 4 for n in people.split("、")) else None


# a reporting team's line: roles and names only, spaced (本报驻韩国特派记者　徐宝康　本报记者　程刚)
_TEAM = re.compile(r"[\u4e00-\u9fff·、]+(?:[\s\u3000]+[\u4e00-\u9fff·、]+)+")
_TEAM_ROLE = re.compile(r"(?:记者|通讯员|实习生)(?=[\s\u3000])")


# a credit set over lines after the text: ■三湘华声全媒体记者 / 林锐新  王为薇 / 实习生  张洋银  周笑雨
_ROLE_ONLY = re.compile(r"^[■□●◆]?\s*[\u4e00-\u9fff]{0,12}?(?:记者|通讯员|实习生)$")
_ROLE_NAMES = re.compile(r"^(?P<role>(?:记者|通讯员|实习生)\s*)?[\u4e00-\u9fff]{2,4}(?:[\s\u3000\xa0、]+[\u4e00-\u9fff]{2,4})*$")


def _credit_lines(d: _Draft, line: str) -> bool:
    """A reporters' credit after the text whose role and names stand on lines of their own: the
    role line, the names line under it and further role-and-names lines are the byline."""
    names = _ROLE_NAMES.match(line) if d.credit else None
    if d.paras and _ROLE_ONLY.match(line):
        d.credit = True
    elif names and (d.credit == "role" or names.group("role")):
        known = [n for n in (d.author or "").split("、") if n]
        d.author = "、".join(dict.fromkeys(known + [n for n in G.names(line).split("、") if n]))
    else:
        d.credit = False
        return False
    d.credit = "role" if _ROLE_ONLY.match(line) else "names"
    d.drop(line, "byline")
    return True


def _body_line(d: _Draft, line: str, heading: bool = False) -> None:
    lay = layout()
    d.first_line = d.first_line or line
    if lay.signature_date.match(line) and d.paras:
        # the date under a document's signature, and the issuer just above it
        d.signed_date = parse_date(line)
        if d.trailing:
            d.drop(d.sections.pop(), "signature")
        d.drop(line, "signature")
        d.trailing = 0
        return
    if not d.paras and genre_rules().speech_opening.match(line):
        d.opening = True
        d.occasion = d.occasion or genre_rules().speech_opening.match(line).group("occasion")  # type: ignore[union-attr]
    if _lead_in(d, line):
        d.drop(d.paras.pop()[1], "pull_quote")
    if d.paras and _continues(d.paras[-1][1], line) and (
            not d.page or d.paras[-1][1][-1] in "，、" or _cut_inside(d.paras[-1][1], line)):
        # on a saved page only a block cut after a comma, inside a bracket or a number goes on
        sec, prev = d.paras[-1]
        d.paras[-1] = (sec, _join(prev, line))
        d.captions = d.trailing = 0
    elif (heading or (_is_heading(line) and not (d.paras and d.paras[-1][1].endswith("；") and not _is_short(line)))
          ) and not _next_item(d, line):
        d.sections.append(line)
        d.captions = 0
        d.trailing += 1
    else:
        d.paras.append((d.sections[-1] if d.sections else None, line))
        d.captions = d.captions + 1 if len(line) <= lay.caption_max else 0
        d.trailing = 0
        if d.page and len(d.paras) >= 2 and lay.signoff_author.search(line):
            d.skip = "page_end"  # a page's story ends with its sign-off (……。（姚峰 上海报道）)


_NUMBER_MARK = re.compile(r"^[\u4e00-\u9fff]{0,3}?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．]|^[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]")


def _number_mark(line: str) -> str | None:
    """The numbering that opens a heading, with its number left out: ``1、 玉米`` and
    ``2、 花生、蚕豆、南瓜`` give ``N、``, ``隐忧六、外资依赖`` gives ``隐忧N、``."""
    m = _NUMBER_MARK.match(line)
    return re.sub(r"\d{1,2}|[一二三四五六七八九十]{1,3}", "N", m.group()) if m else None


def _finish(d: _Draft) -> None:
    """Metadata known only at the end: the people of a dialogue box, a speaker named before the
    headline or in a sign-off, a New Year address's speaker, a byline glued to the first paragraph
    (``习近平一当前，……``); a first line numbered like the headings after it (``1、 玉米`` …
    ``2、 花生、蚕豆、南瓜``) is the first of them, not a title: the text starts inside an article."""
    mark = _number_mark(d.title) if d.title and d.subtitle is None and not d.page else None
    if mark and any(_number_mark(x) == mark for x in d.sections):
        first = d.title
        d.title = None
        d.sections.insert(0, first)
        d.paras = [(s if s is not None else first, t) for s, t in d.paras]
    # a sign-off on a line of its own under the last paragraph (（袁源）): the byline, not a paragraph
    alone = layout().signoff_author.match("。" + d.paras[-1][1]) if len(d.paras) >= 3 else None
    if alone and not alone.group("names").endswith(("报", "社", "网", "台", "观察", "评论")):
        d.drop(d.paras.pop()[1], "byline")
        d.author = d.author or G.names(alone.group("names"))
    if d.dialogue and (d.author is None or d.author in d.dialogue):
        d.author = "、".join(dict.fromkeys(d.dialogue))
    d.author = d.author or d.author_hint
    signed = layout().signoff_author.search(d.paras[-1][1]) if d.paras and d.author is None else None
    if signed and not signed.group("names").endswith(("报", "社", "网", "台", "观察", "评论")):
        d.author = G.names(signed.group("names"))
        d.reporter = d.reporter or (d.note is None and d.affiliation is None)  # a reporter's sign-off: （姜曙光）
    d.author = d.author or G.new_year(d.title or "")
    # an author note closing the last paragraph (……反思。▲（作者是《环球时报》评论员）): it stays in the text
    note = _TRAILING_NOTE.search(d.paras[-1][1]) if d.paras and d.affiliation is None else None
    if note:
        d.affiliation = note.group("aff")
    if d.author is None and genre_rules().new_year_title.search(d.title or ""):
        # 国家主席习近平发表二〇二四年新年贺词
        d.affiliation, d.author = G.speaker_in(d.title or "") or (d.affiliation, None)
    if d.lede_speaker and d.author == d.lede_speaker[1]:
        d.affiliation = d.affiliation or d.lede_speaker[0]
    if d.author and d.paras and d.paras[0][1].startswith(d.author):
        sec, text = d.paras[0]
        marker = _GLUED_MARKER.match(text, len(d.author))
        if marker:
            d.drop(d.author, "byline")
            d.drop(marker.group(), "part_marker")
            d.paras[0] = (sec, text[marker.end():])


_TRAILING_NOTE = re.compile(r"[。！？”▲■]\s*[（(]\s*作者(?:系|为|是)\s*(?P<aff>[^（）()]{2,40}?)\s*[）)]$")
# a part marker glued between a byline and the first sentence: 习近平一当前，……
_GLUED_MARKER = re.compile(r"[一二三四五六七八九十]{1,2}(?=[\u4e00-\u9fff]{2})")


def _year_for(month: int, day: int, reference: _dt.date) -> str | None:
    """The latest date ``month``-``day`` on or before ``reference`` (within a year)."""
    for year in (reference.year, reference.year - 1):
        try:
            cand = _dt.date(year, month, day)
        except ValueError:
            continue
        if cand <= reference:
            return cand.isoformat()
    return None


def _infer_years(drafts: list[_Draft]) -> None:
    """Give a year to month-day dates (``--01-27``).

    A dateline's date takes the year of the publication date it precedes, or of the same full
    date written in the text (新华社北京3月4日电 … 于2026年3月4日逝世); a year merely mentioned does
    not date it. A source line's month-day date takes its year from the latest date the article
    mentions, when the result lies within a year after it and no later year is mentioned; articles
    sharing the same source line share it."""
    by_note: dict[str, str] = {}
    for d in drafts:
        if d.dateline_date and d.dateline_date.startswith("--"):
            month, day = int(d.dateline_date[2:4]), int(d.dateline_date[5:7])
            if d.source_date and len(d.source_date) == 10:
                d.dateline_date = _year_for(month, day, _dt.date.fromisoformat(d.source_date)) or d.dateline_date
            else:
                same = [m for _, t in d.paras for m in find_dates(t)
                        if m.year is not None and (m.month, m.day) == (month, day)]
                d.dateline_date = same[0].iso if same else d.dateline_date
        if d.source_date and d.source_date.startswith("--"):
            full = _from_mentions(d, int(d.source_date[2:4]), int(d.source_date[5:7]))
            if full:
                d.source_date = full
                if d.note:
                    by_note[d.note] = full
    for d in drafts:
        if d.source_date and d.source_date.startswith("--") and d.note in by_note:
            d.source_date = by_note[d.note]


def _from_mentions(d: _Draft, month: int, day: int) -> str | None:
    mentions = [m for _, t in d.paras for m in find_dates(t) if m.year is not None]
    dated = []
    for m in mentions:
        if m.month is not None:
            try:
                dated.append(_dt.date(m.year, m.month, m.day or 1))  # type: ignore[arg-type]
            except ValueError:
                continue
    if not dated:
        return None
    latest = max(dated)
    latest_year = max(m.year for m in mentions)  # type: ignore[type-var]
    for year in (latest.year, latest.year + 1):
        try:
            cand = _dt.date(year, month, day)
        except ValueError:
            continue
        if latest <= cand and (cand - latest).days <= 366 and year >= latest_year:
            return cand.isoformat()
    return None
