"""Train the pkuseg (CRF) segmentation model shipped in ``policytext/data/pkuseg/``.

Offline: trains on the train split of the PKU People's Daily 1998-01 corpus (see ``seg_data.py``)
with ``spacy_pkuseg.train`` into ``build/pkuseg/raw/`` (ignored by git), then prunes the model into
the package directory so that it stays small but loads with
``spacy_pkuseg.pkuseg(model_name=DIR, user_dict=[...])``.

pkuseg model layout: ``features.msgpack`` (``unigram`` word list, ``bigram`` word-pair list,
``feature_to_idx`` {feature string: row}, ``tag_to_idx``) and ``weights.npz`` (``sizes`` =
[n_tag, n_feature], ``w`` = n_feature*n_tag node weights, row-major, followed by n_tag*n_tag
transition weights). Pruning keeps the feature rows whose largest absolute weight reaches
``--threshold``, renumbers them, keeps only the unigram words some kept word feature refers to
(dropping others is exact: a dropped word can only produce dropped features), drops the bigram
list (used by training only, never at inference) and rounds the weights to float16 precision. They
stay float64 (pkuseg's Cython decoder requires doubles) but then compress well in the
``savez_compressed`` file, which ``numpy.load`` reads transparently.

Examples::

    nohup python scripts/train_pkuseg.py --iters 15 > /tmp/pkuseg-train.log 2>&1 &
    python scripts/train_pkuseg.py --prune-only --threshold 0.05   # re-prune build/pkuseg/raw

Both print the held-out precision/recall/F1 of the pruned model.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np
import srsly

import seg_data

RAW_DIR = seg_data.REPO / "build" / "pkuseg" / "raw"
MODEL_DIR = seg_data.REPO / "policytext" / "data" / "pkuseg"
_WORD_FEATURE_PREFIXES = ("w-1.", "w1.")
_WORD_PAIR_PREFIXES = ("ww.l.", "ww.r.")


def train(iters: int, raw_dir: Path = RAW_DIR) -> Path:
    """Write the split to build/seg/ and train pkuseg on it into ``raw_dir``."""
    import spacy_pkuseg

    train_split, test_split = seg_data.load_split()
    train_file = seg_data.write_segmented(train_split, seg_data.BUILD_DIR / "train.txt")
    test_file = seg_data.write_segmented(test_split, seg_data.BUILD_DIR / "test.txt")
    raw_dir.mkdir(parents=True, exist_ok=True)
    random.seed(0)  # pkuseg's optimiser shuffles the training examples with ``random``
    start = time.time()
    spacy_pkuseg.train(str(train_file), str(test_file), str(raw_dir), train_iter=iters)
    print(f"training time: {time.time() - start:.0f} s for {iters} iterations")
    return raw_dir


def _referenced_words(feature: str) -> list[str]:
    for prefix in _WORD_FEATURE_PREFIXES:
        if feature.startswith(prefix):
            return [feature[len(prefix):]]
    for prefix in _WORD_PAIR_PREFIXES:
        if feature.startswith(prefix):
            return feature[len(prefix):].split("*")
    return []


def prune(raw_dir: Path, out_dir: Path, threshold: float) -> None:
    """Copy the model in ``raw_dir`` to ``out_dir`` without its near-zero feature rows."""
    data = srsly.read_msgpack(raw_dir / "features.msgpack")
    npz = np.load(raw_dir / "weights.npz")
    n_tag, n_feature = (int(x) for x in npz["sizes"])
    weights = npz["w"]
    node = weights[: n_tag * n_feature].reshape(n_feature, n_tag)
    transitions = weights[n_tag * n_feature:]

    by_row = sorted(data["feature_to_idx"].items(), key=lambda item: item[1])
    # row 0 is the "$$" bias feature that every character fires: always kept
    keep = np.abs(node).max(axis=1) >= threshold
    keep[0] = True
    feature_to_idx: dict[str, int] = {}
    words: set[str] = set()
    for feature, row in by_row:
        if keep[row]:
            feature_to_idx[feature] = len(feature_to_idx)
            words.update(_referenced_words(feature))
    kept_rows = np.flatnonzero(keep)
    new_weights = np.concatenate([node[kept_rows].ravel(), transitions])
    new_weights = new_weights.astype(np.float16).astype(np.float64)

    out_dir.mkdir(parents=True, exist_ok=True)
    srsly.write_msgpack(
        out_dir / "features.msgpack",
        {
            "unigram": sorted(w for w in data["unigram"] if w in words),
            "bigram": [],
            "feature_to_idx": feature_to_idx,
            "tag_to_idx": data["tag_to_idx"],
        },
    )
    np.savez_compressed(
        out_dir / "weights.npz", sizes=np.array([n_tag, len(feature_to_idx)]), w=new_weights
    )
    size = sum(f.stat().st_size for f in out_dir.iterdir()) / 1e6
    print(
        f"pruned {n_feature} -> {len(feature_to_idx)} features "
        f"(|w| >= {threshold}), {len(data['unigram'])} -> {len(words & set(data['unigram']))} "
        f"words; {out_dir}: {size:.1f} MB"
    )


def heldout_score(model_dir: Path) -> tuple[float, float, float]:
    """Held-out (P, R, F1) of the model in ``model_dir``, PKU standard."""
    import spacy_pkuseg

    model = spacy_pkuseg.pkuseg(model_name=str(model_dir), user_dict=None)
    _, test = seg_data.load_split()
    predicted = [model.cut(seg_data.text(p)) for p in test]
    return seg_data.score([seg_data.words(p) for p in test], predicted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--iters", type=int, default=15, help="training iterations")
    parser.add_argument("--threshold", type=float, default=0.05, help="min |weight| to keep")
    parser.add_argument("--prune-only", action="store_true", help="re-prune build/pkuseg/raw")
    parser.add_argument("--raw", type=Path, default=RAW_DIR)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    if not args.prune_only:
        train(args.iters, args.raw)
    prune(args.raw, args.out, args.threshold)
    print("held-out P={:.4f} R={:.4f} F1={:.4f}".format(*heldout_score(args.out)))


if __name__ == "__main__":
    main()
