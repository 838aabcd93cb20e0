"""Named entities: persons (with transliterated names such as 买买提·艾力), offices and titles,
organizations, places, documents 《…》 and meetings, with offsets into their paragraph.

:class:`Recognizer` finds the mentions (the quotation stage uses it for its speakers, sources and
issuers); :func:`entities` turns them into :class:`~policytext.document.Entity` records. A
recognizer works with a :class:`~policytext.segmentation.Segmenter` (its dictionary vouches for
names) and keeps what it derives in the segmenter's caches.

>>> [(e.kind, e.text, e.name) for e in entities("习近平总书记在中央经济工作会议上强调")]
[('person', '习近平', '习近平'), ('office', '总书记', None), ('meeting', '中央经济工作会议', '中央经济工作会议')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..document import Article, Entity, Paragraph
from ..stage import Mark, Rows, Stage
from ..errors import InputError
from ..resources import data_json, trie_regex, word_list
from ..segmentation import Segmenter, default_segmenter, runs
from .cues import AGE, FILL, FULLWIDTH_DIGITS, INNER_BOOK, MAX_TITLE, alt, alt_re, is_han, word_lists

__all__ = ["Mention", "Recognizer", "entities", "entity_records", "meetings", "canonical_meeting", "body_name",
           "meeting_speaker",
           "link_issuers", "KINDS", "EntityStage"]

KINDS = ("person", "office", "organization", "place", "document", "meeting")
_PUBLIC_KIND = {"person": "person", "title": "office", "org": "organization", "meeting": "meeting", "doc": "document"}
# a transliterated or minority name: parts of Han characters joined by the middle dot (买买提·艾力)
_DOT_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·•‧・][\u4e00-\u9fff]{1,6})+")
COMMON_WORD = 20  # a word the dictionary has seen this often: no given name after a preposition, 和平 no 和
_MEETING_STOPS = "的在和及、于了被"  # the characters a meeting's name does not reach back over (与, 暨 join its parts)
_NUMERALS = "一二三四五六七八九十百千万亿两几多余数"
_DEMONSTRATIVE = re.compile("[这本此该那][次届个场项]$")  # 这次|专题会议, 本届|大会
_DOTS = re.compile("[·•‧・]")  # a quick test before the search for dotted names
_PLACE_END = re.compile("(?:省|市|县|州|镇|乡|自治区|特别行政区|沙地|草原|高原|盆地|平原|半岛|岛|湖|江|河|海|湾|峡|山)$")
_NAME_STOP = "在和与及的说是向对为将从到等了也都就又曾已称指讲认表最正还"  # characters that end a name's last part


@dataclass
class Mention:
    """A speaker candidate at [start, end) of a paragraph: person, pronoun, title (bare office
    title or role), generic, org, meeting, doc, or a reference back (doc_ref 《意见》/文章, meeting_ref
    会议, work_ref 贺函/批示 — the letter or instruction of the person named before)."""

    kind: str
    start: int
    end: int
    name: str | None  # canonical name (None for generic and unresolved mentions)
    mention: str
    title: str | None = None
    issuer: Mention | None = None  # for a doc: who issued it
    weak: bool = False  # a name only the segmenter vouches for: used when nothing better is there
    doc_type: str | None = None  # for a doc: "article" or "document" when known


class _Known:
    """The names an article has named so far (what :meth:`Recognizer.mentions` reads of a state)."""

    def __init__(self) -> None:
        self.names: set[str] = set()


class Recognizer:
    """Finds the mentions of people, titles, organizations, meetings and documents in a paragraph,
    using ``segmenter``'s dictionary to tell names from words.

    >>> rec = Recognizer(default_segmenter())
    >>> [(m.kind, m.name) for m in rec.mentions("江苏省科技厅厅长徐光辉说", "江苏省科技厅厅长徐光辉说", 0, 12, _Known())]
    [('org', '江苏省科技厅'), ('title', None), ('person', '徐光辉')]
    """

    def __init__(self, segmenter: Segmenter) -> None:
        self.seg = segmenter
        self.reads_as_words = segmenter.memo("entities.reads_as_words", self._reads_as_words, 4096)
        self.valid_name = segmenter.memo("entities.valid_name", self._valid_name, 16384)
        self.segmenter_names = segmenter.memo("entities.segmenter_names", self._segmenter_names, 8192)
        self.tagged_name = segmenter.memo("entities.tagged_name", self._tagged_name, 4096)
        self.first_word = segmenter.memo("entities.first_word", lambda run: self.seg.tagged(run)[0], 8192)
        self._known: tuple[set[str] | None, set[str], dict[str, list[tuple[str, str]]]] = (None, set(), {})
        self.place_start = segmenter.memo("entities.place_start", self._place_start, 8192)
        self.transliteration_chars = segmenter.memo("entities.transliteration", self._transliteration_chars, 1)

    def __getstate__(self) -> dict[str, Any]:
        return {"seg": self.seg}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["seg"])  # type: ignore[misc]

    def _reads_as_words(self, name: str) -> bool:
        """True when the segmenter reads a would-be name as ordinary words: 强调, 满意|地, 时任|浙,
        and a preposition or conjunction before a common word (向|政府, 向|全党; not 向|元|琪).

        >>> rec = Recognizer(default_segmenter())
        >>> rec.reads_as_words("向政府"), rec.reads_as_words("向元琪"), rec.reads_as_words("于洪亮")
        (True, False, False)
        """
        toks = self.seg.tagged(name)

        def common(tok: tuple[str, str]) -> bool:
            return not tok[1].startswith(("nr", "nz"))

        if len(toks) == 1:
            return common(toks[0])
        if self.governs_word(name):
            return True
        return (len(toks[0][0]) >= 2 and common(toks[0])) or toks[-1][0] in word_lists().cues["name_final_particles"]

    def governs_word(self, text: str) -> bool:
        """``text`` starts with a preposition, conjunction or verb before a common word (向|政府,
        和|平台, 任|国防部): no name starts there, whatever the length of the name.

        >>> rec = Recognizer(default_segmenter())
        >>> rec.governs_word("向政府反映"), rec.governs_word("向元琪今天")
        (True, False)
        """
        head = self.first_word(text[:1]) if text else ("", "")
        if head[1] not in ("p", "c", "v") or len(text) < 3:
            return False
        word, tag = self.first_word(text[1:])
        return len(word) >= 2 and not tag.startswith(("nr", "nz")) and self.seg.count(word) >= COMMON_WORD

    def _valid_name(self, name: str, longest: int = 2) -> bool:
        """Surname + one or two characters (``longest`` given-name characters: 3 for names such as
        邓氏翠河), not a word the segmenter knows as something else."""
        lx = word_lists()
        base = 2 if name[:2] in lx.compound_surnames else 1
        if base == 1 and name[0] not in lx.surnames:
            return False
        if not 1 <= len(name) - base <= longest or not all(is_han(c) for c in name):
            return False
        if name in lx.not_names or name[:2] in lx.not_names or name in lx.title_set or lx.generic.fullmatch(name):
            return False
        if any(c in lx.cues["name_forbidden_chars"] for c in name[base:]) or lx.verbs.match(name, base):
            return False
        return name in lx.leaders or not self.reads_as_words(name)

    def surname_len(self, m: str, i: int) -> int:
        lx = word_lists()
        return 2 if m[i:i + 2] in lx.compound_surnames else 1 if m[i:i + 1] in lx.surnames else 0

    def name_after(self, m: str, i: int, hi: int) -> str | None:
        """The name that starts at ``m[i]`` (居民|孙立说), or None; a second given-name character
        that begins what follows the name (a verb, a title, 在/正/和...) is left out."""
        lx = word_lists()
        base = self.surname_len(m, i)
        if not base or self.governs_word(m[i:min(hi, i + 6)]) or lx.titles.match(m, i + base, hi):
            return None  # 向|政府, 任|副部长: a preposition or a verb, not a surname
        j = i + base + 3  # a longer given name right before a verb or title: 邓氏翠河表示, 潘玉锦城表示 (not 李明介绍|说)
        verb_inside = any((v := lx.verbs.match(m, k)) is not None and v.end() - k >= 2 and v.end() <= j for k in range(i + base, j))
        if j <= hi and (lx.verbs.match(m, j) or lx.titles.match(m, j)) and m[j - 1] not in lx.cues["name_stop_chars"] \
                and not verb_inside and self.valid_name(m[i:j], 3):
            return m[i:j]
        for given in (2, 1):
            j = i + base + given
            if j > hi or not self.valid_name(m[i:j]):
                continue
            k = j - 1
            if given == 2 and self.valid_name(m[i:k]) and (
                m[k] in lx.cues["name_stop_chars"] or lx.verbs.match(m, k) or lx.titles.match(m, k)
            ):
                return m[i:k]
            return m[i:j]
        return None

    def foreign_name_after(self, m: str, i: int, hi: int) -> str | None:
        """A name without a Chinese surname right after an office (美国总统|奥巴马表示, 俄罗斯总统|普京在,
        智利总统|博里奇表示): one word of two to five characters the segmenter tags as a name or place,
        or else the longest run of two to eight characters of transliterated names, before a stop.

        >>> rec = Recognizer(default_segmenter())
        >>> rec.foreign_name_after("智利总统博里奇表示", 4, 9), rec.foreign_name_after("总统表示", 2, 4)
        ('博里奇', None)
        """
        lx = word_lists()
        run = re.match(r"[\u4e00-\u9fff]{2,8}", m[i:hi])
        if run is None:
            return None

        def stops(j: int) -> bool:
            rest = m[j:j + 1]
            return not rest or not is_han(rest) or rest in lx.cues["name_stop_chars"] or lx.verbs.match(m, j) is not None

        def fits(word: str) -> bool:
            return word not in lx.not_names and word not in lx.title_set

        word, tag = self.first_word(run.group())
        if 2 <= len(word) <= 5 and tag in ("nr", "nrt", "nrfg", "ns") and stops(i + len(word)) and fits(word):
            return word
        chars = self.transliteration_chars()
        n = next((k for k, ch in enumerate(run.group()) if ch not in chars), len(run.group()))
        return next((run.group()[:k] for k in range(n, 1, -1) if stops(i + k) and fits(run.group()[:k])), None)

    def _transliteration_chars(self) -> frozenset[str]:
        """The characters of transliterated foreign names: those in three or more of the
        dictionary's words tagged ``nrt`` (斯, 尔, 克, 奇 …; not 表, 会, 说)."""
        seen: dict[str, int] = {}
        for word, tag in self.seg.dag.tags.items():
            if tag == "nrt" and len(word) > 1:
                for ch in set(word):
                    seen[ch] = seen.get(ch, 0) + 1
        return frozenset(ch for ch, k in seen.items() if k >= 3)

    def title_ends_at(self, m: str, lo: int, i: int) -> bool:
        lx = word_lists()
        return any(m[i - n:i] in lx.title_set for n in range(1, min(MAX_TITLE, i - lo) + 1))

    def name_before(self, m: str, k: int, lo: int) -> str | None:
        """The name that ends at ``m[k]`` (李慧敏|老师, 的习近平|同志) after a boundary, or None."""
        for n in (3, 2, 4):
            i = k - n
            if i < lo or not self.valid_name(m[i:k]) or (n > 2 and m[k - 1] in word_lists().cues["name_stop_chars"]):
                continue  # 王芳对|记者: 对 ends no name
            prev = m[i - 1] if i > lo else ""
            if prev and (prev.isdigit() or prev in _NUMERALS) or self.governs_word(m[i:i + 6]):
                continue  # 3万名|教师, 200余户|居民: a number and its unit; 任|人民……: a verb
            if prev == "" or not is_han(prev) or prev in "的、和与及" or self.title_ends_at(m, lo, i):
                return m[i:k]
        return None

    def mentions(self, orig: str, m: str, lo: int, hi: int, state: Any, tagger: bool = True) -> list[Mention]:
        """Speaker candidates in ``m[lo:hi]`` (``m`` is the masked paragraph), left to right,
        non-overlapping; longer and more specific ones win. ``tagger`` adds the names the POS tagger
        finds (slow: not used when scanning whole paragraphs)."""
        lx = word_lists()
        found: list[Mention] = []
        taken = [False] * (hi - lo)

        def add(e: Mention) -> None:
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
                add(Mention("person", mt.start(), t.end() if t else end, lx.leaders[mt.group()], m[mt.start():t.end() if t else end],
                         t.group() if t else None))
        for mt in alt_re("work_refs").finditer(m, lo, hi):  # 贺函说, 批示指出: the letter or instruction of someone named before
            if mt.start() == lo or not is_han(m[mt.start() - 1]):
                add(Mention("work_ref", mt.start(), mt.end(), None, mt.group(), doc_type=lx.cues["work_refs"][mt.group()]))
        for mt in _DOT_NAME.finditer(m, lo, hi) if _DOTS.search(m, lo, hi) else ():  # 买买提·艾力, 查尔斯·鲍威尔
            s, e = _dot_name(m, mt.start(), mt.end())
            add(Mention("person", s, e, m[s:e], m[s:e]))
        for s, name, known in self.known_in(m, lo, hi, state.names):
            t = lx.titles.match(m, s + len(name), hi)
            e = s + len(name) + (len(t.group()) if t else 0)
            add(Mention("person", s, e, lx.leaders.get(known, known), m[s:e], t.group() if t else None))
        for mt in lx.given_name_re.finditer(m, lo, hi):  # 小平同志, 耀邦同志: a leader or a person named before
            full = [n for n in {*lx.given_names.get(mt.group(1), ()), *(k for k in state.names if k[1:] == mt.group(1))}]
            if len(full) == 1:
                add(Mention("person", mt.start(), mt.end(), full[0], mt.group(), "同志"))
        titles = list(lx.titles.finditer(m, lo, hi))
        for mt in titles:
            ts, te = mt.span()
            before = self.name_before(m, ts, lo)
            if before:
                add(Mention("person", ts - len(before), te, lx.leaders.get(before, before), m[ts - len(before):te], mt.group()))
            after = self.name_after(m, te, hi) if te < hi else None
            foreign = self.foreign_name_after(m, te, hi) if te < hi else None
            if foreign and (after is None or len(foreign) > len(after) and foreign.startswith(after)):
                after = foreign  # 莫桑比克总理|马莱阿内表示: a transliterated name, not 马莱阿 read as surname and given name
            if after:
                t2 = lx.titles.match(m, te + len(after), hi)
                e = te + len(after) + (len(t2.group()) if t2 else 0)
                add(Mention("person", te, e, lx.leaders.get(after, after), m[te:e], mt.group()))
        # names the tagger finds, in the runs it tags independently where an untaken name can start
        for pos, run in runs(m[lo:hi]) if tagger else ():
            starts = list(self.name_starts(run))
            if starts and all(taken[pos + i] for i in starts):
                continue
            for s, name in self.segmenter_names(run):
                s += lo + pos
                if not lx.titles.match(m, s + len(name)):  # 林园|街道……负责人 is a place, not a person
                    add(Mention("person", s, s + len(name), lx.leaders.get(name, name), name, weak=True))
        for mt in AGE.finditer(m, lo, hi):
            s = mt.end()
            name = self.name_after(m, s, hi)
            if name:
                add(Mention("person", s, s + len(name), name, name))
        # documents, meetings, organisations
        for mt in INNER_BOOK.finditer(m, lo, hi):
            s, e = mt.span()
            add(Mention("doc", s, e, orig[s:e], orig[s:e]))
        for mt in alt_re("document_names").finditer(m, lo, hi):
            add(Mention("doc", mt.start(), mt.end(), mt.group(), mt.group()))
        for ent in meetings(orig, m, lo, hi, self.seg.count):
            add(ent)
        for mt in lx.institutions.finditer(m, lo, hi):
            add(Mention("org", mt.start(), mt.end(), mt.group(), mt.group()))
        for ent in self.local_orgs(m, lo, hi):
            add(ent)
        # pronouns, generic speakers, bare titles
        for mt in lx.pronouns.finditer(m, lo, hi):
            i = mt.start()
            if (i == lo or m[i - 1] not in "其吉") and (i + 1 >= hi or m[i + 1] not in "们人乡国"):
                add(Mention("pronoun", i, i + 1, None, mt.group()))
        for mt in alt_re("document_refs").finditer(m, lo, hi):
            add(Mention("doc_ref", mt.start(), mt.end(), None, mt.group(), doc_type=lx.cues["document_refs"][mt.group()]))
        for mt in alt_re("meeting_refs").finditer(m, lo, hi):
            if m[mt.end():mt.end() + 1] not in lx.cues["venue_chars"]:
                add(Mention("meeting_ref", mt.start(), mt.end(), None, mt.group()))
        for mt in lx.generic.finditer(m, lo, hi):
            add(Mention("generic", mt.start(), mt.end(), None, mt.group()))
        for mt in generic_groups().finditer(m[lo:hi]):
            add(Mention("generic", lo + mt.start(), lo + mt.end(), None, mt.group()))
        for mt in titles:
            s = mt.start()  # the words that qualify a bare title stay in the mention: 项目负责人
            while s > lo and mt.start() - s < 8 and is_han(m[s - 1]) and m[s - 1] not in lx.cues["name_stop_chars"] and not taken[s - 1 - lo]:
                s -= 1
            add(Mention("title", s, mt.end(), None, m[s:mt.end()], mt.group()))
        found.sort(key=lambda e: e.start)
        link_issuers(found, m)
        return found

    def known_in(self, m: str, lo: int, hi: int, names: set[str]) -> list[tuple[int, str, str]]:
        """Where the names of ``names`` (and the last part of a dotted one: 鲍威尔 after
        查尔斯·鲍威尔) occur in ``m[lo:hi]``: (start, as written, the name), longest first, then
        left to right. The index of ``names`` by first character is kept and grows with the set
        (an article names more people as it goes), so a long article costs linear time.

        >>> rec = Recognizer(default_segmenter())
        >>> rec.known_in("鲍威尔说，张三和张三丰", 0, 11, {"查尔斯·鲍威尔", "张三", "张三丰"})
        [(0, '鲍威尔', '查尔斯·鲍威尔'), (8, '张三丰', '张三丰'), (5, '张三', '张三'), (8, '张三', '张三')]
        """
        if not names:
            return []
        if self._known[0] is not names:
            self._known = (names, set(), {})
        _, indexed, firsts = self._known
        if len(indexed) != len(names):  # names only grow
            for known in names - indexed:
                tail = _DOTS.split(known)[-1]
                for name in (known, tail) if len(tail) >= 2 and tail != known else (known,):
                    firsts.setdefault(name[0], []).append((name, known))
            indexed |= names
        found = []
        for i in range(lo, hi):
            for name, known in firsts.get(m[i], ()):
                if m.startswith(name, i, hi):
                    found.append((i, name, known))
        found.sort(key=lambda x: (-len(x[1]), x[0], x[2]))
        return found

    def local_orgs(self, m: str, lo: int, hi: int) -> list[Mention]:
        """Organisations named by place + department (武汉市教育局, 江苏省科技厅): the name starts at
        the first word the segmenter tags as a place (也就是|辽宁省森林经营研究所, 张安来到|辽宁省林业局);
        without one it is no organisation (统筹城市布局).

        >>> [e.name for e in Recognizer(default_segmenter()).local_orgs("也就是辽宁省森林经营研究所", 0, 13)]
        ['辽宁省森林经营研究所']
        """
        department, named = org_patterns()
        if not department.search(m, lo, hi):  # a quick test before the slow search for where the name starts
            return []
        out = []
        for mt in named.finditer(m, lo, hi):
            start = self.place_start(mt.group())
            if start is not None:
                name = mt.group()[start:]
                out.append(Mention("org", mt.start() + start, mt.end(), name, name))
        return out

    def _place_start(self, span: str) -> int | None:
        at = 0
        for word, tag in self.seg.tagged(span):
            if tag == "ns":
                return at
            at += len(word)
        return None

    def _segmenter_names(self, run: str) -> tuple[tuple[int, str], ...]:
        """Person names the segmenter tags (nr) in a run of text it tags on its own, that also look
        like names: (offset, name). The tagger's HMM is slow: only runs where a name can start
        (:func:`_name_starts`) should come here."""
        def may_hold_name(chars: str) -> bool:  # the HMM tags only runs of unknown characters
            return next(self.name_starts(chars), None) is not None

        out, pos = [], 0
        for word, tag in self.seg.tagged(run, hmm=may_hold_name):
            if tag.startswith("nr") and (2 <= len(word) <= 3 and self.surname_len(word, 0) and self.valid_name(word)
                                         or 3 <= len(word) <= 5 and self.tagged_name(word)):  # 恩格斯, 马克思
                out.append((pos, word))
            pos += len(word)
        return tuple(out)

    def name_starts(self, run: str) -> Iterator[int]:
        """The positions in ``run`` where a name of two or three characters could start (a surname,
        then a valid name); characters that begin no surname are skipped before the slower checks."""
        firsts = word_lists().surname_firsts
        for i, ch in enumerate(run):
            if ch in firsts and self.surname_len(run, i) and any(self.valid_name(run[i:i + n]) for n in (2, 3) if i + n <= len(run)):
                yield i

    def _tagged_name(self, word: str) -> bool:
        """The segmenter reads ``word`` as one person name (马克思, 爱因斯坦)."""
        toks = self.seg.tagged(word)
        return len(toks) == 1 and toks[0][1] in ("nr", "nrt", "nrfg") and word not in word_lists().not_names


