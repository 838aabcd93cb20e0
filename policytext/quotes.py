"""Quotations: direct and indirect speech and quoted terms, with speaker, source and date.

Direct quotations are words in quotation marks (“…”, 「…」, ‘…’, "…") that the text presents as
said or written by someone; indirect quotations are reported speech after a reporting verb
(指出，…) up to the end of the sentence; terms are quoted words nobody is quoted as saying
(“一老一小”). Every record satisfies ``paragraphs[q.paragraph].text[q.start:q.end] == q.text``.
The cue words, verbs, titles and names are data files in ``data/quotes/`` and ``data/lexicon/``.

>>> import policytext
>>> q = policytext.quotations("2024年4月，习近平总书记在重庆考察时强调，“要深入践行人民城市理念”。")[0]
>>> q.kind, q.speaker, q.source, q.source_type, q.date
('direct', '习近平', '重庆考察', 'inspection', '2024-04')
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from collections.abc import Iterator, Sequence
from typing import Any

from .document import Article, Paragraph, Quotation
from .errors import InputError, ModelError
from .segment import _runs, word_lines, trie_regex as _alternation

__all__ = ["quotations", "link_quotations", "quote_ids", "normalise_quote"]

_FILL = "\u25a1"  # stands in for masked characters (inside quotation marks and 《》)
_HAN = re.compile(r"[\u3400-\u9fff]")
_MAX_TITLE = 12
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


# ---------------------------------------------------------------- data

def _lines(path: Any) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: cannot read this data file of the quotation stage ({exc}); reinstall policytext") from exc
    return word_lines(text)


@lru_cache(maxsize=None)
def _alt(*keys: str) -> str:
    """The regex alternation of the cue lists ``keys`` of cues.json, longest first."""
    cues = _lex().cues
    return _alternation([w for k in keys for w in cues[k]])


@lru_cache(maxsize=None)
def _alt_re(key: str) -> re.Pattern[str]:
    """:func:`_alt` of one cue list, compiled."""
    return re.compile(_alt(key))


_AGE = re.compile(r"\d+岁的")
_INNER_BOOK = re.compile(r"《[^《》]*》")


@dataclass(frozen=True)
class _Lexicon:
    cues: dict[str, Any]
    verbs: re.Pattern[str]
    not_reporting: dict[int, frozenset[str]]  # by length
    titles: re.Pattern[str]
    title_set: frozenset[str]
    generic: re.Pattern[str]
    pronouns: re.Pattern[str]  # one character each: 他, 她
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    surname_firsts: frozenset[str]  # the characters a surname (single or compound) starts with
    not_names: frozenset[str]
    leaders: dict[str, str]
    leader_re: re.Pattern[str] | None
    institutions: re.Pattern[str]
    meetings: re.Pattern[str]
    meeting_suffix: re.Pattern[str]
    dates: re.Pattern[str]
    quote_marks: re.Pattern[str]
    sentence_ends: re.Pattern[str]


def _chars(chars: Any) -> re.Pattern[str]:
    """A pattern matching any one of ``chars``."""
    return re.compile("[" + "".join(map(re.escape, chars)) + "]")


@lru_cache(maxsize=1)
def _lex() -> _Lexicon:
    data = resources.files("policytext").joinpath("data")
    q, lexicon = data.joinpath("quotes"), data.joinpath("lexicon")
    try:
        cues = json.loads(q.joinpath("cues.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{q}/cues.json: missing or not valid JSON ({exc}); reinstall policytext") from exc
    titles = set(_lines(lexicon.joinpath("titles.txt"))) | set(_lines(q.joinpath("roles.txt")))
    surnames = " ".join(_lines(q.joinpath("surnames.txt"))).split()
    leaders: dict[str, str] = {}
    if lexicon.joinpath("leaders.txt").is_file():
        for line in _lines(lexicon.joinpath("leaders.txt")):
            names = [n for n in re.split(r"[\s,，|/=;；]+", line) if n and _HAN.match(n)]
            for n in names:
                leaders.setdefault(n, names[0])
    rel = "|".join(map(re.escape, list(cues["relative_years"]) + cues["same_year"]))
    dates = re.compile(
        r"(?<!\d)(?P<y>\d{4})\s*年(?:\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?)?"
        rf"|(?P<rel>{rel})(?!\s*\d+\s*(?:岁|周岁))(?:\s*(?P<rm>\d{{1,2}})\s*月(?:\s*(?P<rd>\d{{1,2}})\s*[日号])?)?"
        r"|(?<![\d年])(?P<om>\d{1,2})\s*月(?:\s*(?P<od>\d{1,2})\s*[日号])?"
    )
    return _Lexicon(
        cues=cues,
        verbs=re.compile(_alternation(_lines(q.joinpath("verbs.txt")))),
        not_reporting=_by_length(_lines(q.joinpath("not_reporting.txt"))),
        titles=re.compile(_alternation(titles)),
        title_set=frozenset(titles),
        generic=re.compile(_alternation(_lines(q.joinpath("generic_speakers.txt")))),
        pronouns=_chars(_lines(q.joinpath("pronouns.txt"))),
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=frozenset(s for s in surnames if len(s) == 2),
        surname_firsts=frozenset(s[0] for s in surnames if len(s) <= 2),
        not_names=frozenset(_lines(q.joinpath("not_names.txt"))),
        leaders=leaders,
        leader_re=re.compile(_alternation(leaders)) if leaders else None,
        institutions=re.compile(_alternation(_lines(lexicon.joinpath("institutions.txt")))),
        meetings=re.compile(_alternation(_lines(lexicon.joinpath("meetings.txt")))),
        meeting_suffix=re.compile(_alternation(cues["meeting_suffixes"])),
        dates=dates,
        quote_marks=_chars([*cues["quote_pairs"], *cues["quote_pairs"].values(), *cues["symmetric_quotes"]]),
        sentence_ends=_chars(cues["sentence_end"]),
    )


def _by_length(words: list[str]) -> dict[int, frozenset[str]]:
    return {n: frozenset(w for w in words if len(w) == n) for n in sorted({len(w) for w in words})}


@lru_cache(maxsize=4096)
def _reads_as_words(name: str) -> bool:
    """True when the segmenter reads a would-be name as ordinary words: 强调, 满意|地, 时任|浙."""
    from .segment import tagged

    toks = tagged(name)

    def common(tok: tuple[str, str]) -> bool:
        return not tok[1].startswith(("nr", "nz"))

    if len(toks) == 1:
        return common(toks[0])
    return (len(toks[0][0]) >= 2 and common(toks[0])) or toks[-1][0] in _lex().cues["name_final_particles"]


# ---------------------------------------------------------------- entities


@dataclass
class _Ent:
    """A speaker candidate at [start, end) of a paragraph: person, pronoun, title (bare office
    title or role), generic, org, meeting or doc."""

    kind: str
    start: int
    end: int
    name: str | None  # canonical name (None for generic and unresolved mentions)
    mention: str
    title: str | None = None
    issuer: _Ent | None = None  # for a doc: who issued it
    weak: bool = False  # a name only the segmenter vouches for: used when nothing better is there
    doc_type: str | None = None  # for a doc: "article" or "document" when known


@dataclass
class _Speaker:
    name: str | None
    mention: str | None
    ent: _Ent | None = None
    date: str | None = None  # a meeting referred back to (会议强调) keeps the date it was named with


@dataclass
class _State:
    """What the article has told us so far: named people (for pronouns and bare titles),
    documents and their issuers, the article's year."""

    people: list[tuple[tuple[int, int], str, str | None]] = field(default_factory=list)
    meetings: list[tuple[tuple[int, int], str, str | None]] = field(default_factory=list)
    last: tuple[_Para, tuple[int, int]] | None = None  # the previous paragraph and its last sentence
    names: set[str] = field(default_factory=set)
    issuers: dict[str, _Ent] = field(default_factory=dict)
    docs: list[tuple[tuple[int, int], _Ent]] = field(default_factory=list)  # for 文章指出, 意见强调
    year: int | None = None
    month_day: tuple[int, int] | None = None

    def person_before(self, where: tuple[int, int], title: str | None = None) -> str | None:
        for pos, name, t in reversed(self.people):
            if pos < where and (title is None or t == title):
                return name
        return None


