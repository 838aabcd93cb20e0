"""Word segmentation with a political lexicon: fast (jieba) or accurate (spacy-pkuseg).

Both engines use dictionaries and models that ship with the package and load offline:
jieba runs on a dictionary derived from the PKU-annotated People's Daily corpus, pkuseg on
a model trained by ``scripts/train_pkuseg.py``. Lexicon terms (``data/lexicon/*.txt`` plus
the user's own) are never split.

>>> import policytext
>>> policytext.segment("加快发展新质生产力")
['加快', '发展', '新质生产力']
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import ModelError, PolicytextError

__all__ = ["segment", "add_terms", "lexicon_terms", "ENGINES", "tagged"]

ENGINES = ("jieba", "pkuseg")
_DATA = resources.files("policytext").joinpath("data")
_LOCK = threading.RLock()
_USER_TERMS: list[str] = []
_WS = re.compile(r"(\s+)")


_SOFT_MARK = "policytext: soft"


def word_lines(text: str) -> list[str]:
    """The entries of a word-list file's text: stripped, non-empty lines; ``#`` starts a comment.

    >>> word_lines("# 注释\n新质生产力\n\n 城市更新 \n")
    ['新质生产力', '城市更新']
    """
    return [t for t in (x.strip() for x in text.splitlines()) if t and not t.startswith("#")]


def _terms(text: str) -> list[str]:
    return [line.split()[0] for line in word_lines(text)]


def read_terms(path: str | os.PathLike[str]) -> list[str]:
    """The terms of a UTF-8 file with one term per line (``#`` starts a comment)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicytextError(f"{path}: cannot read the term file ({exc}); give a UTF-8 file with one term per line") from exc
    return _terms(text)


@lru_cache(maxsize=1)
def _builtin_terms() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(forced, soft) terms of the shipped lexicon. A file whose comments say ``policytext: soft``
    gives dictionary words that the segmenter may still cut where context says so."""
    forced: dict[str, None] = {}
    soft: dict[str, None] = {}
    folder = _DATA.joinpath("lexicon")
    if not folder.is_dir():
        raise ModelError(f"{folder}: the political lexicon is missing; reinstall policytext")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            text = entry.read_text(encoding="utf-8")
            (soft if _SOFT_MARK in text else forced).update(dict.fromkeys(_terms(text)))
    return tuple(forced), tuple(t for t in soft if t not in forced)


def lexicon_terms(soft: bool = True) -> list[str]:
    """The lexicon in use: shipped terms that are never split, the user's additions, and (with
    ``soft=True``) the soft dictionary words such as office titles."""
    forced, soft_terms = _builtin_terms()
    return list(dict.fromkeys([*forced, *_USER_TERMS, *(soft_terms if soft else ())]))


@lru_cache(maxsize=2)
def _lexicon_set(soft: bool = True) -> frozenset[str]:
    """:func:`lexicon_terms` as a set, for the stages that look up every token."""
    return frozenset(lexicon_terms(soft))


def add_terms(terms: Iterable[str] | str | os.PathLike[str]) -> int:
    """Add terms that must never be split: a list of strings, or the path of a file with one
    term per line. Returns how many were new.

    >>> policytext.add_terms(["强链补链延链"])
    1
    """
    if isinstance(terms, (str, os.PathLike)) and Path(terms).is_file():
        new = read_terms(terms)
    elif isinstance(terms, str):
        raise PolicytextError(f"add_terms: {terms!r} is not a file; pass a list of terms, e.g. add_terms([{terms!r}])")
    else:
        new = [t.strip() for t in terms if t and t.strip()]
    bad = [t for t in new if _WS.search(t)]
    if bad:
        raise PolicytextError(f"add_terms: terms cannot contain spaces: {bad[:3]}")
    with _LOCK:
        known = set(lexicon_terms(soft=False))
        fresh = [t for t in dict.fromkeys(new) if t not in known]
        _USER_TERMS.extend(fresh)
        for tok in _jieba_cache.values():
            _jieba_add(tok, fresh)
        _pkuseg_splitter.cache_clear()
        _jieba_units.cache_clear()
        _lexicon_set.cache_clear()
        _tagged_line.cache_clear()
        _dag.cache_clear()
    return len(fresh)


# ---------------------------------------------------------------- jieba

_jieba_cache: dict[bool, object] = {}


def _jieba_add(tok, terms: Iterable[str], soft: Iterable[str] = ()) -> None:  # type: ignore[no-untyped-def]
    """Give each term the frequency of the whole corpus (log-probability 0) so that no path
    through its characters beats it, and keep jieba's total so other words score as before.
    Soft terms get jieba's suggested frequency: whole on their own, cut where context says so."""
    total = tok.total
    for t in terms:
        tok.add_word(t, freq=total, tag="nz")
    for t in soft:
        if t not in tok.FREQ or not tok.FREQ[t]:
            tok.add_word(t, tag="n")
    tok.total = total


