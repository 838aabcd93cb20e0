"""Key phrases of an article, keyness between two groups of texts, and new-term discovery.

Candidates come from the shared tokens (:class:`~policytext.segmentation.Segmenter`) and never cut
one: runs of nouns, verbal nouns, adjectives and verbs are merged into every sub-sequence that
starts with a noun or an adjective and ends with a noun or a nominalised verb, so
产业/深度/转型/升级 yields 产业深度转型升级; places modify nouns (北方生态安全屏障), an
adverbial adjective may stand before a verbal noun (妇女全面发展), two parallel phrases joined
by 和 or 与 make one (科技创新和产业创新), as do two nouns sharing the head after them
(拉美和加勒比国家) and the party's possessive with its modifier (党的优秀特质, 新时代党的建设);
中 and a partner's one-character name make one modifier (中拉命运共同体, 中阿关系), and a leader's
name begins a phrase only before a doctrine (习近平党建思想);
lexicon terms are whole tokens, and so is every formulation the text puts in quotation or
book-title marks (“两个确立”, 《习近平著作选读》), which joins the words it is written with
(“一带一路”国际合作); a verb with its object or a second verb makes a candidate (利用外资,
封关运作) kept only where the verb is specific and used mostly so (共建“一带一路”, not
推进乡村全面振兴).
Each candidate is counted at token boundaries in two passes (time and memory linear in the length
of the text) and ranked by a logistic model over single-document features (:data:`FEATURES`:
frequency outside longer candidates, spread over paragraphs, first position, presence in title,
headings and the first paragraph, kind, cohesion of its words, length) and its inverse document
frequency in a background corpus of the domain (``data/keyphrases/background_df.tsv.gz``); the
weights (``data/keyphrases/ranker.json``, see ``SOURCES.md`` there) are fitted on development gold
by ``scripts/train_keyphrase_ranker.py``. Names of persons, offices, institutions (商务部 in a
press-conference report) and the speaker's own place (安徽 in Anhui's work report, but not
海南自由贸易港 in Hainan's) rank low; a title or form of address alone (负责人, 女士) is never
key; the notes or glossary of a report (注释, 名词解释) and its note markers (［15］) are no body
text.

>>> import policytext
>>> art = policytext.read("corpora/guangming-2025-01-27.txt")[1]
>>> [k.phrase for k in policytext.keyphrases(art, k=3)]
['新质生产力', '产业深度转型升级', '传统产业']
"""

from __future__ import annotations

import gzip
from array import array
import itertools
import json
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple, Union

from ..document import Article, Keyphrase, Keyphrases, Paragraph
from ..errors import InputError, ModelError, PolicytextError
from ..resources import word_lines, word_list
from ..segmentation import Segmenter, default_segmenter
from ..stage import Mark, Rows, Stage
from .stats import stop_set

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["keyphrases", "keyness", "new_terms", "candidates", "phrases", "token_pairs", "KeyphraseStage"]

TextLike = Union[Article, str]
_DIR = resources.files("policytext").joinpath("data", "keyphrases")
_HAN = re.compile(r"[\u3400-\u9fff]+")
_LATIN = re.compile(r"[A-Z][A-Za-z]{1,9}")
_CLAUSAL = re.compile("V.*[NT]")  # classes of a phrase whose verb takes an object

# Classes of a token: a lexicon term (T), a noun that may stand alone (N), a noun-like word that
# may not (M: verbal nouns, single-character nouns), a modifier (A), a verb (V), an adverbial
# adjective (D: 全面, only inside a phrase and before a verbal noun), a word that is a candidate
# only on its own (S: idioms, time words such as 春节), or a break ("").
_CONTENT = frozenset("TNMAVD")
_MODIFIERS = frozenset("TNMA")


# ---------------------------------------------------------------- shipped data

@dataclass(frozen=True)
class _Grammar:
    noun: frozenset[str]
    modifier: frozenset[str]
    verb: frozenset[str]
    alone: frozenset[str]
    single: frozenset[str]
    predicate: frozenset[str]
    no_term_edge: frozenset[str]
    place: frozenset[str]
    adverbial: frozenset[str]
    suffix: frozenset[str]
    connector: frozenset[str]
    possessor: frozenset[str]
    partner: frozenset[str]
    doctrine: frozenset[str]
    degree: frozenset[str]
    max_tokens: int
    max_chars: int
    stop_alone: frozenset[str]
    stop_edges: frozenset[str]


def _data_file(name: str):  # type: ignore[no-untyped-def]
    path = _DIR.joinpath(name)
    if not path.is_file():
        raise ModelError(f"{path}: key-phrase data file is missing; reinstall policytext")
    return path


