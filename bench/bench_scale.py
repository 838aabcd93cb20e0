"""The batch at scale: ``policytext batch`` on 10,000 and 100,000 documents, on a local pool of 1
and 2 processes and on a Dask cluster (``dask scheduler`` + ``dask worker --nworkers 2``, started as
their own processes, as on a real cluster), each run a fresh command.

The corpus (``build/scale-corpus-<N>/``, one text file a document) cycles through a base of real
texts: the news items of 新闻联播 (github.com/yuekcc/cctv_news, ``news/*.md``: each ``###`` item of
the 详细新闻 section, title and paragraphs) followed by the People's Daily January 1998 articles
(``scripts/make_bench_corpus.py``), shuffled with seed 0; document ``k`` is base item
``k mod len(base)``, so past the base (27,239 texts) the texts repeat (the analysis keeps no cache that large: its text cache holds 1,024 lines, its word caches 16,384 words).

It prints, per run: wall seconds, core-seconds (all processes: the command and its pool, or the
client, scheduler and workers) against plain ``jieba.lcut`` over the same texts (timed text by text
in this process), peak resident memory of every process (VmHWM from /proc, sampled every 0.2 s),
and the size of the output folder against its tables. Targets: analysis ≤ 2.0× jieba in
core-seconds; no process above 600 MB, and no growth from 10,000 to 100,000 documents; 2 processes
≥ 1.8× the throughput of 1; Dask ≤ 1.2× the pool's wall time; output no larger than the tables.

    python bench/bench_scale.py --docs 10000 100000 [--cctv PATH] [--no-one] [--no-pool] [--no-dask] [--long 25000 100000 400000]

``--long`` times the analysis of one long document at growing lengths (seconds per 100,000
characters should stay flat: no stage slower than linear in the document's length).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from _common import BENCH_CORPUS, ROOT, bench_files

CCTV = Path("/work/.mirror/yuekcc+cctv_news/repo")  # a clone (or bare mirror) of yuekcc/cctv_news
BUILD = ROOT / "build"
TICK = os.sysconf("SC_CLK_TCK")
PY = sys.executable


# ---------------------------------------------------------------- the corpus

def cctv_items(repo: Path) -> list[str]:
    """The news items of every 新闻联播 transcript: title, blank line, paragraphs."""
    git = ["git", "--git-dir", str(repo / ".git") if (repo / ".git").exists() else str(repo)]
    names = [n for n in subprocess.run(git + ["ls-tree", "-r", "--name-only", "HEAD", "news/"], check=True,
                                       capture_output=True, text=True).stdout.split() if n.endswith(".md")]
    items = []
    for name in sorted(names):
        md = subprocess.run(git + ["show", f"HEAD:{name}"], check=True, capture_output=True, text=True).stdout
        detail = md.split("## 详细新闻", 1)[-1]
        for block in re.split(r"^### ", detail, flags=re.M)[1:]:
            title, *lines = block.strip().split("\n")
            paras = [re.sub(r"\*\*(.+?)\*\*", r"\1", x).strip() for x in lines]
            paras = [p for p in paras if p and not p.startswith("[")]
            if paras:
                items.append("\n\n".join([title.strip(), *paras]) + "\n")
    return items


def build_corpus(n: int, cctv: Path) -> Path:
    folder = BUILD / f"scale-corpus-{n}"
    if len(list(folder.glob("*.txt"))) == n:
        return folder
    base = cctv_items(cctv) + [p.read_text(encoding="utf-8") for p in bench_files(BENCH_CORPUS, 0)]
    random.Random(0).shuffle(base)  # the two sources mixed alike at every size
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for k in range(n):
        (folder / f"doc-{k:07d}.txt").write_text(base[k % len(base)], encoding="utf-8")
    print(f"built {folder}: {n} documents from a base of {len(base)} "
          f"({len(base) - len(bench_files(BENCH_CORPUS, 0))} 新闻联播 items + People's Daily 1998 articles)")
    return folder


def jieba_seconds(folder: Path, n: int) -> tuple[float, int]:
    """CPU seconds of plain ``jieba.lcut`` over the texts of the corpus, and their characters:
    each distinct text timed once, counted as often as the corpus holds it."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    files = sorted(folder.glob("*.txt"))
    cost: dict[str, float] = {}
    total = chars = 0.0
    for f in files:
        text = f.read_text(encoding="utf-8")
        if text not in cost:
            t0 = time.process_time()
            jieba.lcut(text)
            cost[text] = time.process_time() - t0
        total += cost[text]
        chars += len(text)
    return total, int(chars)


