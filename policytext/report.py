"""A corpus at a glance: one self-contained HTML file from the tables of an analysis.

:func:`write_report` turns the tables of :meth:`policytext.Corpus.analyze` (or of a finished
``policytext batch``) into one HTML page that opens offline in any browser: the corpus at a
glance, themes over time, key phrases and their trends, new phrases, who is quoted from which
meetings and documents, the same quotation across articles, a speaker → source network, a
searchable table of articles and quotations, and every article rendered as Jupyter shows it.
The charts are Plotly's (the ``report`` extra: ``pip install "policytext[report]"``), with
plotly.js and the data inline; Chinese renders with Noto Sans SC (SIL OFL 1.1, from
``pylopdf-fonts-zh-cn``), embedded as a subset holding only the characters of the page.

>>> import policytext
>>> corpus = policytext.Corpus.from_texts({"a": "城市更新的新路子\\n\\n张三\\n\\n城市更新是重要手段。"})
>>> write_report(corpus.analyze(n_jobs=1).tables, "report.html", title="城市更新")   # doctest: +SKIP
PosixPath('report.html')

The helpers before :func:`write_report` read the tables alone (pandas only, no plotly) and are
shared with :mod:`policytext.plot`.
"""

from __future__ import annotations

import base64
import colorsys
import gzip
import html
import io
import itertools
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .display import PALETTE, article_html, theme_color, theme_label
from .document import Article, Keyphrase, Paragraph, Quotation, ThemeScore
from .errors import DependencyError, InputError

__all__ = [
    "article_periods",
    "group_values",
    "new_phrases",
    "period_freq",
    "phrase_rates",
    "tables_of",
    "theme_styles",
    "write_report",
]


_PERIOD = {"year": r"(\d{4})", "month": r"(\d{4}-\d{2})"}
_NONE = "(none)"
_FONT_FAMILY = '"Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'


def _none(value: Any) -> Any:
    """``value``, or None when it is missing (None, NaN, NA)."""
    return None if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) else value


# ---------------------------------------------------------------- the tables (shared with plot)

def tables_of(data: Any) -> dict[str, pd.DataFrame] | None:
    """The tables of an analysis: ``data.tables`` of a :class:`~policytext.CorpusAnalysis`, or
    ``data`` itself when it is a mapping of table names to DataFrames; None for anything else.

    >>> sorted(tables_of({"articles": pd.DataFrame()}))
    ['articles']
    >>> tables_of(["城市更新"]) is None
    True
    """
    tables = getattr(data, "tables", data)
    if isinstance(tables, Mapping) and all(isinstance(v, pd.DataFrame) for v in tables.values()):
        return dict(tables)
    return None


def article_periods(articles: pd.DataFrame, freq: str = "year") -> pd.Series:
    """The year (``'2025'``) or month (``'2025-01'``) of each article: from its ``date`` (the
    reader's), else a metadata date (``date_meta``), else, by year, a metadata ``year`` column;
    None where unknown (a partial date such as ``'--01-27'``).

    >>> article_periods(pd.DataFrame({"date": ["2025-01-27", None, "--01-27"],
    ...                               "year": [None, 2024, None]})).tolist()
    ['2025', '2024', None]
    """
    if freq not in _PERIOD:
        raise InputError(f"freq must be 'year' or 'month', not {freq!r}")
    out = pd.Series(None, index=articles.index, dtype=object)
    for column in ("date", "date_meta"):
        if column in articles.columns:
            found = articles[column].astype("string").str.extract("^" + _PERIOD[freq], expand=False)
            out = out.where(out.notna(), found.astype(object))
    if freq == "year" and "year" in articles.columns:
        years = pd.to_numeric(articles["year"], errors="coerce")
        out = out.where(out.notna(), years.map(lambda y: None if pd.isna(y) else f"{int(y):04d}"))
    return out.astype(object).where(out.notna(), None)


def period_freq(articles: pd.DataFrame) -> str:
    """The period that fits the dates: ``'month'`` when the dated articles span at most two
    calendar years, else ``'year'``.

    >>> period_freq(pd.DataFrame({"date": ["2024-12-30", "2025-01-02"]}))
    'month'
    """
    years = set(article_periods(articles, "year").dropna())
    months = set(article_periods(articles, "month").dropna())
    return "month" if months and len(years) <= 2 else "year"


