"""Plots of an analysis, one call each, returning a matplotlib ``Figure``.

Every function takes the result of :meth:`policytext.Corpus.analyze` (a ``CorpusAnalysis``, or
its ``tables``), a :class:`~policytext.Corpus`, articles or an article, and the table of its
topic; groups are any metadata column or article field (``by="year"``, ``by="outlet"``).
Legends sit outside the axes and the figure grows to hold them, so nothing is cut off.

Needs the ``notebook`` extra (``pip install "policytext[notebook]"``), which brings matplotlib
and a CJK font (Noto Sans SC, SIL OFL 1.1, from the ``pylopdf-fonts-zh-cn`` package). Importing
this module registers that font with matplotlib and puts it first among the sans-serif fonts, so
Chinese labels render on a fresh machine without downloading anything.

>>> import policytext, policytext.plot as ptp
>>> art = policytext.read("corpora/guangming-2025-01-27.txt")[0]
>>> fig = ptp.top_keyphrases(art, k=10)          # doctest: +SKIP
>>> fig.savefig("keyphrases.png")                # doctest: +SKIP

The figures are not attached to pyplot, so a notebook shows each exactly once (as the cell's
value, registered with IPython on import) and nothing leaks when many are made in a loop.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any, Union

from .document import Article, Keyphrase, Quotation
from .display import PALETTE, theme_color
from .errors import DependencyError, InputError
from .report import article_periods, group_values, period_freq, phrase_rates, tables_of, theme_styles

if TYPE_CHECKING:
    from .corpus import CorpusAnalysis

try:
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.figure import Figure
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise DependencyError(
        'policytext.plot needs matplotlib: pip install "policytext[notebook]"') from exc

import pandas as pd

__all__ = [
    "phrase_frequency",
    "speakers",
    "theme_distribution",
    "top_keyphrases",
    "use_cjk_font",
]

# Families tried, in order, when the bundled font package is absent.
_SYSTEM_CJK = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
               "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "SimHei", "Heiti SC")
_UNATTRIBUTED = "(unattributed)"
_NO_SOURCE = "(none named)"
_OTHER = "(other)"


def use_cjk_font() -> str | None:
    """Make matplotlib draw Chinese: register Noto Sans SC from ``pylopdf-fonts-zh-cn`` (or, without
    it, the first CJK font installed on the system) and put it first in ``font.sans-serif``.

    Returns the family name, or None (with a warning) when no CJK font is available. Called on
    import; call it again after changing ``matplotlib.rcParams``.
    """
    family = None
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        installed = {f.name for f in font_manager.fontManager.ttflist}
        family = next((f for f in _SYSTEM_CJK if f in installed), None)
    else:
        path = str(pylopdf_fonts_zh_cn.sans_path())
        font_manager.fontManager.addfont(path)
        family = font_manager.FontProperties(fname=path).get_name()
    if family is None:
        warnings.warn('no CJK font found: Chinese will show as boxes; '
                      'pip install "policytext[notebook]"', stacklevel=2)
        return None
    rest = [f for f in matplotlib.rcParams["font.sans-serif"] if f != family]
    matplotlib.rcParams["font.sans-serif"] = [family, *rest]
    return family


def _show_figures_in_ipython() -> None:
    """Let IPython show a returned Figure as PNG even when pyplot was never imported (our figures
    are not pyplot's, so the inline backend has not registered its formatter yet)."""
    try:
        from IPython import get_ipython
        from IPython.core.pylabtools import print_figure
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        formatter = shell.display_formatter.formatters["image/png"]
        formatter.for_type(Figure, lambda fig: print_figure(fig, "png", bbox_inches="tight"))


FONT = use_cjk_font()
_show_figures_in_ipython()


# ---------------------------------------------------------------- inputs

# An analysis (``corpus.analyze()``) or its tables; a Corpus is an Iterable[Article] with metadata.
_Analysis = Union["CorpusAnalysis", Mapping[str, pd.DataFrame]]
_FIELDS = tuple(f.name for f in fields(Article) if f.name not in ("sections", "paragraphs", "dropped"))
_MAX_BARS = 40  # more articles than this are grouped by period when no grouping is asked for


def _articles(data: Article | Iterable[Article]) -> list[Article]:
    return [data] if isinstance(data, Article) else list(data)


def _articles_table(data: Any) -> tuple[pd.DataFrame, list[Article]]:
    """The articles of ``data`` and their table like ``CorpusAnalysis.articles``: ``article_id``,
    the article fields and, for a :class:`~policytext.Corpus`, the metadata of each article's
    document (a column named like a field gets ``_meta`` appended, as in the analysis)."""
    arts = _articles(data)
    meta = getattr(data, "meta", None)
    by_key: dict[str, dict[str, Any]] = {}
    if isinstance(meta, pd.DataFrame):
        for rec in meta.drop(columns=["path"]).to_dict("records"):
            by_key[str(rec["doc_id"])] = {f"{k}_meta" if k in _FIELDS else k: v for k, v in rec.items()}
        for key, doc in zip(meta["path"], meta["doc_id"]):
            if isinstance(key, str):
                by_key[key] = by_key[str(doc)]
    rows = [{**by_key.get(a.source or "", {}), "article_id": a.id, **{f: getattr(a, f) for f in _FIELDS}}
            for a in arts]
    return pd.DataFrame(rows, columns=list(dict.fromkeys(["article_id", *_FIELDS, *(c for r in rows for c in r)]))), arts


def _short(text: str | None, n: int = 14) -> str:
    text = text or ""
    return text if len(text) <= n else text[:n] + "…"


def _figure(rows: int, legend: int = 0, width: float = 8.0) -> tuple[Figure, Any]:
    """A figure whose height fits ``rows`` horizontal bars and a legend of ``legend`` entries."""
    columns = _legend_columns(legend)
    height = max(2.5, 0.8 + 0.32 * rows, 0.7 + 0.22 * math.ceil(legend / columns))
    fig = Figure(figsize=(width + 2.0 * (columns - 1), height), layout="constrained")
    return fig, fig.add_subplot()


def _legend_columns(n: int) -> int:
    return 1 if n <= 16 else 2


def _legend(fig: Figure, ax: Any) -> None:
    """The legend outside the axes, right of them; constrained layout makes room for it."""
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        fig.legend(handles, labels, loc="outside right upper", frameon=False, fontsize="small",
                   ncols=_legend_columns(len(labels)))


def _stacked(table: pd.DataFrame, colors: Sequence[str], labels: Sequence[str], title: str,
             xlabel: str) -> Figure:
    """Horizontal stacked bars, first row at the top, one colour per column."""
    fig, ax = _figure(len(table), legend=len(labels))
    left = pd.Series(0.0, index=table.index)
    ys = range(len(table))
    for column, color, label in zip(table.columns, colors, labels):
        ax.barh(ys, table[column], left=left, color=color, label=label)
        left += table[column]
    ax.set_yticks(ys, [_short(str(i), 24) for i in table.index])
    ax.invert_yaxis()
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    _legend(fig, ax)
    return fig


# ---------------------------------------------------------------- themes

def theme_distribution(data: _Analysis | Article | Iterable[Article] | pd.DataFrame,
                       by: str | Callable[[Article], Any] | None = None, normalize: bool = True) -> Figure:
    """Share of paragraphs by primary theme, one bar per article or per group.

    ``data`` is an analysis (``corpus.analyze()``), a corpus, articles, an article, or a
    paragraphs table with columns ``primary_theme`` and the ``by`` column. ``by`` is a metadata
    column or article field (``"outlet"``, ``"publication"``), ``"year"``/``"month"`` (from the
    dates, else a metadata ``year`` column) or, for articles, a function (``lambda a: a.genre``);
    default one bar per article (per year or month beyond 40 articles). A paragraph without a
    theme counts as ``(no theme)``; up to 20 themes keep distinct colours.

    >>> theme_distribution(policytext.Corpus.from_files("corpora/*.txt").analyze(), by="year")  # doctest: +SKIP
    """
    tables = tables_of(data)
    if isinstance(data, pd.DataFrame):
        if by is None or callable(by):
            raise InputError("with a table, by= names the column to group on, e.g. 'article_id'")
        rows = pd.DataFrame({"group": data[by], "theme": data["primary_theme"]})
        titles: dict[Any, str] = {}
    else:
        if tables is not None:
            arts, objects = tables["articles"], None
            paras = tables["paragraphs"][["article_id", "primary_theme"]]
        else:
            arts, objects = _articles_table(data)
            paras = pd.DataFrame([(a.id, p.primary_theme) for a in objects for p in a.paragraphs],
                                 columns=["article_id", "primary_theme"])
        if by is None and len(arts) > _MAX_BARS and article_periods(arts).notna().any():
            by = period_freq(arts)
        if callable(by):
            if objects is None:
                raise InputError("with an analysis, by= names a column of its articles table, e.g. 'year'")
            labels = pd.Series([by(a) for a in objects])
        else:
            labels = arts["article_id"] if by is None else group_values(arts, by)
        titles = {} if by is not None else dict(zip(arts["article_id"], arts["title"].fillna(arts["article_id"])))
        rows = pd.DataFrame({"group": paras["article_id"].map(dict(zip(arts["article_id"], labels))),
                             "theme": paras["primary_theme"]})
    rows["theme"] = rows["theme"].fillna("")
    table = pd.crosstab(rows["group"], rows["theme"], normalize="index" if normalize else False)
    table = table.reindex(rows["group"].drop_duplicates().dropna())  # groups in order of appearance
    if by in ("year", "month"):
        table = table.sort_index()
    table.index = [titles.get(g, g) for g in table.index]
    table = table[table.sum().sort_values(ascending=False, kind="stable").index]
    names, colors = zip(*theme_styles(list(table.columns))) if len(table.columns) else ((), ())
    return _stacked(table, colors, names, "Primary theme of paragraphs",
                    "share of paragraphs" if normalize else "paragraphs")


# ---------------------------------------------------------------- key phrases

def top_keyphrases(data: _Analysis | Article | Iterable[Article] | Sequence[Keyphrase] | pd.DataFrame,
                   k: int = 20) -> Figure:
    """The ``k`` best key phrases as bars of their score, with the count written beside each.

    ``data`` is an article, its key phrases, articles (each gives its ``k`` best), an analysis
    or its key-phrase table (columns ``phrase``, ``score``, ``count``, one row per article and
    phrase), whose scores and counts are summed per phrase: a phrase key to many articles ranks first.

    >>> top_keyphrases([Keyphrase("城市更新", 1.0, 41), Keyphrase("韧性城市", 0.6, 9)])  # doctest: +SKIP
    """
    tables = tables_of(data)
    if tables is not None:
        data = tables["keyphrases"]
    elif isinstance(data, Article):
        data = data.keyphrases(k)
    if not isinstance(data, pd.DataFrame):
        items = list(data)
        kps = [kp for a in items for kp in a.keyphrases(k)] if items and isinstance(items[0], Article) else items
        data = pd.DataFrame([(kp.phrase, kp.score, kp.count) for kp in kps], columns=["phrase", "score", "count"])
    table = data.groupby("phrase", sort=False)[["score", "count"]].sum()
    table = table.sort_values(["score", "count"], ascending=False, kind="stable").head(k)
    fig, ax = _figure(len(table), width=6.5)
    bars = ax.barh(range(len(table)), table["score"], color=theme_color(None))
    ax.bar_label(bars, labels=[f"×{c}" for c in table["count"]], padding=3, fontsize="small")
    ax.set_yticks(range(len(table)), list(table.index))
    ax.invert_yaxis()
    ax.margins(x=0.12)  # room for the counts beside the longest bar
    ax.set_xlabel("score (count beside)")
    ax.set_title(f"Top {len(table)} key phrases")
    return fig


# ---------------------------------------------------------------- quotations

def _quotations(data: Any) -> pd.DataFrame:
    tables = tables_of(data)
    if tables is not None:
        return tables["quotations"]
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, Article):
        data = [data]
    items = list(data)
    if items and isinstance(items[0], Article):
        items = [q for a in items for q in a.quotations()]
    columns = ["speaker", "source", "source_type", "kind"]
    return pd.DataFrame([[getattr(q, c) for c in columns] for q in items], columns=columns)


