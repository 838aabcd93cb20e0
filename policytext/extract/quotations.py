"""Quotations: direct and indirect speech and quoted terms, with speaker, source and date.

Direct quotations are words in quotation marks (“…”, 「…」, ‘…’, "…") that the text presents as
said or written by someone; indirect quotations are reported speech after a reporting verb
(指出，…) up to the end of the sentence; terms are quoted words nobody is quoted as saying
(“一老一小”). Every record satisfies ``paragraphs[q.paragraph].text[q.start:q.end] == q.text``.
Speakers, sources and issuers come from the entity recognizer (:mod:`.entities`); the cue words
and verbs are data files in ``data/quotes/`` and ``data/lexicon/`` (:mod:`.cues`).

>>> q = quotations("2024年4月，习近平总书记在重庆考察时强调，“要深入践行人民城市理念”。")[0]
>>> q.kind, q.speaker, q.source, q.source_type, q.date
('direct', '习近平', '重庆考察', 'inspection', '2024-04')
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..dates import DateMention, find_dates, resolve
from ..document import Article, Paragraph, Quotation
from ..errors import InputError
from ..segmentation import Segmenter, default_segmenter
from ..stage import Mark, Rows, Stage
from .cues import FILL, FULLWIDTH_DIGITS, MAX_TITLE, alt, word_lists, is_han
from .entities import Mention, Recognizer, body_name, canonical_meeting, meeting_speaker
from .quote_links import link_quotations

__all__ = ["quotations", "article_date", "outlet", "QuotationStage"]


@dataclass
class _Speaker:
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
class _Meeting:
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
class _Scene:
    """The occasion of someone's words (a letter, an instruction, a meeting, a visit), its date,
    and the paragraph that named it."""

    source: str | None
    source_type: str | None
    date: str | None
    para: int


@dataclass
class _State:
    """What the article has told us so far: named people (for pronouns and bare titles),
    documents and their issuers, the article's date."""

    people: list[tuple[tuple[int, int], str, str | None]] = field(default_factory=list)
    meetings: list[_Meeting] = field(default_factory=list)
    last: tuple[_Para, tuple[int, int]] | None = None  # the previous paragraph and its last sentence
    names: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)  # names after a title the recognizer did not give (总统博里奇)
    seen: list[_Para] = field(default_factory=list)  # the paragraphs read so far
    familiar: dict[str, str | None] = field(default_factory=dict)  # 老马 -> 马善祥
    issuers: dict[str, Mention] = field(default_factory=dict)
    docs: list[tuple[tuple[int, int], Mention]] = field(default_factory=list)  # for 文章指出, 意见强调
    today: str | None = None  # the article's date (partial ISO): 今天, 去年, 5日 count from it
    last_day: str | None = None  # the full date written last (同日 is that day)
    outlet: str | None = None  # whose reporter an unnamed 记者 is (央视网消息 → 央视)
    reporter: str | None = None  # the one by-lined reporter, else the outlet asks (记者问)
    scenes: dict[str, _Scene] = field(default_factory=dict)  # speaker -> the occasion of their last words
    messages: _Scene | None = None  # 一些国家领导人通过致电致函等方式祝贺……: the messages the people named after it quote

    def person_before(self, where: tuple[int, int], title: str | None = None, surname: str = "") -> str | None:
        """The last person named before ``where`` (with that title, with that surname: 习总书记)."""
        for pos, name, t in reversed(self.people):
            if pos < where and (title is None or t == title or surname) and name.startswith(surname):
                return name
        if surname:  # a leader never named in full in the article
            known = {n for n in word_lists().leaders.values() if n.startswith(surname)}
            return known.pop() if len(known) == 1 else None
        return None



# ---------------------------------------------------------------- paragraphs


@dataclass
class _Para:
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


def _run_on(text: str, following: str) -> str:
    """The closing mark a paragraph lacks when its quotation runs on into the next paragraph, which
    opens with the same mark again (“……¶“……”), else "".

    >>> _run_on("他说：“第一，要改革。", "“第二，要开放。”")
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


def _prepare(index: int, text: str, rec: Recognizer, offset: int = 0) -> _Para:
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
    return _Para(index, text, m, top, nested, sorted(set(e for e in ends if e < len(text))), rec, years, offset)


def _intro_start(p: _Para, i: int) -> int:
    """Where the words that introduce position i begin: the sentence start or the last ； before i."""
    lo, _ = p.sentence(i)
    semi = max(p.m.rfind("；", lo, i), p.m.rfind(";", lo, i))
    return semi + 1 if semi >= 0 else lo


def _clause_end(p: _Para, i: int) -> int:
    marks = set(word_lists().cues["clause_marks"]) | set(word_lists().cues["sentence_end"])
    j = i
    while j < len(p.m) and p.m[j] not in marks:
        j += 1
    return j


def _clause_start(p: _Para, i: int, lo: int) -> int:
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


def _adverbials(p: _Para, lo: int, hi: int) -> list[tuple[int, int]]:
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


def _pick(ents: list[Mention], adverbials: list[tuple[int, int]]) -> Mention | None:
    ents = [e for e in ents if not any(s <= e.start and e.end <= t for s, t in adverbials)]
    ents = [e for e in ents if not e.weak] + [e for e in ents if e.weak]
    for kinds in (("person", "pronoun"), ("title",), ("doc", "doc_ref", "work_ref"), ("org", "meeting", "meeting_ref"), ("generic",)):
        for e in ents:
            if e.kind in kinds:
                return e
    return None


def _antecedent(p: _Para, state: _State, i: int, kinds: tuple[str, ...] = ("person",)) -> str | None:
    """The person (or body, for ``kinds`` with org: 中共中央发来贺电。贺电说) a pronoun at i refers to:
    the subject of the sentence before it (陈世昌见证了……。他表示，……), names the tagger finds included."""
    lo, _ = p.sentence(i)
    para = p
    for _ in range(3):  # back over sentences that name nobody (“……”他笑着说: the quotation before)
        if p.offset:
            return None
        if lo > 0:
            lo, prev_hi = para.sentence(lo - 1)
        elif para is p and state.last is not None:
            para, (lo, prev_hi) = state.last
        else:
            return None
        found = [e for e in para.rec.mentions(para.text, para.m, lo, prev_hi, state) if e.kind in kinds and _subject_position(para, lo, e)]
        if found:
            return found[0].name
    return None


def _familiar(p: _Para, state: _State, form: str, where: tuple[int, int]) -> str | None:
    """The full name a familiar form (老马, 小王) stands for: the last name with that surname written
    before it in the article (马善祥), found once per article."""
    if form not in state.familiar:
        surname, found = form[1], None
        for para in [p, *reversed(state.seen)]:
            text = para.m[:where[1] - para.offset] if para is p else para.m
            for mt in re.finditer(rf"{surname}[\u4e00-\u9fff]{{1,2}}", text):
                for name in (mt.group(), mt.group()[:2]):
                    if p.rec.valid_name(name):
                        found = name
                        break
            if found:
                break
        state.familiar[form] = found
    return state.familiar[form]


def _titled_issuer(e: Mention) -> Mention | None:
    """The issuer a title opens with: 《中共中央关于……的决定》 → 中共中央 (《中共中央 国务院关于……》 → both)."""
    lx = word_lists()
    mt = re.match(rf"《((?:(?:{lx.institutions.pattern})[ 、\u3000]?)+)关于", e.mention)
    if mt is None:
        return None
    name = re.sub(r"[ 、\u3000]+", "、", mt.group(1).strip())
    return Mention("org", e.start, e.start, name, mt.group(1))


def _full_title(e: Mention, state: _State, where: tuple[int, int]) -> Mention | None:
    """The document cited earlier whose title a short one (《意见》, 《决定》) ends with."""
    short = e.mention.strip("《》")
    if not short or len(short) > word_lists().cues["short_title_max"]:
        return None
    for pos, doc in reversed(state.docs):
        if pos < where and doc.mention != e.mention and doc.mention.endswith(short + "》"):
            return doc
    return None


def _resolve(e: Mention | None, p: _Para, state: _State) -> _Speaker:
    if e is None:
        return _Speaker(None, None)
    lead = re.match(f"(?:{alt('conjunctions')})(?=..)", e.name or "") if e.kind == "org" else None
    if lead:  # 但成都市规划局却认为: the conjunction is not part of the name
        n = lead.end()
        e = Mention("org", e.start + n, e.end, e.name[n:], e.mention[n:] if e.mention.startswith(lead.group()) else e.mention)
    where = (p.index, p.offset + e.start)
    if e.kind == "meeting_ref":  # 会议指出: the meeting held last (not one the meeting spoke about)
        before = [x for x in state.meetings if x.pos < where]
        held = [x for x in before if x.held] or before
        if held:
            x = held[-1]
            return _Speaker(x.speaker, e.mention, Mention("meeting", e.start, e.end, x.name, e.mention), x.date)
        return _Speaker(None, e.mention, e)
    if e.kind == "doc_ref":  # 文章指出 / 意见强调: the article or document named before
        for pos, doc in reversed(state.docs):
            if pos < where and doc.doc_type == e.doc_type and (e.doc_type == "article" or e.mention in doc.mention or e.mention == "文件"):
                ref = Mention("doc", e.start, e.end, doc.name, doc.mention, issuer=doc.issuer, doc_type=doc.doc_type)
                return _Speaker(doc.issuer.name if doc.issuer else doc.name, e.mention, ref)
        return _Speaker(None, e.mention, e)
    if e.kind == "meeting" and e.name:
        return _Speaker(meeting_speaker(e.name), e.mention, e)
    if e.kind == "person" and e.name and "·" in e.name:  # 穆铁礼甫·哈斯木常委提出: the office is not the name
        office = next((t for t in word_lists().titles.finditer(e.name) if t.end() == len(e.name) and t.start() > e.name.index("·")), None)
        if office is not None:
            e = Mention("person", e.start, e.end - len(office.group()), e.name[:office.start()], e.mention, title=office.group())
    if e.kind == "person":
        if e.name and e.title and re.fullmatch(r"[老小].|.老", e.name):
            return _Speaker(e.name + e.title, e.mention, e)  # 邱老先生: no full name, the words stay
        familiar = re.fullmatch(r"[老小](.)", e.name or "")
        if familiar and familiar.group(1) in word_lists().surnames:  # 马善祥……。老马说: the one named before
            return _Speaker(_familiar(p, state, e.name or "", where) or e.name, e.mention, e)
        return _Speaker(e.name, e.mention, e)
    if e.kind in ("pronoun", "work_ref"):
        kinds = ("person",) if e.kind == "pronoun" else ("person", "org")
        fallback = state.outlet if e.doc_type == "article" else state.person_before(where)  # 述评指出: the outlet's review
        return _Speaker(_antecedent(p, state, e.start, kinds) or fallback, e.mention, e)
    if e.kind == "title":
        lead = e.mention[:-len(e.title)] if e.title and e.mention.endswith(e.title) else ""
        surname = lead if len(lead) == 1 and lead in word_lists().surnames else ""
        name = state.person_before(where, e.title, surname)
        if name is None and e.mention in word_lists().cues["reporters"]:
            name = state.reporter or state.outlet  # 记者：“……” in a CCTV item: 央视 asks; in a by-lined report its reporter
        if name is None and surname:
            name = e.mention  # 刘校长, named by surname and title only
        return _Speaker(name, e.mention, e)
    if e.kind == "doc" and e.issuer is None and e.mention not in state.issuers:
        full = _full_title(e, state, where)  # 《决定》指出 → 《中共中央关于……的决定》
        if full is not None:
            e = Mention("doc", e.start, e.end, full.name, full.mention, issuer=full.issuer or state.issuers.get(full.mention),
                        doc_type=full.doc_type)
    if e.kind == "doc":
        issuer = e.issuer or state.issuers.get(e.mention) or _titled_issuer(e)
        if issuer is not None:
            joint = issuer.name.split("、") if issuer.name and "、" in issuer.name else []
            return _Speaker(issuer.name, issuer.mention, e, joint=joint)
        return _Speaker(e.name, e.mention, e)
    if e.kind == "org" and e.name:
        return _Speaker(body_name(e.name), e.mention, e)  # 最高法 → 最高人民法院
    return _Speaker(e.name, e.mention, e)


def _subject(p: _Para, state: _State, lo: int, hi: int, sent_lo: int, adjacent: bool = False) -> _Speaker:
    """Who speaks in the clause [lo, hi) (the verb at hi); failing that, earlier in the sentence.
    ``adjacent``: only a speaker with nothing but adverbials between it and the verb."""
    cues = word_lists().cues
    clause = ents = [e for e in p.rec.mentions(p.text, p.m, lo, hi, state)
                     if (e.start == 0 or p.m[e.start - 1] not in cues["addressee_marks"])
                     and not (e.kind == "person" and e.mention[:1] in cues["addressee_marks"] and e.mention[1:] in cues["addressees"])]  # 向|大家
    if adjacent:
        ents = [e for e in ents if _adjacent(p, e.end, hi)]
    bare = _bare_name(p, lo, hi, state)
    if bare is not None and not any(e.kind == "person" or e.start <= bare.start < e.end and not (e.kind == "title" and e.start == bare.start)
                                    for e in clause):  # 王德福接受记者|采访时表示: not the qualifier of a bare title
        ents.insert(0, bare)
    titled = _titled_name(p, clause, lo, hi)
    if titled is not None and not any(e.kind == "person" for e in ents):
        ents.insert(0, titled)
    e = _pick(ents, _adverbials(p, lo, hi))
    if e is not None and e.kind == "person" and e in clause:
        joint = _joint(p, clause, e)
        if len(joint) > 1:
            names = [x.name or x.mention for x in joint]
            return _Speaker("、".join(names), p.text[joint[0].start:joint[-1].end], joint[-1], joint=names)
    if e is None and sent_lo < lo:
        earlier = [x for x in p.rec.mentions(p.text, p.m, sent_lo, lo, state) if _subject_position(p, sent_lo, x)]
        e = _pick(earlier, _adverbials(p, sent_lo, lo))
    if e is None:
        e = _named_body(p, lo, hi)
    return _resolve(e, p, state)


def _joint(p: _Para, ents: list[Mention], e: Mention) -> list[Mention]:
    """The people named together with ``e`` (马克思、恩格斯; 张三和李四), in text order."""
    people = [x for x in ents if x.kind == "person"]
    i = next(k for k, x in enumerate(people) if x is e)
    j = i
    while i > 0 and p.m[people[i - 1].end:people[i].start] in ("、", "和", "与", "及"):
        i -= 1
    while j + 1 < len(people) and p.m[people[j].end:people[j + 1].start] in ("、", "和", "与", "及"):
        j += 1
    return people[i:j + 1]


@lru_cache(maxsize=1)
def _office_chain() -> re.Pattern[str]:
    """Offices in a row: 中共中央总书记、国家主席、中央军委主席."""
    office = rf"[^，。；：！？、]{{0,{MAX_TITLE}}}?(?:{word_lists().titles.pattern})"
    return re.compile(rf"{office}(?:、{office})+")


def _subject_position(p: _Para, lo: int, e: Mention) -> bool:
    """Does ``e`` open its clause (after time words, adverbials and its titles: 老党员王德福,
    中共中央总书记、国家主席、中央军委主席习近平), as a subject does?"""
    cl = _clause_start(p, e.start, lo)
    titled = p.rec.title_ends_at(p.m, cl, e.start) and (
        e.start - cl <= MAX_TITLE and word_lists().titles.search(p.m, cl, e.start) is not None
        or _office_chain().fullmatch(p.m, cl, e.start) is not None
        or _described().fullmatch(p.m, cl, e.start) is not None)
    return titled or _adjacent(p, cl, e.start)


@lru_cache(maxsize=1)
def _described() -> re.Pattern[str]:
    """A title after a relative clause or a company (刚刚坐了十几个小时飞机的公司总经理马同伟,
    卢旺达辣椒种植企业加绍拉农场有限公司总经理迪厄多内·特瓦西卢瓦): the subject's description."""
    body = alt("org_suffixes")
    return re.compile(rf"(?:[^，。；：！？]{{1,30}}的|[\u4e00-\u9fff（）()]{{2,30}}?(?:{body}))[^，。；：！？的]{{0,{MAX_TITLE}}}")