def _jieba(lexicon: bool):  # type: ignore[no-untyped-def]
    with _LOCK:
        tok = _jieba_cache.get(lexicon)
        if tok is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            dict_path = _DATA.joinpath("jieba_dict.txt")
            tok = jieba.Tokenizer(dictionary=str(dict_path)) if dict_path.is_file() else jieba.Tokenizer()
            try:
                tok.initialize()
            except Exception as exc:  # jieba raises bare exceptions on a bad dictionary
                raise ModelError(f"{dict_path}: the jieba dictionary is corrupt ({exc}); reinstall policytext") from exc
            if lexicon:
                _jieba_add(tok, lexicon_terms(soft=False), _builtin_terms()[1])
            _jieba_cache[lexicon] = tok
        return tok


# Full-width forms that modern text writes in ASCII: digits, Latin letters and the symbols used
# inside numbers and codes (Chinese punctuation stays). One character for one, so offsets hold.
_FULLWIDTH = "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ．％／－＋＝＜＞＊＃＆＠＿｜＾＄"
_HALFWIDTH = str.maketrans({ch: chr(ord(ch) - 0xFEE0) for ch in _FULLWIDTH})
# A number with its unit (258.0万, 2024年, 39.3%), a dash or an ellipsis run: one word (PKU standard).
_NUMBER = r"[0-9]+(?:[.·/][0-9]+)*(?:%|万|亿)*(?:年|月|日|时)?|—{2,}|…{2,}|-{2,}"


def to_halfwidth(text: str) -> str:
    """Map full-width digits, Latin letters and number symbols to ASCII, one character for one.

    >>> to_halfwidth("１９９８年增长１４．９％，ＧＤＰ")
    '1998年增长14.9%，GDP'
    """
    return text.translate(_HALFWIDTH)


@lru_cache(maxsize=2)
def _jieba_units(lexicon: bool) -> re.Pattern[str]:
    """What is cut out before jieba sees the text: lexicon terms that jieba's block splitter or its
    digits would cut (二〇三五年, 中国—东盟, 15分钟生活圈), then numbers and dash runs."""
    import jieba

    odd = [t for t in lexicon_terms(soft=False) if re.search("[0-9]", t) or not jieba.re_han_default.fullmatch(t)]
    return re.compile(f"{trie_regex(odd)}|{_NUMBER}" if lexicon and odd else _NUMBER)


