"""Read raw commentary text into :class:`~policytext.document.Article` records.

Handles several articles in one file (as copied from a newspaper page), titles, bylines,
the （作者系……） note, the （原载于……） line, section headings, captions, part markers and
paragraphs that the page layout broke in two. The layout rules live in ``data/layout.json``.

>>> import policytext
>>> arts = policytext.read_text("城市更新的新路子\\n\\n张三\\n\\n城市更新是重要手段。\\n（作者系某大学教授）")
>>> arts[0].author, arts[0].affiliation
('张三', '某大学教授')
"""

from __future__ import annotations

import codecs
import datetime as _dt
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .document import Article, Paragraph
from .errors import InputError
from .resources import read_terms

__all__ = ["read", "read_text", "decode_bytes"]


@dataclass(frozen=True)
class _Layout:
    heading_max: int
    closing: frozenset[str]
    sentence: frozenset[str]
    non_initial: frozenset[str]
    captions: tuple[re.Pattern[str], ...]
    part_marker: re.Pattern[str]
    author_note: re.Pattern[str]
    source_notes: tuple[re.Pattern[str], ...]
    byline: re.Pattern[str]
    byline_source: re.Pattern[str]
    dateline: re.Pattern[str]
    commentator: re.Pattern[str]
    photo_credit: re.Pattern[str]
    caption_max: int
    subtitle_prefixes: tuple[str, ...]
    headline_final: frozenset[str]


@lru_cache(maxsize=1)
def _layout() -> _Layout:
    raw = json.loads(resources.files("policytext").joinpath("data/layout.json").read_text("utf-8"))
    return _Layout(
        heading_max=int(raw["heading_max_chars"]),
        closing=frozenset(raw["closing_punctuation"]),
        sentence=frozenset(raw["sentence_punctuation"]),
        non_initial=frozenset(raw["non_initial_chars"]),
        captions=tuple(re.compile(p) for p in raw["caption_patterns"]),
        part_marker=re.compile(raw["part_marker_pattern"]),
        author_note=re.compile(raw["author_note_pattern"]),
        source_notes=tuple(re.compile(p) for p in raw["source_note_patterns"]),
        byline=re.compile(raw["byline_pattern"]),
        byline_source=re.compile(raw["byline_source_pattern"]),
        dateline=re.compile(raw["dateline_pattern"]),
        commentator=re.compile(raw["commentator_pattern"]),
        photo_credit=re.compile(raw["photo_credit_pattern"]),
        caption_max=int(raw["caption_max_chars"]),
        subtitle_prefixes=tuple(raw["subtitle_prefixes"]),
        headline_final=frozenset(raw["headline_final_punctuation"]),
    )


# ---------------------------------------------------------------- decoding