def _named_body(p: _Para, lo: int, hi: int) -> Mention | None:
    """A clause that is just a name ending like a body (美国有线电视新闻网评价): an organisation."""
    chunk = p.m[lo:hi]
    lx = word_lists()
    words = alt("adverbs", "subject_gap", "demonstratives")
    mt = re.fullmatch(rf"([\u4e00-\u9fff]{{2,14}}?)(?:{words})*", chunk)
    if mt and any(mt.group(1).endswith(s) for s in lx.cues["body_suffixes"]) and not lx.verbs.search(mt.group(1)):
        return Mention("org", lo, lo + len(mt.group(1)), mt.group(1), mt.group(1))
    return None


def _titled_name(p: _Para, clause: list[Mention], lo: int, hi: int) -> Mention | None:
    """A name between an office of a country or body and the verb that the recognizer did not give
    (埃及总统塞西表示, 波黑主席团轮值主席茨维亚诺维奇表示): two to eight characters after the last
    office of the clause (not 总书记高兴地说: a bare title and an adverb)."""
    lx = word_lists()
    title = next((e for e in reversed(clause) if e.kind == "title" and e.name is None and e.end < hi), None)
    if title is None or (title.start == lo and title.mention == title.title):
        return None
    mt = re.fullmatch(rf"([\u4e00-\u9fff][\u4e00-\u9fff·\-－]{{1,9}}?)(?:{alt('adverbs', 'subject_gap')})*", p.m[title.end:hi])
    name = mt.group(1) if mt else ""
    if not name or lx.titles.search(name) or lx.verbs.search(name) or lx.generic.search(name) or re.search("[的在和与对向地]", name) \
            or name[-1] in lx.cues["role_final_chars"] or name[0] == "会" \
            or re.match(alt("interview"), name):  # 宪法和法律委员|会组成人员; 接受记者|采访时表示
        return None
    return Mention("person", title.end, title.end + len(name), name, p.text[title.start:title.end + len(name)], title=title.title)


def _bare_name(p: _Para, lo: int, hi: int, state: _State) -> Mention | None:
    """A name alone right before the verb, at the start of its clause: 屠小明说, 刘澄玉说, or a name
    the article gave before with a title (智利总统博里奇。……博里奇表示)."""
    lx = word_lists()
    seg = p.m[lo:hi]
    mt = re.match(rf"^(?:\d{{1,2}}日|\d{{1,2}}月\d{{1,2}}日)?([\u4e00-\u9fff][\u4e00-\u9fff\-－]{{1,8}}?)(?:{alt('adverbs')})?$", seg)
    if mt and (mt.group(1)[1:] in lx.title_set or lx.verbs.search(mt.group(1), 1)):
        return None  # 习总书记: a surname and a title; 李明介绍(说): a name and a verb
    if mt and (p.rec.valid_name(mt.group(1), 3) or mt.group(1) in state.titled or p.rec.tagged_name(mt.group(1))):  # 屠小明说, 恩格斯说, 爱因斯坦说过
        s = lo + mt.start(1)
        return Mention("person", s, s + len(mt.group(1)), lx.leaders.get(mt.group(1), mt.group(1)), mt.group(1))
    name = p.rec.name_after(p.m, lo, hi)  # 刘德华一边干活一边对记者说: a name, then only adverbials
    if name and _adjacent(p, lo + len(name), hi):
        return Mention("person", lo, lo + len(name), lx.leaders.get(name, name), name)
    return None



# ---------------------------------------------------------------- verbs


def _verb_ok(p: _Para, s: int, e: int) -> bool:
    """Is the reporting verb at [s, e) really reporting (not 可以说, 的要求, 小说, 落实……部署)?"""
    lx = word_lists()
    if s > 0 and p.m[s - 1] == "的":
        return False
    if p.m[s:e] in lx.cues["nominal_verbs"] and re.search(alt("nominal_frames"), p.m[_clause_start(p, s, 0):s]):
        return False  # 认真落实省委全会部署，…: 部署 is a noun
    # no non-reporting word (可以说, 小说) overlaps the verb
    return not any(p.m[k:k + n] in words for n, words in lx.not_reporting.items() for k in range(max(0, s - n + 1), e))


def _verb_tail(p: _Para, e: int) -> int:
    for suf in word_lists().cues["verb_suffixes"]:
        if p.m.startswith(suf, e):
            return e + len(suf)
    return e


def _pre_intro(p: _Para, lo: int, q: int, utter: bool = False) -> tuple[int, int] | None:
    """A reporting verb introducing the quotation that opens at q: 强调：“, 提出要“, 指出“, 说了一句话‘;
    before words that read as said also 总书记说的“……”."""
    lx = word_lists()
    region = p.m[lo:q]
    lead = alt("lead_words")
    # 强调：“ / 提出要“ / 叮嘱大家“ / 正如……所指出的，“ (but not 国家部署的“……”: an object, not words)
    comma = r"\s*[，,：:]?" if utter else r"\s*[，,：:]"
    tail = (rf"(?:{alt('verb_suffixes')})?(?:{alt('addressees')})?(?:{alt('said_objects')})?"
            rf"(?:(?:{alt('relative_suffixes')})?{comma})?\s*(?:{lead})?\s*$")
    for mt in lx.verbs.finditer(region):
        if re.match(tail, region[mt.end():]) and _verb_ok(p, lo + mt.start(), lo + mt.end()):
            return lo + mt.start(), lo + mt.end()
    return None


def _post_intro(p: _Para, o: int, c: int, utterance: bool) -> tuple[int, int, int] | None:
    """A reporting verb after the quotation that closes at c: “……”王福山说。 Returns (subject
    start, verb start, verb end)."""
    lx = word_lists()
    start = c + 1
    stop = start
    while stop < len(p.m) and p.m[stop] not in "。！？!?" and p.m[stop] not in lx.cues["quote_pairs"] and stop - start < lx.cues["max_post_intro"]:
        stop += 1
    region = p.m[start:stop]
    if region.startswith("的"):
        return None
    for mt in lx.verbs.finditer(region):
        vs, ve = start + mt.start(), start + mt.end()
        after = _verb_tail(p, ve) if p.m.startswith("道", ve) else ve
        if not (after >= len(p.m) or p.m[after] in "，,。：:；！？!?" or p.m[after] in lx.cues["quote_pairs"]):
            continue
        if not _verb_ok(p, vs, ve):
            continue
        cl = _clause_start(p, vs, start)
        if not utterance and not _whole_clause(p, o, c) and p.text[c - 1:c] not in "，,":  # “现在好了，”王大妈说，“……”
            return None  # “四风”问题，习近平总书记强调: the verb reports something else
        return cl, vs, ve
    nouns = alt("speech_nouns")
    mt = re.match(rf"([^，。；：！？]{{2,12}}?)的(?:{nouns})", region)
    if mt:
        return start, start + mt.end(1), start + mt.end(1)
    return None


