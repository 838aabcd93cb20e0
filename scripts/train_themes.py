"""Rebuild the default theme model (policytext/data/themes/model.npz) and report its accuracy.

Training has two steps (see policytext/data/themes/README.md):

1. Weak supervision over an unlabelled corpus (no hand labels): the seed terms of the default
   taxonomy label paragraphs, a linear model over character 1-3-grams and longer terms learns from
   them and from its own confident predictions (:meth:`policytext.ThemeClassifier.bootstrap`).
   The corpus: People's Daily, January 1998 (``--pd98``); the development corpus of work reports
   and speeches (``--dev``); ``corpora/external/*.txt`` and the seed commentary; 新闻联播
   transcripts 2022-2026 (``--cctv-news``: the ``news/`` folder of github.com/yuekcc/cctv_news) and
   2012-2021 (``--xwlb``: the ``assets/`` folder of github.com/china-data/xwlb); national laws and
   administrative regulations (``--laws``: github.com/LawRefBook/Laws); State Council work reports
   1954-2025 and Party congress reports (``--reports``: the jsonl files of
   github.com/aldohemsn/chinese-political-corpora); provincial work reports 2026 (``--provincial``:
   github.com/johncodes404/china-provincial-gov-reports-2026); speeches (``--speeches``:
   github.com/StLaurentMTL/Xi-Jin-Ping-Speech-Analysis). No text of the blind gold is trained on:
   a paragraph sharing 24 characters with any dev or test document of
   ``corpora/blind/themes/`` is left out, and a document whose paragraphs do so often (a reprint)
   is left out whole (:func:`corpus`).
2. Calibration on the dev split of the blind gold (``tests/data/themes_gold_blind.jsonl``):
   :meth:`policytext.ThemeClassifier.calibrate` (per-theme biases, weights of the score, seed
   evidence and article context, the ``none`` detector, the threshold).

The dev figures printed are cross-validated by document (calibrated on the other dev documents).
``--test`` reports on the test split once the model is final (the only place the test labels are
read) and checks that no test paragraph shares 24 characters with the training corpus (with
``--cctv-news``); ``--evaluate-only`` skips training and evaluates the saved model; ``--recalibrate`` calibrates the
saved model again on the dev split (after dev paragraphs were added, or the calibration changed)
without training it again.

    python scripts/train_themes.py --cctv-news cctv_news/news --xwlb xwlb/assets --xwlb-every 1 \
        --laws Laws --reports chinese-political-corpora/government_work_reports.jsonl \
        chinese-political-corpora/cpc_congress_reports.jsonl \
        --provincial china-provincial-gov-reports-2026/output/2026_raw_text \
        --speeches Xi-Jin-Ping-Speech-Analysis/corpus/speeches.json   # --per-theme 6000 --unlabelled 40000
    python scripts/train_themes.py --evaluate-only --test  (same corpus options, for the check)
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import policytext  # noqa: E402
from policytext.segmentation import lexicon_terms, segment  # noqa: E402
from policytext.themes import Taxonomy, ThemeModel  # noqa: E402
from policytext.themes.classifier import ThemeClassifier  # noqa: E402

FULL_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                            **{chr(0xFF21 + i): chr(65 + i) for i in range(26)},
                            **{chr(0xFF41 + i): chr(97 + i) for i in range(26)}})
SENTENCE_END = re.compile(r"(?<=[。！？；!?])")
BLIND = ROOT / "tests" / "data" / "themes_gold_blind.jsonl"
REPRINT = 0.1  # share of a document's paragraphs from blind texts that makes it a reprint
HAN4 = re.compile(r"^[\u4e00-\u9fff]{4,6}$")


def chunks(paragraph: str, low: int = 80, high: int = 320) -> Iterator[str]:
    """A long paragraph (a work report's) as pieces of whole sentences of about ``high`` chars."""
    if len(paragraph) <= high:
        yield paragraph
        return
    buf = ""
    for sentence in SENTENCE_END.split(paragraph):
        if buf and len(buf) + len(sentence) > high and len(buf) >= low:
            yield buf
            buf = ""
        buf += sentence
    if buf:
        yield buf


def pd98(path: Path) -> Iterator[list[str]]:
    """People's Daily 1998 (PKU corpus): each line a paragraph (the file has no article ids)."""
    for line in path.open(encoding="utf-8"):
        yield ["".join(w.rsplit("/", 1)[0] for w in line.split()).translate(FULL_WIDTH)]


def article_paragraphs(files: Iterable[str]) -> Iterator[list[str]]:
    for f in files:
        for art in policytext.read(f):
            yield [p.text for p in art.paragraphs]


def cctv_news(folder: Path) -> Iterator[list[str]]:
    """新闻联播 of github.com/yuekcc/cctv_news (``news/YYYYMMDD.md``): each item (under its heading)."""
    for f in sorted(folder.glob("*.md")):
        body = f.read_text(encoding="utf-8").split("## 详细新闻", 1)[-1]
        for item in re.split(r"^#.*$", body, flags=re.M):
            yield [re.sub(r"^\*\*央视网消息\*\*（新闻联播）：", "", line).translate(FULL_WIDTH)
                   for line in map(str.strip, item.splitlines()) if line and not line.startswith("[查看原文]")]


def xwlb(folder: Path, every: int, until: str) -> Iterator[list[str]]:
    """新闻联播 of github.com/china-data/xwlb (``assets/YYYY/YYYYMMDD.json``, the items' HTML
    ``content``): every ``every``-th day before the year ``until`` (later years: ``--cctv-news``)."""
    for f in sorted(folder.glob("*/*.json"))[::every]:
        if f.parent.name >= until:
            continue
        for item in json.loads(f.read_text(encoding="utf-8")).get("videoList", []):
            html = (item.get("video_detail") or {}).get("content") or ""
            yield [re.sub(r"^央视网消息（新闻联播）：", "", re.sub(r"<[^>]+>|&nbsp;", "", p).strip()).translate(FULL_WIDTH)
                   for p in re.split(r"</p>|<br\s*/?>|\n", html)]


LAW_FOLDERS = ("宪法", "宪法相关法", "民法典", "民法商法", "行政法", "经济法", "社会法", "刑法", "诉讼与非诉讼程序法", "行政法规")


def laws(folder: Path, per_law: int) -> Iterator[list[str]]:
    """National laws and administrative regulations of github.com/LawRefBook/Laws (Markdown; the
    text after ``<!-- INFO END -->``, headings left out): the first ``per_law`` paragraphs of each."""
    for sub in LAW_FOLDERS:
        for f in sorted((folder / sub).rglob("*.md")):
            text = f.read_text(encoding="utf-8")
            if "<!-- INFO END -->" not in text:
                continue
            body = text.split("<!-- INFO END -->", 1)[1]
            yield [line.strip() for line in body.splitlines() if line.strip() and not line.startswith("#")][:per_law]


def jsonl_reports(files: Iterable[Path]) -> Iterator[list[str]]:
    """Records of github.com/aldohemsn/chinese-political-corpora (``government_work_reports.jsonl``,
    ``cpc_congress_reports.jsonl``): the ``content`` of each, one document per record."""
    for f in files:
        for line in f.open(encoding="utf-8"):
            yield [p.strip().translate(FULL_WIDTH) for p in json.loads(line)["content"].splitlines()]


def provincial(folder: Path) -> Iterator[list[str]]:
    """Provincial government work reports 2026 of github.com/johncodes404/china-provincial-gov-reports-2026
    (``output/2026_raw_text/*.csv``, column ``full_text``)."""
    import csv

    csv.field_size_limit(1 << 28)
    for f in sorted(folder.glob("*.csv")):
        with f.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                yield [p.strip().translate(FULL_WIDTH) for p in (row.get("full_text") or "").splitlines()]


def speeches(path: Path) -> Iterator[list[str]]:
    """Speeches and 求是 articles of github.com/StLaurentMTL/Xi-Jin-Ping-Speech-Analysis
    (``corpus/speeches.json``, field ``text``), split at the paragraph indents (U+2003 / U+3000)."""
    for record in json.loads(path.read_text(encoding="utf-8")):
        yield [p.translate(FULL_WIDTH) for p in re.split(r"[\u2003\u3000]{2,}|\n", record.get("text") or "")]


def gold(split: str) -> list[dict]:
    """The paragraphs of one split of the blind gold (the test split only for the final report)."""
    return [g for line in BLIND.open(encoding="utf-8") if (g := json.loads(line))["split"] == split]


def blind_shingles() -> set[str]:
    """The 24-character pieces of every document of the blind theme gold, dev and test
    (``corpora/blind/themes/*/*.txt``, text only, no labels), so that neither split's text is
    trained on (:func:`corpus`)."""
    out: set[str] = set()
    for f in sorted((ROOT / "corpora" / "blind" / "themes").glob("*/*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            out.update(line[i:i + 24] for i in range(len(line) - 23))
    return out


def corpus(args: argparse.Namespace) -> tuple[list[str], dict[str, object]]:
    """The unlabelled training units (paragraphs of ≥ 40 characters, long ones in pieces) of every
    source given, without the text of the blind gold: a paragraph sharing 24 characters with a blind
    document is left out, and the whole document when two or more and at least ``REPRINT`` of its
    paragraphs do (it reprints a blind text; a shared sentence here and there is a set phrase of
    political language, such as 更加紧密地团结在以习近平同志为核心的党中央周围)."""
    ext = [str(ROOT / "corpora" / "guangming-2025-01-27.txt")] + sorted(glob.glob(str(ROOT / "corpora" / "external" / "*.txt")))
    sources: dict[str, Iterable[list[str]]] = {
        "pd98": pd98(args.pd98), "dev": article_paragraphs(sorted(glob.glob(str(args.dev / "*.txt")))),
        "external": article_paragraphs(ext)}
    if args.cctv_news:
        sources["cctv_news"] = cctv_news(args.cctv_news)
    if args.xwlb:
        sources["xwlb"] = xwlb(args.xwlb, args.xwlb_every, "2022")
    if args.laws:
        sources["laws"] = laws(args.laws, args.per_law)
    if args.reports:
        sources["reports"] = jsonl_reports(args.reports)
    if args.provincial:
        sources["provincial"] = provincial(args.provincial)
    if args.speeches:
        sources["speeches"] = speeches(args.speeches)
    blind = blind_shingles()
    units: list[str] = []
    seen: set[str] = set()
    counts: dict[str, object] = {}
    for name, documents in sources.items():
        before, dropped, shared = len(units), 0, 0
        for doc in documents:
            paragraphs = [q for p in doc if len(q := p.strip()) >= 40]
            clean = [p for p in paragraphs if not any(p[i:i + 24] in blind for i in range(len(p) - 23))]
            shared += len(paragraphs) - len(clean)
            if len(paragraphs) - len(clean) >= max(2, REPRINT * len(paragraphs)):
                dropped += 1
                continue
            for p in clean:
                if p not in seen:
                    seen.add(p)
                    units.extend(chunks(p))
        counts[name] = len(units) - before
        counts[f"{name}_paragraphs_sharing_blind"] = shared
        counts[f"{name}_documents_reprinting_blind"] = dropped
    return units, counts


def seen_in(units: list[str], rows: list[dict]) -> list[bool]:
    """Whether each gold paragraph shares 24 characters with a unit of the training corpus (a
    check: :func:`corpus` leaves such documents out, so none should)."""
    of: dict[str, set[int]] = {}
    for i, g in enumerate(rows):
        for k in range(len(g["paragraph_text"]) - 23):
            of.setdefault(g["paragraph_text"][k:k + 24], set()).add(i)
    hit: set[int] = set()
    for u in units:
        for k in range(len(u) - 23):
            hit |= of.get(u[k:k + 24], set())
    return [i in hit for i in range(len(rows))]


def word_terms(units: list[str], sample: int, min_df: int, seed: int) -> list[str]:
    """Terms beside the character n-grams: the lexicon's terms and the words of 4-6 Chinese
    characters that the segmenter finds in at least ``min_df`` of a sample of the units."""
    rng = np.random.default_rng(seed)
    picked = rng.choice(len(units), size=min(sample, len(units)), replace=False)
    df = Counter(w for i in picked for w in set(segment(units[i])) if HAN4.match(w))
    return sorted({w for w, c in df.items() if c >= min_df} | {t for t in lexicon_terms() if 4 <= len(t) <= 6})


# ---------------------------------------------------------------- evaluation

def scores(pred: list[list[str]], rows: list[dict], ids: list[str]) -> dict[str, object]:
    """Primary accuracy, top theme among the labels, macro-F1 and per-theme F1 over the label sets
    (themes present in the gold), and the precision of ``none`` as primary."""
    labels = [g["labels"] for g in rows]
    n = len(rows)
    per = {}
    for t in ids:
        tp = sum(t in p and t in y for p, y in zip(pred, labels))
        fp = sum(t in p and t not in y for p, y in zip(pred, labels))
        fn = sum(t not in p and t in y for p, y in zip(pred, labels))
        if tp + fn:
            per[t] = (2 * tp / (2 * tp + fp + fn), tp + fn)
    said_none = [y for p, y in zip(pred, labels) if p[0] == "none"]
    return {"n": n, "primary": sum(p[0] == y[0] for p, y in zip(pred, labels)) / n,
            "top_in_labels": sum(p[0] in y for p, y in zip(pred, labels)) / n,
            "macro_f1": float(np.mean([f for f, _ in per.values()])), "per_theme": per,
            "none_precision": (sum(y == ["none"] for y in said_none) / len(said_none)) if said_none else float("nan"),
            "none_predicted": len(said_none)}


def predict(model: ThemeModel | ThemeClassifier, rows: list[dict]) -> list[list[str]]:
    """Themes of the gold paragraphs, each document's paragraphs ranked together (as the stage does)."""
    out: list[list[str]] = [[] for _ in rows]
    for f in dict.fromkeys(g["file"] for g in rows):
        at = [i for i, g in enumerate(rows) if g["file"] == f]
        for i, ranked in zip(at, model.rank([rows[i]["paragraph_text"] for i in at], context=True)):
            out[i] = [t.id for t in ranked]
    return out


def cross_validated(clf: ThemeClassifier, rows: list[dict], folds: int = 5) -> list[list[str]]:
    """Dev predictions, each document's by a calibration fitted on the other folds of documents."""
    files = sorted({g["file"] for g in rows})
    fold_of = {f: i % folds for i, f in enumerate(files)}
    out: list[list[str]] = [[] for _ in rows]
    for k in range(folds):
        train = [g for g in rows if fold_of[g["file"]] != k]
        test_at = [i for i, g in enumerate(rows) if fold_of[g["file"]] == k]
        part = ThemeClassifier.from_model(clf.model_).calibrate(
            [g["paragraph_text"] for g in train], [g["labels"] for g in train], [g["file"] for g in train])
        for i, p in zip(test_at, predict(part, [rows[i] for i in test_at])):
            out[i] = p
    return out


def show(name: str, s: dict[str, object]) -> None:
    print(f"{name}: {s['n']} paragraphs  primary {s['primary']:.3f}  top-in-labels {s['top_in_labels']:.3f}  "
          f"macro-F1 {s['macro_f1']:.3f}  none precision {s['none_precision']:.3f} ({s['none_predicted']} said none)")
    print("  per-theme F1: " + ", ".join(f"{t} {f:.2f} ({n})" for t, (f, n) in s["per_theme"].items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pd98", type=Path, default=Path("/work/shared/data/seg/peoples-daily-199801.txt"))
    ap.add_argument("--dev", type=Path, default=Path("/work/shared/corpora/dev"))
    ap.add_argument("--cctv-news", type=Path, default=None, help="folder of 新闻联播 YYYYMMDD.md files")
    ap.add_argument("--xwlb", type=Path, default=None, help="the assets/ folder of github.com/china-data/xwlb")
    ap.add_argument("--xwlb-every", type=int, default=1, help="every n-th day of --xwlb (before 2022)")
    ap.add_argument("--laws", type=Path, default=None, help="a checkout of github.com/LawRefBook/Laws")
    ap.add_argument("--per-law", type=int, default=60, help="paragraphs kept from the start of each law")
    ap.add_argument("--reports", type=Path, nargs="*", default=[], help="jsonl files of aldohemsn/chinese-political-corpora")
    ap.add_argument("--speeches", type=Path, default=None, help="corpus/speeches.json of StLaurentMTL/Xi-Jin-Ping-Speech-Analysis")
    ap.add_argument("--provincial", type=Path, default=None, help="output/2026_raw_text of china-provincial-gov-reports-2026")
    ap.add_argument("--out", type=Path, default=ROOT / "policytext" / "data" / "themes" / "model.npz")
    ap.add_argument("--random-state", type=int, default=1)
    ap.add_argument("--per-theme", type=int, default=6000, help="weakly labelled texts kept per theme")
    ap.add_argument("--unlabelled", type=int, default=40000, help="unlabelled texts kept for self-training")
    ap.add_argument("--alpha", type=float, default=3e-6, help="L2 penalty of the SGD logistic regression")
    ap.add_argument("--evaluate-only", action="store_true", help="evaluate the saved model, do not train")
    ap.add_argument("--recalibrate", action="store_true",
                    help="calibrate the saved model again on the dev split (after dev rows were added), do not train")
    ap.add_argument("--test", action="store_true", help="also report on the blind test split (final model only)")
    args = ap.parse_args(argv)
    t0 = time.time()
    dev = gold("dev")
    ids = Taxonomy.default().ids
    if args.recalibrate or not args.evaluate_only:
        if args.recalibrate:
            clf = ThemeClassifier.from_model(ThemeModel.load(args.out))
        else:
            units, counts = corpus(args)
            print(f"corpus: {len(units)} units {counts} ({time.time() - t0:.0f}s)")
            terms = word_terms(units, sample=30000, min_df=5, seed=args.random_state)
            print(f"terms: {len(terms)} candidate words and lexicon terms ({time.time() - t0:.0f}s)")
            clf = ThemeClassifier.bootstrap(units, Taxonomy.default(), random_state=args.random_state,
                                            per_theme=args.per_theme, unlabelled=args.unlabelled, terms=terms,
                                            alpha=args.alpha, log=lambda m: print(f"  {m} ({time.time() - t0:.0f}s)"))
            clf.model_.meta["corpus"] = counts
        show("dev, cross-validated by document", scores(cross_validated(clf, dev), dev, ids))
        clf.calibrate([g["paragraph_text"] for g in dev], [g["labels"] for g in dev], [g["file"] for g in dev])
        clf.model_.meta["calibration_set"] = {"file": "tests/data/themes_gold_blind.jsonl", "split": "dev",
                                              "paragraphs": len(dev), "documents": len({g["file"] for g in dev})}
        clf.save(args.out)
        print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {time.time() - t0:.0f}s); "
              f"calibration {clf.model_.calibration}")
    model = ThemeModel.load(args.out)
    if args.evaluate_only and not args.recalibrate:
        show("dev, cross-validated by document", scores(cross_validated(ThemeClassifier.from_model(model), dev), dev, ids))
    show("dev, calibrated on dev (optimistic)", scores(predict(model, dev), dev, ids))
    if args.test:
        test = gold("test")
        pred = predict(model, test)
        show("TEST", scores(pred, test, ids))
        if args.cctv_news:
            seen = seen_in(corpus(args)[0], test)
            print(f"check: {sum(seen)} test paragraphs share 24 characters with the unlabelled training corpus")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
