"""The word lists and cue patterns that the entity and quotation stages share: reporting verbs,
office titles and roles, surnames, leaders, institutions, meetings, quotation marks and the cue
lists of ``data/quotes/cues.json``. Data only, loaded once per process; no segmentation here.

>>> c = word_lists()
>>> "习近平" in c.leaders, c.title_set >= {"总书记"}
(True, True)
>>> alt_re("sentence_end").findall("好。是！")
['。', '！']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..resources import data_json, word_list, trie_regex

__all__ = ["Cues", "word_lists", "alt", "alt_re", "chars", "is_han", "FILL", "HAN", "MAX_TITLE", "FULLWIDTH_DIGITS",
           "AGE", "INNER_BOOK"]

FILL = "\u25a1"  # stands in for masked characters (inside quotation marks and 《》)
HAN = re.compile(r"[\u3400-\u9fff]")
MAX_TITLE = 12  # the longest office title, in characters
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
AGE = re.compile(r"\d+岁的")
INNER_BOOK = re.compile(r"《[^《》]*》")


@dataclass(frozen=True)
class Cues:
    """The shared word lists, as sets and compiled patterns."""

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
    given_names: dict[str, tuple[str, ...]]  # 小平 -> (邓小平,): the leaders a given name can stand for
    given_name_re: re.Pattern[str]  # a given name of two characters before 同志
    institutions: re.Pattern[str]
    meetings: re.Pattern[str]
    meeting_suffix: re.Pattern[str]
    quote_marks: re.Pattern[str]
    sentence_ends: re.Pattern[str]


def is_han(ch: str) -> bool:
    """A Han character (CJK unified ideographs and extension A)."""
    return bool(HAN.match(ch))


def chars(symbols: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any one of ``symbols``.

    >>> chars("“”").findall("他说“好”")
    ['“', '”']
    """
    return re.compile("[" + "".join(map(re.escape, symbols)) + "]")


def _by_length(words: Iterable[str]) -> dict[int, frozenset[str]]:
    words = list(words)
    return {n: frozenset(w for w in words if len(w) == n) for n in sorted({len(w) for w in words})}


@lru_cache(maxsize=1)
def word_lists() -> Cues:
    """The shared word lists (read once per process)."""
    c = data_json("quotes", "cues.json")
    titles = set(word_list("lexicon", "titles.txt")) | set(word_list("quotes", "roles.txt"))
    surnames = " ".join(word_list("quotes", "surnames.txt")).split()
    leaders: dict[str, str] = {}
    for line in word_list("lexicon", "leaders.txt"):
        names = [n for n in re.split(r"[\s,，|/=;；]+", line) if n and HAN.match(n)]
        for n in names:
            leaders.setdefault(n, names[0])
    given: dict[str, tuple[str, ...]] = {}
    for full in set(leaders.values()):
        if len(full) == 3 and full[0] in surnames:
            given[full[1:]] = (*given.get(full[1:], ()), full)
    return Cues(
        cues=c,
        verbs=re.compile(trie_regex(word_list("quotes", "verbs.txt"))),
        not_reporting=_by_length(word_list("quotes", "not_reporting.txt")),
        titles=re.compile(trie_regex(titles)),
        title_set=frozenset(titles),
        generic=re.compile(trie_regex(word_list("quotes", "generic_speakers.txt"))),
        pronouns=chars(word_list("quotes", "pronouns.txt")),
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=frozenset(s for s in surnames if len(s) == 2),
        surname_firsts=frozenset(s[0] for s in surnames if len(s) <= 2),
        not_names=frozenset(word_list("quotes", "not_names.txt")),
        leaders=leaders,
        leader_re=re.compile(trie_regex(leaders)) if leaders else None,
        given_names=given,
        given_name_re=re.compile(r"([\u4e00-\u9fff]{2})同志"),
        institutions=re.compile(trie_regex(word_list("lexicon", "institutions.txt"))),
        meetings=re.compile(trie_regex(word_list("lexicon", "meetings.txt"))),
        meeting_suffix=re.compile(trie_regex(c["meeting_suffixes"])),
        quote_marks=chars([*c["quote_pairs"], *c["quote_pairs"].values(), *c["symmetric_quotes"]]),
        sentence_ends=chars(c["sentence_end"]),
    )


@lru_cache(maxsize=None)
def alt(*keys: str) -> str:
    """The regex alternation of the cue lists ``keys`` of cues.json, longest first."""
    c = word_lists().cues
    return trie_regex([w for k in keys for w in c[k]])


@lru_cache(maxsize=None)
def alt_re(key: str) -> re.Pattern[str]:
    """:func:`alt` of one cue list, compiled."""
    return re.compile(alt(key))
