"""The same quotation across articles: one ``quote_id`` for identical or near-identical sayings.

>>> ids = quote_ids(["城市是人民的城市。", "城市是人民的城市！", "好"])
>>> ids[0] == ids[1] != ids[2]
True
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from ..document import Quotation
from ..errors import InputError

__all__ = ["quote_ids", "link_quotations", "normalise_quote"]


_PUNCT_CATEGORIES = ("P", "S", "Z", "C")


class _PunctTable(dict):  # type: ignore[type-arg]
    """A ``str.translate`` table that deletes punctuation, symbols, separators and control
    characters; each character's Unicode category is looked up once."""

    def __missing__(self, code: int) -> int | None:
        self[code] = None if unicodedata.category(chr(code)).startswith(_PUNCT_CATEGORIES) else code
        return self[code]


_DROP_PUNCT = _PunctTable()


def normalise_quote(text: str) -> str:
    """The comparable form of a quotation: NFKC, no punctuation, symbols or spaces.

    >>> normalise_quote("城市是人集中生活的地方， 城市建设……")
    '城市是人集中生活的地方城市建设'
    """
    return unicodedata.normalize("NFKC", text).translate(_DROP_PUNCT).lower()


def _grams(t: str) -> frozenset[str]:
    return frozenset(t[i:i + 2] for i in range(len(t) - 1)) if len(t) > 1 else frozenset([t])


def link_quotations(quotes: list[Quotation], threshold: float = 0.8) -> list[str]:
    """Give identical or near-identical quotations the same ``quote_id`` (in place) and return
    the ids in order (see :func:`quote_ids`).

    >>> qs = [Quotation("城市是人民的城市。", "direct", 0, 3, 12), Quotation("城市是人民的城市！", "direct", 1, 3, 12)]
    >>> link_quotations(qs)[0] == qs[1].quote_id
    True
    """
    ids = quote_ids([q.text for q in quotes], threshold)
    for q, qid in zip(quotes, ids):
        q.quote_id = qid
    return ids


def quote_ids(texts: Sequence[str], threshold: float = 0.8) -> list[str]:
    """One id per quotation text, shared by identical or near-identical ones. Texts are compared
    after :func:`normalise_quote` by the Jaccard similarity of their character bigrams
    (``threshold``); the id is a short hash of the normalised text of the first quotation of each
    cluster, so it is stable for a given input order.

    >>> ids = quote_ids(["城市是人民的城市。", "城市是人民的城市！", "好"])
    >>> ids[0] == ids[1] != ids[2]
    True
    """
    if not 0 < threshold <= 1:
        raise InputError(f"quotation linking: threshold must be in (0, 1], got {threshold}")
    norms = [normalise_quote(t) for t in texts]
    uniq = list(dict.fromkeys(n for n in norms))
    index = {n: i for i, n in enumerate(uniq)}
    grams = [_grams(n) for n in uniq]
    parent = list(range(len(uniq)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # prefix filtering: two sets with Jaccard >= t share a gram among the first
    # |A| - ceil(t|A|) + 1 grams of each in a global (rarest first) order
    df: dict[str, int] = defaultdict(int)
    for g in grams:
        for x in g:
            df[x] += 1
    postings: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(grams):
        if not uniq[i]:
            continue
        ordered = sorted(g, key=lambda x: (df[x], x))
        prefix = ordered[: len(g) - int(-(-threshold * len(g) // 1)) + 1]
        seen: set[int] = set()
        for x in prefix:
            for j in postings[x]:
                if j in seen:
                    continue
                seen.add(j)
                inter = len(g & grams[j])
                if inter / (len(g) + len(grams[j]) - inter) >= threshold:
                    a, b = find(i), find(j)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
            postings[x].append(i)
    return ["q" + hashlib.sha1(uniq[find(index[n])].encode("utf-8")).hexdigest()[:10] for n in norms]