def _is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


@lru_cache(maxsize=65536)
def _valid_name(name: str, longest: int = 2) -> bool:
    """Surname + one or two characters (``longest`` given-name characters: 3 for names such as
    邓氏翠河), not a word the segmenter knows as something else."""
    lx = _lex()
    base = 2 if name[:2] in lx.compound_surnames else 1
    if base == 1 and name[0] not in lx.surnames:
        return False
    if not 1 <= len(name) - base <= longest or not all(_is_han(c) for c in name):
        return False
    if name in lx.not_names or name[:2] in lx.not_names or name in lx.title_set or lx.generic.fullmatch(name):
        return False
    if any(c in lx.cues["name_forbidden_chars"] for c in name[base:]) or lx.verbs.match(name, base):
        return False
    return name in lx.leaders or not _reads_as_words(name)


def _surname_len(m: str, i: int) -> int:
    lx = _lex()
    return 2 if m[i:i + 2] in lx.compound_surnames else 1 if m[i:i + 1] in lx.surnames else 0


def _name_after(m: str, i: int, hi: int) -> str | None:
    """The name that starts at ``m[i]`` (居民|孙立说), or None; a second given-name character
    that begins what follows the name (a verb, a title, 在/正/和...) is left out."""
    lx = _lex()
    base = _surname_len(m, i)
    if not base:
        return None
    j = i + base + 3  # a longer given name right before a verb or title: 邓氏翠河表示, 潘玉锦城表示
    if j <= hi and (lx.verbs.match(m, j) or lx.titles.match(m, j)) and m[j - 1] not in lx.cues["name_stop_chars"] and _valid_name(m[i:j], 3):
        return m[i:j]
    for given in (2, 1):
        j = i + base + given
        if j > hi or not _valid_name(m[i:j]):
            continue
        k = j - 1
        if given == 2 and _valid_name(m[i:k]) and (
            m[k] in lx.cues["name_stop_chars"] or lx.verbs.match(m, k) or lx.titles.match(m, k)
        ):
            return m[i:k]
        return m[i:j]
    return None


def _title_ends_at(m: str, lo: int, i: int) -> bool:
    lx = _lex()
    return any(m[i - n:i] in lx.title_set for n in range(1, min(_MAX_TITLE, i - lo) + 1))


def _name_before(m: str, k: int, lo: int) -> str | None:
    """The name that ends at ``m[k]`` (李慧敏|老师, 的习近平|同志) after a boundary, or None."""
    for n in (3, 2, 4):
        i = k - n
        if i < lo or not _valid_name(m[i:k]):
            continue
        prev = m[i - 1] if i > lo else ""
        if prev == "" or not _is_han(prev) or prev in "的、和与及" or _title_ends_at(m, lo, i):
            return m[i:k]
    return None


def _entities(orig: str, m: str, lo: int, hi: int, state: _State, tagger: bool = True) -> list[_Ent]:
    """Speaker candidates in ``m[lo:hi]`` (``m`` is the masked paragraph), left to right,
    non-overlapping; longer and more specific ones win. ``tagger`` adds the names the POS tagger
    finds (slow: not used when scanning whole paragraphs)."""
    lx = _lex()
    found: list[_Ent] = []
    taken = [False] * (hi - lo)

    def add(e: _Ent) -> None:
        if e.start < lo or e.end > hi or any(taken[e.start - lo:e.end - lo]):
            return
        for j in range(e.start - lo, e.end - lo):
            taken[j] = True
        found.append(e)

    # people: leaders, names already met, name + title, title + name, 岁的 + name
    if lx.leader_re is not None:
        for mt in lx.leader_re.finditer(m, lo, hi):
            end = mt.end()
            t = lx.titles.match(m, end, hi)
            add(_Ent("person", mt.start(), t.end() if t else end, lx.leaders[mt.group()], m[mt.start():t.end() if t else end],
                     t.group() if t else None))
    for name in sorted(state.names, key=len, reverse=True):
        s = m.find(name, lo, hi)
        while s >= 0:
            t = lx.titles.match(m, s + len(name), hi)
            e = s + len(name) + (len(t.group()) if t else 0)
            add(_Ent("person", s, e, lx.leaders.get(name, name), m[s:e], t.group() if t else None))
            s = m.find(name, s + len(name), hi)
    titles = list(lx.titles.finditer(m, lo, hi))
    for mt in titles:
        ts, te = mt.span()
        before = _name_before(m, ts, lo)
        if before:
            add(_Ent("person", ts - len(before), te, lx.leaders.get(before, before), m[ts - len(before):te], mt.group()))
        after = _name_after(m, te, hi) if te < hi else None
        if after:
            t2 = lx.titles.match(m, te + len(after), hi)
            e = te + len(after) + (len(t2.group()) if t2 else 0)
            add(_Ent("person", te, e, lx.leaders.get(after, after), m[te:e], mt.group()))
    # names the tagger finds, in the runs it tags independently where an untaken name can start
    for pos, run in _runs(m[lo:hi]) if tagger else ():
        if all(taken[pos + i] for i in _name_starts(run)):
            continue
        for s, name in _segmenter_names(run):
            s += lo + pos
            if not lx.titles.match(m, s + len(name)):  # 林园|街道……负责人 is a place, not a person
                add(_Ent("person", s, s + len(name), lx.leaders.get(name, name), name, weak=True))
    for mt in _AGE.finditer(m, lo, hi):
        s = mt.end()
        name = _name_after(m, s, hi)
        if name:
            add(_Ent("person", s, s + len(name), name, name))
    # documents, meetings, organisations
    for mt in _INNER_BOOK.finditer(m, lo, hi):
        s, e = mt.span()
        add(_Ent("doc", s, e, orig[s:e], orig[s:e]))
    for mt in _alt_re("document_names").finditer(m, lo, hi):
        add(_Ent("doc", mt.start(), mt.end(), mt.group(), mt.group()))
    for ent in _meetings(orig, m, lo, hi):
        add(ent)
    for mt in lx.institutions.finditer(m, lo, hi):
        add(_Ent("org", mt.start(), mt.end(), mt.group(), mt.group()))
    for ent in _local_orgs(m, lo, hi):
        add(ent)
    # pronouns, generic speakers, bare titles
    for mt in lx.pronouns.finditer(m, lo, hi):
        i = mt.start()
        if (i == lo or m[i - 1] not in "其吉") and (i + 1 >= hi or m[i + 1] not in "们人乡国"):
            add(_Ent("pronoun", i, i + 1, None, mt.group()))
    for mt in _alt_re("document_refs").finditer(m, lo, hi):
        add(_Ent("doc_ref", mt.start(), mt.end(), None, mt.group(), doc_type=lx.cues["document_refs"][mt.group()]))
    for mt in _alt_re("meeting_refs").finditer(m, lo, hi):
        if m[mt.end():mt.end() + 1] not in lx.cues["venue_chars"]:
            add(_Ent("meeting_ref", mt.start(), mt.end(), None, mt.group()))
    for mt in lx.generic.finditer(m, lo, hi):
        add(_Ent("generic", mt.start(), mt.end(), None, mt.group()))
    for mt in titles:
        s = mt.start()  # the words that qualify a bare title stay in the mention: 项目负责人
        while s > lo and mt.start() - s < 8 and _is_han(m[s - 1]) and m[s - 1] not in lx.cues["name_stop_chars"] and not taken[s - 1 - lo]:
            s -= 1
        add(_Ent("title", s, mt.end(), None, m[s:mt.end()], mt.group()))
    found.sort(key=lambda e: e.start)
    _link_issuers(found, m)
    return found