def meetings(orig: str, m: str, lo: int, hi: int, count: Callable[[str], int] | None = None) -> list[Mention]:
    """Meetings: the lexicon's, and names ending in 会议/全会/大会… read leftwards up to 的/在/和/被,
    a verb such as 召开, or a demonstrative (这次/本届) (2024年中央经济工作会议 → 中央经济工作会议;
    召开2025年全国“打假治敲”专项行动……会议). With ``count`` (how often the dictionary has seen a
    word), a stop character that begins a common word does not stop: 纪念和平共处五项原则……大会.

    >>> [e.name for e in meetings(*["相信这次专题会议取得成功"] * 2, 0, 12)]
    ['专题会议']
    """
    lx = word_lists()
    c = lx.cues
    out = []
    for mt in lx.meetings.finditer(m, lo, hi):
        s = mt.start()
        for p in c["party_prefixes"]:
            if m.startswith(p, s - len(p), s) and s - len(p) >= lo:
                s -= len(p)
                break
        out.append(Mention("meeting", s, mt.end(), canonical_meeting(orig[s:mt.end()]), orig[s:mt.end()]))
    quote_marks, stops = _meeting_name_chars()
    for mt in lx.meeting_suffix.finditer(m, lo, hi):
        if any(e.start <= mt.start() < e.end for e in out) or m[mt.end():mt.end() + 1] in c["venue_chars"]:
            continue
        j = mt.start()
        named = {e.end for e in out}  # 十二届全国人大四次会议|湖南代表团审议: the part after a named meeting
        while j > lo and j not in named and mt.start() - j < 30 and not m.endswith(stops, lo, j) \
                and not _DEMONSTRATIVE.match(m, max(lo, j - 2), j) and (
                    m[j - 1] not in _MEETING_STOPS or count is not None and count(m[j - 1:j + 1]) >= COMMON_WORD
                    or m[j - 1] == "和" and m.endswith(tuple(c["joint_bodies"]), lo, j - 1)) and (
                    is_han(m[j - 1]) or m[j - 1].isdigit() or m[j - 1] in quote_marks or m[j - 1] == FILL):
            j -= 1
        if m.startswith("党的", j - 2, j) and j - 2 >= lo:
            j -= 2
        joined = next((e for e in out if e.end == j), None) if m.startswith("暨", j) else None
        if joined is not None:  # 建校90周年庆祝大会|暨2023年春季学期开学典礼: one occasion
            out.remove(joined)
            name = joined.mention + orig[j:mt.end()]
            out.append(Mention("meeting", joined.start, mt.end(), canonical_meeting(name), name))
            continue
        name = re.sub(r"^(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?)", "", orig[j:mt.end()])
        if len(name) > len(mt.group()) + 1:
            s = mt.end() - len(name)
            out.append(Mention("meeting", s, mt.end(), canonical_meeting(name), name))
    return out