# ---------------------------------------------------------------- kinds


def _utterance(text: str) -> bool:
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


def _term_marked(p: _Para, o: int, c: int) -> bool:
    """A quotation named as a term (“改革”一词) or a numbered formula (“六个必然要求”)."""
    cues = word_lists().cues
    after = p.m[c + 1:c + 6]
    return any(after.startswith(w) for w in cues["term_markers"]) or bool(re.match(cues["formula_pattern"], p.text[o + 1:c]))


# ---------------------------------------------------------------- sources and dates


def _source(p: _Para, lo: int, hi: int, who: _Speaker) -> tuple[str | None, str | None]:
    m, t = p.m, p.text
    if who.ent is not None and who.ent.kind == "doc":
        return who.ent.mention, who.ent.doc_type or _doc_type(p, who.ent)
    if who.ent is not None and who.ent.kind == "work_ref":
        return who.ent.mention, who.ent.doc_type
    seg = m[lo:hi]
    mt = re.search(rf"(?:在|到|赴)([^，。；：]{{1,20}}?)({alt('inspection')})(?:时|期间|中|$|。|，)", seg)
    if mt is None:
        mt = re.search(rf"({alt('inspection_verbs')})([^，。；：]{{1,12}}?)时", seg)
        if mt:
            place = re.sub(r"^\d{4}年(?:\d{1,2}月)?", "", mt.group(2))
            return place + mt.group(1), "inspection"
    else:
        place = re.sub(r"^(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?)", "", mt.group(1))
        return place + mt.group(2), "inspection"
    mt = re.search(rf"在(?:[^，。；]{{0,12}}的)?({alt('work_refs')})中", seg)  # 在贺信中指出, 在给……的回信中
    if mt and not re.search(rf"(?:给|致)[^，。；：]{{1,30}}?的(?:{alt('letter')})", seg):
        return mt.group(1), word_lists().cues["work_refs"][mt.group(1)]
    mt = re.search(r"(?:作出|做出)((?:重要)?(?:指示|批示))", seg)  # 作出重要指示强调
    if mt:
        return mt.group(1), "other"
    acts = word_lists().cues["letter_acts"]
    mt = re.search(rf"(?:给|向|同|与|和|致)[^，。；：]{{1,30}}?({alt('letter_acts')})(?!中)", seg)  # 给……回信, 向……致贺信, 同……互致贺电
    if mt and not re.search(rf"(?:给|致)[^，。；：]{{1,30}}?的(?:{alt('letter')})", seg):
        return acts[mt.group(1)], "letter"
    nouns = "|".join(sorted(set(acts.values()) - {"信"}))
    mt = re.search(rf"(?:互致|发来|致)([\u4e00-\u9fff]{{0,4}}?(?:{nouns}))", seg)  # 互致新年贺电, 发来贺信
    if mt:
        return mt.group(1), "letter"
    mt = re.search(rf"(?:给|致)[^，。；：]{{1,30}}?的(?:{alt('letter')})", seg)
    if mt:
        return t[lo + mt.start():lo + mt.end()], "letter"
    mt = re.search(rf"在([^，。；]{{1,40}}?)上(?:的|发表)(?:重要)?(?:{alt('speech')})", seg)
    if mt:
        name = canonical_meeting(re.sub(r"^.*?(?:召开的|举行的)", "", t[lo + mt.start(1):lo + mt.end(1)]))
        return name, "speech"
    mt = re.search(rf"在([^，。；]{{0,30}}?(?:{alt('speech')}))(?:中|时|上|并)", seg)  # 在新加坡国立大学协会演讲并……时
    if mt:
        said = t[lo + mt.start(1):lo + mt.end(1)]
        # 在出席……一般性辩论并发表重要讲话时: the meeting; 在发表二〇二三年新年贺词时: the address
        attended = re.fullmatch(rf"(?:{alt('attend_verbs')})([^，。；]{{2,30}}?)并(?:发表)?了?(?:{alt('speech')})", said)
        if attended:
            return canonical_meeting(attended.group(1)), "meeting"
        return re.sub(r"^发表了?", "", said), "speech"
    mt = re.search(rf"《[^《》]*》(?:{alt('article')})", seg)
    if mt:
        s = lo + mt.start()
        return t[s:s + mt.group().index("》") + 1], "article"
    mt = re.search(rf"接受[^，。；]{{0,20}}?(?:{alt('interview')})", seg)
    if mt:
        return t[lo + mt.start():lo + mt.end()], "other"
    mt = re.search(rf"(?<!次)(?:{alt('meeting_visits')})了?([^，。；：\s]{{2,80}})", seg)  # 习近平会见……外方主要代表
    if mt:
        verb = t[lo + mt.start():lo + mt.start(1)].replace("了", "")
        return verb + t[_guest(p, lo + mt.start(1), lo + mt.end()):lo + mt.end()], "meeting"
    mt = re.search(rf"(同|与|和)([^，。；：]{{2,40}}?)(?:{alt('talk_acts')})", seg)  # 同塞尔维亚总统尼科利奇举行会谈
    if mt:
        return mt.group(1) + t[_guest(p, lo + mt.start(2), lo + mt.end(2)):lo + mt.end()], "meeting"
    if who.ent is not None and who.ent.kind == "meeting":
        return who.ent.name, "meeting"
    adverbials = _adverbials(p, lo, hi)

    def occasion(e: Mention) -> bool:  # not part of the speaker's own name (政府工作报告起草组负责人沈丹阳)
        if who.ent is None or who.ent.kind not in ("person", "title") or e.start >= who.ent.end:
            return True
        return any(s <= e.start < end for s, end in adverbials) or e.start < _clause_start(p, who.ent.start, lo)

    ents = [e for e in p.rec.mentions(t, m, lo, hi, _State(), tagger=False) if occasion(e)]
    meetings = [e for e in ents if e.kind == "meeting" and not re.match(alt("since"), m[e.end:])  # 党的十八大以来
                and not re.match(alt("meeting_topics"), m[e.end:])  # 贯彻党的十九大精神: a topic, not the occasion
                and not re.match(r"[^，。；：]{0,12}?(?:之后|以后|后|之前|以前)[，,]", m[e.end:])]  # 在出席……开幕式后，……考察
    meetings.sort(key=lambda e: (any(s <= e.start < end for s, end in adverbials), e.start))
    if meetings:
        last = meetings[-1]
        tail = re.match(r"开幕式|闭幕式|开幕会|闭幕会", m[last.end:])
        return (last.name or "") + (tail.group() if tail else ""), "meeting"
    issued = who.ent.start if who.ent is not None else -1  # 国家发展改革委印发《……》，提出要“……”
    docs = [e for e in ents if e.kind == "doc" and (any(s <= e.start < end for s, end in adverbials) or (e.issuer is not None and e.issuer.start == issued))]
    return (docs[0].mention, "document") if docs else (None, None)


def _guest(p: _Para, s: int, e: int) -> int:
    """Where the guest met in [s, e) is named: after the clause that describes a named guest
    (会见|来华出席……的|莫桑比克总理马莱阿内 → 会见莫桑比克总理马莱阿内), else ``s``
    (会见出席……会议的外方主要代表 keeps its description: no name follows it)."""
    k = p.m.rfind("的", s, e)
    named = [x for x in p.rec.mentions(p.text, p.m, k + 1, e, _State(), tagger=False) if x.kind == "person" or x.kind == "title" and x.end < e - 1]
    if k < 0 or not named:  # a name, or an office with the name after it (哈萨克斯坦总统|托卡耶夫)
        return s
    return k + 1


def _fuller(state: _State, name: str | None) -> str | None:
    """The fullest name the article gave a meeting before (the headline's 中央党校建校90周年庆祝大会……
    for the body's 建校90周年庆祝大会……), else ``name``; a name that says little more than its kind
    (全体会议, 专题会议) may be part of another meeting and stays."""
    if not name or len(name) < 6:
        return name
    return max((x.name for x in state.meetings if x.name.endswith(name)), key=len, default=name)


def _held(p: _Para, s: int, e: int) -> bool:
    """Does the text say the meeting at [s, e) was held (召开/举行/主持……会议, ……会议在北京举行), not
    that it is to be (将召开, 会议同意明年1月8日至10日召开……全会)?"""
    verbs, future = alt("convene_verbs"), "[" + word_lists().cues["future_chars"] + "]"
    to_come = alt("convene_to_come")
    before = re.search(rf"(?<!{future})(?:{verbs})了?[^，。；]{{0,12}}$", p.m[max(0, s - 14):s])
    if before is not None:
        k = max(0, s - 14) + before.start()
        if not re.search(rf"(?:{to_come})[^，。；]{{0,12}}$", p.m[max(0, k - 14):k]):
            return True
    after = re.match(rf"([^，。；]{{0,12}}?)(?<!{future})(?:{verbs}|开幕|闭幕)", p.m[e:e + 16])
    return after is not None and re.search(to_come, after.group(1)) is None


def _doc_type(p: _Para, e: Mention) -> str:
    """An article (《……》一文, 重要文章《……》, a newspaper) or a document."""
    c = word_lists().cues
    media = e.mention.rstrip("》").endswith(tuple(c["media_suffixes"]))
    before = re.search(rf"(?:{alt('article')})$", p.m[max(0, e.start - 4):e.start])
    return "article" if media or before or re.match(alt("article"), p.m[e.end:]) else "document"


def _date(p: _Para, lo: int, hi: int, state: _State) -> str | None:
    """The most precise date named in [lo, hi) (outside quotations and 《》; the last of equally
    precise ones), as ISO 8601: 2月28日，中宣部召开2025年……会议 → 2025-02-28."""
    dates = [d for d in (_resolve_date(p, x, state) for x in find_dates(p.m, lo, hi, relative=True)) if d]
    if not dates:
        return None
    return max(enumerate(dates), key=lambda x: (len(x[1].lstrip("-")), x[0]))[1]


def _resolve_date(p: _Para, d: DateMention, state: _State) -> str | None:
    """The date ``d`` of the paragraph stands for (:func:`~policytext.dates.resolve`)."""
    k = bisect.bisect_left(p.days, (d.start, ""))
    year = _year_before(p, d.start)
    if year is not None and d.year is None and d.word is None and d.month and d.day:
        y = bisect.bisect_left(p.years, (d.start, 0))
        near = resolve(d, state.today)  # 2022年12月31日，……。6月17日，国新办举行……: the news event of a
        if p.years[y - 1][0] < p.sentence(d.start)[0] and _recent(near, state.today) and not near.startswith(str(year)):
            year = None  # 2025-06-18 report, not a day of the year written in a sentence before
    return resolve(d, state.today, year, p.days[k - 1][1] if k else p.day_before)


def _year_before(p: _Para, i: int) -> int | None:
    """The year written last before position i of the paragraph."""
    k = bisect.bisect_left(p.years, (i, 0))
    return p.years[k - 1][1] if k else None


