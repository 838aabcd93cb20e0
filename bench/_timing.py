"""Timing helpers shared by the benchmarks (run as ``python bench/<name>.py``, so this folder is on
the import path)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any


def forget() -> None:
    """Empty policytext's bounded caches keyed by text (tagged lines, names, words) so that a
    repeated run pays its own segmentation, as a new document does; the loaded models stay (their
    caches hold a handful of entries or are unbounded)."""
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