@lru_cache(maxsize=1)
def _meeting_name_chars() -> tuple[frozenset[str], tuple[str, ...]]:
    """The quotation marks a meeting's name may hold (全国“打假治敲”专项行动……会议) and the verbs
    its name does not reach back over (召开)."""
    c = word_lists().cues
    return frozenset([*c["quote_pairs"], *c["quote_pairs"].values()]), tuple(c["meeting_prefix_verbs"])


def canonical_meeting(name: str) -> str:
    """党的二十届三中全会 / 二十届三中全会 / 中共二十届三中全会 → 党的二十届三中全会; a year
    in front goes (2024年中央经济工作会议 → 中央经济工作会议)."""
    name = re.sub(r"^\d{4}年(?:\d{1,2}月)?", "", name)
    if name.endswith("会议") and name[:-2] in word_lists().cues["body_aliases"]:
        return body_name(name[:-2]) + "会议"  # 中央政治局会议 → 中共中央政治局会议
    core = re.fullmatch(r"(?:中国共产党|中共|党的)?(第?[一二三四五六七八九十]+(?:届[一二三四五六七八九十]+中全会|大))", name)
    return "党的" + core.group(1) if core else name


def body_name(name: str) -> str:
    """The canonical name of a body (中央政治局 → 中共中央政治局).

    >>> body_name("中央政治局"), body_name("国务院")
    ('中共中央政治局', '国务院')
    """
    return word_lists().cues["body_aliases"].get(name, name)