def decode_bytes(data: bytes, name: str = "<bytes>", encoding: str | None = None) -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030.

    Raises :class:`InputError` for empty, binary or undecodable input.
    """
    if encoding is not None:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{name}: cannot decode as {encoding} ({exc}); check the encoding argument") from exc
    if not data.strip():
        raise InputError(f"{name}: the file is empty; give a file that contains text")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {enc} byte-order mark but does not decode ({exc})") from exc
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes), not text")
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        _check_not_binary(text, name)
        return text
    raise InputError(
        f"{name}: is neither UTF-8 nor GB18030 text; convert it or pass encoding= (e.g. read(path, encoding='big5'))"
    )


# The control characters (Unicode category Cc) other than \t \n \v \f \r.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _check_not_binary(text: str, name: str) -> None:
    sample = text[:65536]
    control = len(_CONTROL.findall(sample))
    if control > max(8, len(sample) // 50):
        raise InputError(f"{name}: looks like a binary file ({control} control characters), not text")


def read(path: str | os.PathLike[str], encoding: str | None = None) -> list[Article]:
    """Read a file of one or more commentaries: ``policytext.read("corpora/guangming-2025-01-27.txt")``.

    The encoding is detected (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030) unless given.
    Raises :class:`~policytext.errors.InputError` naming the file for a missing path, a
    directory, an empty, binary or undecodable file.
    """
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{path}: is a directory; read its files one by one or use Corpus.from_files('{path}/*.txt')")
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file; check the path") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    text = decode_bytes(data, str(path), encoding)
    if not text.strip("\ufeff \t\r\n\u3000"):
        raise InputError(f"{path}: the file is empty; give a file that contains text")
    return read_text(text, source=str(path))


# ---------------------------------------------------------------- line kinds

_FULL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_BOOK = re.compile(r"《([^》]+)》")


def _clean_line(line: str) -> str:
    return line.strip().strip("\ufeff\u200b").strip()


_TAIL_TAG = re.compile(r"[（(][^（()）。！？]{1,60}[)）]$")


def _is_closed(text: str) -> bool:
    """Whether ``text`` ends a sentence. A trailing column tag such as （评论员观察） and a closing
    quotation mark count only by what precedes them."""
    closing = _layout().closing
    text = _TAIL_TAG.sub("", text) or text
    if text[-1] in "”’」』":
        return len(text) > 1 and text[-2] in closing
    return text[-1] in closing


def _is_short(text: str) -> bool:
    lay = _layout()
    return (
        len(_TAIL_TAG.sub("", text) or text) <= lay.heading_max
        and not _is_closed(text)
        and not any(ch in lay.sentence for ch in text)
    )


def _is_headline(text: str) -> bool:
    """A title line: short like a heading, but it may end with ？, ！ or a 《book title》."""
    core = _TAIL_TAG.sub("", text) or text
    return _is_short(text) or (core[-1] in _layout().headline_final and _is_short(core[:-1] or core))


def _source_note(line: str) -> tuple[str | None, str | None] | None:
    """(publication, date) of a source line such as （原载于1月27日《光明日报》）, or None."""
    for pat in _layout().source_notes:
        m = pat.match(line)
        if not m:
            continue
        src = m.group("src")
        book = _BOOK.search(src)
        if book:
            pub = book.group(1)
        else:
            pub = re.split(r"[\s，,（(]", src.strip())[0] or None
            pub = re.sub(r"^\d.*?日", "", pub) if pub else pub
        date = _parse_date(m.groupdict().get("date") or "") or _parse_date(src)
        return pub or None, date
    return None


def _parse_date(text: str) -> str | None:
    m = _FULL_DATE.search(text)
    if m and m.group(3):
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m2 = _ISO_DATE.search(text)
    if m2:
        return f"{int(m2.group(1)):04d}-{int(m2.group(2)):02d}-{int(m2.group(3)):02d}"
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    m3 = _MONTH_DAY.search(text)
    if m3:
        return f"--{int(m3.group(1)):02d}-{int(m3.group(2)):02d}"
    return None


def _is_noise(line: str) -> bool:
    lay = _layout()
    return bool(lay.part_marker.match(line)) or any(p.match(line) for p in lay.captions)


def _continues(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` carries on the paragraph ``prev`` that the layout broke."""
    if _is_closed(prev):
        return False
    if nxt[0] in _layout().non_initial:
        return True
    return not _is_short(nxt)


