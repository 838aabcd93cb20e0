"""Dialogues and transcripts: the speaker labels of turns (问：/答：, 李拯：, 记者：), who has the
floor, and the subheads that end a turn. Part of the quotation stage (:mod:`.quotations`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Article
from .attribution import clause_date, resolve_speaker
from .cues import alt, is_han, word_lists
from .entities import Mention
from .quote_text import Found, Para, Speaker, State

__all__ = ["label_at", "Label", "turn_labels", "heading"]


def label_at(p: Para, lo: int, colon: int) -> Mention | None:
    """The speaker a label before a colon names (全国人大代表 向平华：, 寿子琪：, 邱老先生：,
    记者：): the two to four characters after the last title, a name joined by ·, or a bare title.

    >>> from policytext.extract.entities import Recognizer
    >>> from policytext.extract.quote_text import prepare
    >>> from policytext.segmentation import default_segmenter
    >>> p = prepare(0, "上海市科学技术委员会主任寿子琪：“要改革。”", Recognizer(default_segmenter()))
    >>> label_at(p, 0, 15).name
    '寿子琪'
    >>> p = prepare(0, "龙先兰（村民）：“日子好了。”", Recognizer(default_segmenter()))
    >>> label_at(p, 0, 7).name
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
    if len(name) > 4 and "·" not in name:  # 全国人大代刘正军: a name at the end (not 在社交媒体发|文悼念: a clause)
        name = next((name[-n:] for n in (3, 2) if p.rec.valid_name(name[-n:])
                     and not any(c in lx.cues["name_stop_chars"] for c in name[:-n])), "")
    plain = name.replace("·", "")
    if not 2 <= len(plain) <= (12 if "·" in name else 4) or name in lx.title_set or lx.generic.fullmatch(name) \
            or lx.verbs.search(name) or not all(is_han(c) for c in plain) or lx.pronouns.match(name):
        return None
    if not (start or "·" in name or p.rec.valid_name(name, 3) or p.rec.tagged_name(name) or name[1:] in lx.title_set):
        return None  # 本台消息：, 专家观点：: not a name
    s = colon - len(seg.rstrip()) + seg.rstrip().rfind(name)
    return Mention("person", s, s + len(name), lx.leaders.get(name, name), name)


def _turn_label(p: Para) -> Mention | None:
    """The speaker label that opens a dialogue turn (李拯：……, 记者：……; not 记者：“……”, a quotation).

    >>> from policytext.extract.entities import Recognizer
    >>> from policytext.extract.quote_text import prepare
    >>> from policytext.segmentation import default_segmenter
    >>> _turn_label(prepare(0, "谢茂松：这是一个好问题。", Recognizer(default_segmenter()))).name
    '谢茂松'
    """
    mt = re.match(r"\s*[^：:，。；！？“”‘’「」]{2,24}?[：:]", p.m)
    if mt is None or word_lists().quote_marks.match(p.text[mt.end():].lstrip() or "“"):
        return None
    lo = len(p.m) - len(p.m.lstrip())
    return label_at(p, lo, mt.end() - 1)


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


