"""The quotation stage's view of a paragraph and what it keeps while it reads an article:
quotation marks paired, sentences and clauses, and the speakers, meetings and scenes met so far.
Part of the quotation stage (:mod:`.quotations`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..dates import find_dates
from ..document import Article, Paragraph
from ..errors import InputError
from .cues import FILL, FULLWIDTH_DIGITS, alt, is_han, word_lists
from .entities import Mention, Recognizer

__all__ = ["Speaker", "Meeting", "Scene", "State", "Para", "with_run_on", "prepare", "intro_start", "clause_end", "clause_start", "adverbial_spans", "pick", "is_utterance", "Found", "as_article", "byline_reporter", "article_date", "outlet"]


@dataclass
class Speaker:
    """Who says the words: the canonical ``name`` (习近平), the ``mention`` in the text (总书记), the
    entity it came from, and the joint speakers of 马克思、恩格斯指出."""

    name: str | None
    mention: str | None
    ent: Mention | None = None
    date: str | None = None  # a meeting referred back to (会议强调) keeps the date it was named with
    joint: list[str] = field(default_factory=list)  # 马克思、恩格斯指出: both

    @property
    def names(self) -> list[str]:
        """Every speaker: [马克思, 恩格斯] for 马克思、恩格斯, [name] for one, [] for none."""
        return self.joint or ([self.name] if self.name else [])


@dataclass
class Meeting:
    """A meeting the article named: where, its name, who speaks for it (中共中央政治局 for
    中共中央政治局会议), its date, whether the text says it was held (召开, 举行, 主持), and whether
    everyone named after it speaks at it (a press conference; a session with speeches from the floor)."""

    pos: tuple[int, int]
    name: str
    speaker: str
    date: str | None
    held: bool
    floor: bool = False


@dataclass
class Scene:
    """The occasion of someone's words (a letter, an instruction, a meeting, a visit), its date,
    and the paragraph that named it."""

    source: str | None
    source_type: str | None
    date: str | None
    para: int


@dataclass
class State:
    """What the article has told us so far: named people (for pronouns and bare titles),
    documents and their issuers, the article's date."""

    people: list[tuple[tuple[int, int], str, str | None]] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    last: tuple[Para, tuple[int, int]] | None = None  # the previous paragraph and its last sentence
    names: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)  # names after a title the recognizer did not give (总统博里奇)
    seen: list[Para] = field(default_factory=list)  # the paragraphs read so far
    familiar: dict[str, str | None] = field(default_factory=dict)  # 老马 -> 马善祥
    issuers: dict[str, Mention] = field(default_factory=dict)
    docs: list[tuple[tuple[int, int], Mention]] = field(default_factory=list)  # for 文章指出, 意见强调
    released: dict[str, str | None] = field(default_factory=dict)  # a document's title -> the date it was issued on
    called: dict[str, str] = field(default_factory=dict)  # a title -> the word written after it (《……》报告: 报告)
    today: str | None = None  # the article's date (partial ISO): 今天, 去年, 5日 count from it
    last_day: str | None = None  # the full date written last (同日 is that day)
    outlet: str | None = None  # whose reporter an unnamed 记者 is (央视网消息 → 央视)
    reporter: str | None = None  # the one by-lined reporter, else the outlet asks (记者问)
    scenes: dict[str, Scene] = field(default_factory=dict)  # speaker -> the occasion of their last words
    messages: Scene | None = None  # 一些国家领导人通过致电致函等方式祝贺……: the messages the people named after it quote
    text: str = ""  # the whole article, one paragraph a line (where a name cut short is written in full)
    whole: dict[str, str] = field(default_factory=dict)  # 张军 -> 张军桥: names the recognizer cut short
    asked: tuple[str, str, int] | None = None  # the last question's asker, the one asked, its paragraph

    def person_before(self, where: tuple[int, int], title: str | None = None, surname: str = "") -> str | None:
        """The last person named before ``where`` (with that title, with that surname: 习总书记)."""
        for pos, name, t in reversed(self.people):
            if pos < where and (title is None or t == title or surname) and name.startswith(surname):
                return name
        if surname:  # a leader never named in full in the article
            known = {n for n in word_lists().leaders.values() if n.startswith(surname)}
            return known.pop() if len(known) == 1 else None
        return None


