"""The examples in the docstrings of the reader, dates and script modules run."""

import doctest
import importlib

import pytest

MODULES = ["policytext.dates", "policytext.chinese", "policytext.reader", "policytext.reader.text",
           "policytext.reader.rules", "policytext.reader.genres", "policytext.reader.parse",
           "policytext.reader.files", "policytext.reader.docx", "policytext.reader.html", "policytext.reader.tables"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
