"""Helpers shared by the benchmarks (run as ``python bench/<name>.py``, so this folder is on the
import path): the bench corpus, timing, and emptying the caches between runs."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH_CORPUS = ROOT / "build" / "bench-corpus"


def bench_files(folder: Path, n: int) -> list[Path]:
    """The first ``n`` files (0: all) of the bench corpus in ``folder``: People's Daily, January
    1998, one article per file, built there by ``scripts/make_bench_corpus.py`` when missing."""
    if not any(folder.glob("*.txt")):
        sys.path.insert(0, str(ROOT / "scripts"))
        import make_bench_corpus

        make_bench_corpus.main(["--out", str(folder)])
    return sorted(folder.glob("*.txt"))[: n or None]


def forget() -> None:
    """Empty policytext's bounded caches keyed by text (tagged lines, names, words) so that a
    repeated run pays its own segmentation, as a new document does; the loaded models stay (their
    caches hold a handful of entries or are unbounded)."""
    seg = sys.modules.get("policytext.segmentation")
    for segmenter in getattr(seg, "_DEFAULTS", {}).values():  # the segmenters' own caches (tokens, derived words)
        segmenter.clear_caches()
    for name, module in list(sys.modules.items()):
        if name.startswith("policytext"):
            for obj in list(vars(module).values()):
                info = getattr(obj, "cache_info", None)
                if info is not None and (info().maxsize or 0) > 64:
                    obj.cache_clear()


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """(result, CPU seconds, wall seconds)."""
    c0, w0 = time.process_time(), time.perf_counter()
    out = fn()
    return out, time.process_time() - c0, time.perf_counter() - w0


def best(runs: int, prepare: Callable[[], Any], fn: Callable[[Any], Any]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of the run with the least CPU time; ``prepare`` is not timed."""
    times = []
    for _ in range(runs):
        data = prepare()
        times.append(timed(lambda: fn(data))[1:])
    return min(times)