def _label(value: Any, missing: str = _NONE) -> str:
    """A value as a label: ``2024.0`` → ``'2024'``, missing (None, NaN, NA) → ``missing``."""
    if _none(value) is None:
        return missing
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def group_values(articles: pd.DataFrame, by: str) -> pd.Series:
    """The group of each article as a label: a column of the articles table (an article field such
    as ``publication`` or a metadata column such as ``outlet``), or ``year``/``month`` from the
    dates (:func:`article_periods`) when there is no such column; ``'(none)'`` where missing.

    >>> group_values(pd.DataFrame({"date": ["2025-01-27", None], "outlet": ["光明日报", None]}), "outlet").tolist()
    ['光明日报', '(none)']
    >>> group_values(pd.DataFrame({"date": ["2025-01-27", None]}), "year").tolist()
    ['2025', '(none)']
    """
    if by in articles.columns:
        values = articles[by]
    elif by in _PERIOD:
        values = article_periods(articles, by)
    else:
        raise InputError(f"cannot group by {by!r}: the articles have {list(articles.columns)} "
                         "(and 'year' or 'month' from their dates)")
    return values.map(_label)


def phrase_rates(texts: Sequence[str] | pd.Series, periods: Sequence[str | None] | pd.Series,
                 phrases: Sequence[str], per: int = 10_000, freq: str = "year") -> pd.DataFrame:
    """Occurrences of each phrase (substrings, so 城市更新 counts inside 城市更新行动) per ``per``
    characters of text, one row per period from the first to the last; a period without text is
    NaN (a gap, not zero). Texts without a period are left out.

    >>> phrase_rates(["城市更新。", "城市更新城市更新", "无"], ["2024", "2026", None], ["城市更新"], per=10)
          城市更新
    2024   2.0
    2025   NaN
    2026   2.5
    """
    rows = [[p, len(t), *(t.count(ph) for ph in phrases)]
            for t, p in zip(texts, periods) if p is not None and not pd.isna(p)]
    if not rows:
        raise InputError("no text has a date with a year" + (" and month" if freq == "month" else "")
                         + "; give dates, or a metadata column 'year'")
    table = pd.DataFrame(rows, columns=["period", "_chars", *phrases]).groupby("period").sum()
    table.index = pd.PeriodIndex(table.index, freq="Y" if freq == "year" else "M")
    table = table.reindex(pd.period_range(table.index.min(), table.index.max(), freq=table.index.freq))
    rates = table[list(phrases)].mul(per).div(table["_chars"], axis=0)
    rates.index = rates.index.astype(str)
    return rates


def theme_styles(ids: Sequence[str | None]) -> list[tuple[str, str]]:
    """``(label, colour)`` for each theme id, every colour distinct within ``ids``: the default
    taxonomy's themes keep their colour everywhere (:func:`theme_color`), other ids (and a default
    theme whose colour is taken) get the palette colours left over, then hues spread around the
    colour wheel; no theme (None or ``''``) is grey.

    >>> theme_styles(["urban_renewal", None])
    [('城市更新与城镇化', '#1f77b4'), ('(no theme)', '#b0b0b0')]
    >>> len({c for _, c in theme_styles([f"t{i}" for i in range(30)])})
    30
    """
    from .themes import Taxonomy

    default = {t.id for t in Taxonomy.default()}
    fixed: dict[str, str] = {}  # default themes keep their colour, the first one to claim it
    for t in ids:
        if t in default and theme_color(t) not in fixed.values():
            fixed.setdefault(t, theme_color(t))
    taken = set(fixed.values())
    generated = (_hue(i) for i in itertools.count())
    spare = itertools.chain((c for c in PALETTE if c not in taken), generated)
    styles = []
    for t in ids:
        if not t:
            styles.append(("(no theme)", theme_color(None)))
        else:
            styles.append((theme_label(t), fixed.get(t) or next(spare)))
    return styles


