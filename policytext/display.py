"""Rich HTML display of articles, quotations and corpora in Jupyter.

``Article._repr_html_`` and friends delegate here, so a notebook cell that ends with an article
shows it at a glance: its metadata, each paragraph with its primary theme as a coloured label,
the key phrases highlighted, each quotation marked with its speaker (source and date on hover)
and quoted terms marked differently from quotations. The module needs nothing beyond the standard
library; all text is HTML-escaped and styles are inline, so the output survives notebook
sanitisers (JupyterLab, GitHub).

>>> import policytext
>>> from policytext.display import article_html
>>> art = policytext.read_text("标题\\n\\n王某\\n\\n城市更新是重要手段。")[0]
>>> "城市更新是重要手段。" in article_html(art, keyphrases=[], quotations=[])
True
"""

from __future__ import annotations

import html
import re
import warnings
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .document import set_html

if TYPE_CHECKING:
    from .document import Article, Entity, Keyphrase, Paragraph, Quotation

__all__ = [
    "PALETTE",
    "article_html",
    "corpus_html",
    "entities_html",
    "quotations_html",
    "theme_color",
    "theme_label",
]

# A qualitative palette dark enough for white label text; the first 13 follow the default
# taxonomy's order (urban blue, livability orange, security red, …, ecology green, Party dark red).
PALETTE = (
    "#1f77b4", "#e6550d", "#d62728", "#9467bd", "#138d90", "#8c564b", "#b8860b",
    "#393b79", "#2ca02c", "#e377c2", "#637939", "#0b6e99", "#843c39", "#7b4173",
    "#636363", "#8c6d31", "#756bb1", "#31a354", "#3182bd", "#a55194", "#bd9e39",
)
_NO_THEME = "#b0b0b0"
_KEYPHRASE_BG = "#fff3a8"
_QUOTE_COLOR = "#b03a2e"
_TERM_COLOR = "#1f618d"
_OWN_MARKS = frozenset({"keyphrase", "direct", "indirect", "term"})  # drawn from the records themselves
_MARK_STYLE = {"entity": "border-bottom:1px dotted #888"}
_KIND_LABEL = {"direct": "direct quotation", "indirect": "indirect speech", "term": "quoted term"}
_FONT = ("font-family:'Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
         "'WenQuanYi Micro Hei',sans-serif;")


# ---------------------------------------------------------------- themes

def _default_themes() -> dict[str, Any]:
    """The themes of the default taxonomy by id, in taxonomy order."""
    from .themes.model import Taxonomy

    return {t.id: t for t in Taxonomy.default()}


def theme_color(theme_id: str | None) -> str:
    """A stable hex colour for a theme id: its place in the default taxonomy picks the colour,
    other ids are hashed. ``theme_color(None)`` is grey.

    >>> theme_color("urban_renewal") == theme_color("urban_renewal")
    True
    """
    if theme_id is None:
        return _NO_THEME
    ids = list(_default_themes())
    index = ids.index(theme_id) if theme_id in ids else zlib.crc32(theme_id.encode("utf-8"))
    return PALETTE[index % len(PALETTE)]


def theme_label(theme_id: str | None) -> str:
    """The Chinese label of a theme id of the default taxonomy (``'城市更新与城镇化'``), else the id."""
    if theme_id is None:
        return "—"
    theme = _default_themes().get(theme_id)
    return (theme.zh or theme_id) if theme else theme_id


def _chip(text: str, color: str, title: str = "") -> str:
    tip = f' title="{_esc(title)}"' if title else ""
    return (f'<span style="background:{color};color:#fff;border-radius:3px;padding:0 .4em;'
            f'font-size:.8em;white-space:nowrap"{tip}>{_esc(text)}</span>')


# ---------------------------------------------------------------- span marking

