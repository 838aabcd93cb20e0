"""The :class:`Segmenter`: an engine (jieba or pkuseg), the political lexicon and the user's own
terms, in one picklable object. It gives each text its tokens once (word, part of speech, offsets)
under one rule for both engines: lexicon terms, numbers with their units, dates in Chinese
numerals, Latin words and codes are whole tokens; the rest is cut by the engine.

>>> seg = Segmenter()
>>> [(t.text, t.pos) for t in seg.tokens("2025年发展5G和新质生产力")]
[('2025年', 't'), ('发展', 'vn'), ('5G', 'eng'), ('和', 'c'), ('新质生产力', 'nz')]
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..document import Token
from ..errors import PolicytextError
from ..resources import read_terms, trie_regex
from .jieba_engine import BLOCK, Dag, base_dag
from .lexicon import builtin_terms
from .pkuseg_engine import pkuseg_model

__all__ = ["Segmenter", "ENGINES", "to_halfwidth", "UNIT_TAGS"]

ENGINES = ("jieba", "pkuseg")
_WS = re.compile(r"(\s+)")
_SPACE = re.compile(r"\s")

# Full-width forms that modern text writes in ASCII: digits, Latin letters and the symbols used
# inside numbers and codes (Chinese punctuation stays). One character for one, so offsets hold.
_FULLWIDTH = "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ．％／－＋＝＜＞＊＃＆＠＿｜＾＄"
_HALFWIDTH = str.maketrans({ch: chr(ord(ch) - 0xFEE0) for ch in _FULLWIDTH})

# The units that are whole tokens in both engines, by kind (the group name is the token's tag):
# a Latin word or code (Government, 5G, R1, COVID-19), a year / month / day in Chinese numerals
# (二〇二四年), a number with its unit (258.0万, 2024年, 39.3%), a run of dashes or dots.
_CN = "〇零一二三四五六七八九"
_UNITS = (
    r"(?P<eng>[0-9]*[A-Za-z][A-Za-z0-9]*(?:[-_.'’&+][A-Za-z0-9]+)*)"
    rf"|(?P<t>[{_CN}]{{4}}年|(?<=年)(?:十[一二]?|[一二三四五六七八九])月|(?<=月)(?:三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
    r"|[0-9]+(?:[.·/][0-9]+)*(?:年|月|日|时))"
    r"|(?P<m>[0-9]+(?:[.·/][0-9]+)*(?:%|万|亿)*)"
    r"|(?P<x>—{2,}|…{2,}|-{2,})"
)
UNIT_TAGS = ("eng", "t", "m", "x")
_UNIT_STARTS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz〇零一二三四五六七八九十—…-"


def to_halfwidth(text: str) -> str:
    """Map full-width digits, Latin letters and number symbols to ASCII, one character for one.

    >>> to_halfwidth("１９９８年增长１４．９％，ＧＤＰ")
    '1998年增长14.9%，GDP'
    """
    return text.translate(_HALFWIDTH)


class Segmenter:
    """Words and tags of Chinese text: ``engine`` ``"jieba"`` (fast) or ``"pkuseg"`` (accurate),
    the political lexicon (``lexicon=False`` switches it off) and ``terms`` of your own (a list or
    the path of a file with one term per line) that are never split.

    ``"".join(seg.segment(text)) == text`` always holds, and every token's ``start``/``end`` cut
    its text out of the line. A segmenter is picklable: worker processes and Dask workers get the
    same engine and terms. Caches built from it (:meth:`memo`) are emptied when terms are added.

    >>> seg = Segmenter(terms=["强链补链延链"])
    >>> seg.segment("推动强链补链延链")
    ['推动', '强链补链延链']
    """

    def __init__(self, engine: str = "jieba", lexicon: bool = True,
                 terms: Iterable[str] | str | os.PathLike[str] | None = None) -> None:
        if engine not in ENGINES:
            raise PolicytextError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
        self.engine = engine
        self.lexicon = bool(lexicon)
        self.terms: list[str] = []
        self._setup()
        if terms is not None:
            self.add_terms(terms)

    def _setup(self) -> None:
        self._lock = threading.RLock()
        self._dag: Dag | None = None
        self._units: re.Pattern[str] | None = None
        self._splitter: re.Pattern[str] | None = None
        self._memos: dict[str, Any] = {}
        self._line = lru_cache(maxsize=1024)(self._tokens_of_line)  # a work report has a few hundred lines

    # -- pickling: the settings travel, the tables are rebuilt where they are used

    def __getstate__(self) -> dict[str, Any]:
        return {"engine": self.engine, "lexicon": self.lexicon, "terms": list(self.terms)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.engine, self.lexicon, self.terms = state["engine"], state["lexicon"], list(state["terms"])
        self._setup()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Segmenter) and self.__getstate__() == other.__getstate__()

    def __repr__(self) -> str:
        extra = f", {len(self.terms)} terms of your own" if self.terms else ""
        return f"Segmenter(engine={self.engine!r}, lexicon={self.lexicon}{extra})"

    # -- the lexicon

    def lexicon_terms(self, soft: bool = True) -> list[str]:
        """The terms in use: shipped terms that are never split, your own, and (``soft=True``) the
        soft dictionary words such as office titles."""
        forced, soft_terms = builtin_terms() if self.lexicon else ((), ())
        return list(dict.fromkeys([*forced, *self.terms, *(soft_terms if soft else ())]))

    def add_terms(self, terms: Iterable[str] | str | os.PathLike[str]) -> int:
        """Add terms that must never be split: a list of strings, or the path of a file with one
        term per line. Returns how many were new; every cache built from this segmenter is emptied.

        >>> Segmenter().add_terms(["强链补链延链", "强链补链延链"])
        1
        """
        if isinstance(terms, (str, os.PathLike)) and Path(terms).is_file():
            new = read_terms(terms)
        elif isinstance(terms, str):
            raise PolicytextError(f"add_terms: {terms!r} is not a file; pass a list of terms, e.g. add_terms([{terms!r}])")
        else:
            new = [t.strip() for t in terms if isinstance(t, str) and t.strip()]
        bad = [t for t in new if _SPACE.search(t)]
        if bad:
            raise PolicytextError(f"add_terms: terms cannot contain spaces: {bad[:3]}")
        with self._lock:
            known = set(self.lexicon_terms(soft=False))
            fresh = [t for t in dict.fromkeys(new) if t not in known]
            if fresh:
                self.terms.extend(fresh)
                self._dag = self._units = self._splitter = None  # rebuilt on a copy: the base tables are shared
                self.clear_caches()
        return len(fresh)

    def clear_caches(self) -> None:
        """Empty the caches of tokenised lines and of what the stages derived (:meth:`memo`); the
        dictionary tables stay. Benchmarks call it so that a repeated run pays its own work."""
        with self._lock:
            self._line.cache_clear()
            for memo in self._memos.values():
                memo.cache_clear()

    def memo(self, name: str, fn: Callable[..., Any], maxsize: int = 4096) -> Callable[..., Any]:
        """``fn`` behind an LRU cache of ``maxsize`` entries that lives on this segmenter, kept under
        ``name`` (the same cache is returned for the same name) and emptied by :meth:`add_terms`:
        the stages cache what they derive from the segmenter here, never in module globals. Keep
        ``maxsize`` small enough (16,384 or less for words) that a worker's caches are full within
        its first thousand documents: its memory then stays flat however long the batch runs."""
        with self._lock:
            memo = self._memos.get(name)
            if memo is None:
                memo = self._memos[name] = lru_cache(maxsize=maxsize)(fn)
            return memo

    # -- the engines' tables, built on first use

    @property
    def dag(self) -> Dag:
        """The jieba dictionary path with this segmenter's lexicon and terms (both engines use its
        part-of-speech tags; the jieba engine its cut)."""
        dag = self._dag
        if dag is None:
            with self._lock:
                base = base_dag(self.lexicon)
                dag = self._dag = base.with_terms(self.terms) if self.terms else base
        return dag

    def _unit_pattern(self) -> re.Pattern[str]:
        units = self._units
        if units is None:
            # lexicon terms that the engine would cut (digits, dashes, Latin letters: 二〇三五年,
            # 中国—东盟, 15分钟生活圈), then the units; with pkuseg every term is cut out first
            terms = self.lexicon_terms(soft=False)
            if self.engine == "jieba":
                terms = [t for t in terms if re.search("[0-9]", t) or not BLOCK.fullmatch(t) or "." in t]
            lex = f"(?P<nz>{trie_regex(terms)})|" if terms else ""
            # a unit can only start at one of these characters: the lookahead lets the scan skip
            # every other position at once
            starts = "".join(sorted({re.escape(c) for c in {t[0] for t in terms} | set(_UNIT_STARTS)}))
            units = self._units = re.compile(f"(?=[{starts}])(?:{lex}{_UNITS})")
        return units

    # -- tokens

    def tokens(self, text: str) -> list[Token]:
        """The tokens of ``text``: ``Token(text, pos, start, end)`` with PKU tags (jieba's tag
        set), lines apart (a ``"\\n"`` token between them).

        >>> [t.text for t in Segmenter().tokens("Government在R1阶段")]
        ['Government', '在', 'R1', '阶段']
        """
        if not isinstance(text, str):
            raise PolicytextError(f"segment expects str, got {type(text).__name__}")
        if "\n" not in text:
            return list(self._line(text))
        out: list[Token] = []
        offset = 0
        for i, line in enumerate(text.split("\n")):
            if i:
                out.append(Token("\n", "x", offset - 1, offset))
            out += [Token(t.text, t.pos, t.start + offset, t.end + offset) for t in self._line(line)]
            offset += len(line) + 1
        return out

    def segment(self, text: str) -> list[str]:
        """The words of ``text``; ``"".join(words) == text``.

        >>> Segmenter(engine="pkuseg").segment("深化城市安全韧性提升行动")   # a lexicon term stays whole
        ['深化', '城市安全韧性提升行动']
        >>> Segmenter(engine="pkuseg", lexicon=False).segment("深化城市安全韧性提升行动")
        ['深化', '城市', '安全', '韧性', '提升', '行动']
        """
        return [t.text for t in self.tokens(text)]

    def count(self, word: str) -> int:
        """How often the segmentation dictionary has seen ``word``: 0 for no word of it, 1 for a
        word it lists without evidence (a tag seen once is weak evidence of a name or a place).

        >>> Segmenter().count("上海") > Segmenter().count("宜居") == 1
        True
        """
        return self.dag.count(word)

    def tagged(self, text: str, hmm: bool | Callable[[str], bool] = False) -> list[tuple[str, str]]:
        """jieba's ``posseg.cut`` of ``text`` on this segmenter's dictionary, without the unit rule:
        the tags of a word or short phrase out of context (``hmm``: guess unknown words with
        jieba's HMM, or only the runs of unknown characters that the callable passes).

        >>> Segmenter().tagged("居民孙立说", hmm=True)
        [('居民', 'n'), ('孙立', 'nr'), ('说', 'v')]
        """
        return self.dag.tagged(text, hmm)

    def _tokens_of_line(self, line: str) -> tuple[Token, ...]:
        pairs: list[tuple[str, str]] = []
        for piece, tag in self._pieces(line):
            if tag is None:
                pairs += self._cut(piece)
            else:
                pairs.append((piece, tag))
        out = []
        pos = 0
        make = tuple.__new__  # Token(...) without the Python-level __new__ of a NamedTuple: a third faster
        for word, tag in pairs:
            end = pos + len(word)
            out.append(make(Token, (word, tag, pos, end)))
            pos = end
        return tuple(out)

    def _pieces(self, line: str) -> list[tuple[str, str | None]]:
        """``line`` cut into (unit, its tag) and (text between units, None)."""
        out: list[tuple[str, str | None]] = []
        last = 0
        for m in self._unit_pattern().finditer(to_halfwidth(line)):
            if m.start() > last:
                out.append((line[last:m.start()], None))
            out.append((line[m.start():m.end()], m.lastgroup))
            last = m.end()
        if last < len(line):
            out.append((line[last:], None))
        return out

    def _cut(self, text: str) -> list[tuple[str, str]]:
        if self.engine == "jieba":
            return self.dag.tagged(text)
        out: list[tuple[str, str]] = []
        for piece in _WS.split(text):
            if not piece:
                continue
            if piece.isspace():
                out.append((piece, "x"))
                continue
            # the model was trained on half-width digits and letters: cut the mapped text, keep the original
            pos = 0
            for word in pkuseg_model().cut(to_halfwidth(piece)):
                out.append((piece[pos:pos + len(word)], self._word_tag(piece[pos:pos + len(word)])))
                pos += len(word)
        return out

    def _word_tag(self, word: str) -> str:
        """The tag of a pkuseg word: the dictionary's, else that of its last jieba word (the head of
        a Chinese compound is its last word)."""
        tag = self.dag.tags.get(word)
        if tag is None:
            tag = self.memo("pkuseg-tag", lambda w: self.dag.tagged(w)[-1][1], 16384)(word)
        return tag
