"""Rich display: HTML of articles, quotations and corpora, short reprs, and the plots."""

from __future__ import annotations

import html
from collections import Counter
import re
import subprocess
import sys
from pathlib import Path

import pytest

import policytext
from policytext import Keyphrase, Quotation, ThemeScore
from policytext.display import _mark, _Span, article_html, quotations_html, theme_color

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "guangming-2025-01-27.txt"

TEXT = ("城市更新\n\n王某\n\n习近平总书记指出：“城市是人民的城市。”推进城市更新行动，治理“城市病”。\n\n"
        "党的二十届三中全会提出，建立可持续的城市更新模式。")


def _strip(markup: str) -> str:
    """The visible text of an HTML fragment, without tags and superscripts."""
    markup = re.sub(r"<sup[^>]*>.*?</sup>", "", markup)
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


@pytest.fixture()
def article() -> policytext.Article:
    art = policytext.read_text(TEXT, source="demo.txt")[0]
    art.paragraphs[0].themes = [ThemeScore("urban_renewal", 0.8), ThemeScore("livability", 0.1)]
    art.paragraphs[1].themes = [ThemeScore("reform_institutions", 0.6)]
    return art


def _quotes(art: policytext.Article) -> list[Quotation]:
    p0, p1 = art.paragraphs[0].text, art.paragraphs[1].text
    direct = "城市是人民的城市。"
    term = "城市病"
    indirect = "建立可持续的城市更新模式"
    return [
        Quotation(direct, "direct", 0, p0.index(direct), p0.index(direct) + len(direct),
                  speaker="习近平", speaker_mention="习近平总书记", source="上海考察",
                  source_type="inspection", date="2019-11"),
        Quotation(term, "term", 0, p0.index(term), p0.index(term) + len(term)),
        Quotation(indirect, "indirect", 1, p1.index(indirect), p1.index(indirect) + len(indirect),
                  speaker="党的二十届三中全会", source="党的二十届三中全会", source_type="meeting"),
    ]


def test_mark_nests_crossing_spans_and_keeps_every_character() -> None:
    text = "甲乙丙丁戊"
    spans = [_Span(0, 3, 0, "<q>", "</q>", after="<sup>X</sup>"), _Span(2, 5, 2, "<m>", "</m>")]
    assert _mark(text, spans) == "<q>甲乙<m>丙</m></q><sup>X</sup><m>丁戊</m>"
    assert _mark("<a&b>", []) == "&lt;a&amp;b&gt;"


def test_article_html_marks_quotes_terms_keyphrases_and_themes(article) -> None:
    kps = [Keyphrase("城市更新", 1.0, 3), Keyphrase("城市更新行动", 0.8, 1)]
    out = article_html(article, keyphrases=kps, quotations=_quotes(article))
    # the visible text of every paragraph is intact, in order
    for p in article.paragraphs:
        assert p.text in _strip(out)
    # the direct quotation: marked, speaker beside it, source and date on hover
    assert re.search(r'title="direct quotation · 习近平 \(习近平总书记\) · 上海考察 \[inspection\] · '
                     r'2019-11">城市是人民的城市。</span><sup[^>]*>习近平</sup>', out)
    # the term: dotted border in the term colour, no speaker
    assert re.search(r'<span style="color:#1f618d;border:1px dotted[^"]*" title="quoted term">城市病'
                     r"</span>", out)
    # the indirect speech: dashed underline
    assert re.search(r"border-bottom:2px dashed[^>]*>建立可持续的", out)
    # longest key phrase wins where both match, inside the indirect quotation too
    assert "<mark style=\"background:#fff3a8;padding:0\">城市更新行动</mark>" in out
    assert out.count('<mark style="background:#fff3a8;padding:0">城市更新</mark>') == 1
    # theme chips with the paragraph's theme colour and scores on hover
    assert f"background:{theme_color('urban_renewal')}" in out
    assert 'title="urban_renewal 0.80, livability 0.10"' in out
    assert re.search(r'title="urban_renewal 0.80, livability 0.10">城市更新与城镇化</span>', out)
    assert theme_color("urban_renewal") != theme_color("reform_institutions")
    assert "王某" in out and "<code>demo#1</code>" in out


def test_article_html_escapes_text_and_skips_wrong_offsets() -> None:
    art = policytext.read_text("标题<b>\n\n一段<script>“文字”&。", source="x.txt")[0]
    art.paragraphs[0].themes = []
    bad = Quotation("文字", "term", 0, 0, 2)
    with pytest.warns(UserWarning, match="does not match paragraph 0"):
        out = article_html(art, keyphrases=[], quotations=[bad])
    assert "<script>" not in out and "&lt;script&gt;" in out and "标题&lt;b&gt;" in out
    assert "quoted term" not in out.split("</div>", 4)[-1]  # legend only, nothing marked


def test_quotations_table(article) -> None:
    out = quotations_html(_quotes(article))
    assert "3 quotations: 1 direct, 1 indirect, 1 terms; 2 speakers" in out
    assert out.count("<tr>") == 4  # header + 3 rows
    assert "习近平 <span style=\"color:#888\">(习近平总书记)</span>" in out
    assert "上海考察 <span style=\"color:#888\">[inspection]</span>" in out


