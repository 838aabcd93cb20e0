"""One loader for the data files under ``policytext/data``: word lists, JSON and paths, each
failure a :class:`~policytext.errors.ModelError` that says to reinstall; and the trie regex that
turns a word list into one fast pattern.

>>> word_lines("# 注释\\n新质生产力\\n\\n 城市更新 \\n")
['新质生产力', '城市更新']
>>> trie_regex(["城市", "城市更新"])
'城市(?:更新)?'
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from .errors import ModelError, PolicytextError

__all__ = ["data_path", "data_text", "data_json", "word_lines", "word_list", "read_terms", "trie_regex",
           "compile_terms"]

DATA: Traversable = resources.files("policytext").joinpath("data")


def data_path(*parts: str) -> Traversable:
    """The shipped data file (or folder) ``data/<parts>``; :class:`ModelError` when it is missing."""
    path = DATA.joinpath(*parts)
    if not (path.is_file() or path.is_dir()):
        raise ModelError(f"{path}: a data file of policytext is missing; reinstall policytext")
    return path


def data_text(*parts: str) -> str:
    """The UTF-8 text of a shipped data file."""
    path = data_path(*parts)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: cannot read this data file ({exc}); reinstall policytext") from exc


def data_json(*parts: str) -> Any:
    """A shipped JSON data file, parsed."""
    try:
        return json.loads(data_text(*parts))
    except ValueError as exc:
        raise ModelError(f"{DATA.joinpath(*parts)}: not valid JSON ({exc}); reinstall policytext") from exc


def word_lines(text: str) -> list[str]:
    """The entries of a word-list file's text: stripped, non-empty lines; ``#`` starts a comment.

    >>> word_lines("新质生产力\\n# 注释")
    ['新质生产力']
    """
    return [t for t in (x.strip() for x in text.splitlines()) if t and not t.startswith("#")]


@lru_cache(maxsize=None)
def word_list(*parts: str) -> tuple[str, ...]:
    """The entries of a shipped word-list file (read once per process).

    >>> "指出" in word_list("quotes", "verbs.txt")
    True
    """
    return tuple(word_lines(data_text(*parts)))


def read_terms(path: str | os.PathLike[str]) -> list[str]:
    """The terms of a user's UTF-8 file with one term per line (``#`` starts a comment; a line's
    first field is the term)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicytextError(f"{path}: cannot read the term file ({exc}); give a UTF-8 file with one term per line") from exc
    return [line.split()[0] for line in word_lines(text)]


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, the longest where several match at one place. It is
    written as a trie (的|的确 -> 的(?:确)?), which the regex engine scans far faster than the
    flat list.

    >>> trie_regex(["城市", "城市更新", "城乡"])
    '城(?:乡|市(?:更新)?)'
    """
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    alts = [re.escape(ch) + _trie_pattern(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body  # the longer words first, then the word that ends here


def compile_terms(terms: Iterable[str]) -> re.Pattern[str] | None:
    """A compiled :func:`trie_regex` of ``terms``, or None when there are none.

    >>> compile_terms(["新质生产力"]).findall("发展新质生产力")
    ['新质生产力']
    """
    terms = list(terms)
    return re.compile(trie_regex(terms)) if terms else None
