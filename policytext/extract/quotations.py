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

import re
from dataclasses import dataclass

from ..document import Article, Quotation
from ..segmentation import Segmenter, default_segmenter
from ..stage import Mark, Rows, Stage
from .attribution import (
    antecedent,
    context,
    remember,
    resolve_speaker,
    sentence_subject,
    set_scene,
    subject,
    subject_position,
    verb_adjacent,
    zero_subject,
)
from .cues import alt, is_han, word_lists
from .dialogue import Label, heading, label_at, turn_labels
from .entities import Mention, Recognizer
from .quote_links import link_quotations
from .quote_text import (
    Found,
    Para,
    Scene,
    Speaker,
    State,
    adverbial_spans,
    article_date,
    as_article,
    byline_reporter,
    clause_end,
    clause_start,
    intro_start,
    may_quote,
    is_utterance,
    outlet,
    pick,
    prepare,
    with_run_on,
)

__all__ = ["quotations", "article_date", "outlet", "QuotationStage"]


def _verb_ok(p: Para, s: int, e: int) -> bool:
    """Is the reporting verb at [s, e) really reporting (not 可以说, 的要求, 小说, 落实……部署)?"""
    lx = word_lists()
    if s > 0 and p.m[s - 1] == "的":
        return False
    if p.m[s:e] in lx.cues["nominal_verbs"] and re.search(alt("nominal_frames"), p.m[clause_start(p, s, 0):s]):
        return False  # 认真落实省委全会部署，…: 部署 is a noun
    # no non-reporting word (可以说, 小说) overlaps the verb
    return not any(p.m[k:k + n] in words for n, words in lx.not_reporting.items() for k in range(max(0, s - n + 1), e))


def _verb_tail(p: Para, e: int) -> int:
    for suf in word_lists().cues["verb_suffixes"]:
        if p.m.startswith(suf, e):
            return e + len(suf)
    return e


def _pre_intro(p: Para, lo: int, q: int, utter: bool = False) -> tuple[int, int] | None:
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


def _post_intro(p: Para, o: int, c: int, utterance: bool) -> tuple[int, int, int] | None:
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
        cl = clause_start(p, vs, start)
        if not utterance and not _whole_clause(p, o, c) and p.text[c - 1:c] not in "，,":  # “现在好了，”王大妈说，“……”
            return None  # “四风”问题，习近平总书记强调: the verb reports something else
        return cl, vs, ve
    nouns = alt("speech_nouns")
    mt = re.match(rf"([^，。；：！？]{{2,12}}?)的(?:{nouns})", region)
    if mt:
        return start, start + mt.end(1), start + mt.end(1)
    return None


def _term_marked(p: Para, o: int, c: int) -> bool:
    """A quotation named as a term (“改革”一词) or a numbered formula (“六个必然要求”)."""
    cues = word_lists().cues
    after = p.m[c + 1:c + 6]
    return any(after.startswith(w) for w in cues["term_markers"]) or bool(re.match(cues["formula_pattern"], p.text[o + 1:c]))


def _groups(p: Para) -> list[list[tuple[int, int]]]:
    """Quotations in a row (“……”“……”, “……”、“……”) after one introduction form a group."""
    joiners = word_lists().cues["list_joiners"]
    groups: list[list[tuple[int, int]]] = []
    for span in p.spans:
        prev = groups[-1][-1] if groups else None
        ended = prev is not None and p.text[prev[1] - 1] in "。！？!?" and not is_utterance(p.text[span[0] + 1:span[1]])
        gap = p.m[prev[1] + 1:span[0]] if prev is not None else ""
        # “黄河水资源量就这么多，……”，要“把水资源作为最大的刚性约束，……”: the words go on after a comma
        goes_on = re.fullmatch(rf"[，,](?:{alt('lead_words')})?", gap) is not None and p.text[prev[1] - 1] not in "。！？!?" \
            and is_utterance(p.text[prev[0] + 1:prev[1]]) and is_utterance(p.text[span[0] + 1:span[1]])
        if prev is not None and (gap in joiners or goes_on) and not ended:
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


@dataclass
class _Intro:
    """How a group of quotations is introduced: who speaks, the kind, and the stretch of text
    [lo, hi) that introduces it (where the source and date are looked for); ``label``: a speaker
    label (全国人大代表郭建群：“……”), words said to the reporter, not at the occasion told before."""

    who: Speaker
    kind: str
    lo: int
    hi: int
    label: bool = False


