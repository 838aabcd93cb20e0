"""Who speaks, at what occasion and when: the speaker of a clause (names, titles, pronouns and
bodies resolved across sentences and paragraphs), the source and date of the words, and the
people, documents, meetings and scenes each paragraph adds to what is known.
Part of the quotation stage (:mod:`.quotations`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache

from ..dates import DateMention, find_dates, resolve
from .cues import MAX_TITLE, alt, is_han, word_lists
from .entities import Mention, Recognizer, body_name, canonical_meeting, meeting_speaker
from .quote_text import (
    Meeting,
    Para,
    Scene,
    Speaker,
    State,
    adverbial_spans,
    clause_end,
    clause_start,
    pick,
)

__all__ = ["antecedent", "whole_name", "resolve_speaker", "subject", "subject_position", "clause_date", "context", "zero_subject", "sentence_subject", "verb_adjacent", "set_scene", "remember"]


def antecedent(p: Para, state: State, i: int, kinds: tuple[str, ...] = ("person",)) -> str | None:
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
        found = [e for e in para.rec.mentions(para.text, para.m, lo, prev_hi, state) if e.kind in kinds and subject_position(para, lo, e)]
        if found:
            return found[0].name
    return None


def _familiar(p: Para, state: State, form: str, where: tuple[int, int]) -> str | None:
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


def _full_title(e: Mention, state: State, where: tuple[int, int]) -> Mention | None:
    """The document cited earlier whose title a short one (《意见》, 《决定》) ends with."""
    short = e.mention.strip("《》")
    if not short or len(short) > word_lists().cues["short_title_max"]:
        return None
    for pos, doc in reversed(state.docs):
        if pos < where and doc.mention != e.mention and doc.mention.endswith(short + "》"):
            return doc
    return None


def whole_name(name: str, rec: Recognizer, state: State) -> str:
    """The name in full when the recognizer cut it short: wherever the article writes 张军 the
    same character follows (张军桥), and the longer one is a name.

    >>> from policytext.segmentation import default_segmenter
    >>> st = State(text="张军桥在医院留影。张军桥曾经说。张军发言。")
    >>> whole_name("张军", Recognizer(default_segmenter()), st)
    '张军'
    >>> st = State(text="张军桥在医院留影。“……”张军桥曾经说。")
    >>> whole_name("张军", Recognizer(default_segmenter()), st)
    '张军桥'
    >>> whole_name("王芳", Recognizer(default_segmenter()), State(text="王芳表示，好。王芳表示，行。"))
    '王芳'
    >>> whole_name("戚发", Recognizer(default_segmenter()), State(text="首任总设计师戚发轫院士经常跟他们讲"))
    '戚发轫'
    """
    if name not in state.whole:
        full = name
        t, lx = state.text, word_lists()
        after = [mt.end() for mt in re.finditer(re.escape(name), t)]
        follow = {t[i:i + 1] for i in after}
        if 2 <= len(name) <= 3 and len(after) >= 2 and len(follow) == 1:
            c = follow.pop()
            # 张军|桥 (not 王芳|表示: a verb, nor 李明|主任: a title, nor 穆欣比|利: never ends there)
            word = any(lx.verbs.match(t, i) or lx.titles.match(t, i) for i in after)
            closed = any(not is_han(t[i + 1:i + 2]) or t[i + 1:i + 2] in lx.cues["name_stop_chars"] or lx.verbs.match(t, i + 1)
                         for i in after)
            if is_han(c) and c not in lx.cues["name_stop_chars"] and not word and closed and rec.valid_name(name + c, 3):
                full = name + c
        elif 2 <= len(name) <= 3 and len(after) == 1:  # 总设计师戚发|轫院士经常跟他们讲: one character, then a title
            i = after[0]
            c = t[i:i + 1]
            if is_han(c) and c not in lx.cues["name_stop_chars"] and not lx.verbs.match(t, i) and not lx.titles.match(t, i) \
                    and lx.titles.match(t, i + 1) and rec.valid_name(name + c, 3):
                full = name + c
        state.whole[name] = full
    return state.whole[name]


def resolve_speaker(e: Mention | None, p: Para, state: State) -> Speaker:
    """The speaker a mention names: a person as named, a pronoun or title (他, 该负责人) resolved to
    the person it refers to, 会议 to the meeting held, 《决定》 to its issuer or full title."""
    if e is None:
        return Speaker(None, None)
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
            return Speaker(x.speaker, e.mention, Mention("meeting", e.start, e.end, x.name, e.mention), x.date)
        return Speaker(None, e.mention, e)
    if e.kind == "doc_ref":  # 文章指出 / 意见强调: the article or document named before
        for pos, doc in reversed(state.docs):
            if pos < where and doc.doc_type == e.doc_type and (e.doc_type == "article" or e.mention in doc.mention or e.mention == "文件"
                                                               or state.called.get(doc.mention) == e.mention):  # 《……》报告。……报告指出
                ref = Mention("doc", e.start, e.end, doc.name, doc.mention, issuer=doc.issuer, doc_type=doc.doc_type)
                return Speaker(doc.issuer.name if doc.issuer else doc.name, e.mention, ref, state.released.get(doc.mention))
        return Speaker(None, e.mention, e)
    if e.kind == "meeting" and e.name:
        return Speaker(meeting_speaker(e.name), e.mention, e)
    if e.kind == "person" and e.name and "·" in e.name:  # 穆铁礼甫·哈斯木常委提出: the office is not the name
        office = next((t for t in word_lists().titles.finditer(e.name) if t.end() == len(e.name) and t.start() > e.name.index("·")), None)
        if office is not None:
            e = Mention("person", e.start, e.end - len(office.group()), e.name[:office.start()], e.mention, title=office.group())
    if e.kind == "person":
        if e.name and e.name == e.mention[-len(e.name):]:
            e = Mention("person", e.start, e.end, whole_name(e.name, p.rec, state), e.mention, title=e.title)
        if e.name and e.title and re.fullmatch(r"[老小].|.老", e.name):
            return Speaker(e.name + e.title, e.mention, e)  # 邱老先生: no full name, the words stay
        familiar = re.fullmatch(r"[老小](.)", e.name or "")
        if familiar and familiar.group(1) in word_lists().surnames:  # 马善祥……。老马说: the one named before
            return Speaker(_familiar(p, state, e.name or "", where) or e.name, e.mention, e)
        return Speaker(e.name, e.mention, e)
    if e.kind in ("pronoun", "work_ref"):
        kinds = ("person",) if e.kind == "pronoun" else ("person", "org")
        fallback = state.outlet if e.doc_type == "article" else state.person_before(where)  # 述评指出: the outlet's review
        return Speaker(antecedent(p, state, e.start, kinds) or fallback, e.mention, e)
    if e.kind == "title":
        lead = e.mention[:-len(e.title)] if e.title and e.mention.endswith(e.title) else ""
        surname = lead if len(lead) == 1 and lead in word_lists().surnames else ""
        name = state.person_before(where, e.title, surname)
        if name is None and e.mention in word_lists().cues["reporters"]:
            name = state.reporter or state.outlet  # 记者：“……” in a CCTV item: 央视 asks; in a by-lined report its reporter
        if name is None and surname:
            name = e.mention  # 刘校长, named by surname and title only
        return Speaker(name, e.mention, e)
    if e.kind == "doc" and e.issuer is None and e.mention not in state.issuers:
        full = _full_title(e, state, where)  # 《决定》指出 → 《中共中央关于……的决定》
        if full is not None:
            e = Mention("doc", e.start, e.end, full.name, full.mention, issuer=full.issuer or state.issuers.get(full.mention),
                        doc_type=full.doc_type)
    if e.kind == "doc":
        issuer = e.issuer or state.issuers.get(e.mention) or _titled_issuer(e)
        if issuer is not None:
            joint = issuer.name.split("、") if issuer.name and "、" in issuer.name else []
            return Speaker(issuer.name, issuer.mention, e, joint=joint)
        return Speaker(e.name, e.mention, e)
    if e.kind == "org" and e.name:
        place = _place_before(p, e.start)
        if place:  # 俄罗斯|国防部称: the country's ministry, not a ministry of China
            e = Mention("org", e.start - len(place), e.end, place + e.name, place + e.mention)
        return Speaker(body_name(e.name), e.mention, e)  # 最高法 → 最高人民法院
    return Speaker(e.name, e.mention, e)


def _place_before(p: Para, i: int) -> str:
    """The place name written right before a body's name at i (俄罗斯|国防部, 美国|国务院), as the
    segmenter tags it, or ''."""
    run = re.search(r"[\u4e00-\u9fff]{1,6}$", p.m[max(0, i - 6):i])
    if run is None:
        return ""
    words = p.rec.seg.tagged(run.group())
    return words[-1][0] if words and words[-1][1] == "ns" else ""


def subject(p: Para, state: State, lo: int, hi: int, sent_lo: int, adjacent: bool = False) -> Speaker:
    """Who speaks in the clause [lo, hi) (the verb at hi); failing that, earlier in the sentence.
    ``adjacent``: only a speaker with nothing but adverbials between it and the verb."""
    cues = word_lists().cues
    clause = ents = [e for e in p.rec.mentions(p.text, p.m, lo, hi, state)
                     if (e.start == 0 or p.m[e.start - 1] not in cues["addressee_marks"])
                     and not (e.kind == "person" and e.mention[:1] in cues["addressee_marks"] and e.mention[1:] in cues["addressees"])]  # 向|大家
    if adjacent:
        ents = [e for e in ents if verb_adjacent(p, e.end, hi)]
    bare = _bare_name(p, lo, hi, state)
    if bare is not None and not any(e.kind == "person" or e.start <= bare.start < e.end and not (e.kind == "title" and e.start == bare.start)
                                    for e in clause):  # 王德福接受记者|采访时表示: not the qualifier of a bare title
        ents.insert(0, bare)
    titled = _titled_name(p, clause, lo, hi)
    if titled is not None and not any(e.kind == "person" for e in ents):
        ents.insert(0, titled)
        state.titled.add(titled.name or "")  # 董事长姜云涛说，…… then 姜云涛说：

    e = pick(ents, adverbial_spans(p, lo, hi))
    if e is not None and e.kind == "person" and e in clause:
        joint = _joint(p, clause, e)
        if len(joint) > 1:
            names = [x.name or x.mention for x in joint]
            return Speaker("、".join(names), p.text[joint[0].start:joint[-1].end], joint[-1], joint=names)
    if e is None and sent_lo < lo:
        earlier = [x for x in p.rec.mentions(p.text, p.m, sent_lo, lo, state) if subject_position(p, sent_lo, x)]
        e = pick(earlier, adverbial_spans(p, sent_lo, lo))
    if e is None:
        e = _named_body(p, lo, hi)
    return resolve_speaker(e, p, state)


def _joint(p: Para, ents: list[Mention], e: Mention) -> list[Mention]:
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


def subject_position(p: Para, lo: int, e: Mention) -> bool:
    """Does ``e`` open its clause (after time words, adverbials and its titles: 老党员王德福,
    中共中央总书记、国家主席、中央军委主席习近平), as a subject does?"""
    cl = clause_start(p, e.start, lo)
    titled = p.rec.title_ends_at(p.m, cl, e.start) and (
        e.start - cl <= MAX_TITLE and word_lists().titles.search(p.m, cl, e.start) is not None
        or _office_chain().fullmatch(p.m, cl, e.start) is not None
        or _described().fullmatch(p.m, cl, e.start) is not None)
    return titled or verb_adjacent(p, cl, e.start)


@lru_cache(maxsize=1)
def _described() -> re.Pattern[str]:
    """A title after a relative clause or a company (刚刚坐了十几个小时飞机的公司总经理马同伟,
    卢旺达辣椒种植企业加绍拉农场有限公司总经理迪厄多内·特瓦西卢瓦): the subject's description."""
    body = alt("org_suffixes")
    return re.compile(rf"(?:[^，。；：！？]{{1,30}}的|[\u4e00-\u9fff（）()]{{2,30}}?(?:{body}))[^，。；：！？的]{{0,{MAX_TITLE}}}")


