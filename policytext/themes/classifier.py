"""ThemeClassifier: a scikit-learn estimator for the user's own theme labels (and the weak
supervision that builds the default model).

It lives apart from :mod:`policytext.themes` so that ranking paragraphs with a fitted model needs
numpy only, while fitting one imports scikit-learn.

>>> import policytext
>>> clf = policytext.ThemeClassifier()                       # starts from the default model
>>> clf.fit(["推进老旧小区改造", "加强基层党组织建设"], ["housing", "party"]).predict(["老旧小区加装电梯"])
array(['housing'], dtype='<U7')
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Union

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

from ..document import ThemeScore
from ..errors import InputError, ModelError, TaxonomyError
from .model import (Calibration, Featurizer, SeedScorer, Taxonomy, ThemeModel, check_texts, char_ngrams, context_scores,
                    default_model, procedural_share, seed_shares)

__all__ = ["ThemeClassifier"]

Labels = Union[Sequence[str], Sequence[Sequence[str]]]


class ThemeClassifier(ClassifierMixin, BaseEstimator):
    """Classify paragraphs into themes: ``fit(texts, labels)``, ``predict``, ``predict_proba``.

    ``labels`` are one theme id per text, or a list of ids per text (multi-label: one logistic
    regression per theme, independent probabilities). With ``init="default"`` the default model's
    13 theme probabilities are extra features next to the character n-grams (so few labels go a
    long way, and labels that reuse the default ids start from what it knows); ``init=None``
    learns from the labelled texts alone. ``taxonomy`` (a :class:`Taxonomy`, file or dict) checks
    the labels and orders the classes; its seed terms are mixed in with weight ``seed_weight``.
    Works in ``Pipeline``, ``cross_val_score`` and ``GridSearchCV``; ``save``/``load`` use ``.npz``.
    """

    def __init__(self, init: str | None = "default", taxonomy: Any = None, C: float = 10.0,
                 prior_weight: float = 3.0, seed_weight: float = 0.0, threshold: float | None = None,
                 max_themes: int = 3, max_features: int = 50000) -> None:
        self.init = init
        self.taxonomy = taxonomy
        self.C = C
        self.prior_weight = prior_weight
        self.seed_weight = seed_weight
        self.threshold = threshold
        self.max_themes = max_themes
        self.max_features = max_features

    # ------------------------------------------------------------ fitting

    def fit(self, X: Sequence[str], y: Labels) -> ThemeClassifier:
        texts = check_texts(X)
        labels = list(y)
        if len(labels) != len(texts):
            raise InputError(f"fit: {len(texts)} texts but {len(labels)} labels")
        multi = _is_multilabel(labels)
        sets = [list(v) for v in labels] if multi else [[v] for v in labels]
        ids = sorted({t for s in sets for t in s})
        taxonomy = Taxonomy.load(self.taxonomy) if self.taxonomy is not None else None
        if taxonomy is not None:
            taxonomy.check(ids)
            ids = [t for t in taxonomy.ids if t in set(ids)] if not multi else taxonomy.ids
        if not multi and len(ids) < 2:
            raise InputError(f"fit: need at least two different themes among the labels, got {ids}")
        featurizer, prior = self._features(texts)
        x = _design(featurizer, prior, self.prior_weight, texts)
        if multi:
            coef, intercept = _fit_multilabel(x, sets, ids, self.C)
            link = "sigmoid"
        else:
            from sklearn.linear_model import LogisticRegression

            lr = LogisticRegression(C=self.C, max_iter=2000).fit(x, [s[0] for s in sets])
            order = [list(lr.classes_).index(t) for t in ids]
            coef, intercept = _softmax_form(lr.coef_, lr.intercept_)
            coef, intercept = coef[order], intercept[order]
            link = "softmax"
        seeds = _seeds(taxonomy, ids) if self.seed_weight > 0 else None
        self.model_ = ThemeModel(ids, featurizer, coef, intercept, link=link, seeds=seeds,
                                 seed_weight=self.seed_weight, prior=prior, prior_weight=self.prior_weight,
                                 meta={"params": self._json_params()})
        self._fitted(self.model_)
        return self

    def _features(self, texts: list[str]) -> tuple[Featurizer, ThemeModel | None]:
        if self.init == "default":
            prior = default_model()
            return prior.featurizer, prior
        if self.init is not None:
            raise InputError(f"init must be 'default' or None, got {self.init!r}")
        return _fit_featurizer(texts, self.max_features, min_df=1), None

    def _fitted(self, model: ThemeModel) -> None:
        self.model_ = model
        self.classes_ = model.classes
        self.multilabel_ = model.multilabel

    def _json_params(self) -> dict[str, Any]:
        params = self.get_params()
        tax = params["taxonomy"]
        if tax is not None and not isinstance(tax, (str, os.PathLike)):
            params["taxonomy"] = Taxonomy.load(tax).to_dict()
        elif tax is not None:
            params["taxonomy"] = str(tax)
        return params

    # ------------------------------------------------------------ prediction

    def _check(self) -> ThemeModel:
        model = getattr(self, "model_", None)
        if model is None:
            from sklearn.exceptions import NotFittedError

            raise NotFittedError("this ThemeClassifier is not fitted yet; call fit(texts, labels) first")
        return model

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        """Probabilities per text and theme (columns in ``classes_`` order)."""
        return self._check().predict_proba(X)

    def decision_function(self, X: Sequence[str]) -> np.ndarray:
        return self._check().decision_function(X)

    def predict(self, X: Sequence[str]) -> np.ndarray:
        """The best theme id per text; for a multi-label model an indicator array (texts × ``classes_``,
        1 where :meth:`rank` returns the theme), as scikit-learn's multi-label estimators give.

        >>> clf = ThemeClassifier.default()
        >>> clf.classes_[clf.predict(["加强数字政府建设，推进政务数据共享。"])[0] == 1].tolist()
        ['digital_governance']
        """
        model = self._check()
        if model.multilabel:
            return self.indicators(self.rank(X))
        return model.classes[model.predict_proba(X).argmax(axis=1)]

    def indicators(self, label_sets: Sequence[Any]) -> np.ndarray:
        """An indicator array (texts × ``classes_``) of theme ids or ``ThemeScore`` lists per text."""
        model = self._check()
        col = {c: j for j, c in enumerate(model.classes.tolist())}
        out = np.zeros((len(label_sets), len(col)), dtype=np.int64)
        for i, labels in enumerate(label_sets):
            for t in labels:
                theme = getattr(t, "id", t)
                if theme not in col:
                    raise TaxonomyError(f"unknown theme id {theme!r}; this classifier has: {', '.join(col)}")
                out[i, col[theme]] = 1
        return out

    def rank(self, X: Sequence[str], sections: Sequence[str | None] | None = None, context: bool = False,
             threshold: float | None = None) -> list[list[ThemeScore]]:
        """Ranked ``ThemeScore`` lists, as :func:`policytext.themes.rank_themes` gives them
        (``threshold``: None for the classifier's own, else the model's)."""
        threshold = self.threshold if threshold is None else threshold
        return self._check().rank(X, threshold, self.max_themes, sections=sections, context=context)

    def score(self, X: Sequence[str], y: Labels, sample_weight: Any = None) -> float:
        """Accuracy (single label) or mean Jaccard similarity of the id sets (multi-label; ``y`` as
        lists of ids or an indicator array)."""
        model = self._check()
        if not model.multilabel:
            return super().score(X, y, sample_weight=sample_weight)
        pred = self.predict(X).astype(bool)
        true = np.asarray(y).astype(bool) if isinstance(y, np.ndarray) else self.indicators(list(y)).astype(bool)
        sims = (pred & true).sum(axis=1) / np.maximum((pred | true).sum(axis=1), 1)
        return float(np.average(sims, weights=sample_weight))

    # ------------------------------------------------------------ storage

    def save(self, path: str | os.PathLike[str]) -> None:
        """Save the fitted model as ``.npz`` (numpy arrays and JSON, never pickle)."""
        model = self._check()
        model.meta["params"] = self._json_params()
        model.save(path)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ThemeClassifier:
        """A fitted classifier from :meth:`save`; a damaged file raises :class:`ModelError`."""
        model = ThemeModel.load(path)
        params = model.meta.get("params")
        if not isinstance(params, dict):
            raise ModelError(f"{path}: a theme model without ThemeClassifier parameters")
        try:
            est = cls(**params)
        except TypeError as exc:
            raise ModelError(f"{path}: unknown ThemeClassifier parameters ({exc})") from exc
        est._fitted(model)
        return est

    @classmethod
    def default(cls) -> ThemeClassifier:
        """The shipped default model as a fitted classifier (the 21 themes of the default taxonomy)."""
        return cls.from_model(default_model(), Taxonomy.default())

    @classmethod
    def from_model(cls, model: ThemeModel, taxonomy: Any = None) -> ThemeClassifier:
        """A fitted classifier around a :class:`~policytext.themes.ThemeModel` (not copied)."""
        est = cls(init=None, taxonomy=taxonomy, seed_weight=model.seed_weight)
        est._fitted(model)
        return est

    # ------------------------------------------------------------ weak supervision

    @classmethod
    def bootstrap(cls, texts: Sequence[str], taxonomy: Any, *, rounds: int = 3, min_score: float = 1.0,
                  margin: float = 2.0, per_theme: int = 3000, unlabelled: int = 20000, confidence: float = 0.8,
                  alpha: float = 1e-5, seed_weight: float = 0.5, max_features: int = 100000, min_df: int = 3,
                  terms: Sequence[str] = (), none: str = "none", random_state: int = 0,
                  log: Callable[[str], None] | None = None) -> ThemeClassifier:
        """Train a classifier for ``taxonomy`` from unlabelled ``texts`` and its seed terms alone.

        1. Weight the seed terms by their rarity in ``texts`` and label each text with the theme whose
           seed evidence is at least ``min_score`` and ``margin`` times the runner-up's (the theme
           ``none``, lines without a theme, is never a weak label: :meth:`calibrate` learns it).
        2. Keep at most ``per_theme`` labelled texts per theme plus ``unlabelled`` others; mask the
           seed terms in them, so the model learns the words around the seeds (城市内涝 next to 防汛).
        3. Fit TF-IDF over character 1-3-grams and the ``terms`` longer than 3 characters (words,
           lexicon terms) and a one-vs-rest logistic regression (SGD); then ``rounds - 1`` times add
           the unlabelled texts predicted with probability ≥ ``confidence`` and fit again.
        4. Set a temperature on 10% of the labelled texts held out, so probabilities are calibrated;
           at prediction the seed evidence of a text is mixed in with weight ``seed_weight``.
        """
        from sklearn.linear_model import SGDClassifier

        say = log or (lambda _msg: None)
        taxonomy = Taxonomy.load(taxonomy)
        taxonomy.require_seeds()
        texts = check_texts(texts)
        scorer = SeedScorer(taxonomy).fit_weights(texts)
        weak = scorer.labels(texts, min_score=min_score, margin=margin,
                             skip=[taxonomy.ids.index(none)] if none in taxonomy else [])
        k = len(taxonomy)
        say(f"weak labels: {int((weak >= 0).sum())} of {len(texts)} texts; per theme "
            f"{np.bincount(weak[weak >= 0], minlength=k).tolist()}")
        rng = np.random.default_rng(random_state)
        keep: list[int] = []
        for j in range(k):
            idx = np.flatnonzero(weak == j)
            keep.extend(rng.permutation(idx)[:per_theme])
        keep.extend(rng.permutation(np.flatnonzero(weak < 0))[:unlabelled])
        pool = np.array(sorted(keep), dtype=np.int64)
        labels = weak[pool]
        if len(set(labels[labels >= 0].tolist())) < 2:
            raise InputError("bootstrap: the seed terms label fewer than two themes in these texts; "
                             "give more texts or more seed terms")
        masked = [scorer.mask(texts[i]) for i in pool]
        featurizer = _fit_featurizer(masked, max_features, min_df=min_df, terms=terms)
        x = featurizer.sparse(masked)
        held = np.zeros(len(pool), dtype=bool)
        lab_idx = np.flatnonzero(labels >= 0)
        held[rng.permutation(lab_idx)[: len(lab_idx) // 10]] = True
        y = np.where(held, -1, labels)
        for r in range(max(1, rounds)):
            train = y >= 0
            sgd = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=50, tol=1e-4, random_state=random_state)
            sgd.fit(x[train], y[train])
            say(f"round {r + 1}: fitted on {int(train.sum())} texts")
            if r + 1 < rounds:
                proba = sgd.predict_proba(x)
                best = sgd.classes_[proba.argmax(axis=1)]
                sure = (proba.max(axis=1) >= confidence) & (labels < 0)
                y = np.where(held, -1, np.where(labels >= 0, labels, np.where(sure, best, -1)))
        coef, intercept, link = _ovr_form(sgd, k)
        z = x[held] @ coef.T + intercept
        temperature = _temperature(z, labels[held], link)
        say(f"temperature {temperature:.2f} (on {int(held.sum())} held-out weakly labelled texts)")
        est = cls(init=None, taxonomy=taxonomy, seed_weight=seed_weight)
        meta = {"params": est._json_params(), "float16": True,
                "training": {"texts": len(texts), "pool": int(len(pool)), "rounds": rounds, "min_score": min_score,
                             "margin": margin, "confidence": confidence, "alpha": alpha,
                             "random_state": random_state}}
        est._fitted(ThemeModel(taxonomy.ids, featurizer, coef, intercept, link=link, temperature=temperature,
                               seeds=scorer, seed_weight=seed_weight, meta=meta))
        return est


    def calibrate(self, X: Sequence[str], y: Sequence[Sequence[str]], groups: Sequence[Any] | None = None, *,
                  none: str = "none", C: float = 1.0, threshold: float | None = None,
                  bias_scale: float = 0.5) -> ThemeClassifier:
        """Calibrate the fitted model on labelled paragraphs, so that its probabilities are
        multi-label ones and ``none`` is predicted: ``y`` the theme ids of each text (``[none]``
        for a line without a theme), ``groups`` the article of each text (its paragraphs' mean
        scores are evidence; None: no article context). Fits a
        :class:`~policytext.themes.Calibration` (logistic regression over the model's scores and
        the seed evidence, one bias per theme; a logistic ``none`` detector) and the threshold
        (given, or the one with the best macro-F1 on these texts). ``bias_scale`` scales the columns
        of the per-theme biases under the L2 penalty (0.5: they are penalised four times as much as
        the shared weights), so that the theme mix of the calibration texts weighs less as a prior
        (on the dev split, cross-validated by document, 0.5 gave +0.004 primary and top theme against
        1.0; 0.001, no per-theme bias at all, did as well as 1.0). Needs a model with seed terms
        (:meth:`bootstrap`).
        """
        model = self._check()
        if model.seeds is None:
            raise ModelError("calibrate needs a model with seed terms, such as ThemeClassifier.bootstrap gives")
        texts = check_texts(X)
        truth = self.indicators([list(v) for v in y])
        if len(truth) != len(texts):
            raise InputError(f"calibrate: {len(texts)} texts but {len(truth)} label lists")
        groups = list(range(len(texts))) if groups is None else list(groups)
        if len(groups) != len(texts):
            raise InputError(f"calibrate: {len(texts)} texts but {len(groups)} groups")
        classes = model.classes.tolist()
        z, seeds = model.evidence(texts)
        lengths, procedural = np.array([len(t) for t in texts]), procedural_share(texts)
        members = [np.array([i for i, h in enumerate(groups) if h == g]) for g in dict.fromkeys(groups)]
        none_index = classes.index(none) if none in classes else -1
        theme = [j for j in range(len(classes)) if j != none_index]
        mean, near, share = np.zeros_like(z), np.zeros_like(z), np.zeros_like(z)
        for at in members:
            mean[at], near[at] = context_scores(z[at])
            share[np.ix_(at, theme)] = seed_shares(seeds[np.ix_(at, theme)])
        cal = _fit_calibration(z, seeds, lengths, procedural, mean, near, share, truth, none_index, C, bias_scale)
        if threshold is None:
            p = np.zeros_like(z)
            for at in members:
                p[at] = cal.probabilities(z[at], seeds[at], lengths[at], True, procedural[at])
            threshold = max(np.arange(0.10, 0.71, 0.025),
                            key=lambda t: _macro_f1(truth, self.indicators(
                                [cal.select(row, model.classes, t, self.max_themes) for row in p])))
        cal = Calibration(cal.bias, cal.weights, cal.none, cal.none_index, round(float(threshold), 4))
        self._fitted(ThemeModel(classes, model.featurizer, model.coef, model.intercept, link=model.link,
                                temperature=model.temperature, seeds=model.seeds, seed_weight=model.seed_weight,
                                prior=model.prior, prior_weight=model.prior_weight, calibration=cal, meta=model.meta))
        return self


# ---------------------------------------------------------------- helpers

def _is_multilabel(labels: list[Any]) -> bool:
    kinds = {isinstance(v, (list, tuple, set, frozenset, np.ndarray)) for v in labels}
    if len(kinds) > 1:
        raise InputError("fit: give every text one theme id, or every text a list of ids, not a mix")
    if kinds == {False} and not all(isinstance(v, str) for v in labels):
        raise InputError("fit: labels must be theme ids (str) or lists of ids")
    return kinds == {True}


def _fit_featurizer(texts: Sequence[str], max_features: int, min_df: int, terms: Sequence[str] = ()) -> Featurizer:
    """Character 1-3-grams (the ``max_features`` most frequent) and the ``terms`` longer than 3
    characters found in at least ``min_df`` texts, with scikit-learn's smoothed idf."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=partial(char_ngrams, ngram_range=(1, 3)), sublinear_tf=True,
                          min_df=min_df, max_features=max_features, dtype=np.float32)
    vec.fit(texts)
    vocabulary, idf = vec.get_feature_names_out().tolist(), vec.idf_
    long = np.array(sorted({t for t in terms if len(t) > 3}), dtype=str)
    if len(long):
        df = np.bincount(Featurizer(long, np.ones(len(long)), (3, 3)).rows(texts).indices, minlength=len(long))
        keep = df >= min_df
        vocabulary += long[keep].tolist()
        idf = np.concatenate([idf, np.log((1 + len(texts)) / (1 + df[keep])) + 1])
    return Featurizer(vocabulary, idf, (1, 3))