def _introduce(p: Para, state: State, group: list[tuple[int, int]]) -> _Intro | None:
    """Find what introduces a group: a verb before it (强调：“……”), a colon, a verb after it
    (“……”王福山说), a topic frame (围绕“……”作出部署) or the sentence it is a clause of."""
    cues = word_lists().cues
    o, last_c = group[0][0], group[-1][1]
    sent_lo = intro_start(p, o)
    utter = any(is_utterance(p.text[a + 1:b]) for a, b in group)
    after = p.m[last_c + 1:last_c + 2]
    pre = _pre_intro(p, sent_lo, o, utter)
    if pre is not None:
        vs = pre[0]
        # 詹纯新代表回味总书记说的“……”: who said the words stands right before the verb
        relative = p.m[pre[1]:o].rstrip().endswith("的")
        who = subject(p, state, clause_start(p, vs, sent_lo), vs, sent_lo, adjacent=relative)
        if relative and who.ent is None:
            who = subject(p, state, clause_start(p, vs, sent_lo), vs, sent_lo)
        if who.ent is None:
            who = zero_subject(p, state, sent_lo)
        short = len(p.text[o + 1:last_c]) <= cues["term_max_chars"]
        nobody = who.ent is None
        modifies = is_han(p.m[last_c + 1:last_c + 2] or " ") and not word_lists().verbs.match(p.m, last_c + 1)  # 呼吁“占中”参与者
        named = p.m[vs:pre[1]] in cues["concept_verbs"] and p.m[pre[1]:o] == ""  # 提出“中国梦”: a concept named
        term = _term_marked(p, group[-1][0], last_c) or (not utter and short and (modifies or nobody or named))
        return _Intro(who, "term" if term else "direct", sent_lo, vs)
    if o > sent_lo and p.m[o - 1] in "：:" and (utter or after == "" or after in "，,。；;！？!?"):
        cl = clause_start(p, o - 1, sent_lo)
        who = subject(p, state, cl, o - 1, sent_lo)
        label = label_at(p, cl, o - 1)
        if label is not None and (who.name is None or who.ent is not None and who.ent.kind == "person" and _covers(label, who.ent)):
            who = resolve_speaker(label, p, state)  # 上海市科学技术委员会主任寿子琪：“……”
        if who.ent is None:
            who = zero_subject(p, state, sent_lo)
        return _Intro(who, "direct", sent_lo, o - 1, label is not None and label.name == who.name)
    this = re.match(r"这(?:句话|段话|番话|些话)?(?:就)?是", p.m[last_c + 1:last_c + 8]) if utter else None
    if this:  # “……”这句话是毛泽东同志对他的评价 (not ……是杨善洲墓志铭上的一段话: the epitaph's words)
        start = last_c + 1 + this.end()
        _, sent_end = p.sentence(start)
        people = [e for e in p.rec.mentions(p.text, p.m, start, sent_end, state) if e.kind in ("person", "title")]
        # ……是张军桥生前发布的最后一条朋友圈: what the author wrote or said (not 杨善洲墓志铭上的: a thing's words)
        author = next((e for e in sorted(people, key=lambda x: x.kind != "person") if re.match(r"(?:同志)?(?:在[^，。；]{1,30}?(?:时|上|中))?(?:对[^，。；]{1,12}?)?(?:[\u4e00-\u9fff]{0,6}[^上中里，。；])?的", p.m[e.end:])), None)
        return _Intro(resolve_speaker(author, p, state) if author else Speaker(None, None), "direct", start, sent_end)
    post = _post_intro(p, group[-1][0], last_c, utter)
    if post is not None:
        cl, vs, _ = post
        who = subject(p, state, cl, vs, last_c + 1)
        if who.ent is not None:
            return _Intro(who, "direct", sent_lo, vs)
    if utter and p.text[last_c - 1:last_c] in "。！？!?…":
        # “弄个‘床单’式的电极！”刘澄玉定下思路: the person the next words are about said it
        # (“……。”来自江苏省演艺集团的柯军代表……, “……。”28日9时，……队员岑勇，收到通知)
        _, sent_end = p.sentence(last_c + 1)
        ments = p.rec.mentions(p.text, p.m, last_c + 1, sent_end, state)
        # 穆欣|比利国立医院麻醉科护士|埃利克·威廉·姆瓦卡通吉拉: a name in the description of the one titled after it
        stops = word_lists().cues["name_stop_chars"]
        inside = {id(x) for x, t, y in zip(ments, ments[1:], ments[2:]) if (x.kind, t.kind, y.kind) == ("person", "title", "person")
                  and t.end == y.start and re.fullmatch(rf"[^{stops}，。；：！？、\W]*", p.m[x.end:t.start])}
        people = [e for e in ments if e.kind in ("person", "title") and id(e) not in inside
                  and (subject_position(p, last_c + 1, e) or _described(p, last_c + 1, e))]
        people.sort(key=lambda e: (clause_start(p, e.start, last_c + 1), e.kind != "person"))
        before = _reported_before(p, state, o) if o == sent_lo else None
        if before is not None and before.name and people and not word_lists().verbs.search(p.m, people[0].end, clause_end(p, people[0].end)):
            return _Intro(before, "direct", sent_lo, o)  # ……告诉郑磊，……。“……”算了算账，郑磊意识到: the teller goes on
        who = resolve_speaker(people[0], p, state) if people else None
        if who is not None and who.name:
            return _Intro(who, "direct", last_c + 1, last_c + 1)
    own = _own_words(p, state, sent_lo, o, last_c)
    if own is not None:
        return _Intro(own, "direct", sent_lo, o)
    saying = re.search(rf"(?:的)?(?:{alt('saying_nouns')})$", p.m[sent_lo:o])
    if saying:
        author = pick([e for e in p.rec.mentions(p.text, p.m, sent_lo, sent_lo + saying.start(), state) if e.end == sent_lo + saying.start()], [])
        if author is not None and author.kind in ("person", "title", "generic"):
            return _Intro(resolve_speaker(author, p, state), "direct", sent_lo, o)
        if author is None and utter:  # 拉美也有哲言“唯有益天下，方可惠本国”: a saying, nobody's words
            return _Intro(Speaker(None, saying.group().lstrip("的")), "direct", sent_lo, o)
    if _topic_frame(p, o, last_c) or _usage_frame(p, o, last_c):
        return _Intro(subject(p, state, clause_start(p, o, sent_lo), o, sent_lo), "direct", sent_lo, o)
    if _whole_clause(p, o, last_c) and (utter or not _apposition(p, o)):
        final = last_c + 1 >= len(p.m) or p.m[last_c + 1] in "。！？!?"
        who = _implied_speaker(p, state, sent_lo, o, last_c, utter or final) or _introduced_before(p, state, o) \
            or (_reply(p, state, o) if utter else None)
        if who is not None or utter:
            return _Intro(who or Speaker(None, None), "direct", sent_lo, o)
    reply = _reply(p, state, o) if utter and o == sent_lo else None
    return _Intro(reply, "direct", sent_lo, o) if reply is not None else None