def _named_body(p: Para, lo: int, hi: int) -> Mention | None:
    """A clause that is just a name ending like a body (美国有线电视新闻网评价): an organisation."""
    chunk = p.m[lo:hi]
    lx = word_lists()
    words = alt("adverbs", "subject_gap", "demonstratives")
    mt = re.fullmatch(rf"([\u4e00-\u9fff]{{2,14}}?)(?:{words})*", chunk)
    if mt is None:  # 沙特阿拉伯民航总局7日称: a date after the name
        mt = re.match(r"([\u4e00-\u9fff]{2,14}?)(?=\d|今天|昨天|当天|当日|日前|近日)", chunk)
        if mt is not None and re.fullmatch(rf"(?:{words}|{alt('speech_acts')})*", _without_dates(chunk[mt.end():])) is None:
            mt = None
    if mt and any(mt.group(1).endswith(s) for s in lx.cues["body_suffixes"]) and not lx.verbs.search(mt.group(1)):
        return Mention("org", lo, lo + len(mt.group(1)), mt.group(1), mt.group(1))
    return None


def _titled_name(p: Para, clause: list[Mention], lo: int, hi: int) -> Mention | None:
    """A name between an office of a country or body and the verb that the recognizer did not give
    (埃及总统塞西表示, 波黑主席团轮值主席茨维亚诺维奇表示): two to eight characters after the last
    office of the clause (not 总书记高兴地说: a bare title and an adverb)."""
    lx = word_lists()
    title = next((e for e in reversed(clause) if e.kind == "title" and e.name is None and e.end < hi), None)
    if title is None or (title.start == lo and title.mention == title.title):
        return None
    mt = re.fullmatch(rf"([\u4e00-\u9fff][\u4e00-\u9fff·\-－]{{1,9}}?)(?:{alt('adverbs', 'subject_gap')})*", p.m[title.end:hi])
    name = mt.group(1) if mt else ""
    if not name or lx.titles.search(name) or _verb_in(name) or lx.generic.search(name) or re.search("[的在和与对向地]", name) \
            or name[-1] in lx.cues["role_final_chars"] or name[0] == "会" \
            or re.match(alt("interview"), name):  # 宪法和法律委员|会组成人员; 接受记者|采访时表示
        return None
    return Mention("person", title.end, title.end + len(name), name, p.text[title.start:title.end + len(name)], title=title.title)