def meeting_speaker(meeting: str) -> str:
    """Who speaks for a meeting: the body whose meeting it is (中央政治局会议 → 中共中央政治局), else
    the meeting itself (国务院常务会议, 中央经济工作会议).

    >>> meeting_speaker("中央政治局会议"), meeting_speaker("国务院常务会议")
    ('中共中央政治局', '国务院常务会议')
    """
    body = meeting[:-2] if meeting.endswith("会议") else ""
    return body_name(body) if body and word_lists().institutions.fullmatch(body) else meeting


@lru_cache(maxsize=1)
def org_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a place marker ... department suffix, the same with the name's start)."""
    department = rf"(?:{alt('place_markers')})[\u4e00-\u9fff]{{0,8}}?(?:{alt('org_suffixes')})"
    return re.compile(department), re.compile(rf"[\u4e00-\u9fff]{{1,8}}?{department}")


@lru_cache(maxsize=1)
def entity_words() -> tuple[frozenset[str], frozenset[str]]:
    """(offices: the titles of ``lexicon/titles.txt`` that hold an office, places: the divisions of
    China in ``entities/places.txt``), read once."""
    offices = frozenset(word_list("lexicon", "titles.txt")) - frozenset(word_list("entities", "not_offices.txt"))
    return offices, frozenset(word_list("entities", "places.txt"))


