"""The HTML report: built from a real batch, self-contained, and drawn by a real browser."""

from __future__ import annotations

import base64
import doctest
import gzip
import io
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

import policytext
from policytext.errors import InputError

pytest.importorskip("plotly", reason='the report needs the "report" extra (plotly)')
report = pytest.importorskip("policytext.report")

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def tables() -> dict:
    corpus = policytext.Corpus.from_files([str(ROOT / "corpora" / "*.txt"), str(ROOT / "corpora" / "external" / "*.txt")])
    return corpus.analyze(n_jobs=1).tables


@pytest.fixture(scope="module")
def page(tables, tmp_path_factory) -> Path:
    return report.write_report(tables, tmp_path_factory.mktemp("report") / "report.html", by="publication",
                               title="城市更新与高质量发展")


class _Links(HTMLParser):
    """Every address the page would load: script/img/iframe ``src``, link ``href``, CSS ``url()``."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "embed", "source", "audio", "video") and a.get("src"):
            self.loads.append(a["src"] or "")
        if tag == "link" and a.get("href"):
            self.loads.append(a["href"] or "")
        self.style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self.style:
            self.loads += re.findall(r"url\(\s*['\"]?([^'\")]{0,40})", data)
            self.loads += re.findall(r"@import\s+['\"]?([^'\";]+)", data)


def test_report_is_self_contained(page: Path, tables) -> None:
    text = page.read_text(encoding="utf-8")
    parser = _Links()
    parser.feed(text)
    assert parser.loads and all(u.startswith("data:") for u in parser.loads), parser.loads
    assert page.stat().st_size < 15_000_000
    assert '@font-face{font-family:"Noto Sans SC";src:url(data:font/woff;base64,' in text
    assert "城市更新与高质量发展" in text and "习近平" in text
    blob = re.search(r'<script type="application/octet-stream" id="policytext-data">([^<]*)</script>', text).group(1)
    data = json.loads(gzip.decompress(base64.b64decode(blob)))
    assert len(data["views"]) == len(tables["articles"])  # every article marked up, as Jupyter shows it
    assert "加快实施城市更新行动" in data["views"]["0"] and 'class="policytext-article"' in data["views"]["0"]
    assert len(data["rows"]["quotations"]["rows"]) == len(tables["quotations"])
    for chart in ("chart-themes", "chart-phrases", "chart-trends", "chart-speakers", "chart-network"):
        assert f'id="{chart}"' in text


def test_report_font_covers_the_text(page: Path, tables) -> None:
    """The embedded font (a subset of Noto Sans SC) has a glyph for every character of the titles
    and paragraphs: Chinese never falls back to a system font."""
    from fontTools.ttLib import TTFont

    data = re.search(r"base64,([A-Za-z0-9+/=]+)", page.read_text(encoding="utf-8")).group(1)
    cmap = TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap()
    text = "".join(tables["articles"]["title"].dropna()) + "".join(tables["paragraphs"]["text"])
    missing = {c for c in text if not c.isspace() and ord(c) not in cmap}
    assert not missing, sorted(missing)[:20]


def test_report_input_errors(tables, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="tables"):
        report.write_report({"articles": tables["articles"]}, tmp_path / "r.html")
    with pytest.raises(InputError, match="cannot group by 'province'"):
        report.write_report(tables, tmp_path / "r.html", by="province")


def test_report_of_a_tiny_and_an_empty_batch(tmp_path: Path) -> None:
    for texts in ({"a": "城市更新的新路子\n\n张三\n\n城市更新是重要手段。"}, {"a": ""}):
        result = policytext.Corpus.from_texts(texts).analyze(n_jobs=1)
        text = report.write_report(result, tmp_path / "r.html", by="author").read_text(encoding="utf-8")
        assert 'id="chart-themes"' in text and "No attributed quotations." in text


def _figures(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'id="policytext-figures">(.*?)</script>', text).group(1))


def test_themes_by_period_or_by_group(page: Path, tables, tmp_path: Path) -> None:
    themes = _figures(page)["chart-themes"]
    assert themes["data"][0]["x"] == ["2025-01", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"]
    assert [b["label"] for b in themes["layout"]["updatemenus"][0]["buttons"]] == ["(all)", "人民日报", "光明日报"]
    undated = {**tables, "articles": tables["articles"].assign(date=None)}  # no dates: one bar per outlet
    themes = _figures(report.write_report(undated, tmp_path / "r.html"))["chart-themes"]
    assert themes["data"][0]["x"] == ["人民日报", "光明日报"] and "by publication" in themes["layout"]["title"]["text"]


def test_doctests() -> None:
    assert doctest.testmod(report, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


def _chromium() -> str | None:
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)


def test_report_draws_in_chromium(page: Path, tables, tmp_path: Path) -> None:
    binary = _chromium()
    if binary is None:
        pytest.skip("no Chromium on this machine (Debian: apt-get install -y chromium); the report was not drawn")
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    outside: list[str] = []
    with sync_playwright() as pw:
        # Playwright gives the browser a new empty profile; it never downloads a browser of its own
        browser = pw.chromium.launch(executable_path=binary, args=CHROMIUM_FLAGS)
        try:
            view = browser.new_page(viewport={"width": 1280, "height": 900})
            view.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            view.on("pageerror", lambda e: problems.append(str(e)))

            def local_only(route) -> None:  # the report must need no network
                if route.request.url.startswith(("file:", "data:")):
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            view.route("**/*", local_only)
            view.goto(page.as_uri())
            view.wait_for_selector("body[data-ready]", timeout=20_000)
            assert view.evaluate("document.body.dataset.ready") == "yes"
            drawn = view.evaluate("""Array.from(document.querySelectorAll('.chart')).map(c =>
                [c.id, c.classList.contains('js-plotly-plot'), c.querySelectorAll('.main-svg *').length])""")
            assert len(drawn) == 5 and all(plotly and n > 50 for _, plotly, n in drawn), drawn
            assert view.evaluate("""[...document.fonts].some(f => f.family.replace(/"/g, '') === 'Noto Sans SC'
                                                                 && f.status === 'loaded')""")
            view.screenshot(path=str(tmp_path / "report.png"), full_page=False)
            assert (tmp_path / "report.png").stat().st_size > 10_000

            total = len(tables["quotations"])
            assert view.inner_text("#n-quotations").startswith(f"{total} of {total}")
            view.fill("#q-quotations", "习近平")
            shown, _, of = view.inner_text("#n-quotations").partition(" of ")
            assert 0 < int(shown) < total and of.startswith(str(total))

            view.click("#t-articles tbody a >> nth=0")
            article = view.locator("#article .policytext-article")
            assert article.is_visible() and tables["articles"]["title"].iloc[0] in article.inner_text()
            view.screenshot(path=str(tmp_path / "article.png"))
        finally:
            browser.close()
    assert not problems, problems
    assert not outside, outside