def _verb_in(name: str) -> bool:
    """Does a reporting verb stand in ``name`` as a verb (李明介绍, 王芳说), not as a character of
    the name (姜云涛: 云 is no verb here)?

    >>> _verb_in("李明介绍"), _verb_in("王芳说"), _verb_in("姜云涛")
    (True, True, False)
    """
    return any(len(mt.group()) >= 2 or mt.end() == len(name) for mt in word_lists().verbs.finditer(name))


def _bare_name(p: Para, lo: int, hi: int, state: State) -> Mention | None:
    """A name alone right before the verb, at the start of its clause: 屠小明说, 刘澄玉说, or a name
    the article gave before with a title (智利总统博里奇。……博里奇表示)."""
    lx = word_lists()
    seg = p.m[lo:hi]
    said = re.search(rf"(?:{lx.verbs.pattern})$", seg)
    seg = seg[:said.start()] if said and said.start() >= 2 else seg  # 姜云涛说：“……”: the name before the verb
    mt = re.match(rf"^(?:\d{{1,2}}日|\d{{1,2}}月\d{{1,2}}日)?([\u4e00-\u9fff][\u4e00-\u9fff\-－]{{1,8}}?)(?:{alt('adverbs')})?$", seg)
    if mt and (mt.group(1)[1:] in lx.title_set or _verb_in(mt.group(1)[1:])):
        return None  # 习总书记: a surname and a title; 李明介绍(说): a name and a verb
    if mt and (p.rec.valid_name(mt.group(1), 3) or mt.group(1) in state.titled or p.rec.tagged_name(mt.group(1))):  # 屠小明说, 恩格斯说, 爱因斯坦说过
        s = lo + mt.start(1)
        return Mention("person", s, s + len(mt.group(1)), lx.leaders.get(mt.group(1), mt.group(1)), mt.group(1))
    name = p.rec.name_after(p.m, lo, hi)  # 刘德华一边干活一边对记者说: a name, then only adverbials
    if name and verb_adjacent(p, lo + len(name), hi):
        return Mention("person", lo, lo + len(name), lx.leaders.get(name, name), name)
    return None