@lru_cache(maxsize=8192)
def _segmenter_names(run: str) -> tuple[tuple[int, str], ...]:
    """Person names the segmenter tags (nr) in a run of text it tags on its own, that also look
    like names: (offset, name). The tagger's HMM is slow: only runs where a name can start
    (:func:`_name_starts`) should come here."""
    from .segment import _dag

    def may_hold_name(chars: str) -> bool:  # the HMM tags only runs of unknown characters
        return next(_name_starts(chars), None) is not None

    out, pos = [], 0
    for word, tag in _dag(True).tagged(run, hmm=may_hold_name):
        if tag.startswith("nr") and 2 <= len(word) <= 3 and _surname_len(word, 0) and _valid_name(word):
            out.append((pos, word))
        pos += len(word)
    return tuple(out)


def _name_starts(run: str) -> Iterator[int]:
    """The positions in ``run`` where a name of two or three characters could start (a surname,
    then a valid name); characters that begin no surname are skipped before the slower checks."""
    firsts = _lex().surname_firsts
    for i, ch in enumerate(run):
        if ch in firsts and _surname_len(run, i) and any(_valid_name(run[i:i + n]) for n in (2, 3) if i + n <= len(run)):
            yield i


def _meetings(orig: str, m: str, lo: int, hi: int) -> list[_Ent]:
    """Meetings: the lexicon's, and names ending in 会议/全会/大会… read leftwards up to 的/在/召开
    (2024年中央经济工作会议 → 中央经济工作会议; 召开2025年全国“打假治敲”专项行动……会议)."""
    lx = _lex()
    c = lx.cues
    out = []
    for mt in lx.meetings.finditer(m, lo, hi):
        s = mt.start()
        for p in c["party_prefixes"]:
            if m.startswith(p, s - len(p), s) and s - len(p) >= lo:
                s -= len(p)
                break
        out.append(_Ent("meeting", s, mt.end(), _canonical_meeting(orig[s:mt.end()]), orig[s:mt.end()]))
    quote_marks = set(c["quote_pairs"]) | set(c["quote_pairs"].values())
    stops = tuple(c["meeting_prefix_verbs"])
    for mt in lx.meeting_suffix.finditer(m, lo, hi):
        if any(e.start <= mt.start() < e.end for e in out) or m[mt.end():mt.end() + 1] in c["venue_chars"]:
            continue
        j = mt.start()
        while j > lo and mt.start() - j < 30 and m[j - 1] not in "的在和及、于了" and not m.endswith(stops, lo, j) and (
            _is_han(m[j - 1]) or m[j - 1].isdigit() or m[j - 1] in quote_marks or m[j - 1] == _FILL
        ):
            j -= 1
        if m.startswith("党的", j - 2, j) and j - 2 >= lo:
            j -= 2
        name = re.sub(r"^(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?)", "", orig[j:mt.end()])
        if len(name) > len(mt.group()) + 1:
            s = mt.end() - len(name)
            out.append(_Ent("meeting", s, mt.end(), _canonical_meeting(name), name))
    return out


def _canonical_meeting(name: str) -> str:
    """党的二十届三中全会 / 二十届三中全会 / 中共二十届三中全会 → 党的二十届三中全会; a year
    in front goes (2024年中央经济工作会议 → 中央经济工作会议)."""
    name = re.sub(r"^\d{4}年(?:\d{1,2}月)?", "", name)
    core = re.fullmatch(r"(?:中国共产党|中共|党的)?(第?[一二三四五六七八九十]+(?:届[一二三四五六七八九十]+中全会|大))", name)
    return "党的" + core.group(1) if core else name


@lru_cache(maxsize=1)
def _org_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a place marker ... department suffix, the same with the name's start)."""
    department = rf"(?:{_alt('place_markers')})[\u4e00-\u9fff]{{0,8}}?(?:{_alt('org_suffixes')})"
    return re.compile(department), re.compile(rf"[\u4e00-\u9fff]{{1,8}}?{department}")


def _local_orgs(m: str, lo: int, hi: int) -> list[_Ent]:
    """Organisations named by place + department (武汉市教育局, 江苏省科技厅)."""
    department, named = _org_patterns()
    if not department.search(m, lo, hi):  # a quick test before the slow search for where the name starts
        return []
    return [_Ent("org", mt.start(), mt.end(), mt.group(), mt.group()) for mt in named.finditer(m, lo, hi)]


def _link_issuers(ents: list[_Ent], m: str) -> None:
    """A doc right after ``org/meeting (、org)* + 印发/发布… (的)`` gets that issuer; a meeting
    followed by 报告/决议 becomes a document of that meeting (党的二十大报告)."""
    issue = _alt("issue_verbs")
    for i, e in enumerate(ents):
        if e.kind == "meeting":
            mt = re.match(_alt("meeting_documents"), m[e.end:])
            if mt:
                e.kind, e.issuer = "doc", _Ent("meeting", e.start, e.end, e.name, e.mention)
                e.end += mt.end()
                e.name = e.mention = e.mention + mt.group()
            continue
        if e.kind != "doc" or i == 0:
            continue
        j = i - 1
        prev = ents[j]
        if prev.kind not in ("org", "meeting"):
            continue
        gap = m[prev.end:e.start]
        gap = re.sub(r"^(?:等\w{0,3}?(?:部门|单位|机构))", "", gap)
        if not re.fullmatch(rf"(?:联合|共同|正式|{_alt('adverbs', 'subject_gap')}|于[^，。]{{0,12}}?)*(?:{issue})(?:了|的)?", gap):
            continue
        first = prev
        while j > 0 and ents[j - 1].kind in ("org", "meeting") and m[ents[j - 1].end:ents[j].start] in ("、", "和", "与", "及"):
            j -= 1
            first = ents[j]
        name = m[first.start:prev.end]
        e.issuer = _Ent(prev.kind, first.start, prev.end, prev.name if first is prev else name, name)


# ---------------------------------------------------------------- paragraphs


@dataclass
class _Para:
    """A paragraph prepared for analysis: original text, masked text (quotation and 《》
    interiors replaced by _FILL), quotation spans and sentence boundaries."""

    index: int
    text: str
    m: str
    spans: list[tuple[int, int]]  # top-level (open mark, close mark)
    nested: dict[int, list[tuple[int, int]]]  # open mark of a top-level span -> spans inside
    ends: list[int]  # sentence end positions (exclusive)
    offset: int = 0  # where this text starts in the article paragraph (inside a quotation: > 0)

    def sentence(self, i: int) -> tuple[int, int]:
        start = 0
        for e in self.ends:
            if e > i:
                return start, e
            start = e
        return start, len(self.text)


