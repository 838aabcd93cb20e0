"""Themes of paragraphs: the taxonomy, the shipped classifier and topic discovery.

Each paragraph gets a ranked list of ``ThemeScore(id, score)``: its primary theme first, then the
other themes whose probability passes a threshold, or ``[none]`` for a line without a policy theme
(greetings, procedural lines). The default taxonomy v2 (``data/themes/taxonomy.toml``, 21 ids with
``none``; CAP major topics in ``data/themes/cap_topics.toml``) comes with a linear model over
character n-grams and longer terms, trained by weak supervision from the seed terms over an
unlabelled corpus and calibrated on hand-labelled development paragraphs (multi-label
probabilities, the ``none`` detector; ``scripts/train_themes.py``). It ships as plain arrays
(``data/themes/model.npz``); prediction needs numpy only; fitting a model of your own is
:class:`policytext.ThemeClassifier`.

>>> from policytext.themes import rank_themes
>>> [[t.id for t in r] for r in rank_themes(["稳定粮食播种面积，加强高标准农田建设。", "谢谢大家！"])]
[['agriculture_rural'], ['none']]
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Union

import numpy as np

from ..document import ThemeScore
from ..errors import InputError, ModelError, TaxonomyError
from ..resources import compile_terms

if TYPE_CHECKING:
    import pandas as pd
    import scipy.sparse

__all__ = ["Theme", "Taxonomy", "ThemeModel", "Calibration", "Featurizer", "SeedScorer", "Topic", "rank_themes",
           "default_model", "discover_themes", "char_ngrams", "procedural_share", "substance"]

_DIR = resources.files("policytext").joinpath("data", "themes")
_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_FORMAT = "policytext-theme-model/1"
WHOLLY_PROCEDURAL = 0.95  # the procedural share from which a line is none (Calibration)

PathLike = Union[str, "os.PathLike[str]"]


# ---------------------------------------------------------------- taxonomy

@dataclass(frozen=True)
class Theme:
    """One theme: a stable ``id``, Chinese and English labels, a description, seed terms and the
    Comparative Agendas Project major topic codes it maps to (``cap``, the primary code first)."""

    id: str
    zh: str = ""
    en: str = ""
    description: str = ""
    seeds: tuple[str, ...] = ()
    cap: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "zh": self.zh, "en": self.en, "description": self.description,
                "seeds": list(self.seeds), "cap": list(self.cap)}


class Taxonomy:
    """An ordered set of themes with unique ids, from a TOML or JSON file or a dict.

    The file holds a list of themes under ``theme`` (TOML ``[[theme]]`` tables) or ``themes``;
    a dict may also map each id to its fields. Only ``id`` is required.

    >>> tax = Taxonomy.load({"theme": [{"id": "housing", "zh": "住房", "seeds": ["保障房"]}]})
    >>> tax.ids, tax["housing"].zh
    (['housing'], '住房')
    """

    def __init__(self, themes: Iterable[Theme | Mapping[str, Any]], source: str = "taxonomy") -> None:
        self.source = source
        items = [t if isinstance(t, Theme) else _theme(t, source, i) for i, t in enumerate(themes, 1)]
        if not items:
            raise TaxonomyError(f"{source}: the taxonomy has no themes; give at least one theme with an id")
        seen: dict[str, int] = {}
        for i, t in enumerate(items, 1):
            if t.id in seen:
                raise TaxonomyError(f"{source}: duplicate theme id {t.id!r} (themes {seen[t.id]} and {i}); "
                                    "ids must be unique")
            seen[t.id] = i
        self.themes: tuple[Theme, ...] = tuple(items)
        self._index = {t.id: t for t in items}

    @classmethod
    def load(cls, source: PathLike | Mapping[str, Any] | Taxonomy) -> Taxonomy:
        """A taxonomy from a ``.toml`` or ``.json`` file, a dict, or a Taxonomy (returned as is)."""
        if isinstance(source, Taxonomy):
            return source
        if isinstance(source, Mapping):
            return cls(_theme_list(source, "taxonomy dict"), "taxonomy dict")
        path = Path(source)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise TaxonomyError(f"{path}: cannot read the taxonomy file ({exc.strerror or exc})") from exc
        try:
            if path.suffix.lower() == ".json":
                data = json.loads(raw.decode("utf-8-sig"))
            else:
                data = _toml().loads(raw.decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as exc:
            kind = "JSON" if path.suffix.lower() == ".json" else "TOML"
            raise TaxonomyError(f"{path}: not a valid {kind} taxonomy ({exc}); see "
                                "policytext/data/themes/taxonomy.toml for the format") from exc
        if not isinstance(data, Mapping):
            raise TaxonomyError(f"{path}: expected an object with a list of themes under 'theme'")
        return cls(_theme_list(data, str(path)), str(path))

    @classmethod
    def default(cls) -> Taxonomy:
        """The shipped taxonomy v2: 21 themes with ``none`` (``docs/themes.md``), with the CAP codes
        of ``data/themes/cap_topics.toml``."""
        return _default_taxonomy()

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.themes]

    def __len__(self) -> int:
        return len(self.themes)

    def __iter__(self) -> Iterator[Theme]:
        return iter(self.themes)

    def __contains__(self, theme_id: object) -> bool:
        return theme_id in self._index

    def __getitem__(self, theme_id: str) -> Theme:
        self.check([theme_id])
        return self._index[theme_id]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Taxonomy) and self.themes == other.themes

    def __repr__(self) -> str:
        return f"Taxonomy({len(self)} themes: {', '.join(self.ids)})"

    def check(self, ids: Iterable[str]) -> None:
        """Raise :class:`TaxonomyError` for the first id that is not in the taxonomy."""
        for theme_id in ids:
            if theme_id not in self._index:
                raise TaxonomyError(f"unknown theme id {theme_id!r}; {self.source} has: {', '.join(self.ids)}")

    def cap_topics(self, theme_id: str) -> tuple[int, ...]:
        """The CAP major topic codes of a theme, the primary code first (``()`` for ``none``).

        >>> Taxonomy.default().cap_topics("agriculture_rural")
        (4, 14, 13)
        """
        return self[theme_id].cap

    def cap_topic(self, theme_id: str | None) -> int | None:
        """The primary CAP major topic code of a theme; None for ``none``, None or a theme without codes.

        >>> tax = Taxonomy.default()
        >>> tax.cap_topic("health"), tax.cap_topic("none")
        (3, None)
        """
        return None if theme_id is None or not self[theme_id].cap else self[theme_id].cap[0]

    def require_seeds(self) -> None:
        """Raise :class:`TaxonomyError` naming the themes without seed terms (training needs them).

        >>> Taxonomy.load({"theme": [{"id": "housing", "seeds": ["保障房"]}, {"id": "party"}]}).require_seeds()
        Traceback (most recent call last):
        ...
        policytext.errors.TaxonomyError: taxonomy dict: theme 'party' has no seed terms; give each theme a 'seeds' list
        """
        empty = [t.id for t in self.themes if not t.seeds]
        if empty:
            names = ", ".join(repr(i) for i in empty)
            raise TaxonomyError(f"{self.source}: theme{'s' if len(empty) > 1 else ''} {names} "
                                f"ha{'ve' if len(empty) > 1 else 's'} no seed terms; give each theme a 'seeds' list")

    def check_model(self, classes: Iterable[str]) -> None:
        """Raise :class:`TaxonomyError` unless a model's ``classes`` and this taxonomy's ids agree
        (a theme the model lacks cannot be predicted; a class the taxonomy lacks cannot be named).

        >>> Taxonomy.default().check_model(["economy"])
        Traceback (most recent call last):
        ...
        policytext.errors.TaxonomyError: the theme model lacks 20 themes of the taxonomy (urban_renewal, livability, security_resilience, ...); give a model trained for this taxonomy (themes=..., e.g. ThemeClassifier.bootstrap(texts, taxonomy))
        """
        classes = [str(c) for c in classes]
        unknown = [c for c in classes if c not in self._index]
        if unknown:
            raise TaxonomyError(f"the theme model's themes {unknown[:5]} are not in the taxonomy {self.source}; give "
                                "the model trained for this taxonomy")
        lacking = [t for t in self.ids if t not in set(classes)]
        if lacking:
            more = ", ..." if len(lacking) > 3 else ""
            raise TaxonomyError(f"the theme model lacks {len(lacking)} theme{'s' if len(lacking) > 1 else ''} of the "
                                f"taxonomy ({', '.join(lacking[:3])}{more}); give a model trained for this taxonomy "
                                "(themes=..., e.g. ThemeClassifier.bootstrap(texts, taxonomy))")

    def to_dict(self) -> dict[str, Any]:
        """``{"theme": [{id, zh, en, description, seeds, cap}, ...]}``, the shape :meth:`load` reads."""
        return {"theme": [t.to_dict() for t in self.themes]}


def _toml():  # type: ignore[no-untyped-def]
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


def _theme_list(data: Mapping[str, Any], source: str) -> list[Any]:
    for key in ("theme", "themes"):
        if key in data:
            items = data[key]
            if not isinstance(items, list):
                raise TaxonomyError(f"{source}: '{key}' must be a list of themes")
            return items
    if all(isinstance(v, Mapping) for v in data.values()):  # {id: {zh, en, ...}}
        return [{"id": k, **v} for k, v in data.items()]
    raise TaxonomyError(f"{source}: expected a list of themes under 'theme' (or a mapping id -> fields)")


def _theme(item: Any, source: str, position: int) -> Theme:
    if not isinstance(item, Mapping):
        raise TaxonomyError(f"{source}: theme {position} is not a table/object with an id")
    theme_id = item.get("id")
    if not isinstance(theme_id, str) or not _ID.match(theme_id):
        raise TaxonomyError(f"{source}: theme {position} has no valid id ({theme_id!r}); use letters, digits "
                            "and _ such as 'urban_renewal'")
    seeds = item.get("seeds", [])
    if isinstance(seeds, str) or not all(isinstance(s, str) and s.strip() for s in seeds):
        raise TaxonomyError(f"{source}: seeds of theme {theme_id!r} must be a list of non-empty strings")
    fields = {k: item.get(k, "") for k in ("zh", "en", "description")}
    bad = [k for k, v in fields.items() if not isinstance(v, str)]
    if bad:
        raise TaxonomyError(f"{source}: field {bad[0]!r} of theme {theme_id!r} must be a string")
    cap = item.get("cap", [])
    if isinstance(cap, (str, bytes)) or not all(isinstance(c, int) and not isinstance(c, bool) for c in cap):
        raise TaxonomyError(f"{source}: cap of theme {theme_id!r} must be a list of CAP major topic codes (integers)")
    return Theme(theme_id, seeds=tuple(dict.fromkeys(s.strip() for s in seeds)), cap=tuple(cap), **fields)


@lru_cache(maxsize=1)
def _default_taxonomy() -> Taxonomy:
    path, cap_path = _DIR.joinpath("taxonomy.toml"), _DIR.joinpath("cap_topics.toml")
    if not path.is_file() or not cap_path.is_file():
        raise ModelError(f"{path.parent}: the default theme taxonomy is missing; reinstall policytext")
    tax = Taxonomy.load(str(path))
    cap = _toml().loads(cap_path.read_text(encoding="utf-8"))
    themes = [t.to_dict() | {"cap": cap.get(t.id, {}).get("cap", [])} for t in tax]
    return Taxonomy(themes, tax.source)


# ---------------------------------------------------------------- features

def char_ngrams(text: str, ngram_range: tuple[int, int] = (1, 3)) -> list[str]:
    """Character n-grams of ``text`` (white space runs count as one space), the model's features.

    >>> char_ngrams("城市更新", (2, 3))
    ['城市', '市更', '更新', '城市更', '市更新']
    """
    text = " ".join(text.split())
    lo, hi = ngram_range
    return [text[i:i + n] for n in range(lo, hi + 1) for i in range(len(text) - n + 1)]


CHUNK_CHARS = 20_000  # characters featurised at once (see Featurizer.rows)
BLOCK_NONZEROS = 50_000  # features multiplied out at once (see _linear)


class _Rows(NamedTuple):
    """Sparse rows in CSR parts: row ``i`` is ``indices/values[indptr[i]:indptr[i+1]]``."""

    indptr: np.ndarray
    indices: np.ndarray
    values: np.ndarray


class Featurizer:
    """TF-IDF over character n-grams (n ≤ 3) and longer terms (words and lexicon terms such as
    全过程人民民主, found as substrings) with a fixed vocabulary: sublinear term frequency times idf,
    each row scaled to unit length (what scikit-learn's TfidfVectorizer computes), vectorised in
    numpy: an n-gram of up to 3 characters is the integer of its code points (21 bits each), a
    longer term a 64-bit polynomial hash of them; both are looked up in a hash index
    (``pandas.Index``) of the vocabulary's integers.

    >>> f = Featurizer(["城市", "城市更新"], [1.0, 2.0], (2, 2))
    >>> f.rows(["推进城市更新"]).indices.tolist()
    [0, 1]
    """

    def __init__(self, vocabulary: Sequence[str], idf: np.ndarray, ngram_range: tuple[int, int] = (1, 3)) -> None:
        self.terms = np.asarray(vocabulary, dtype=str)
        self.idf = np.asarray(idf, dtype=np.float32)
        self.ngram_range = (int(ngram_range[0]), int(ngram_range[1]))
        if not 1 <= self.ngram_range[0] <= self.ngram_range[1] <= 3:
            raise ModelError(f"theme model: n-grams of {self.ngram_range} characters; 1 to 3 are supported")
        if len(self.terms) != len(self.idf):
            raise ModelError("theme model: vocabulary and idf do not match")
        import pandas as pd

        lengths = np.char.str_len(self.terms) if len(self.terms) else np.zeros(0, dtype=int)
        self._sizes = sorted(set(range(self.ngram_range[0], self.ngram_range[1] + 1))
                             | {int(n) for n in np.unique(lengths) if n > 3})
        self._index = pd.Index(_gram_keys(self.terms))  # a hash table: n-gram integer -> vocabulary column
        if not self._index.is_unique or (lengths == 0).any():
            raise ModelError("theme model: the vocabulary repeats a term or has empty terms")

    def __len__(self) -> int:
        return len(self.terms)

    def rows(self, texts: Sequence[str]) -> _Rows:
        """The TF-IDF rows of ``texts`` (l2-normalised), a run of texts of at most
        :data:`CHUNK_CHARS` characters at a time: the n-gram keys of a run take a few hundred
        bytes per character, so a long document is featurised in bounded memory."""
        parts, start, chars = [], 0, 0
        for i, t in enumerate(texts):
            if chars and chars + len(t) > CHUNK_CHARS:
                parts.append(self._rows(texts[start:i]))
                start, chars = i, 0
            chars += len(t)
        if start == 0:
            return self._rows(texts)
        parts.append(self._rows(texts[start:]))
        offsets = np.cumsum([0] + [len(p.indices) for p in parts[:-1]])
        return _Rows(np.concatenate([parts[0].indptr[:1]] + [p.indptr[1:] + o for p, o in zip(parts, offsets)]),
                     np.concatenate([p.indices for p in parts]), np.concatenate([p.values for p in parts]))

    def _rows(self, texts: Sequence[str]) -> _Rows:
        n = len(texts)
        joined = "\0".join(" ".join(t.replace("\0", " ").split()) for t in texts)  # NUL separates texts
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        row_at = np.cumsum(codes == 0)
        key_parts, row_parts = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
        for _, key, ok in _window_keys(codes, self._sizes):
            key_parts.append(key[ok])
            row_parts.append(row_at[:len(key)][ok])
        col = self._index.get_indexer(np.concatenate(key_parts))  # -1: not in the vocabulary
        hit = col >= 0
        row, col = np.concatenate(row_parts)[hit], col[hit]
        keys, counts = np.unique(row * len(self) + col, return_counts=True)
        rows, ind = np.divmod(keys, max(len(self), 1))
        val = (1.0 + np.log(counts.astype(np.float32))) * self.idf[ind]
        norms = np.sqrt(np.bincount(rows, weights=val * val, minlength=n))
        val = val / np.maximum(norms, 1e-12)[rows]
        ptr = np.searchsorted(rows, np.arange(n + 1)).astype(np.int64)
        return _Rows(ptr, ind, val.astype(np.float32))

    def sparse(self, texts: Sequence[str]) -> scipy.sparse.csr_matrix:
        """The TF-IDF rows as a scipy CSR matrix (for fitting with scikit-learn)."""
        import scipy.sparse

        r = self.rows(texts)
        return scipy.sparse.csr_matrix((r.values, r.indices, r.indptr), shape=(len(texts), len(self)))


_PRIME = np.uint64(1_000_003)


def _window_keys(codes: np.ndarray, sizes: Sequence[int]) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """For each size in ``sizes`` (ascending): the key of every window of that many code points (see
    :class:`Featurizer`) and whether the window lies inside one text (no NUL). Keys of terms longer
    than 3 are negative (sign bit set). Keys grow one character per step, so all sizes cost about
    as much as the longest alone."""
    wanted = set(sizes)
    exact = np.zeros(len(codes), dtype=np.int64)
    hashed = np.zeros(len(codes), dtype=np.uint64)
    ok = np.ones(len(codes), dtype=bool)
    for size in range(1, max(wanted, default=0) + 1):
        span = len(codes) - size + 1
        if span <= 0:
            return
        part = codes[size - 1:size - 1 + span]
        ok = ok[:span] & (part != 0)
        hashed = hashed[:span] * _PRIME + part.astype(np.uint64)
        if size <= 3:
            exact = (exact[:span] << 21) | part
        if size in wanted:
            key = exact if size <= 3 else ((hashed * _PRIME + np.uint64(size)) | np.uint64(1 << 63)).view(np.int64)
            yield size, key, ok


def _gram_keys(terms: np.ndarray) -> np.ndarray:
    """The key of each vocabulary term, as :func:`_window_keys` gives it for the same characters."""
    out = np.zeros(len(terms), dtype=np.int64)
    lengths = np.char.str_len(terms) if len(terms) else np.zeros(0, dtype=int)
    for size in np.unique(lengths):
        at = np.flatnonzero(lengths == size)
        if size == 0:
            out[at] = -1
            continue
        codes = np.asarray(terms[at], dtype=f"<U{size}").view(np.uint32).astype(np.int64)
        flat = np.concatenate([np.append(c, 0) for c in codes.reshape(len(at), size)])  # term, NUL, term, ...
        for _, key, _ in _window_keys(flat, [int(size)]):
            out[at] = key[::size + 1]
    return out


def _linear(rows: _Rows, coef_t: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """``X @ coef_t + intercept`` for CSR rows ``X``, without scipy (``coef_t``: features × classes)."""
    n = len(rows.indptr) - 1
    out = np.tile(intercept.astype(np.float64), (n, 1))
    lo = 0
    while lo < n:  # rows a block at a time: the products of a block hold BLOCK_NONZEROS x classes numbers
        hi = min(n, max(lo + 1, int(np.searchsorted(rows.indptr, rows.indptr[lo] + BLOCK_NONZEROS, side="right")) - 1))
        ptr = rows.indptr[lo:hi + 1] - rows.indptr[lo]
        nonempty = np.diff(ptr) > 0
        if nonempty.any():
            at = slice(rows.indptr[lo], rows.indptr[hi])
            contrib = coef_t[rows.indices[at]] * rows.values[at, None]
            block = out[lo:hi]
            block[nonempty] += np.add.reduceat(contrib, ptr[:-1][nonempty], axis=0)
        lo = hi
    return out


# ---------------------------------------------------------------- seed terms

class SeedScorer:
    """Evidence from the seed terms of a taxonomy: per theme, the sum of the weights of the distinct
    seed terms a text contains (weights are idf-like, clipped to [0.5, 2], or all 1). Terms are
    matched leftmost-longest over all themes at once, so 智慧城市建设 is 智慧城市 and not 城市建设.

    >>> s = SeedScorer(Taxonomy.default())
    >>> [s.ids[i] for i in s.scores(["推进老旧小区改造和城中村改造"])[0].nonzero()[0]]
    ['urban_renewal']
    """

    def __init__(self, taxonomy: Taxonomy, weights: Mapping[str, float] | None = None) -> None:
        self.ids = taxonomy.ids
        self.theme_seeds = [t.seeds for t in taxonomy]
        self.themes_of: dict[str, list[int]] = {}
        for j, seeds in enumerate(self.theme_seeds):
            for seed in seeds:
                self.themes_of.setdefault(seed, []).append(j)
        self.weights = {s: float((weights or {}).get(s, 1.0)) for s in self.themes_of}
        self._pattern = compile_terms(self.themes_of)

    def __bool__(self) -> bool:
        return bool(self.weights)

    def found(self, text: str) -> set[str]:
        """The distinct seed terms in ``text``."""
        return set(self._pattern.findall(text)) if self._pattern else set()

    def fit_weights(self, texts: Sequence[str]) -> SeedScorer:
        """Weight each seed by log(N / df) over ``texts``, relative to the mean seed, in [0.5, 2]."""
        df: Counter[str] = Counter()
        for text in texts:
            df.update(self.found(text))
        n = max(len(texts), 1)
        logs = {s: math.log(n / (1 + df[s])) for s in self.weights}
        seen = [logs[s] for s in self.weights if df[s]]
        mean = sum(seen) / len(seen) if seen else 1.0
        self.weights = {s: min(2.0, max(0.5, v / mean)) for s, v in logs.items()}
        return self

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(self.ids)), dtype=np.float64)
        for i, text in enumerate(texts):
            for seed in sorted(self.found(text)):  # a fixed order: float sums must not depend on hashing
                for j in self.themes_of[seed]:
                    out[i, j] += self.weights[seed]
        return out

    def labels(self, texts: Sequence[str], min_score: float = 1.0, margin: float = 2.0,
               skip: Sequence[int] = ()) -> np.ndarray:
        """Weak labels: the index of the theme whose seed score is at least ``min_score`` and
        ``margin`` times the runner-up's, else -1; themes at ``skip`` (``none``) never label."""
        s = self.scores(texts)
        s[:, list(skip)] = 0.0
        if s.shape[1] == 1:
            return np.where(s[:, 0] >= min_score, 0, -1)
        top2 = np.sort(s, axis=1)[:, -2:]
        return np.where((top2[:, 1] >= min_score) & (top2[:, 1] >= margin * top2[:, 0]), s.argmax(1), -1)

    def mask(self, text: str, mark: str = "□") -> str:
        """``text`` with every seed term replaced by one mark (so a model learns their context)."""
        return self._pattern.sub(mark, text) if self._pattern else text


# ---------------------------------------------------------------- procedural lines

_SENTENCE = re.compile(r"[^。！？；!?;]+[。！？；!?;]*")
_CLAUSE = re.compile(r"[^，,：:]+")
_PROVISION = re.compile(r"\s*(第[一二三四五六七八九十百零〇\d]+条|[（(][一二三四五六七八九十\d]+[)）])")
_TRAILING = "。！？；!?;，,：:”’」』）) \u3000"


class _Procedural:
    """The cues of ``data/themes/procedural.toml`` as patterns (:func:`procedural_share`, :func:`substance`)."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        def alt(words: Iterable[str]) -> str:
            return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

        ev, bu, gr = data["event"], data["business"], data["greeting"]
        self.max_chars = int(ev["max_chars"])
        self.verbs = re.compile(alt(ev["verbs"]))
        self.ends = re.compile(f"(?:{alt(ev['ends'])})了?$")
        self.normative = re.compile(alt(ev["normative"]))
        self.attendees = re.compile(alt(ev["attendees"]))
        self.business = re.compile(f"^(?:(?:{alt(bu['subjects'])})(?:还|经|按照[^，。]{{0,12}}规定，)?)?(?:{alt(bu['verbs'])})")
        self.greeting = re.compile(f"(?:{alt(gr['verbs'])})[^，。！]{{0,12}}(?:{alt(gr['objects'])})$")
        self.forms = _any_of(data["sentence"]["patterns"])
        self.framing = _any_of(data["framing"]["patterns"])
        self.wrapper = _any_of(data["wrapper"]["patterns"])
        self.wrapper_share = float(data["wrapper"]["max_share"])
        self.dateline = _any_of(data["dateline"]["patterns"])

    def sentence(self, sentence: str) -> bool:
        """Whether a sentence (with its end mark) is procedural: an event, a meeting's business, a greeting."""
        bare = sentence.rstrip(_TRAILING)
        return bool((len(bare) <= self.max_chars and self.verbs.search(bare) and self.ends.search(bare)
                     and not self.normative.search(self.attendees.sub("", bare)))
                    or self.business.match(bare) or self.greeting.search(bare) or self.forms.search(sentence))

    def frames(self, clause: str) -> bool:
        return bool(self.framing.search(clause.rstrip(_TRAILING)))

    def undated(self, text: str) -> str:
        """``text`` without the dateline of a news report (``新华社北京7月3日电 （记者梅常伟）``), if it has one."""
        m = self.dateline.match(text)
        return text[m.end():] if m else text


def _any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=1)
def _procedural() -> _Procedural:
    return _Procedural(_toml().loads(_DIR.joinpath("procedural.toml").read_text(encoding="utf-8")))


