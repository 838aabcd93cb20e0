"""Corpus statistics over token lists: stop words, frequencies, dfm, collocations, context."""

from __future__ import annotations

import math

import pytest

from policytext.errors import PolicytextError
from policytext.extract import stats

DOCS = [["推进", "城市", "更新", "的", "城市", "更新", "行动", "。"],
        ["城市", "更新", "和", "城市", "治理", "，", "城市", "更新"],
        ["智慧", "城市", "的", "治理", "和", "更新"]]


def test_stopword_list_is_data():
    words = stats.stopwords()
    assert len(words) > 700 and {"的", "和", "是", "一"} <= words
    assert not {"城市", "更新", "新质生产力"} & words


def test_frequencies_with_and_without_stopwords():
    plain = stats.frequencies(DOCS)
    assert {"的", "和"} <= set(plain.term) and "。" not in set(plain.term)
    kept = stats.frequencies(DOCS, stopwords=True)
    assert not {"的", "和"} & set(kept.term)
    assert kept.iloc[0].tolist() == ["城市", 6, 1, 3]
    custom = stats.frequencies(DOCS, stopwords=stats.stopwords() | {"城市"})
    assert "城市" not in set(custom.term)
    by = stats.frequencies(DOCS, stopwords=True, groups=["a", "a", "b"], by="site")
    assert list(by.columns) == ["site", "term", "frequency", "rank", "docfreq"]
    assert by[(by.site == "b") & (by.term == "城市")].frequency.item() == 1
    with pytest.raises(PolicytextError):
        stats.frequencies(DOCS, stopwords="的")
    with pytest.raises(PolicytextError):
        stats.frequencies(DOCS, groups=["a"])


def test_dfm_with_stopwords():
    m, vocab = stats.dfm(DOCS, stopwords=True)
    assert m.shape == (3, len(vocab)) and "的" not in vocab
    assert m[:, vocab.index("城市")].toarray().ravel().tolist() == [2, 3, 1]


def test_collocations_match_the_2x2_table():
    df = stats.collocations(DOCS, method="lambda", min_count=2, stopwords=True)
    row = df.set_index("collocation").loc["城市 更新"]
    # bigrams within stretches (stop words and punctuation break them)
    grams = []
    for run in stats._stretches(DOCS, stats.stopwords()):
        grams += list(zip(run, run[1:]))
    n11 = sum(g == ("城市", "更新") for g in grams)
    n1_ = sum(g[0] == "城市" for g in grams)
    n_1 = sum(g[1] == "更新" for g in grams)
    n = len(grams)
    cells = [n11, n1_ - n11, n_1 - n11, n - n1_ - n_1 + n11]
    lam = math.log((cells[0] + .5) * (cells[3] + .5) / ((cells[1] + .5) * (cells[2] + .5)))
    assert row["count"] == n11 == 4
    assert row["lambda"] == pytest.approx(lam)
    assert row["z"] == pytest.approx(lam / math.sqrt(sum(1 / (c + .5) for c in cells)))
    for method in ("pmi", "ll"):
        ranked = stats.collocations(DOCS, method=method, min_count=2, stopwords=True)
        assert ranked[method].is_monotonic_decreasing
    tri = stats.collocations([["中国", "式", "现代化"] * 3], size=3, min_count=2)
    assert "中国 式 现代化" in set(tri.collocation) and (tri.length == 3).all()
    with pytest.raises(PolicytextError):
        stats.collocations(DOCS, method="dice")
    with pytest.raises(PolicytextError):
        stats.collocations(DOCS, size=4)


def test_context_frequencies():
    df = stats.context_frequencies(DOCS, "城市更新", window=2, stopwords=True)
    assert "的" not in set(df.term) and "推进" in set(df.term)
    assert (df.frequency <= df.total).all()
    with pytest.raises(PolicytextError):
        stats.context_frequencies(DOCS, "")