@lru_cache(maxsize=1)
def generic_groups() -> re.Pattern[str]:
    """Groups of people as speakers, before a speech verb: 广大官兵表示, 各方面普遍希望, 师生们表示."""
    before_verb = rf"(?=[、，和与]|(?:{alt('adverbs', 'subject_gap')})*(?:{word_lists().verbs.pattern})|$)"
    return re.compile(rf"(?:{alt('generic_prefixes')})[\u4e00-\u9fff]{{1,4}}?{before_verb}"
                      rf"|(?<![\u4e00-\u9fff])(?![我咱你您])[\u4e00-\u9fff]{{1,4}}们{before_verb}")




def link_issuers(ents: list[Mention], m: str) -> None:
    """A doc right after ``org/meeting (、org)* + 印发/发布… (的)`` or ``org + (的)(新)`` gets that issuer; a meeting
    followed by 报告/决议 becomes a document of that meeting (党的二十大报告)."""
    issue = alt("issue_verbs")
    for i, e in enumerate(ents):
        if e.kind == "meeting":
            mt = re.match(alt("meeting_documents"), m[e.end:])
            if mt:
                e.kind, e.issuer = "doc", Mention("meeting", e.start, e.end, e.name, e.mention)
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
        own = re.fullmatch(r"(?:的)?(?:最新|新)?", gap) is not None  # 国务院新《拆迁条例》: its own document
        if not own and not re.fullmatch(rf"(?:联合|共同|正式|{alt('adverbs', 'subject_gap')}|于[^，。]{{0,12}}?)*(?:{issue})(?:了|的)?", gap):
            continue
        first = prev
        while j > 0 and ents[j - 1].kind in ("org", "meeting") and m[ents[j - 1].end:ents[j].start] in ("、", "和", "与", "及"):
            j -= 1
            first = ents[j]
        name = m[first.start:prev.end]
        e.issuer = Mention(prev.kind, first.start, prev.end, prev.name if first is prev else name, name)


