"""Train the key-phrase ranker (policytext/data/keyphrases/ranker.json) on the development gold.

The ranker is a linear model over the features of each candidate
(:data:`policytext.extract.keyphrases.FEATURES`: frequency, spread, first position, title and
headings, lead paragraph, kind, background idf, cohesion, length ...), fitted as a conditional
logit: each document's candidates compete in one softmax, which should put its mass on the
candidates that match a gold phrase of the document (the bench's matching rule). Core phrases
weigh ``--core-weight`` times more, the first phrases of a gold list (written in order of
importance) up to three times more, and every document weighs the same (a long report's thousand
candidates do not outvote a commentary's hundred). The hand-set scoring of session 5, written as
weights of these features (:data:`HAND`), is the prior: an L2 penalty ``--lam`` pulls the weights
toward it, and the signs that follow from a feature's meaning are kept (:data:`RAISES`, :data:`LOWERS`).

Training documents: the dev split of ``tests/data/keyphrases_gold_blind*.json`` and the seed list
``tests/data/keyphrases_gold.json``; the test split is never read. The figures printed are
cross-validated by document (``--folds`` groups; each document ranked by a model fitted on the
others), beside those of the prior and of the weights now shipped (the same documents, not held
out); ``(batch dev7 …)`` repeats them for one dev batch (``--batch``, the newest by default). ``--write`` fits on all documents
and saves the weights as JSON (no pickle).

    PYTHONPATH=. .venv/bin/python scripts/train_keyphrase_ranker.py [--lam 1.0] [--core-weight 2] [--write]

The defaults were chosen in session 7 by the cross-validated figures on the 45 dev documents (lam 0.3 to 4,
core weight 2 to 8: lam 1.0 and core weight 2 gave core-R@10 0.570, P@10 0.471; lam 0.3 and 4, the
defaults of session 6, 0.540 and 0.458).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_keyphrases import BLIND, SEED, load_gold, matches, norm

from policytext.extract import keyphrases as kp

OUT = ROOT / "policytext" / "data" / "keyphrases" / "ranker.json"
# the prior: the hand-set scoring of session 5 in these features (its factors as logarithms: TITLE_BOOST 1.6 -> 0.47 ...)
HAND = {"tf": 1, "spread": 1, "early": 1, "title": 0.47, "heading": 0.262, "lead": 0.262, "once": -1.05, "lone_word": -0.693,
        "term": 0.693, "office": -1.204, "institution": -1.204, "person": -2.303, "person_inside": -2.303, "own_place": -1.897,
        "verbal": -0.511, "clausal": -0.693, "log_idf": 2, "term_log_idf": -1, "cohesion": 1}
# signs that follow from what the features mean (a phrase used more, more widely, earlier, in the title is no less key;
# an office, a person, an institution or the speaker's own place is no more key); the others are free
RAISES = {"tf", "spread", "early", "title", "heading", "lead", "cohesion"}
LOWERS = {"once", "office", "institution", "person", "person_inside", "own_place"}


def documents() -> list[dict]:
    """Each development document's candidates, features and labels (1 gold, 2 core, 0 other)."""
    seg = kp.default_segmenter()
    docs = []
    for split, gold_file in [("dev", f.name) for f in BLIND] + [("seed", SEED.name)]:
        for art, item in load_gold(split, "" if split == "seed" else gold_file):
            text, titles, found = kp._candidates(art, seg, None)
            found = list(found)
            gold, core = {norm(g) for g in item["gold"]}, {norm(g) for g in item["core"]}
            if split == "seed":
                core = set()  # the seed's lists are long and have no core
            y = np.array([2 if norm(p) in core else 1 if norm(p) in gold else 0 for p, _ in found])
            rank = {norm(g): r for r, g in enumerate(item["gold"])}
            first = np.array([1 + 2 / (1 + rank.get(norm(p), 0)) for p, _ in found])  # the lists run in order of importance
            docs.append({"name": Path(item["file"]).stem + ("" if split == "dev" else "#seed"), "split": split, "text": text,
                         "titles": titles, "found": found, "gold_file": gold_file, "X": np.array([x for _, x in found]), "y": y, "first": first, "item": item})
    return docs