def _described(p: Para, lo: int, e: Mention) -> bool:
    """Does a person open the clause after a description ending in 的 (12岁的王舒荷拉住……, 来自江苏的张三),
    or give the view that follows (在郑磊看来，……)?"""
    before = p.m[clause_start(p, e.start, lo):e.start]
    view = before == "在" and p.m.startswith("看来", e.end)
    return e.kind == "person" and (view or re.fullmatch(r"[^，。；：！？“”‘’]{1,20}的", before) is not None)


def _own_words(p: Para, state: State, sent_lo: int, o: int, c: int) -> Speaker | None:
    """The person whose words a quotation standing as the predicate right after them quotes back
    (为了找到中国的出路，毛泽东同志“向大本大源处探讨”，……), not a short term (总书记“点赞”) nor a
    modifier (习近平“两山”理念)."""
    cues = word_lists().cues
    if len(p.text[o + 1:c]) <= cues["term_max_chars"] or _term_marked(p, o, c) or is_han(p.m[c + 1:c + 2] or " "):
        return None
    lo = clause_start(p, o, sent_lo)
    people = [e for e in p.rec.mentions(p.text, p.m, lo, o, state) if e.kind == "person" and subject_position(p, lo, e)]
    if not people or not re.fullmatch(rf"(?:同志)?(?:{alt('adverbs', 'subject_gap')})*", p.m[people[-1].end:o]):
        return None
    return resolve_speaker(people[-1], p, state)


