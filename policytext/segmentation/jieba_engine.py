"""The jieba engine: jieba's dictionary path re-implemented in one pass (:class:`Dag`). This is
the one module of policytext that touches jieba's internals (its dictionary table, posseg's block
regexes and its HMM tagger of one run); ``tests/test_segment.py`` checks it against jieba itself.

>>> dag = base_dag(lexicon=True)
>>> dag.tagged("发展新质生产力")
[('发展', 'vn'), ('新质生产力', 'nz')]
"""

from __future__ import annotations

import logging
import math
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from ..errors import ModelError
from ..resources import DATA
from .lexicon import builtin_terms

__all__ = ["Dag", "base_dag", "runs", "BLOCK"]

_LOCK = threading.RLock()
_ABSENT = object()
_ALNUM = re.compile("[a-zA-Z0-9]")


@lru_cache(maxsize=1)
def _posseg():  # type: ignore[no-untyped-def]
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


BLOCK = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._]+)")  # posseg.re_han_internal: what jieba tags as one block


def runs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) for the pieces of ``text`` that jieba tags independently of each other:
    runs of Han characters, letters and digits, and the characters between them.

    >>> list(runs("城市更新，2025"))
    [(0, '城市更新'), (4, '，'), (5, '2025')]
    """
    pos = 0
    for piece in BLOCK.split(text):
        if piece:
            yield pos, piece
            pos += len(piece)


class Dag:
    """jieba's dictionary cut (``Tokenizer.get_DAG`` + ``calc``, then the walk of ``posseg.cut``)
    in one pass over each block, with each word's log-probability computed once instead of at
    every position. Same words and tags as jieba; unknown runs may go to jieba's HMM."""

    def __init__(self, freq: dict[str, int], total: int, tags: dict[str, str], guess: Callable) -> None:  # type: ignore[type-arg]
        logtotal = math.log(total)
        # every dictionary prefix -> log P(word), or None for a prefix that is no word. Words of the
        # same frequency share one float and tags are interned: a lookup then writes (reference
        # counts) to a few objects only, so forked workers keep sharing the table's memory.
        by_freq: dict[int, float] = {}
        self.logp = {w: by_freq.setdefault(f, math.log(f) - logtotal) if f else None for w, f in freq.items()}
        self.unknown = -logtotal  # a character outside the dictionary, as jieba scores it
        # keyed by the same string objects as logp (jieba's tag table holds copies of the words)
        self.tags = {word: sys.intern(tags[word]) for word in freq if word in tags}
        self.tags.update((word, sys.intern(tag)) for word, tag in tags.items() if word not in freq)
        self.guess = guess  # run of unknown characters -> jieba's HMM words with tags

    def with_terms(self, terms: Iterable[str]) -> Dag:
        """A copy that keeps ``terms`` whole, as jieba's ``add_word(term, freq=total, tag="nz")``
        does (log-probability 0; prefixes become known), leaving this one as it is."""
        new = object.__new__(Dag)
        new.logp, new.tags, new.unknown, new.guess = dict(self.logp), dict(self.tags), self.unknown, self.guess
        new.add(terms)
        return new

    def add(self, terms: Iterable[str]) -> None:
        """Keep ``terms`` whole from now on (in place)."""
        for term in terms:
            self.logp[term] = 0.0
            self.tags[term] = "nz"
            for i in range(1, len(term)):
                self.logp.setdefault(term[:i], None)

    def path(self, s: str) -> list[str]:
        """The words of the most probable cut of the block ``s`` by the dictionary alone (ties go
        to the longer word, as in jieba)."""
        n = len(s)
        get, absent, unknown = self.logp.get, _ABSENT, self.unknown
        score = [0.0] * (n + 1)
        end = list(range(1, n + 1))
        for k in range(n - 1, -1, -1):
            best = None
            i = k + 1
            lp = get(s[k], absent)
            while lp is not absent:
                if lp is not None:
                    sc = lp + score[i]
                    if best is None or sc >= best:
                        best = sc
                        end[k] = i
                if i == n:
                    break
                i += 1
                lp = get(s[k:i], absent)
            score[k] = unknown + score[k + 1] if best is None else best
        words, x = [], 0
        while x < n:
            words.append(s[x:end[x]])
            x = end[x]
        return words

    def count(self, word: str) -> int:
        """How often the dictionary has seen ``word`` (0: not one of its words).

        >>> d = base_dag(lexicon=True); d.count("上海") > d.count("宜居") == 1, d.count("宜居城市化")
        (True, 0)
        """
        lp = self.logp.get(word)
        return 0 if lp is None else round(math.exp(lp - self.unknown))

    def tagged(self, text: str, hmm: bool | Callable[[str], bool] = False) -> list[tuple[str, str]]:
        """``[(w.word, w.flag) for w in posseg.cut(text, HMM=hmm)]``. ``hmm`` may also be a test
        of a run of characters outside the dictionary: only the runs it passes go to the HMM,
        the others stay single characters (the HMM is what costs)."""
        posseg = _posseg()
        out: list[tuple[str, str]] = []
        tags = self.tags
        eng1 = posseg.re_eng1.match
        for odd, blk in enumerate(BLOCK.split(text)):
            if not odd % 2:
                # between blocks there are no letters, digits or dots (the blocks hold them), so
                # posseg tags every character "x"; a whitespace separator stays whole (\r\n)
                out += [(x, "x") for i, piece in enumerate(posseg.re_skip_internal.split(blk))
                        for x in ([piece] if i % 2 else piece)]
                continue
            path = self.path(blk)
            if not hmm and not _ALNUM.search(blk):  # no letters or digits to join
                out += [(word, tags.get(word, "x")) for word in path]
                continue
            buf = ""
            for word in [*path, ""]:  # the empty word flushes the last run
                if word and (len(word) == 1 if hmm else eng1(word)):
                    buf += word  # without HMM letters and digits join; with it single characters wait for it
                    continue
                if buf:
                    if not hmm:
                        out.append((buf, "eng"))
                    elif len(buf) > 1 and self.logp.get(buf) is None and (hmm is True or hmm(buf)):
                        out.extend((w.word, w.flag) for w in self.guess(buf))
                    else:
                        out.extend((ch, tags.get(ch, "x")) for ch in buf)
                    buf = ""
                if word:
                    out.append((word, tags.get(word, "x")))
        return out