def _hue(i: int) -> str:
    """The ``i``-th of a sequence of distinct mid-dark colours (golden-angle hues)."""
    r, g, b = colorsys.hls_to_rgb((i * 0.381966) % 1.0, 0.42, 0.55)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def new_phrases(keyphrases: pd.DataFrame, periods: pd.Series, recent: int = 1, k: int = 30) -> pd.DataFrame:
    """Key phrases first seen in the last ``recent`` periods: phrases key to an article of those
    periods and to none before. ``periods`` maps ``article_id`` to a period (Series indexed by
    article id). Columns ``phrase``, ``first`` (period), ``articles``, ``count``; most articles first.
    With a single period nothing is new: the table is empty.

    >>> kp = pd.DataFrame({"article_id": ["a", "b", "b"], "phrase": ["城市更新", "城市更新", "新质生产力"],
    ...                    "count": [3, 2, 4]})
    >>> new_phrases(kp, pd.Series({"a": "2024", "b": "2025"})).values.tolist()
    [['新质生产力', '2025', 1, 4]]
    """
    columns = ["phrase", "first", "articles", "count"]
    rows = keyphrases.assign(period=keyphrases["article_id"].map(periods)).dropna(subset=["period"])
    ordered = sorted(rows["period"].unique())
    if len(ordered) < 2:
        return pd.DataFrame(columns=columns)
    since = ordered[-min(recent, len(ordered) - 1)]
    stats = rows.groupby("phrase").agg(first=("period", "min"), articles=("article_id", "nunique"),
                                       count=("count", "sum")).reset_index()
    new = stats[stats["first"] >= since]
    return new.sort_values(["articles", "count", "phrase"], ascending=[False, False, True],
                           kind="stable").head(k)[columns].reset_index(drop=True)


# ---------------------------------------------------------------- figures

_LAYOUT = dict(template="plotly_white", font=dict(family=_FONT_FAMILY, size=13), margin=dict(l=10, r=10, t=50, b=10))


