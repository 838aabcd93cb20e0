"""Checks on the segmentation data shipped in policytext/data/: jieba_dict.txt and pkuseg/."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import policytext

DATA = Path(__file__).resolve().parent.parent / "policytext" / "data"


@pytest.fixture(scope="module")
def jieba_dict() -> dict[str, tuple[int, str]]:
    entries = {}
    for line in (DATA / "jieba_dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split(" ")
        entries[word] = (int(freq), tag)
    return entries


def test_jieba_dict_is_pku_words_plus_modern_words(jieba_dict):
    assert len(jieba_dict) > 300_000
    assert all(freq >= 1 and re.fullmatch(r"[a-z]+", tag) for freq, tag in jieba_dict.values())
    # PKU words with their most frequent PKU tag and train-split counts
    assert jieba_dict["中共中央"][1] == "nt"
    assert jieba_dict["泽民"][1] == "nr"
    assert jieba_dict["的"][0] > 40_000
    # PKU splits personal names: jieba's 江泽民 contradicts the standard and is left out
    assert "江泽民" not in jieba_dict
    # modern words absent from 1998 come from jieba's dictionary
    assert "人工智能" in jieba_dict and "互联网" in jieba_dict


def test_jieba_dict_has_no_number_tokens(jieba_dict):
    # 1.0, 8., 2020年 as words would make jieba cut 258.0 into 25 / 8. / 0
    assert not [w for w in jieba_dict if re.match(r"\.?[0-9][0-9.%]*[年月日万亿]?$", w)]


def test_pkuseg_model_is_small():
    size = sum(f.stat().st_size for f in (DATA / "pkuseg").iterdir())
    assert size < 40_000_000


@pytest.mark.parametrize(
    "text,words",
    [
        (
            "中共中央总书记、国家主席江泽民发表1998年新年讲话",
            ["中共中央", "总书记", "、", "国家", "主席", "江", "泽民", "发表", "1998年", "新年", "讲话"],
        ),
        (
            "推动互联网、大数据和实体经济深度融合",
            ["推动", "互联网", "、", "大", "数据", "和", "实体", "经济", "深度", "融合"],
        ),
    ],
)
def test_pkuseg_model_segments_by_the_pku_standard(text, words):
    assert policytext.segment(text, engine="pkuseg", lexicon=False) == words