def _without_dates(text: str) -> str:
    """``text`` without the dates written in it (2月28日, 昨天)."""
    out, last = [], 0
    for d in find_dates(text, relative=True):
        out.append(text[last:d.start])
        last = d.end
    return "".join(out) + text[last:]


# ---------------------------------------------------------------- the analysis


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    who: _Speaker = field(default_factory=lambda: _Speaker(None, None))
    source: str | None = None
    source_type: str | None = None
    date: str | None = None


def _groups(p: _Para) -> list[list[tuple[int, int]]]:
    """Quotations in a row (“……”“……”, “……”、“……”) after one introduction form a group."""
    joiners = word_lists().cues["list_joiners"]
    groups: list[list[tuple[int, int]]] = []
    for span in p.spans:
        prev = groups[-1][-1] if groups else None
        ended = prev is not None and p.text[prev[1] - 1] in "。！？!?" and not _utterance(p.text[span[0] + 1:span[1]])
        if prev is not None and p.m[prev[1] + 1:span[0]] in joiners and not ended:
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _context(p: _Para, state: _State, hi: int, lo: int, who: _Speaker) -> tuple[str | None, str | None, str | None]:
    """Source, source type and date of words introduced by [lo, hi); with neither source nor
    date there, the sentences just before (back into the previous paragraph) lend theirs while
    they are about the same speaker (……习近平总书记来到长安小区。习近平总书记指出，……)."""
    source, stype = _source(p, lo, hi, who)
    source = _fuller(state, source) if stype == "meeting" else source
    date = _date(p, lo, hi, state) or who.date
    cues = word_lists().cues
    spoke = source is None and re.search(alt("floor_words"), p.m[lo:hi]) is not None  # 委员……在发言中说: at the session
    if (spoke or source in cues["speech"] + cues["meeting_refs"] + ["会"]) and state.meetings:
        source, stype, date = _at_meeting(state, date)
    para = p
    scene = state.scenes.get(who.name) if who.name else None
    skipped = False  # a sentence about the speaker without source or date: the story of now
    while source is None and date is None and who.name:
        if lo > 0:
            lo, hi = para.sentence(lo - 1)
        elif para is p and p.offset == 0 and state.last is not None:
            para, (lo, hi) = state.last
        else:
            break
        facts = _sentence_facts(para, state, (lo, hi), who.name)
        if facts is None:
            break
        if skipped and facts[2] and not _now(facts[2], state.today) and scene is not None and _now(scene.date, state.today):
            break  # ……2007年，习近平……实地调研。¶随后，习近平来到……。他表示: not the look back
        source, stype, date = facts
        if source in cues["speech"] and state.meetings:  # ……在讲话中指出。¶赵乐际强调: the speech at the meeting
            source, stype, date = _at_meeting(state, date)
        skipped = True
    # the news event goes on (4号，尚穆根在接受……专访时说：“……”。尚穆根说，……), or the occasion of the
    # paragraph before (习近平近日给……回信。¶习近平在回信中表示，……¶习近平强调，……)
    if scene is not None and (_now(scene.date, state.today) or scene.date is None or 0 <= p.index - scene.para <= 1):
        if source is None and date is None:
            return scene.source, scene.source_type, scene.date
        if date is None and _same_occasion(source, scene.source):
            date = scene.date
        if source is None and scene.source_type == "inspection" and _now(scene.date, state.today) and _now(date, state.today):
            source, stype = scene.source, scene.source_type  # 6日上午，习近平来到……: a day of the visit
    held = _attended(p, state, lo, hi) if source is None and date is None else None
    if held is not None:  # ……举行记者会。¶教育部部长怀进鹏介绍，……
        return held.name, "meeting", held.date
    if source is None and date is None and who.name and state.messages is not None:
        return state.messages.source, state.messages.source_type, state.messages.date  # ……致电致函祝贺。¶泰国国王哇集拉隆功表示，……
    return source, stype, date


def _now(date: str | None, day: str | None) -> bool:
    """Is ``date`` the time of the news event of an article of ``day`` (:func:`_recent` or :func:`_current`)?"""
    return _recent(date, day) or _current(date, day)


def _current(date: str | None, day: str | None) -> bool:
    """Is ``date`` (a month: 近日) the month of the article's ``day`` or the month before, the time of
    the news event a report is about?

    >>> _current("2025-11", "2025-11-18"), _current("2025-10", "2025-11-02"), _current("2024-11", "2025-11-18")
    (True, True, False)
    >>> _current("--12-05", "2025-12-18"), _current("2025-12", "--12-18")   # no year: not known to be current
    (False, False)
    """
    if not date or not day or len(date) < 7 or len(day) < 7 or date.startswith("-") or day.startswith("-"):
        return False
    months = (int(day[:4]) - int(date[:4])) * 12 + int(day[5:7]) - int(date[5:7])
    return 0 <= months <= 1


def _at_meeting(state: _State, date: str | None) -> tuple[str, str, str | None]:
    """The meeting named before (the one held, if any) as the source of a speech there (在讲话中强调, 在会上)."""
    held = [x for x in state.meetings if x.held] or state.meetings
    return held[-1].name, "meeting", date or held[-1].date


def _recent(date: str | None, day: str | None) -> bool:
    """Is ``date`` a day of the week up to the article's ``day`` (the event a news report is about)?

    >>> _recent("2014-10-04", "2014-10-06"), _recent("2024-11", "2025-03-02")
    (True, False)
    """
    if not date or not day or len(date) != 10 or len(day) != 10:
        return False
    try:
        return 0 <= (dt.date.fromisoformat(day) - dt.date.fromisoformat(date)).days <= 7
    except ValueError:  # a partial or impossible date (--12-05, 2025-02-30)
        return False


def _sentence_facts(p: _Para, state: _State, span: tuple[int, int], name: str) -> tuple[str | None, str | None, str | None] | None:
    """(source, source type, date) of a sentence that names the speaker ``name``, else None. Only
    a date before the speaker is named counts, as it sets the scene (上次是2017年12月，总书记到
    徐工集团考察), not 郎素兰今年82岁."""
    lo, hi = span
    for e in reversed(p.rec.mentions(p.text, p.m, lo, hi, state, tagger=False)):
        if e.kind in ("person", "title", "pronoun", "org"):  # 最高人民法院9日发布……。¶最高法表示，……
            who = _resolve(e, p, state)
            if who.name == name:
                return _facts(p, state, lo, _words_start(p, e.end, hi), who, e)
    return None


def _words_start(p: _Para, i: int, hi: int) -> int:
    """Where the words reported after position i begin (习近平表示，|值此……研讨会开幕之际): at the first
    reporting verb followed by ，/： that is not a speech act (作出重要指示，强调), else ``hi``."""
    verb = re.compile(rf"(?:{word_lists().verbs.pattern})(?:{alt('verb_suffixes')})?[，,：:]")
    for mt in verb.finditer(p.m, i, hi):
        if not re.search(r"(?:作出|做出)(?:重要)?$", p.m[max(i, mt.start() - 4):mt.start()]):
            return mt.start()
    return hi


def _facts(p: _Para, state: _State, lo: int, hi: int, who: _Speaker, e: Mention) -> tuple[str | None, str | None, str | None]:
    """(source, source type, date) of the sentence [lo, hi) about ``who``, named at ``e``: the date
    before the speaker or right after the name (习近平10月15日在北京会见……)."""
    after = next((d.end for d in find_dates(p.m, e.end, min(len(p.m), e.end + 20), relative=True) if d.start == e.end), e.start)
    # the dates before the speaker or right after the name; else a day in the speaker's clause
    # (……普京12月31日互致新年贺电, ……今天互致), not a year it talks about (肯定了……2025年工作)
    date = _date(p, lo, after, state) or next(
        (x for x in (_resolve_date(p, d, state) for d in find_dates(p.m, after, min(hi, _clause_end(p, e.end)), relative=True)
                     if d.word is not None or d.day is not None) if x), None)
    source = _source(p, lo, hi, who)
    if source[1] == "meeting":
        source = (_fuller(state, source[0]), "meeting")
    if source[0] is None:
        held = _attended(p, state, e.end, hi)
        if held is not None:  # at a press conference the speaker's story (2022年11月，他再次担任指令长) does not date the words
            return held.name, "meeting", held.date if held.floor and held.date else date or held.date
    return (*source, date)


def _attended(p: _Para, state: _State, lo: int, hi: int) -> _Meeting | None:
    """The meeting held last before [lo, hi) when [lo, hi) says the speaker takes part in it
    (……主席会议29日在北京召开。王沪宁主持并讲话; 在会上讲话; 发表了重要讲话; 回答中外记者提问); at a
    press conference everyone named speaks at it (……举行记者会。¶民政部部长陆治原介绍，……)."""
    cues = word_lists().cues
    said = re.search(rf"(?:{alt('attend_verbs')})(?:[^，。；：！？]{{0,30}}?并)?(?:{alt('speech')})|发表了?(?:{alt('speech')})|会上|{cues['answer_pattern']}"
                     rf"|(?:{alt('convene_verbs')})(?:{alt('meeting_refs')})时",
                     p.m[lo:hi])  # 出席会议并讲话; 在主持会议时表示
    for x in reversed(state.meetings):
        if x.held and x.pos < (p.index, lo):
            return x if said or x.floor else None
    return None


@dataclass
class _Intro:
    """How a group of quotations is introduced: who speaks, the kind, and the stretch of text
    [lo, hi) that introduces it (where the source and date are looked for); ``label``: a speaker
    label (全国人大代表郭建群：“……”), words said to the reporter, not at the occasion told before."""

    who: _Speaker
    kind: str
    lo: int
    hi: int
    label: bool = False


def _zero_subject(p: _Para, state: _State, sent_lo: int) -> _Speaker:
    """A sentence without a subject (……。在沈阳……，见到市民，问问“……”) continues the person of
    the sentences before it in the paragraph, or of the paragraph before."""
    lo = sent_lo
    while lo > 0:
        lo, hi = p.sentence(lo - 1)
        people = [e for e in p.rec.mentions(p.text, p.m, lo, hi, state) if e.kind in ("person", "pronoun", "title")]
        people = [e for e in people if not any(s <= e.start < t for s, t in _adverbials(p, lo, hi))]
        who = _resolve(people[0], p, state) if people else None
        if who is not None and who.name:
            return who
    if p.offset == 0 and state.last is not None:
        para, (lo, hi) = state.last
        people = [e for e in p.rec.mentions(para.text, para.m, lo, hi, state) if e.kind in ("person", "pronoun", "title")]
        who = _resolve(people[0], para, state) if people else None
        if who is not None and who.name:
            return _Speaker(who.name, None, Mention("person", 0, 0, who.name, ""))
    return _Speaker(None, None)