def _design(featurizer: Featurizer, prior: ThemeModel | None, weight: float, texts: list[str]):  # type: ignore[no-untyped-def]
    import scipy.sparse

    rows = featurizer.rows(texts)
    x = scipy.sparse.csr_matrix((rows.values, rows.indices, rows.indptr), shape=(len(texts), len(featurizer)))
    if prior is None:
        return x
    p = prior.predict_proba(texts, rows) * weight
    return scipy.sparse.hstack([x, scipy.sparse.csr_matrix(p)], format="csr")


def _softmax_form(coef: np.ndarray, intercept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Binary logistic weights (one row) as two softmax rows that give the same probabilities."""
    if coef.shape[0] == 1:
        return np.vstack([-coef / 2, coef / 2]), np.array([-intercept[0] / 2, intercept[0] / 2])
    return coef, intercept


def _ovr_form(sgd: Any, k: int) -> tuple[np.ndarray, np.ndarray, str]:
    """Weights of an SGD log-loss classifier as rows for all ``k`` themes (absent ones never win)."""
    classes = list(sgd.classes_)
    if len(classes) == 2:
        c, b = _softmax_form(sgd.coef_, sgd.intercept_)
        link = "softmax"
    else:
        c, b, link = sgd.coef_, sgd.intercept_, "ovr"
    coef = np.zeros((k, c.shape[1]), dtype=np.float64)
    intercept = np.full(k, -30.0)
    for row, j in enumerate(classes):
        coef[j], intercept[j] = c[row], b[row]
    return coef, intercept, link


def _temperature(z: np.ndarray, y: np.ndarray, link: str) -> float:
    """The temperature in [0.25, 4] that minimises the negative log-likelihood of held-out labels."""
    if len(y) == 0:
        return 1.0

    def nll(t: float) -> float:
        s = z / t
        if link == "softmax":
            s = s - s.max(axis=1, keepdims=True)
            logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        else:
            p = 1.0 / (1.0 + np.exp(-s))
            logp = np.log(np.maximum(p / p.sum(axis=1, keepdims=True), 1e-12))
        return float(-logp[np.arange(len(y)), y].mean())

    grid = np.exp(np.linspace(math.log(0.25), math.log(4.0), 41))
    return float(min(grid, key=nll))


def _fit_multilabel(x: Any, sets: list[list[str]], ids: list[str], C: float) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    coef = np.zeros((len(ids), x.shape[1]))
    intercept = np.zeros(len(ids))
    for j, theme in enumerate(ids):
        target = np.array([theme in s for s in sets])
        pos = int(target.sum())
        if 0 < pos < len(target):
            lr = LogisticRegression(C=C, max_iter=2000).fit(x, target)
            coef[j], intercept[j] = lr.coef_[0], lr.intercept_[0]
        else:  # a theme every text has, or none has: a constant probability
            intercept[j] = math.log((pos + 0.5) / (len(target) - pos + 0.5))
    return coef, intercept


def _seeds(taxonomy: Taxonomy | None, ids: list[str]) -> SeedScorer | None:
    if taxonomy is None:
        return None
    sub = Taxonomy([taxonomy[t] for t in ids], taxonomy.source)
    return SeedScorer(sub) if any(t.seeds for t in sub) else None



def _fit_calibration(z: np.ndarray, seeds: np.ndarray, lengths: np.ndarray, procedural: np.ndarray, means: np.ndarray,
                     near: np.ndarray, shares: np.ndarray, truth: np.ndarray, none_index: int, C: float,
                     bias_scale: float = 1.0) -> Calibration:
    """The :class:`Calibration` fitted on scores ``z``, seed evidence, text lengths and procedural
    shares (:func:`~policytext.themes.model.procedural_share`), article and neighbour means
    (:func:`context_scores`), the article's seed shares (:func:`seed_shares`) and the indicator
    array ``truth``: one logistic regression over (text, theme) pairs with shared weights and a
    bias per theme (its columns scaled by ``bias_scale`` under the penalty), and one for ``none``."""
    from sklearn.linear_model import LogisticRegression

    k = z.shape[1]
    themes = [j for j in range(k) if j != none_index]
    n, m = len(z), len(themes)
    x = np.column_stack([z[:, themes].ravel(), np.log1p(seeds[:, themes]).ravel(), means[:, themes].ravel(),
                         near[:, themes].ravel(), shares[:, themes].ravel(), np.tile(np.eye(m) * bias_scale, (n, 1))])
    target = truth[:, themes].ravel()
    if target.min() == target.max():
        raise InputError("calibrate: the labels must give some texts a theme and leave others without it")
    lr = LogisticRegression(C=C, max_iter=5000).fit(x, target)
    w = lr.coef_[0]
    bias = np.zeros(k)
    bias[themes] = lr.intercept_[0] + bias_scale * w[5:]
    weights = tuple(float(v) for v in w[:5])
    none: tuple[float, ...] = (-30.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    if none_index >= 0 and 0 < truth[:, none_index].sum() < n:
        u = bias[themes] + weights[0] * z[:, themes] + weights[1] * np.log1p(seeds[:, themes])
        xn = np.column_stack([np.log1p(lengths), np.log1p(seeds[:, none_index]), u.max(axis=1),
                              np.log1p(seeds[:, themes].sum(axis=1)), procedural])
        det = LogisticRegression(C=C, max_iter=5000).fit(xn, truth[:, none_index])
        none = (float(det.intercept_[0]), *map(float, det.coef_[0]))
    return Calibration(tuple(map(float, bias)), weights, none, none_index)


def _macro_f1(truth: np.ndarray, pred: np.ndarray) -> float:
    """Mean F1 over the classes that occur in ``truth`` (indicator arrays)."""
    present = truth.sum(axis=0) > 0
    tp = (truth & pred).sum(axis=0)[present]
    return float(np.mean(2 * tp / np.maximum(truth.sum(axis=0)[present] + pred.sum(axis=0)[present], 1)))