def _pair_quotes(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """All quotation spans (open index, close index) in ``text[lo:hi]``, outside 《》; stray
    marks are ignored."""
    lx = _lex()
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
    for mt in lx.quote_marks.finditer(text, lo, hi):
        i, ch = mt.start(), mt.group()
        if i in in_book:
            continue
        if ch in pairs:
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
    return sorted(spans)


_BOOK = re.compile("《[^》]*》")


def _book_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(《, 》) index pairs in ``text[lo:hi]``; a 《 inside 《…》 is part of the title."""
    return [(mt.start(), mt.end() - 1) for mt in _BOOK.finditer(text, lo, hi)]


def _prepare(index: int, text: str, offset: int = 0) -> _Para:
    lx = _lex()
    spans = _pair_quotes(text)
    top = [s for s in spans if not any(o < s[0] and s[1] < c for o, c in spans)]
    nested = {o: [s for s in spans if o < s[0] and s[1] < c] for o, c in top}
    chars = list(text.translate(_FULLWIDTH_DIGITS))
    for o, c in top + _book_spans(text, 0, len(text)):
        chars[o + 1:c] = _FILL * (c - o - 1)
    m = "".join(chars)
    end_marks = set(lx.cues["sentence_end"])
    ends = [mt.end() for mt in lx.sentence_ends.finditer(m)]
    for o, c in top:
        inner = text[o + 1:c].rstrip()
        if inner and inner[-1] in end_marks:
            ends.append(c + 1)
    return _Para(index, text, m, top, nested, sorted(set(e for e in ends if e < len(text))), offset)


def _intro_start(p: _Para, i: int) -> int:
    """Where the words that introduce position i begin: the sentence start or the last ； before i."""
    lo, _ = p.sentence(i)
    semi = max(p.m.rfind("；", lo, i), p.m.rfind(";", lo, i))
    return semi + 1 if semi >= 0 else lo


def _clause_end(p: _Para, i: int) -> int:
    marks = set(_lex().cues["clause_marks"]) | set(_lex().cues["sentence_end"])
    j = i
    while j < len(p.m) and p.m[j] not in marks:
        j += 1
    return j


def _clause_start(p: _Para, i: int, lo: int) -> int:
    """Start of the clause that ends at i: after ，；： or after a quotation of said words
    (“……。”王福山说), not after a quoted term (他在“连家船民”上岸定居现场会上说)."""
    cues = _lex().cues
    marks = set(cues["clause_marks"])
    closers = set(cues["quote_pairs"].values()) | set(cues["symmetric_quotes"])
    said = marks | set(cues["sentence_end"]) | {"…"}
    j = i
    while j > lo and p.m[j - 1] not in marks and not (p.m[j - 1] in closers and j >= 2 and p.text[j - 2] in said):
        j -= 1
    return j


def _adverbials(p: _Para, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of 在……上/时/中 and 以……为核心的 inside [lo, hi): their nouns are occasions, not speakers."""
    lx = _lex()
    c = lx.cues
    ends = _alt("adverbial_ends")
    follow = _alt("adverbs")
    out = []
    for mt in re.finditer(rf"在[^，。；：！？]{{1,60}}(?:{ends})(?=[，,：:]|$|{follow}|{lx.verbs.pattern})", p.m[lo:hi]):
        out.append((lo + mt.start(), lo + mt.end()))
    a, b = c["core_modifier"]
    for mt in re.finditer(rf"{re.escape(a)}[^，。；]{{1,16}}?{re.escape(b)}", p.m[lo:hi]):
        out.append((lo + mt.start(), lo + mt.end() - 1))  # keep 的 out so the noun after stays
    return out


def _pick(ents: list[_Ent], adverbials: list[tuple[int, int]]) -> _Ent | None:
    ents = [e for e in ents if not any(s <= e.start and e.end <= t for s, t in adverbials)]
    ents = [e for e in ents if not e.weak] + [e for e in ents if e.weak]
    for kinds in (("person", "pronoun"), ("title",), ("doc", "doc_ref"), ("org", "meeting", "meeting_ref"), ("generic",)):
        for e in ents:
            if e.kind in kinds:
                return e
    return None


def _antecedent(p: _Para, state: _State, i: int) -> str | None:
    """The person a pronoun at i refers to: the subject of the sentence before it in the
    paragraph (陈世昌见证了……。他表示，……), names the tagger finds included."""
    lo, _ = p.sentence(i)
    if lo == 0 or p.offset:
        return None
    prev_lo, prev_hi = p.sentence(lo - 1)
    people = [e for e in _entities(p.text, p.m, prev_lo, prev_hi, state) if e.kind == "person" and _subject_position(p, prev_lo, e)]
    return people[0].name if people else None


def _resolve(e: _Ent | None, p: _Para, state: _State) -> _Speaker:
    if e is None:
        return _Speaker(None, None)
    where = (p.index, p.offset + e.start)
    if e.kind == "meeting_ref":
        for pos, name, date in reversed(state.meetings):
            if pos < where:
                return _Speaker(name, e.mention, _Ent("meeting", e.start, e.end, name, e.mention), date)
        return _Speaker(None, e.mention, e)
    if e.kind == "doc_ref":  # 文章指出 / 意见强调: the article or document named before
        for pos, doc in reversed(state.docs):
            if pos < where and doc.doc_type == e.doc_type and (e.doc_type == "article" or e.mention in doc.mention or e.mention == "文件"):
                ref = _Ent("doc", e.start, e.end, doc.name, doc.mention, issuer=doc.issuer, doc_type=doc.doc_type)
                return _Speaker(doc.issuer.name if doc.issuer else doc.name, e.mention, ref)
        return _Speaker(None, e.mention, e)
    if e.kind == "person":
        return _Speaker(e.name, e.mention, e)
    if e.kind == "pronoun":
        return _Speaker(_antecedent(p, state, e.start) or state.person_before(where), e.mention, e)
    if e.kind == "title":
        return _Speaker(state.person_before(where, e.title), e.mention, e)
    if e.kind == "doc":
        issuer = e.issuer or state.issuers.get(e.mention)
        if issuer is not None:
            return _Speaker(issuer.name, issuer.mention, e)
        return _Speaker(e.name, e.mention, e)
    return _Speaker(e.name, e.mention, e)


def _subject(p: _Para, state: _State, lo: int, hi: int, sent_lo: int, adjacent: bool = False) -> _Speaker:
    """Who speaks in the clause [lo, hi) (the verb at hi); failing that, earlier in the sentence.
    ``adjacent``: only a speaker with nothing but adverbials between it and the verb."""
    ents = _entities(p.text, p.m, lo, hi, state)
    if adjacent:
        ents = [e for e in ents if _adjacent(p, e.end, hi)]
    bare = _bare_name(p, lo, hi)
    if bare is not None and not any(e.kind == "person" for e in ents):
        ents.insert(0, bare)
    e = _pick(ents, _adverbials(p, lo, hi))
    if e is None and sent_lo < lo:
        earlier = [x for x in _entities(p.text, p.m, sent_lo, lo, state) if _subject_position(p, sent_lo, x)]
        e = _pick(earlier, _adverbials(p, sent_lo, lo))
    if e is None:
        e = _named_body(p, lo, hi)
    return _resolve(e, p, state)


def _subject_position(p: _Para, lo: int, e: _Ent) -> bool:
    """Does ``e`` open its clause (after time words and adverbials), as a subject does?"""
    return _adjacent(p, _clause_start(p, e.start, lo), e.start)


def _named_body(p: _Para, lo: int, hi: int) -> _Ent | None:
    """A clause that is just a name ending like a body (美国有线电视新闻网评价): an organisation."""
    chunk = p.m[lo:hi]
    lx = _lex()
    words = _alt("adverbs", "subject_gap", "demonstratives")
    mt = re.fullmatch(rf"([\u4e00-\u9fff]{{2,14}}?)(?:{words})*", chunk)
    if mt and any(mt.group(1).endswith(s) for s in lx.cues["body_suffixes"]) and not lx.verbs.search(mt.group(1)):
        return _Ent("org", lo, lo + len(mt.group(1)), mt.group(1), mt.group(1))
    return None


def _bare_name(p: _Para, lo: int, hi: int) -> _Ent | None:
    """A name alone right before the verb, at the start of its clause: 屠小明说, 刘澄玉说."""
    lx = _lex()
    seg = p.m[lo:hi]
    mt = re.match(rf"^(?:\d{{1,2}}日|\d{{1,2}}月\d{{1,2}}日)?([\u4e00-\u9fff]{{2,5}}?)(?:{_alt('adverbs')})?$", seg)
    if mt and (_valid_name(mt.group(1), 3) or _tagged_name(mt.group(1))):  # 屠小明说, 恩格斯说, 爱因斯坦说过
        s = lo + mt.start(1)
        return _Ent("person", s, s + len(mt.group(1)), lx.leaders.get(mt.group(1), mt.group(1)), mt.group(1))
    return None


@lru_cache(maxsize=4096)
def _tagged_name(word: str) -> bool:
    """The segmenter reads ``word`` as one person name (马克思, 爱因斯坦)."""
    from .segment import tagged

    toks = tagged(word)
    return len(toks) == 1 and toks[0][1] in ("nr", "nrt", "nrfg") and word not in _lex().not_names


# ---------------------------------------------------------------- verbs


def _verb_ok(p: _Para, s: int, e: int) -> bool:
    """Is the reporting verb at [s, e) really reporting (not 可以说, 的要求, 小说, 落实……部署)?"""
    lx = _lex()
    if s > 0 and p.m[s - 1] == "的":
        return False
    if p.m[s:e] in lx.cues["nominal_verbs"] and re.search(_alt("nominal_frames"), p.m[_clause_start(p, s, 0):s]):
        return False  # 认真落实省委全会部署，…: 部署 is a noun
    # no non-reporting word (可以说, 小说) overlaps the verb
    return not any(p.m[k:k + n] in words for n, words in lx.not_reporting.items() for k in range(max(0, s - n + 1), e))


def _verb_tail(p: _Para, e: int) -> int:
    for suf in _lex().cues["verb_suffixes"]:
        if p.m.startswith(suf, e):
            return e + len(suf)
    return e


def _pre_intro(p: _Para, lo: int, q: int) -> tuple[int, int] | None:
    """A reporting verb introducing the quotation that opens at q: 强调：“, 提出要“, 指出“."""
    lx = _lex()
    region = p.m[lo:q]
    lead = _alt("lead_words")
    # 强调：“ / 提出要“ / 叮嘱大家“ / 正如……所指出的，“ (but not 国家部署的“……”: an object, not words)
    tail = rf"(?:{_alt('verb_suffixes')})?(?:{_alt('addressees')})?(?:(?:{_alt('relative_suffixes')})?\s*[，,：:])?\s*(?:{lead})?\s*$"
    for mt in lx.verbs.finditer(region):
        if re.match(tail, region[mt.end():]) and _verb_ok(p, lo + mt.start(), lo + mt.end()):
            return lo + mt.start(), lo + mt.end()
    return None


def _post_intro(p: _Para, o: int, c: int, utterance: bool) -> tuple[int, int, int] | None:
    """A reporting verb after the quotation that closes at c: “……”王福山说。 Returns (subject
    start, verb start, verb end)."""
    lx = _lex()
    start = c + 1
    stop = start
    while stop < len(p.m) and p.m[stop] not in "。！？!?" and p.m[stop] not in lx.cues["quote_pairs"] and stop - start < 40:
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
        if not utterance and not _whole_clause(p, o, c):
            return None  # “四风”问题，习近平总书记强调: the verb reports something else
        return cl, vs, ve
    nouns = _alt("speech_nouns")
    mt = re.match(rf"([^，。；：！？]{{2,12}}?)的(?:{nouns})", region)
    if mt:
        return start, start + mt.end(1), start + mt.end(1)
    return None


# ---------------------------------------------------------------- kinds


def _utterance(text: str) -> bool:
    """Quoted words that read as said (a sentence, or clauses), not as a term or slogan."""
    c = _lex().cues
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
    cues = _lex().cues
    after = p.m[c + 1:c + 6]
    return any(after.startswith(w) for w in cues["term_markers"]) or bool(re.match(cues["formula_pattern"], p.text[o + 1:c]))


# ---------------------------------------------------------------- sources and dates


def _source(p: _Para, lo: int, hi: int, who: _Speaker) -> tuple[str | None, str | None]:
    m, t = p.m, p.text
    if who.ent is not None and who.ent.kind == "doc":
        return who.ent.mention, who.ent.doc_type or _doc_type(p, who.ent)
    seg = m[lo:hi]
    mt = re.search(rf"(?:在|到|赴)([^，。；：]{{1,20}}?)({_alt('inspection')})(?:时|期间|中|$|。|，)", seg)
    if mt is None:
        mt = re.search(rf"({_alt('inspection_verbs')})([^，。；：]{{1,12}}?)时", seg)
        if mt:
            place = re.sub(r"^\d{4}年(?:\d{1,2}月)?", "", mt.group(2))
            return place + mt.group(1), "inspection"
    else:
        place = re.sub(r"^(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?)", "", mt.group(1))
        return place + mt.group(2), "inspection"
    mt = re.search(rf"(?:给|致)[^，。；：]{{1,30}}?的(?:{_alt('letter')})", seg)
    if mt:
        return t[lo + mt.start():lo + mt.end()], "letter"
    mt = re.search(rf"在([^，。；]{{1,40}}?)上(?:的|发表)(?:重要)?(?:{_alt('speech')})", seg)
    if mt:
        name = _canonical_meeting(re.sub(r"^.*?(?:召开的|举行的)", "", t[lo + mt.start(1):lo + mt.end(1)]))
        return name, "speech"
    mt = re.search(rf"在([^，。；]{{0,20}}?(?:{_alt('speech')}))(?:中|时|上)", seg)
    if mt:
        return t[lo + mt.start(1):lo + mt.end(1)], "speech"
    mt = re.search(rf"《[^《》]*》(?:{_alt('article')})", seg)
    if mt:
        s = lo + mt.start()
        return t[s:s + mt.group().index("》") + 1], "article"
    mt = re.search(rf"接受([^，。；]{{0,20}}?(?:{_alt('interview')}))", seg)
    if mt:
        return t[lo + mt.start(1):lo + mt.end(1)], "other"
    if who.ent is not None and who.ent.kind == "meeting":
        return who.ent.name, "meeting"
    adverbials = _adverbials(p, lo, hi)

    def occasion(e: _Ent) -> bool:  # not part of the speaker's own name (政府工作报告起草组负责人沈丹阳)
        if who.ent is None or who.ent.kind not in ("person", "title") or e.start >= who.ent.end:
            return True
        return any(s <= e.start < end for s, end in adverbials) or e.start < _clause_start(p, who.ent.start, lo)

    ents = [e for e in _entities(t, m, lo, hi, _State(), tagger=False) if occasion(e)]
    meetings = [e for e in ents if e.kind == "meeting" and not re.match(_alt("since"), m[e.end:])]  # 党的十八大以来
    meetings.sort(key=lambda e: (any(s <= e.start < end for s, end in adverbials), e.start))
    if meetings:
        return meetings[-1].name, "meeting"
    issued = who.ent.start if who.ent is not None else -1  # 国家发展改革委印发《……》，提出要“……”
    docs = [e for e in ents if e.kind == "doc" and (any(s <= e.start < end for s, end in adverbials) or (e.issuer is not None and e.issuer.start == issued))]
    return (docs[0].mention, "document") if docs else (None, None)


def _doc_type(p: _Para, e: _Ent) -> str:
    """An article (《……》一文, 重要文章《……》, a newspaper) or a document."""
    c = _lex().cues
    media = e.mention.rstrip("》").endswith(tuple(c["media_suffixes"]))
    before = re.search(rf"(?:{_alt('article')})$", p.m[max(0, e.start - 4):e.start])
    return "article" if media or before or re.match(_alt("article"), p.m[e.end:]) else "document"


def _date(p: _Para, lo: int, hi: int, state: _State) -> str | None:
    """The most precise date named in [lo, hi) (outside quotations and 《》; the last of equally
    precise ones), as ISO 8601: 2月28日，中宣部召开2025年……会议 → 2025-02-28."""
    dates = [d for d in (_one_date(p, mt, state) for mt in _lex().dates.finditer(p.m, lo, hi)) if d]
    if not dates:
        return None
    return max(enumerate(dates), key=lambda x: (len(x[1].lstrip("-")), x[0]))[1]


def _one_date(p: _Para, d: re.Match[str], state: _State) -> str | None:
    lx = _lex()
    if d.group("y"):
        return _iso(int(d.group("y")), d.group("m"), d.group("d"))
    if d.group("rel"):
        rel = d.group("rel")
        if rel in lx.cues["same_year"]:
            year = _year_before(p, d.start())
        else:
            year = state.year + lx.cues["relative_years"][rel] if state.year else None
        return _iso(year, d.group("rm"), d.group("rd")) if year else None
    month, day = int(d.group("om")), d.group("od")
    if not 1 <= month <= 12:
        return None
    year = _year_before(p, d.start())
    if year is None and state.year is not None:
        year = state.year
        if state.month_day is not None and (month, int(day or 1)) > state.month_day:
            year -= 1
    if year is None:
        return f"--{month:02d}" + (f"-{int(day):02d}" if day else "")
    return _iso(year, str(month), day)


def _year_before(p: _Para, i: int) -> int | None:
    years = re.findall(r"(?<!\d)(\d{4})\s*年", p.m[:i])
    return int(years[-1]) if years else None


def _iso(year: int | None, month: str | None, day: str | None) -> str | None:
    if year is None:
        return None
    if not month:
        return f"{year:04d}"
    mo = int(month)
    if not 1 <= mo <= 12:
        return f"{year:04d}"
    if not day or not 1 <= int(day) <= 31:
        return f"{year:04d}-{mo:02d}"
    return f"{year:04d}-{mo:02d}-{int(day):02d}"


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
    joiners = _lex().cues["list_joiners"]
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
    date = _date(p, lo, hi, state) or who.date
    para = p
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
        source, stype, date = facts
    return source, stype, date


def _sentence_facts(p: _Para, state: _State, span: tuple[int, int], name: str) -> tuple[str | None, str | None, str | None] | None:
    """(source, source type, date) of a sentence that names the speaker ``name``, else None. Only
    a date before the speaker is named counts, as it sets the scene (上次是2017年12月，总书记到
    徐工集团考察), not 郎素兰今年82岁."""
    lo, hi = span
    for e in reversed(_entities(p.text, p.m, lo, hi, state, tagger=False)):
        if e.kind in ("person", "title", "pronoun"):
            who = _resolve(e, p, state)
            if who.name == name:
                return (*_source(p, lo, hi, who), _date(p, lo, e.start, state))
    return None


@dataclass
class _Intro:
    """How a group of quotations is introduced: who speaks, the kind, and the stretch of text
    [lo, hi) that introduces it (where the source and date are looked for)."""

    who: _Speaker
    kind: str
    lo: int
    hi: int


def _zero_subject(p: _Para, state: _State, sent_lo: int) -> _Speaker:
    """A sentence without a subject (……。在沈阳……，见到市民，问问“……”) continues the person of
    the sentences before it in the paragraph, or of the paragraph before."""
    lo = sent_lo
    while lo > 0:
        lo, hi = p.sentence(lo - 1)
        people = [e for e in _entities(p.text, p.m, lo, hi, state) if e.kind in ("person", "pronoun", "title")]
        people = [e for e in people if not any(s <= e.start < t for s, t in _adverbials(p, lo, hi))]
        who = _resolve(people[0], p, state) if people else None
        if who is not None and who.name:
            return who
    if p.offset == 0 and state.last is not None:
        para, (lo, hi) = state.last
        people = [e for e in _entities(para.text, para.m, lo, hi, state) if e.kind in ("person", "pronoun", "title")]
        who = _resolve(people[0], para, state) if people else None
        if who is not None and who.name:
            return _Speaker(who.name, None, _Ent("person", 0, 0, who.name, ""))
    return _Speaker(None, None)


def _introduce(p: _Para, state: _State, group: list[tuple[int, int]]) -> _Intro | None:
    """Find what introduces a group: a verb before it (强调：“……”), a colon, a verb after it
    (“……”王福山说), a topic frame (围绕“……”作出部署) or the sentence it is a clause of."""
    cues = _lex().cues
    o, last_c = group[0][0], group[-1][1]
    sent_lo = _intro_start(p, o)
    utter = any(_utterance(p.text[a + 1:b]) for a, b in group)
    after = p.m[last_c + 1:last_c + 2]
    pre = _pre_intro(p, sent_lo, o)
    if pre is not None:
        vs = pre[0]
        who = _subject(p, state, _clause_start(p, vs, sent_lo), vs, sent_lo)
        if who.ent is None:
            who = _zero_subject(p, state, sent_lo)
        short = len(p.text[o + 1:last_c]) <= cues["term_max_chars"]
        nobody = who.ent is None
        term = _term_marked(p, group[-1][0], last_c) or (not utter and short and (p.m[last_c + 1:last_c + 2] == "的" or nobody))
        return _Intro(who, "term" if term else "direct", sent_lo, vs)
    if o > sent_lo and p.m[o - 1] in "：:" and (utter or after == "" or after in "，,。；;！？!?"):
        who = _subject(p, state, _clause_start(p, o - 1, sent_lo), o - 1, sent_lo)
        if who.ent is None:
            who = _zero_subject(p, state, sent_lo)
        return _Intro(who, "direct", sent_lo, o - 1)
    post = _post_intro(p, group[-1][0], last_c, utter)
    if post is not None:
        cl, vs, _ = post
        who = _subject(p, state, cl, vs, last_c + 1)
        if who.ent is not None:
            return _Intro(who, "direct", sent_lo, vs)
    if utter and p.text[last_c - 1:last_c] in "。！？!?…":
        # “弄个‘床单’式的电极！”刘澄玉定下思路: the person the next words are about said it
        # (“……。”来自江苏省演艺集团的柯军代表……; not “……。”28日9时，……队员岑勇，收到通知)
        clause_end = _clause_end(p, last_c + 1)
        people = sorted((e for e in _entities(p.text, p.m, last_c + 1, clause_end, state) if e.kind in ("person", "title")), key=lambda e: e.kind != "person")
        who = _resolve(people[0], p, state) if people else None
        if who is not None and who.name:
            return _Intro(who, "direct", last_c + 1, last_c + 1)
    saying = re.search(rf"(?:的)?(?:{_alt('saying_nouns')})$", p.m[sent_lo:o])
    if saying:
        author = _pick([e for e in _entities(p.text, p.m, sent_lo, sent_lo + saying.start(), state) if e.end == sent_lo + saying.start()], [])
        if author is not None and author.kind in ("person", "title", "generic"):
            return _Intro(_resolve(author, p, state), "direct", sent_lo, o)
    if _topic_frame(p, o, last_c) or _usage_frame(p, o, last_c):
        return _Intro(_subject(p, state, _clause_start(p, o, sent_lo), o, sent_lo), "direct", sent_lo, o)
    if _whole_clause(p, o, last_c) and (utter or not _apposition(p, o)):
        final = last_c + 1 >= len(p.m) or p.m[last_c + 1] in "。！？!?"
        who = _implied_speaker(p, state, sent_lo, o, last_c, utter or final)
        if who is not None or utter:
            return _Intro(who or _Speaker(None, None), "direct", sent_lo, o)
    return None


def _direct(p: _Para, state: _State) -> list[_Found]:
    """Quotations in marks: direct (with their attribution) or terms."""
    out: list[_Found] = []
    for group in _groups(p):
        intro = _introduce(p, state, group)
        if intro is not None and intro.kind == "direct" and intro.who.ent is not None:
            src, stype, date = _context(p, state, intro.hi, intro.lo, intro.who)
        else:
            src = stype = date = None
        for a, b in group:
            if intro is None:
                modifier = p.m[b + 1:b + 2] == "的"  # “共抓大保护，不搞大开发”的理念
                inner = p.text[a + 1:b].rstrip()
                # an object (聚焦“零关税、低税率……”) is a formula unless it is a whole sentence
                embedded = a > 0 and _is_han(p.m[a - 1]) and not inner.endswith(("。", "！", "？", "!", "?", "…"))
                said = _utterance(inner) and not _apposition(p, a) and not modifier and not embedded
                kind = "direct" if said else "term"
                out.append(_Found(a + 1, b, kind))
            else:
                out.append(_Found(a + 1, b, intro.kind, intro.who, src, stype, date))
            out.extend(_nested(p, a, b, state))
    return out


def _topic_frame(p: _Para, o: int, c: int) -> bool:
    """会议围绕“……”作出具体部署: the quotation is the topic of a reporting noun."""
    cues = _lex().cues
    before = p.m[max(0, o - 2):o]
    if not any(before.endswith(w) for w in cues["topic_prepositions"]):
        return False
    after = p.m[c + 1:c + 9]
    return bool(re.match(rf"(?:作出|提出|进行|作了|做出)?[^，。；]{{0,4}}?(?:{_alt('topic_nouns')})", after))


def _usage_frame(p: _Para, o: int, c: int) -> bool:
    """外国游客用“……”“……”来称赞: the quotation is the words someone uses."""
    frame = _lex().cues["usage_frame"]
    if not any(p.m.endswith(w, 0, o) for w in frame["before"]):
        return False
    rest = p.m[c + 1:c + 8]
    rest = rest[1:] if rest[:1] in frame["after"] else rest
    return any(rest.startswith(v) for v in frame["verbs"])


def _whole_clause(p: _Para, o: int, c: int) -> bool:
    marks = set(_lex().cues["clause_marks"]) | set(_lex().cues["sentence_end"])
    if _utterance(p.text[o + 1:c]):
        marks |= set("—")  # ……的“八个梦想”——“想脱贫致富，……”
    before = p.m[o - 1] if o > 0 else ""
    after = p.m[c + 1] if c + 1 < len(p.m) else ""
    return (before == "" or before in marks or before in _lex().cues["quote_pairs"].values()) and (after == "" or after in marks)


def _clause_verb(p: _Para, lo: int, o: int) -> bool:
    """A reporting verb used earlier in the sentence (姐姐觉得不妥，“多遭罪”)."""
    lx = _lex()
    return any(_verb_ok(p, lo + mt.start(), lo + mt.end()) for mt in lx.verbs.finditer(p.m[lo:o]))


def _apposition(p: _Para, o: int) -> bool:
    before = p.m[max(0, o - 2):o]
    return any(before.endswith(w) for w in _lex().cues["apposition_marks"])


def _implied_speaker(p: _Para, state: _State, sent_lo: int, o: int, c: int, utter: bool) -> _Speaker | None:
    """A quotation that is a clause of its own: after a reporting verb earlier in the sentence
    (姐姐觉得不妥，“多遭罪”) the verb's subject speaks; words that read as said belong to the
    person the sentence is about (居民杨元杰……晒出了滏阳河，“……”); a sentence of its own in the
    first person to the person the previous sentence is about (钱为民正带领……。“……我们……”)."""
    if sent_lo < o:
        verb = _clause_verb(p, sent_lo, o)
        if not (verb or utter):
            return None
        ents = [x for x in _entities(p.text, p.m, sent_lo, o, state) if verb or x.kind in ("person", "pronoun")]
        e = _pick(ents, _adverbials(p, sent_lo, o))
        return _resolve(e, p, state) if e is not None else None
    if utter and sent_lo > 0 and any(w in p.text[o + 1:c] for w in _lex().cues["first_person"]):
        prev_lo, prev_hi = p.sentence(sent_lo - 1)
        ents = [x for x in _entities(p.text, p.m, prev_lo, prev_hi, state) if x.kind == "person"]
        e = _pick(ents, _adverbials(p, prev_lo, prev_hi))
        return _resolve(e, p, state) if e is not None else None
    return None


def _nested(p: _Para, a: int, b: int, state: _State) -> list[_Found]:
    """Quotations inside the quotation (a, b): analysed as a paragraph of their own."""
    inner_spans = p.nested.get(a)
    if not inner_spans:
        return []
    sub = _prepare(p.index, p.text[a + 1:b], p.offset + a + 1)
    found = _direct(sub, state)
    for f in found:
        f.start += a + 1
        f.end += a + 1
        if f.who.ent is not None and f.who.ent.kind == "pronoun":
            f.who = _Speaker(None, f.who.mention)
    return found


def _indirect(p: _Para, state: _State, direct: list[_Found]) -> list[_Found]:
    """Reported speech without marks: ``speaker + verb + ，/：`` and the rest of the sentence."""
    lx = _lex()
    c = lx.cues
    out = []
    lead = _alt("lead_words")
    quotes = set(c["quote_pairs"]) | set(c["symmetric_quotes"])
    for mt in lx.verbs.finditer(p.m):
        vs, ve = mt.span()
        after = _verb_tail(p, ve) if p.m.startswith(("道", "了"), ve) else ve
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
        who = _subject(p, state, cl, vs, cl, adjacent=True)
        if who.ent is None or not _adjacent(p, who.ent.end, vs):
            continue
        end = sent_hi
        while end > body and p.m[end - 1] in "。！？!?":
            end -= 1
        for o, _cl in p.spans:
            if body < o < end and _whole_clause(p, o, _cl) and p.m[o - 1] in "，,：:":
                end = o - 1
                break
        while end > body and p.m[end - 1] in "，,、；;：: \u3000":
            end -= 1
        if end - body < 4 or any(f.start <= body < f.end for f in direct) or any(f.start <= body < f.end for f in out):
            continue
        src, stype, date = _context(p, state, vs, sent_lo, who)
        out.append(_Found(body, end, "indirect", who, src, stype, date))
    return out


def _adjacent(p: _Para, end: int, vs: int) -> bool:
    """Only adverbials stand between the speaker and the verb (王某在会上强调, not 群众新期待)."""
    lx = _lex()
    gap = list(p.m[end:vs])
    for s, t in _adverbials(p, end, vs):
        gap[s - end:t - end] = " " * (t - s)
    rest = lx.dates.sub("", "".join(gap).replace(" ", ""))
    words = _alt("adverbs", "subject_gap")
    return re.fullmatch(rf"(?:{words}|[\u4e00-\u9fff]{{1,4}}地|(?:向|对|给|跟)[\u4e00-\u9fff]{{1,8}}?)*", rest) is not None


def _remember(p: _Para, state: _State) -> None:
    """Note the people and document issuers the paragraph names (outside quotations)."""
    lo = 0
    for hi in [*p.ends, len(p.text)]:
        if hi <= lo:
            continue
        ents = _entities(p.text, p.m, lo, hi, state, tagger=False)
        for e in ents:
            if e.kind == "doc" and e.mention.startswith("《"):
                e.doc_type = _doc_type(p, e)
                if e.issuer is None and e.doc_type == "article":  # 习近平的重要文章《……》
                    e.issuer = next((a for a in ents if a.kind in ("person", "title") and re.fullmatch(
                        rf"的(?:{_alt('article')})", p.m[a.end:e.start])), None)
                    if e.issuer is not None and e.issuer.kind == "title":
                        e.issuer.name = _resolve(e.issuer, p, state).name
                state.docs.append(((p.index, e.start), e))
            if e.kind == "person" and e.name:
                state.people.append(((p.index, e.start), e.name, e.title))
                state.names.add(e.name)
            elif e.kind == "meeting" and e.name:
                state.meetings.append(((p.index, e.start), e.name, _date(p, lo, hi, state)))
            elif e.kind == "doc" and e.issuer is not None:
                state.issuers[e.mention] = e.issuer
                alias = re.match(r"（以下简称(《[^》]+》)）", p.text[e.end:])
                if alias:
                    state.issuers[alias.group(1)] = e.issuer
        lo = hi
    state.people.sort(key=lambda x: x[0])


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


def quotations(article_or_text: Article | str, link: bool = True) -> list[Quotation]:
    """Direct and indirect quotations and quoted terms of an article (or of a text, one
    paragraph per non-empty line), in text order. ``link=False`` leaves ``quote_id`` unset, for
    callers that link a whole corpus at once (:func:`quote_ids`).

    >>> [(q.kind, q.text, q.speaker) for q in quotations("总书记指出，要“持续用力”。网友说：“好！”")]
    [('direct', '持续用力', None), ('direct', '好！', None)]
    """
    art = _as_article(article_or_text)
    state = _State()
    if art.date:
        md = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", art.date)
        if md:
            state.year = int(md.group(1))
            if md.group(2):
                state.month_day = (int(md.group(2)), int(md.group(3) or 31))
    out: list[Quotation] = []
    for para in art.paragraphs:
        p = _prepare(para.index, para.text)
        _remember(p, state)
        direct = _direct(p, state)
        found = sorted(direct + _indirect(p, state, direct), key=lambda f: (f.start, f.end))
        if p.text:
            state.last = (p, p.sentence(len(p.text) - 1))
        for f in found:
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
                )
            )
    if link:
        link_quotations(out)
    return out


