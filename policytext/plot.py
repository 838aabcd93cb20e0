"""Plots of an analysis, one call each, returning a matplotlib ``Figure``.

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

import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .document import Article, Keyphrase, Quotation
from .display import PALETTE, theme_color, theme_label
from .errors import DependencyError, InputError

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

def _articles(data: Article | Iterable[Article]) -> list[Article]:
    return [data] if isinstance(data, Article) else list(data)


def _short(text: str | None, n: int = 14) -> str:
    text = text or ""
    return text if len(text) <= n else text[:n] + "…"


def _figure(rows: int, width: float = 8.0) -> tuple[Figure, Any]:
    """A figure whose height fits ``rows`` horizontal bars."""
    fig = Figure(figsize=(width, max(2.5, 0.8 + 0.32 * rows)), layout="constrained")
    return fig, fig.add_subplot()


def _stacked(table: pd.DataFrame, colors: Sequence[str], labels: Sequence[str], title: str,
             xlabel: str) -> Figure:
    """Horizontal stacked bars, first row at the top, one colour per column."""
    fig, ax = _figure(len(table))
    left = pd.Series(0.0, index=table.index)
    ys = range(len(table))
    for column, color, label in zip(table.columns, colors, labels):
        ax.barh(ys, table[column], left=left, color=color, label=label)
        left += table[column]
    ax.set_yticks(ys, [_short(str(i), 24) for i in table.index])
    ax.invert_yaxis()
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize="small")
    return fig


# ---------------------------------------------------------------- themes

def theme_distribution(data: Article | Iterable[Article] | pd.DataFrame,
                       by: str | Callable[[Article], Any] | None = None,
                       normalize: bool = True) -> Figure:
    """Share of paragraphs by primary theme, one bar per article or per group.

    ``data`` is an article, articles (a corpus) or a paragraphs table with columns
    ``primary_theme`` and the ``by`` column (``corpus.analyze().paragraphs``, ``by="article_id"``).
    For articles, ``by`` is an attribute name (``"publication"``) or a function
    (``lambda a: a.date[:4]``); default one bar per article.

    >>> theme_distribution(policytext.read("corpora/guangming-2025-01-27.txt"))  # doctest: +SKIP
    """
    titles: dict[str, str] = {}  # bars of single articles are labelled by title
    if isinstance(data, pd.DataFrame):
        if by is None or callable(by):
            raise InputError("with a table, by= names the column to group on, e.g. 'article_id'")
        rows = pd.DataFrame({"group": data[by], "theme": data["primary_theme"]})
    else:
        arts = _articles(data)
        if by is None:
            titles = {a.id: a.title or a.id for a in arts}

        def group(a: Article) -> Any:
            if by is None:
                return a.id
            return by(a) if callable(by) else getattr(a, by)

        rows = pd.DataFrame([(group(a), p.primary_theme) for a in arts for p in a.paragraphs],
                            columns=["group", "theme"])
    rows["theme"] = rows["theme"].fillna("")
    table = pd.crosstab(rows["group"], rows["theme"], normalize="index" if normalize else False)
    table = table.reindex(rows["group"].drop_duplicates())  # groups in order of appearance
    table.index = [titles.get(g, g) for g in table.index]
    order = table.sum().sort_values(ascending=False, kind="stable").index
    table = table[order]
    ids = [t or None for t in table.columns]
    return _stacked(table, [theme_color(t) for t in ids], [theme_label(t) for t in ids],
                    "Primary theme of paragraphs",
                    "share of paragraphs" if normalize else "paragraphs")


# ---------------------------------------------------------------- key phrases

def top_keyphrases(data: Article | Sequence[Keyphrase] | pd.DataFrame, k: int = 20) -> Figure:
    """The ``k`` best key phrases as bars of their score, with the count written beside each.

    ``data`` is an article, its key phrases, or a key-phrase table (columns ``phrase``,
    ``score``, ``count``, one row per article and phrase, as ``corpus.analyze().keyphrases``),
    whose scores and counts are summed per phrase: a phrase key to many articles ranks first.

    >>> top_keyphrases([Keyphrase("城市更新", 1.0, 41), Keyphrase("韧性城市", 0.6, 9)])  # doctest: +SKIP
    """
    if isinstance(data, Article):
        data = data.keyphrases(k)
    if isinstance(data, pd.DataFrame):
        table = data.groupby("phrase")[["score", "count"]].sum()
    else:
        table = pd.DataFrame([(kp.phrase, kp.score, kp.count) for kp in data],
                             columns=["phrase", "score", "count"]).set_index("phrase")
    table = table.sort_values(["score", "count"], ascending=False, kind="stable").head(k)
    fig, ax = _figure(len(table), width=6.5)
    bars = ax.barh(range(len(table)), table["score"], color=theme_color(None))
    ax.bar_label(bars, labels=[f"×{c}" for c in table["count"]], padding=3, fontsize="small")
    ax.set_yticks(range(len(table)), list(table.index))
    ax.invert_yaxis()
    ax.set_xlabel("score (count beside)")
    ax.set_title(f"Top {len(table)} key phrases")
    return fig


# ---------------------------------------------------------------- quotations

def _quotations(data: Any) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, Article):
        data = [data]
    items = list(data)
    if items and isinstance(items[0], Article):
        items = [q for a in items for q in a.quotations()]
    columns = ["speaker", "source", "source_type", "kind"]
    return pd.DataFrame([[getattr(q, c) for c in columns] for q in items], columns=columns)


def speakers(data: Article | Iterable[Article] | Iterable[Quotation] | pd.DataFrame,
             top: int = 15, stack: str = "source_type", unattributed: bool = False) -> Figure:
    """Who is quoted how often, each bar split by where the words come from.

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