def procedural_share(texts: Sequence[str]) -> np.ndarray:
    """For each text, the share of its characters in procedural sentences (an event took place, who
    presided or attended: ``吴政隆参加活动。``; a meeting votes, elects, appoints: ``会议经表决，免去……职务。``;
    a greeting on someone's behalf) and in clauses that frame a report or programme item
    (``现在播送全会公报``, ``今天的《文化中国行》``), after ``data/themes/procedural.toml``: evidence of
    the ``none`` detector (:class:`Calibration`). Articles and items of laws are never procedural. A
    report's dateline (``新华社哥本哈根7月3日电 （记者张玉亮）``) is left out of the line (a line that is only a
    dateline is procedural).

    >>> procedural_share(["蔡奇、王毅等出席上述活动。", "全会按照党章规定，选举赵世勇同志为中央纪委副书记。",
    ...                   "稳定粮食播种面积，加强高标准农田建设。"]).tolist()
    [1.0, 1.0, 0.0]
    >>> float(procedural_share(["中央纪委第六次全体会议22日在北京闭幕。现在播送全会公报。会议强调，要坚定不移正风肃纪反腐。"])[0].round(2))
    0.63
    >>> procedural_share(["新华社哥本哈根7月3日电 （记者张玉亮）丹麦国王腓特烈十世3日在阿美琳堡宫会见中共中央政治局委员、外交部长王毅。"]).tolist()
    [1.0]
    """
    cues = _procedural()
    out = np.zeros(len(texts))
    for i, text in enumerate(texts):
        if not text.strip() or _PROVISION.match(text):
            continue
        text = cues.undated(text)
        total = len(text.strip())
        if not total:  # a dateline alone
            out[i] = 1.0
            continue
        hit = 0
        for sentence in map(str.strip, _SENTENCE.findall(text)):
            if cues.sentence(sentence):
                hit += len(sentence)
            else:
                hit += sum(len(c) for c in _CLAUSE.findall(sentence) if cues.frames(c.strip()))
        out[i] = min(1.0, hit / total)
    return out