def _source(p: Para, lo: int, hi: int, who: Speaker) -> tuple[str | None, str | None]:
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
    mt = re.search(r"(?:作出|做出)的?((?:重要)?(?:指示|批示))", seg)  # 作出重要指示强调; 习近平总书记就……作出的重要指示，……
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
    adverbials = adverbial_spans(p, lo, hi)

    def occasion(e: Mention) -> bool:  # not part of the speaker's own name (政府工作报告起草组负责人沈丹阳)
        if who.ent is None or who.ent.kind not in ("person", "title") or e.start >= who.ent.end:
            return True
        return any(s <= e.start < end for s, end in adverbials) or e.start < clause_start(p, who.ent.start, lo)

    ents = [e for e in p.rec.mentions(t, m, lo, hi, State(), tagger=False) if occasion(e)]
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


def _guest(p: Para, s: int, e: int) -> int:
    """Where the guest met in [s, e) is named: after the clause that describes a named guest
    (会见|来华出席……的|莫桑比克总理马莱阿内 → 会见莫桑比克总理马莱阿内), else ``s``
    (会见出席……会议的外方主要代表 keeps its description: no name follows it)."""
    k = p.m.rfind("的", s, e)
    named = [x for x in p.rec.mentions(p.text, p.m, k + 1, e, State(), tagger=False) if x.kind == "person" or x.kind == "title" and x.end < e - 1]
    if k < 0 or not named:  # a name, or an office with the name after it (哈萨克斯坦总统|托卡耶夫)
        return s
    return k + 1


