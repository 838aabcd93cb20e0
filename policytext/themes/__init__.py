"""Themes of paragraphs: the taxonomy (:class:`Taxonomy`, v2: 21 ids with ``none``, CAP codes),
the shipped calibrated model and :func:`rank_themes`, the scikit-learn estimator :class:`ThemeClassifier` (in
:mod:`policytext.themes.classifier`, which loads scikit-learn) and :func:`discover_themes`.

>>> from policytext.themes import rank_themes
>>> rank_themes(["加强数字政府建设，推进政务数据共享。"])[0][0].id
'digital_governance'
"""

from __future__ import annotations

from typing import Any

from .model import (Calibration, Featurizer, SeedScorer, Taxonomy, Theme, ThemeModel, Topic, char_ngrams,
                    default_model, discover_themes, procedural_share, rank_themes, substance)

__all__ = ["Taxonomy", "Theme", "ThemeModel", "Calibration", "Featurizer", "SeedScorer", "Topic", "ThemeClassifier",
           "char_ngrams", "default_model", "discover_themes", "procedural_share", "rank_themes", "substance"]


def __getattr__(name: str) -> Any:
    """``ThemeClassifier`` on first use (it imports scikit-learn)."""
    if name == "ThemeClassifier":
        from .classifier import ThemeClassifier

        return ThemeClassifier
    raise AttributeError(f"module 'policytext.themes' has no attribute {name!r}")
