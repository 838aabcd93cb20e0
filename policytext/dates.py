"""Dates in Chinese text: one parser for the whole package.

Full dates (``2025年1月15日``, ``2025-01-15``, ``2025.1.15``), month and day without a year
(``1月15日``: the caller infers the year), years alone (``2024年``) and dates written in Chinese
numerals (``二〇二四年十二月三十一日``, converted by the maintained ``cn2an`` package). Results are
partial ISO 8601 strings: ``"2025-01-15"``, ``"2025-01"``, ``"--01-15"``, ``"2025"``.

With ``relative=True`` it also finds the dates a text counts from its own date (``今天``, ``去年11月``,
``同年``, ``同日``, ``近日``), months alone (``11月``) and days alone (``5日，``); :func:`resolve` gives them a
full date from the text's date (the word lists are ``data/dates.json``).

>>> parse_date("《 人民日报 》（ 2020年10月18日 01 版）")
'2020-10-18'
>>> [m.iso for m in find_dates("二〇二四年十二月三十一日发表，1月15日实施")]
['2024-12-31', '--01-15']
>>> [resolve(m, today="2025-03-02") for m in find_dates("去年11月，他1日在北京说", relative=True)]
['2024-11', '2025-03-01']
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import Any, NamedTuple

from .resources import data_json, trie_regex

__all__ = ["DateMention", "find_dates", "iso", "parse_date", "resolve"]

_CN_DIGIT = "〇零一二三四五六七八九"
_YEAR = rf"(?P<y>(?<![\d.])\d{{4}}|(?<![{_CN_DIGIT}十])[{_CN_DIGIT}]{{4}})"
_MONTH = r"(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?P<d>\d{1,2}|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_S = r"\s*"

_PATTERNS = (
    # 2025年1月15日, 2025年1月, 二〇二四年十二月三十一日
    rf"{_YEAR}{_S}年{_S}{_MONTH}{_S}月(?:{_S}{_DAY}{_S}[日号])?",
    # 2025-01-15, 2025/1/15, 2025.1.15
    r"(?<![\d.])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.])",
    # 1月15日, 十二月三十一日
    rf"(?<![\d{_CN_DIGIT}十]){_MONTH}{_S}月{_S}{_DAY}{_S}[日号]",
    # 2024年, 二〇二四年 (not 1990年代)
    rf"{_YEAR}{_S}年(?!代)",
)


@lru_cache(maxsize=1)
def _relative() -> tuple[dict[str, Any], re.Pattern[str], re.Pattern[str]]:
    """The relative date words, the pattern of the dates :func:`find_dates` finds with
    ``relative=True`` (relative words first, then the full dates, then months and days alone) and
    what each of them holds (a character of 年月日号, a separator between digits or a relative word)."""
    words = data_json("dates.json")
    rel = trie_regex([*words["relative_years"], *words["same_year"], *words["same_day"], *words["relative_days"], *words["recent_words"]])
    after = trie_regex(words["day_followers"])
    forms = (
        # 去年11月, 同年5月3日, 今天, 近日 (not 今年82岁)
        rf"(?P<w>{rel})(?!\s*\d+\s*周?岁)(?:{_S}(?P<m>\d{{1,2}}){_S}月(?:{_S}(?P<d>\d{{1,2}}){_S}[日号])?)?",
        *_PATTERNS,
        # 11月, 11月5日 (no year: it is inferred)
        r"(?<![\d年])(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?",
        # 4号，…; 5日在北京… (a day of the text's month)
        rf"(?<![\d月年.第])(?P<d>[1-3]?\d)\s*[日号](?=[，,]|{after}|$)",
    )
    return words, _numbered(forms), re.compile(rf"[年月日号]|\d[-/.]\d|{rel}")


def _numbered(forms: tuple[str, ...]) -> re.Pattern[str]:
    """One regex of the ``forms``; the named groups of the i-th form are numbered (y0, m0, …) to stay unique."""
    return re.compile("|".join(
        "(?:" + re.sub(r"\(\?P([<=])(\w+)", rf"(?P\g<1>\g<2>{i}", p) + ")" for i, p in enumerate(forms)
    ))


class DateMention(NamedTuple):
    """A date found in a text: ``text[start:end]`` and its parts (None when not written);
    ``word``, the relative word it counts from (今天, 去年, 同年, 近日).

    >>> DateMention(0, 9, 2025, 1, 15).iso, DateMention(0, 5, None, 1, 15).iso
    ('2025-01-15', '--01-15')
    """

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    word: str | None = None

    @property
    def iso(self) -> str | None:
        """The partial ISO 8601 form: ``"2025-01-15"``, ``"2025-01"``, ``"--01-15"`` or ``"2025"``."""
        return iso(self.year, self.month, self.day)


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """Partial ISO 8601 for the parts given, None when they are not a possible date.

    >>> iso(2025, 1, 15), iso(2025, 1), iso(None, 1, 15), iso(2025), iso(2025, 2, 30)
    ('2025-01-15', '2025-01', '--01-15', '2025', None)
    """
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None:
            return None
        try:
            _dt.date(year or 2000, month, day)  # 2000 is a leap year: --02-29 is allowed
        except ValueError:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"--{month:02d}-{day:02d}"
    if year is None:
        return None
    return f"{year:04d}-{month:02d}" if month is not None else f"{year:04d}"


_DATE = _numbered(_PATTERNS)
_DATE_HOLDS = re.compile(r"[年月]|\d[-/.]\d")  # what every date of _PATTERNS holds: a quick test first


@lru_cache(maxsize=256)
def _number(text: str) -> int:
    """``'12'``, ``'十二'`` or ``'二〇二四'`` as an int (Chinese numerals through cn2an)."""
    if text.isascii():
        return int(text)
    import cn2an

    return int(cn2an.cn2an(text, "smart"))


def _group(m: re.Match[str], name: str) -> str | None:
    for key, value in m.groupdict().items():
        if value is not None and key.rstrip("0123456789") == name:
            return value
    return None


def find_dates(text: str, start: int = 0, end: int | None = None, *, relative: bool = False) -> list[DateMention]:
    """Every date written in ``text[start:end]``, in order; impossible dates (2月30日) are skipped.
    ``relative``: also the dates that count from the text's own date, months and days alone
    (their missing parts are given by :func:`resolve`).

    >>> find_dates("2016年3月5日在第十二届全国人民代表大会第四次会议上")
    [DateMention(start=0, end=9, year=2016, month=3, day=5, word=None)]
    >>> [m.iso for m in find_dates("《 人民日报 》（ 2020年07月22日 02 版），2025.1.15，二〇二三年")]
    ['2020-07-22', '2025-01-15', '2023']
    >>> [(m.word, m.month, m.day) for m in find_dates("今年82岁的他，同年5月，4号，", relative=True)]
    [('同年', 5, None), (None, None, 4)]
    """
    found: list[DateMention] = []
    end = len(text) if end is None else end
    _, pattern, holds = _relative() if relative else (None, _DATE, _DATE_HOLDS)
    if holds.search(text, start, end) is None:  # half the paragraphs of a newspaper hold no date
        return found
    for m in pattern.finditer(text, start, end):
        parts = [_group(m, k) for k in ("y", "m", "d")]
        year, month, day = (None if p is None else _number(p) for p in parts)
        word = _group(m, "w")
        if word is not None or iso(year, month, day) is not None or relative and _possible(month, day):
            found.append(DateMention(m.start(), m.end(), year, month, day, word))
    return found


def _possible(month: int | None, day: int | None) -> bool:
    """A month alone (1–12) or a day alone (1–31)."""
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31) and (month, day) != (None, None)


def resolve(m: DateMention, today: str | None = None, year: int | None = None, day: str | None = None) -> str | None:
    """The date ``m`` stands for, as partial ISO 8601, in a text written on ``today`` (partial ISO:
    ``"2025-03-02"``, ``"2025"``) where ``year`` is the year last written before it (同年, 5月) and
    ``day`` the full date last written before it (同日); None when the text does not say enough.

    >>> ms = find_dates("近日，昨天，前年，同年5月，4号，12月1日", relative=True)
    >>> [resolve(m, "2025-03-02", year=2019) for m in ms]
    ['2025-03', '2025-03-01', '2023', '2019-05', '2025-02-04', '2019-12-01']
    >>> [resolve(m, "2025-03-02") for m in ms[-2:]], resolve(ms[-1], "2025")
    (['2025-02-04', '2024-12-01'], '2025-12-01')
    >>> resolve(find_dates("同日，", relative=True)[0], "2025-03-02", day="2025-03-01")
    '2025-03-01'
    """
    if m.year is not None:
        return iso(m.year, m.month, m.day)
    words = _relative()[0]
    parts = [int(x) for x in re.findall(r"\d+", today or "")]
    if m.word in words["recent_words"]:  # 近日: the month of the text
        return iso(*parts[:2]) if len(parts) == 3 else None
    if m.word in words["relative_days"]:
        if len(parts) != 3:
            return None
        return (_dt.date(*parts) + _dt.timedelta(days=words["relative_days"][m.word])).isoformat()
    if m.word in words["same_day"]:
        return day
    if m.word in words["same_year"]:
        return iso(year, m.month, m.day) if year is not None else None
    if m.word is not None:
        return iso(parts[0] + words["relative_years"][m.word], m.month, m.day) if parts else None
    if m.month is None:  # a day of the text's month, or of the month before
        if len(parts) != 3:
            return None
        y, mo = parts[0], parts[1]
        if m.day > parts[2]:
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        return iso(y, mo, m.day)
    if year is None and parts:  # 12月1日 in a text of 2025-03-02: the last 1 December
        year = parts[0]
        if len(parts) > 1 and (m.month, m.day or 1) > (parts[1], parts[2] if len(parts) > 2 else 31):
            year -= 1
    return iso(year, m.month, m.day)


def parse_date(text: str) -> str | None:
    """The first date of ``text`` as partial ISO 8601, or None.

    >>> parse_date("——2025年1月15日在云南省第十四届人民代表大会第三次会议上")
    '2025-01-15'
    >>> parse_date("新华社北京4月9日电"), parse_date("二〇二四年新年贺词"), parse_date("无日期")
    ('--04-09', '2024', None)
    """
    found = find_dates(text)
    return found[0].iso if found else None
