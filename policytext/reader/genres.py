"""Genre marks and the metadata they carry: datelines, sign-offs, the delivery line of a report
or speech, New Year addresses, 求是 notes, transcripts; and the genre of an article.

>>> delivery("2025年1月13日在河北省第十四届人民代表大会第三次会议上河北省人民政府省长王正谱作政府工作报告。")
Delivery(date='2025-01-13', occasion='河北省第十四届人民代表大会第三次会议', office='河北省人民政府省长', name='王正谱', kind='报告', line='2025年1月13日在河北省第十四届人民代表大会第三次会议上河北省人民政府省长王正谱作政府工作报告。')
>>> split_dateline("新华社北京10月17日电在第七个国家扶贫日到来之际")
Dateline(agency='新华社', place='北京', date='--10-17', author=None, title=None, rest='在第七个国家扶贫日到来之际')
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from ..dates import parse_date
from .rules import genre_rules, office_titles

GENRES = ("commentary", "theory", "news", "feature", "report", "speech", "new_year_address", "qiushi",
          "transcript", "document")


# a role word and what is written before it in the same word (新京报记者, 职工通讯员, 本报特约记者)
_ROLE = re.compile(r"^.*?(?:记者|通讯员|实习生)")
# a reporter posted abroad, with the countries of the posting: 本报驻美国、韩国、日本特约记者
_POSTED = re.compile(r"[\u4e00-\u9fff]{0,8}?驻[\u4e00-\u9fff、]{1,20}?(?:特派|特约)?(?:记者|通讯员)")
# what follows the names of the people who wrote it (记者陈智 整合)
_CREDIT = ("整合", "整理", "采写", "报道", "采访整理")
_SENT_FROM = re.compile(r"发自([\u4e00-\u9fff]{2,6})$")  # 本报记者王五发自北京: the place


def sent_from(line: str) -> str | None:
    """The place a reporters' line sends from.

    >>> sent_from("本报记者罗科发自北京"), sent_from("本报记者罗科")
    ('北京', None)
    """
    sent = _SENT_FROM.search(line)
    return sent.group(1) if sent else None


def names(raw: str) -> str:
    """``'郝迎灿  辛  阳'`` → ``'郝迎灿、辛阳'``: role words go, names padded to three characters are
    rejoined.

    >>> names("记者 董丝雨、王浩"), names("田豆豆  辛  阳"), names("澎湃新闻记者 贺梨萍")
    ('董丝雨、王浩', '田豆豆、辛阳', '贺梨萍')
    >>> names("职工通讯员 李琴雯 刘会"), names("记者陈智 整合"), names("新京报记者 彭冲 山东冠县报道")
    ('李琴雯、刘会', '陈智', '彭冲')
    >>> names("本报驻韩国特派记者　徐宝康　本报记者　程刚　本报驻美国、韩国、日本特约记者　牛雨辰　张莉霞")
    '徐宝康、程刚、牛雨辰、张莉霞'
    """
    raw = _POSTED.sub(" ", _SENT_FROM.sub("", raw.strip()))
    parts = [_ROLE.sub("", p) for p in re.split(r"[\s\u3000、，,]+", raw.strip())]
    out: list[str] = []
    for p in parts:
        if not p or not re.search(r"[\u4e00-\u9fff]", p) or p in _CREDIT or (len(p) > 2 and p.endswith(_CREDIT)):  # ……报道 after a place: 山东冠县报道
            continue
        if p.startswith(("责编", "编辑", "责任编辑")):  # the editor in a sign-off: (姜曙光 责编洪山)
            continue
        if out and len(p) == 1 and len(out[-1]) == 1:
            out[-1] += p
        else:
            out.append(p)
    return "、".join(out)


_REPORTER = ("记者", "通讯员", "实习生", "编辑", "评论员")


def office_and_name(text: str) -> tuple[str | None, str | None]:
    """Split a speaker line into office and name: ``'国务院总理　李克强'``, ``'省长毛伟明'``.

    >>> office_and_name("国务院总理　李克强"), office_and_name("湖北省人民政府代省长李殿勋")
    (('国务院总理', '李克强'), ('湖北省人民政府代省长', '李殿勋'))
    >>> office_and_name("西藏自治区代理主席 嘎玛泽登"), office_and_name("城市更新行动")
    (('西藏自治区代理主席', '嘎玛泽登'), (None, None))
    >>> office_and_name("沈江峰校长")
    ('校长', '沈江峰')
    """
    parts = [p for p in re.split(r"[\s\u3000]+", text.strip()) if p]
    titles = office_titles()
    if parts and parts[0].endswith(_REPORTER):
        return None, None
    if len(parts) == 2 and parts[0].endswith(titles) and 2 <= len(parts[1]) <= 5:
        return parts[0], parts[1]
    if len(parts) == 1:
        word = parts[0]
        for n in (3, 2, 4):
            if len(word) > n + 1 and word[:-n].endswith(titles):
                return word[:-n], word[-n:]
        for n in (3, 2):  # the name first: 沈江峰校长, 陈国阳局长
            if len(word) > n + 1 and word[n:] in titles:
                return word[n:], word[:n]
    return None, None


def speaker_in(text: str) -> tuple[str, str] | None:
    """(office, name) of the speaker a news lede names: ``国家主席习近平通过……发表了新年贺词``.

    >>> speaker_in("新年前夕，国家主席习近平通过中央广播电视总台和互联网，发表了二〇二四年新年贺词。")
    ('国家主席', '习近平')
    """
    titles = "|".join(sorted(map(re.escape, office_titles()), key=len, reverse=True))
    m = re.search(rf"(?P<office>{titles})(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?=通过|发表|在|代表|向|作)", text)
    return (m.group("office"), m.group("name")) if m else None


class Delivery(NamedTuple):
    """What the line under a report's or speech's title says: when, where, who, what."""

    date: str | None
    occasion: str
    office: str | None
    name: str | None
    kind: str | None
    line: str  # the line without a speaker's name written after it


def delivery(line: str) -> Delivery | None:
    """The delivery line of a report or speech (``——2025年1月15日在…会议上``), or None.

    >>> delivery("——2025年1月14日海南省省长 刘小明在海南省第七届人民代表大会第四次会议上的讲话")[:5]
    ('2025-01-14', '海南省第七届人民代表大会第四次会议', '海南省省长', '刘小明', '讲话')
    >>> delivery("——在绍兴一中2023届高三18岁成人礼上的致辞 王 琛")[3:]
    ('王琛', '致辞', '——在绍兴一中2023届高三18岁成人礼上的致辞')
    >>> delivery("（二〇二六年一月二十七日在陕西省第十四届人民代表大会第五次会议上 陕西省省长 赵刚）")[::2]
    ('2026-01-27', '陕西省省长', None)
    >>> delivery("二〇二六年一月二十七日在陕西省第十四届人民代表大会第五次会议上 陕西省省长 赵刚").line
    '二〇二六年一月二十七日在陕西省第十四届人民代表大会第五次会议上'
    >>> delivery("——在庆祝中国共产党成立100周年大会上的讲话（2021年7月1日）").date
    '2021-07-01'
    """
    for pat in genre_rules().delivery:
        m = pat.match(line)
        if not m:
            continue
        g = m.groupdict()
        office = name = None
        for who in (g.get("pre"), g.get("post"), g.get("byline")):
            if who:
                who = re.split(r"[|｜]", who)[-1]  # after a column label: 我的一中故事|张懿雯
                office, name = office_and_name(who)
                if name is None and g.get("kind") and re.fullmatch(r"[\u4e00-\u9fff]{2,3}", who):
                    name = who  # a bare name before ……上的发言
                if name is None:
                    return None  # 在…上 with words that are not a speaker: an ordinary sentence
        if g.get("speaker"):
            name = names(g["speaker"])
        kind = g.get("kind") or ("报告" if g.get("post") else None)
        # the line without a speaker written after it, and without enclosing brackets
        end = next((m.start(k) for k in ("speaker", "byline") if g.get(k)), len(line))
        text = re.sub(r"^[（(]|[)）]$", "", line[:end].rstrip())
        return Delivery(parse_date(g.get("date") or ""), g["occasion"].strip(), office, name,
                        "报告" if kind and kind.endswith("报告") else kind, text)
    return None


class Dateline(NamedTuple):
    """A news dateline at the start of the first paragraph: ``新华社北京4月9日电（记者 张三）``."""

    agency: str
    place: str | None
    date: str | None
    author: str | None
    title: str | None
    rest: str


_BRACKETED = re.compile(r"^【(?P<inner>[^【】]{2,20})】\s*(?=\S)")
_OUTLET = re.compile(r"[\u4e00-\u9fff]{2,8}(?:日报|晚报|时报|商报|报|通讯社|新闻社|社|网|电视台|广播电台)")


def split_dateline(line: str) -> Dateline | None:
    """The dateline that opens ``line``, and the text after it; None without one.

    >>> split_dateline("本报北京6月4日电（记者董丝雨、王浩）近日，网友接力拍碧水。")
    Dateline(agency='本报', place='北京', date='--06-04', author='董丝雨、王浩', title=None, rest='近日，网友接力拍碧水。')
    >>> split_dateline("长江网10月4日讯（记者陈智 整合）国庆假期")[1:]
    (None, '--10-04', '陈智', None, '国庆假期')
    >>> split_dateline("【本报雅加达讯】目前印尼庶民银行是全球最赚钱的银行。")[:3]
    ('本报', '雅加达', None)
    >>> split_dateline("【环球时报】 美国《华尔街日报》13日报道")
    Dateline(agency='环球时报', place=None, date=None, author=None, title=None, rest='美国《华尔街日报》13日报道')
    >>> split_dateline("【财新网】（记者 崔先康）福建省南平市一名男子死亡")[3:]
    ('崔先康', None, '福建省南平市一名男子死亡')
    >>> split_dateline("新华网北京4月9日电\\xa0题：高校博物馆：让文物活起来")
    Dateline(agency='新华网', place='北京', date='--04-09', author=None, title='高校博物馆：让文物活起来', rest='')
    >>> split_dateline("本报北京3月6日电　记者康庚报道：军队人大代表梁光烈说")[1:]
    ('北京', '--03-06', '康庚', None, '军队人大代表梁光烈说')
    >>> split_dateline("中新社北京三月二日电 题：中国国防科技工业将着力提高军民转换能力")[1:4]
    ('北京', '--03-02', None)
    """
    rules = genre_rules()
    bracket = _BRACKETED.match(line)
    if bracket:  # 【本报雅加达讯】……, 【环球时报】……: a dateline or the outlet's name in brackets
        inner = split_dateline(bracket.group("inner"))
        if inner is not None and not inner.rest:
            return inner._replace(rest=line[bracket.end():].strip())
        if _OUTLET.fullmatch(bracket.group("inner")):
            rest = line[bracket.end():].strip()
            r = rules.dateline_reporters.match(rest)  # 【财新网】（记者 崔先康）……: its reporters
            return Dateline(bracket.group("inner"), None, None, names(r.group("names")) if r else None, None,
                            rest[r.end():].strip() if r else rest)
        return None
    m = rules.dateline.match(line)
    if not m:
        return None
    # 讯, 快讯, 消息 need no place or date; 新华社电 needs a space or a bracket after it
    news = m.group("kind") != "电" or (m.group("agency") in rules.agencies and line[m.end():m.end() + 1] in " \u3000\xa0（(")
    if m.group("place") is None and m.group("date") is None and not news:
        return None
    if m.group("agency").split("-")[0] not in rules.agencies and m.group("date") is None and not news:
        return None  # another 报/网/社 (某某网北京4月9日电) needs its date
    rest = line[m.end():]
    if m.group("kind") == "讯":
        rest = rest.lstrip("，,")  # 证券时报e公司讯，当升科技……
    author = names(m.group("reporter")) if m.group("reporter") else None
    r = rules.dateline_reporters.match(rest) or rules.dateline_reported.match(rest)
    if r:
        author = names(r.group("names"))
        rest = rest[r.end():]
    rest = rest.strip()
    title = None
    h = rules.headline_prefix.match(rest)
    if h:
        # 题：the headline, then the text after two spaces (if any)
        title, *after = re.split(r"\s{2,}|\u3000", rest[h.end():], maxsplit=1)
        title, rest = title.strip(), "".join(after)
    date = parse_date(m.group("date")) if m.group("date") else None
    return Dateline(m.group("agency").split("-")[0], m.group("place"), date, author, title, rest.strip())


def split_signoff(line: str) -> tuple[str, str | None, str | None, str | None] | None:
    """A dateline written at the end, ``……（新华社北京7月21日电）``: (text before, place, date,
    reporters).

    >>> split_signoff("作出应有贡献！（新华社北京9月11日电）")
    ('作出应有贡献！', '北京', '--09-11', None)
    >>> split_signoff("合作不断深化。（本报北京、曼谷3月3日电  记者李琰、白元琪）")[1:]
    ('北京、曼谷', '--03-03', '李琰、白元琪')
    """
    m = genre_rules().signoff.search(line)
    if not m:
        return None
    people = names(m.group("names")) if m.group("names") else None
    return line[: m.start()], m.group("place"), parse_date(m.group("date")), people


class Note(NamedTuple):
    """An editor's note ``这是……的讲话`` (求是): who spoke, when, and the note's words."""

    author: str | None
    date: str | None
    text: str


def editor_note(line: str) -> Note | None:
    """The ``这是…`` note of a 求是 article, or None.

    >>> editor_note("这是习近平总书记2020年2月两篇讲话中有关疫情防控工作内容的节选。")
    Note(author='习近平', date='2020-02', text='这是习近平总书记2020年2月两篇讲话中有关疫情防控工作内容的节选。')
    """
    rules = genre_rules()
    if not rules.note.match(line):
        return None
    who = rules.note_speaker.search(line)
    return Note(who.group("name") if who else None, parse_date(line), line)


def new_year(title: str) -> str | None:
    """The speaker of a New Year address titled ``习近平2024年新年贺词``. Its date is the one the text
    gives (none here: the year in the title is the new year's, not the day it was given).

    >>> new_year("习近平2024年新年贺词"), new_year("国家主席习近平发表二〇二四年新年贺词")
    ('习近平', None)
    """
    m = genre_rules().new_year.match(title)
    return m.group("name") if m else None


_TURN = re.compile(r"^(?P<who>问|答|[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}记者|[\u4e00-\u9fff]{2,6}(?:周刊|杂志|报|网))"
                   r"\s*[：:]\s*\S")
# the interviewer's side of an interview: 问, 记者, 主持人, 采访组, or the outlet (中国新闻周刊：, 南方周末：)
_ASKER = re.compile(r"^(?:问|记者|主持人|采访组|采访人|[\u4e00-\u9fff]{0,6}记者|[\u4e00-\u9fff]{2,6}(?:周刊|杂志|报|网|周末))$")


def turns(paragraphs: list[str]) -> list[tuple[int, str]]:
    """(paragraph index, speaker) of each turn of a transcript (``问：``, ``答：``, ``王永昌：``); the
    paragraphs between two turns belong to the turn before them.

    >>> turns(["采访组：请您讲讲当时的情况。", "王永昌：那是2003年。", "后来发展很快。", "问：还有呢？"])
    [(0, '采访组'), (1, '王永昌'), (3, '问')]
    """
    return [(i, m.group("who")) for i, p in enumerate(paragraphs) if (m := _TURN.match(p))]


def interviewee(paragraphs: list[str]) -> str | None:
    """The one person who answers in an interview set out in turns, against an interviewer (问, 记者,
    the outlet), each at least twice; None otherwise.

    >>> interviewee(["中国新闻周刊：为什么现在发声？", "王敖：我们本来就要纪念她。", "中国新闻周刊：下一步呢？", "王敖：法庭上见。"])
    '王敖'
    """
    speakers = Counter(who for _, who in turns(paragraphs))
    askers = [w for w in speakers if _ASKER.match(w)]
    others = [w for w in speakers if w not in askers and w != "答"]
    if len(askers) == 1 and len(others) == 1 and min(speakers[askers[0]], speakers[others[0]]) >= 2:
        return others[0]
    return None


def voiced(paragraphs: list[str]) -> bool:
    """Whether a long report gives people's own voices (……说, 告诉记者) often, and more often than
    statements (表示, 指出): the mark of a feature's narrative.

    >>> voiced(["“我身上有钱，但住不了宾馆。”他说。"] * 20), voiced(["公司表示，他说将调整。"] * 20)
    (True, False)
    """
    rules = genre_rules()
    if len(paragraphs) < rules.feature_voiced_paragraphs:
        return False
    text = "".join(paragraphs)
    voices = len(rules.voice.findall(text))
    return voices >= rules.feature_voices and voices > len(rules.statement.findall(text))


def classify(*, title: str | None, author: str | None, affiliation: str | None, publication: str | None,
             dateline: bool, delivery_kind: str | None, note: bool, opening: bool, paragraphs: list[str],
             reporter: bool, page: bool = False, subtitle: str | None = None) -> str | None:
    """The genre of an article (see ``GENRES``) from the marks the reader found, or None. An article
    of a saved web ``page`` with no other mark is news.

    >>> classify(title="政府工作报告", author="李克强", affiliation="国务院总理", publication=None,
    ...          dateline=False, delivery_kind=None, note=False, opening=False, paragraphs=[], reporter=False)
    'report'
    """
    rules = genre_rules()
    title = title or ""
    if rules.new_year_title.search(title):
        return "new_year_address"
    if note or publication == "求是":
        return "qiushi"
    if rules.report_title.search(title) and (delivery_kind or affiliation):
        return "report"
    # a title that reports a speech (习近平在……开班式上发表重要讲话) heads a news report of it
    spoken = rules.speech_title.search(title) and not dateline and not rules.speech_report_title.search(title)
    if delivery_kind or opening or spoken:
        return "speech"
    if rules.commentary_tag.search(title) or (subtitle and rules.greeting_deck.match(subtitle)):
        return "commentary"  # a column tag, or the deck of an editorial greeting a meeting (热烈祝贺……开幕)
    turns = [p for p in paragraphs if rules.transcript_turn.match(p)]
    # ……新闻发布会, ……答记者问; not a report that someone held one (……举办……吹风会) without its turns
    if rules.transcript_title.search(title) and (len(turns) >= 2 or not rules.held_event.search(title)):
        return "transcript"
    if len(turns) >= 4 and sum(bool(rules.transcript_qa.match(p)) for p in paragraphs) >= 2:
        return "transcript"
    # an interview set out in the turns of two named speakers (南方周末：…… / 古奇：……), each at least twice
    speakers = Counter(m.group("who") for p in turns if (m := _TURN.match(p)))
    if len(turns) >= 4 and len(speakers) == 2 and min(speakers.values()) >= 2:
        return "transcript"
    if rules.feature_tag.search(title) or rules.feature_deck.search(title) or rules.feature_deck.search(subtitle or ""):
        return "feature"
    if rules.document_title.search(title) and not author and not dateline:
        return "document"
    articles = sum(bool(rules.document_article.match(p)) for p in paragraphs)
    if articles >= 3 and articles >= 0.3 * len(paragraphs) and not dateline:
        return "document"  # a text set out in articles (第一条　……): a law, a regulation
    if dateline:
        return "news"
    if (page and not affiliation) or reporter:  # a long narrative without a dateline is a feature (通讯)
        return "feature" if len(paragraphs) >= rules.feature_min_paragraphs or voiced(paragraphs) else "news"
    if affiliation and (publication in rules.theory_publications or (author and rules.scholar.search(affiliation))):
        return "theory"
    if author or affiliation:  # a signed piece, or one whose author note names a commentator
        return "commentary"
    return None