def _fuller(state: State, name: str | None) -> str | None:
    """The fullest name the article gave a meeting before (the headline's 中央党校建校90周年庆祝大会……
    for the body's 建校90周年庆祝大会……), else ``name``; a name that says little more than its kind
    (全体会议, 专题会议) may be part of another meeting and stays."""
    if not name or len(name) < 6:
        return name
    return max((x.name for x in state.meetings if x.name.endswith(name)), key=len, default=name)


def _held(p: Para, s: int, e: int) -> bool:
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


def _doc_type(p: Para, e: Mention) -> str:
    """An article (《……》一文, 重要文章《……》, a newspaper) or a document."""
    c = word_lists().cues
    media = e.mention.rstrip("》").endswith(tuple(c["media_suffixes"]))
    before = re.search(rf"(?:{alt('article')})$", p.m[max(0, e.start - 4):e.start])
    return "article" if media or before or re.match(alt("article"), p.m[e.end:]) else "document"


def clause_date(p: Para, lo: int, hi: int, state: State) -> str | None:
    """The most precise date named in [lo, hi) (outside quotations and 《》; the last of equally
    precise ones), as ISO 8601: 2月28日，中宣部召开2025年……会议 → 2025-02-28."""
    found = find_dates(p.m, lo, hi, relative=True)
    # 9月13日至14日: a meeting of several days is dated by its first day
    found = [x for k, x in enumerate(found) if not (k and p.m[found[k - 1].end:x.start] in ("至", "到", "—", "－", "-", "～", "~"))]
    dates = [d for d in (_resolve_date(p, x, state) for x in found) if d]
    if not dates:
        return None
    return max(enumerate(dates), key=lambda x: (len(x[1].lstrip("-")), x[0]))[1]


def _resolve_date(p: Para, d: DateMention, state: State) -> str | None:
    """The date ``d`` of the paragraph stands for (:func:`~policytext.dates.resolve`)."""
    k = bisect.bisect_left(p.days, (d.start, ""))
    year = _year_before(p, d.start)
    if year is not None and d.year is None and d.word is None and d.month and d.day:
        y = bisect.bisect_left(p.years, (d.start, 0))
        near = resolve(d, state.today)  # 2022年12月31日，……。6月17日，国新办举行……: the news event of a
        if p.years[y - 1][0] < p.sentence(d.start)[0] and _recent(near, state.today) and not near.startswith(str(year)):
            year = None  # 2025-06-18 report, not a day of the year written in a sentence before
    return resolve(d, state.today, year, p.days[k - 1][1] if k else p.day_before)


def _year_before(p: Para, i: int) -> int | None:
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


def context(p: Para, state: State, hi: int, lo: int, who: Speaker) -> tuple[str | None, str | None, str | None]:
    """Source, source type and date of words introduced by [lo, hi); with neither source nor
    date there, the sentences just before (back into the previous paragraph) lend theirs while
    they are about the same speaker (……习近平总书记来到长安小区。习近平总书记指出，……)."""
    source, stype = _source(p, lo, hi, who)
    source = _fuller(state, source) if stype == "meeting" else source
    date = clause_date(p, lo, hi, state) or who.date
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
    if source is None and date is None and who.name is None and who.ent is not None and who.ent.kind == "title" \
            and (who.ent.mention != who.ent.title or any(e.kind == "org" and e.end == who.ent.start for e in p.rec.mentions(
                p.text, p.m, max(0, who.ent.start - 20), who.ent.start, state, tagger=False))):
        # 本报北京6月24日电 ……。¶应急管理部有关负责人介绍，……: an official of a body, not named, speaks on the day of
        # the news (not 工程师说: a bare role)
        day = next((d for pos, d in reversed(p.days) if pos < lo), None) or p.day_before
        date = day if _recent(day, state.today) else None
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


def _at_meeting(state: State, date: str | None) -> tuple[str, str, str | None]:
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


def _sentence_facts(p: Para, state: State, span: tuple[int, int], name: str) -> tuple[str | None, str | None, str | None] | None:
    """(source, source type, date) of a sentence that names the speaker ``name``, else None. Only
    a date before the speaker is named counts, as it sets the scene (上次是2017年12月，总书记到
    徐工集团考察), not 郎素兰今年82岁."""
    lo, hi = span
    for e in reversed(p.rec.mentions(p.text, p.m, lo, hi, state, tagger=False)):
        if e.kind in ("person", "title", "pronoun", "org"):  # 最高人民法院9日发布……。¶最高法表示，……
            who = resolve_speaker(e, p, state)
            if who.name == name:
                return _facts(p, state, lo, _words_start(p, e.end, hi), who, e)
    k = p.m.find(name, lo, hi) if len(name) >= 2 else -1
    if k >= 0:  # 伊朗……秘书雷扎伊19日表示，……。雷扎伊还说，……: the name after a title the tagger does not give
        e = Mention("person", k, k + len(name), name, name)
        return _facts(p, state, lo, _words_start(p, e.end, hi), Speaker(name, name, e), e)
    return None


