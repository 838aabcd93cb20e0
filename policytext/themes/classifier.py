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
from ..errors import InputError, ModelError
from .model import Featurizer, SeedScorer, Taxonomy, ThemeModel, check_texts, char_ngrams, default_model

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

    def predict(self, X: Sequence[str]) -> Any:
        """The best theme id per text; for a multi-label model the list of ids per text."""
        model = self._check()
        if model.multilabel:
            return [[t.id for t in row] for row in self.rank(X)]
        return model.classes[model.predict_proba(X).argmax(axis=1)]

    def rank(self, X: Sequence[str], sections: Sequence[str | None] | None = None) -> list[list[ThemeScore]]:
        """Ranked ``ThemeScore`` lists, as :func:`policytext.themes.rank_themes` gives them."""
        return self._check().rank(X, self.threshold, self.max_themes, sections=sections)

    def score(self, X: Sequence[str], y: Labels, sample_weight: Any = None) -> float:
        """Accuracy (single label) or mean Jaccard similarity of the id sets (multi-label)."""
        model = self._check()
        if not model.multilabel:
            return super().score(X, y, sample_weight=sample_weight)
        pred = self.predict(X)
        sims = [len(set(p) & set(t)) / max(len(set(p) | set(t)), 1) for p, t in zip(pred, y)]
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
        """The shipped default model as a fitted classifier (13 themes of the default taxonomy)."""
        model = default_model()
        est = cls(init=None, taxonomy=Taxonomy.default(), seed_weight=model.seed_weight)
        est._fitted(model)
        return est

    # ------------------------------------------------------------ weak supervision

    @classmethod
    def bootstrap(cls, texts: Sequence[str], taxonomy: Any, *, rounds: int = 3, min_score: float = 1.0,
                  margin: float = 2.0, per_theme: int = 3000, unlabelled: int = 20000, confidence: float = 0.8,
                  alpha: float = 1e-5, seed_weight: float = 0.5, max_features: int = 100000, min_df: int = 3,
                  random_state: int = 0, log: Callable[[str], None] | None = None) -> ThemeClassifier:
        """Train a classifier for ``taxonomy`` from unlabelled ``texts`` and its seed terms alone.

        1. Weight the seed terms by their rarity in ``texts`` and label each text with the theme whose
           seed evidence is at least ``min_score`` and ``margin`` times the runner-up's.
        2. Keep at most ``per_theme`` labelled texts per theme plus ``unlabelled`` others; mask the
           seed terms in them, so the model learns the words around the seeds (城市内涝 next to 防汛).
        3. Fit TF-IDF over character 1-3-grams and a one-vs-rest logistic regression (SGD); then
           ``rounds - 1`` times add the unlabelled texts predicted with probability ≥ ``confidence``
           and fit again (self-training).
        4. Set a temperature on 10% of the labelled texts held out, so probabilities are calibrated;
           at prediction the seed evidence of a text is mixed in with weight ``seed_weight``.
        """
        from sklearn.linear_model import SGDClassifier

        say = log or (lambda _msg: None)
        taxonomy = Taxonomy.load(taxonomy)
        if not any(t.seeds for t in taxonomy):
            raise InputError("bootstrap needs seed terms in the taxonomy (a 'seeds' list per theme)")
        texts = check_texts(texts)
        scorer = SeedScorer(taxonomy).fit_weights(texts)
        weak = scorer.labels(texts, min_score=min_score, margin=margin)
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
        featurizer = _fit_featurizer(masked, max_features, min_df=min_df)
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


# ---------------------------------------------------------------- helpers

def _is_multilabel(labels: list[Any]) -> bool:
    kinds = {isinstance(v, (list, tuple, set, frozenset, np.ndarray)) for v in labels}
    if len(kinds) > 1:
        raise InputError("fit: give every text one theme id, or every text a list of ids, not a mix")
    if kinds == {False} and not all(isinstance(v, str) for v in labels):
        raise InputError("fit: labels must be theme ids (str) or lists of ids")
    return kinds == {True}


def _fit_featurizer(texts: Sequence[str], max_features: int, min_df: int) -> Featurizer:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=partial(char_ngrams, ngram_range=(1, 3)), sublinear_tf=True,
                          min_df=min_df, max_features=max_features, dtype=np.float32)
    vec.fit(texts)
    return Featurizer(vec.get_feature_names_out().tolist(), vec.idf_, (1, 3))


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