def _introduce(p: _Para, state: _State, group: list[tuple[int, int]]) -> _Intro | None:
    """Find what introduces a group: a verb before it (强调：“……”), a colon, a verb after it
    (“……”王福山说), a topic frame (围绕“……”作出部署) or the sentence it is a clause of."""
    cues = word_lists().cues
    o, last_c = group[0][0], group[-1][1]
    sent_lo = _intro_start(p, o)
    utter = any(_utterance(p.text[a + 1:b]) for a, b in group)
    after = p.m[last_c + 1:last_c + 2]
    pre = _pre_intro(p, sent_lo, o, utter)
    if pre is not None:
        vs = pre[0]
        # 詹纯新代表回味总书记说的“……”: who said the words stands right before the verb
        relative = p.m[pre[1]:o].rstrip().endswith("的")
        who = _subject(p, state, _clause_start(p, vs, sent_lo), vs, sent_lo, adjacent=relative)
        if relative and who.ent is None:
            who = _subject(p, state, _clause_start(p, vs, sent_lo), vs, sent_lo)
        if who.ent is None:
            who = _zero_subject(p, state, sent_lo)
        short = len(p.text[o + 1:last_c]) <= cues["term_max_chars"]
        nobody = who.ent is None
        modifies = is_han(p.m[last_c + 1:last_c + 2] or " ") and not word_lists().verbs.match(p.m, last_c + 1)  # 呼吁“占中”参与者
        named = p.m[vs:pre[1]] in cues["concept_verbs"] and p.m[pre[1]:o] == ""  # 提出“中国梦”: a concept named
        term = _term_marked(p, group[-1][0], last_c) or (not utter and short and (modifies or nobody or named))
        return _Intro(who, "term" if term else "direct", sent_lo, vs)
    if o > sent_lo and p.m[o - 1] in "：:" and (utter or after == "" or after in "，,。；;！？!?"):
        cl = _clause_start(p, o - 1, sent_lo)
        who = _subject(p, state, cl, o - 1, sent_lo)
        label = _label(p, cl, o - 1)
        if label is not None and (who.name is None or who.ent is not None and who.ent.kind == "person" and _covers(label, who.ent)):
            who = _resolve(label, p, state)  # 上海市科学技术委员会主任寿子琪：“……”
        if who.ent is None:
            who = _zero_subject(p, state, sent_lo)
        return _Intro(who, "direct", sent_lo, o - 1, label is not None and label.name == who.name)
    this = re.match(r"这(?:句话|段话|番话|些话)?(?:就)?是", p.m[last_c + 1:last_c + 8]) if utter else None
    if this:  # “……”这句话是毛泽东同志对他的评价 (not ……是杨善洲墓志铭上的一段话: the epitaph's words)
        start = last_c + 1 + this.end()
        _, sent_end = p.sentence(start)
        people = [e for e in p.rec.mentions(p.text, p.m, start, sent_end, state) if e.kind in ("person", "title")]
        author = next((e for e in people if re.match(r"(?:同志)?(?:在[^，。；]{1,30}?(?:时|上|中))?(?:对[^，。；]{1,12}?)?的", p.m[e.end:])), None)
        return _Intro(_resolve(author, p, state) if author else _Speaker(None, None), "direct", start, sent_end)
    post = _post_intro(p, group[-1][0], last_c, utter)
    if post is not None:
        cl, vs, _ = post
        who = _subject(p, state, cl, vs, last_c + 1)
        if who.ent is not None:
            return _Intro(who, "direct", sent_lo, vs)
    if utter and p.text[last_c - 1:last_c] in "。！？!?…":
        # “弄个‘床单’式的电极！”刘澄玉定下思路: the person the next words are about said it
        # (“……。”来自江苏省演艺集团的柯军代表……, “……。”28日9时，……队员岑勇，收到通知)
        _, sent_end = p.sentence(last_c + 1)
        people = [e for e in p.rec.mentions(p.text, p.m, last_c + 1, sent_end, state)
                  if e.kind in ("person", "title") and _subject_position(p, last_c + 1, e)]
        people.sort(key=lambda e: (_clause_start(p, e.start, last_c + 1), e.kind != "person"))
        who = _resolve(people[0], p, state) if people else None
        if who is not None and who.name:
            return _Intro(who, "direct", last_c + 1, last_c + 1)
    own = _own_words(p, state, sent_lo, o, last_c)
    if own is not None:
        return _Intro(own, "direct", sent_lo, o)
    saying = re.search(rf"(?:的)?(?:{alt('saying_nouns')})$", p.m[sent_lo:o])
    if saying:
        author = _pick([e for e in p.rec.mentions(p.text, p.m, sent_lo, sent_lo + saying.start(), state) if e.end == sent_lo + saying.start()], [])
        if author is not None and author.kind in ("person", "title", "generic"):
            return _Intro(_resolve(author, p, state), "direct", sent_lo, o)
        if author is None and utter:  # 拉美也有哲言“唯有益天下，方可惠本国”: a saying, nobody's words
            return _Intro(_Speaker(None, saying.group().lstrip("的")), "direct", sent_lo, o)
    if _topic_frame(p, o, last_c) or _usage_frame(p, o, last_c):
        return _Intro(_subject(p, state, _clause_start(p, o, sent_lo), o, sent_lo), "direct", sent_lo, o)
    if _whole_clause(p, o, last_c) and (utter or not _apposition(p, o)):
        final = last_c + 1 >= len(p.m) or p.m[last_c + 1] in "。！？!?"
        who = _implied_speaker(p, state, sent_lo, o, last_c, utter or final) or _introduced_before(p, state, o)
        if who is not None or utter:
            return _Intro(who or _Speaker(None, None), "direct", sent_lo, o)
    return None


def _own_words(p: _Para, state: _State, sent_lo: int, o: int, c: int) -> _Speaker | None:
    """The person whose words a quotation standing as the predicate right after them quotes back
    (为了找到中国的出路，毛泽东同志“向大本大源处探讨”，……), not a short term (总书记“点赞”) nor a
    modifier (习近平“两山”理念)."""
    cues = word_lists().cues
    if len(p.text[o + 1:c]) <= cues["term_max_chars"] or _term_marked(p, o, c) or is_han(p.m[c + 1:c + 2] or " "):
        return None
    lo = _clause_start(p, o, sent_lo)
    people = [e for e in p.rec.mentions(p.text, p.m, lo, o, state) if e.kind == "person" and _subject_position(p, lo, e)]
    if not people or not re.fullmatch(rf"(?:同志)?(?:{alt('adverbs', 'subject_gap')})*", p.m[people[-1].end:o]):
        return None
    return _resolve(people[-1], p, state)


def _introduced_before(p: _Para, state: _State, o: int) -> _Speaker | None:
    """The speaker a paragraph ending in a colon introduces for the quotation that opens the next
    one (老人翻着相册，缓缓说道：¶“……”), or the person its last sentence is about when the quotation
    speaks in the first person (王德福是村里的老党员。¶“我……”)."""
    if p.offset or p.m[:o].strip() or state.last is None:
        return None
    para, (lo, _) = state.last
    colon = len(para.text.rstrip()) - 1
    if colon >= lo and para.text[colon] in "：:":
        who = _subject(para, state, _clause_start(para, colon, lo), colon, lo)
        return who if who.name else None
    c = p.spans[0][1] if p.spans else len(p.text)
    if any(w in p.text[o + 1:c] for w in word_lists().cues["first_person"]):  # 王德福是村里的老党员。¶“我……”
        people = [e for e in para.rec.mentions(para.text, para.m, lo, colon + 1, state) if e.kind == "person" and _subject_position(para, lo, e)]
        if people:
            who = _resolve(people[0], para, state)
            return who if who.name else None
    return None


def _covers(a: Mention, b: Mention) -> bool:
    """``a`` is longer than ``b`` and holds it (范徐丽泰 holds 范徐丽)."""
    return a.start <= b.start and b.end <= a.end and a.end - a.start > b.end - b.start


def _label(p: _Para, lo: int, colon: int) -> Mention | None:
    """The speaker a label before a colon names (全国人大代表 向平华：, 寿子琪：, 邱老先生：,
    记者：): the two to four characters after the last title, a name joined by ·, or a bare title.

    >>> p = _prepare(0, "上海市科学技术委员会主任寿子琪：“要改革。”", Recognizer(default_segmenter()))
    >>> _label(p, 0, 15).name
    '寿子琪'
    >>> p = _prepare(0, "龙先兰（村民）：“日子好了。”", Recognizer(default_segmenter()))
    >>> _label(p, 0, 7).name
    '龙先兰'
    """
    lx = word_lists()
    seg = re.sub(r"\s*[（(][^（）()]{0,20}[）)]\s*$", "", p.m[lo:colon])  # 张三（村民）：
    if not 2 <= len(seg.strip()) <= 40 or not re.fullmatch(r"[\w·•‧・ \u3000、]+", seg):
        return None
    if seg.strip() in lx.title_set:
        return Mention("title", lo, lo + len(seg), None, seg.strip(), seg.strip())
    while True:  # 张三 村民：: the titles after the name go
        tail = next((t for t in lx.titles.finditer(seg) if t.end() == len(seg.rstrip()) and t.start() > 0), None)
        if tail is None or not seg[:tail.start()].strip():
            break
        seg = seg[:tail.start()]
    colon = lo + len(seg.rstrip())
    start = 0
    for mt in lx.titles.finditer(seg):
        if mt.end() < len(seg.rstrip()):
            start = mt.end()
    name = seg[start:].strip()
    if len(name) > 4 and "·" not in name:  # 全国人大代刘正军: a name at the end
        name = next((name[-n:] for n in (3, 2) if p.rec.valid_name(name[-n:])), "")
    plain = name.replace("·", "")
    if not 2 <= len(plain) <= (12 if "·" in name else 4) or name in lx.title_set or lx.generic.fullmatch(name) \
            or lx.verbs.search(name) or not all(is_han(c) for c in plain) or lx.pronouns.match(name):
        return None
    if not (start or "·" in name or p.rec.valid_name(name, 3) or p.rec.tagged_name(name) or name[1:] in lx.title_set):
        return None  # 本台消息：, 专家观点：: not a name
    s = colon - len(seg.rstrip()) + seg.rstrip().rfind(name)
    return Mention("person", s, s + len(name), lx.leaders.get(name, name), name)


def _turn_label(p: _Para) -> Mention | None:
    """The speaker label that opens a dialogue turn (李拯：……, 记者：……; not 记者：“……”, a quotation).

    >>> _turn_label(_prepare(0, "谢茂松：这是一个好问题。", Recognizer(default_segmenter()))).name
    '谢茂松'
    """
    mt = re.match(r"\s*[^：:，。；！？“”‘’「」]{2,24}?[：:]", p.m)
    if mt is None or word_lists().quote_marks.match(p.text[mt.end():].lstrip() or "“"):
        return None
    lo = len(p.m) - len(p.m.lstrip())
    return _label(p, lo, mt.end() - 1)


def _header_roles(lines: list[str]) -> dict[str, str]:
    """The people an article's header lines name by role (主持人：北京外国语大学……副教授  吴  浩),
    for the dialogue turns that carry only the role as their label.

    >>> _header_roles(["主持人：北京外国语大学区域与全球治理高等研究院副教授  吴  浩", "嘉  宾：前总干事  博科娃"])
    {'主持人': '吴浩', '嘉宾': '博科娃'}
    """
    out = {}
    for line in lines:
        mt = re.fullmatch(r"\s*([\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3})\s*[：:](.{2,60})", line or "")
        if mt is None or re.search(r"[。！？；“”]", mt.group(2)):
            continue
        name = re.search(r"(?:^|\s{2,})([\u4e00-\u9fff](?:\s{0,2}[\u4e00-\u9fff]){1,3})\s*$", mt.group(2))
        if name:
            out[re.sub(r"\s", "", mt.group(1))] = re.sub(r"\s", "", name.group(1))
    return out


