"""Traditional and simplified script: a simplified view of a text whose offsets stay valid.

Texts from Hong Kong, Macau and Taiwan outlets are read as they are; the analysis can look at
them through :func:`to_simplified`, which converts character by character through OpenCC
(``opencc`` on PyPI) and so keeps every offset of the original.

>>> to_simplified("香港特別行政區政府發言人")
'香港特别行政区政府发言人'
>>> is_traditional("香港特別行政區政府發言人"), is_traditional("香港特别行政区政府发言人")
(True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["is_traditional", "to_simplified"]

# runs of Han characters: OpenCC converts each run with its phrase table (乾隆 stays 乾隆, 乾淨
# becomes 干净); a run whose conversion changes its length is converted one character at a time
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _run(text: str) -> str:
    out = _converter().convert(text)
    if len(out) == len(text):
        return out
    return "".join(c if len(c := _converter().convert(ch)) == 1 else ch for ch in text)


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, of the same length (``text[i]`` ↔ result ``[i]``).

    >>> to_simplified("習近平在頭髮與乾隆之間，2024年。")
    '习近平在头发与乾隆之间，2024年。'
    """
    return _HAN.sub(lambda m: _run(m.group()), text)


@lru_cache(maxsize=1)
def _traditional_chars() -> re.Pattern[str]:
    """The characters that OpenCC changes on their own (about 3,600: 們, 發, 國 …)."""
    conv = _converter()
    chars = [chr(i) for r in ((0x3400, 0xA000), (0xF900, 0xFB00)) for i in range(*r) if conv.convert(chr(i)) != chr(i)]
    return re.compile(f"[{''.join(chars)}]")


def is_traditional(text: str, share: float = 0.05) -> bool:
    """Whether ``text`` is written in traditional characters: at least ``share`` of its Han
    characters are ones that the simplified script writes otherwise (a simplified text has
    almost none). One pass of a regular expression: cheap enough to ask of every article.

    >>> is_traditional("標題"), is_traditional("标题"), is_traditional("")
    (True, False, False)
    """
    changed = len(_traditional_chars().findall(text))
    if not changed:
        return False
    return changed >= max(1.0, share * sum(len(m) for m in _HAN.findall(text)))