def fit(docs: list[dict], lam: float, core_weight: float, prior: np.ndarray) -> np.ndarray:
    """Weights (in the order of FEATURES) fitted on ``docs``: a conditional logit over each document's
    candidates (the softmax of the scores should put its mass on the gold phrases, core ones
    ``core_weight`` times, the first of a list up to three times), with the penalty ``lam`` * |weights - prior|^2 (the hand-set weights
    are the prior: the data moves them only where it is consistent) and the signs of
    :data:`RAISES` and :data:`LOWERS`."""
    data = [(d["X"], np.where(d["y"] == 2, core_weight, (d["y"] == 1).astype(float)) * d["first"]) for d in docs if d["y"].any()]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = lam * float(((w - prior) ** 2).sum()), 2 * lam * (w - prior)
        for X, t in data:
            z = X @ w
            z -= z.max()
            p = np.exp(z)
            p /= p.sum()
            m = t.sum()
            total -= float(t @ np.log(p + 1e-300)) / m
            grad -= (t @ X - m * (p @ X)) / m
        return total, grad

    bounds = [(0, None) if f in RAISES else (None, 0) if f in LOWERS else (None, None) for f in kp.FEATURES]
    w = minimize(loss, prior.copy(), jac=True, method="L-BFGS-B", bounds=bounds).x
    w[0] = 0.0  # the bias does not change a document's ranking
    return w


def figures(docs: list[dict], weights_of: dict[str, np.ndarray], batch: str = "") -> tuple[float, float]:
    """Macro core-recall@10 and precision@10 of the dev documents (seed documents are not scored);
    ``batch``: only those of the gold files whose name contains it."""
    r = p = n = 0.0
    for d in docs:
        if d["split"] != "dev" or batch not in d["gold_file"]:
            continue
        top = [k.phrase for k in kp._top(d["text"], d["titles"], d["found"], tuple(weights_of[d["name"]]), 10)]
        r += matches(top, d["item"]["core"]) / len(d["item"]["core"])
        p += matches(top, d["item"]["gold"]) / 10
        n += 1
    return r / n, p / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lam", type=float, default=1.0, help="weight of the penalty for leaving the hand-set weights")
    ap.add_argument("--core-weight", type=float, default=2.0)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--batch", default="dev7", help="also report the documents of the gold files whose name contains this")
    ap.add_argument("--write", action="store_true", help=f"fit on all documents and write {OUT.relative_to(ROOT)}")
    args = ap.parse_args()
    docs = documents()
    print(f"{len(docs)} documents ({sum(d['split'] == 'dev' for d in docs)} dev scored), "
          f"{sum(len(d['y']) for d in docs)} candidates, {sum(int((d['y'] > 0).sum()) for d in docs)} positive")
    try:
        shipped = np.array(kp._ranker())
    except kp.ModelError:  # none yet, or made for other features
        shipped = None
    if shipped is not None:
        r, p = figures(docs, {d["name"]: shipped for d in docs})
        print(f"shipped weights (not held out): core-R@10 {r:.3f}  P@10 {p:.3f}")
    hand = np.array([HAND.get(f, 0.0) for f in kp.FEATURES])
    hands = {d["name"]: hand for d in docs}
    (r, p), (rb, pb) = figures(docs, hands), figures(docs, hands, args.batch)
    print(f"hand-set weights of session 5 (the prior, no training): core-R@10 {r:.3f}  P@10 {p:.3f} (batch {args.batch}: {rb:.3f}  {pb:.3f})")
    held: dict[str, np.ndarray] = {}
    for fold in range(args.folds):
        test = [d for i, d in enumerate(docs) if i % args.folds == fold]
        weights = fit([d for i, d in enumerate(docs) if i % args.folds != fold], args.lam, args.core_weight, hand)
        held.update({d["name"]: weights for d in test})
    (r, p), (rb, pb) = figures(docs, held), figures(docs, held, args.batch)
    print(f"cross-validated by document ({args.folds} folds): core-R@10 {r:.3f}  P@10 {p:.3f} (batch {args.batch}: {rb:.3f}  {pb:.3f})")
    if args.write:
        weights = fit(docs, args.lam, args.core_weight, hand)
        OUT.write_text(json.dumps({
            "_about": "Weights of the key-phrase ranker (a conditional logit over the candidate features of "
                      "policytext.extract.keyphrases.FEATURES; 'bias' does not change a ranking and is 0), fitted on the development gold "
                      "(dev split of tests/data/keyphrases_gold_blind*.json and tests/data/keyphrases_gold.json; never the test split) by "
                      f"scripts/train_keyphrase_ranker.py --lam {args.lam} --core-weight {args.core_weight}.",
            "features": list(kp.FEATURES), "weights": [round(float(v), 5) for v in weights]}, ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8")
        for f, v in zip(kp.FEATURES, weights):
            print(f"  {f:14s} {v:+.3f}")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
