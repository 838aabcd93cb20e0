"""Corpus statistics over plain token lists (one list of words per document): the stop-word
list, word frequencies, the document-feature matrix, collocations as quanteda's
``textstat_collocations``, and the words around a keyword.

Every function takes ``stopwords``: ``None`` keeps every word, ``True`` drops the shipped list
(:func:`stopwords`, from stopwords-iso; see ``data/stopwords/SOURCES.md``), an iterable of words
drops those. Tokens without a letter, digit or Han character (punctuation, spaces) never count.

>>> docs = [["推进", "城市更新", "的", "城市更新", "行动"], ["城市更新", "行动", "和", "韧性城市"]]
>>> frequencies(docs, stopwords=True).term.tolist()
['城市更新', '行动', '推进', '韧性城市']
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Union

from ..errors import PolicytextError
from ..resources import word_list

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["stopwords", "stop_set", "frequencies", "dfm", "collocations", "context_frequencies", "COLLOCATION_METHODS"]

StopWords = Union[bool, Iterable[str], None]
_WORD = re.compile(r"\w")
COLLOCATION_METHODS = ("lambda", "pmi", "ll")


@lru_cache(maxsize=1)
def _shipped() -> frozenset[str]:
    return frozenset(word_list("stopwords", "zh.txt"))


def stopwords() -> frozenset[str]:
    """The shipped Chinese stop words (stopwords-iso, 794 words).

    >>> {"的", "和", "是"} <= stopwords(), "城市更新" in stopwords()
    (True, False)
    """
    return _shipped()


def stop_set(stop: StopWords) -> frozenset[str]:
    """The words a ``stopwords=`` option drops.

    >>> stop_set(None), sorted(stop_set(["发展"]))
    (frozenset(), ['发展'])
    """
    if stop is None or stop is False:
        return frozenset()
    if stop is True:
        return _shipped()
    if isinstance(stop, str):
        raise PolicytextError("stopwords= takes True, None or a list of words, not one string")
    return frozenset(stop)


def _kept(tokens: Iterable[str], stop: frozenset[str]) -> list[str]:
    return [w for w in tokens if w not in stop and _WORD.search(w)]


def dfm(token_lists: Iterable[Sequence[str]], stopwords: StopWords = None) -> tuple[Any, list[str]]:
    """Document-feature matrix: (scipy.sparse CSR of word counts, one row per document; the
    vocabulary, one word per column, in order of first use).

    >>> m, vocab = dfm([["城市更新", "的", "城市更新"], ["韧性城市"]], stopwords=True)
    >>> vocab, m.toarray().tolist()
    (['城市更新', '韧性城市'], [[2, 0], [0, 1]])
    """
    from scipy import sparse

    stop = stop_set(stopwords)
    vocab: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for tokens in token_lists:
        for word, n in Counter(_kept(tokens, stop)).items():
            indices.append(vocab.setdefault(word, len(vocab)))
            data.append(n)
        indptr.append(len(indices))
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, len(vocab)), dtype="int64")
    return matrix, list(vocab)


def frequencies(token_lists: Iterable[Sequence[str]], stopwords: StopWords = None,
                groups: Sequence[Hashable] | None = None, by: str = "group") -> pd.DataFrame:
    """Word frequencies like quanteda's ``textstat_frequency``: ``term``, ``frequency``, ``rank``
    (ties share the best rank), ``docfreq`` (documents that use it); per group when ``groups``
    gives one label per document (the label column is named ``by``).

    >>> frequencies([["两会", "两会"], ["两会", "提案"]], groups=[2024, 2025], by="year").values.tolist()
    [[2024, '两会', 2, 1, 1], [2025, '两会', 1, 1, 1], [2025, '提案', 1, 1, 1]]
    """
    import numpy as np
    import pandas as pd

    matrix, vocab = dfm(token_lists, stopwords)
    labels = pd.Series(list(groups) if groups is not None else [None] * matrix.shape[0])
    if len(labels) != matrix.shape[0]:
        raise PolicytextError(f"groups has {len(labels)} labels for {matrix.shape[0]} documents")
    frames = []
    for group, idx in labels.groupby(labels, dropna=False, sort=True).groups.items():
        sub = matrix[np.asarray(idx)]
        df = pd.DataFrame({"term": vocab, "frequency": np.asarray(sub.sum(axis=0)).ravel(),
                           "docfreq": np.asarray((sub > 0).sum(axis=0)).ravel()})
        df = df[df.frequency > 0].sort_values("frequency", ascending=False, kind="stable")
        df.insert(2, "rank", df.frequency.rank(method="min", ascending=False).astype(int))
        if groups is not None:
            df.insert(0, by, group)
        frames.append(df)
    columns = ([by] if groups is not None else []) + ["term", "frequency", "rank", "docfreq"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def _stretches(token_lists: Iterable[Sequence[str]], stop: frozenset[str]) -> Iterable[list[str]]:
    """Runs of words between punctuation and stop words (an n-gram never spans them)."""
    for tokens in token_lists:
        run: list[str] = []
        for w in tokens:
            if w in stop or not _WORD.search(w):
                if run:
                    yield run
                run = []
            else:
                run.append(w)
        if run:
            yield run


def collocations(token_lists: Iterable[Sequence[str]], method: str = "lambda", size: int = 2, min_count: int = 2,
                 stopwords: StopWords = None) -> pd.DataFrame:
    """Sequences of ``size`` adjacent words (2 or 3) that occur together more often than
    chance, as quanteda's ``textstat_collocations``: ``lambda`` is the highest-order
    interaction of the log-linear model of the 2^size table of matches (0.5 added to each
    cell) and ``z`` its Wald statistic; ``pmi`` the pointwise mutual information (natural log)
    against the words' own frequencies; ``ll`` the log-likelihood G² of the table against
    independence. Rows are sorted by ``method`` (descending); n-grams occurring fewer than
    ``min_count`` times, or across punctuation or a stop word, are left out.

    >>> docs = [["城市", "更新", "行动", "，", "城市", "更新"], ["城市", "更新", "和", "城市", "治理"]]
    >>> df = collocations(docs, stopwords=True)
    >>> df[["collocation", "count"]].values.tolist()
    [['城市 更新', 3]]
    """
    import numpy as np
    import pandas as pd

    if method not in COLLOCATION_METHODS:
        raise PolicytextError(f"unknown collocation method {method!r}; use one of {', '.join(COLLOCATION_METHODS)}")
    if size not in (2, 3):
        raise PolicytextError(f"size must be 2 or 3, got {size!r}")
    if min_count < 1:
        raise PolicytextError(f"min_count must be at least 1, got {min_count}")
    stop = stop_set(stopwords)
    unigrams: Counter[str] = Counter()
    # matched[mask][key]: n-grams that agree with key on the positions of mask (a tuple of indices)
    masks = [m for r in range(1, size + 1) for m in itertools.combinations(range(size), r)]
    matched: dict[tuple[int, ...], Counter[tuple[str, ...]]] = {m: Counter() for m in masks}
    n_grams = 0
    for run in _stretches(token_lists, stop):
        unigrams.update(run)
        for i in range(len(run) - size + 1):
            gram = tuple(run[i:i + size])
            n_grams += 1
            for m in masks:
                matched[m][tuple(gram[p] for p in m)] += 1
    full = tuple(range(size))
    rows = []
    n_words = sum(unigrams.values())
    for gram, count in matched[full].items():
        if count < min_count:
            continue
        # M[S]: n-grams matching on the positions S; cells by inclusion-exclusion over supersets
        agree = {m: matched[m][tuple(gram[p] for p in m)] for m in masks}
        agree[()] = n_grams
        cells = {}
        for s in [()] + masks:
            cells[s] = sum((-1) ** (len(t) - len(s)) * agree[t] for t in [()] + masks if set(s) <= set(t))
        smoothed = {s: c + 0.5 for s, c in cells.items()}
        lam = sum((-1) ** (size - len(s)) * math.log(c) for s, c in smoothed.items())
        sigma = math.sqrt(sum(1 / c for c in smoothed.values()))
        marg = [agree[(p,)] / n_grams for p in range(size)]
        ll = 0.0
        for s, c in cells.items():
            expected = n_grams * math.prod(marg[p] if p in s else 1 - marg[p] for p in range(size))
            if c > 0 and expected > 0:
                ll += c * math.log(c / expected)
        pmi = math.log(count / n_grams) - sum(math.log(unigrams[w] / n_words) for w in gram)
        rows.append((" ".join(gram), count, size, lam, lam / sigma, pmi, 2 * ll))
    df = pd.DataFrame(rows, columns=["collocation", "count", "length", "lambda", "z", "pmi", "ll"])
    df = df.astype({"count": np.int64, "length": np.int64})
    return df.sort_values([method, "collocation"], ascending=[False, True]).reset_index(drop=True)


def context_frequencies(token_lists: Iterable[Sequence[str]], keyword: str, window: int = 5,
                        stopwords: StopWords = None) -> pd.DataFrame:
    """The words within ``window`` words of ``keyword`` (a keyword-in-context statistic):
    ``term``, ``frequency`` in the windows, ``total`` in the documents, and the signed
    log-likelihood G² of the windows against the rest (positive: attracted by the keyword).
    The keyword is matched at word boundaries, over one word or several adjacent ones.

    >>> docs = [["推进", "城市", "更新", "行动", "，", "保障", "安全"], ["城市", "更新", "行动"]]
    >>> context_frequencies(docs, "城市更新", window=1)[["term", "frequency", "total"]].values.tolist()
    [['行动', 2, 2], ['推进', 1, 1]]
    """
    import numpy as np
    import pandas as pd

    if not keyword:
        raise PolicytextError("context_frequencies needs a keyword, e.g. '新质生产力'")
    if window < 1:
        raise PolicytextError(f"window must be at least 1, got {window}")
    stop = stop_set(stopwords)
    near: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for tokens in token_lists:
        words = [w for w in tokens if _WORD.search(w)]
        inside = [False] * len(words)
        for i in range(len(words)):
            j, text = i, ""
            while j < len(words) and len(text) < len(keyword):
                text += words[j]
                j += 1
            if text == keyword:
                for x in range(max(0, i - window), min(len(words), j + window)):
                    inside[x] = inside[x] or not i <= x < j
        for w, flag in zip(words, inside):
            if w in stop or w == keyword:
                continue
            total[w] += 1
            near[w] += flag
    terms = sorted(w for w in near if near[w])
    a = np.array([near[w] for w in terms], dtype=float)
    t = np.array([total[w] for w in terms], dtype=float)
    b = t - a
    n_in, n_out = sum(near.values()), sum(total.values()) - sum(near.values())
    with np.errstate(divide="ignore", invalid="ignore"):
        e1 = t * n_in / (n_in + n_out)
        e2 = t * n_out / (n_in + n_out)
        g2 = 2 * (np.where(a > 0, a * np.log(a / e1), 0.0) + np.where(b > 0, b * np.log(b / e2), 0.0))
    sign = np.where(a >= e1, 1.0, -1.0)
    df = pd.DataFrame({"term": terms, "frequency": a.astype(np.int64), "total": t.astype(np.int64),
                       "ll": np.nan_to_num(g2) * sign})
    return df.sort_values(["ll", "term"], ascending=[False, True]).reset_index(drop=True)