@dataclass(frozen=True)
class _Span:
    """An HTML element around ``text[start:end]``; lower ``layer`` nests outside higher ones."""

    start: int
    end: int
    layer: int
    open: str
    close: str = "</span>"
    after: str = ""


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _mark(text: str, spans: Iterable[_Span]) -> str:
    """Escape ``text`` and wrap each span in its element, splitting a span where it crosses the
    boundary of another so that the elements nest properly. Every character appears once."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    starting: dict[int, list[_Span]] = defaultdict(list)
    for s in spans:
        starting[s.start].append(s)
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[_Span] = []
    for i, pos in enumerate(bounds):
        reopen: list[_Span] = []
        while any(s.end == pos for s in stack):
            s = stack.pop()
            out.append(s.close)
            if s.end == pos:
                out.append(s.after)
            else:
                reopen.append(s)
        for s in reversed(reopen):
            out.append(s.open)
            stack.append(s)
        for s in sorted(starting[pos], key=lambda s: (-s.end, s.layer)):
            out.append(s.open)
            stack.append(s)
        if i + 1 < len(bounds):
            out.append(_esc(text[pos:bounds[i + 1]]))
    return "".join(out)


def _quote_tooltip(q: Quotation) -> str:
    parts = [_KIND_LABEL.get(q.kind, q.kind)]
    if q.speaker or q.speaker_mention:
        who = q.speaker or "unattributed"
        if q.speaker_mention and q.speaker_mention != q.speaker:
            who += f" ({q.speaker_mention})"
        parts.append(who)
    if q.source:
        parts.append(q.source + (f" [{q.source_type}]" if q.source_type else ""))
    if q.date:
        parts.append(q.date)
    return " · ".join(parts)


def _quote_span(q: Quotation) -> _Span:
    tip = _esc(_quote_tooltip(q))
    if q.kind == "term":
        return _Span(q.start, q.end, 1,
                     f'<span style="color:{_TERM_COLOR};border:1px dotted {_TERM_COLOR};'
                     f'border-radius:2px;padding:0 1px" title="{tip}">')
    line = "solid" if q.kind == "direct" else "dashed"
    who = q.speaker or q.speaker_mention
    after = (f'<sup style="color:{_QUOTE_COLOR};font-size:.7em;white-space:nowrap">'
             f'{_esc(who)}</sup>') if who else ""
    return _Span(q.start, q.end, 0,
                 f'<span style="background:#fbeeec;border-bottom:2px {line} {_QUOTE_COLOR}" '
                 f'title="{tip}">', after=after)


def _keyphrase_spans(text: str, pattern: re.Pattern[str] | None) -> list[_Span]:
    if pattern is None:
        return []
    return [_Span(m.start(), m.end(), 2,
                  f'<mark style="background:{_KEYPHRASE_BG};padding:0">', "</mark>")
            for m in pattern.finditer(text)]


def _keyphrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for all phrases, longest first, so that 城市更新行动 wins over 城市更新."""
    unique = sorted({p for p in phrases if p}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, unique))) if unique else None


def _checked(quotations: Iterable[Quotation], paragraphs: Sequence[Paragraph]) -> list[Quotation]:
    """The quotations whose offsets are exact; a warning names any that are not."""
    good = []
    for q in quotations:
        ok = 0 <= q.paragraph < len(paragraphs) and \
            paragraphs[q.paragraph].text[q.start:q.end] == q.text
        if ok:
            good.append(q)
        else:
            warnings.warn(f"quotation {q.text[:20]!r} does not match paragraph {q.paragraph} "
                          f"at [{q.start}:{q.end}]; it is not marked", stacklevel=3)
    return good


# ---------------------------------------------------------------- article