def _word_list(name: str) -> frozenset[str]:
    return frozenset(word_lines(_data_file(name).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    try:
        p = json.loads(_data_file("patterns.json").read_text(encoding="utf-8"))
        sets = {key: frozenset(p[key]) for key in ("noun", "modifier", "verb", "alone", "single", "predicate", "no_term_edge",
                                                 "place", "adverbial", "suffix", "connector", "possessor", "partner", "doctrine", "degree")}
        return _Grammar(**sets, max_tokens=int(p["max_tokens"]), max_chars=int(p["max_chars"]),
                        stop_alone=_word_list("stop_alone.txt"), stop_edges=_word_list("stop_edges.txt"))
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{_DIR}/patterns.json is corrupt ({exc}); reinstall policytext") from exc


@lru_cache(maxsize=1)
def _leaders() -> frozenset[str]:
    return frozenset(word_list("lexicon", "leaders.txt"))


@lru_cache(maxsize=2)
def _lexicon_words(name: str) -> frozenset[str]:
    """The words of the lexicon file ``name`` (titles.txt: offices; institutions.txt)."""
    return frozenset(word_list("lexicon", name))


@lru_cache(maxsize=1)
def _background() -> tuple[int, dict[str, int]]:
    """(number of background documents, phrase -> document frequency)."""
    path = _data_file("background_df.tsv.gz")
    try:
        with gzip.open(str(path), "rt", encoding="utf-8") as fh:
            n_docs = int(fh.readline().split("\t")[1])
            df = {}
            for line in fh:
                phrase, _, count = line.rstrip("\n").partition("\t")
                df[phrase] = int(count)
    except (OSError, ValueError, IndexError) as exc:
        raise ModelError(f"{path} is corrupt ({exc}); rebuild it with scripts/build_background.py") from exc
    return n_docs, df


def _idf(phrase: str) -> float:
    """Inverse document frequency in the background, scaled to [0, 1]; 1.0 for unseen phrases."""
    n_docs, df = _background()
    return math.log((n_docs + 1) / (df.get(phrase, 0) + 1)) / math.log(n_docs + 1)


# ---------------------------------------------------------------- candidates

class _Classes:
    """The phrase classes of tokens under one segmenter's lexicon, cached on the segmenter."""

    def __init__(self, seg: Segmenter) -> None:
        self.seg = seg
        self.lexicon = seg.memo("keyphrases.lexicon", lambda: frozenset(seg.lexicon_terms()), 1)
        self.token = seg.memo("keyphrases.classes", self._token_classes, 16384)
        self.predicate_prefix = seg.memo("keyphrases.predicate", self._predicate_prefix, 8192)
        self.word_tag = seg.memo("keyphrases.word_tag", lambda w: seg.tagged(w)[0][1].lower(), 16384)
        self.person = seg.memo("keyphrases.person", self._person, 8192)

    def _predicate_prefix(self, word: str) -> int:
        """Length of the predicate that a lexicon token puts before another lexicon term
        (发展新质生产力 -> 2, 因地制宜发展新质生产力 -> 6), or 0 when the token is one term. The
        prefix is tagged with the lexicon, so one that holds a term (中央纪委|书记) is no predicate,
        and it holds a verb of two characters or more (全面|从严治党 and 超长期特别国债 are one term)."""
        g, lexicon = _grammar(), self.lexicon()
        for cut in range(len(word) - 2, 0, -1):
            if word[cut:] in lexicon:
                tagged = self.seg.tagged(word[:cut])
                if (all(tag in g.predicate for _, tag in tagged)
                        and any((tag in g.verb or tag == "vn") and len(w) > 1 for w, tag in tagged)):
                    return cut  # a verb of one character is a morpheme (超/长期 特别国债), no predicate
        return 0

    def _person(self, word: str) -> bool:
        """A person's name: a leader of the lexicon or a word the dictionary tags as a name.

        >>> c = _Classes(default_segmenter()); c.person("赵乐际"), c.person("郑和"), c.person("北京")
        (True, True, False)
        """
        return word in _leaders() or all(tag.startswith("nr") for _, tag in self.seg.tagged(word))

    def _token_classes(self, word: str, tag: str) -> tuple[tuple[str, str], ...]:
        return _token_classes(word, tag, self.lexicon(), self.predicate_prefix)


def _token_classes(word: str, tag: str, lexicon: frozenset[str], prefix: Callable[[str], int]) -> tuple[tuple[str, str], ...]:
    g = _grammar()
    tag = tag.lower()
    if word in lexicon:
        cut = prefix(word)
        return ((word[:cut], ""), (word[cut:], "T")) if cut else ((word, "T"),)
    if _LATIN.fullmatch(word):
        return ((word, "M"),)  # IP衍生品, AI: a Latin word inside a phrase, never one alone
    if not _HAN.fullmatch(word):
        return ((word, ""),)
    if tag in g.noun:
        return ((word, "N" if tag in g.alone and len(word) > 1 else "M"),)
    if tag in g.modifier or (tag in g.place and len(word) > 1 and word not in g.stop_edges) or word in g.suffix:
        return ((word, "A"),)  # 绿色, places that modify a noun (北方生态安全屏障, 海上丝绸之路), 常态/化 精准帮扶
    if tag in g.verb and len(word) > 1:
        return ((word, "V"),)
    if tag in g.adverbial and len(word) > 1:
        return ((word, "D"),)  # inside a phrase before a verbal noun only: 妇女全面发展
    if tag in g.single and len(word) > 1:
        return ((word, "S"),)
    return ((word, ""),)


_RUN = re.compile(f"[{''.join(sorted(_CONTENT))}]+|S")  # a run of content tokens, or a stand-alone word


class _Tokens(NamedTuple):
    words: list[str]
    classes: str  # one letter per word, "-" for a break
    offsets: array[int]  # character offset of each word, and the length of the text
    places: set[str]  # the words tagged as place names


_NOTES = frozenset({"注释", "注解", "名词解释", "附：名词解释"})  # the heading of a report's glossary or an article's notes


def _tokens(pairs: Iterable[tuple[str, str]], seg: Segmenter) -> _Tokens:
    """The classified words of a (word, tag) stream, read once: repeated words share one string.
    The stream ends at a line that heads the notes or glossary (注释, 名词解释): an apparatus
    that repeats the text's special terms, not its argument."""
    token, canon = _Classes(seg).token, {}  # type: ignore[var-annotated]
    words: list[str] = []
    classes: list[str] = []
    places: set[str] = set()
    line = 0  # index of the first word of the current line
    for word, tag in pairs:
        if word == "\n":
            if len(words) - line <= 3 and "".join(words[line:]).strip() in _NOTES:
                del words[line:], classes[line:]
                break
            line = len(words) + 1
        if tag == "ns":
            places.add(word)
        for w, c in token(word, tag):
            words.append(canon.setdefault(w, w))
            classes.append(c or "-")
    words, classes = _unquote(*_formulations(*_partners(*_unquote(words, classes, footnotes=True))))
    return _Tokens(words, "".join(classes), array("i", itertools.accumulate(map(len, words), initial=0)), places)


def _partners(words: list[str], classes: list[str]) -> tuple[list[str], list[str]]:
    """The words and classes with 中 and the one-character name of a partner country or region
    (``partner`` of patterns.json) joined into one modifier before a noun, as the diplomatic
    language writes a bilateral relation: 中拉命运共同体, 中阿合作论坛, 中马关系 (the segmenter
    leaves 中 as a locative and 拉 as a verb).

    >>> _partners(["中", "阿", "关系"], ["-", "M", "N"])
    (['中阿', '关系'], ['A', 'N'])
    """
    partner, n = _grammar().partner, len(words)
    at = {i for i in _positions(words, "中") if i + 2 < n and words[i + 1] in partner and classes[i + 2] in "TNM"}
    if not at:
        return words, classes
    keep = [i for i in range(n) if i - 1 not in at]
    return ([words[i] + words[i + 1] if i in at else words[i] for i in keep],
            ["A" if i in at else classes[i] for i in keep])


_QUOTES = {"“": "”", "《": "》", "「": "」"}  # opening mark: closing mark
_NOT_IN_QUOTE = re.compile(r"[，。；：！？,;:!?\s“”‘’\"']")
_DOCUMENT = re.compile("(决定|意见|规划|纲要|条例|规定|准则|细则|章程|公约|协定|条约|宣言|法|办法|报告|建议|通知|方案|计划|清单|选读|文选|文集|选编)"
                       "(（(草案|试行|修订草案)）)?$")  # a title that may be long


def _formulations(words: list[str], classes: list[str]) -> tuple[list[str], list[str]]:
    """The words and classes with every formulation that the text puts in quotation marks or
    book-title marks (“两个确立”, 《习近平著作选读》) joined into one term token, wherever it
    occurs, unless it is quoted in under a fifth of its uses (:data:`QUOTED_SHARE`; the lists are
    changed in place). A quotation that holds a clause (a comma or a full stop), a slogan that puts
    a verb or an adverb before a term, or one verb or adjective (“讲究”) is no formulation; one
    over 12 characters must be the title of a document (《…的决定》).

    >>> _formulations(["“", "两", "个", "确立", "”", "两", "个", "确立"], ["-", "-", "-", "V", "-", "-", "-", "V"])
    (['“', '两个确立', '”', '两个确立'], ['-', 'T', '-', 'T'])
    """
    quoted: Counter[tuple[str, ...]] = Counter()
    for i, word in enumerate(words):
        close = _QUOTES.get(word)
        if not close:
            continue
        for k in range(i + 1, min(len(words), i + 16)):
            if words[k] == close:
                inner = tuple(words[i + 1:k])
                text = "".join(inner)
                document = word == "《" and _DOCUMENT.search(text) is not None  # 《整治形式主义为基层减负若干规定》
                slogan = classes[i + 1] in "-V" and "T" in classes[i + 1:k] and not document  # “大力实施城市更新”
                slogan |= k == i + 2 and classes[i + 1] in "-VAD"  # one verb or adjective: “讲究”, not a name
                longest = 40 if document else 12
                if 2 <= len(text) <= longest and _HAN.search(text) and not _NOT_IN_QUOTE.search(text) and not slogan:
                    quoted[inner] += 1
                break
    if not quoted:
        return words, classes
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for form in sorted(quoted, key=len, reverse=True):
        by_first[form[0]].append(form)
    found: list[tuple[int, tuple[str, ...]]] = []  # (position, form) of every occurrence
    i = 0
    while i < len(words):
        for form in by_first.get(words[i], ()):
            if tuple(words[i:i + len(form)]) == form:
                found.append((i, form))
                i += len(form)
                break
        else:
            i += 1
    total = Counter(form for _, form in found)
    w = i = 0  # joined in place: words[:w] are done, words[i:] are still to read
    for at, form in found:
        if quoted[form] * QUOTED_SHARE < total[form]:
            continue  # quoted once in a long text that uses the words freely (“高水平”)
        words[w:w + at - i], classes[w:w + at - i] = words[i:at], classes[i:at]
        w += at - i
        words[w], classes[w] = "".join(form), "T"
        w, i = w + 1, at + len(form)
    end = w + len(words) - i
    words[w:end], classes[w:end] = words[i:], classes[i:]
    del words[end:], classes[end:]
    return words, classes


def _unquote(words: list[str], classes: list[str], footnotes: bool = False) -> tuple[list[str], list[str]]:
    """The words and classes with a quoted formulation that is written together with the words
    around it made one token with its quotation marks, so that it joins them as written
    (“一带一路”国际合作, “两新”政策; a 《》 title stays apart; :func:`_phrase` gives the
    formulation alone without its marks); or, with ``footnotes``, without the note markers of a
    report (“两新”［15］政策).

    >>> _unquote(["“", "两新", "”", "政策"], ["-", "T", "-", "N"])
    (['“两新”', '政策'], ['T', 'N'])
    >>> _unquote(["两新", "［", "15", "］", "政策"], ["T", "-", "-", "-", "N"], footnotes=True)
    (['两新', '政策'], ['T', 'N'])
    """
    n = len(words)
    drop: set[int] = set()
    for opening in ("［", "[") if footnotes else ("“",):
        for i in _positions(words, opening):
            if i + 2 >= n:
                continue
            if footnotes:
                if words[i + 1].isdigit() and words[i + 2] in "］]":
                    drop |= {i, i + 1, i + 2}
            elif (classes[i + 1] == "T" and words[i + 2] == "”"
                    and ((i > 0 and classes[i - 1] in _CONTENT) or (i + 3 < n and classes[i + 3] in _CONTENT))):
                words[i + 1] = f"“{words[i + 1]}”"
                drop |= {i, i + 2}
    if not drop:
        return words, classes
    keep = [i for i in range(n) if i not in drop]
    return [words[i] for i in keep], [classes[i] for i in keep]


def _positions(words: list[str], word: str) -> Iterator[int]:
    """The indices of ``word`` in ``words`` (searched at C speed: a mark is rare among tokens)."""
    i = -1
    while True:
        try:
            i = words.index(word, i + 1)
        except ValueError:
            return
        yield i


def _phrase(words: list[str], i: int, j: int) -> str:
    """The phrase ``words[i:j]`` as written; a quoted formulation alone without its marks."""
    return words[i].strip("“”") if j == i + 1 else "".join(words[i:j])


QUOTED_SHARE = 5  # a quoted formulation is one term where at least 1 in 5 of its uses is quoted


def _spans(words: list[str], classes: str, offsets: Sequence[int]) -> Iterator[tuple[int, int, int, int]]:
    """(i, j, start, end) for every candidate phrase ``words[i:j]`` of the run ``words[start:end]``:
    in each run of content words, the spans that start with a noun, term or modifier of two
    characters or more (大进展 is a fragment of 更大进展) and end with a noun, term or verb; a single
    word is a term or a free-standing noun (or a stand-alone word such as an idiom). Two runs
    joined by a connector make one run for a coordination of parallel phrases that share their
    first or last word (科技创新和产业创新) or of two nouns that share the head after them
    (拉美和加勒比国家), and for the possessive of the party with its
    modifier (党的优秀特质, 新时代党的建设)."""
    g = _grammar()
    runs = [m.span() for m in _RUN.finditer(classes)]
    for r, (start, end) in enumerate(runs):
        if classes[start] == "S":
            if words[start] not in g.stop_alone:  # 今天 is a time word, 春节 may be the subject
                yield start, end, start, end
            continue
        yield from _run_spans(words, classes, offsets, start, end)
        if r + 1 == len(runs) or runs[r + 1][0] != end + 1 or classes[end + 1] == "S":
            continue
        after = runs[r + 1][1]
        if words[end] in g.connector:
            for i in range(max(start, end - 3), end):
                j = end + 1 + end - i  # parallel: as many words on each side
                left, right = words[i:end], words[end + 1:j]
                if (j <= after and left != right and (left[0] == right[0] or left[-1] == right[-1])
                        and _edge(words, classes, i, j, offsets)):
                    yield i, j, start, after
                elif (i == end - 1 and j < after and classes[i] in "NT" and classes[end + 1] in "NT"
                        and classes[j] in "NM" and _edge(words, classes, i, j + 1, offsets)):
                    yield i, j + 1, start, after  # two nouns sharing the head after them: 拉美和加勒比国家
        elif words[end] == "的" and words[end - 1] in g.possessor:
            for i in range(max(start, end - 2), end):  # 党的建设, 新时代党的建设
                for j in range(end + 2, min(after, i + g.max_tokens) + 1):
                    if classes[j - 1] in "TNM" and (i == end - 1 or classes[i] in "TNA") and _edge(words, classes, i, j, offsets):
                        yield i, j, start if i < end - 1 else end - 1, after


def _edge(words: list[str], classes: str, i: int, j: int, offsets: Sequence[int]) -> bool:
    """``words[i:j]`` may begin and end a phrase: no verb or light word at its start, no light
    word or modifier at its end, and not over the length limit."""
    g = _grammar()
    return (classes[i] not in "VD" and words[i] not in g.stop_edges and words[j - 1] not in g.stop_edges
            and classes[j - 1] not in "AD" and offsets[j] - offsets[i] <= g.max_chars)


def _run_spans(words: list[str], classes: str, offsets: Sequence[int], start: int, end: int) -> Iterator[tuple[int, int, int, int]]:
    """The candidate spans inside one run of content words ``words[start:end]`` (see :func:`_spans`)."""
    g = _grammar()
    edges, alone = g.stop_edges, g.stop_alone
    for i in range(start, end):
        first, cls = words[i], classes[i]
        if cls == "V" and len(first) > 1 and first not in edges and i + 1 < end:
            second = words[i + 1]
            if classes[i + 1] in "TNMV" and len(second) > 1 and second not in edges and second not in alone:
                yield i, i + 2, start, end  # a verb and its object: 利用外资, 封关运作 (see _kind)
            continue
        if cls in "VD" or first in edges:
            if cls == "T" and first in _leaders():
                for j in range(i + 2, min(end, i + 4) + 1):
                    if words[j - 1] in g.doctrine:
                        yield i, j, start, end  # a leader's doctrine: 习近平党建思想 (a name alone begins no phrase)
            continue
        lowest = i + 1
        if len(first) == 1:
            # a one-character adjective begins a phrase of three words or more after a verb or a break
            # (推动/新/能源/产业), not after 更 (更/大/进展) nor one of two words (高/水平, 新/台阶)
            if cls != "A" or i + 3 > end or (classes[i - 1] != "V" if i > start else i > 0 and words[i - 1] in g.degree):
                continue
            lowest = i + 3
        if cls == "M" and i + 1 < end and classes[i + 1] == "T":
            continue  # a verbal noun governing a term: 发展/新质生产力
        for j in range(lowest, min(end, i + g.max_tokens) + 1):
            if j > i + 1 and offsets[j] - offsets[i] > g.max_chars:
                break  # a long merged phrase (one long term, such as the title of a document, is whole)
            word, last = words[j - 1], classes[j - 1]
            if j > i + 1 and classes[j - 2] == "D" and last != "M":
                break  # an adverbial before a verb: a clause (城市全面推进改革)
            if word in edges and last == "V" and j > i + 1:
                break  # a light verb inside makes a clause: 马来西亚/进行/国事访问, 法治中国建设/取得/…
            if word in edges or last == "D":
                continue
            if j == i + 1:
                if last not in "TN" or word in alone:
                    continue
            elif last == "A" or (last == "V" and classes[j - 2] == "T"):
                continue
            if j > i + 2 and classes[j - 3:j - 1] == "AV":
                break  # an adjective before a verb with an object: a clause (扎实/推进/乡村全面振兴)
            if j > i + 2 and words[j - 2] == "新" and classes[j - 2] == "A":
                continue  # a phrase with a "new X" after it is the rhetoric of its sentence: 中拉命运共同体/新/篇章
            yield i, j, start, end


def _kind(classes: str, i: int, j: int) -> tuple[bool, bool, bool, bool]:
    """(verbal, clausal, term, led) of the candidate ``words[i:j]``: it ends in a verb (城市/治理); a
    verb inside takes an object or another verb (城市更新/提升/城市/韧性); it is one lexicon term;
    it is a verb with its object or a second verb (利用/外资, 封关/运作), which is no clause but a
    candidate only where the text uses the verb mostly so (:data:`LED_SHARE`).

    >>> _kind("NVNN", 0, 4), _kind("NV", 0, 2), _kind("T", 0, 1), _kind("VN", 0, 2)
    ((False, True, False, False), (True, False, False, False), (False, False, True, False), (False, False, False, True))
    """
    span = classes[i:j].rpartition("-")[2]  # the last conjunct of a coordination
    led = classes[i] == "V"
    clausal = not led and "V" in span and (span.count("V") > 1 or _CLAUSAL.search(span) is not None)
    return span[-1] == "V", clausal, classes[i:j] == "T", led


def phrases(pairs: Iterable[tuple[str, str]], segmenter: Segmenter | None = None) -> list[str]:
    """Every candidate phrase of a tagged token sequence (see :func:`_spans`), with repeats.

    >>> phrases([("城市", "n"), ("更新", "vn")])
    ['城市', '城市更新']
    """
    words, classes, offsets, _ = _tokens(pairs, segmenter or default_segmenter())
    return [_phrase(words, i, j) for i, j, _, _ in _spans(words, classes, offsets)]


def candidates(text: str, segmenter: Segmenter | None = None) -> list[str]:
    """Candidate phrases of ``text`` in order of occurrence (with repeats), before scoring.

    >>> candidates("推动产业深度转型升级")
    ['产业', '产业深度', '产业深度转型', '产业深度转型升级', '深度', '深度转型', '深度转型升级', '转型升级']
    """
    seg = segmenter or default_segmenter()
    return phrases(_pairs(seg, _check_text(text)), seg)


def _pairs(seg: Segmenter, text: str) -> Iterator[tuple[str, str]]:
    """(word, tag) of the tokens, line by line (a long text is never held as tokens at once)."""
    for i, line in enumerate(text.split("\n")):
        if i:
            yield "\n", "x"
        for t in seg.tokens(line):
            yield t.text, t.pos


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(f"expected an Article or a str, got {type(text).__name__}")
    return text


# ---------------------------------------------------------------- key phrases of one article

_UNSET = "\x00"  # no neighbour seen yet
_CLAUSE_ENDS = frozenset("，。；：！？,;:!?")  # the first clause of a paragraph is its topic: （一）加强和改善宏观调控，……


@dataclass(slots=True)
class _Stats:
    """What one repeated candidate does in the text (token-aligned occurrences only)."""

    size: int  # number of words
    first: int  # token index of the first occurrence
    verbal: bool
    clausal: bool
    term: bool
    led: bool
    count: int
    left: str | None = _UNSET  # the one word that always precedes it, None when it varies
    right: str | None = _UNSET
    independent: int = 0
    paragraphs: int = 0
    last_paragraph: int = -1
    first_paragraph: int = -1
    openings: int = 0  # occurrences in the first clause of a paragraph

    def see(self, left: str, right: str, paragraph: int, opening: bool = False) -> None:
        """Record one occurrence with its neighbours in paragraph ``paragraph`` (``opening``: in
        the paragraph's first clause)."""
        self.openings += opening
        self.left = left if self.left in (_UNSET, left) else None
        self.right = right if self.right in (_UNSET, right) else None
        if paragraph != self.last_paragraph:
            self.paragraphs += 1
            self.last_paragraph = paragraph
            if self.first_paragraph < 0:
                self.first_paragraph = paragraph

    def bound(self) -> bool:
        """Always preceded, or always followed, by the same word: part of a longer unit."""
        return self.count > 1 and any(side not in (None, "", _UNSET) for side in (self.left, self.right))


def _body(article: Article) -> list[Paragraph]:
    """The paragraphs of an article without its notes or glossary (section 注释, 名词解释)."""
    return [p for p in article.paragraphs if p.section not in _NOTES]


def _parts(article_or_text: TextLike) -> tuple[list[str], list[str], list[str]]:
    """(title lines, heading lines, body paragraphs) of an Article or a plain text."""
    if isinstance(article_or_text, Article):
        a = article_or_text
        titles = [t for t in (a.title, a.subtitle) if t]
        return titles, [h for h in a.sections if h not in _NOTES], [p.text for p in _body(a)]
    return [], [], _check_text(article_or_text).split("\n")


class _Text:
    """The candidates of one tokenised text, counted at token boundaries in one pass (time and
    memory linear in the length of the text): ``counts`` of every candidate, ``words`` counts of
    the tokens, and :class:`_Stats` of the repeated candidates and of those in ``outline`` (the
    title and section headings)."""

    def __init__(self, pairs: Iterable[tuple[str, str]], seg: Segmenter, outline: str = "") -> None:
        words, classes, offsets, self.places = _tokens(pairs, seg)
        self.tokens = words
        self.word_counts = Counter(words)
        # the candidate spans, found once and kept as four token indices each in one array (a few
        # bytes per character), with the number of their phrase among the distinct ones
        ids: dict[str, int] = {}
        spans, which = array("l"), array("l")
        for span in _spans(words, classes, offsets):
            spans.extend(span)
            which.append(ids.setdefault(_phrase(words, span[0], span[1]), len(ids)))
        phrases = list(ids)
        del ids
        tally = Counter(which)
        self.counts: Counter[str] = Counter({phrases[k]: n for k, n in tally.items()})
        self.stats: dict[str, _Stats] = {}
        edges = _grammar().stop_edges
        run: list[tuple[int, int, str]] = []
        run_span = (-1, -1)
        seen = paragraph = 0  # tokens read so far for the paragraph number, newlines among them
        clause = 0  # clauses ended so far in the current paragraph
        for n, k in enumerate(which):
            i, j, start, end = spans[4 * n:4 * n + 4]
            phrase = phrases[k]
            count = tally[k]
            if count < 2 and (j - i > 1 or classes[i] != "T") and phrase not in outline:
                continue  # a phrase used once is key only when it is a term or in the title or a heading
            while seen < i:
                if "\n" in words[seen]:
                    paragraph, clause = paragraph + 1, 0
                clause += words[seen] in _CLAUSE_ENDS
                seen += 1
            if (start, end) != run_span:
                self._independent(run)
                run, run_span = [], (start, end)
            s = self.stats.get(phrase)
            if s is None:
                s = self.stats[phrase] = _Stats(j - i, i, *_kind(classes, i, j), count)
            s.see(words[i - 1] if i > start and classes[i - 1] in _MODIFIERS and words[i - 1] not in edges
                  and not (classes[i - 1] == "M" and len(words[i - 1]) > 1 and (j - i > 1 or classes[i] == "T"))
                  else "",  # a verbal noun before a phrase or term is its predicate, not its modifier: 发展新质生产力
                  words[j] if j < end and words[j] not in edges else "", paragraph, clause == 0)
            run.append((i, j, phrase))
        self._independent(run)

    def words(self, s: _Stats) -> list[str]:
        """The words of a candidate (those of its first occurrence)."""
        return self.tokens[s.first:s.first + s.size]

    def _independent(self, run: list[tuple[int, int, str]]) -> None:
        """Count the occurrences in one run of content words that no longer repeated candidate
        covers. A clause (城市更新提升城市韧性) covers a phrase only when the phrase never occurs
        outside it."""
        if len(run) == 1:
            self.stats[run[0][2]].independent += 1
            return
        stats, counts = self.stats, self.counts
        covers = [(i, j, stats[sup].clausal and counts[sup]) for i, j, sup in run if not stats[sup].led]
        for a, b, sub in run:
            n = counts[sub]
            if not any(i <= a and b <= j and (i, j) != (a, b) and (not c or c == n) for i, j, c in covers):
                stats[sub].independent += 1


def _own_place(text: _Text) -> str | None:
    """The place whose government speaks (a provincial or city work report: 全省, 我市 …): the
    place name used most often, without its 省/市/区 suffix; None when the text speaks for no place."""
    own = sum(text.word_counts[p + u] for p in "全我本" for u in "省市区县州")
    if own < 3 or not text.places:
        return None
    best = max(text.places, key=lambda p: (text.word_counts[p], p))
    return re.sub("(省|市|自治区|区|县)$", "", best) or None


FEATURES = ("bias", "tf", "spread", "early", "title", "heading", "lead", "once", "lone_word", "term", "lexicon",
            "office", "institution", "person", "person_inside", "own_place", "verbal", "clausal", "led", "log_idf",
            "term_log_idf", "generic_word", "cohesion", "words", "chars", "unseen", "place", "quoted", "head_idf",
            "first_idf", "opening", "title_place")
"""The features of a candidate (:func:`_features`), in the order of the weights in ``data/keyphrases/ranker.json``."""


class _Context(NamedTuple):
    """What the features of one text's candidates are measured against."""

    text: _Text
    n_par: int  # number of body paragraphs
    titles: str
    headings: str
    own: str | None  # the speaker's own place
    classes: _Classes
    lexicon: frozenset[str]
    offices: frozenset[str]
    institutions: frozenset[str]
    edges: frozenset[str]
    idf: dict[str, float]  # of the words seen so far


def _features(phrase: str, s: _Stats, c: _Context) -> list[float]:
    """The candidate's features, in the order of :data:`FEATURES`: log log-frequency outside longer
    candidates (those inside them count half), spread over paragraphs, an early first occurrence,
    presence in the title, headings and the first paragraph (a news story's lead), its kind (lexicon
    term, quoted formulation, office, institution, person, the speaker's own place, verb-led,
    clause), its background idf and that of its most generic word, the cohesion of its words and
    its length, the idf of its head and first word, its uses in the first clause of a paragraph (a
    paragraph's topic) and whether it is the place a headline names. The ranker (:func:`_ranker`)
    weighs them.
    """
    edges, text, titles, classes, known = c.edges, c.text, c.titles, c.classes, c.idf
    words = text.words(s)
    in_title, in_lexicon = phrase in titles, phrase in c.lexicon
    once = s.count == 1 and not in_title and phrase not in c.headings
    term = s.term and (s.count > 1 or in_lexicon)
    # cohesion: the share of the rarest word's occurrences that this phrase accounts for
    parts = [text.word_counts[w] for w in words if len(w) > 1 and w not in edges]
    cohesion = min(1.0, s.count / min(parts)) if s.size > 1 and parts else 1.0
    idf = _idf(phrase)
    if s.size > 1:
        word_idf = [known[w] if w in known else known.setdefault(w, _idf(w)) for w in words]
    else:
        word_idf = [idf]
    unseen = idf == 1.0 and s.size > 1 and not s.term
    if unseen:  # unseen in the background: as specific as its most specific word, and more
        idf = min(1.0, max(word_idf) + UNSEEN_BONUS)
    generic = s.size > 1 and min((x for w, x in zip(words, word_idf) if len(w) > 1), default=1.0) < _GENERIC_IDF
    person = s.size == 1 and classes.person(phrase)
    return [1.0,
            math.log(math.log1p(s.independent + 0.5 * (s.count - s.independent))),
            math.log1p(s.paragraphs / max(1, c.n_par)),
            math.log1p(0.5 * (1.0 - s.first / max(1, len(text.tokens)))),
            float(in_title),
            float(phrase in c.headings),
            float(s.first_paragraph == 0),
            float(once),
            float(s.size == 1 and not s.term),
            float(term),
            float(in_lexicon),
            float(words[-1] in c.offices),  # an office: 常务副市长, 厦门市委常委
            float(phrase in c.institutions and not in_title),  # 商务部, 国务院新闻办公室
            float(person) * (0.5 if in_title and s.count >= 3 else 1.0),  # a text about a person names them in the title
            float(s.size > 1 and any(classes.person(w) for w in words[1:])),  # a clause around a name: 总书记习近平主持会议
            float(bool(c.own and phrase.startswith(c.own) and _idf(phrase[len(c.own):].lstrip("省市区县")) < _GENERIC_IDF)),
            float(s.verbal),
            float(s.clausal),
            float(s.led),
            math.log(max(idf, 0.05)),
            math.log(max(idf, 0.05)) * term,
            float(generic),  # a generic word inside: 部长级会议, 经济社会高质量发展
            math.log(0.5 + 0.5 * cohesion),
            min(s.size, 5) / 5,
            min(len(phrase), 12) / 12,
            float(unseen),
            float(phrase in text.places),
            float(s.term and not in_lexicon),  # a formulation the text quotes
            word_idf[-1],  # the head: 建设, 会议
            word_idf[0],
            math.log1p(s.openings),  # a paragraph's topic clause: 实施稳健的货币政策。
            float(in_title and phrase in text.places),  # the place a headline names is the one the text is about
            ]


@lru_cache(maxsize=1)
def _ranker() -> tuple[float, ...]:
    """The weights of the candidate ranker (a logistic regression over :data:`FEATURES`, trained on
    the development gold by ``scripts/train_keyphrase_ranker.py``)."""
    path = _data_file("ranker.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = dict(zip(data["features"], data["weights"]))
        return tuple(float(weights[f]) for f in FEATURES)
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{path} is corrupt or stale ({exc}); rebuild it with scripts/train_keyphrase_ranker.py") from exc


def _probability(z: float) -> float:
    """The ranker's probability that a candidate of logit ``z`` is a key phrase."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


LED_SHARE = 0.3  # a verb-led phrase is a candidate where it has at least this share of the verb's uses
LED_VERB_IDF = 0.5  # and its verb is this specific (共建 0.56, 封关 0.72; not 推进 0.29, 构建 0.46)
UNSEEN_BONUS = 0.3  # an unseen phrase's idf: that of its most specific word plus this
WORD_ALONE = 0.5  # a lone word (no term) is a candidate where at least half its uses are on its own
_GENERIC_IDF = 0.45  # words below this background idf are generic (发展 0.20, 建设 0.24, 中心 0.37)


def _redundant(phrase: str, chosen: list[str], text: _Text, titles: str) -> bool:
    """A phrase duplicates the chosen ones when two of them cover it (传统产业 + 产业深度转型升级
    -> 传统产业深度转型升级); when it is part of a chosen phrase and seldom occurs outside it;
    or when it only adds generic words to a chosen phrase (数字贸易 -> 数字贸易发展) and is not
    the usual form of it, a lexicon term or in the title."""
    s = text.stats[phrase]
    for c in chosen:
        if c in phrase:
            at = phrase.find(c)
            for o in chosen:
                if o != c and o in phrase:
                    lo = phrase.find(o)
                    if min(at, lo) == 0 and max(at + len(c), lo + len(o)) == len(phrase):
                        return True
            if not s.term and phrase not in titles and s.count < 0.5 * text.counts[c]:
                pos, added = 0, []
                for w in text.words(s):
                    if not at <= pos < at + len(c):
                        added.append(w)
                    pos += len(w)
                if _idf("".join(added)) < _GENERIC_IDF:
                    return True  # 数字贸易 + 发展; not 一带一路 + 国际合作
        elif phrase in c:
            outside = s.count - text.counts[c] * c.count(phrase)
            if outside < max(2, 0.25 * s.count):
                return True
    return False


def keyphrases(article_or_text: TextLike, k: int = 20, segmenter: Segmenter | None = None,
               tokens: Sequence[tuple[str, str]] | None = None) -> list[Keyphrase]:
    """The ``k`` best key phrases of an article (or a plain text), best first.

    A phrase is a run of whole tokens; ``count`` is the number of its occurrences at token
    boundaries (the count :func:`keyness` uses), ``score`` is relative (the best phrase has 1.0).
    ``tokens``: the (word, tag) pairs of the body text (paragraphs joined by newlines) when they
    are known already. Time and memory grow linearly with the length of the text.

    >>> art = policytext.read("corpora/guangming-2025-01-27.txt")[0]
    >>> policytext.keyphrases(art, k=2)[0]
    Keyphrase(phrase='智慧城市', score=1.0, count=19)
    """
    if not isinstance(k, int) or k < 1:
        raise PolicytextError(f"k must be a positive int, got {k!r}")
    text, titles, found = _candidates(article_or_text, segmenter or default_segmenter(), tokens)
    return _top(text, titles, found, _ranker(), k)


def _candidates(article_or_text: TextLike, seg: Segmenter, tokens: Sequence[tuple[str, str]] | None
                ) -> tuple[_Text, str, Iterator[tuple[str, list[float]]]]:
    """(counted text, title lines, (candidate, its features) one at a time) of an article or a
    plain text: the features of a long text's many candidates are never held all at once."""
    title_lines, headings, paragraphs = _parts(article_or_text)
    titles, heads = "\n".join(title_lines), "\n".join(headings)
    outline = f"{titles}\n{heads}"  # a phrase of the title or of a section heading is key even when the body uses it once
    text = _Text(_pairs(seg, "\n".join(paragraphs)) if tokens is None else tokens, seg, outline)
    classes = _Classes(seg)
    context = _Context(text, len(paragraphs), titles, heads, _own_place(text), classes, classes.lexicon(),
                       _lexicon_words("titles.txt"), _lexicon_words("institutions.txt"), _grammar().stop_edges, {})

    def found() -> Iterator[tuple[str, list[float]]]:
        for p, s in text.stats.items():
            alone = WORD_ALONE if s.size == 1 and not s.term else 0.25
            if s.independent < max(1.0 if s.term or (s.count == 1 and p in outline) or (s.size > 1 and s.count >= 3) else 2.0, alone * s.count) or s.bound():
                continue  # a fragment of a longer unit (a phrase used three times or more needs one use of its own)
            if s.size == 1 and p in context.offices:
                continue  # a title or form of address alone: 负责人, 女士, 主席
            if s.led and (s.count < 2 or s.count < LED_SHARE * text.word_counts[text.words(s)[0]]
                          or _idf(text.words(s)[0]) < LED_VERB_IDF):
                continue  # a verb with one of its many objects, or a common verb (推进乡村全面振兴), not a compound
            yield p, _features(p, s, context)
    return text, titles, found()


def _top(text: _Text, titles: str, found: Iterable[tuple[str, list[float]]], weights: Sequence[float], k: int) -> list[Keyphrase]:
    """The ``k`` best non-redundant candidates under the ranker's ``weights``."""
    scored = sorted(((sum(map(operator.mul, weights, x)), -text.stats[p].first, p) for p, x in found), reverse=True)
    chosen = _select([p for _, _, p in scored], text, titles, max(k, 20))[:k]
    logit = {p: z for z, _, p in scored}
    score_of = {p: _probability(logit[p]) for p in chosen}
    best = max(score_of.values(), default=1.0)
    return [Keyphrase(p, score_of[p] / best, text.counts[p]) for p in chosen]


def _select(ranked: list[str], text: _Text, titles: str, k: int) -> list[str]:
    """The first ``k`` non-redundant phrases; a one-word phrase (not a lexicon term) inside two
    or more chosen phrases is their common component, not a key phrase (城市 beside 城市更新
    and 智慧城市), and is left out, unless it is the place the text is about (厦门) or a specific
    word (券商 beside 券商板块 and 券商市值管理: a lone word is a candidate only where the text
    uses it on its own in half its uses, :data:`WORD_ALONE`)."""
    banned: set[str] = set()
    while True:
        chosen: list[str] = []
        for p in ranked:
            if p not in banned and not _redundant(p, chosen, text, titles):
                chosen.append(p)
                if len(chosen) == k:
                    break
        hubs = {p for p in chosen if text.stats[p].size == 1 and not text.stats[p].term
                and p not in text.places and _idf(p) < SPECIFIC_IDF and sum(p in q for q in chosen if q != p) >= 2}
        if not hubs:
            return chosen
        banned |= hubs


SPECIFIC_IDF = 0.6  # single words above this background idf are specific (券商 0.82; 城市 0.39, 妇女 0.52)


# ---------------------------------------------------------------- across a corpus

def _texts(texts: Iterable[TextLike] | TextLike, what: str) -> list[str]:
    if isinstance(texts, (str, Article)):
        texts = [texts]
    out = [t.text if isinstance(t, Article) else _check_text(t) for t in texts]
    if not out:
        raise InputError(f"{what}: no texts given; pass a list of Articles or strings")
    return out


def _phrase_counts(texts: Sequence[str], seg: Segmenter) -> Counter[str]:
    """Occurrences of every candidate phrase over the texts."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(phrases(_pairs(seg, text), seg))
    return counts


def _drop_fragments(counts: Counter[str]) -> None:
    """Remove the phrases that never occur outside one longer phrase (深度转型 in 产业深度转型升级)."""
    fragments = set()
    for sup, n in counts.items():
        for i in range(len(sup)):
            for j in range(i + 2, len(sup) + 1 - (i == 0)):
                if counts.get(sup[i:j]) == n:
                    fragments.add(sup[i:j])
    for f in fragments:
        del counts[f]


_MEASURES = ("ll", "chi2")


def keyness(target: Iterable[TextLike] | TextLike, reference: Iterable[TextLike] | TextLike,
            measure: str = "ll", k: int = 50, segmenter: Segmenter | None = None,
            stopwords: bool | Iterable[str] | None = None) -> pd.DataFrame:
    """The ``k`` phrases most over-represented in ``target`` against ``reference``, like
    quanteda's ``textstat_keyness``: a 2x2 test per phrase on phrase counts, signed (positive
    = more frequent in target than expected). The phrases are the key-phrase candidates of
    the texts (words and merged noun phrases) counted as :func:`keyphrases` counts them (whole
    tokens), less those that never occur outside one longer phrase; a phrase that overlaps a
    better-ranked one and seldom occurs outside it is left out (no pieces of one phrase).
    ``stopwords`` drops words as in :func:`policytext.extract.stats.frequencies`; the totals of
    the 2x2 tables are in ``df.attrs`` (``target_total``, ``reference_total``).
    ``measure="ll"`` is the log-likelihood G² with
    Williams' correction, ``"chi2"`` Pearson's chi² with Yates' correction when an expected
    count is below 5 (quanteda's defaults).

    >>> arts = policytext.read("corpora/guangming-2025-01-27.txt")
    >>> policytext.keyness([arts[1]], [arts[0]]).phrase.head(3).tolist()
    ['产业', '传统产业', '新质生产力']
    """
    import numpy as np
    import pandas as pd
    from scipy.stats import chi2

    if measure not in _MEASURES:
        raise PolicytextError(f"unknown keyness measure {measure!r}; use one of {', '.join(_MEASURES)}")
    seg = segmenter or default_segmenter()
    t_counts = _phrase_counts(_texts(target, "keyness target"), seg)
    r_counts = _phrase_counts(_texts(reference, "keyness reference"), seg)
    both = t_counts + r_counts
    _drop_fragments(both)
    stop = stop_set(stopwords)
    phrases = sorted(p for p in both if p not in stop)
    a = np.array([t_counts[p] for p in phrases], dtype=float)
    b = np.array([r_counts[p] for p in phrases], dtype=float)
    c, d = a.sum() - a, b.sum() - b
    n = a + b + c + d
    expected = np.stack([(a + b) * (a + c), (a + b) * (b + d), (c + d) * (a + c), (c + d) * (b + d)]) / n
    observed = np.stack([a, b, c, d])
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "ll":
            terms = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
            q = 1 + (n / (a + b) + n / (c + d) - 1) * (n / (a + c) + n / (b + d) - 1) / (6 * n)
            q = np.where(a * b * c * d == 0, 1.0, q)
            stat = 2 * terms.sum(axis=0) / q
        else:
            small = (expected < 5).any(axis=0) & (np.abs(a * d - b * c) >= n / 2)
            delta = np.where(small, 0.5, 0.0)
            stat = ((np.abs(observed - expected) - delta) ** 2 / expected).sum(axis=0)
    sign = np.where(a / a.sum() >= b / max(b.sum(), 1), 1.0, -1.0)
    stat = np.nan_to_num(stat) * sign
    df = pd.DataFrame({
        "phrase": phrases,
        "statistic": stat,
        "measure": measure,
        "p_value": chi2.sf(np.abs(stat), 1),
        "target_count": a.astype(int),
        "reference_count": b.astype(int),
    })
    df = df.sort_values(["statistic", "phrase"], ascending=[False, True])
    chosen: list[str] = []
    for phrase in df.phrase:
        pieces = [c for c in chosen if _piece(phrase, c, both)]
        if not pieces:
            chosen.append(phrase)
        elif all(c in phrase for c in pieces):  # the unit whose pieces ranked first (深度转型升级 -> 产业深度转型升级)
            chosen = [phrase if c == pieces[0] else c for c in chosen if c == pieces[0] or c not in pieces]
        if len(chosen) == k:
            break
    df = df[df.phrase.isin(set(chosen))].reset_index(drop=True)
    df.attrs.update(target_total=int(a.sum()), reference_total=int(b.sum()))
    return df


def _piece(phrase: str, other: str, counts: Counter[str]) -> bool:
    """``phrase`` and ``other`` are pieces of one unit: one holds the other, and the shorter
    seldom occurs outside the longer (产业深度 beside 产业深度转型升级).

    >>> _piece("产业深度", "产业深度转型升级", Counter({"产业深度": 3, "产业深度转型升级": 3}))
    True
    """
    if phrase in other or other in phrase:
        sub, sup = sorted((phrase, other), key=len)
        outside = counts[sub] - counts[sup] * sup.count(sub)
        return outside < max(2, 0.25 * counts[sub])
    return False


def new_terms(texts: Iterable[TextLike] | TextLike, min_count: int = 5, k: int = 50,
              segmenter: Segmenter | None = None, background: Iterable[TextLike] | None = None) -> pd.DataFrame:
    """Terms that neither the dictionaries nor a background corpus know: sequences of 2-4 words
    that are no dictionary or lexicon word, occur nowhere in ``background`` (texts; by default the
    shipped background of 21,953 paragraphs, where a phrase of two or more paragraphs is known),
    and recur at least
    ``min_count`` times, whose words stick together (pointwise mutual information, the weakest
    split) and whose neighbours vary (left and right boundary entropy, in bits). A term neither
    begins nor ends with a function word, number or adverb, and a term under four characters
    holds a noun (so 提质增效 and 海外仓 qualify, 办好 does not).
    ``policytext.add_terms(result.term)`` adds them to the lexicon.

    >>> df = policytext.new_terms(texts, min_count=5)   # doctest: +SKIP
    >>> policytext.add_terms(df.term)                     # doctest: +SKIP
    """
    import pandas as pd

    if min_count < 2:
        raise PolicytextError(f"min_count must be at least 2, got {min_count}")
    edges = _function_words()
    bad_tags = _grammar().no_term_edge
    runs: list[list[str]] = []
    free: set[str] = set()  # words that may begin or end a term
    nominal: set[str] = set()  # words tagged as nouns somewhere
    noun_tags = _grammar().noun | _grammar().alone
    seg = segmenter or default_segmenter()
    classes = _Classes(seg)
    for text in _texts(texts, "new_terms"):
        run: list[str] = []
        for w in seg.segment(text):
            if _HAN.fullmatch(w):
                tag = classes.word_tag(w)
                run.append(w)
                if tag not in bad_tags and w not in edges:
                    free.add(w)
                if tag in noun_tags:
                    nominal.add(w)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
    grams: Counter[tuple[str, ...]] = Counter()
    for run in runs:
        for n in range(1, 5):
            grams.update(tuple(run[i:i + n]) for i in range(len(run) - n + 1))
    total = sum(c for g, c in grams.items() if len(g) == 1)
    lexicon, known = classes.lexicon(), seg.dag.logp
    keep = {g for g, c in grams.items() if len(g) > 1 and c >= min_count
            and g[0] in free and g[-1] in free and "".join(g) not in lexicon and known.get("".join(g)) is None
            and (len("".join(g)) >= 4 or any(w in nominal for w in g))}
    if background is None:
        seen = _background()[1]
        keep = {g for g in keep if "".join(g) not in seen}
    else:
        pool = "\n".join(_texts(background, "new_terms background"))
        keep = {g for g in keep if "".join(g) not in pool}
    left: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    right: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for run in runs:
        for n in range(2, 5):
            for i in range(len(run) - n + 1):
                g = tuple(run[i:i + n])
                if g in keep:
                    left[g][run[i - 1] if i else f"#{id(run)}:{i}"] += 1
                    right[g][run[i + n] if i + n < len(run) else f"#{id(run)}:{i}"] += 1
    rows = []
    for g in keep:
        count = grams[g]
        pmi = min(math.log2(count * total / (grams[g[:i]] * grams[g[i:]])) for i in range(1, len(g)))
        le, re_ = _entropy(left[g]), _entropy(right[g])
        rows.append(("".join(g), count, pmi, le, re_))
    df = pd.DataFrame(rows, columns=["term", "count", "pmi", "left_entropy", "right_entropy"])
    df = df[(df.pmi > 0) & (df.left_entropy > 0) & (df.right_entropy > 0)]
    df["score"] = df[["left_entropy", "right_entropy"]].min(axis=1) * df.pmi * (df["count"].map(math.log2))
    df = df.drop_duplicates("term")
    return df.sort_values(["score", "term"], ascending=[False, True]).head(k).reset_index(drop=True)


def _entropy(counter: Counter[str]) -> float:
    total = sum(counter.values())
    return -sum(c / total * math.log2(c / total) for c in counter.values())


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return _word_list("function_words.txt") | _grammar().stop_edges


def token_pairs(article: Article) -> list[tuple[str, str]]:
    """The (word, tag) pairs of the article's stored tokens, paragraphs joined by a newline token:
    what :func:`keyphrases` reads of an analysed article.

    >>> from policytext.document import Paragraph, Token
    >>> p = Paragraph(0, "发展")
    >>> p.set_tokens([Token("发展", "vn", 0, 2)])
    >>> token_pairs(Article(paragraphs=[p, p]))
    [('发展', 'vn'), ('\\n', 'x'), ('发展', 'vn')]
    """
    pairs: list[tuple[str, str]] = []
    for i, p in enumerate(_body(article)):
        if i:
            pairs.append(("\n", "x"))
        pairs += [(t.text, t.pos) for t in p.tagged()]
    return pairs


class KeyphraseStage(Stage):
    """The article's key phrases from its tokens (``article.keyphrases(k)``; the ``keyphrases``
    table keeps the pipeline's ``k``)."""

    name = "keyphrases"
    requires = ("tokens",)
    tables = {"keyphrases": ("article_id", "rank", "phrase", "score", "count")}

    def run(self, article: Article) -> None:
        k = max(self.settings.k, 20)  # the best k <= 20 are the first k of the best 20
        found = keyphrases(article, k, self.settings.segmenter, token_pairs(article))
        article.results[self.name] = Keyphrases(found, k)

    def rows(self, article: Article) -> Rows:
        return {"keyphrases": [{"article_id": article.id, "rank": r, "phrase": kp.phrase, "score": float(kp.score),
                                "count": int(kp.count)} for r, kp in enumerate(article.keyphrases(self.settings.k), 1)]}

    def report(self, article: Article) -> list[str]:
        kps = article.keyphrases(10)
        return ["  key phrases:  " + "、".join(k.phrase for k in kps)] if kps else []

    def marks(self, article: Article) -> list[Mark]:
        kps = article.keyphrases(10)
        if not kps:
            return []
        pattern = re.compile("|".join(re.escape(k.phrase) for k in sorted(kps, key=lambda k: -len(k.phrase))))
        score = {k.phrase: k.score for k in kps}
        return [Mark(p.index, m.start(), m.end(), "keyphrase", f"key phrase, score {score[m.group()]:.3f}")
                for p in article.paragraphs for m in pattern.finditer(p.text)]
