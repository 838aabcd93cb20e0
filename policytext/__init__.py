"""policytext: analyse Chinese political text (commentaries, speeches, policy documents).

>>> import policytext
>>> arts = policytext.read("corpora/guangming-2025-01-27.txt")
>>> arts[0].author
'王从春'
>>> policytext.segment("加快发展新质生产力")
['加快', '发展', '新质生产力']
"""

from __future__ import annotations

from typing import Any

from .document import (Article, Dropped, Entity, Keyphrase, Paragraph, Quotation, Quotations, ThemeScore,
                       Token)
from .errors import DependencyError, InputError, ModelError, PolicytextError, TaxonomyError
from .extract.entities import entities
from .extract.keyphrases import keyness, keyphrases, new_terms
from .extract.quotations import quotations
from .extract.quote_links import link_quotations, quote_ids
from .pipeline import Pipeline, default_pipeline
from .reader import read, read_text
from .segmentation import Segmenter, add_terms, segment
from . import display as _display  # noqa: F401  (registers the HTML views of the records)

from .version import __version__


def __getattr__(name: str) -> Any:
    """Import the corpus classes (which load pandas) on first use, keeping ``import policytext`` fast."""
    if name in ("Corpus", "CorpusAnalysis"):
        from . import corpus

        return getattr(corpus, name)
    if name in ("Taxonomy", "discover_themes"):
        from . import themes

        return getattr(themes, name)
    if name == "ThemeClassifier":  # a scikit-learn estimator: loads scikit-learn
        from .themes.classifier import ThemeClassifier

        return ThemeClassifier
    raise AttributeError(f"module 'policytext' has no attribute {name!r}")


__all__ = [
    "Article",
    "Corpus",
    "CorpusAnalysis",
    "DependencyError",
    "Dropped",
    "Entity",
    "InputError",
    "Keyphrase",
    "ModelError",
    "Paragraph",
    "Pipeline",
    "PolicytextError",
    "Quotation",
    "Quotations",
    "Segmenter",
    "Taxonomy",
    "TaxonomyError",
    "ThemeClassifier",
    "ThemeScore",
    "Token",
    "add_terms",
    "default_pipeline",
    "discover_themes",
    "entities",
    "keyness",
    "keyphrases",
    "link_quotations",
    "new_terms",
    "quotations",
    "quote_ids",
    "read",
    "read_text",
    "segment",
    "__version__",
]