def _period(date: str | None, freq: str) -> str | None:
    """``'2025-01-27'`` → ``'2025'`` (year) or ``'2025-01'`` (month); None when the date is too
    partial (``'--01-27'``, or a bare year by month)."""
    pattern = r"(\d{4})" if freq == "year" else r"(\d{4}-\d{2})"
    m = re.match(pattern, date or "")
    return m.group(1) if m else None


def phrase_frequency(data: Iterable[Article], phrases: str | Sequence[str], freq: str = "year",
                     per: int = 10_000) -> Figure:
    """How often each phrase occurs over time: occurrences per ``per`` characters of body text in
    each year or month (``freq="year"|"month"``), one line per phrase.

    Occurrences are counted in the text (substrings), so ``城市更新`` also counts inside
    ``城市更新行动``. A period without articles is a gap in the line; articles without a usable
    date are left out and counted in the title.

    >>> phrase_frequency(corpus, ["新质生产力", "城市更新"], freq="month")  # doctest: +SKIP
    """
    if freq not in ("year", "month"):
        raise InputError("freq must be 'year' or 'month'")
    phrases = [phrases] if isinstance(phrases, str) else list(phrases)
    rows = []
    undated = 0
    for art in data:
        period = _period(art.date, freq)
        if period is None:
            undated += 1
            continue
        text = art.text
        rows.append([period, len(text), *(text.count(p) for p in phrases)])
    if not rows:
        raise InputError("no article has a date with a year" + (" and month" if freq == "month"
                                                                 else ""))
    table = pd.DataFrame(rows, columns=["period", "chars", *phrases]).groupby("period").sum()
    table.index = pd.PeriodIndex(table.index, freq="Y" if freq == "year" else "M")
    table = table.reindex(pd.period_range(table.index.min(), table.index.max(),
                                          freq=table.index.freq))
    x = table.index.to_timestamp()
    fig = Figure(figsize=(8, 3.8), layout="constrained")
    ax = fig.add_subplot()
    for p in phrases:
        ax.plot(x, table[p] * per / table["chars"], marker="o", label=p)
    ax.set_ylabel(f"occurrences per {per:,} characters")
    ax.set_ylim(bottom=0)
    note = f" ({undated} undated articles left out)" if undated else ""
    ax.set_title(f"Phrase frequency by {freq}{note}")
    ax.legend(frameon=False)
    return fig