def _split_units(text: str, units: re.Pattern[str] | None) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_unit) where ``units`` matches its half-width form."""
    if units is None:
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    last = 0
    for m in units.finditer(to_halfwidth(text)):
        if m.start() > last:
            out.append((text[last:m.start()], False))
        out.append((text[m.start():m.end()], True))
        last = m.end()
    if last < len(text):
        out.append((text[last:], False))
    return out


_ABSENT = object()
_ALNUM = re.compile("[a-zA-Z0-9]")


class _Dag:
    """jieba's dictionary cut (``Tokenizer.get_DAG`` + ``calc``, then the walk of
    ``lcut(HMM=False)`` or of ``posseg.cut``) in one pass over each block, with each word's
    log-probability computed once instead of at every position. Same words and tags as jieba
    (tests compare them on the corpora), about twice as fast; unknown runs go to jieba's HMM."""

    def __init__(self, tok, tags: dict[str, str], guess: Callable) -> None:  # type: ignore[no-untyped-def, type-arg]
        import math

        logtotal = math.log(tok.total)
        # every dictionary prefix -> log P(word), or None for a prefix that is no word. Words of the
        # same frequency share one float and tags are interned: a lookup then writes (reference
        # counts) to a few objects only, so forked workers keep sharing the table's memory.
        by_freq: dict[int, float] = {}
        self.logp = {w: by_freq.setdefault(f, math.log(f) - logtotal) if f else None for w, f in tok.FREQ.items()}
        self.unknown = math.log(1) - logtotal  # a character outside the dictionary, as jieba scores it
        for word, tag in tags.items():
            tags[word] = sys.intern(tag)
        self.tags = tags
        self.guess = guess  # run of unknown characters -> jieba's HMM words with tags

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

    def words(self, text: str) -> list[str]:
        """``Tokenizer.lcut(text, HMM=False)``."""
        import jieba

        out: list[str] = []
        eng = jieba.re_eng.match
        # re.split with one group alternates: text between blocks, a block, text between, ...
        for odd, blk in enumerate(jieba.re_han_default.split(text)):
            if not odd % 2:
                out += [x for i, piece in enumerate(jieba.re_skip_default.split(blk)) for x in ([piece] if i % 2 else piece)]
                continue
            path = self.path(blk)
            if not _ALNUM.search(blk):  # no letters or digits to join: the path is the answer
                out += path
                continue
            buf = ""
            for word in path:
                if len(word) == 1 and eng(word):
                    buf += word
                    continue
                if buf:
                    out.append(buf)
                    buf = ""
                out.append(word)
            if buf:
                out.append(buf)
        return out

    def tagged(self, text: str, hmm: bool | Callable[[str], bool] = False) -> list[tuple[str, str]]:
        """``[(w.word, w.flag) for w in posseg.cut(text, HMM=hmm)]``. ``hmm`` may also be a test
        of a run of characters outside the dictionary: only the runs it passes go to the HMM,
        the others stay single characters (the HMM is what costs)."""
        from jieba import posseg

        out: list[tuple[str, str]] = []
        tags = self.tags
        eng1 = posseg.re_eng1.match
        for odd, blk in enumerate(posseg.re_han_internal.split(text)):
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


@lru_cache(maxsize=2)
def _dag(lexicon: bool) -> _Dag:
    pos = _posseg(lexicon)
    with _LOCK:
        pos.makesure_userdict_loaded()  # the lexicon's tags join the dictionary's
        # jieba's HMM tagger of one run is private (no public entry takes a run alone)
        return _Dag(_jieba(lexicon), pos.word_tag_tab, pos._POSTokenizer__cut_detail)


def tagged(text: str, lexicon: bool = True, hmm: bool = False) -> list[tuple[str, str]]:
    """Words with part-of-speech tags (PKU tag set) from the jieba engine.

    Lines are tagged one by one and remembered, so the stages that tag the same paragraph
    (key phrases, quotations) pay once. ``hmm=True`` guesses words missing from the dictionary
    (unknown names) with jieba's HMM, about five times slower.

    >>> policytext.segment.tagged("发展新质生产力")
    [('发展', 'v'), ('新质生产力', 'nz')]
    """
    out: list[tuple[str, str]] = []
    for i, line in enumerate(_check(text).split("\n")):
        if i:
            out.append(("\n", "x"))
        if line:
            out.extend(_tagged_line(line, lexicon, hmm))
    return out