def _words_start(p: Para, i: int, hi: int) -> int:
    """Where the words reported after position i begin (习近平表示，|值此……研讨会开幕之际): at the first
    reporting verb followed by ，/： that is not a speech act (作出重要指示，强调), else ``hi``."""
    verb = re.compile(rf"(?:{word_lists().verbs.pattern})(?:{alt('verb_suffixes')})?[，,：:]")
    for mt in verb.finditer(p.m, i, hi):
        if not re.search(r"(?:作出|做出)的?(?:重要)?$", p.m[max(i, mt.start() - 5):mt.start()]):
            return mt.start()
    return hi


def _facts(p: Para, state: State, lo: int, hi: int, who: Speaker, e: Mention) -> tuple[str | None, str | None, str | None]:
    """(source, source type, date) of the sentence [lo, hi) about ``who``, named at ``e``: the date
    before the speaker or right after the name (习近平10月15日在北京会见……)."""
    after = next((d.end for d in find_dates(p.m, e.end, min(len(p.m), e.end + 20), relative=True) if d.start == e.end), e.start)
    # the dates before the speaker or right after the name; else a day in the speaker's clause
    # (……普京12月31日互致新年贺电, ……今天互致), not a year it talks about (肯定了……2025年工作)
    date = clause_date(p, lo, after, state) or next(
        (x for x in (_resolve_date(p, d, state) for d in find_dates(p.m, after, min(hi, clause_end(p, e.end)), relative=True)
                     if d.word is not None or d.day is not None) if x), None)
    source = _source(p, lo, hi, who)
    if source[1] == "meeting":
        source = (_fuller(state, source[0]), "meeting")
    if source[0] is None:
        held = _attended(p, state, e.end, hi)
        if held is not None:  # at a press conference the speaker's story (2022年11月，他再次担任指令长) does not date the words
            return held.name, "meeting", held.date if held.floor and held.date else date or held.date
    return (*source, date)


def _attended(p: Para, state: State, lo: int, hi: int) -> Meeting | None:
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


def zero_subject(p: Para, state: State, sent_lo: int) -> Speaker:
    """A sentence without a subject (……。在沈阳……，见到市民，问问“……”) continues the person of
    the sentences before it in the paragraph, or of the paragraph before."""
    lo = sent_lo
    while lo > 0:
        lo, hi = p.sentence(lo - 1)
        people = [e for e in p.rec.mentions(p.text, p.m, lo, hi, state) if e.kind in ("person", "pronoun", "title")]
        people = [e for e in people if not any(s <= e.start < t for s, t in adverbial_spans(p, lo, hi))]
        who = resolve_speaker(people[0], p, state) if people else None
        if who is not None and who.name:
            return who
    if p.offset == 0 and state.last is not None:
        para, (lo, hi) = state.last
        people = [e for e in p.rec.mentions(para.text, para.m, lo, hi, state) if e.kind in ("person", "pronoun", "title")]
        who = resolve_speaker(people[0], para, state) if people else None
        if who is not None and who.name:
            return Speaker(who.name, None, Mention("person", 0, 0, who.name, ""))
    return Speaker(None, None)


def sentence_subject(p: Para, state: State, lo: int, hi: int) -> Speaker:
    """The subject of the last clause of [lo, hi) that has one: who goes on in a clause without one."""
    marks = word_lists().cues["addressee_marks"]
    people = [e for e in p.rec.mentions(p.text, p.m, lo, hi, state, tagger=False)
              if e.kind in ("person", "title", "pronoun") and subject_position(p, lo, e) and p.m[e.start - 1:e.start] not in marks]
    return resolve_speaker(people[-1], p, state) if people else Speaker(None, None)


def verb_adjacent(p: Para, end: int, vs: int) -> bool:
    """Only adverbials stand between the speaker and the verb (王某在会上强调, not 群众新期待)."""
    lx = word_lists()
    if vs - end > word_lists().cues["max_gap"]:
        return False
    gap = list(p.m[end:vs])
    for s, t in adverbial_spans(p, end, vs):
        gap[s - end:t - end] = " " * (t - s)
    rest = re.sub(r"[（(][）)]", "", _without_dates("".join(gap).replace(" ", "")))  # 今天（9月20日）表示: the date in brackets
    where = re.search(r"在([\u4e00-\u7683\u7685-\u9fff]{2,12})$", rest)  # (not 在福建宁德地委工作的干部: 的 = U+7684)
    if where is not None and lx.verbs.match(p.m, vs) and p.rec.seg.tagged(where.group(1))[0][1] == "ns":
        rest = rest[:where.start()]  # 李强20日在北京人民大会堂表示: where the words were said (在……时/上 are adverbial spans)
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


