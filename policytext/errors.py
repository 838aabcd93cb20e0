"""Exceptions raised by policytext.

Every error the library raises on bad input is a :class:`PolicytextError`, so a batch
script can catch one class and carry on with the next file.
"""

from __future__ import annotations


class PolicytextError(Exception):
    """Base class of every error policytext raises on purpose."""


class InputError(PolicytextError, ValueError):
    """A file or text that cannot be read as a commentary (missing, empty, binary, undecodable)."""


class ModelError(PolicytextError, RuntimeError):
    """A shipped or user-supplied model or data file is missing or corrupt."""


class TaxonomyError(PolicytextError, ValueError):
    """A theme taxonomy or a theme id that is not valid."""


class DependencyError(PolicytextError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""
