"""policytext.plot on whole corpora: an analysis as input, grouping by metadata, legends that fit."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import policytext

ptp = pytest.importorskip("policytext.plot")

ROOT = Path(__file__).resolve().parents[1]
FILES = ["guangming-2025-01-27.txt", "external/2025-03-02-rmrb-xugong-high-quality-development.txt",
         "external/2025-07-01-rmrb-theory-page09.txt"]


@pytest.fixture(scope="module")
def corpus() -> policytext.Corpus:
    meta = {Path(f).stem: {"outlet": "光明日报" if i == 0 else "人民日报", "year": 2024 + (i > 0)}
            for i, f in enumerate(FILES)}
    return policytext.Corpus.from_files([str(ROOT / "corpora" / f) for f in FILES], metadata=meta)


@pytest.fixture(scope="module")
def result(corpus):
    return corpus.analyze(n_jobs=1)


def _fits(fig) -> None:
    """Draw ``fig``: its axes with all their labels, and its legend, lie inside the figure; no glyph is missing."""
    import warnings

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing")
        warnings.filterwarnings("error", message="constrained_layout not applied")
        canvas.draw()
    renderer = canvas.get_renderer()
    box = fig.bbox
    drawn = [ax.get_tightbbox(renderer) for ax in fig.axes] + [lg.get_window_extent(renderer) for lg in fig.legends]
    for ext in drawn:  # an axes' tight box holds its title, labels and the tick labels drawn
        assert ext.x0 >= box.x0 - 1 and ext.x1 <= box.x1 + 1 and ext.y0 >= box.y0 - 1 and ext.y1 <= box.y1 + 1, \
            (ext, box.bounds)


def _bars(fig) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_yticklabels()]


def test_theme_distribution_of_an_analysis(result) -> None:
    per_article = ptp.theme_distribution(result)
    assert _bars(per_article)[0] == "加快实施城市更新行动 打造宜居、韧性、智慧城市"  # titles
    assert len(_bars(per_article)) == len(result.articles)
    assert _bars(ptp.theme_distribution(result, by="year")) == ["2024", "2025"]  # metadata column year
    assert _bars(ptp.theme_distribution(result, by="month")) == ["2025-01", "2025-03", "2025-07"]  # from the dates
    by_outlet = ptp.theme_distribution(result, by="outlet", normalize=False)
    assert _bars(by_outlet) == ["光明日报", "人民日报"]
    assert sum(p.get_width() for p in by_outlet.axes[0].patches) == len(result.paragraphs)
    _fits(by_outlet)
    with pytest.raises(policytext.errors.InputError, match="cannot group by 'province'"):
        ptp.theme_distribution(result, by="province")


def test_theme_distribution_of_many_articles_groups_by_period() -> None:
    """Beyond 40 articles, one bar per article would not fit: the bars are years (or months)."""
    n = 60
    tables = {"articles": pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "title": ["题"] * n,
                                        "date": [f"{2020 + i % 4}-0{1 + i % 9}-01" for i in range(n)]}),
              "paragraphs": pd.DataFrame({"article_id": [f"a{i}" for i in range(n)],
                                          "primary_theme": ["urban_renewal", None] * (n // 2)})}
    fig = ptp.theme_distribution(tables)
    assert _bars(fig) == ["2020", "2021", "2022", "2023"]
    _fits(fig)


def test_theme_distribution_of_a_corpus_by_metadata(corpus) -> None:
    assert _bars(ptp.theme_distribution(corpus, by="outlet")) == ["光明日报", "人民日报"]
    assert _bars(ptp.theme_distribution(corpus, by="publication")) == ["光明日报", "人民日报"]


def test_twenty_themes_and_none_keep_apart_and_fit() -> None:
    from policytext.themes import Taxonomy

    ids = [t.id for t in Taxonomy.default()] + [f"custom_theme_{i}" for i in range(20 - 13)] + [None]
    paragraphs = pd.DataFrame({"article_id": [f"一篇很长很长的文章标题第{i % 3}篇" for i in range(len(ids) * 2)],
                               "primary_theme": ids * 2})
    fig = ptp.theme_distribution(paragraphs, by="article_id")
    legend = fig.legends[0]
    labels = [t.get_text() for t in legend.get_texts()]
    colors = [h.get_facecolor() for h in legend.legend_handles]
    assert len(labels) == 21 and "(no theme)" in labels
    assert len(set(colors)) == 21  # every theme its own colour, the missing theme grey
    _fits(fig)


def test_top_keyphrases_and_speakers_of_an_analysis(result) -> None:
    fig = ptp.top_keyphrases(result, k=10)
    assert len(_bars(fig)) == 10
    _fits(fig)
    fig = ptp.speakers(result, top=5)
    assert _bars(fig)[0] == "习近平"
    _fits(fig)


def test_phrase_frequency_from_metadata_year() -> None:
    texts = {"a": "题\n\n城市更新是重要手段。", "b": "题\n\n新质生产力。", "c": "题\n\n城市更新。"}
    corpus = policytext.Corpus.from_texts(texts, metadata={"a": {"year": 2023}, "b": {"year": 2025},
                                                           "c": {"year": 2025}})
    for data in (corpus, corpus.analyze(n_jobs=1)):  # no date in the texts: the metadata year serves
        fig = ptp.phrase_frequency(data, ["城市更新", "新质生产力"], per=10)
        y = list(fig.axes[0].lines[0].get_ydata())
        assert len(y) == 3 and y[1] != y[1]  # 2023, 2024 (a gap), 2025
        assert [y[0], y[2]] == pytest.approx([10 / 10, 10 / 11])  # 1 in 10 characters; 1 in 6 + 5
        _fits(fig)
