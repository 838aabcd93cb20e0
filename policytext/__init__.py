"""policytext: analyse Chinese political text (commentaries, speeches, policy documents).

>>> import policytext
>>> arts = policytext.read("corpora/guangming-2025-01-27.txt")
>>> arts[0].author
'王从春'
>>> policytext.segment("加快发展新质生产力")
['加快', '发展', '新质生产力']
"""

from __future__ import annotations

from .document import Article, Keyphrase, Paragraph, Quotation, Quotations, ThemeScore
from .errors import DependencyError, InputError, ModelError, PolicytextError, TaxonomyError
from .keyphrases import keyness, keyphrases, new_terms
from .quotes import link_quotations, quotations, quote_ids
from .reader import read, read_text
from .segment import add_terms, segment

__version__ = "0.1.0"


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    """Import the corpus classes (which load pandas) on first use, keeping ``import policytext`` fast."""
    if name in ("Corpus", "CorpusAnalysis"):
        from . import corpus

        return getattr(corpus, name)
    if name in ("Taxonomy", "discover_themes"):
        from . import themes

        return getattr(themes, name)
    if name == "ThemeClassifier":  # a scikit-learn estimator: loads scikit-learn
        from .theme_classifier import ThemeClassifier

        return ThemeClassifier
    raise AttributeError(f"module 'policytext' has no attribute {name!r}")


__all__ = [
    "Article",
    "Corpus",
    "CorpusAnalysis",
    "DependencyError",
    "InputError",
    "Keyphrase",
    "ModelError",
    "Paragraph",
    "PolicytextError",
    "Quotation",
    "Quotations",
    "Taxonomy",
    "TaxonomyError",
    "ThemeClassifier",
    "ThemeScore",
    "add_terms",
    "discover_themes",
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