def speakers(data: _Analysis | Article | Iterable[Article] | Iterable[Quotation] | pd.DataFrame,
             top: int = 15, stack: str = "source_type", unattributed: bool = False) -> Figure:
    """Who is quoted how often, each bar split by where the words come from.

    ``data`` is an analysis, a quotations table, a corpus, articles, an article or quotations.
    ``stack`` is ``"source_type"`` (meeting, document, inspection …) or ``"source"`` (the
    occasion or document itself, the eight most frequent kept apart, the rest as ``(other)``).
    Quoted terms are left out; quotations without a speaker are counted as ``(unattributed)``
    when ``unattributed``.

    >>> speakers([Quotation("……", "direct", 0, 0, 2, speaker="习近平", source_type="meeting")])  # doctest: +SKIP
    """
    if stack not in ("source_type", "source"):
        raise InputError("stack must be 'source_type' or 'source'")
    rows = _quotations(data)
    rows = rows[rows["kind"] != "term"].copy()
    if unattributed:
        rows["speaker"] = rows["speaker"].fillna(_UNATTRIBUTED)
    rows = rows.dropna(subset=["speaker"])
    rows[stack] = rows[stack].fillna(_NO_SOURCE)
    if stack == "source":
        keep = rows["source"][rows["source"] != _NO_SOURCE].value_counts().index[:8]
        rows.loc[~rows["source"].isin([*keep, _NO_SOURCE]), "source"] = _OTHER
    table = pd.crosstab(rows["speaker"], rows[stack])
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top]]
    table = table[table.sum().sort_values(ascending=False, kind="stable").index]
    named = [c for c in table.columns if c not in (_NO_SOURCE, _OTHER)]
    colors = [PALETTE[named.index(c) % len(PALETTE)] if c in named else theme_color(None)
              for c in table.columns]
    return _stacked(table, colors, [_short(str(c), 20) for c in table.columns],
                    "Who is quoted, and from which sources", "quotations")


