"""Running a batch: the work of a task (a part: consecutive documents, analysed each alone with
bounded work and written by the worker itself), and the schedulers that run the tasks (this
process, a local process pool, or a Dask cluster whose workers write to a shared folder).

>>> job = Job(out=str(getfixture("tmp_path")), tokens=False, max_chars=5, timeout=None, schemas={}, options="")
>>> rows, chars = analyze_doc(Doc("长文", None, "城市更新是重要手段。"), default_pipeline(), job)
>>> rows["errors"][0]["error"], rows["errors"][0]["stage"], chars
('DocumentTooLong', 'limit', 0)
"""

from __future__ import annotations

import ctypes
import gc
import math
import multiprocessing
import os
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, NamedTuple, TextIO

import pyarrow as pa

from ..document import Article
from ..errors import PolicytextError
from ..pipeline import Pipeline, default_pipeline
from ..reader import ReplacedBytesWarning
from .inputs import Doc, doc_size
from .tables import PartWriter, meta_column, stamp_digest

__all__ = ["DocumentTimeout", "DocumentTooLong", "Job", "Progress", "Unit", "analyze_doc", "execute", "read_doc",
           "resolve_client", "run_apart", "run_unit", "scatter", "ship", "warm_up", "workers_of"]

WARM_UP_TEXT = "城市更新的新路子\n\n张三\n\n习近平总书记强调：“城市更新是重要手段。”要推进城市更新。"
POOL_RESTARTS = 3  # a pool whose worker was killed is started again this many times before the batch stops
RECYCLE_DOCS = 4096  # documents per worker after which the local pool is started afresh (bounds its memory)


class DocumentTooLong(PolicytextError):
    """A document over the ``max_chars`` of a batch (listed in its errors table)."""


class DocumentTimeout(PolicytextError):
    """A document whose analysis took longer than the ``timeout`` of a batch."""


class Job(NamedTuple):
    """What every task of a batch shares: the output folder, the options and the table schemas."""

    out: str
    tokens: bool | str
    max_chars: int | None
    timeout: float | None
    schemas: dict[str, pa.Schema]
    options: str
    errors: str = "strict"  # how a file's undecodable bytes are read: "strict" or "replace"


class Unit(NamedTuple):
    """A task: consecutive documents from position ``first``, with their metadata rows and
    (key, fingerprint) stamps; its part is named after the first position and the keys."""

    first: int
    docs: list[Doc]
    meta: list[dict[str, Any]]
    stamps: list[tuple[str, str]]

    @property
    def digest(self) -> str:
        return stamp_digest(self.first, self.stamps)

    @property
    def name(self) -> str:
        return f"part-{self.first:010d}-{self.digest[:8]}"


class Summary(NamedTuple):
    """What a task reports back: documents, bytes read, characters analysed, error rows."""

    docs: int
    nbytes: int
    chars: int
    errors: int


# ---------------------------------------------------------------- one document, bounded

def read_doc(doc: Doc, nlp: Pipeline, errors: str = "strict") -> list[Article]:
    """The articles of a document (a file is read here, in the worker; ``errors`` as in
    :func:`policytext.reader.read`).

    >>> [a.id for a in read_doc(Doc("评论", None, "标题\\n\\n城市更新是重要手段。"), default_pipeline())]
    ['评论#1']
    """
    if doc.text is not None:
        return nlp.read_text(doc.text, source=doc.doc_id)
    return nlp.read(doc.path, doc_id=doc.doc_id, errors=errors)