# ---------------------------------------------------------------- the public stage

def _split_title(e: Mention, m: str, titles: Set[str], offices: Set[str]
                 ) -> list[tuple[str, int, int, str | None]]:
    """(kind, start, end, name) of a person mention: the name without the title it ends with
    (习近平|同志, 行政长官岑浩辉|先生), and that title when it is one of the ``offices`` (习近平|总书记)."""
    cuts = (e.start + len(e.name) if e.name and m.startswith(e.name, e.start) else None,  # the name, then a title
            e.end - len(e.title) if e.title and m.endswith(e.title, e.start, e.end) else None)  # a title at the end
    for cut in cuts:
        if cut is not None and e.start < cut < e.end and m[cut:e.end] in titles:
            return [("person", e.start, cut, e.name)] + ([("office", cut, e.end, None)] if m[cut:e.end] in offices else [])
    return [("person", e.start, e.end, e.name)]


def _dot_name(m: str, s: int, e: int) -> tuple[int, int]:
    """The name inside a run of Han characters joined by a middle dot (村民买买提·艾力在 → 买买提·艾力):
    a title or role before it and a function word, verb or title after it are left out.

    >>> m = "穆铁礼甫·哈斯木常委发言"
    >>> s, e = _dot_name(m, 0, 10); m[s:e]
    '穆铁礼甫·哈斯木'
    """
    c = word_lists()
    first = re.search(r"[·•‧・]", m[s:e]).start() + s  # type: ignore[union-attr]
    for i in range(s, first):  # the first part starts after the last title or role that ends inside it
        title = c.titles.match(m, i)
        if title and title.end() <= first:
            s = title.end()
    ends = c.cues["role_final_chars"]  # 议员|查尔斯: a role ends with one of these
    s = max([s] + [i + 1 for i in range(s, first - 1) if m[i] in ends])
    last = max(i for i in range(s, e) if m[i] in "·•‧・")
    for j in range(last + 2, e):
        if m[j] in _NAME_STOP or c.verbs.match(m, j) or c.titles.match(m, j):  # 穆铁礼甫·哈斯木|常委
            return s, j
    return s, e