def article_html(article: Article, keyphrases: Sequence[Keyphrase] | None = None,
                 quotations: Sequence[Quotation] | None = None, k: int = 10) -> str:
    """HTML for one article: metadata, key phrases, a theme legend and the marked paragraphs.

    ``keyphrases`` and ``quotations`` default to the article's own (``article.keyphrases(k)``,
    ``article.quotations()``); pass precomputed ones to avoid a second analysis.

    >>> from policytext import Keyphrase, read_text
    >>> art = read_text("标题\\n\\n城市更新是重要手段。")[0]
    >>> '<mark style="background:#fff3a8;padding:0">城市更新</mark>' in article_html(
    ...     art, keyphrases=[Keyphrase("城市更新", 1.0, 1)], quotations=[])
    True
    """
    kps = list(article.keyphrases(k) if keyphrases is None else keyphrases)[:k]
    quotes = _checked(article.quotations() if quotations is None else quotations,
                      article.paragraphs)
    by_paragraph: dict[int, list[Quotation]] = defaultdict(list)
    for q in quotes:
        by_paragraph[q.paragraph].append(q)
    pattern = _keyphrase_pattern(kp.phrase for kp in kps)
    other: dict[int, list[_Span]] = defaultdict(list)  # what the other stages mark (entities, …)
    for m in article.analyzer.marks(article):
        if m.style not in _OWN_MARKS:
            other[m.paragraph].append(_Span(m.start, m.end, 3, f'<span style="{_MARK_STYLE.get(m.style, _MARK_STYLE["entity"])}" '
                                            f'title="{_esc(m.title)}">'))

    meta = [_esc(x) for x in
            (article.author, article.affiliation, article.publication, article.date) if x]
    meta += [f"<code>{_esc(article.id)}</code>", f"{len(article.paragraphs)} paragraphs"]
    head = [f'<div style="font-size:1.25em;font-weight:bold">{_esc(article.title or "(untitled)")}'
            "</div>"]
    if article.subtitle:
        head.append(f'<div style="color:#555">{_esc(article.subtitle)}</div>')
    head.append(f'<div style="color:#555;font-size:.9em">{" · ".join(meta)}</div>')
    if kps:
        head.append('<div style="margin-top:.3em"><b>Key phrases</b> ' + " ".join(
            f'<mark style="background:{_KEYPHRASE_BG}" title="score {kp.score:.3f}">'
            f"{_esc(kp.phrase)}</mark><sub>{kp.count}</sub>" for kp in kps) + "</div>")

    primaries = [p.primary_theme for p in article.paragraphs]
    counts = Counter(primaries)
    themes = _default_themes()
    legend = [_chip(f"{theme_label(t)} {n}", theme_color(t),
                    f"{t} — {themes[t].en}" if t in themes else t or "no theme")
              for t, n in counts.most_common()]
    kinds = Counter(q.kind for q in quotes)
    legend.append(
        f'<span style="background:#fbeeec;border-bottom:2px solid {_QUOTE_COLOR}">quotation</span>'
        f" {kinds['direct']} · "
        f'<span style="border-bottom:2px dashed {_QUOTE_COLOR}">indirect</span> {kinds["indirect"]}'
        f' · <span style="color:{_TERM_COLOR};border:1px dotted {_TERM_COLOR}">term</span>'
        f" {kinds['term']} · <mark style=\"background:{_KEYPHRASE_BG}\">key phrase</mark>")
    head.append('<div style="margin:.3em 0;font-size:.9em">' + " ".join(legend) + "</div>")

    body: list[str] = []
    section: str | None = None
    for p, theme in zip(article.paragraphs, primaries):
        if p.section and p.section != section:
            body.append(f'<div style="font-weight:bold;margin-top:.8em">{_esc(p.section)}</div>')
        section = p.section
        scores = ", ".join(f"{t.id} {t.score:.2f}" for t in p.themes) or "no theme"
        spans = [_quote_span(q) for q in by_paragraph[p.index]]
        spans += _keyphrase_spans(p.text, pattern) + other[p.index]
        body.append(
            f'<p style="margin:.35em 0"><span style="color:#999;font-size:.75em">¶{p.index}</span> '
            f"{_chip(theme_label(theme), theme_color(theme), scores)} {_mark(p.text, spans)}</p>")
    return (f'<div class="policytext-article" style="{_FONT}line-height:1.75;max-width:60em">'
            + "".join(head) + "".join(body) + "</div>")


# ---------------------------------------------------------------- quotations

def _clip(text: str | None, n: int = 120) -> str:
    if not text:
        return ""
    if len(text) <= n:
        return _esc(text)
    return f'<span title="{_esc(text)}">{_esc(text[:n])}…</span>'