def _introduced_before(p: Para, state: State, o: int) -> Speaker | None:
    """The speaker a paragraph ending in a colon introduces for the quotation that opens the next
    one (老人翻着相册，缓缓说道：¶“……”), or the person its last sentence is about when the quotation
    speaks in the first person (王德福是村里的老党员。¶“我……”)."""
    if p.offset or p.m[:o].strip() or state.last is None:
        return None
    para, (lo, _) = state.last
    colon = len(para.text.rstrip()) - 1
    if colon >= lo and para.text[colon] in "：:":
        who = subject(para, state, clause_start(para, colon, lo), colon, lo)
        return who if who.name else None
    c = p.spans[0][1] if p.spans else len(p.text)
    if any(w in p.text[o + 1:c] for w in word_lists().cues["first_person"]):  # 王德福是村里的老党员。¶“我……”
        people = [e for e in para.rec.mentions(para.text, para.m, lo, colon + 1, state) if e.kind == "person" and subject_position(para, lo, e)]
        if people:
            who = resolve_speaker(people[0], para, state)
            return who if who.name else None
    return None


def _reply(p: Para, state: State, o: int) -> Speaker | None:
    """The one asked answers the question right before (“还忙呢？”……帅轶群……。¶“多亏你们，……”: 雷丽花, whom the
    story was about), in the same paragraph or opening the next."""
    if state.asked is None or p.offset:
        return None
    _, other, para = state.asked
    if para == p.index or para == p.index - 1 and not p.m[:o].strip():
        return Speaker(other, None, Mention("person", 0, 0, other, ""))
    return None


def _note_question(p: Para, state: State, intro: _Intro, c: int) -> None:
    """After a question someone asks, note whom it asks: the person spoken to in the sentence (拉住于晶景,
    跟陈文平), else the subject of the sentence before it (for :func:`_reply`)."""
    asker = intro.who.name
    if p.offset or not asker or not p.text[:c].rstrip().endswith(("？", "?")):
        return
    _, hi = p.sentence(min(c + 1, len(p.m) - 1))
    marks = word_lists().cues["addressee_marks"]
    told = [e.name for e in p.rec.mentions(p.text, p.m, intro.lo, hi, state)
            if e.kind == "person" and e.name and e.name != asker and (p.m[e.start - 1:e.start] in marks or e.start > c)]
    o = next((a for a, b in p.spans if b == c), c)
    before = [sentence_subject(p, state, 0, intro_start(p, o)).name]  # whom the story was about: the subject before
    if state.last is not None:
        last, (lo, hi) = state.last
        before.append(sentence_subject(last, state, lo, hi).name)
    other = next((x for x in [*told, *before] if x and x != asker), None)
    state.asked = (asker, other, p.index) if other else None


def _covers(a: Mention, b: Mention) -> bool:
    """``a`` is longer than ``b`` and holds it (范徐丽泰 holds 范徐丽)."""
    return a.start <= b.start and b.end <= a.end and a.end - a.start > b.end - b.start


def _direct(p: Para, state: State) -> list[Found]:
    """Quotations in marks: direct (with their attribution) or terms."""
    out: list[Found] = []
    for group in _groups(p):
        intro = _introduce(p, state, group)
        if intro is not None and intro.kind == "direct":
            _note_question(p, state, intro, group[-1][1])
        if intro is not None and intro.kind == "direct" and intro.who.ent is not None and not intro.label:
            src, stype, date = context(p, state, intro.hi, intro.lo, intro.who)
        else:
            src = stype = date = None
        for a, b in group:
            if intro is None:
                modifier = p.m[b + 1:b + 2] == "的"  # “共抓大保护，不搞大开发”的理念
                inner = p.text[a + 1:b].rstrip()
                # an object (聚焦“零关税、低税率……”) is a formula unless it is a whole sentence
                embedded = a > 0 and is_han(p.m[a - 1]) and not inner.endswith(("。", "！", "？", "!", "?", "…"))
                said = is_utterance(inner) and not _apposition(p, a) and not modifier and not embedded
                kind = "direct" if said else "term"
                out.append(Found(a + 1, b, kind))
            elif intro.kind == "direct" and p.m[b + 1:b + 2] == "的" and not re.match(alt("speech_nouns"), p.m[b + 2:b + 4]):
                out.append(Found(a + 1, b, "term"))  # 回答了“……”的重大问题: the words name the question, a modifier
            else:
                out.append(Found(a + 1, b, intro.kind, intro.who, src, stype, date))
            out.extend(_nested(p, a, b, state))
    return out


