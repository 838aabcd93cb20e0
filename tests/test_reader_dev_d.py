"""The reader on real pages of the dev set part d (``corpora/blind/reader/dev/d-*``, gold in
``tests/data/reader_gold_d.jsonl``): one test per class of error that set showed."""

import warnings
from pathlib import Path

import pytest

import policytext

DEV = Path(__file__).resolve().parents[1] / "corpora" / "blind" / "reader" / "dev"


def read(name: str) -> list[policytext.Article]:
    path = DEV / name
    if not path.exists():
        pytest.skip(f"{name} is not in this checkout")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return policytext.read(path)


def test_kicker_above_a_title_with_a_source_line_and_no_byline():
    """人民日报: an 引题 (李强签署国务院令), the title, the source line, then a 新华社 dateline; a
    title that ends with a book title (公布《…》) is still a title, not a pull-quote."""
    (art,) = read("d-rmrb-2025-06-04-p02-xinhua-data-sharing-regulation.txt")
    assert (art.title, art.subtitle, art.publication, art.dateline) == (
        "公布《政务数据共享条例》", "李强签署国务院令", "人民日报", "北京")
    first, second, _ = read("d-rmrb-2025-06-01-p01-three-articles.txt")
    assert (first.title, first.subtitle) == ("加快建设教育强国", "《求是》杂志发表习近平总书记重要文章")
    assert first.sections == []
    # the 引题's closing dash leads into the title: not part of the 引题
    assert second.subtitle == "安徽南陵县构建全链条科技创新服务体系"