def entity_records(paragraphs: Sequence[Paragraph], rec: Recognizer,
                   tokens: Sequence[Sequence[Any]] | None = None) -> list[Entity]:
    """The entities of ``paragraphs`` in text order. A name met once is known in the paragraphs
    after it; ``tokens`` (each paragraph's :class:`~policytext.document.Token` list) give the
    places (tag ``ns``) and the persons the dictionary knows (``nr``) that no other entity covers.
    Unknown names are found next to a title (厅长徐光辉) or once named; the HMM guesser of the
    quotation stage is not run over whole paragraphs (it would cost more than segmenting them)."""
    known = _Known()
    titles = word_lists().title_set  # office titles and roles (居民, 代表), kept out of the name
    offices, places = entity_words()
    seg = rec.seg
    foreign, suffixes = rec.transliteration_chars(), tuple(word_lists().cues["org_suffixes"])
    out: list[Entity] = []
    for n, p in enumerate(paragraphs):
        text = p.text
        m = text.translate(FULLWIDTH_DIGITS)
        spans: list[tuple[str, int, int, str | None]] = []
        for e in rec.mentions(text, m, 0, len(text), known, tagger=False):  # names the dictionary knows come below
            kind = _PUBLIC_KIND.get(e.kind)
            if kind == "person" and not (e.weak and len(e.mention) < 3):  # a two-character guess is too often a word
                spans += _split_title(e, m, titles, offices)
                if e.name:
                    known.names.add(e.name)
            elif kind == "office" and e.title in offices:  # an office, not a role (居民, 专家)
                spans.append(("office", e.end - len(e.title), e.end, None))
            elif kind not in (None, "person", "office"):
                spans.append((kind, e.start, e.end, e.name))
        if tokens is not None:
            spans = _with_country(spans, tokens[n], text)
        taken = [False] * len(text)
        for _, s, e, _ in spans:
            taken[s:e] = [True] * (e - s)
        extra = [("person", *_dot_name(m, mt.start(), mt.end())) for mt in (_DOT_NAME.finditer(m) if _DOTS.search(m) else ())]
        extra += [("organization", *mt.span()) for pattern in (departments(), outlets()) for mt in pattern.finditer(m)]
        extra = [(kind, s, e, text[s:e]) for kind, s, e in extra]
        if tokens is not None:
            # the dictionary's organisations (nt: 北京大学, 世界知识产权组织) and transliterated names
            # (nr: 克林顿, 特朗普总统), on the same evidence: a word it lists once (越野车, 格尔木 tagged so)
            # counts only when it ends as an organisation's name does or stands before an office
            toks = tokens[n]
            extra += [("organization", t.start, t.end, t.text) for t in toks if t.pos == "nt" and len(t.text) > 1
                      and (seg.count(t.text) != 1 or t.text.endswith(suffixes))]
            extra += [("person", t.start, t.end, t.text) for k, t in enumerate(toks) if t.pos in ("nr", "nrt") and len(t.text) > 2
                      and all(ch in foreign for ch in t.text) and t.text not in places
                      and (seg.count(t.text) != 1 or k + 1 < len(toks) and toks[k + 1].text in offices)]
            extra += [("person", s, e, text[s:e]) for s, e in _split_names(toks, rec) if text[s:e] not in places]
            # a word the dictionary lists once is weak evidence (宜居, 城中村 and 治沙 are tagged ns, 成林 nr):
            # such a place must be a division of China (泉州, data/entities/places.txt) or end as a place
            # does (科尔沁沙地); such a name is left out
            extra += [("place", t.start, t.end, t.text) for t in tokens[n] if t.pos == "ns" and len(t.text) > 1
                      and (seg.count(t.text) != 1 or t.text in places or len(t.text) > 2 and _PLACE_END.search(t.text))]
            extra += [("person", t.start, t.end, t.text) for t in tokens[n] if t.pos.startswith("nr")
                      and rec.valid_name(t.text, 3) and seg.count(t.text) != 1]
        for kind, s, e, name in extra:
            if not any(taken[s:e]):
                taken[s:e] = [True] * (e - s)
                spans.append((kind, s, e, name))
        out += [Entity(text[s:e], kind, p.index, s, e, name) for kind, s, e, name in sorted(spans, key=lambda x: x[1])]
    return out


_LEVELS = "(?:省|自治区|市|州|盟|县|旗|区)"  # the level of government a department named without its place serves


@lru_cache(maxsize=1)
def departments() -> re.Pattern[str]:
    """Government departments named without their place, after the ministries and national bodies
    of ``lexicon/institutions.txt``: a provincial department (厅) or a local bureau (局) named as a
    ministry is (财政部 → 财政厅, 省财政厅, 市财政局), and a body of the national government with
    the level it serves instead of 国家 (国家发展改革委 → 省发展改革委, 市统计局).

    >>> [m.group() for m in departments().finditer("省发展改革委、财政厅、科技厅和市统计局")]
    ['省发展改革委', '财政厅', '科技厅', '市统计局']
    """
    bodies = word_list("lexicon", "institutions.txt")
    ministries = [w[:-1] for w in bodies if w.endswith("部") and len(w) > 2 and not w.startswith("中")]
    national = [w[2:] for w in bodies if w.startswith("国家") and w.endswith(("委", "委员会", "局")) and len(w) > 4]
    return re.compile(rf"(?<![\u4e00-\u9fff]){_LEVELS}?(?:{trie_regex(ministries)})(?:厅|局)|{_LEVELS}(?:{trie_regex(national)})")