def _interview(paras: list[_Para], state: _State, stop: int) -> tuple[_Speaker, str | None, str | None]:
    """Who answers in an interview, as the lead before paragraph ``stop`` says (本报记者采访了
    市场监管总局网监司负责人: an official not named), the occasion of the answers (接受本报记者采访,
    ……负责人接受新华社采访) and its date."""
    for p in reversed(paras[:stop]):
        told = re.search(rf"接受[^，。；：]{{0,20}}?(?:{alt('interview')})", p.m)
        asked = re.search(rf"([^，。；：]{{0,10}}?记者)((?:{alt('interview')}))了?([^，。；：]{{2,40}})", p.m)
        if told is None and asked is None:
            continue
        lo, hi = p.sentence((told or asked).start())  # type: ignore[union-attr]
        people = [e for e in p.rec.mentions(p.text, p.m, asked.start(3), asked.end(3), state) if e.kind == "person"] if asked else []
        who = _Speaker(people[-1].name, people[-1].mention, people[-1]) if people else _Speaker(None, "答")
        occasion = p.text[told.start():told.end()] if told else f"接受{asked.group(1)}{asked.group(2)}"  # type: ignore[union-attr]
        return who, occasion, _date(p, lo, hi, state)
    return _Speaker(None, "答"), None, None


@dataclass
class _Label:
    """A dialogue turn's label: who speaks, the occasion and date of the words (the interview), and
    whether the label stands on a line of its own (国家发展改革委主任何立峰：¶……: the paragraphs after it)."""

    who: _Speaker
    source: str | None = None
    date: str | None = None
    alone: bool = False

    def turn(self, start: int, end: int) -> _Found:
        """The turn of this speaker over ``start:end`` of a paragraph, at the interview it names."""
        return _Found(start, end, "turn", self.who, self.source, "other" if self.source else None, self.date)


def _turn_labels(art: Article, paras: list[_Para], state: _State) -> list[_Label | None]:
    """The label of every paragraph that opens a dialogue turn (李拯：……, 问：……, 主持人：……), or
    stands alone before the answers of an interview (商务部部长王文涛：). A role label is the person
    the header names with it (主持人：……  吴  浩); a question (问) is the reporter's, an answer (答)
    or a label line the interviewee's, at the interview the lead names; a label that opens two turns
    or more is a name even when the recognizer does not know it (博科娃)."""
    cues = word_lists().cues
    roles = _header_roles([art.title or "", art.subtitle or "", *art.sections, *(p.text for p in paras)])
    raw = [re.match(r"\s*([^：:，。；！？“”‘’「」\s]{1,6})[：:]", p.m) for p in paras]
    quoted = [mt is not None and word_lists().quote_marks.match(p.text[mt.end():].lstrip() or "“") is not None
              for p, mt in zip(paras, raw)]  # 记者：“……”: a quotation, unless the label opens turns elsewhere
    alone = [re.fullmatch(r"\s*[^：:，。；！？“”‘’「」]{2,24}[：:]\s*", p.text) is not None and k + 1 < len(paras)
             and not word_lists().quote_marks.match(paras[k + 1].text.lstrip() or "“") for k, p in enumerate(paras)]
    counts: dict[str, int] = {}
    for mt, q in zip(raw, quoted):
        if mt and not q:
            counts[mt.group(1)] = counts.get(mt.group(1), 0) + 1
    known: dict[str, _Speaker] = {}
    qa = cues["qa_labels"]
    first = next((k for k, (mt, one) in enumerate(zip(raw, alone)) if one or mt and mt.group(1) in qa), len(paras))
    answers = _interview(paras, state, first) if first < len(paras) else (_Speaker(None, None), None, None)
    out: list[_Label | None] = []
    for p, mt, q, one in zip(paras, raw, quoted, alone):
        label = _turn_label(p)
        word = mt.group(1) if mt else None
        who: _Speaker | None
        said = (None, None)
        if one:
            named = _label(p, len(p.text) - len(p.text.lstrip()), len(p.text.rstrip()) - 1)
            who = _resolve(named, p, state) if named is not None else None
            said = answers[1:]
        elif q:
            who = known.get(word or "") if counts.get(word or "", 0) >= 2 else None  # 博科娃：“五个世界”之间……
        elif word in qa and qa[word] == "answer":
            who, said = answers[0], answers[1:]
        elif word in qa:
            who = _Speaker(state.reporter or state.outlet, word)
        elif word in roles:
            who = _Speaker(roles[word], word)
        elif label is not None:
            who = _resolve(label, p, state)
            if label.kind == "person" and label.name:
                state.names.add(label.name)
        elif word and counts[word] >= 2 and len(word) >= 2 and all(is_han(c) or c == "·" for c in word) \
                and not word_lists().generic.search(word) and not word_lists().verbs.search(word):
            who = _Speaker(word, word)
        else:
            who = None
        if who is not None and word and not q:
            known[word] = who
        out.append(_Label(who, *said, alone=one) if who is not None else None)
    return out


def _heading(p: _Para, following: _Para | None) -> bool:
    """A short line before a turn that reads as a subhead (突出问题有哪些？), not words of the floor."""
    t = p.text.strip()
    return len(t) <= word_lists().cues["heading_max_chars"] and following is not None and re.match(
        r"\s*[^：:，。；！？“”]{1,6}[：:]", following.m) is not None and t[-1:] not in "。；…"


def _direct(p: _Para, state: _State) -> list[_Found]:
    """Quotations in marks: direct (with their attribution) or terms."""
    out: list[_Found] = []
    for group in _groups(p):
        intro = _introduce(p, state, group)
        if intro is not None and intro.kind == "direct" and intro.who.ent is not None and not intro.label:
            src, stype, date = _context(p, state, intro.hi, intro.lo, intro.who)
        else:
            src = stype = date = None
        for a, b in group:
            if intro is None:
                modifier = p.m[b + 1:b + 2] == "的"  # “共抓大保护，不搞大开发”的理念
                inner = p.text[a + 1:b].rstrip()
                # an object (聚焦“零关税、低税率……”) is a formula unless it is a whole sentence
                embedded = a > 0 and is_han(p.m[a - 1]) and not inner.endswith(("。", "！", "？", "!", "?", "…"))
                said = _utterance(inner) and not _apposition(p, a) and not modifier and not embedded
                kind = "direct" if said else "term"
                out.append(_Found(a + 1, b, kind))
            elif intro.kind == "direct" and p.m[b + 1:b + 2] == "的" and not re.match(alt("speech_nouns"), p.m[b + 2:b + 4]):
                out.append(_Found(a + 1, b, "term"))  # 回答了“……”的重大问题: the words name the question, a modifier
            else:
                out.append(_Found(a + 1, b, intro.kind, intro.who, src, stype, date))
            out.extend(_nested(p, a, b, state))
    return out


def _topic_frame(p: _Para, o: int, c: int) -> bool:
    """会议围绕“……”作出具体部署: the quotation is the topic of a reporting noun."""
    cues = word_lists().cues
    before = p.m[max(0, o - 2):o]
    if not any(before.endswith(w) for w in cues["topic_prepositions"]):
        return False
    after = p.m[c + 1:c + 9]
    return bool(re.match(rf"(?:作出|提出|进行|作了|做出)?[^，。；]{{0,4}}?(?:{alt('topic_nouns')})", after))


def _usage_frame(p: _Para, o: int, c: int) -> bool:
    """外国游客用“……”“……”来称赞: the quotation is the words someone uses."""
    frame = word_lists().cues["usage_frame"]
    if not any(p.m.endswith(w, 0, o) for w in frame["before"]):
        return False
    rest = p.m[c + 1:c + 8]
    rest = rest[1:] if rest[:1] in frame["after"] else rest
    return any(rest.startswith(v) for v in frame["verbs"])


def _whole_clause(p: _Para, o: int, c: int) -> bool:
    marks = set(word_lists().cues["clause_marks"]) | set(word_lists().cues["sentence_end"])
    if _utterance(p.text[o + 1:c]):
        marks |= set("—")  # ……的“八个梦想”——“想脱贫致富，……”
    before = p.m[o - 1] if o > 0 else ""
    after = p.m[c + 1] if c + 1 < len(p.m) else ""
    return (before == "" or before in marks or before in word_lists().cues["quote_pairs"].values()) and (after == "" or after in marks)


def _clause_verb(p: _Para, lo: int, o: int) -> bool:
    """A reporting verb used earlier in the sentence (姐姐觉得不妥，“多遭罪”)."""
    lx = word_lists()
    return any(_verb_ok(p, lo + mt.start(), lo + mt.end()) for mt in lx.verbs.finditer(p.m[lo:o]))


def _apposition(p: _Para, o: int) -> bool:
    before = p.m[max(0, o - 2):o]
    return any(before.endswith(w) for w in word_lists().cues["apposition_marks"])


def _implied_speaker(p: _Para, state: _State, sent_lo: int, o: int, c: int, utter: bool) -> _Speaker | None:
    """A quotation that is a clause of its own: after a reporting verb earlier in the sentence
    (姐姐觉得不妥，“多遭罪”) the verb's subject speaks; words that read as said belong to the
    person the sentence is about (居民杨元杰……晒出了滏阳河，“……”); a sentence of its own in the
    first person to the person the previous sentence is about (钱为民正带领……。“……我们……”)."""
    if sent_lo < o:
        verb = _clause_verb(p, sent_lo, o)
        if not (verb or utter):
            return None
        ents = [x for x in p.rec.mentions(p.text, p.m, sent_lo, o, state) if verb or x.kind in ("person", "pronoun")]
        e = _pick(ents, _adverbials(p, sent_lo, o))
        return _resolve(e, p, state) if e is not None else None
    first = any(w in p.text[o + 1:c] for w in word_lists().cues["first_person"])
    verb = re.compile(rf"(?:{word_lists().verbs.pattern})(?:{alt('verb_suffixes')})?[，,：:]")
    lo = sent_lo
    for _ in range(3 if utter else 0):
        # ……穆内内表示，……。“在肯尼亚，……”: who reported the sentences before (that name nobody else) goes on
        if lo == 0:
            break
        lo, hi = p.sentence(lo - 1)
        reported = verb.search(p.m, lo, hi)
        end = reported.start() if reported else hi
        ents = [x for x in p.rec.mentions(p.text, p.m, lo, end, state) if x.kind == "person"]
        e = _pick(ents, _adverbials(p, lo, end))
        if e is not None and (reported or first):
            return _resolve(e, p, state)
        if e is not None:
            break
    return None


def _nested(p: _Para, a: int, b: int, state: _State) -> list[_Found]:
    """Quotations inside the quotation (a, b): analysed as a paragraph of their own."""
    inner_spans = p.nested.get(a)
    if not inner_spans:
        return []
    sub = _prepare(p.index, p.text[a + 1:b], p.rec, p.offset + a + 1)
    found = _direct(sub, state)
    for f in found:
        f.start += a + 1
        f.end += a + 1
        if f.who.ent is not None and f.who.ent.kind == "pronoun":
            f.who = _Speaker(None, f.who.mention)
    return found


