"""Doctests run from the repository root with ``policytext`` in their namespace."""

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _doctest_setup(doctest_namespace, monkeypatch):  # type: ignore[no-untyped-def]
    import policytext

    doctest_namespace["policytext"] = policytext
    monkeypatch.chdir(Path(__file__).resolve().parent)
    os.environ.setdefault("PYTHONHASHSEED", "0")