def _runs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) for the pieces of ``text`` that jieba tags independently of each other:
    runs of Han characters, letters and digits, and the characters between them. ``tagged(text)``
    is the concatenation of ``tagged(piece)``, so a caller may tag only the pieces it needs."""
    import jieba.posseg

    pos = 0
    for piece in jieba.posseg.re_han_internal.split(text):
        if piece:
            yield pos, piece
            pos += len(piece)


@lru_cache(maxsize=4096)  # enough for the longest article (a work report has a few hundred lines)
def _tagged_line(line: str, lexicon: bool, hmm: bool) -> tuple[tuple[str, str], ...]:
    return tuple(_dag(lexicon).tagged(line, hmm))


@lru_cache(maxsize=2)
def _posseg(lexicon: bool):  # type: ignore[no-untyped-def]
    import jieba.posseg

    return jieba.posseg.POSTokenizer(_jieba(lexicon))


# ---------------------------------------------------------------- pkuseg

@lru_cache(maxsize=1)
def _pkuseg_model():  # type: ignore[no-untyped-def]
    folder = Path(str(_DATA.joinpath("pkuseg")))
    if not folder.is_dir() or not any(folder.iterdir()):
        raise ModelError(
            f"{folder}: the pkuseg model is missing; reinstall policytext or rebuild it with scripts/train_pkuseg.py"
        )
    import spacy_pkuseg

    try:
        return spacy_pkuseg.pkuseg(model_name=str(folder), user_dict=None)
    except Exception as exc:  # numpy / msgpack errors of a damaged model
        raise ModelError(f"{folder}: the pkuseg model is corrupt ({exc}); reinstall policytext") from exc


@lru_cache(maxsize=2)
def _pkuseg_splitter(lexicon: bool) -> re.Pattern[str] | None:
    return compile_terms(lexicon_terms(soft=False)) if lexicon else None


def compile_terms(terms: Iterable[str]) -> re.Pattern[str] | None:
    """A compiled :func:`trie_regex` of ``terms``, or None when there are none."""
    terms = list(terms)
    return re.compile(trie_regex(terms)) if terms else None


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, the longest where several match at one place. It is
    written as a trie (的|的确 -> 的(?:确)?), which the regex engine scans far faster than the
    flat list.

    >>> trie_regex(["城市", "城市更新"])
    '城市(?:更新)?'
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


def _pkuseg_cut(text: str, lexicon: bool) -> list[str]:
    model = _pkuseg_model()
    splitter = _pkuseg_splitter(lexicon)
    out: list[str] = []
    for piece in _WS.split(text):
        if not piece:
            continue
        if piece.isspace():
            out.append(piece)
            continue
        for chunk, is_term in _split_units(piece, splitter):
            if is_term:
                out.append(chunk)
                continue
            # the model was trained on half-width digits and letters: cut the mapped text, keep the original
            pos = 0
            for word in model.cut(to_halfwidth(chunk)):
                out.append(chunk[pos:pos + len(word)])
                pos += len(word)
    return out


# ---------------------------------------------------------------- public

def _check(text: str) -> str:
    if not isinstance(text, str):
        raise PolicytextError(f"segment expects str, got {type(text).__name__}")
    return text


def segment(text: str, engine: str = "jieba", lexicon: bool = True) -> list[str]:
    """Split ``text`` into words; ``"".join(words) == text`` always holds.

    ``engine`` is ``"jieba"`` (fast) or ``"pkuseg"`` (accurate); ``lexicon=False`` switches the
    political lexicon off.

    >>> policytext.segment("深化城市安全韧性提升行动", engine="pkuseg")
    ['深化', '城市', '安全', '韧性', '提升', '行动']
    """
    _check(text)
    if engine == "jieba":
        dag = _dag(lexicon)
        return [w for piece, unit in _split_units(text, _jieba_units(lexicon)) for w in ([piece] if unit else dag.words(piece))]
    if engine == "pkuseg":
        return _pkuseg_cut(text, lexicon)
    raise PolicytextError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