def _indirect(p: _Para, state: _State, direct: list[_Found]) -> list[_Found]:
    """Reported speech without marks: ``speaker + verb + ，/：`` and the rest of the sentence."""
    lx = word_lists()
    c = lx.cues
    out = []
    lead = alt("lead_words")
    quotes = set(c["quote_pairs"]) | set(c["symmetric_quotes"])
    for mt in lx.verbs.finditer(p.m):
        vs, ve = mt.span()
        after = _verb_tail(p, ve) if p.m.startswith(("道", "了"), ve) else ve
        told = re.match(alt("addressees"), p.m[after:after + 8]) if p.m[vs:ve] in c["telling_verbs"] else None
        after += told.end() if told else 0  # 司机告诉我们，……
        if p.m[vs - 1:vs] == "所" and p.m.startswith("的", after):
            after += 1  # 正如马克思所指出的，……
        points = re.match(word_lists().cues["point_list"], p.m[after:after + 12])  # 提出四点意见：
        if points and p.m[after + points.end():after + points.end() + 1] in ("：", ":"):
            after += points.end()
        if after >= len(p.m) or p.m[after] not in "，,：:":
            continue
        body = after + 1
        rest = re.match(rf"\s*(?:{lead})?\s*", p.m[body:])
        q = body + rest.end()
        if q < len(p.m) and p.m[q] in quotes and not any(o == q and _term_marked(p, o, c_) for o, c_ in p.spans):
            continue
        if not _verb_ok(p, vs, ve):
            continue
        _, sent_hi = p.sentence(vs)
        sent_lo = _intro_start(p, vs)
        cl = _clause_start(p, vs, sent_lo)
        if cl == vs:
            continue
        who = _subject(p, state, cl + p.m.startswith("据", cl), vs, cl, adjacent=True)  # 据王德福回忆，……
        if who.ent is None and sent_lo < cl and _manner_only(p, cl, vs):
            who = _sentence_subject(p, state, sent_lo, cl)  # 习近平同大家亲切握手，满怀真情地对他们说，……
        if who.ent is None and p.m[cl:vs] == "据":  # ……最高人民法院9日发布5件……案例。¶据介绍，……: the body that released it tells (not a person the story is about)
            name = _antecedent(p, state, cl, ("org",))
            who = _Speaker(name, p.m[cl:ve], Mention("org", cl, cl, name, "")) if name else who
        if who.ent is None or not (_adjacent(p, who.ent.end, vs) or who.ent.end <= cl):
            continue
        end = sent_hi
        while end > body and p.m[end - 1] in "。！？!?":
            end -= 1
        for o, _cl in p.spans:
            if body < o < end and _whole_clause(p, o, _cl) and p.m[o - 1] in "，,：:":
                end = o - 1
                break
        # ……“不切实际”，他建议……: the narrator takes over where someone else's speech act begins
        turn = re.search(rf"[，,；;](?:{word_lists().pronouns.pattern})(?:{alt('adverbs')})?(?:{word_lists().verbs.pattern})", p.m[body:end])
        if turn is not None:
            end = body + turn.start()
        while end > body and p.m[end - 1] in "，,、；;：: \u3000":
            end -= 1
        prev = out[-1] if out else None
        if prev is not None and prev.start < cl <= prev.end and p.m[cl - 1] in "；;":
            prev.end = cl - 1  # ……；曹卫星常委代表民盟中央表示，……: a new speaker after a semicolon ends the words before
        if end - body < 4 or any(f.start <= body < f.end for f in direct) or any(f.start <= body < f.end for f in out):
            continue
        src, stype, date = _context(p, state, vs, sent_lo, who)
        words = _closing_words(p, body, end, direct)
        if words is not None:  # 卡尼表示，……征收的是“毫无道理且毫无根据的关税”: his words, no indirect around them
            words.kind, words.who, words.source, words.source_type, words.date = "direct", who, src, stype, date
            continue
        out.append(_Found(body, end, "indirect", who, src, stype, date))
    return out


def _closing_words(p: _Para, body: int, end: int, direct: list[_Found]) -> _Found | None:
    """The quotation that ends reported words [body, end) when it quotes the speaker as what something
    is (……的是“虚假信息”, 做“……的参与者”), not a slogan or a name the words use (坚持“一国两制”,
    支持中汽协“……的倡议”) nor a modifier."""
    found = next((f for f in direct if f.end + 1 == end and body < f.start - 1 and f.kind in ("term", "direct")), None)
    if found is None:
        return None
    framed = re.search(rf"(?:{alt('quoting_frames')})$", p.m[body:found.start - 1]) is not None
    return found if framed and not _term_marked(p, found.start - 1, found.end) else None


def _sentence_subject(p: _Para, state: _State, lo: int, hi: int) -> _Speaker:
    """The subject of the last clause of [lo, hi) that has one: who goes on in a clause without one."""
    marks = word_lists().cues["addressee_marks"]
    people = [e for e in p.rec.mentions(p.text, p.m, lo, hi, state, tagger=False)
              if e.kind in ("person", "title", "pronoun") and _subject_position(p, lo, e) and p.m[e.start - 1:e.start] not in marks]
    return _resolve(people[-1], p, state) if people else _Speaker(None, None)


def _manner_only(p: _Para, lo: int, vs: int) -> bool:
    """Only words of manner and the people spoken to stand before the verb (满怀真情地对他们说), not
    an object (对他们予以亲切勉励) or a predicate (对我们既是鼓励)."""
    told = rf"(?:对|向|跟|给)(?:{word_lists().pronouns.pattern}|{alt('addressees')})们?"
    return re.fullmatch(rf"(?:{alt('adverbs', 'subject_gap')}|[\u4e00-\u9fff]{{1,4}}地|{told})+", p.m[lo:vs]) is not None


def _adjacent(p: _Para, end: int, vs: int) -> bool:
    """Only adverbials stand between the speaker and the verb (王某在会上强调, not 群众新期待)."""
    lx = word_lists()
    if vs - end > word_lists().cues["max_gap"]:
        return False
    gap = list(p.m[end:vs])
    for s, t in _adverbials(p, end, vs):
        gap[s - end:t - end] = " " * (t - s)
    rest = _without_dates("".join(gap).replace(" ", ""))
    words = alt("adverbs", "subject_gap")
    act = rf"(?:(?:{alt('speech_act_objects')})[^，。；：！？]{{1,30}}?)?(?:{alt('speech_acts')})"  # 对……作出重要指示强调
    both = r"一边[\u4e00-\u9fff]{1,6}?一边"  # 一边干活一边说
    titles = rf"(?:{lx.titles.pattern})(?!们)"  # 马建堂常委发言提出 (not 政协常委们: many people)
    also = r"[\u4e00-\u9fff]{2,4}并"  # 高度重视并作出重要指示指出
    behalf = r"代表[\u4e00-\u9fff]{2,12}?"  # 曹卫星常委代表民盟中央表示
    said = rf"(?:{lx.verbs.pattern})$"  # 介绍说, 强调指出
    attend = rf"(?:{alt('attend_verbs')})[^，。；：！？]{{1,30}}?并"  # 出席会议并讲话指出
    asked = rf"接受[^，。；：！？]{{0,20}}?(?:{alt('interview')})时?"  # 张三接受本报记者采访时表示
    return re.fullmatch(rf"(?:{words}|{titles}|{attend}|{asked}|{act}时?|{both}|{also}|{behalf}|{said}|[\u4e00-\u9fff]{{1,4}}地|(?:向|对|给|跟)[\u4e00-\u9fff]{{1,8}}?)*", rest) is not None


def _scene(p: _Para, state: _State, lo: int, hi: int, e: Mention) -> None:
    """Note the occasion (and its date) of the person ``e`` who is the subject of a clause of the
    sentence [lo, hi) (习近平10月15日在北京会见……): the scene of that person's next words when they
    name none, and of the other people that clause names (习近平同……总督威廉斯互致贺电: 威廉斯表示，……
    is in his message; 习近平会见洪秀柱。洪秀柱表示，……)."""
    words = _words_start(p, e.end, hi)  # the occasion is told before the words (not 我们多次会晤 in them)
    facts = _facts(p, state, lo, words, _Speaker(e.name, e.mention, e), e)
    if not (facts[0] and e.name):
        return
    took_part = rf"(?:{alt('attend_verbs')})|(?:{alt('speech')})|在会上|(?:{alt('convene_verbs')})"
    if facts[1] == "meeting" and facts[2] is None and not re.search(took_part, p.m[lo:words]):
        return  # 他正与中方伙伴协调，在第四届中非经贸博览会上展示……: a meeting to come, not the occasion of his words
    if facts[1] == "meeting" and facts[2] is None and words == hi and not re.search(rf"(?:{alt('speech')})|在会上|(?:{alt('convene_verbs')})", p.m[lo:hi]):
        return  # ……参加了党的一大会议: a life story, not the occasion of his later words
    if facts[2] is None:  # ……大会27日上午在京开幕。……习近平发来贺信: the day the paragraph's news opened with
        facts = (*facts[:2], next((d for pos, d in reversed(p.days) if pos < lo and _recent(d, state.today)), None))
    acts = re.compile(alt("letter_acts", "meeting_visits", "talk_acts"))
    others = []
    for x in p.rec.mentions(p.text, p.m, e.end, _clause_end(p, e.end), state):
        if x.kind == "person" and x.name:
            cut = next((k for k in range(x.start + 2, x.end) if acts.match(p.m, k)), None)  # 楚普|互致贺电
            others.append(p.m[x.start:cut] if cut else x.name)
        elif x.kind == "title" and x.name is None:
            others.append(_name_after_title(p, x.end) or "")  # 会见智利总统博里奇
    for name in dict.fromkeys([e.name, *others]):
        if name:
            _set_scene(state, name, _Scene(*facts, p.index))


def _set_scene(state: _State, name: str, scene: _Scene) -> None:
    """``scene`` is now the occasion of ``name``'s words; the same occasion named again without its
    date (习近平近日给……回信。¶习近平在回信中表示，……) keeps the date it had; a past one does not
    replace the news event of now."""
    old = state.scenes.get(name)
    if scene.date is None and old is not None and _same_occasion(scene.source, old.source):
        scene.date = old.date
    if old is not None and _now(old.date, state.today) and not _now(scene.date, state.today):
        return  # 2007年，习近平在上海工作期间……实地调研 (or an undated aside): the news event of now goes on
    state.scenes[name] = scene


def _same_occasion(a: str | None, b: str | None) -> bool:
    """Do two sources name the same occasion (新年贺电 and 贺电)?

    >>> _same_occasion("贺电", "新年贺电"), _same_occasion("贺电", "回信")
    (True, False)
    """
    return bool(a and b and (a.endswith(b) or b.endswith(a)))


def _name_after_title(p: _Para, i: int) -> str | None:
    """The name a title at i is followed by when the recognizer gave none: two to six characters
    that end the clause or stand before a letter or meeting act (智利总统博里奇。, 总督威廉斯互致贺电)."""
    mt = re.match(rf"([\u4e00-\u9fff][\u4e00-\u9fff·\-－]{{1,7}}?)(?:[，。；、]|{alt('letter_acts', 'meeting_visits', 'talk_acts')})", p.m[i:])
    if mt is None or word_lists().titles.search(mt.group(1)) or word_lists().verbs.search(mt.group(1)):
        return None
    return mt.group(1)