# ---------------------------------------------------------------- phrases over time

def phrase_frequency(data: _Analysis | Iterable[Article], phrases: str | Sequence[str], freq: str = "year",
                     per: int = 10_000) -> Figure:
    """How often each phrase occurs over time: occurrences per ``per`` characters of body text in
    each year or month (``freq="year"|"month"``), one line per phrase.

    ``data`` is an analysis, a corpus or articles. The period of an article comes from its date,
    else from a metadata ``year`` column (by year). Occurrences are counted in the text
    (substrings), so ``城市更新`` also counts inside ``城市更新行动``. A period without articles is a
    gap in the line; articles without a usable date are left out and counted in the title.

    >>> phrase_frequency(corpus, ["新质生产力", "城市更新"], freq="month")  # doctest: +SKIP
    """
    if freq not in ("year", "month"):
        raise InputError("freq must be 'year' or 'month'")
    phrases = [phrases] if isinstance(phrases, str) else list(phrases)
    tables = tables_of(data)
    if tables is not None:
        arts = tables["articles"]
        texts = (tables["paragraphs"].groupby("article_id", sort=False)["text"].agg("\n".join)
                 .reindex(arts["article_id"]).fillna("").tolist())
    else:
        arts, objects = _articles_table(data)
        texts = [a.text for a in objects]
    periods = article_periods(arts, freq)
    table = phrase_rates(texts, periods.tolist(), phrases, per=per, freq=freq)
    x = pd.PeriodIndex(table.index, freq="Y" if freq == "year" else "M").to_timestamp()
    fig = Figure(figsize=(8, 3.8), layout="constrained")
    ax = fig.add_subplot()
    for p in phrases:
        ax.plot(x, table[p], marker="o", label=p)
    ax.set_ylabel(f"occurrences per {per:,} characters")
    ax.set_ylim(bottom=0)
    undated = int(periods.isna().sum())
    note = f" ({undated} undated articles left out)" if undated else ""
    ax.set_title(f"Phrase frequency by {freq}{note}")
    _legend(fig, ax)
    return fig
