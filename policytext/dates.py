"""Dates in Chinese text: one parser for the whole package.

Full dates (``2025年1月15日``, ``2025-01-15``, ``2025.1.15``), month and day without a year
(``1月15日``: the caller infers the year), years alone (``2024年``) and dates written in Chinese
numerals (``二〇二四年十二月三十一日``, converted by the maintained ``cn2an`` package). Results are
partial ISO 8601 strings: ``"2025-01-15"``, ``"2025-01"``, ``"--01-15"``, ``"2025"``.

>>> parse_date("《 人民日报 》（ 2020年10月18日 01 版）")
'2020-10-18'
>>> [m.iso for m in find_dates("二〇二四年十二月三十一日发表，1月15日实施")]
['2024-12-31', '--01-15']
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import NamedTuple

__all__ = ["DateMention", "find_dates", "iso", "parse_date"]

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
# one regex; the named groups of the i-th form are numbered (y0, m0, d0, y1, …) to stay unique
_DATE = re.compile("|".join(
    "(?:" + re.sub(r"\(\?P([<=])(\w+)", rf"(?P\g<1>\g<2>{i}", p) + ")" for i, p in enumerate(_PATTERNS)
))


class DateMention(NamedTuple):
    """A date found in a text: ``text[start:end]`` and its parts (None when not written).

    >>> DateMention(0, 9, 2025, 1, 15).iso, DateMention(0, 5, None, 1, 15).iso
    ('2025-01-15', '--01-15')
    """

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None

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


def find_dates(text: str) -> list[DateMention]:
    """Every date written in ``text``, in order; impossible dates (2月30日) are skipped.

    >>> find_dates("2016年3月5日在第十二届全国人民代表大会第四次会议上")
    [DateMention(start=0, end=9, year=2016, month=3, day=5)]
    >>> [m.iso for m in find_dates("《 人民日报 》（ 2020年07月22日 02 版），2025.1.15，二〇二三年")]
    ['2020-07-22', '2025-01-15', '2023']
    """
    found = []
    for m in _DATE.finditer(text):
        parts = [_group(m, k) for k in ("y", "m", "d")]
        year, month, day = (None if p is None else _number(p) for p in parts)
        if iso(year, month, day) is not None:
            found.append(DateMention(m.start(), m.end(), year, month, day))
    return found


def parse_date(text: str) -> str | None:
    """The first date of ``text`` as partial ISO 8601, or None.

    >>> parse_date("——2025年1月15日在云南省第十四届人民代表大会第三次会议上")
    '2025-01-15'
    >>> parse_date("新华社北京4月9日电"), parse_date("二〇二四年新年贺词"), parse_date("无日期")
    ('--04-09', '2024', None)
    """
    found = find_dates(text)
    return found[0].iso if found else None