def quotations_html(quotations: Sequence[Quotation]) -> str:
    """HTML table of quotations: kind, speaker, source, date, paragraph and text, with a summary.

    >>> from policytext import Quotation
    >>> "习近平" in quotations_html([Quotation("要……", "direct", 0, 0, 3, speaker="习近平")])
    True
    """
    kinds = Counter(q.kind for q in quotations)
    speakers = Counter(q.speaker for q in quotations if q.speaker)
    summary = (f"{len(quotations)} quotations: {kinds['direct']} direct, {kinds['indirect']} "
               f"indirect, {kinds['term']} terms; {len(speakers)} speakers")
    if speakers:
        summary += " (" + ", ".join(f"{_esc(s)} {n}" for s, n in speakers.most_common(5)) + ")"
    cell = 'style="text-align:left;vertical-align:top;padding:2px 6px"'
    header = "".join(f"<th {cell}>{h}</th>" for h in
                     ("#", "¶", "kind", "speaker", "source", "date", "text"))
    rows = []
    for i, q in enumerate(quotations):
        color = _TERM_COLOR if q.kind == "term" else _QUOTE_COLOR
        speaker = _esc(q.speaker or "")
        if q.speaker_mention and q.speaker_mention != q.speaker:
            speaker += f' <span style="color:#888">({_esc(q.speaker_mention)})</span>'
        source = _esc(q.source or "")
        if q.source_type:
            source += f' <span style="color:#888">[{_esc(q.source_type)}]</span>'
        values = (str(i), str(q.paragraph), f'<span style="color:{color}">{_esc(q.kind)}</span>',
                  speaker, source, f'<span style="white-space:nowrap">{_esc(q.date or "")}</span>',
                  _clip(q.text))
        rows.append("<tr>" + "".join(f"<td {cell}>{v}</td>" for v in values) + "</tr>")
    return (f'<div style="{_FONT}"><div style="margin-bottom:.3em">{summary}</div>'
            f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


# ---------------------------------------------------------------- corpus

def corpus_html(corpus: Any, max_rows: int = 10) -> str:
    """HTML summary of a :class:`~policytext.corpus.Corpus`: its number of documents and the
    first ``max_rows`` rows of its metadata table (``corpus.meta``), without reading the files."""
    meta = corpus.meta
    extra = [c for c in meta.columns if c not in ("doc_id", "path")]
    summary = f"<b>Corpus</b> of {len(meta)} documents"
    if extra:
        summary += "; metadata: " + ", ".join(_esc(c) for c in extra)
    more = f"<div>… and {len(meta) - max_rows} more</div>" if len(meta) > max_rows else ""
    table = meta.head(max_rows).to_html(index=False, na_rep="", border=0, escape=True)
    return f'<div style="{_FONT}"><div>{summary}</div>{table}{more}</div>'


def entities_html(entities: Sequence[Entity]) -> str:
    """HTML table of entities: kind, text, canonical name and paragraph, with counts by kind.

    >>> from policytext import Entity
    >>> "习近平" in entities_html([Entity("习近平", "person", 0, 0, 3, "习近平")])
    True
    """
    kinds = Counter(e.kind for e in entities)
    summary = f"{len(entities)} entities: " + ", ".join(f"{n} {_esc(k)}" for k, n in kinds.most_common())
    cell = 'style="text-align:left;vertical-align:top;padding:2px 6px"'
    header = "".join(f"<th {cell}>{h}</th>" for h in ("#", "¶", "kind", "text", "name"))
    rows = ["<tr>" + "".join(f"<td {cell}>{v}</td>" for v in (str(i), str(e.paragraph), _esc(e.kind), _esc(e.text),
                                                                _esc(e.name or ""))) + "</tr>"
            for i, e in enumerate(entities)]
    return (f'<div style="{_FONT}"><div style="margin-bottom:.3em">{summary}</div>'
            f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


set_html("article", article_html)
set_html("quotations", quotations_html)
set_html("entities", entities_html)
set_html("corpus", corpus_html)