class _Deadline:
    """Raise :class:`DocumentTimeout` in this thread when ``seconds`` pass before the block ends
    (between two Python instructions: a long call into C finishes first)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds, self.lock, self.active, self.fired = seconds, threading.Lock(), False, False
        self.thread = threading.get_ident()

    def __enter__(self) -> _Deadline:
        if self.seconds is not None:
            self.active = True
            self.timer = threading.Timer(self.seconds, self._fire)
            self.timer.daemon = True
            self.timer.start()
        return self

    def _fire(self) -> None:
        with self.lock:
            if self.active:
                self.fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread), ctypes.py_object(DocumentTimeout))

    def __exit__(self, *exc: Any) -> None:
        if self.seconds is not None:
            with self.lock:
                self.active = False
                if self.fired:  # not raised yet: it must not land after the block
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread), None)
            self.timer.cancel()


def _error_row(doc: Doc, article_id: str | None, stage: str, exc: BaseException) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "path": doc.path, "article_id": article_id, "stage": stage,
            "error": type(exc).__name__, "message": str(exc)}


def analyze_doc(doc: Doc, nlp: Pipeline, job: Job) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """All rows of one document and its number of body characters. A failure becomes an error row
    (``read``: the document; ``analyze``: one article); a document over ``job.max_chars`` or
    ``job.timeout`` becomes one error row (``limit``) and no other rows."""
    columns = nlp.columns(tokens=bool(job.tokens))
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in columns}
    try:
        with _Deadline(job.timeout):
            if job.max_chars is not None and doc.text is None and os.path.getsize(doc.path) > 4 * job.max_chars:  # type: ignore[arg-type]
                raise DocumentTooLong(f"{os.path.getsize(doc.path)} bytes, over max_chars={job.max_chars}")  # type: ignore[arg-type]
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always", ReplacedBytesWarning)
                    articles = read_doc(doc, nlp, job.errors)
            except (DocumentTimeout, DocumentTooLong):
                raise
            except Exception as exc:  # a batch goes on: the reason is kept in the errors table
                rows["errors"].append(_error_row(doc, None, "read", exc))
                return rows, 0
            # bytes replaced (errors="replace"): the file is analysed and listed with their count
            rows["errors"] += [_error_row(doc, None, "read", w.message) for w in caught
                               if isinstance(w.message, ReplacedBytesWarning)]
            chars = sum(len(a.text) for a in articles)
            if job.max_chars is not None and chars > job.max_chars:
                raise DocumentTooLong(f"{chars} characters, over max_chars={job.max_chars}")
            for art in articles:
                try:
                    one = nlp.rows(art, doc.doc_id, doc.path, job.tokens)
                except DocumentTimeout:
                    raise
                except Exception as exc:  # a failing stage loses this article only
                    rows["errors"].append(_error_row(doc, art.id, "analyze", exc))
                    chars -= len(art.text)
                    continue
                for table, r in one.items():
                    rows[table] += r
    except (DocumentTimeout, DocumentTooLong) as exc:
        reason = exc if str(exc) else DocumentTimeout(f"over timeout={job.timeout} s")
        return {t: [] for t in columns} | {"errors": [_error_row(doc, None, "limit", reason)]}, 0
    return rows, chars


# ---------------------------------------------------------------- one task: a part

_WORKER: list[Pipeline] = []  # the pipeline of a worker process of the local pool


def warm_up(nlp: Pipeline | None = None) -> dict[str, list[dict[str, Any]]]:
    """Load the segmenter and the stage models of ``nlp`` (default: the default pipeline) and
    return the rows of a short sample text, with tokens (they give the tables' column types).
    Run before forking a pool and as its initializer, which keeps the pipeline for the worker.
    In a worker process the loaded models are then frozen out of the garbage collector's passes
    (``gc.freeze``): its full collections walk only the documents at hand (half the objects)."""
    nlp = nlp or default_pipeline()
    _WORKER[:] = [nlp]
    job = Job("", True, None, None, {}, "")
    rows = analyze_doc(Doc("warm-up", None, WARM_UP_TEXT), nlp, job)[0]
    if multiprocessing.parent_process() is not None:
        gc.freeze()
    return rows


def run_unit(unit: Unit, job: Job, nlp: Pipeline | None = None) -> Summary:
    """Worker task: analyse the documents of ``unit`` and write its part into ``job.out`` (the
    files of every table, then the manifest entry). ``nlp`` defaults to the pool's pipeline."""
    nlp = nlp or _WORKER[0]
    writer = PartWriter(Path(job.out), unit.name, job.schemas)
    chars = errors = nbytes = 0
    article_columns = nlp.columns()["articles"]
    try:
        for doc, meta in zip(unit.docs, unit.meta):
            rows, n = analyze_doc(doc, nlp, job)
            for row in rows["articles"]:
                row.update({meta_column(k, article_columns): v for k, v in meta.items()})
            for table, r in rows.items():
                writer.add(table, r)
            chars += n
            errors += len(rows["errors"])
            nbytes += doc_size(doc)
        writer.commit({"part": unit.name, "options": job.options, "first": unit.first, "count": len(unit.docs),
                       "digest": unit.digest, "first_key": unit.stamps[0][0], "last_key": unit.stamps[-1][0]})
    except BaseException:
        writer.abort()
        raise
    return Summary(len(unit.docs), nbytes, chars, errors)


# ---------------------------------------------------------------- running the tasks

def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def resolve_client(client: Any, engine: str) -> Any:
    """The Dask client of a run: ``client``, or the current one for ``engine="dask"``."""
    if engine not in ("local", "dask"):
        raise PolicytextError(f"unknown engine {engine!r}; use 'local' (process pool) or 'dask'")
    if client is not None or engine == "local":
        return client
    try:
        from distributed import get_client
    except ImportError as exc:
        raise PolicytextError("engine='dask' needs Dask: pip install 'policytext[dask]'") from exc
    try:
        return get_client()
    except ValueError as exc:
        raise PolicytextError(
            "engine='dask' found no Dask client; start one first, e.g. "
            "from distributed import Client; client = Client('tcp://host:8786'), or pass client="
        ) from exc


def workers_of(n_jobs: int | None, client: Any) -> int:
    """How many tasks run at once: the Dask cluster's threads, or ``n_jobs`` processes."""
    if client is not None:
        return sum(client.nthreads().values()) or 1
    if n_jobs is None or n_jobs == -1:
        return default_jobs()
    if n_jobs < 1:
        raise PolicytextError(f"n_jobs must be a positive number of processes (or -1 for all cores), not {n_jobs}")
    return n_jobs


def ship(nlp: Pipeline, client: Any) -> tuple[Any, dict[str, list[dict[str, Any]]]]:
    """The pipeline as the tasks get it, and the rows of :func:`warm_up` (for the tables' column
    types): on a Dask cluster, scattered once to every worker, which warms one up (the client
    loads no model); else the pipeline itself, warmed up here (forked pool workers inherit it)."""
    if client is None:
        return nlp, warm_up(nlp)
    shipped = scatter(nlp, client)
    return shipped, client.submit(warm_up, shipped, pure=False).result()


def scatter(nlp: Pipeline, client: Any) -> Any:
    """The pipeline on every worker of the Dask cluster, under a new key (a copy lost with a
    worker that died is never the one a rerun gets)."""
    return client.scatter(nlp, broadcast=True, hash=False)


def execute(units: Iterable[Unit], job: Job, nlp: Pipeline, workers: int, client: Any,
            shipped: Any = None, recycle_docs: int | None = None) -> Iterator[Summary]:
    """Run the tasks and yield their summaries as they finish (in any order). At most a few
    tasks per worker are handed out at a time, so the units are made as the run goes. ``nlp`` is
    pickled into each process of the pool (which is started again if a worker dies); on Dask the
    tasks take ``shipped``, the pipeline :func:`ship` scattered to every worker. A task whose
    worker died runs again elsewhere; if the cluster lost the scattered pipeline with it, it is
    scattered again. The local pool is started afresh (forked from this process, whose models
    are loaded) once its workers have had ``recycle_docs`` (default :data:`RECYCLE_DOCS`)
    documents each: a long-lived worker's memory creeps up with the batch (caches, the
    allocator's free lists), a fresh one starts where the first did. (Dask workers are not
    restarted: a restart and the models' reload cost more than the memory they would give back.)"""
    window = 2 * workers + 2
    todo = iter(units)
    if client is not None:
        from distributed import as_completed as dask_completed
        from distributed.client import FutureCancelledError
        from distributed.scheduler import KilledWorker

        units_of: dict[Any, tuple[Unit, int]] = {}

        on_workers = [shipped if shipped is not None else scatter(nlp, client)]

        def submit(unit: Unit, tries: int = 0) -> Any:
            fut = client.submit(run_unit, unit, job, on_workers[0], pure=False, key=f"policytext-{unit.name}-{os.urandom(4).hex()}")
            units_of[fut] = (unit, tries)
            return fut

        running = dask_completed([submit(u) for u in _take(todo, window)])
        for fut in running:
            unit, tries = units_of.pop(fut)
            try:
                summary = fut.result()
            except (FutureCancelledError, KilledWorker) as exc:
                # a worker died under the task: run it again, a few times; a task that Dask
                # cancelled may have lost the scattered pipeline with the worker, so send it again
                if tries >= 3:
                    raise
                if isinstance(exc, FutureCancelledError) or on_workers[0].status != "finished":
                    on_workers[0] = scatter(nlp, client)
                running.add(submit(unit, tries + 1))
                continue
            yield summary
            for unit in _take(todo, 1):
                running.add(submit(unit))
        return
    if workers <= 1:
        for unit in todo:
            yield run_unit(unit, job, nlp)
        return
    yield from _run_pools(todo, job, nlp, workers, window, (recycle_docs or RECYCLE_DOCS) * workers)


def _run_pools(todo: Iterator[Unit], job: Job, nlp: Pipeline, workers: int, window: int, budget: int) -> Iterator[Summary]:
    """The local pool's part of :func:`execute`. A pool takes ``budget`` documents; the next one is
    forked as soon as it is full, so that its workers start on new tasks while the last tasks of
    the old one finish (no core waits for a pool to drain), and the old one is shut down once
    they have. A pool whose worker died is replaced (at most :data:`POOL_RESTARTS` times) and
    its unfinished tasks run again in the new one."""

    def fresh() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, initializer=warm_up, initargs=(nlp,))

    pool, handed = fresh(), 0
    retired: list[ProcessPoolExecutor] = []  # full or broken pools with tasks still running
    broken: list[ProcessPoolExecutor] = []
    pending: dict[Any, tuple[Unit, ProcessPoolExecutor]] = {}
    retry: list[Unit] = []

    def lost(owner: ProcessPoolExecutor, exc: BrokenProcessPool) -> None:
        """A worker of ``owner`` died: one restart per pool, whatever number of tasks it lost."""
        nonlocal pool, handed
        if any(owner is b for b in broken):
            return
        broken.append(owner)
        if len(broken) > POOL_RESTARTS:
            raise exc
        if owner is pool:
            retired.append(pool)
            pool, handed = fresh(), 0

    try:
        while True:
            while len(pending) < window:
                unit = retry.pop() if retry else next(todo, None)
                if unit is None:
                    break
                if handed >= budget:
                    retired.append(pool)
                    pool, handed = fresh(), 0
                try:
                    pending[pool.submit(run_unit, unit, job)] = (unit, pool)
                except BrokenProcessPool as exc:  # broken before its lost tasks came back
                    lost(pool, exc)
                    retry.append(unit)
                    continue
                handed += len(unit.docs)
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                unit, owner = pending.pop(fut)
                try:
                    summary = fut.result()
                except BrokenProcessPool as exc:
                    lost(owner, exc)
                    retry.append(unit)
                    continue
                yield summary
            for old in [p for p in retired if all(o is not p for _, o in pending.values())]:
                old.shutdown(wait=True)
                retired.remove(old)
    finally:
        for p in [pool, *retired]:
            p.shutdown(wait=True, cancel_futures=True)