@dataclass
class Para:
    """A paragraph prepared for analysis: original text, masked text (quotation and 《》
    interiors replaced by FILL), quotation spans and sentence boundaries."""

    index: int
    text: str
    m: str
    spans: list[tuple[int, int]]  # top-level (open mark, close mark)
    nested: dict[int, list[tuple[int, int]]]  # open mark of a top-level span -> spans inside
    ends: list[int]  # sentence end positions (exclusive)
    rec: Recognizer  # finds the people, titles, organizations, meetings and documents
    years: list[tuple[int, int]]  # (position, year) of every year written (同年, 5月 take the last one before them)
    offset: int = 0  # where this text starts in the article paragraph (inside a quotation: > 0)
    days: list[tuple[int, str]] = field(default_factory=list)  # (position, full date) of the days written (同日 takes the last)
    day_before: str | None = None  # the full date written last in the paragraphs before

    def sentence(self, i: int) -> tuple[int, int]:
        """The sentence around position i, at most ``max_sentence`` characters either side of it
        (a paragraph without full stops stays cheap to read)."""
        k = bisect.bisect_right(self.ends, i)
        start = self.ends[k - 1] if k else 0
        end = self.ends[k] if k < len(self.ends) else len(self.text)
        w = word_lists().cues["max_sentence"]
        return max(start, i - w), min(end, i + w)