def test_article_hooks_and_short_reprs(article) -> None:
    assert repr(article) == "<Article demo#1 '城市更新' 王某, 2 paragraphs>"
    assert repr(article.paragraphs[0]) == "<Paragraph 0 '习近平总书记指出：“城市…', 37 chars>"
    assert article._repr_html_().startswith('<div class="policytext-article"')
    quotes = article.quotations()
    assert isinstance(quotes, list) and hasattr(quotes, "_repr_html_")


def test_seed_article_repr() -> None:
    art = policytext.read(SEED)[0]
    assert repr(art) == ("<Article guangming-2025-01-27#1 '加快实施城市更新行动 打…' 王从春 2025-01-27, "
                         "16 paragraphs>")
    out = art._repr_html_()
    assert all(p.text in _strip(out) for p in art.paragraphs)
    assert "打造韧性城市，统筹发展与安全" in out


def test_core_import_does_not_load_matplotlib() -> None:
    code = "import sys, policytext, policytext.display; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- plots

ptp = pytest.importorskip("policytext.plot")


def _draw_without_missing_glyphs(fig) -> None:
    """Render to PNG; matplotlib warns 'Glyph … missing from font(s)' when a character would be
    drawn as a box."""
    import io
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing")
        fig.savefig(io.BytesIO(), format="png", dpi=40)


def test_cjk_font_is_registered_and_used() -> None:
    from matplotlib import font_manager

    assert ptp.FONT == "Noto Sans SC"
    path = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    assert path.endswith("NotoSansSC-Regular.otf")


def test_theme_distribution_shares(article) -> None:
    fig = ptp.theme_distribution(article)
    ax = fig.axes[0]
    widths = sorted(round(p.get_width(), 3) for p in ax.patches if p.get_width() > 0)
    assert widths == [0.5, 0.5]  # one paragraph urban_renewal, one reform_institutions
    assert [t.get_text() for t in ax.get_yticklabels()] == ["城市更新"]
    _draw_without_missing_glyphs(fig)
    grouped = ptp.theme_distribution([article, article], by="author", normalize=False)
    assert [t.get_text() for t in grouped.axes[0].get_yticklabels()] == ["王某"]
    assert sorted(p.get_width() for p in grouped.axes[0].patches) == [2, 2]


def test_top_keyphrases_order_and_counts() -> None:
    kps = [Keyphrase("韧性城市", 0.6, 9), Keyphrase("城市更新", 1.0, 41), Keyphrase("地下综合管廊", 0.2, 3)]
    fig = ptp.top_keyphrases(kps, k=2)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["城市更新", "韧性城市"]
    assert [t.get_text() for t in ax.texts] == ["×41", "×9"]
    _draw_without_missing_glyphs(fig)


def test_speakers_counts_by_source_type(article) -> None:
    quotes = _quotes(article) + [Quotation("要……", "direct", 0, 0, 3, speaker="习近平",
                                           source_type="meeting"),
                                 Quotation("好", "direct", 0, 0, 1, speaker_mention="网友")]
    fig = ptp.speakers(quotes, unattributed=True)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["习近平", "(unattributed)", "党的二十届三中全会"]
    totals = Counter()
    for container, label in zip(ax.containers, ax.get_legend_handles_labels()[1]):
        for y, bar in enumerate(container):
            totals[y] += bar.get_width()
    assert dict(totals) == {0: 2, 1: 1, 2: 1}  # the term 城市病 is not counted; ties in name order
    assert ax.get_legend_handles_labels()[1] == ["meeting", "(none named)", "inspection"]
    _draw_without_missing_glyphs(fig)


def test_phrase_frequency_per_period() -> None:
    arts = [policytext.read_text(f"题\n\n{body}", source=f"{i}.txt")[0]
            for i, body in enumerate(["城市更新城市更新。", "城市更新。", "新质生产力。"])]
    arts[0].date, arts[1].date, arts[2].date = "2024-03-01", "2024-05", "--05-01"
    fig = ptp.phrase_frequency(arts, "城市更新", freq="month", per=10)
    line = fig.axes[0].lines[0]
    y = list(line.get_ydata())
    assert y[0] == pytest.approx(2 * 10 / 9) and y[2] == pytest.approx(10 / 5)
    assert len(y) == 3 and y[1] != y[1]  # April has no article: a gap (NaN), not zero
    assert "1 undated" in fig.axes[0].get_title()
    _draw_without_missing_glyphs(fig)


def test_corpus_html_shows_size_and_metadata() -> None:
    texts = {f"doc{i}": f"标题{i}\n\n城市更新是重要手段。" for i in range(12)}
    meta = {f"doc{i}": {"outlet": "光明<日报>", "year": 2020 + i} for i in range(12)}
    corpus = policytext.Corpus.from_texts(texts, metadata=meta)
    out = corpus._repr_html_()
    assert "<b>Corpus</b> of 12 documents; metadata: outlet, year" in out
    assert out.count("<td>光明&lt;日报&gt;</td>") == 10 and "… and 2 more" in out