def _theme_figure(arts: pd.DataFrame, paras: pd.DataFrame, period: pd.Series, freq: str, by: str | None) -> Any:
    """Stacked shares of the paragraphs' primary themes per period; with ``by``, a menu shows the
    bars of one group at a time (the 15 largest groups). Without any date, one bar per group of
    ``by`` (default the outlet)."""
    import plotly.graph_objects as go

    para = paras.assign(theme=paras["primary_theme"].fillna(""))
    if period.notna().any():
        para["x"], xtitle = para["article_id"].map(period).fillna(_NONE), freq
    else:
        by, xtitle = None, by or _outlet(arts)
        para["x"] = para["article_id"].map(pd.Series(group_values(arts, xtitle).values, index=arts["article_id"].values))
    groups = ["(all)"]
    if by:
        para["group"] = para["article_id"].map(pd.Series(group_values(arts, by).values, index=arts["article_id"].values))
        groups += [str(g) for g in para["group"].value_counts().index[:15]]
    themes = para["theme"].value_counts().index.tolist()
    fig = go.Figure()
    for gi, group in enumerate(groups):
        sub = para if gi == 0 else para[para["group"] == group]
        share = pd.crosstab(sub["x"], sub["theme"], normalize="index").sort_index()
        for t, (label, color) in zip(themes, theme_styles(themes)):
            fig.add_bar(x=share.index.tolist(), y=share[t].tolist() if t in share else [0] * len(share),
                        name=label, marker_color=color, visible=gi == 0, legendgroup=t,
                        hovertemplate=f"{html.escape(label)}<br>%{{x}}: %{{y:.0%}}<extra></extra>")
    if len(groups) > 1:
        n = len(themes)
        fig.update_layout(updatemenus=[dict(x=1, y=1.02, xanchor="right", yanchor="bottom", active=0, buttons=[
            dict(label=g, method="update", args=[{"visible": [i // n == gi for i in range(n * len(groups))]}])
            for gi, g in enumerate(groups)])])
    return fig.update_layout(**_LAYOUT, legend=dict(traceorder="reversed"), barmode="stack", height=460,
                             title=f"Primary theme of paragraphs by {xtitle}" + (f", per {by}" if by else ""),
                             yaxis=dict(tickformat=".0%", title="share of paragraphs"),
                             xaxis=dict(type="category", title=xtitle))


def _phrase_figures(kp: pd.DataFrame, paras: pd.DataFrame, period: pd.Series, freq: str) -> dict[str, Any]:
    """The 25 phrases key to most articles, and the occurrences of the first eight over time."""
    import plotly.graph_objects as go

    top = (kp.groupby("phrase").agg(articles=("article_id", "nunique"), count=("count", "sum"))
           .sort_values(["articles", "count"], ascending=False, kind="stable").head(25))
    figs = {"chart-phrases": go.Figure(go.Bar(
        x=top["articles"].tolist(), y=top.index.tolist(), orientation="h", marker_color=PALETTE[0],
        text=[f"×{c}" for c in top["count"]], textposition="outside",
        hovertemplate="%{y}: key to %{x} articles, %{text}<extra></extra>")).update_layout(
        **_LAYOUT, height=max(300, 120 + 22 * len(top)), title="Top key phrases (articles where key; occurrences beside)",
        yaxis=dict(autorange="reversed", automargin=True),
        xaxis=dict(title="articles", dtick=1 if len(top) and top["articles"].max() <= 10 else None))}
    dated = period.dropna()
    if dated.nunique() > 1 and len(top):
        texts = paras.groupby("article_id", sort=False)["text"].agg("\n".join).reindex(dated.index).fillna("")
        rates = phrase_rates(texts, dated, top.index[:8].tolist(), freq=freq)
        fig = go.Figure()
        for i, ph in enumerate(rates.columns):
            fig.add_scatter(x=rates.index.tolist(), y=[None if pd.isna(v) else v for v in rates[ph]],
                            mode="lines+markers", name=ph, line_color=PALETTE[i % len(PALETTE)])
        figs["chart-trends"] = fig.update_layout(**_LAYOUT, height=380, xaxis=dict(type="category", title=freq),
                                                 yaxis=dict(title="occurrences per 10,000 characters", rangemode="tozero"),
                                                 title=f"Top key phrases per 10,000 characters, by {freq}")
    return figs


def _speaker_figures(said: pd.DataFrame) -> dict[str, Any]:
    """Who is quoted (the 20 most quoted, by kind of source), and the speaker → source network as a
    Sankey diagram (speakers left, sources right, the 40 largest links)."""
    import plotly.graph_objects as go

    table = pd.crosstab(said["speaker"], said["source_type"].fillna("(none named)"))
    table = table.loc[said["speaker"].value_counts().index[:20]]
    fig = go.Figure()
    for i, st in enumerate(table.sum().sort_values(ascending=False).index):
        fig.add_bar(y=table.index.tolist(), x=table[st].tolist(), orientation="h", name=st,
                    marker_color=theme_color(None) if st == "(none named)" else PALETTE[i % len(PALETTE)])
    figs = {"chart-speakers": fig.update_layout(
        **_LAYOUT, barmode="stack", height=max(300, 120 + 24 * len(table)), title="Who is quoted, by kind of source",
        xaxis=dict(title="quotations"), yaxis=dict(autorange="reversed", automargin=True))}
    links = (said.dropna(subset=["source"]).groupby(["speaker", "source"]).size()
             .sort_values(ascending=False, kind="stable").head(40))
    if len(links):
        speakers = list(dict.fromkeys(links.index.get_level_values(0)))
        sources = list(dict.fromkeys(links.index.get_level_values(1)))
        figs["chart-network"] = go.Figure(go.Sankey(
            node=dict(label=speakers + sources, pad=8, thickness=12,
                      color=[PALETTE[0]] * len(speakers) + [PALETTE[1]] * len(sources)),
            link=dict(source=[speakers.index(s) for s, _ in links.index],
                      target=[len(speakers) + sources.index(src) for _, src in links.index], value=links.tolist()),
        )).update_layout(**_LAYOUT, height=max(360, 120 + 20 * max(len(speakers), len(sources))),
                         title="Speaker → source (meeting, document, speech …): quotations")
    return figs


def _speaker_sources(said: pd.DataFrame) -> pd.DataFrame:
    """Per speaker: quotations, articles, and the sources named with their dates."""
    rows = []
    for speaker, g in said.groupby("speaker", sort=False):
        sources = []
        for (src, st), s in g.dropna(subset=["source"]).groupby(["source", "source_type"], dropna=False):
            dates = sorted({str(d) for d in s["date"].dropna()})
            kind = "" if pd.isna(st) else f" [{st}]"
            sources.append((len(s), f"{src}{kind}" + (f" ({', '.join(dates)})" if dates else "")))
        rows.append({"speaker": speaker, "quotations": len(g), "articles": g["article_id"].nunique(),
                     "sources": "; ".join(t for _, t in sorted(sources, key=lambda x: -x[0])[:8])})
    table = pd.DataFrame(rows, columns=["speaker", "quotations", "articles", "sources"])
    return table.sort_values(["quotations", "articles"], ascending=False, kind="stable")


# ---------------------------------------------------------------- articles as Jupyter shows them

_QUOTE_FIELDS = ("speaker", "speaker_mention", "source", "source_type", "date", "quote_id")


def _records(df: pd.DataFrame, want: set[str]) -> dict[str, list[dict[str, Any]]]:
    """The rows of the articles in ``want`` as plain dicts (missing values None), by article id."""
    out: dict[str, list[dict[str, Any]]] = {}
    sub = df[df["article_id"].isin(want)]
    for rec in sub.astype(object).where(sub.notna(), None).to_dict("records"):
        out.setdefault(rec["article_id"], []).append(rec)
    return out


def _article_views(tables: dict[str, pd.DataFrame], views: Mapping[str, int]) -> dict[int, str]:
    """The HTML of :func:`policytext.display.article_html` of each article of ``views`` (article id
    → number), by number; the page shows one when its address ends in ``#view-<number>``. The
    articles are rebuilt from their rows, themes, key phrases and quotations set: nothing runs again."""
    want = set(views)
    rows = {name: _records(tables[name], want) for name in ("articles", "paragraphs", "themes", "keyphrases", "quotations")}
    out = {}
    for aid, same in rows["articles"].items():
        row = same[0]  # two files with the same stem give the same id; the first is shown
        ranked: dict[int, list[ThemeScore]] = {}
        for t in sorted(rows["themes"].get(aid, []), key=lambda t: t["rank"]):
            ranked.setdefault(int(t["paragraph"]), []).append(ThemeScore(t["theme"], float(t["score"])))
        paragraphs = [Paragraph(int(p["paragraph"]), p["text"], p["section"]) for p in rows["paragraphs"].get(aid, [])]
        for p in paragraphs:
            p.themes = ranked.get(p.index, [])
        art = Article(**{f: row.get(f) for f in ("title", "subtitle", "author", "affiliation", "publication", "date")},
                      paragraphs=paragraphs, source=row.get("path") or row.get("doc_id"),
                      position=int(row.get("position") or 1))
        kps = [Keyphrase(k["phrase"], float(k["score"]), int(k["count"]))
               for k in sorted(rows["keyphrases"].get(aid, []), key=lambda k: k["rank"])]
        qs = [Quotation(q["text"], q["kind"], int(q["paragraph"]), int(q["start"]), int(q["end"]),
                        *(q[f] for f in _QUOTE_FIELDS)) for q in rows["quotations"].get(aid, [])]
        out[views[aid]] = article_html(art, keyphrases=kps, quotations=qs, k=len(kps) or 10)
    return out


# ---------------------------------------------------------------- page

def _esc(value: Any) -> str:
    return html.escape(_label(value, ""))


def _html_table(df: pd.DataFrame, empty: str) -> str:
    if df.empty:
        return f'<p class="note">{html.escape(empty)}</p>'
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    body = "".join("<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in r) + "</tr>" for r in df.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _json(value: Any) -> str:
    """JSON safe inside ``<script>``: no ``<`` (so no ``</script>`` nor ``<!--``)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _packed(value: Any) -> str:
    """``value`` as gzip-compressed JSON in base64, which the page unpacks with the browser's
    ``DecompressionStream``: the marked-up articles shrink about five times."""
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=9, mtime=0)).decode("ascii")


def _outlet(articles: pd.DataFrame) -> str:
    """The column naming the outlet: a metadata column ``outlet`` if any, else ``publication``."""
    return "outlet" if "outlet" in articles.columns else "publication"


def _glance(tables: dict[str, pd.DataFrame]) -> str:
    """The figures of the corpus as cards, its outlets, and the errors table."""
    arts, errors = tables["articles"], tables["errors"]
    outlet = _outlet(arts)
    outlets = arts[outlet].dropna().astype(str).value_counts()
    dates = arts["date"].dropna().astype(str)
    dates = dates[dates.str.match(r"\d{4}")]
    years = article_periods(arts, "year").dropna()
    span = (f"{dates.min()} – {dates.max()}" if len(dates) else
            f"{years.min()} – {years.max()}" if len(years) else "no dates")
    said = tables["quotations"]
    cards = [("documents", len(set(arts["doc_id"].dropna()) | set(errors["doc_id"].dropna()))),
             ("articles", len(arts)), ("paragraphs", len(tables["paragraphs"])),
             ("outlets", len(outlets)), ("dates", span), ("quotations", len(said)),
             ("speakers", said["speaker"].nunique()), ("errors", len(errors))]
    html_cards = "".join(f'<div class="card"><b>{_esc(v)}</b><span>{k}</span></div>' for k, v in cards)
    named = ", ".join(f"{html.escape(o)} {n}" for o, n in outlets.head(12).items())
    err = _html_table(errors[["doc_id", "article_id", "stage", "error", "message"]], "No errors.")
    return (f'<div class="cards">{html_cards}</div><p>Outlets ({outlet}): {named or "none named"}</p>'
            f"<h3>Errors</h3>{err}")


def _font_face(text: str) -> str:
    """``@font-face`` for Noto Sans SC, subset to the characters of ``text``, as inline WOFF."""
    try:
        import pylopdf_fonts_zh_cn
        from fontTools import subset
    except ImportError as exc:
        raise DependencyError('the report needs its font: pip install "policytext[report]"') from exc
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    font = subset.load_font(str(pylopdf_fonts_zh_cn.sans_path()), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in set(text)} | set(range(0x20, 0x7F)))
    subsetter.subset(font)
    buf = io.BytesIO()
    subset.save_font(font, buf, options)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'@font-face{{font-family:"Noto Sans SC";src:url(data:font/woff;base64,{data}) format("woff")}}'


_CSS = """
body{font-family:%s;margin:0 auto;max-width:1200px;padding:0 1.2em 3em;color:#222;line-height:1.5}
nav{position:sticky;top:0;background:#fff;padding:.4em 0;border-bottom:1px solid #ddd;z-index:10}
nav a{margin-right:1em}
.cards{display:flex;flex-wrap:wrap;gap:.6em}
.card{border:1px solid #ddd;border-radius:6px;padding:.4em .8em;min-width:7em}
.card b{display:block;font-size:1.3em}.card span{color:#666;font-size:.85em}
table{border-collapse:collapse;font-size:.9em;width:100%%}
th,td{text-align:left;vertical-align:top;padding:3px 6px;border-bottom:1px solid #eee}
th{background:#f6f6f6}.note{color:#666}
input[type=search]{width:100%%;font:inherit;padding:.3em;margin:.3em 0}
section,.view{scroll-margin-top:3em}
#article:not(:empty){border-top:2px solid #888;margin-top:1em;padding-top:.5em}
"""

_JS = """
const figures = JSON.parse(document.getElementById('policytext-figures').textContent);
const LIMIT = 300;
let rows = {}, views = {};
async function unpack(id) {
  const bytes = Uint8Array.from(atob(document.getElementById(id).textContent), c => c.charCodeAt(0));
  return JSON.parse(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text());
}
function esc(s) { return String(s ?? '').replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c])); }
function cell(v, link) { return '<td>' + (link !== null && link !== undefined ? '<a href="#view-' + link + '">' + esc(v) + '</a>' : esc(v)) + '</td>'; }
function render(name) {
  const data = rows[name], q = document.getElementById('q-' + name).value.trim().toLowerCase();
  const hits = q ? data.rows.filter(r => r.join(' ').toLowerCase().includes(q)) : data.rows;
  document.getElementById('n-' + name).textContent = hits.length + ' of ' + data.rows.length + (hits.length > LIMIT ? ', first ' + LIMIT + ' shown' : '');
  document.getElementById('t-' + name).innerHTML = '<thead><tr>' + data.columns.map(c => '<th>' + esc(c) + '</th>').join('') + '</tr></thead><tbody>'
    + hits.slice(0, LIMIT).map(r => '<tr>' + r.slice(0, -1).map((v, i) => cell(v, i === data.link ? r[r.length - 1] : null)).join('') + '</tr>').join('') + '</tbody>';
}
function showView() {
  const m = location.hash.match(/^#view-(\\d+)$/), box = document.getElementById('article');
  box.innerHTML = m && views[m[1]] ? '<p><a href="#search">↑ back to the tables</a></p>' + views[m[1]] : '';
  if (box.innerHTML) box.scrollIntoView();
}
const tables = unpack('policytext-data').then(data => {
  rows = data.rows; views = data.views;
  for (const name of Object.keys(rows)) {
    document.getElementById('q-' + name).addEventListener('input', () => render(name));
    render(name);
  }
  window.addEventListener('hashchange', showView);
  showView();
});
const fontReady = document.fonts ? document.fonts.load('14px "Noto Sans SC"', '中').catch(() => null) : Promise.resolve();
const charts = fontReady.then(() => Promise.all(Object.entries(figures).map(([id, fig]) =>
  Plotly.newPlot(id, fig.data, fig.layout, {responsive: true, displaylogo: false}))));
Promise.all([tables, charts]).then(() => { document.body.dataset.ready = 'yes'; },
                                   e => { document.body.dataset.ready = 'failed'; console.error(e); });
"""


def _search_rows(tables: dict[str, pd.DataFrame], views: dict[str, int]) -> dict[str, Any]:
    """Rows of the searchable tables; the last value of a row is the article's view number."""
    arts, quotes, paras = tables["articles"], tables["quotations"], tables["paragraphs"]
    top_themes = (paras.dropna(subset=["primary_theme"]).groupby("article_id")["primary_theme"]
                  .agg(lambda s: " · ".join(theme_label(t) for t in s.value_counts().index[:3])))
    n_quotes = quotes.groupby("article_id").size()
    outlet = _outlet(arts)
    art_rows = [[_label(r.title, r.article_id), _label(r.date, ""), _label(r[outlet], ""), _label(r.author, ""),
                 int(r.n_paragraphs), int(n_quotes.get(r.article_id, 0)), top_themes.get(r.article_id, ""),
                 r.article_id, views.get(r.article_id)]
                for _, r in arts.iterrows()]
    titles = dict(zip(arts["article_id"], arts["title"]))
    q_rows = [[q.text if len(q.text) <= 160 else q.text[:160] + "…", q.kind,
               *(_label(getattr(q, f), "") for f in ("speaker", "source", "source_type", "date")),
               _label(titles.get(q.article_id), q.article_id), views.get(q.article_id)]
              for q in quotes.itertuples()]
    return {"articles": {"columns": ["title", "date", outlet, "author", "paragraphs", "quotations", "themes", "id"],
                         "link": 0, "rows": art_rows},
            "quotations": {"columns": ["text", "kind", "speaker", "source", "source type", "date", "article"],
                           "link": 6, "rows": q_rows}}


def _shared_quotes(tables: dict[str, pd.DataFrame], views: dict[str, int]) -> str:
    """The same quotation (``quote_id``) in several articles, with links to each: quotations and
    indirect speech first, then quoted terms; the most widely cited first."""
    quotes = tables["quotations"].dropna(subset=["quote_id"])
    arts = tables["articles"].set_index("article_id")
    items = []
    spread = quotes.groupby("quote_id").agg(n=("article_id", "nunique"), term=("kind", lambda k: (k == "term").all()))
    spread = spread[spread["n"] > 1].sort_values(["term", "n"], ascending=[True, False], kind="stable")
    for qid, term in spread["term"].head(50).items():
        g = quotes[quotes["quote_id"] == qid]
        speakers = ", ".join(sorted({str(s) for s in g["speaker"].dropna()})) or "unattributed"
        links = []
        for aid in dict.fromkeys(g["article_id"]):
            row = arts.loc[aid] if aid in arts.index else None
            name = html.escape(str(_none(row["title"]) if row is not None and _none(row["title"]) else aid))
            date = html.escape(str(_none(row["date"]) or "")) if row is not None else ""
            links.append((f'<a href="#view-{views[aid]}">{name}</a>' if aid in views else name) + f" {date}")
        text = max(g["text"], key=len)
        kind = "quoted term" if term else "/".join(dict.fromkeys(g["kind"]))
        items.append(f"<li><q>{html.escape(text[:200])}</q> — {html.escape(speakers)} "
                     f"<span class=note>({kind}, {len(links)} articles, {html.escape(qid)})</span><br>{' · '.join(links)}</li>")
    return f"<ol>{''.join(items)}</ol>" if items else '<p class="note">No quotation is shared by two articles.</p>'


def write_report(tables: Mapping[str, pd.DataFrame] | Any, out: str | os.PathLike[str], by: str | None = None,
                 title: str | None = None, *, max_views: int = 2000) -> Path:
    """Write the report of an analysis to ``out`` (one HTML file, no network needed) and return its path.

    ``tables`` are the tables of :class:`~policytext.CorpusAnalysis` (``result.tables``, or the
    analysis itself); ``by`` groups the themes over time by a metadata column or article field
    (``"outlet"``, ``"publication"``, ``"genre"``); the first ``max_views`` articles can be read in
    the page, marked up as Jupyter shows them (all are listed). The page sets
    ``document.body.dataset.ready`` to ``"yes"`` once its charts and tables are drawn.
    Needs ``pip install "policytext[report]"``.

    >>> write_report(policytext.Corpus.from_files("corpora/*.txt").analyze(), "report.html", by="publication")  # doctest: +SKIP
    """
    try:
        import plotly.io as pio
        from plotly.offline import get_plotlyjs
    except ImportError as exc:
        raise DependencyError('policytext.report needs plotly: pip install "policytext[report]"') from exc
    found = tables_of(tables) or {}
    missing = [t for t in ("articles", "paragraphs", "themes", "keyphrases", "quotations", "errors") if t not in found]
    if missing:
        raise InputError(f"the report needs the tables {missing}; give CorpusAnalysis.tables "
                         "(or CorpusAnalysis.from_parquet(folder))")
    arts = found["articles"]
    freq = period_freq(arts)
    period = pd.Series(article_periods(arts, freq).values, index=arts["article_id"].values)
    quotes = found["quotations"]
    said = quotes[(quotes["kind"] != "term") & quotes["speaker"].notna()]
    figs = {"chart-themes": _theme_figure(arts, found["paragraphs"], period, freq, by),
            **_phrase_figures(found["keyphrases"], found["paragraphs"], period, freq), **_speaker_figures(said)}
    views = {aid: n for n, aid in enumerate(found["articles"]["article_id"]) if n < max_views}
    heading = title or "policytext report"
    charts = {k: f'<div class="chart" id="{k}"></div>' for k in figs}
    new = new_phrases(found["keyphrases"], period, recent=max(1, period.nunique() // 3))
    speakers = _speaker_sources(said[said["speaker"].isin(said["speaker"].value_counts().index[:20])])
    body = f"""<h1>{html.escape(heading)}</h1>
<nav><a href="#glance">At a glance</a><a href="#themes">Themes</a><a href="#phrases">Key phrases</a>
<a href="#speakers">Speakers</a><a href="#quotes">Shared quotations</a><a href="#search">Search</a></nav>
<section id="glance"><h2>At a glance</h2>{_glance(found)}</section>
<section id="themes"><h2>Themes</h2>{charts["chart-themes"]}</section>
<section id="phrases"><h2>Key phrases</h2>{charts["chart-phrases"]}{charts.get("chart-trends", "")}
<h3>New key phrases</h3><p class="note">Key phrases of the latest period(s) that were key to no earlier article.</p>
{_html_table(new, "No key phrase is new in the latest period(s), or the articles span a single period.")}</section>
<section id="speakers"><h2>Speakers and their sources</h2>{charts["chart-speakers"]}
{_html_table(speakers, "No attributed quotations.")}</section>
<section id="quotes"><h2>The same quotation across articles</h2>{_shared_quotes(found, views)}
{charts.get("chart-network", "")}</section>
<section id="search"><h2>Articles</h2><input type="search" id="q-articles" placeholder="filter: 城市更新, 2025-01, 人民日报 …">
<div class="note" id="n-articles"></div><table id="t-articles"></table>
<h2>Quotations</h2><input type="search" id="q-quotations" placeholder="filter: 习近平, 政府工作报告 …">
<div class="note" id="n-quotations"></div><table id="t-quotations"></table></section>
<section id="article"></section>"""
    figures = _json({k: json.loads(pio.to_json(f, validate=False)) for k, f in figs.items()})
    packed = {"rows": _search_rows(found, views), "views": _article_views(found, views)}
    data = (f'<script type="application/json" id="policytext-figures">{figures}</script>'
            f'<script type="application/octet-stream" id="policytext-data">{_packed(packed)}</script>')
    page_text = html.unescape(body) + figures + json.dumps(packed, ensure_ascii=False)
    page = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(heading)}</title>'
            f"<style>{_font_face(page_text + heading)}{_CSS % _FONT_FAMILY}</style>"
            f"<script>{get_plotlyjs()}</script></head><body>{body}{data}<script>{_JS}</script></body></html>")
    path = Path(out)
    path.write_text(page, encoding="utf-8")
    return path
