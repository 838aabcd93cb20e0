"""Key phrases (placeholder until the key-phrase stage lands)."""
from __future__ import annotations

from .document import Keyphrase


def keyphrases(article_or_text, k: int = 20) -> list[Keyphrase]:  # type: ignore[no-untyped-def]
    return []