def _topic_frame(p: Para, o: int, c: int) -> bool:
    """会议围绕“……”作出具体部署: the quotation is the topic of a reporting noun."""
    cues = word_lists().cues
    before = p.m[max(0, o - 2):o]
    if not any(before.endswith(w) for w in cues["topic_prepositions"]):
        return False
    after = p.m[c + 1:c + 9]
    return bool(re.match(rf"(?:作出|提出|进行|作了|做出)?[^，。；]{{0,4}}?(?:{alt('topic_nouns')})", after))


def _usage_frame(p: Para, o: int, c: int) -> bool:
    """外国游客用“……”“……”来称赞: the quotation is the words someone uses."""
    frame = word_lists().cues["usage_frame"]
    if not any(p.m.endswith(w, 0, o) for w in frame["before"]):
        return False
    rest = p.m[c + 1:c + 8]
    rest = rest[1:] if rest[:1] in frame["after"] else rest
    return any(rest.startswith(v) for v in frame["verbs"])


def _whole_clause(p: Para, o: int, c: int) -> bool:
    marks = set(word_lists().cues["clause_marks"]) | set(word_lists().cues["sentence_end"])
    if is_utterance(p.text[o + 1:c]):
        marks |= set("—…")  # ……的“八个梦想”——“想脱贫致富，……”; ……倾斜至90度……“台下练习千遍，……”
    before = p.m[o - 1] if o > 0 else ""
    after = p.m[c + 1] if c + 1 < len(p.m) else ""
    return (before == "" or before in marks or before in word_lists().cues["quote_pairs"].values()) and (after == "" or after in marks)


def _clause_verb(p: Para, lo: int, o: int) -> bool:
    """A reporting verb used earlier in the sentence (姐姐觉得不妥，“多遭罪”)."""
    lx = word_lists()
    return any(_verb_ok(p, lo + mt.start(), lo + mt.end()) for mt in lx.verbs.finditer(p.m[lo:o]))


def _apposition(p: Para, o: int) -> bool:
    before = p.m[max(0, o - 2):o]
    return any(before.endswith(w) for w in word_lists().cues["apposition_marks"])


def _implied_speaker(p: Para, state: State, sent_lo: int, o: int, c: int, utter: bool) -> Speaker | None:
    """A quotation that is a clause of its own: after a reporting verb earlier in the sentence
    (姐姐觉得不妥，“多遭罪”) the verb's subject speaks; words that read as said belong to the
    person the sentence is about (居民杨元杰……晒出了滏阳河，“……”); a sentence of its own in the
    first person to the person the previous sentence is about (钱为民正带领……。“……我们……”)."""
    if sent_lo < o:
        verb = _clause_verb(p, sent_lo, o)
        if not (verb or utter):
            return None
        marks = word_lists().cues["addressee_marks"]  # 郑磊……跟陈文平打起招呼，“……”: not the one spoken to
        ents = [x for x in p.rec.mentions(p.text, p.m, sent_lo, o, state)
                if (verb or x.kind in ("person", "pronoun")) and p.m[x.start - 1:x.start] not in marks]
        e = pick(ents, adverbial_spans(p, sent_lo, o))
        return resolve_speaker(e, p, state) if e is not None else None
    first = any(w in p.text[o + 1:c] for w in word_lists().cues["first_person"])
    verb = _reporting()
    lo = sent_lo
    for _ in range(3 if utter else 0):
        # ……穆内内表示，……。“在肯尼亚，……”: who reported the sentences before (that name nobody else) goes on
        if lo == 0:
            break
        lo, hi = p.sentence(lo - 1)
        reported = verb.search(p.m, lo, hi)
        end = reported.start() if reported else hi
        ents = [x for x in p.rec.mentions(p.text, p.m, lo, end, state) if x.kind == "person"]
        e = pick(ents, adverbial_spans(p, lo, end))
        if e is not None and (reported or first):
            return resolve_speaker(e, p, state)
        if e is not None:
            break
    return None


