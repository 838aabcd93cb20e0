"""Word segmentation with a political lexicon: fast (jieba) or accurate (spacy-pkuseg).

Both engines use dictionaries and models that ship with the package and load offline: jieba runs
on a dictionary derived from the PKU-annotated People's Daily corpus, pkuseg on a model trained by
``scripts/train_pkuseg.py``. A :class:`Segmenter` holds an engine, the lexicon and your terms; the
one-liners below use the default one (one per engine and lexicon setting).

>>> import policytext
>>> policytext.segment("加快发展新质生产力")
['加快', '发展', '新质生产力']
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from .jieba_engine import runs
from .segmenter import ENGINES, UNIT_TAGS, Segmenter, to_halfwidth
from .tokens import TokenStage

__all__ = ["Segmenter", "ENGINES", "UNIT_TAGS", "default_segmenter", "segment", "add_terms", "tagged",
           "lexicon_terms", "to_halfwidth", "runs", "TokenStage"]

_DEFAULTS: dict[tuple[str, bool], Segmenter] = {}
_USER_TERMS: list[str] = []  # what add_terms gave: every default segmenter has them


def default_segmenter(engine: str = "jieba", lexicon: bool = True) -> Segmenter:
    """The segmenter behind :func:`segment` for ``engine`` and ``lexicon`` (made once), with the
    terms given to :func:`add_terms`."""
    seg = _DEFAULTS.get((engine, lexicon))
    if seg is None:
        seg = _DEFAULTS[(engine, lexicon)] = Segmenter(engine, lexicon, terms=_USER_TERMS if lexicon else None)
    return seg


def segment(text: str, engine: str = "jieba", lexicon: bool = True) -> list[str]:
    """Split ``text`` into words; ``"".join(words) == text`` always holds.

    ``engine`` is ``"jieba"`` (fast) or ``"pkuseg"`` (accurate); ``lexicon=False`` switches the
    political lexicon off.

    >>> policytext.segment("深化城市安全韧性提升行动", engine="pkuseg", lexicon=False)
    ['深化', '城市', '安全', '韧性', '提升', '行动']
    """
    return default_segmenter(engine, lexicon).segment(text)


def add_terms(terms: Iterable[str] | str | os.PathLike[str]) -> int:
    """Add terms that must never be split to the default segmenters (and so to the default
    pipeline): a list of strings, or the path of a file with one term per line. Returns how many
    were new.

    >>> policytext.add_terms(["甲乙示例术语"])
    1
    >>> policytext.segment("推动甲乙示例术语")
    ['推动', '甲乙示例术语']
    """
    seg = default_segmenter()
    n = seg.add_terms(terms)
    new = seg.terms[len(_USER_TERMS):]
    _USER_TERMS.extend(new)
    for (_, lexicon), other in _DEFAULTS.items():
        if other is not seg and lexicon:
            other.add_terms(new)
    return n


def tagged(text: str, lexicon: bool = True, hmm: bool = False) -> list[tuple[str, str]]:
    """Words with part-of-speech tags (PKU tag set) of the default jieba segmenter, as
    ``(word, tag)`` pairs (see :meth:`Segmenter.tokens` for tokens with offsets).

    >>> policytext.segmentation.tagged("发展新质生产力")
    [('发展', 'vn'), ('新质生产力', 'nz')]
    """
    seg = default_segmenter("jieba", lexicon)
    return [(t.text, t.pos) for t in seg.tokens(text)] if not hmm else seg.tagged(text, hmm=True)


def lexicon_terms(soft: bool = True) -> list[str]:
    """The lexicon of the default segmenter: shipped terms, your additions, and (``soft=True``)
    soft dictionary words such as office titles."""
    return default_segmenter().lexicon_terms(soft)
