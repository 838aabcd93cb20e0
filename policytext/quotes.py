"""Quotations (placeholder until the quotation stage lands)."""
from __future__ import annotations

from .document import Quotation


def quotations(article_or_text) -> list[Quotation]:  # type: ignore[no-untyped-def]
    return []