def _reporting() -> re.Pattern[str]:
    """A reporting verb that opens reported words: 表示，/ 介绍说：/ 告诉郑磊，."""
    return re.compile(rf"(?:{word_lists().verbs.pattern})(?:{alt('verb_suffixes')})?[，,：:]|(?:{alt('telling_verbs')})[\u4e00-\u9fff]{{1,4}}[，,：:]")


def _reported_before(p: Para, state: State, sent_lo: int) -> Speaker | None:
    """The person whose words the sentence right before ``sent_lo`` reports (林春宗告诉郑磊，……。“……”):
    the one a quotation opening the next sentence goes on with."""
    if sent_lo == 0:
        return None
    lo, hi = p.sentence(sent_lo - 1)
    reported = _reporting().search(p.m, lo, hi)
    if reported is None:
        return None
    e = pick([x for x in p.rec.mentions(p.text, p.m, lo, reported.start(), state) if x.kind == "person"], adverbial_spans(p, lo, reported.start()))
    return resolve_speaker(e, p, state) if e is not None else None


def _nested(p: Para, a: int, b: int, state: State) -> list[Found]:
    """Quotations inside the quotation (a, b): analysed as a paragraph of their own."""
    inner_spans = p.nested.get(a)
    if not inner_spans:
        return []
    sub = prepare(p.index, p.text[a + 1:b], p.rec, p.offset + a + 1)
    found = _direct(sub, state)
    for f in found:
        f.start += a + 1
        f.end += a + 1
        if f.who.ent is not None and f.who.ent.kind == "pronoun":
            f.who = Speaker(None, f.who.mention)
    return found


def _indirect(p: Para, state: State, direct: list[Found]) -> list[Found]:
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
        if told is None and p.m[vs:ve] in c["telling_verbs"]:  # 林春宗告诉郑磊，……
            name = p.rec.name_after(p.m, after, min(len(p.m), after + 5))
            told = re.match(re.escape(name), p.m[after:]) if name else None
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
        sent_lo = intro_start(p, vs)
        cl = clause_start(p, vs, sent_lo)
        if cl == vs:
            continue
        who = subject(p, state, cl + p.m.startswith("据", cl), vs, cl, adjacent=True)  # 据王德福回忆，……
        if who.ent is None and sent_lo < cl and _manner_only(p, cl, vs):
            who = sentence_subject(p, state, sent_lo, cl)  # 习近平同大家亲切握手，满怀真情地对他们说，……
        if who.ent is None and p.m[cl:vs] == "据":  # ……最高人民法院9日发布5件……案例。¶据介绍，……: the body that released it tells (not a person the story is about)
            name = antecedent(p, state, cl, ("org",))
            who = Speaker(name, p.m[cl:ve], Mention("org", cl, cl, name, "")) if name else who
        if who.ent is None or not (verb_adjacent(p, who.ent.end, vs) or who.ent.end <= cl):
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
        semi = max(p.m.rfind("；", prev.start, cl), p.m.rfind(";", prev.start, cl)) if prev is not None and prev.start < cl <= prev.end else -1
        if semi >= 0 and (semi == cl - 1 or who.name is not None):
            # ……；曹卫星常委代表民盟中央表示，……, ……；随着……，习近平总书记指出，……: a new speaking clause after a
            # semicolon ends the words before
            prev.end = semi
        if end - body < 4 or any(f.start <= body < f.end for f in direct) or any(f.start <= body < f.end for f in out):
            continue
        src, stype, date = context(p, state, vs, sent_lo, who)
        words = _closing_words(p, body, end, direct)
        if words is not None:  # 卡尼表示，……征收的是“毫无道理且毫无根据的关税”: his words, no indirect around them
            words.kind, words.who, words.source, words.source_type, words.date = "direct", who, src, stype, date
            continue
        out.append(Found(body, end, "indirect", who, src, stype, date))
    return out


def _closing_words(p: Para, body: int, end: int, direct: list[Found]) -> Found | None:
    """The quotation that ends reported words [body, end) when it quotes the speaker as what something
    is (……的是“虚假信息”, 做“……的参与者”), not a slogan or a name the words use (坚持“一国两制”,
    支持中汽协“……的倡议”) nor a modifier."""
    found = next((f for f in direct if f.end + 1 == end and body < f.start - 1 and f.kind in ("term", "direct")), None)
    if found is None:
        return None
    framed = re.search(rf"(?:{alt('quoting_frames')})$", p.m[body:found.start - 1]) is not None
    return found if framed and not _term_marked(p, found.start - 1, found.end) else None