_PIECE = re.compile(r"[^，；。！？]+[，；。！？]*")


def substance(text: str) -> str:
    """``text`` without its ritual framing clauses (``data/themes/procedural.toml``, ``[wrapper]``):
    what the theme evidence is taken from, so that a paragraph about a field that opens with the
    Party's leadership is about the field; the text itself when the framing is most of it.

    >>> substance("在以习近平同志为核心的党中央坚强领导下，全省粮食总产量突破1300万吨，农民收入持续增长。")
    '全省粮食总产量突破1300万吨，农民收入持续增长。'
    >>> substance("坚持以习近平新时代中国特色社会主义思想为指导。")
    '坚持以习近平新时代中国特色社会主义思想为指导。'
    """
    cues = _procedural()
    pieces = _PIECE.findall(text)
    kept = [p for p in pieces if not cues.wrapper.search(p.rstrip("，；。！？ "))]
    if len(kept) == len(pieces):
        return text
    rest = "".join(kept)
    return rest if len(text) - len(rest) <= cues.wrapper_share * len(text) else text


# ---------------------------------------------------------------- the fitted model

@dataclass(frozen=True)
class Calibration:
    """How a theme model's scores become calibrated multi-label probabilities (fitted on labelled
    paragraphs by :meth:`policytext.ThemeClassifier.calibrate`). For a theme j with model score
    ``z_j``, seed evidence ``s_j``, ``m_j`` the mean of ``z_j`` over the article's paragraphs,
    ``n_j`` its mean over the paragraphs just before and after (:func:`context_scores`) and ``d_j``
    the theme's share of the seed evidence of the whole article (:func:`seed_shares`, the article's
    theme profile: a paragraph of a law on legal aid leans to rule_of_law even when it names no
    seed term)::

        P_j = σ(bias_j + a·z_j + c·log(1 + s_j) + e·m_j + f·n_j + g·d_j)     (a, c, e, f, g = weights)

    and for the class ``none_id`` (no theme; absent: -1) a logistic detector over
    ``[1, log(1 + characters), log(1 + s_none), max_j u_j, log(1 + Σ_j s_j), r]`` with ``u_j`` the
    theme's logit without the article terms and ``r`` the text's procedural share
    (:func:`procedural_share`; an older calibration of five ``none`` weights has no such term); a line
    whose share is at least ``WHOLLY_PROCEDURAL`` (it only says that a meeting was held, who presided
    and attended, what was voted) is ``none`` with P at least ``r``, whatever meeting or office it names. A paragraph is ``none`` when ``P_none ≥ 0.5``; else its
    themes are the best one and the others with ``P_j ≥ threshold``, best first. (The rule "``none``
    when no theme passes the threshold" said ``none`` for a third more thematic paragraphs of the dev
    set than for lines without a theme; the detector is precise: see data/themes/README.md.)

    >>> cal = Calibration(bias=(0.0, -1.0, 0.0), weights=(1.0, 0.0, 0.0, 0.0, 0.0), none=(0.0,) * 5, none_index=2)
    >>> cal.probabilities(np.array([[2.0, 2.0, 0.0]]), np.zeros((1, 3)), np.array([10]), False).round(2)
    array([[0.88, 0.73, 0.5 ]])
    """

    bias: tuple[float, ...]
    weights: tuple[float, ...]
    none: tuple[float, ...]
    none_index: int = -1
    threshold: float = 0.5

    def probabilities(self, z: np.ndarray, seeds: np.ndarray, lengths: np.ndarray, context: bool,
                      procedural: np.ndarray | None = None) -> np.ndarray:
        """P per text and class from scores ``z``, seed evidence, text lengths and procedural shares
        (None: zeros); ``context``: the texts are the paragraphs of one article, in order (else each
        is an article of its own). A calibration of four weights (an older model's) has no share term."""
        a, c, e, f, g = (*self.weights, 0.0)[:5]
        u = np.asarray(self.bias) + a * z + c * np.log1p(seeds)
        theme = np.ones(z.shape[1], dtype=bool)
        if self.none_index >= 0:
            theme[self.none_index] = False
        p = np.zeros_like(z, dtype=np.float64)
        mean, near = context_scores(z) if context else (z, z)  # no context: each text is an article of its own
        share = np.zeros_like(p)
        share[:, theme] = seed_shares(seeds[:, theme], context)
        logit = u + e * mean + f * near + g * share
        p[:, theme] = _sigmoid(logit[:, theme])
        if self.none_index >= 0:
            r = np.zeros(len(z)) if procedural is None else procedural
            x = np.column_stack([np.ones(len(z)), np.log1p(lengths), np.log1p(seeds[:, self.none_index]),
                                 u[:, theme].max(axis=1), np.log1p(seeds[:, theme].sum(axis=1)), r])
            p[:, self.none_index] = _sigmoid(x[:, :len(self.none)] @ np.asarray(self.none))
            if len(self.none) > 5:  # a wholly procedural line is none, whatever meeting or office it names
                wholly = r >= WHOLLY_PROCEDURAL
                p[wholly, self.none_index] = np.maximum(p[wholly, self.none_index], r[wholly])
        return p

    def select(self, row: np.ndarray, classes: np.ndarray, threshold: float, max_themes: int) -> list[ThemeScore]:
        """The ranked themes of one row of probabilities (see the class docstring)."""
        if self.none_index >= 0 and row[self.none_index] >= 0.5:
            return [ThemeScore(str(classes[self.none_index]), float(row[self.none_index]))]
        order = [j for j in np.argsort(-row, kind="stable") if j != self.none_index][:max(1, max_themes)]
        return [ThemeScore(str(classes[j]), float(row[j])) for k, j in enumerate(order) if k == 0 or row[j] >= threshold]

    def to_dict(self) -> dict[str, Any]:
        return {"bias": list(self.bias), "weights": list(self.weights), "none": list(self.none),
                "none_index": self.none_index, "threshold": self.threshold}