# ---------------------------------------------------------------- measuring processes

def _children() -> dict[int, int]:
    out = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", encoding="ascii") as fh:
                    out[int(d)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    return out


def _status(pid: int) -> tuple[float, float] | None:
    """(VmHWM in MB, CPU seconds) of a process."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            hwm = next(int(x.split()[1]) for x in fh if x.startswith("VmHWM:")) / 1024
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            f = fh.read().rsplit(")", 1)[1].split()
        return hwm, (int(f[11]) + int(f[12])) / TICK
    except (OSError, StopIteration, ValueError):
        return None


class Watch:
    """Samples every 0.2 s the peak memory and CPU time of the descendants of ``roots``."""

    def __init__(self, roots: list[int]) -> None:
        self.roots, self.peak, self.cpu = set(roots), {}, {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            time.sleep(0.2)

    def sample(self) -> None:
        parents = _children()
        tree, grew = set(self.roots), True
        while grew:
            new = {p for p, pp in parents.items() if pp in tree} - tree
            tree |= new
            grew = bool(new)
        for pid in tree:
            st = _status(pid)
            if st:
                self.peak[pid] = max(self.peak.get(pid, 0.0), st[0])
                self.cpu[pid] = st[1]

    def close(self) -> None:
        self.stop.set()
        self.thread.join()


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def batch(folder: Path, out: Path, extra: list[str], env: dict[str, str], cluster: Watch | None = None) -> dict:
    """Run ``policytext batch`` once; wall, core-seconds, peaks of every process, output size."""
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cl_before = dict(cluster.cpu) if cluster else {}
    t0 = time.perf_counter()
    proc = subprocess.Popen([PY, "-m", "policytext", "batch", str(folder), "--out", str(out), "--quiet", *extra],
                            env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    watch = Watch([proc.pid])
    err = proc.communicate()[1]
    wall = time.perf_counter() - t0
    watch.close()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    peaks = dict(watch.peak)
    if cluster:
        cluster.sample()
        cpu += sum(cluster.cpu[p] - cl_before.get(p, 0.0) for p in cluster.cpu)
        peaks.update({p: m for p, m in cluster.peak.items()})
    if proc.returncode not in (0, 1):
        raise RuntimeError(err)
    tables = sum(du(p) for p in out.iterdir() if p.is_dir() and not p.name.startswith("_"))
    return {"wall": wall, "cpu": cpu, "peaks": peaks, "size": du(out), "tables": tables, "log": err.strip()[-300:]}


def dask_cluster(env: dict[str, str], tmp: Path) -> tuple[list[subprocess.Popen], str, Watch]:
    sched = tmp / "scheduler.json"
    sched.unlink(missing_ok=True)
    log = open(tmp / "dask.log", "ab")
    procs = [subprocess.Popen([PY, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--no-dashboard", "--scheduler-file", str(sched)], env=env, stdout=log, stderr=log)]
    while not sched.is_file() or not sched.read_text().strip():
        time.sleep(0.2)
    # the workers as the README starts them: without Dask's profiler, whose history grows with the batch
    procs.append(subprocess.Popen([PY, "-m", "distributed.cli.dask_worker", "--nworkers", "2", "--nthreads", "1",
                                   "--no-dashboard", "--memory-limit", "0", "--scheduler-file", str(sched)],
                                  env={**env, "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}, stdout=log, stderr=log))
    from distributed import Client

    with Client(scheduler_file=str(sched), timeout=60) as client:
        client.wait_for_workers(2, timeout=120)
        address = client.scheduler.address
    return procs, address, Watch([p.pid for p in procs])


def long_documents(sizes: list[int]) -> None:
    """Seconds per 100,000 characters and peak memory of the analysis of one long document
    (the body paragraphs of People's Daily articles joined into one article: no headline or
    byline between them, so the reader keeps it whole), at growing lengths: linear work per document."""
    import policytext

    texts = [x for p in bench_files(BENCH_CORPUS, 0) for x in p.read_text(encoding="utf-8").split("\n\n")[2:] if len(x) > 60]
    policytext.Corpus.from_texts({"warm": texts[0]}).analyze(n_jobs=1)
    print(f"\n{'one document of':<22}{'CPU s':>9}{'CPU s / 100k chars':>20}{'VmHWM MB':>10}")
    for size in sizes:
        body, k = [], 0
        while sum(map(len, body)) < size:
            body.append(texts[k % len(texts)])
            k += 1
        text = "一份长文件\n\n" + "\n\n".join(body)
        t0 = time.process_time()
        res = policytext.Corpus.from_texts({"long": text}).analyze(n_jobs=1)
        cpu = time.process_time() - t0
        assert res.errors.empty and len(res.articles) == 1, (res.errors, len(res.articles))
        print(f"{len(text):>14,} chars{cpu:>11.1f}{cpu / len(text) * 1e5:>20.2f}{_status(os.getpid())[0]:>10.0f}",
              flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, nargs="+", default=None,
                    help="corpus sizes (default 10000 100000; none with --long alone)")
    ap.add_argument("--cctv", type=Path, default=CCTV)
    ap.add_argument("--no-one", action="store_true", help="skip the 1-process run")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--no-pool", action="store_true", help="skip the 2-process pool run")
    ap.add_argument("--long", type=int, nargs="*", default=[], metavar="CHARS",
                    help="also time one document of each of these lengths, e.g. 25000 100000 400000")
    args = ap.parse_args()
    if args.long:
        long_documents(args.long)
    if args.docs is None:
        args.docs = [] if args.long else [10_000, 100_000]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    tmp = BUILD / "scale-runs"
    tmp.mkdir(parents=True, exist_ok=True)
    for n in args.docs:
        folder = build_corpus(n, args.cctv)
        jieba_cpu, chars = jieba_seconds(folder, n)
        print(f"\n== {n:,} documents, {chars:,} characters, {du(folder) / 1e6:.0f} MB of text; "
              f"load average {os.getloadavg()[0]:.2f}; plain jieba.lcut: {jieba_cpu:.1f} CPU s")
        runs = {}
        if not args.no_one:
            runs["pool, 1 process"] = batch(folder, tmp / f"out-{n}-1", ["--jobs", "1"], env)
        if not args.no_pool:
            runs["pool, 2 processes"] = batch(folder, tmp / f"out-{n}-2", ["--jobs", "2"], env)
        if not args.no_dask:
            procs, address, watch = dask_cluster(env, tmp)
            try:
                runs["Dask, 2 workers"] = batch(folder, tmp / f"out-{n}-dask", ["--scheduler", address], env, watch)
            finally:
                watch.close()
                for p in reversed(procs):
                    p.terminate()
                    p.wait(timeout=60)
        print(f"{'run':<20}{'wall s':>9}{'docs/s':>9}{'core-s':>9}{'/jieba':>8}{'max MB':>8}{'out MB':>8}{'tables MB':>10}")
        for name, r in runs.items():
            print(f"{name:<20}{r['wall']:>9.1f}{n / r['wall']:>9.1f}{r['cpu']:>9.1f}{r['cpu'] / jieba_cpu:>8.2f}"
                  f"{max(r['peaks'].values()):>8.0f}{r['size'] / 1e6:>8.1f}{r['tables'] / 1e6:>10.1f}")
        for name, r in runs.items():
            print(f"  {name}, peak MB of every process: " + ", ".join(
                f"{m:.0f}" for m in sorted(r["peaks"].values(), reverse=True)))
        if "pool, 1 process" in runs:
            print(f"2 processes / 1, throughput: {runs['pool, 1 process']['wall'] / runs['pool, 2 processes']['wall']:.2f}x"
                  " (target >= 1.8)")
        if "Dask, 2 workers" in runs and "pool, 2 processes" in runs:
            print(f"Dask / pool, wall: {runs['Dask, 2 workers']['wall'] / runs['pool, 2 processes']['wall']:.2f}x"
                  " (target <= 1.2)")
        for name, r in runs.items():
            print(f"last log line ({name}): {r['log'].splitlines()[-1] if r['log'] else ''}")


if __name__ == "__main__":
    main()