def _split_names(tokens: Sequence[Any], rec: Recognizer) -> Iterator[tuple[int, int]]:
    """Names the dictionary does not know, which it cuts into pieces it tags as names (周|小平,
    陆|鹏|鹏, 宁|洪虎): a run of two or three such pieces that reads as surname + given name (the
    caller leaves out the place names among them: 龙|岩)."""
    pieces = [k for k, t in enumerate(tokens) if t.pos[:2] == "nr" and len(t.text) <= 2]
    run: list[int] = []
    for k in [*pieces, -1]:  # -1 closes the last run
        if run and (k != run[-1] + 1 or tokens[k].start != tokens[run[-1]].end):
            if len(run) >= 2:
                first, last = tokens[run[0]], tokens[run[-1]]
                name = "".join(tokens[i].text for i in run)
                if len(name) <= 4 and rec.surname_len(name, 0) == len(first.text) and rec.valid_name(name):
                    yield first.start, last.end
            run = []
        run.append(k)


@lru_cache(maxsize=1)
def outlets() -> re.Pattern[str]:
    """The news outlets the reader knows (``reader/genres.json``: agencies; 新华社, 人民日报, 央广网),
    as organisations where they are named without book-title marks (人民日报表示).

    >>> outlets().findall("据新华社报道，人民日报发表评论")
    ['新华社', '人民日报']
    """
    return re.compile(trie_regex(a for a in data_json("reader", "genres.json")["agencies"] if a not in ("本报", "本站")))


def _with_country(spans: list[tuple[str, int, int, str | None]], tokens: Sequence[Any], text: str) -> list[tuple[str, int, int, str | None]]:
    """Organisations with the country or place written right before them (美国|商务部, 美国|政府):
    one organisation, as 江苏省科技厅 is; a place with a state body after it (政府, 国会) is one too."""
    places = {t.end: t for t in tokens if t.pos == "ns"}
    bodies = state_bodies()
    taken = {s for _, s, e, _ in spans for s in range(s, e)}
    out = []
    for kind, s, e, name in spans:
        place = places.get(s)
        if kind == "organization" and place is not None and place.start not in taken:
            s, name = place.start, text[place.start:e]
        out.append((kind, s, e, name))
    for k, t in enumerate(tokens[:-1]):
        after = tokens[k + 1]
        if t.pos == "ns" and after.text in bodies and t.start not in taken and after.start not in taken:
            out.append(("organization", t.start, after.end, text[t.start:after.end]))
    return out


@lru_cache(maxsize=1)
def state_bodies() -> frozenset[str]:
    """The words of a state's bodies that make one organisation with the place before them
    (``entities/state_bodies.txt``: 美国政府, 日本国会)."""
    return frozenset(word_list("entities", "state_bodies.txt"))


def entities(article_or_text: Article | str, segmenter: Segmenter | None = None) -> list[Entity]:
    """Named entities of an article (or of a text, one paragraph per non-empty line): persons,
    offices, organizations, places, documents and meetings, in text order.

    >>> [(e.kind, e.text) for e in entities("村民买买提·艾力在乌鲁木齐参加《关于…的意见》座谈")]
    [('person', '买买提·艾力'), ('place', '乌鲁木齐'), ('document', '《关于…的意见》')]
    """
    if isinstance(article_or_text, str):
        lines = [x.strip() for x in article_or_text.splitlines()]
        paragraphs = [Paragraph(i, x) for i, x in enumerate(x for x in lines if x)]
    elif isinstance(article_or_text, Article):
        paragraphs = article_or_text.paragraphs
    else:
        raise InputError(f"entities: expected an Article or a str, got {type(article_or_text).__name__}")
    seg = segmenter or default_segmenter()
    return entity_records(paragraphs, Recognizer(seg), [seg.tokens(p.text) for p in paragraphs])


class EntityStage(Stage):
    """Named entities of the article (``article.entities()``; the ``entities`` table)."""

    name = "entities"
    requires = ("tokens",)
    tables = {"entities": ("article_id", "entity", "paragraph", "start", "end", "text", "kind", "name")}

    def run(self, article: Article) -> None:
        rec = Recognizer(self.settings.segmenter)
        article.results[self.name] = entity_records(article.paragraphs, rec, [p.tagged() for p in article.paragraphs])

    def rows(self, article: Article) -> Rows:
        return {"entities": [{"article_id": article.id, "entity": i, "paragraph": e.paragraph, "start": e.start,
                              "end": e.end, "text": e.text, "kind": e.kind, "name": e.name}
                             for i, e in enumerate(article.results[self.name])]}

    def report(self, article: Article) -> list[str]:
        found: dict[str, dict[str, None]] = {}
        for e in article.results[self.name]:
            found.setdefault(e.kind, {})[e.name or e.text] = None
        return [f"  {kind + 's:':<13} " + "、".join(list(names)[:8]) + (" …" if len(names) > 8 else "")
                for kind, names in sorted(found.items(), key=lambda kv: KINDS.index(kv[0]))]

    def marks(self, article: Article) -> list[Mark]:
        return [Mark(e.paragraph, e.start, e.end, "entity", f"{e.kind}: {e.name or e.text}")
                for e in article.results[self.name]]
