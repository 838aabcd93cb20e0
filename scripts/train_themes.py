"""Rebuild the default theme model (policytext/data/themes/model.npz) by weak supervision.

No hand labels are used for training: the seed terms of the default taxonomy label paragraphs of an
unlabelled corpus, a classifier learns from them and from its own confident predictions
(:meth:`policytext.ThemeClassifier.bootstrap`). The corpus:

- People's Daily, January 1998 (PKU-segmented; words joined, POS tags dropped, full-width digits
  and letters made ASCII): ``--pd98``, default /work/shared/data/seg/peoples-daily-199801.txt;
- the development corpus of government work reports and speeches: ``--dev``;
- ``corpora/external/*.txt``;
- 新闻联播 transcripts 2022-2026, one Markdown file per day (``--cctv-news``: the ``news/`` folder
  of a checkout of github.com/yuekcc/cctv_news; optional, without it the model is weaker).

Every file that has a paragraph in the hand-labelled gold set (``tests/data/themes_gold.jsonl``: the
seed and the other commentaries) is left out, and so are news days within 3 days of a dated gold
article and any paragraph sharing 24 characters with a gold paragraph (a speech reprinted in the
news), so the accuracy printed at the end is on paragraphs the model was not built from.

    python scripts/train_themes.py --cctv-news /path/to/cctv_news/news
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import re
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import policytext  # noqa: E402
from policytext.theme_classifier import ThemeClassifier  # noqa: E402
from policytext.themes import Taxonomy  # noqa: E402

FULL_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                            **{chr(0xFF21 + i): chr(65 + i) for i in range(26)},
                            **{chr(0xFF41 + i): chr(97 + i) for i in range(26)}})
SENTENCE_END = re.compile(r"(?<=[。！？；!?])")
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


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


def pd98(path: Path) -> Iterator[str]:
    for line in path.open(encoding="utf-8"):
        yield "".join(w.rsplit("/", 1)[0] for w in line.split()).translate(FULL_WIDTH)


def article_paragraphs(files: Iterable[str]) -> Iterator[str]:
    for f in files:
        for art in policytext.read(f):
            yield from (p.text for p in art.paragraphs)


def cctv_news(folder: Path, skip: list[dt.date]) -> Iterator[str]:
    for f in sorted(folder.glob("*.md")):
        day = dt.datetime.strptime(f.stem, "%Y%m%d").date()
        if any(abs((day - d).days) <= 3 for d in skip):
            continue
        body = f.read_text(encoding="utf-8").split("## 详细新闻", 1)[-1]
        for line in body.splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "[查看原文]")):
                yield re.sub(r"^\*\*央视网消息\*\*（新闻联播）：", "", line).translate(FULL_WIDTH)


def corpus(args: argparse.Namespace, gold: list[dict]) -> tuple[list[str], dict[str, int]]:
    held = {Path(g["source"]).name for g in gold}
    dates = [dt.date(*map(int, m.groups())) for g in gold if (m := DATE.search(g["source"]))]
    dev = [f for f in sorted(glob.glob(str(args.dev / "*.txt"))) if Path(f).name not in held]
    ext = [f for f in sorted(glob.glob(str(ROOT / "corpora" / "external" / "*.txt"))) if Path(f).name not in held]
    sources = {"pd98": pd98(args.pd98), "dev": article_paragraphs(dev), "external": article_paragraphs(ext)}
    if args.cctv_news:
        sources["cctv_news"] = cctv_news(args.cctv_news, dates)
    units: list[str] = []
    seen: set[str] = set()
    counts = {}
    for name, paragraphs in sources.items():
        before = len(units)
        for p in paragraphs:
            p = p.strip()
            if len(p) >= 40 and p not in seen:
                seen.add(p)
                units.extend(chunks(p))
        counts[name] = len(units) - before
    shingles = {g["text"][i:i + 24] for g in gold for i in range(len(g["text"]) - 23)}
    kept = [u for u in units if not any(u[i:i + 24] in shingles for i in range(len(u) - 23))]
    counts["dropped_overlapping_gold"] = len(units) - len(kept)
    return kept, counts


def evaluate(model, gold: list[dict]) -> dict[str, tuple[int, int, float, float]]:  # type: ignore[no-untyped-def]
    """Accuracy and macro-F1 of the primary theme per split of the gold set (seed, dev, test) and
    for all paragraphs other than the seed's, each paragraph with its section heading as context."""
    from sklearn.metrics import f1_score

    pred = [r[0].id for r in model.rank([g["text"] for g in gold], sections=[g["section"] for g in gold])]
    groups = {s: [i for i, g in enumerate(gold) if g["split"] == s] for s in ("seed", "dev", "test")}
    groups["dev+test"] = groups["dev"] + groups["test"]
    out = {}
    for name, idx in groups.items():
        y = [gold[i]["primary"] for i in idx]
        p = [pred[i] for i in idx]
        right = sum(a == b for a, b in zip(y, p))
        out[name] = (right, len(idx), right / len(idx), f1_score(y, p, average="macro", labels=sorted(set(y))))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pd98", type=Path, default=Path("/work/shared/data/seg/peoples-daily-199801.txt"))
    ap.add_argument("--dev", type=Path, default=Path("/work/shared/corpora/dev"))
    ap.add_argument("--cctv-news", type=Path, default=None, help="folder of 新闻联播 YYYYMMDD.md files")
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "themes_gold.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "policytext" / "data" / "themes" / "model.npz")
    ap.add_argument("--random-state", type=int, default=1)
    ap.add_argument("--per-theme", type=int, default=3000, help="weakly labelled texts kept per theme")
    ap.add_argument("--unlabelled", type=int, default=20000, help="unlabelled texts kept for self-training")
    args = ap.parse_args(argv)
    t0 = time.time()
    gold = [json.loads(line) for line in args.gold.open(encoding="utf-8")]
    units, counts = corpus(args, gold)
    print(f"corpus: {len(units)} units {counts} ({time.time() - t0:.0f}s)")
    clf = ThemeClassifier.bootstrap(units, Taxonomy.default(), random_state=args.random_state,
                                    per_theme=args.per_theme, unlabelled=args.unlabelled,
                                    log=lambda m: print(f"  {m} ({time.time() - t0:.0f}s)"))
    clf.model_.meta["corpus"] = counts
    clf.save(args.out)
    print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {time.time() - t0:.0f}s)")
    model = policytext.themes.ThemeModel.load(args.out)
    print("held-out gold (primary theme)   right/n   accuracy  macro-F1")
    for name, (right, n, acc, f1) in evaluate(model, gold).items():
        print(f"  {name:<29} {right:>3}/{n:<5} {acc:8.3f}  {f1:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