def _remember(p: _Para, state: _State) -> None:
    """Note the people and document issuers the paragraph names (outside quotations)."""
    # 会议强调，今年将召开党的十九大……: the meetings a meeting's paragraph speaks about are not the one held
    reported = re.match(rf"\s*(?:{alt('meeting_refs')})[^，。；：]{{0,6}}?(?:{word_lists().verbs.pattern})[，：]", p.m) is not None
    p.day_before = state.last_day
    n_people, n_meetings = len(state.people), len(state.meetings)
    for d in find_dates(p.m, relative=True):
        iso = _resolve_date(p, d, state)
        if iso is not None and len(iso) == 10:
            p.days.append((d.start, iso))
    state.last_day = p.days[-1][1] if p.days else state.last_day
    sent = re.search(word_lists().cues["messages_pattern"], p.m)
    if sent:
        state.messages = _Scene(p.text[sent.start(1):sent.end(1)], "letter", None, p.index)
    lo = 0
    for hi in [*p.ends, len(p.text)]:
        if hi <= lo:
            continue
        ents = p.rec.mentions(p.text, p.m, lo, hi, state, tagger=False)
        background = re.match(rf"\s*(?:{alt('background_words')})[，,]", p.m[lo:hi]) is not None
        for e in ents:
            if e.kind == "doc" and e.mention.startswith("《"):
                e.doc_type = _doc_type(p, e)
                if e.issuer is None and e.doc_type == "article":  # 习近平的重要文章《……》
                    e.issuer = next((a for a in ents if a.kind in ("person", "title") and re.fullmatch(
                        rf"的(?:{alt('article')})", p.m[a.end:e.start])), None)
                    if e.issuer is not None and e.issuer.kind == "title":
                        e.issuer.name = _resolve(e.issuer, p, state).name
                state.docs.append(((p.index, e.start), e))
            if e.kind == "title" and e.name is None:
                name = _name_after_title(p, e.end)
                if name:
                    state.titled.add(name)
            if e.kind == "person" and e.name:
                state.people.append(((p.index, e.start), e.name, e.title))
                state.names.add(e.name)
                if _subject_position(p, lo, e):
                    _scene(p, state, lo, hi, e)
            elif e.kind == "meeting" and e.name and not reported:
                date = _date(p, lo, hi, state)
                # a press conference, or a session with speeches from the floor (……举行全体会议，15位常委作大会发言)
                floor = e.name.endswith(tuple(word_lists().cues["press_events"])) and (
                    not e.name.endswith("全体会议") or re.search(alt("floor_words"), p.m[lo:hi]) is not None)
                held = _held(p, e.start, e.end) and not background  # 此前，……主持召开中央政治局常委会会议: not the one reported
                name = _fuller(state, e.name) or e.name
                state.meetings.append(_Meeting((p.index, e.start), name, meeting_speaker(name), date, held, floor))
                press = re.match(rf"[^，。；：]{{0,16}}?(?:{alt('convene_verbs')})({alt('press_events')})", p.m[e.end:])
                if press:  # 十四届全国人大三次会议今天举行记者会: the press conference of that session
                    state.meetings.append(_Meeting((p.index, e.end), e.name + press.group(1), meeting_speaker(e.name), date, True, True))
            elif e.kind == "doc" and e.issuer is not None:
                state.issuers[e.mention] = e.issuer
                alias = re.match(r"（以下简称(《[^》]+》)）", p.text[e.end:])
                if alias:
                    state.issuers[alias.group(1)] = e.issuer
        for mt in re.finditer(rf"({word_lists().institutions.pattern})[^，。；]{{0,16}}?(?:{alt('convene_verbs')})了?会议", p.m[lo:hi]):
            if word_lists().titles.search(mt.group()):
                continue  # 中共中央总书记习近平主持会议: the body is the leader's office
            body = body_name(mt.group(1))  # 中共中央政治局2月21日召开会议
            state.meetings.append(_Meeting((p.index, lo + mt.end()), body + "会议", body, _date(p, lo, hi, state), not background))
        lo = hi
    # what this paragraph added comes after all that earlier paragraphs did: sort only that
    state.people[n_people:] = sorted(state.people[n_people:], key=lambda x: x[0])
    state.meetings[n_meetings:] = sorted(state.meetings[n_meetings:], key=lambda x: x.pos)


def _as_article(article_or_text: Article | str) -> Article:
    if isinstance(article_or_text, Article):
        return article_or_text
    if isinstance(article_or_text, str):
        lines = [x.strip() for x in article_or_text.splitlines()]
        return Article(paragraphs=[Paragraph(i, x) for i, x in enumerate(x for x in lines if x)])
    raise InputError(
        f"quotations: expected an Article or a str, got {type(article_or_text).__name__}; "
        "pass policytext.read(path)[0] or the text itself"
    )


def _reporter(art: Article) -> str | None:
    """The one reporter an article is by-lined to (本报记者  林丽鹂), who asks its questions (记者问)."""
    name = re.sub(r"\s", "", art.author or "")
    return name if 2 <= len(name) <= 4 and all(is_han(c) for c in name) else None


def article_date(art: Article) -> str | None:
    """The article's date, else the date its file is named with (``2015-05-06-cctv-….txt``).

    >>> article_date(Article(source="corpora/2015-05-06-cctv-meeting.txt"))
    '2015-05-06'
    """
    if art.date:
        return art.date
    name = re.split(r"[\\/]", art.source or "")[-1]
    md = re.match(r"((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?!\d)", name)
    return f"{md.group(1)}-{md.group(2)}-{md.group(3)}" if md else None


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


def quotations(article_or_text: Article | str, link: bool = True, segmenter: Segmenter | None = None,
               recognizer: Recognizer | None = None) -> list[Quotation]:
    """Direct and indirect quotations and quoted terms of an article (or of a text, one
    paragraph per non-empty line), in text order. ``link=False`` leaves ``quote_id`` unset, for
    callers that link a whole corpus at once (:func:`~policytext.extract.quote_links.quote_ids`).
    Names are told from words with ``segmenter`` (default: the default jieba segmenter), or by
    the entity ``recognizer`` given.

    >>> [(q.kind, q.text, q.speaker) for q in quotations("总书记指出，要“持续用力”。网友说：“好！”")]
    [('direct', '持续用力', None), ('direct', '好！', None)]
    """
    art = _as_article(article_or_text)
    rec = recognizer or Recognizer(segmenter or default_segmenter())
    state = _State(today=article_date(art))
    state.outlet = outlet(art)
    texts = [para.text for para in art.paragraphs]
    paras = [_prepare(para.index, para.text + _run_on(para.text, texts[k + 1] if k + 1 < len(texts) else ""), rec)
             for k, para in enumerate(art.paragraphs)]
    state.reporter = _reporter(art)
    for line in [art.subtitle or "", *art.sections]:  # 阿里巴巴国际站市场部相关负责人陈唐——: the people of the article
        state.names.update(e.name for e in rec.mentions(line, line, 0, len(line), state, tagger=False) if e.kind == "person" and e.name)
    labels = _turn_labels(art, paras, state)
    dialogue = sum(x is not None for x in labels) >= 2
    last_label = max((k for k, x in enumerate(labels) if x is not None), default=-1)
    turn: _Label | None = None  # who has the floor in a dialogue, and the occasion of their words (接受本报记者采访)
    run_on: _Found | None = None  # a quotation that runs on into the next paragraph
    out: list[Quotation] = []
    for i, (para, p) in enumerate(zip(art.paragraphs, paras)):
        _remember(p, state)
        direct = _direct(p, state)
        found = sorted(direct + _indirect(p, state, direct), key=lambda f: (f.start, f.end))
        if run_on is not None:  # “……¶“……”: the quotation goes on with its speaker
            for f in found:
                if f.kind == "direct" and f.start == len(p.text) - len(p.text.lstrip()) + 1 and f.who.name is None:
                    f.who, f.source, f.source_type, f.date = run_on.who, run_on.source, run_on.source_type, run_on.date
        run_on = next((f for f in found if f.kind == "direct" and f.end == len(para.text)), None) if len(p.text) > len(para.text) else None
        label = labels[i] if dialogue else None
        if i and para.section != art.paragraphs[i - 1].section or _heading(p, paras[i + 1] if i + 1 < len(paras) else None):
            turn = None  # a new section (or a subhead): the narrator speaks until the next label
        if label is not None:
            turn = label
        if label is not None and not label.alone:
            body = len(p.text) - len(re.sub(r"^\s*[^：:]{1,24}?[：:]", "", p.text).lstrip())
            found.insert(0, label.turn(body, len(p.text.rstrip())))
        elif label is None and dialogue and turn is not None and p.text.strip() and (i < last_label or turn.alone) \
                and not p.text.lstrip().startswith(("（", "(")):  # the same speaker goes on (not a closing （……）)
            found.insert(0, turn.turn(0, len(p.text.rstrip())))
        if p.text:
            state.last = (p, p.sentence(len(p.text) - 1))
        state.seen.append(p)
        for f in found:
            if f.kind != "term" and f.who.name and f.source:
                _set_scene(state, f.who.name, _Scene(f.source, f.source_type, f.date, para.index))
        for f in found:
            f.end = min(f.end, len(para.text))  # a quotation that runs on ends with its paragraph
            if f.end <= f.start:
                continue
            out.append(
                Quotation(
                    text=para.text[f.start:f.end],
                    kind=f.kind,
                    paragraph=para.index,
                    start=f.start,
                    end=f.end,
                    speaker=f.who.name if f.kind != "term" else None,
                    speaker_mention=f.who.mention if f.kind != "term" else None,
                    source=f.source,
                    source_type=f.source_type,
                    date=f.date,
                    speakers=f.who.names if f.kind != "term" else [],
                )
            )
    if link:
        link_quotations(out)
    return out



class QuotationStage(Stage):
    """Quotations, indirect speech and quoted terms (``article.quotations()``; the ``quotations``
    table, whose ``quote_id`` the corpus gives across articles)."""

    name = "quotations"
    requires = ("tokens",)
    tables = {"quotations": ("article_id", "quotation", "paragraph", "start", "end", "text", "kind", "speaker",
                             "speaker_mention", "source", "source_type", "date", "quote_id")}

    def run(self, article: Article) -> None:
        article.results[self.name] = quotations(article, segmenter=self.settings.segmenter)

    def rows(self, article: Article) -> Rows:
        columns = self.tables["quotations"][2:]  # the record's fields but the speakers list (speaker shows them all)
        return {"quotations": [{"article_id": article.id, "quotation": i, **{c: getattr(q, c) for c in columns}}
                               for i, q in enumerate(article.results[self.name])]}

    def report(self, article: Article) -> list[str]:
        quotes = [q for q in article.results[self.name] if q.kind != "term"]
        if not quotes:
            return []
        out = [f"  quotations:   {len(quotes)}"]
        for q in quotes:
            where = "，".join(x for x in (q.source if q.source != q.speaker else None, q.date) if x)
            out.append(f"    - {q.speaker or '?'}{'（' + where + '）' if where else ''}：{q.text[:40]}")
        return out

    def marks(self, article: Article) -> list[Mark]:
        out = []
        for q in article.results[self.name]:
            who = "，".join(x for x in (q.speaker or q.speaker_mention, q.source, q.date) if x)
            out.append(Mark(q.paragraph, q.start, q.end, q.kind, f"{q.kind}: {who}" if who else q.kind))
        return out