# ---------------------------------------------------------------- linking across articles

_PUNCT_CATEGORIES = ("P", "S", "Z", "C")


class _PunctTable(dict):  # type: ignore[type-arg]
    """A ``str.translate`` table that deletes punctuation, symbols, separators and control
    characters; each character's Unicode category is looked up once."""

    def __missing__(self, code: int) -> int | None:
        self[code] = None if unicodedata.category(chr(code)).startswith(_PUNCT_CATEGORIES) else code
        return self[code]


_DROP_PUNCT = _PunctTable()


def normalise_quote(text: str) -> str:
    """The comparable form of a quotation: NFKC, no punctuation, symbols or spaces.

    >>> normalise_quote("城市是人集中生活的地方， 城市建设……")
    '城市是人集中生活的地方城市建设'
    """
    return unicodedata.normalize("NFKC", text).translate(_DROP_PUNCT).lower()


def _grams(t: str) -> frozenset[str]:
    return frozenset(t[i:i + 2] for i in range(len(t) - 1)) if len(t) > 1 else frozenset([t])


def link_quotations(quotes: list[Quotation], threshold: float = 0.8) -> list[str]:
    """Give identical or near-identical quotations the same ``quote_id`` (in place) and return
    the ids in order (see :func:`quote_ids`).

    >>> qs = quotations("他说：“城市是人民的城市。”\\n她说：“城市是人民的城市！”")
    >>> qs[0].quote_id == qs[1].quote_id
    True
    """
    ids = quote_ids([q.text for q in quotes], threshold)
    for q, qid in zip(quotes, ids):
        q.quote_id = qid
    return ids