def run_apart(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` in a fresh process (spawned: without the models loaded here), so that the
    memory of a corpus-wide step does not add to theirs."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


def _take(items: Iterator[Unit], n: int) -> list[Unit]:
    out = []
    for _ in range(max(n, 0)):
        unit = next(items, None)
        if unit is None:
            break
        out.append(unit)
    return out


class Progress:
    """A one-line progress bar on stderr: documents done, chars/second, ETA (redrawn in a
    terminal, a line every 10 s otherwise); without a known total, no ETA."""

    def __init__(self, total_files: int | None, total_bytes: int, enabled: bool, stream: TextIO | None = None) -> None:
        self.total_files, self.total_bytes, self.enabled = total_files, max(total_bytes, 1), enabled
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.files = self.bytes = self.chars = 0
        self.start = self.shown = time.monotonic()

    def skip(self, files: int, nbytes: int) -> None:
        """Count files done by an earlier run (they do not enter the speed)."""
        if self.total_files is not None:
            self.total_files -= files
        self.total_bytes = max(self.total_bytes - nbytes, 1)
        if self.enabled and files:
            print(f"policytext: {files} file(s) already done, skipped", file=self.stream)

    def update(self, summary: Summary) -> None:
        self.files += summary.docs
        self.bytes += summary.nbytes
        self.chars += summary.chars
        now = time.monotonic()
        if self.enabled and (now - self.shown >= (0.2 if self.tty else 10.0)):
            self.shown = now
            self._draw(now)

    def close(self) -> None:
        if self.enabled and self.total_files == 0 and not self.files:
            print("policytext: nothing to do: every file is done already", file=self.stream)
        elif self.enabled:
            self._draw(time.monotonic())
            if self.tty:
                self.stream.write("\n")
            self.stream.flush()

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        speed = f"{self.chars / elapsed / 1000:.1f}k chars/s"
        if self.total_files is None:
            line = f"{self.files} files  {speed}"
        else:
            share = min(self.bytes / self.total_bytes, 1.0) if self.total_files else 1.0
            eta = elapsed * (1 - share) / share if share > 0 else math.nan
            eta_s = "--:--" if math.isnan(eta) else f"{int(eta) // 60:02d}:{int(eta) % 60:02d}"
            line = f"[{'#' * int(share * 20):<20}] {self.files}/{self.total_files} files  {speed}  ETA {eta_s}"
        self.stream.write(("\r" + line) if self.tty else line + "\n")
        self.stream.flush()