def _manner_only(p: Para, lo: int, vs: int) -> bool:
    """Only words of manner and the people spoken to stand before the verb (满怀真情地对他们说), not
    an object (对他们予以亲切勉励) or a predicate (对我们既是鼓励)."""
    told = rf"(?:对|向|跟|给)(?:{word_lists().pronouns.pattern}|{alt('addressees')})们?"
    return re.fullmatch(rf"(?:{alt('adverbs', 'subject_gap')}|[\u4e00-\u9fff]{{1,4}}地|{told})+", p.m[lo:vs]) is not None


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
    art = as_article(article_or_text)
    rec = recognizer or Recognizer(segmenter or default_segmenter())
    state = State(today=article_date(art), text="\n".join(para.text for para in art.paragraphs))
    state.outlet = outlet(art)
    texts = [para.text for para in art.paragraphs]
    paras = [prepare(para.index, para.text + with_run_on(para.text, texts[k + 1] if k + 1 < len(texts) else ""), rec)
             for k, para in enumerate(art.paragraphs)]
    state.reporter = byline_reporter(art)
    for line in [art.subtitle or "", *art.sections]:  # 阿里巴巴国际站市场部相关负责人陈唐——: the people of the article
        state.names.update(e.name for e in rec.mentions(line, line, 0, len(line), state, tagger=False) if e.kind == "person" and e.name)
    labels = turn_labels(art, paras, state)
    dialogue = sum(x is not None for x in labels) >= 2
    last_label = max((k for k, x in enumerate(labels) if x is not None), default=-1)
    turn: Label | None = None  # who has the floor in a dialogue, and the occasion of their words (接受本报记者采访)
    run_on: Found | None = None  # a quotation that runs on into the next paragraph
    out: list[Quotation] = []
    # what a paragraph tells (people, meetings, dates) serves the quotations after it: none after the last one
    last = len(paras) if dialogue else 1 + max((k for k, para in enumerate(art.paragraphs) if may_quote(para.text)), default=-1)
    for i, (para, p) in enumerate(zip(art.paragraphs[:last], paras)):
        remember(p, state)
        direct = _direct(p, state)
        found = sorted(direct + _indirect(p, state, direct), key=lambda f: (f.start, f.end))
        if run_on is not None:  # “……¶“……”: the quotation goes on with its speaker
            for f in found:
                if f.kind == "direct" and f.start == len(p.text) - len(p.text.lstrip()) + 1 and f.who.name is None:
                    f.who, f.source, f.source_type, f.date = run_on.who, run_on.source, run_on.source_type, run_on.date
        run_on = next((f for f in found if f.kind == "direct" and f.end == len(para.text)), None) if len(p.text) > len(para.text) else None
        label = labels[i] if dialogue else None
        if i and para.section != art.paragraphs[i - 1].section or heading(p, paras[i + 1] if i + 1 < len(paras) else None):
            turn = None  # a new section (or a subhead): the narrator speaks until the next label
        if label is not None:
            turn = label
        if label is not None and not label.alone:
            body = len(p.text) - len(re.sub(r"^\s*[^：:]{1,24}?[：:]", "", p.text).lstrip())
            found.insert(0, label.turn(body, len(p.text.rstrip())))
        elif label is None and dialogue and turn is not None and p.text.strip() \
                and (i < last_label or turn.alone or re.match(word_lists().cues["answer_points"], p.text)) \
                and not p.text.lstrip().startswith(("（", "(")):  # the same speaker goes on (not a closing （……）)
            found.insert(0, turn.turn(0, len(p.text.rstrip())))
        conference = next((x for x in reversed(state.meetings) if x.held and x.floor and x.pos < (p.index, 0)), None)
        if found and found[0].kind == "turn" and found[0].source is None and conference is not None:
            # ……举行新闻发布会，……介绍有关情况并答记者问。¶杜航伟：……: the turns are words at the press conference
            found[0].source, found[0].source_type, found[0].date = conference.name, "meeting", conference.date
        if p.text:
            state.last = (p, p.sentence(len(p.text) - 1))
        state.seen.append(p)
        for f in found:
            if f.kind != "term" and f.who.name and f.source:
                set_scene(state, f.who.name, Scene(f.source, f.source_type, f.date, para.index))
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