def _interview(paras: list[Para], state: State, stop: int, headers: list[str]) -> tuple[Speaker, str | None, str | None]:
    """Who answers in an interview, as the lead before paragraph ``stop`` says (本报记者采访了
    市场监管总局网监司负责人: an official not named), the occasion of the answers (接受本报记者采访,
    ……负责人接受新华社采访; the 答记者问 a title names: ……负责人就……答记者问) and its date (the lead's,
    else the dateline's: 新华社北京7月5日电)."""
    named = next((mt.group() for h in headers if (mt := re.search(r"答记者问", h or ""))), None)
    if named is not None and not any(re.search(rf"接受[^，。；：]{{0,20}}?(?:{alt('interview')})|记者(?:{alt('interview')})了?", p.m) for p in paras[:stop]):
        dateline = next((p for p in paras[:3] if re.search(r"\d{1,2}日电", p.m)), None)
        when = re.search(r"\d{1,2}日电", dateline.m) if dateline else None
        date = clause_date(dateline, 0, when.end(), state) if dateline and when else state.today
        return Speaker(None, "答"), named, date
    for p in reversed(paras[:stop]):
        told = re.search(rf"接受[^，。；：]{{0,20}}?(?:{alt('interview')})", p.m)
        asked = re.search(rf"([^，。；：]{{0,10}}?记者)((?:{alt('interview')}))了?([^，。；：]{{2,40}})", p.m)
        if told is None and asked is None:
            continue
        lo, hi = p.sentence((told or asked).start())  # type: ignore[union-attr]
        people = [e for e in p.rec.mentions(p.text, p.m, asked.start(3), asked.end(3), state) if e.kind == "person"] if asked else []
        who = Speaker(people[-1].name, people[-1].mention, people[-1]) if people else Speaker(None, "答")
        occasion = p.text[told.start():told.end()] if told else f"接受{asked.group(1)}{asked.group(2)}"  # type: ignore[union-attr]
        return who, occasion, clause_date(p, lo, hi, state)
    return Speaker(None, "答"), None, None


@dataclass
class Label:
    """A dialogue turn's label: who speaks, the occasion and date of the words (the interview), and
    whether the label stands on a line of its own (国家发展改革委主任何立峰：¶……: the paragraphs after it)."""

    who: Speaker
    source: str | None = None
    date: str | None = None
    alone: bool = False

    def turn(self, start: int, end: int) -> Found:
        """The turn of this speaker over ``start:end`` of a paragraph, at the interview it names."""
        return Found(start, end, "turn", self.who, self.source, "other" if self.source else None, self.date)


def turn_labels(art: Article, paras: list[Para], state: State) -> list[Label | None]:
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
    known: dict[str, Speaker] = {}
    qa = cues["qa_labels"]
    first = next((k for k, (mt, one) in enumerate(zip(raw, alone)) if one or mt and mt.group(1) in qa), len(paras))
    headers = [art.title or "", art.subtitle or "", *art.sections]
    answers = _interview(paras, state, first, headers) if first < len(paras) else (Speaker(None, None), None, None)
    out: list[Label | None] = []
    for p, mt, q, one in zip(paras, raw, quoted, alone):
        label = _turn_label(p)
        word = mt.group(1) if mt else None
        who: Speaker | None
        said = (None, None)
        if one:
            named = label_at(p, len(p.text) - len(p.text.lstrip()), len(p.text.rstrip()) - 1)
            who = resolve_speaker(named, p, state) if named is not None else None
            said = answers[1:]
        elif q:
            who = known.get(word or "") if counts.get(word or "", 0) >= 2 else None  # 博科娃：“五个世界”之间……
        elif word in qa and qa[word] == "answer":
            who, said = answers[0], answers[1:]
        elif word in qa:
            who = Speaker(state.reporter or state.outlet, word)
        elif word in roles:
            who = Speaker(roles[word], word)
        elif label is not None:
            who = resolve_speaker(label, p, state)
            if label.kind == "person" and label.name:
                state.names.add(label.name)
        elif word and counts[word] >= 2 and len(word) >= 2 and all(is_han(c) or c == "·" for c in word) \
                and not word_lists().generic.search(word) and not word_lists().verbs.search(word):
            who = Speaker(word, word)
        else:
            who = None
        if who is not None and word and not q:
            known[word] = who
        out.append(Label(who, *said, alone=one) if who is not None else None)
    return out


def heading(p: Para, following: Para | None) -> bool:
    """A short line before a turn that reads as a subhead (突出问题有哪些？), not words of the floor."""
    t = p.text.strip()
    return len(t) <= word_lists().cues["heading_max_chars"] and following is not None and re.match(
        r"\s*[^：:，。；！？“”]{1,6}[：:]", following.m) is not None and t[-1:] not in "。；…"