def context_scores(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For the scores ``z`` of an article's paragraphs in order: each row's article mean, and the
    mean of the rows just before and after it (its own row for a one-paragraph article).

    >>> mean, near = context_scores(np.array([[1.0], [2.0], [6.0]]))
    >>> mean.ravel().tolist(), near.ravel().tolist()
    ([3.0, 3.0, 3.0], [2.0, 3.5, 2.0])
    """
    if len(z) < 2:
        return z.copy(), z.copy()
    padded = np.vstack([np.zeros((1, z.shape[1])), z, np.zeros((1, z.shape[1]))])
    count = np.full((len(z), 1), 2.0)
    count[[0, -1]] = 1.0
    return np.broadcast_to(z.mean(axis=0), z.shape).copy(), (padded[:-2] + padded[2:]) / count


def seed_shares(seeds: np.ndarray, context: bool = True) -> np.ndarray:
    """For the seed evidence ``seeds`` of an article's paragraphs (rows; columns: themes): each
    theme's share of the article's total, the same for every row (zeros without any evidence);
    ``context=False``: each row's own shares (each text an article of its own).

    >>> seed_shares(np.array([[2.0, 0.0], [1.0, 1.0]])).tolist()
    [[0.75, 0.25], [0.75, 0.25]]
    >>> seed_shares(np.array([[2.0, 0.0], [0.0, 0.0]]), context=False).tolist()
    [[1.0, 0.0], [0.0, 0.0]]
    """
    total = seeds.sum(axis=0, keepdims=True) if context else seeds
    return np.broadcast_to(total / np.maximum(total.sum(axis=1, keepdims=True), 1e-12), seeds.shape).copy()


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -40, 40)))


class ThemeModel:
    """A fitted linear theme model held as plain arrays: TF-IDF features, a weight matrix, and how
    scores become probabilities (``link``): ``softmax`` (single label), ``ovr`` (one-vs-rest
    sigmoids normalised to sum 1) or ``sigmoid`` (multi-label, independent probabilities). With a
    :class:`Calibration` (the default model has one) the probabilities are calibrated multi-label
    ones, the ``none`` class included.

    With ``prior`` (another ThemeModel on the same features) the prior's probabilities, times
    ``prior_weight``, are extra features after the n-grams. With seed terms and ``seed_weight`` > 0
    the probabilities of an uncalibrated single-label model are mixed with the seed evidence:
    ``p = (p_model + w q_seeds) / (1 + w)`` where the text has seed terms.
    """

    def __init__(self, classes: Sequence[str], featurizer: Featurizer, coef: np.ndarray, intercept: np.ndarray,
                 link: str = "softmax", temperature: float = 1.0, seeds: SeedScorer | None = None,
                 seed_weight: float = 0.0, prior: ThemeModel | None = None, prior_weight: float = 1.0,
                 calibration: Calibration | None = None, meta: Mapping[str, Any] | None = None) -> None:
        if link not in ("softmax", "ovr", "sigmoid"):
            raise ModelError(f"theme model: unknown link {link!r}")
        self.classes = np.asarray(classes, dtype=str)
        self.featurizer = featurizer
        self.coef = np.asarray(coef, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self._coef_t = np.ascontiguousarray(self.coef.T)
        self.link = link
        self.temperature = float(temperature)
        self.seeds = seeds if seeds else None
        self.seed_weight = float(seed_weight)
        self.prior = prior
        self.prior_weight = float(prior_weight)
        self.calibration = calibration
        self.meta = dict(meta or {})
        width = len(featurizer) + (len(prior.classes) if prior is not None else 0)
        if self.coef.shape != (len(self.classes), width) or self.intercept.shape != (len(self.classes),):
            raise ModelError(f"theme model: weights of shape {self.coef.shape} do not fit {len(self.classes)} "
                             f"themes and {width} features")
        if prior is not None and prior.featurizer is not featurizer:
            raise ModelError("theme model: a prior model must share the featurizer")
        if self.seeds is not None and list(self.seeds.ids) != list(self.classes):
            raise ModelError("theme model: the seed terms are for other themes than the model's")
        if calibration is not None and (len(calibration.bias) != len(self.classes) or self.seeds is None):
            raise ModelError("theme model: a calibration needs seed terms and one bias per theme")

    @property
    def multilabel(self) -> bool:
        return self.link == "sigmoid" or self.calibration is not None

    @property
    def threshold(self) -> float:
        """The default threshold of :meth:`rank`: the calibrated one, else 0.5 (multi-label) or 0.2."""
        if self.calibration is not None:
            return self.calibration.threshold
        return 0.5 if self.multilabel else 0.2

    def features(self, texts: Sequence[str]) -> _Rows:
        return self.featurizer.rows(check_texts(texts))

    def decision_function(self, texts: Sequence[str], rows: _Rows | None = None) -> np.ndarray:
        """Raw scores (before the link), one row per text."""
        rows = self.features(texts) if rows is None else rows
        n_text = len(self.featurizer)
        z = _linear(rows, self._coef_t[:n_text], self.intercept)
        if self.prior is not None:
            prior = self.prior.predict_proba(texts, rows)
            z += self.prior_weight * prior @ self._coef_t[n_text:].astype(np.float64)
        return z / self.temperature

    def evidence(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """The scores and seed evidence a calibration takes, from the :func:`substance` of each text."""
        if self.seeds is None:
            raise ModelError("theme model: evidence needs seed terms")
        core = [substance(t) for t in texts]
        return self.decision_function(core), self.seeds.scores(core)

    def predict_proba(self, texts: Sequence[str], rows: _Rows | None = None, context: bool = False) -> np.ndarray:
        """Probabilities, one row per text, one column per class (``classes`` order); ``context``:
        the texts are the paragraphs of one article (used by a calibrated model)."""
        texts = check_texts(texts)
        if self.calibration is not None:
            z, seeds = self.evidence(texts)
            return self.calibration.probabilities(z, seeds, np.array([len(t) for t in texts]), context,
                                                  procedural_share(texts))
        z = self.decision_function(texts, rows)
        if self.link == "softmax":
            z = np.exp(z - z.max(axis=1, keepdims=True))
            p = z / z.sum(axis=1, keepdims=True)
        else:
            p = 1.0 / (1.0 + np.exp(-z))
            if self.link == "ovr":
                p = p / p.sum(axis=1, keepdims=True)
        if self.seeds is not None and self.seed_weight > 0 and not self.multilabel:
            s = self.seeds.scores(texts)
            total = s.sum(axis=1, keepdims=True)
            q = np.divide(s, total, out=np.zeros_like(s), where=total > 0)
            p = np.where(total > 0, (p + self.seed_weight * q) / (1.0 + self.seed_weight), p)
        return p

    def rank(self, texts: Sequence[str], threshold: float | None = None, max_themes: int = 3,
             sections: Sequence[str | None] | None = None, section_weight: float = 0.3,
             context: bool = False) -> list[list[ThemeScore]]:
        """For each text the best theme and the others scoring at least ``threshold`` (default
        :attr:`threshold`), best first, at most ``max_themes``; a calibrated model with a ``none``
        class gives ``[none]`` for a line without a theme (:class:`Calibration`).

        ``sections`` gives the heading each text sits under (or None): a heading states what its
        paragraphs are about, so its probabilities are mixed in with weight ``section_weight``.
        ``context``: the texts are the paragraphs of one article, in order (a calibrated model
        uses the article's mean scores; the theme stage sets it).

        >>> [t.id for t in rank_themes(["谢谢大家！"])[0]]
        ['none']
        """
        threshold = self.threshold if threshold is None else threshold
        p = self.predict_proba(texts, context=context)
        if sections is not None:
            p = self._with_sections(p, list(sections), section_weight)
        if self.calibration is not None:
            return [self.calibration.select(row, self.classes, threshold, max_themes) for row in p]
        out = []
        for row in p:
            order = np.argsort(-row, kind="stable")[:max(1, max_themes)]
            out.append([ThemeScore(str(self.classes[j]), float(row[j])) for k, j in enumerate(order)
                        if k == 0 or row[j] >= threshold])
        return out

    def _with_sections(self, p: np.ndarray, sections: list[str | None], weight: float) -> np.ndarray:
        if len(sections) != len(p):
            raise InputError(f"rank: {len(p)} texts but {len(sections)} section headings")
        headings = sorted({h for h in sections if h and h.strip()})
        if not headings or weight <= 0:
            return p
        of = dict(zip(headings, self.predict_proba(headings)))
        mixed = np.array([(row + weight * of[h]) / (1.0 + weight) if h in of else row for row, h in zip(p, sections)])
        if self.calibration is not None and self.calibration.none_index >= 0:  # a heading is no evidence of none
            mixed[:, self.calibration.none_index] = p[:, self.calibration.none_index]
        return mixed

    # ------------------------------------------------------------ storage (npz, no pickle)

    def _arrays(self, prefix: str = "") -> dict[str, np.ndarray]:
        seeds = None if self.seeds is None else {"theme_seeds": [list(s) for s in self.seeds.theme_seeds],
                                                 "weights": self.seeds.weights}
        meta = {**self.meta, "format": _FORMAT, "link": self.link, "temperature": self.temperature,
                "seed_weight": self.seed_weight, "prior_weight": self.prior_weight,
                "ngram_range": list(self.featurizer.ngram_range), "has_prior": self.prior is not None,
                "seeds": seeds, "calibration": None if self.calibration is None else self.calibration.to_dict()}
        half = bool(self.meta.get("float16"))
        out = {prefix + "meta": np.array(json.dumps(meta, ensure_ascii=False)), prefix + "classes": self.classes,
               prefix + "coef": self.coef.astype(np.float16 if half else np.float32),
               prefix + "intercept": self.intercept}
        if self.prior is not None:
            out.update(self.prior._arrays(prefix + "prior."))
        else:
            out.update({prefix + "vocabulary": self.featurizer.terms, prefix + "idf": self.featurizer.idf})
        return out

    def save(self, path: PathLike) -> None:
        """Write the model to ``path`` as a compressed ``.npz`` of numpy arrays and JSON (no pickle)."""
        with open(path, "wb") as fh:
            np.savez_compressed(fh, **self._arrays())

    @classmethod
    def load(cls, path: PathLike) -> ThemeModel:
        """Read a model written by :meth:`save`; a damaged or foreign file raises :class:`ModelError`."""
        if not Path(path).is_file():
            raise ModelError(f"{path}: no such theme model file")
        try:
            with np.load(path, allow_pickle=False) as npz:
                return cls._from_arrays({k: npz[k] for k in npz.files}, "", str(path))
        except ModelError:
            raise
        except Exception as exc:  # zipfile, numpy and json errors of a damaged or foreign file
            raise ModelError(f"{path}: not a policytext theme model, or damaged ({type(exc).__name__}: {exc}); "
                             "fit and save it again") from exc

    @classmethod
    def _from_arrays(cls, arrays: Mapping[str, np.ndarray], prefix: str, where: str) -> ThemeModel:
        meta = json.loads(str(arrays[prefix + "meta"]))
        if not isinstance(meta, dict) or meta.get("format") != _FORMAT:
            raise ModelError(f"{where}: not a policytext theme model (format {_FORMAT!r} expected)")
        prior = cls._from_arrays(arrays, prefix + "prior.", where) if meta["has_prior"] else None
        featurizer = prior.featurizer if prior is not None else Featurizer(
            arrays[prefix + "vocabulary"].tolist(), arrays[prefix + "idf"], tuple(meta["ngram_range"]))
        classes = arrays[prefix + "classes"].tolist()
        seeds = None
        if meta["seeds"]:
            tax = Taxonomy([Theme(i, seeds=tuple(s)) for i, s in zip(classes, meta["seeds"]["theme_seeds"])], where)
            seeds = SeedScorer(tax, meta["seeds"]["weights"])
        cal = meta.get("calibration")
        calibration = None if not cal else Calibration(
            tuple(cal["bias"]), tuple(cal["weights"]), tuple(cal["none"]), cal["none_index"], cal["threshold"])
        own = {k: v for k, v in meta.items() if k not in ("format", "link", "temperature", "seed_weight",
                                                         "prior_weight", "ngram_range", "has_prior", "seeds",
                                                         "calibration")}
        return cls(classes, featurizer, arrays[prefix + "coef"].astype(np.float32), arrays[prefix + "intercept"],
                   link=meta["link"], temperature=meta["temperature"], seeds=seeds, seed_weight=meta["seed_weight"],
                   prior=prior, prior_weight=meta["prior_weight"], calibration=calibration, meta=own)


def check_texts(texts: Any) -> list[str]:
    if isinstance(texts, str):
        raise InputError("expected a list of texts, got one str; wrap it: [text]")
    texts = list(texts)
    bad = [type(t).__name__ for t in texts if not isinstance(t, str)]
    if bad:
        raise InputError(f"expected texts (str), got {bad[0]}; pass paragraph.text")
    return texts


@lru_cache(maxsize=1)
def default_model() -> ThemeModel:
    """The shipped model for the default taxonomy (loaded once)."""
    path = _DIR.joinpath("model.npz")
    if not path.is_file():
        raise ModelError(f"{path}: the default theme model is missing; reinstall policytext or rebuild it "
                         "with scripts/train_themes.py")
    return ThemeModel.load(str(path))


def rank_themes(texts: list[str], classifier: Any = None, sections: Sequence[str | None] | None = None,
                threshold: float | None = None, context: bool = False) -> list[list[ThemeScore]]:
    """Ranked themes of each text: ``ThemeScore(id, score)``, best first (see :meth:`ThemeModel.rank`).
    ``classifier`` is a fitted :class:`policytext.ThemeClassifier` or a :class:`ThemeModel`;
    None uses the default model. ``sections``: the section heading of each text, or None;
    ``threshold``: the probability a theme needs (None: the model's); ``context``: the texts are
    the paragraphs of one article.

    >>> rank_themes(["加强数字政府建设，推进政务数据共享。"])[0][0].id
    'digital_governance'
    """
    texts = check_texts(texts)
    if not texts:
        return []
    model = default_model() if classifier is None else classifier
    return model.rank(texts, threshold=threshold, sections=sections, context=context)


# ---------------------------------------------------------------- topic discovery

class Topic(NamedTuple):
    """An unsupervised topic: its number, top phrases with weights, and how many paragraphs it leads."""

    topic: int
    phrases: list[str]
    weights: list[float]
    paragraphs: int


_HAN = re.compile(r"[\u3400-\u9fff]")


def _phrases_of(text: str) -> list[str]:
    """Nouns (and verbal nouns, abbreviations, set phrases) of two or more characters, and each two
    such words in a row joined: the candidate phrases of a topic."""
    from ..segmentation import tagged

    words: list[str | None] = [w if len(w) >= 2 and _HAN.search(w) and t.startswith(_NOMINAL) else None
                               for w, t in tagged(text)]
    found = [w for w in words if w]
    return found + [a + b for a, b in zip(words, words[1:]) if a and b]


_NOMINAL = ("n", "vn", "an", "j", "l")


def discover_themes(paragraphs: Iterable[Any], n: int = 10, top: int = 10, as_frame: bool = False,
                    random_state: int = 0) -> list[Topic] | pd.DataFrame:
    """Topics of a collection of paragraphs before any taxonomy exists: NMF over TF-IDF of the
    segmented text (nouns and two-noun phrases), each topic with its ``top`` phrases.
    ``paragraphs`` are strings or objects with ``.text`` (Paragraph), or Articles (their paragraphs).

    >>> topics = discover_themes(texts, n=5)                     # doctest: +SKIP
    >>> topics[0].phrases[:3]                                    # doctest: +SKIP
    ['城市更新', '老旧小区', '改造']
    """
    texts = []
    for p in paragraphs:
        if hasattr(p, "paragraphs"):
            texts.extend(q.text for q in p.paragraphs)
        else:
            texts.append(p if isinstance(p, str) else getattr(p, "text", None))
    texts = check_texts(texts)
    if not isinstance(n, int) or n < 1:
        raise InputError(f"n must be a positive number of topics, got {n!r}")
    if len(texts) < n:
        raise InputError(f"discover_themes needs at least n={n} paragraphs, got {len(texts)}")
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=_phrases_of, min_df=2 if len(texts) >= 20 else 1,
                          max_df=0.5 if len(texts) >= 20 else 1.0, sublinear_tf=True)
    try:
        x = vec.fit_transform(texts)
    except ValueError as exc:  # empty vocabulary
        raise InputError(f"discover_themes: no words to model in these paragraphs ({exc})") from exc
    nmf = NMF(n_components=n, init="nndsvda", random_state=random_state, max_iter=400)
    doc_topic = nmf.fit_transform(x)
    terms = vec.get_feature_names_out()
    leads = np.bincount(doc_topic.argmax(axis=1), minlength=n)
    topics = []
    for k, row in enumerate(nmf.components_):
        best = [j for j in np.argsort(-row)[:top] if row[j] > 0]
        topics.append(Topic(k, [str(terms[j]) for j in best], [round(float(row[j]), 4) for j in best],
                            int(leads[k])))
    if as_frame:
        import pandas as pd

        return pd.DataFrame([t._asdict() for t in topics])
    return topics