def _scene(p: Para, state: State, lo: int, hi: int, e: Mention) -> None:
    """Note the occasion (and its date) of the person ``e`` who is the subject of a clause of the
    sentence [lo, hi) (习近平10月15日在北京会见……): the scene of that person's next words when they
    name none, and of the other people that clause names (习近平同……总督威廉斯互致贺电: 威廉斯表示，……
    is in his message; 习近平会见洪秀柱。洪秀柱表示，……)."""
    words = _words_start(p, e.end, hi)  # the occasion is told before the words (not 我们多次会晤 in them)
    facts = _facts(p, state, lo, words, Speaker(e.name, e.mention, e), e)
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
    for x in p.rec.mentions(p.text, p.m, e.end, clause_end(p, e.end), state):
        if x.kind == "person" and x.name:
            cut = next((k for k in range(x.start + 2, x.end) if acts.match(p.m, k)), None)  # 楚普|互致贺电
            others.append(p.m[x.start:cut] if cut else x.name)
        elif x.kind == "title" and x.name is None:
            others.append(_name_after_title(p, x.end) or "")  # 会见智利总统博里奇
    for name in dict.fromkeys([e.name, *others]):
        if name:
            set_scene(state, name, Scene(*facts, p.index))


def set_scene(state: State, name: str, scene: Scene) -> None:
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


def _name_after_title(p: Para, i: int) -> str | None:
    """The name a title at i is followed by when the recognizer gave none: two to six characters
    that end the clause or stand before a letter or meeting act (智利总统博里奇。, 总督威廉斯互致贺电)."""
    mt = re.match(rf"([\u4e00-\u9fff][\u4e00-\u9fff·\-－]{{1,7}}?)(?:[，。；、]|{alt('letter_acts', 'meeting_visits', 'talk_acts')})", p.m[i:])
    if mt is None or word_lists().titles.search(mt.group(1)) or word_lists().verbs.search(mt.group(1)):
        return None
    return mt.group(1)


def _issuer_before(p: Para, lo: int, e: Mention, ents: list[Mention]) -> tuple[Mention, int] | None:
    """The body (or person) that issues the document ``e`` in its sentence, and where the issuing
    verb stands: 联合国粮食及农业组织28日发布的《……》, 中国人民银行今日（10月8日）发布关于……文件."""
    verb = re.compile(rf"(?:{alt('issue_verbs')})了?的?")
    rest = re.compile(rf"[\u4e00-\u9fff]{{1,12}}?(?:{alt('body_suffixes')})")  # 联合国|粮食及农业组织: the name goes on
    for a in reversed([x for x in ents if x.kind in ("org", "person") and x.end <= e.start]):
        more = rest.match(p.m, a.end, e.start) if a.kind == "org" else None
        if more is not None:
            a = Mention("org", a.start, more.end(), (a.name or "") + more.group(), p.m[a.start:more.end()])
        gap = re.sub(r"[（(][）)]", "", _without_dates(p.m[a.end:e.start]))
        mt = verb.fullmatch(re.sub(rf"^(?:{alt('adverbs', 'subject_gap')})+", "", gap))
        if mt is not None and subject_position(p, lo, a):
            return a, e.start - 1
    return None


def _issued(p: Para, state: State, lo: int, e: Mention, ents: list[Mention]) -> None:
    """Give the document ``e`` the issuer its sentence names and note the day it was issued on."""
    found = _issuer_before(p, lo, e, ents)
    if found is None:
        return
    a, at = found
    if e.issuer is None:
        e.issuer = resolve_speaker(a, p, state).ent if a.kind == "org" else a
    state.released[e.mention] = clause_date(p, lo, at, state)


def _untitled_doc(p: Para, lo: int, hi: int, ents: list[Mention]) -> Mention | None:
    """A document issued without 《》 (发布关于人民币汇率的政策立场文件, 印发关于……的意见): named by its
    关于 phrase (文件, a word for any document, left out)."""
    kinds = alt("untitled_doc_nouns")
    mt = re.search(rf"(?:{alt('issue_verbs')})了?(关于[^，。；：“”《》]{{2,40}}?)({kinds})(?![\u4e00-\u9fff])", p.m[lo:hi])
    if mt is None:
        return None
    s, t = lo + mt.start(1), lo + mt.end(2)
    name = mt.group(1) if mt.group(2) == "文件" else mt.group(1) + mt.group(2)
    e = Mention("doc", s, t, name, name, doc_type="document")
    return e if _issuer_before(p, lo, e, ents) is not None else None