def _pair_quotes(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """All quotation spans (open index, close index) in ``text[lo:hi]``, outside 《》; stray
    marks are ignored."""
    lx = word_lists()
    hi = len(text) if hi is None else hi
    pairs: dict[str, str] = lx.cues["quote_pairs"]
    closers = {v: k for k, v in pairs.items()}
    sym = set(lx.cues["symmetric_quotes"])
    books = _book_spans(text, lo, hi)
    in_book = set()
    for s, e in books:
        in_book.update(range(s + 1, e))
    stack: list[tuple[str, int]] = []
    spans = []
    stray: list[tuple[str, int]] = []  # closers nothing opened: ”您为谁辛苦？“ has its marks reversed
    for mt in lx.quote_marks.finditer(text, lo, hi):
        i, ch = mt.start(), mt.group()
        if i in in_book:
            continue
        if ch in pairs:
            if stray and stray[-1][0] == pairs[ch] and not stack:
                spans.append((stray.pop()[1], i))
            else:
                stack.append((ch, i))
        elif ch in closers or ch in sym:
            opener = closers.get(ch, ch)
            for j in range(len(stack) - 1, -1, -1):
                if stack[j][0] == opener:
                    spans.append((stack[j][1], i))
                    del stack[j:]
                    break
            else:
                if ch in sym:
                    stack.append((ch, i))
                elif not stack:
                    stray = [(ch, i)]
    return sorted(spans)


_BOOK = re.compile("《[^》]*》")


def with_run_on(text: str, following: str) -> str:
    """The closing mark a paragraph lacks when its quotation runs on into the next paragraph, which
    opens with the same mark again (“……¶“……”), else "".

    >>> with_run_on("他说：“第一，要改革。", "“第二，要开放。”")
    '”'
    """
    pairs: dict[str, str] = word_lists().cues["quote_pairs"]
    opened = {o for o, _ in _pair_quotes(text)}
    last = next((i for i in range(len(text) - 1, -1, -1) if text[i] in pairs and i not in opened), None)
    if last is None or not following.lstrip().startswith(text[last]) or any(ch in text[last + 1:] for ch in pairs.values()):
        return ""
    return pairs[text[last]]


def _book_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(《, 》) index pairs in ``text[lo:hi]``; a 《 inside 《…》 is part of the title."""
    return [(mt.start(), mt.end() - 1) for mt in _BOOK.finditer(text, lo, hi)]


def prepare(index: int, text: str, rec: Recognizer, offset: int = 0) -> Para:
    """The paragraph ``text`` (number ``index``) as the stage reads it: its quotation spans paired
    (“……‘……’……”: the outer span, the inner ones nested), the text with quotations masked, and its
    sentence ends; ``offset`` places a quotation read as a paragraph of its own."""
    lx = word_lists()
    top: list[tuple[int, int]] = []
    nested: dict[int, list[tuple[int, int]]] = {}
    for o, c in sorted(_pair_quotes(text), key=lambda x: (x[0], -x[1])):  # one sweep: linear after sorting
        if top and o < top[-1][1]:
            if c < top[-1][1]:
                nested[top[-1][0]].append((o, c))
            continue  # a span that crosses the one it opens in (stray marks) is dropped
        top.append((o, c))
        nested[o] = []
    chars = list(text.translate(FULLWIDTH_DIGITS))
    for o, c in top + _book_spans(text, 0, len(text)):
        chars[o + 1:c] = FILL * (c - o - 1)
    m = "".join(chars)
    end_marks = set(lx.cues["sentence_end"])
    ends = [mt.end() for mt in lx.sentence_ends.finditer(m)]
    for o, c in top:
        inner = text[o + 1:c].rstrip()
        if inner and inner[-1] in end_marks:
            ends.append(c + 1)
    # years that date something (2019年11月, 2019年，), not 2024年经济工作
    years = [(d.start, d.year) for d in find_dates(m) if d.year is not None and (d.month or m[d.end:d.end + 1] in "，,")]
    return Para(index, text, m, top, nested, sorted(set(e for e in ends if e < len(text))), rec, years, offset)


def may_quote(text: str) -> bool:
    """Could the paragraph ``text`` hold a quotation, a quoted term or reported speech: a quotation
    mark or a speech verb (the paragraphs after the last such one add nothing to find).

    >>> may_quote("他说，要坚持下去。"), may_quote("会议在北京举行。")
    (True, False)
    """
    lx = word_lists()
    return lx.quote_marks.search(text) is not None or lx.verbs.search(text) is not None


def intro_start(p: Para, i: int) -> int:
    """Where the words that introduce position i begin: the sentence start or the last ； before i."""
    lo, _ = p.sentence(i)
    semi = max(p.m.rfind("；", lo, i), p.m.rfind(";", lo, i))
    return semi + 1 if semi >= 0 else lo


def clause_end(p: Para, i: int) -> int:
    """Where the clause that holds ``i`` ends: the next comma, semicolon or full stop (，；。)."""
    marks = set(word_lists().cues["clause_marks"]) | set(word_lists().cues["sentence_end"])
    j = i
    while j < len(p.m) and p.m[j] not in marks:
        j += 1
    return j


def clause_start(p: Para, i: int, lo: int) -> int:
    """Start of the clause that ends at i: after ，；： or after a quotation of said words
    (“……。”王福山说), not after a quoted term (他在“连家船民”上岸定居现场会上说)."""
    cues = word_lists().cues
    marks = set(cues["clause_marks"])
    closers = set(cues["quote_pairs"].values()) | set(cues["symmetric_quotes"])
    said = marks | set(cues["sentence_end"]) | {"…"}
    j = i
    while j > lo and p.m[j - 1] not in marks and not (p.m[j - 1] in closers and j >= 2 and p.text[j - 2] in said):
        j -= 1
    return j


def adverbial_spans(p: Para, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of 在……上/时/中 and 以……为核心的 inside [lo, hi): their nouns are occasions, not speakers."""
    lx = word_lists()
    c = lx.cues
    ends = alt("adverbial_ends")
    follow = alt("adverbs", "speech_acts")
    out = []
    acts = alt("speech_acts")  # 在……闭幕会发表重要讲话指出: the place of a speech act needs no 上
    for mt in re.finditer(rf"在[^，。；：！？]{{1,60}}(?:(?:{ends})(?=[，,：:]|$|{follow}|{lx.verbs.pattern})|(?={acts}))", p.m[lo:hi]):
        out.append((lo + mt.start(), lo + mt.end()))
    a, b = c["core_modifier"]
    for mt in re.finditer(rf"{re.escape(a)}[^，。；]{{1,16}}?{re.escape(b)}", p.m[lo:hi]):
        out.append((lo + mt.start(), lo + mt.end() - 1))  # keep 的 out so the noun after stays
    return out


def pick(ents: list[Mention], adverbials: list[tuple[int, int]]) -> Mention | None:
    """The likeliest speaker among ``ents`` outside the ``adverbials`` (在……会议上): a person or
    pronoun first, then a title (该负责人), a document, a body or meeting, a generic speaker (网友)."""
    ents = [e for e in ents if not any(s <= e.start and e.end <= t for s, t in adverbials)]
    ents = [e for e in ents if not e.weak] + [e for e in ents if e.weak]
    for kinds in (("person", "pronoun"), ("title",), ("doc", "doc_ref", "work_ref"), ("org", "meeting", "meeting_ref"), ("generic",)):
        for e in ents:
            if e.kind in kinds:
                return e
    return None


def is_utterance(text: str) -> bool:
    """Quoted words that read as said (a sentence, or clauses), not as a term or slogan."""
    c = word_lists().cues
    t = text.strip()
    plain = re.sub(r"[“”‘’「」『』\"]", "", t)
    if len(plain) < c["utterance_min_chars"]:
        return bool(plain) and plain[-1] in "。！？!?"
    if t and t[-1] in "。！？!?…":
        return True
    if not re.search(r"[，,；;：:。！？!?]", t):
        return False
    segs = [s for s in re.split(r"[，,、；;]", plain) if s]
    return not all(len(s) <= c["slogan_segment_max"] for s in segs)


@dataclass
class Found:
    """A quotation found: its span in the paragraph, its kind, who says it, its source and date."""

    start: int
    end: int
    kind: str
    who: Speaker = field(default_factory=lambda: Speaker(None, None))
    source: str | None = None
    source_type: str | None = None
    date: str | None = None


def as_article(article_or_text: Article | str) -> Article:
    """An article, or a text read as one (one paragraph per non-empty line: 标题\n正文)."""
    if isinstance(article_or_text, Article):
        return article_or_text
    if isinstance(article_or_text, str):
        lines = [x.strip() for x in article_or_text.splitlines()]
        return Article(paragraphs=[Paragraph(i, x) for i, x in enumerate(x for x in lines if x)])
    raise InputError(
        f"quotations: expected an Article or a str, got {type(article_or_text).__name__}; "
        "pass policytext.read(path)[0] or the text itself"
    )


def byline_reporter(art: Article) -> str | None:
    """The one reporter an article is by-lined to (本报记者  林丽鹂), who asks its questions (记者问)."""
    name = re.sub(r"\s", "", art.author or "")
    return name if 2 <= len(name) <= 4 and all(is_han(c) for c in name) else None


def article_date(art: Article) -> str | None:
    """The article's date, else the date its file is named with (``2015-05-06-cctv-….txt``).

    >>> article_date(Article(source="corpora/2015-05-06-cctv-meeting.txt"))
    '2015-05-06'
    >>> article_date(Article(date="--07-25", source="2023-07-26-press.txt")), article_date(Article(date="--07-25"))
    ('2023-07-26', None)
    """
    if art.date and not art.date.startswith("-"):
        return art.date
    name = re.split(r"[\\/]", art.source or "")[-1]
    md = re.match(r"((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?!\d)", name)
    return f"{md.group(1)}-{md.group(2)}-{md.group(3)}" if md else None  # not a date without its year (--07-25)


def outlet(art: Article) -> str | None:
    """The outlet whose reporters speak in the article: the one its lead names (央视网消息(新闻联播)：
    → 央视, 新华社北京1月1日电 → 新华社: the copy is theirs wherever it is printed), else its
    publication, a news site standing for the outlet it publishes (央视网 → 央视).

    >>> outlet(Article(paragraphs=[Paragraph(0, "央视网消息(新闻联播)：今天上午……")])), outlet(Article(publication="央视网"))
    ('央视', '央视')
    """
    for line in [art.dateline, art.subtitle, *art.sections[:1], *(p.text for p in art.paragraphs[:3])]:
        for pattern in word_lists().cues["outlet_leads"]:
            mt = re.search(pattern, line or "")
            if mt:
                return mt.group(1)
    sites: dict[str, str] = word_lists().cues["outlet_sites"]
    return sites.get(art.publication or "", art.publication)