def quote_ids(texts: Sequence[str], threshold: float = 0.8) -> list[str]:
    """One id per quotation text, shared by identical or near-identical ones. Texts are compared
    after :func:`normalise_quote` by the Jaccard similarity of their character bigrams
    (``threshold``); the id is a short hash of the normalised text of the first quotation of each
    cluster, so it is stable for a given input order.

    >>> ids = quote_ids(["城市是人民的城市。", "城市是人民的城市！", "好"])
    >>> ids[0] == ids[1] != ids[2]
    True
    """
    if not 0 < threshold <= 1:
        raise InputError(f"quotation linking: threshold must be in (0, 1], got {threshold}")
    norms = [normalise_quote(t) for t in texts]
    uniq = list(dict.fromkeys(n for n in norms))
    index = {n: i for i, n in enumerate(uniq)}
    grams = [_grams(n) for n in uniq]
    parent = list(range(len(uniq)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # prefix filtering: two sets with Jaccard >= t share a gram among the first
    # |A| - ceil(t|A|) + 1 grams of each in a global (rarest first) order
    df: dict[str, int] = defaultdict(int)
    for g in grams:
        for x in g:
            df[x] += 1
    postings: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(grams):
        if not uniq[i]:
            continue
        ordered = sorted(g, key=lambda x: (df[x], x))
        prefix = ordered[: len(g) - int(-(-threshold * len(g) // 1)) + 1]
        seen: set[int] = set()
        for x in prefix:
            for j in postings[x]:
                if j in seen:
                    continue
                seen.add(j)
                inter = len(g & grams[j])
                if inter / (len(g) + len(grams[j]) - inter) >= threshold:
                    a, b = find(i), find(j)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
            postings[x].append(i)
    return ["q" + hashlib.sha1(uniq[find(index[n])].encode("utf-8")).hexdigest()[:10] for n in norms]