def _join(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


# ---------------------------------------------------------------- articles

@dataclass
class _Draft:
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    affiliation: str | None = None
    publication: str | None = None
    date: str | None = None
    note: str | None = None
    header: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    paras: list[tuple[str | None, str]] = field(default_factory=list)
    ended: bool = False
    in_header: bool = True
    last_line: str = ""

    @property
    def empty(self) -> bool:
        return self.title is None and not self.header and not self.paras and not self.sections


def read_text(text: str, source: str | None = None) -> list[Article]:
    """Split raw text into articles: ``policytext.read_text(open(path).read())``.

    ``source`` (a path or name) is used for the article ids. Text with no recognisable
    structure becomes one article whose paragraphs are its lines.
    """
    if not isinstance(text, str):
        raise InputError(f"read_text expects str, got {type(text).__name__}; use policytext.read(path) for files")
    lines = [_clean_line(x) for x in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    drafts: list[_Draft] = [_Draft()]
    lay = _layout()
    for line in lines:
        if not line:
            continue
        cur = drafts[-1]
        note = lay.author_note.match(line)
        if note:
            cur.affiliation = note.group("aff")
            cur.ended = bool(cur.paras)
            continue
        src = _source_note(line)
        if src is not None:
            _set_source(cur, src, line)
            # a source line ends an article, except one met just below the headline (来源：河北日报)
            cur.ended = cur.ended or len(cur.paras) >= 2 or (bool(cur.paras) and cur.affiliation is not None)
            continue
        if lay.photo_credit.match(line):
            _drop_caption(cur)
            continue
        if _is_noise(line):
            continue
        if cur.ended:
            cur = _new(drafts)
        if cur.in_header and _header_line(cur, line):
            continue
        _body_line(cur, line)
    drafts = [d for d in drafts if not d.empty or d.affiliation or d.publication]
    for d in drafts:
        _close_header(d)
    _infer_years(drafts)
    return [
        Article(
            title=d.title,
            subtitle=d.subtitle,
            author=d.author,
            affiliation=d.affiliation,
            publication=d.publication,
            date=d.date,
            sections=d.sections,
            paragraphs=[Paragraph(index=i, text=t, section=s) for i, (s, t) in enumerate(d.paras)],
            source=source,
            position=n,
        )
        for n, d in enumerate(drafts, start=1)
    ]


def _new(drafts: list[_Draft]) -> _Draft:
    drafts.append(_Draft())
    return drafts[-1]


def _set_source(d: _Draft, src: tuple[str | None, str | None], line: str) -> None:
    d.publication = d.publication or src[0]
    d.date = d.date or src[1]
    d.note = line


def _drop_caption(d: _Draft) -> None:
    """A photo credit (……摄) follows its caption: drop the short paragraph just before it."""
    if d.paras and len(d.paras[-1][1]) <= _layout().caption_max and d.paras[-1][1] == d.last_line:
        d.paras.pop()


def _names(raw: str) -> str:
    """``'郝迎灿  辛  阳'`` → ``'郝迎灿、辛阳'``: names padded to three characters are rejoined."""
    parts = [p for p in re.split(r"[\s\u3000、，,]+", raw.strip()) if p]
    names: list[str] = []
    for p in parts:
        if names and len(p) == 1 and len(names[-1]) == 1:
            names[-1] += p
        else:
            names.append(p)
    return "、".join(names)


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    return tuple(read_terms(str(resources.files("policytext").joinpath("data/lexicon/titles.txt"))))


def _office_and_name(parts: list[str]) -> tuple[str | None, str]:
    """``['国务院总理', '李克强']`` or ``['国务院总理李克强']`` → ``('国务院总理', '李克强')``."""
    if len(parts) == 2 and parts[0].endswith(_titles()) and 2 <= len(parts[1]) <= 4:
        return parts[0], parts[1]
    if len(parts) == 1:
        for n in (3, 2, 4):
            if len(parts[0]) > n + 1 and parts[0][:-n].endswith(_titles()):
                return parts[0][:-n], parts[0][-n:]
    return None, ""


def _byline(d: _Draft, line: str) -> bool:
    lay = _layout()
    both = lay.byline_source.match(line)
    if both:
        src = _source_note(both.group("src"))
        if src is not None and (lay.byline.match(both.group("by")) or lay.commentator.match(both.group("by"))):
            _set_source(d, src, both.group("src"))
            line = both.group("by")
    m = lay.byline.match(line)
    if m:
        names = _names(m.group("names")).split("、")
        office, name = _office_and_name(names)
        if office:
            # a speech's byline: 国务院总理　李克强, 陕西省省长 赵刚, 国务院总理李克强
            d.affiliation = d.affiliation or office
            names = [name]
        if all(2 <= len(n) <= 4 for n in names):
            d.author = "、".join(names)
            return True
    if lay.commentator.match(line):
        d.author = line
        return True
    return False


def _header_line(d: _Draft, line: str) -> bool:
    """Take ``line`` into the header (title lines, byline) of ``d``; False when it starts the body."""
    if d.author is None and (d.header or d.publication) and _byline(d, line):
        _close_header(d)
        return True
    if len(d.header) < 3 and d.author is None and (_is_short(line) or (not d.header and _is_headline(line))):
        d.header.append(line)
        return True
    _close_header(d)
    dl = _layout().dateline.match(line)
    if dl and d.author is None:
        d.author = _names(dl.group("names"))
    return False


_DATED = re.compile(r"^(?:——)?\d{4}\s*年")


def _close_header(d: _Draft) -> None:
    """Turn the short lines before the byline or body into title, subtitle and headings.

    Two title lines before a byline are a kicker and a title (人民日报 style) unless the second
    starts with a dash (a subtitle)."""
    d.in_header = False
    lines, d.header = d.header, []
    if not lines or d.title is not None:
        d.sections.extend(lines)
        return
    dash = _layout().subtitle_prefixes
    if len(lines) >= 2 and lines[1].startswith(dash):
        d.title, d.subtitle = lines[0], lines[1].lstrip("".join(dash) + " ")
        rest = lines[2:]
    elif len(lines) >= 2 and d.author is not None and not _DATED.match(lines[1]):
        d.subtitle, d.title = lines[0], lines[1]
        rest = lines[2:]
    elif len(lines) >= 2 and _DATED.match(lines[0]) and not _DATED.match(lines[1]):
        d.subtitle, d.title = lines[0], lines[1]
        rest = lines[2:]
    else:
        d.title, rest = lines[0], lines[1:]
    for extra in rest:
        if d.subtitle is None and (extra.startswith(dash) or _DATED.match(extra)):
            d.subtitle = extra.lstrip("".join(dash) + " ")
        else:
            d.sections.append(extra)


def _body_line(d: _Draft, line: str) -> None:
    d.last_line = line
    if d.paras and _continues(d.paras[-1][1], line):
        sec, prev = d.paras[-1]
        d.paras[-1] = (sec, _join(prev, line))
    elif _is_short(line):
        d.sections.append(line)
    else:
        d.paras.append((d.sections[-1] if d.sections else None, line))


_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")


def _mentioned_dates(d: _Draft) -> list[_dt.date]:
    found = []
    for _, text in d.paras:
        for m in _FULL_DATE.finditer(text):
            try:
                found.append(_dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)))
            except ValueError:
                continue
    return found


def _infer_years(drafts: list[_Draft]) -> None:
    """Give a year to month-day dates (``--01-27``) from the latest date the article mentions,
    when the result lies within a year after it and no later year is mentioned; articles sharing
    the same source line share it."""
    by_note: dict[str, str] = {}
    for d in drafts:
        if not (d.date and d.date.startswith("--")):
            continue
        month, day = int(d.date[2:4]), int(d.date[5:7])
        dates = _mentioned_dates(d)
        if not dates:
            continue
        latest = max(dates)
        latest_year = max(int(y) for _, t in d.paras for y in _YEAR.findall(t))
        for year in (latest.year, latest.year + 1):
            try:
                cand = _dt.date(year, month, day)
            except ValueError:
                continue
            if latest <= cand and (cand - latest).days <= 366 and year >= latest_year:
                d.date = cand.isoformat()
                if d.note:
                    by_note[d.note] = d.date
                break
    for d in drafts:
        if d.date and d.date.startswith("--") and d.note in by_note:
            d.date = by_note[d.note]
