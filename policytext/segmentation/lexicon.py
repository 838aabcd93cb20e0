"""The political lexicon that ships with policytext (``data/lexicon/*.txt``): terms that are
never split, and "soft" dictionary words (office titles) that may be cut where context says so.

>>> forced, soft = builtin_terms()
>>> "新质生产力" in forced, "市长" in soft
(True, True)
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import ModelError
from ..resources import DATA, word_lines

__all__ = ["builtin_terms", "SOFT_MARK"]

SOFT_MARK = "policytext: soft"  # a lexicon file whose comments say this holds soft words


@lru_cache(maxsize=1)
def builtin_terms() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(forced, soft) terms of the shipped lexicon, in file order, each once."""
    forced: dict[str, None] = {}
    soft: dict[str, None] = {}
    folder = DATA.joinpath("lexicon")
    if not folder.is_dir():
        raise ModelError(f"{folder}: the political lexicon is missing; reinstall policytext")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            text = entry.read_text(encoding="utf-8")
            terms = [line.split()[0] for line in word_lines(text)]
            (soft if SOFT_MARK in text else forced).update(dict.fromkeys(terms))
    return tuple(forced), tuple(t for t in soft if t not in forced)