def jieba_tokenizer(lexicon: bool):  # type: ignore[no-untyped-def]
    """A jieba ``Tokenizer`` on the shipped dictionary (with the lexicon's terms when ``lexicon``),
    for comparisons with jieba itself (tests, benchmarks)."""
    import jieba

    _posseg()
    dict_path = DATA.joinpath("jieba_dict.txt")
    tok = jieba.Tokenizer(dictionary=str(dict_path)) if dict_path.is_file() else jieba.Tokenizer()
    try:
        tok.initialize()
    except Exception as exc:  # jieba raises bare exceptions on a bad dictionary
        raise ModelError(f"{dict_path}: the jieba dictionary is corrupt ({exc}); reinstall policytext") from exc
    if lexicon:
        forced, soft = builtin_terms()
        total = tok.total
        for t in forced:  # the frequency of the whole corpus: no path through its characters beats it
            tok.add_word(t, freq=total, tag="nz")
        for t in soft:  # jieba's suggested frequency: whole on their own, cut where context says so
            if t not in tok.FREQ or not tok.FREQ[t]:
                tok.add_word(t, tag="n")
        tok.total = total  # other words score as before
    return tok


def new_posseg_tokenizer(lexicon: bool):  # type: ignore[no-untyped-def]
    """A new jieba ``POSTokenizer`` over :func:`jieba_tokenizer` (its tag table and HMM tagger)."""
    with _LOCK:
        pos = _posseg().POSTokenizer(jieba_tokenizer(lexicon))
        pos.makesure_userdict_loaded()  # the lexicon's tags join the dictionary's
        return pos


@lru_cache(maxsize=2)
def posseg_tokenizer(lexicon: bool):  # type: ignore[no-untyped-def]
    """:func:`new_posseg_tokenizer`, kept: jieba itself, for comparisons (tests, benchmarks)."""
    return new_posseg_tokenizer(lexicon)


@lru_cache(maxsize=2)
def base_dag(lexicon: bool) -> Dag:
    """The :class:`Dag` of the shipped dictionary (and lexicon), built once per process; a
    segmenter with terms of its own works on a copy (:meth:`Dag.with_terms`). The tokenizer it
    is built from is not kept: once the Dag has its tables, jieba's go (the HMM tagger of one run
    needs neither), which saves a worker some 40 MB."""
    pos = new_posseg_tokenizer(lexicon)
    with _LOCK:
        # jieba's HMM tagger of one run is private (no public entry takes a run alone)
        dag = Dag(pos.tokenizer.FREQ, pos.tokenizer.total, pos.word_tag_tab, pos._POSTokenizer__cut_detail)
        pos.tokenizer.FREQ, pos.word_tag_tab = {}, {}
        return dag