def remember(p: Para, state: State) -> None:
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
        state.messages = Scene(p.text[sent.start(1):sent.end(1)], "letter", None, p.index)
    lo = 0
    for hi in [*p.ends, len(p.text)]:
        if hi <= lo:
            continue
        ents = p.rec.mentions(p.text, p.m, lo, hi, state, tagger=False)
        background = re.match(rf"\s*(?:{alt('background_words')})[，,]", p.m[lo:hi]) is not None
        untitled = _untitled_doc(p, lo, hi, ents)
        if untitled is not None:  # 中国人民银行今日发布关于人民币汇率的政策立场文件。¶文件指出，……
            state.docs.append(((p.index, untitled.start), untitled))
            _issued(p, state, lo, untitled, ents)
        for e in ents:
            if e.kind == "doc" and e.mention.startswith("《"):
                e.doc_type = _doc_type(p, e)
                if e.issuer is None and e.doc_type == "article":  # 习近平的重要文章《……》
                    e.issuer = next((a for a in ents if a.kind in ("person", "title") and re.fullmatch(
                        rf"的(?:{alt('article')})", p.m[a.end:e.start])), None)
                    if e.issuer is not None and e.issuer.kind == "title":
                        e.issuer.name = resolve_speaker(e.issuer, p, state).name
                state.docs.append(((p.index, e.start), e))
            if e.kind == "doc" and e.mention.startswith("《") and e.doc_type == "document":
                _issued(p, state, lo, e, ents)
                noun = re.match(alt("document_refs"), p.m[e.end:])
                if noun:
                    state.called[e.mention] = noun.group()
            if e.kind == "title" and e.name is None:
                name = _name_after_title(p, e.end)
                if name:
                    state.titled.add(name)
            if e.kind == "person" and e.name:
                e.name = whole_name(e.name, p.rec, state) if e.mention.endswith(e.name) else e.name
                state.people.append(((p.index, e.start), e.name, e.title))
                state.names.add(e.name)
                if subject_position(p, lo, e) and _words_start(p, lo, e.start) == e.start:  # not one the reported words name
                    _scene(p, state, lo, hi, e)
            elif e.kind == "meeting" and e.name and not reported:
                date = clause_date(p, lo, hi, state)
                # a press conference, or a session with speeches from the floor (……举行全体会议，15位常委作大会发言)
                floor = e.name.endswith(tuple(word_lists().cues["press_events"])) and (
                    not e.name.endswith("全体会议") or re.search(alt("floor_words"), p.m[lo:hi]) is not None)
                held = _held(p, e.start, e.end) and not background  # 此前，……主持召开中央政治局常委会会议: not the one reported
                name = _fuller(state, e.name) or e.name
                state.meetings.append(Meeting((p.index, e.start), name, meeting_speaker(name), date, held, floor))
                press = re.match(rf"[^，。；：]{{0,16}}?(?:{alt('convene_verbs')})({alt('press_events')})", p.m[e.end:])
                if press:  # 十四届全国人大三次会议今天举行记者会: the press conference of that session
                    state.meetings.append(Meeting((p.index, e.end), e.name + press.group(1), meeting_speaker(e.name), date, True, True))
            elif e.kind == "doc" and e.issuer is not None:
                state.issuers[e.mention] = e.issuer
                alias = re.match(r"（以下简称(《[^》]+》)）", p.text[e.end:])
                if alias:
                    state.issuers[alias.group(1)] = e.issuer
        for mt in re.finditer(rf"({word_lists().institutions.pattern})[^，。；]{{0,16}}?(?:{alt('convene_verbs')})了?会议", p.m[lo:hi]):
            if word_lists().titles.search(mt.group()):
                continue  # 中共中央总书记习近平主持会议: the body is the leader's office
            body = body_name(mt.group(1))  # 中共中央政治局2月21日召开会议
            state.meetings.append(Meeting((p.index, lo + mt.end()), body + "会议", body, clause_date(p, lo, hi, state), not background))
        lo = hi
    # what this paragraph added comes after all that earlier paragraphs did: sort only that
    state.people[n_people:] = sorted(state.people[n_people:], key=lambda x: x[0])
    state.meetings[n_meetings:] = sorted(state.meetings[n_meetings:], key=lambda x: x.pos)
