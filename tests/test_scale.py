"""Scale: partitioned Parquet tables, bounded work per document, tables of texts read in chunks,
out-of-core quotation linking and frequencies, and faults (a killed batch, a killed worker, a
failed write) after which a rerun gives the tables of an uninterrupted run."""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

import policytext
from policytext import Corpus, CorpusAnalysis
from policytext.corpus import collection
from policytext.corpus import run as run_mod
from policytext.corpus import tables as tables_mod
from policytext.corpus.tables import link_quotes

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "corpora" / "guangming-2025-01-27.txt", *sorted((ROOT / "corpora" / "external").glob("*.txt"))]


def assert_same(a: CorpusAnalysis, b: CorpusAnalysis) -> None:
    assert a.tables.keys() == b.tables.keys()
    for name in a.tables:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name], obj=name)


@pytest.fixture(scope="module")
def texts():
    """Twelve real articles as texts (short ones, for speed)."""
    return {p.stem.replace(".", "_"): p.read_text(encoding="utf-8") for p in FILES[1:13]}


@pytest.fixture(scope="module")
def reference(texts):
    return Corpus.from_texts(texts).analyze(n_jobs=1)


def check_folder(out: Path) -> None:
    """Every table file belongs to a finished part (in the manifest); nothing half-written."""
    parts = {p.stem for p in (out / "_manifest").glob("*.json")}
    for folder in out.iterdir():
        if folder.name != "_manifest":
            assert not [f for f in folder.iterdir() if f.name.endswith(".tmp")]
            assert {f.stem for f in folder.glob("*.parquet")} == parts, folder


# ---------------------------------------------------------------- the dataset folder

@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::FutureWarning")
def test_batch_writes_partitioned_datasets_that_every_reader_opens(texts, reference, tmp_path, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr(collection, "LINK_APART", 0)  # quote_id linked in a process of its own, as for a large corpus
    res = Corpus.from_texts(texts).batch(out, n_jobs=1, progress=False, part_docs=5)
    check_folder(out)
    assert len(list((out / "articles").glob("*.parquet"))) == 3  # 12 documents, 5 a part
    assert_same(res, reference)
    quotes = reference.quotations
    pd.testing.assert_frame_equal(pd.read_parquet(out / "quotations"), quotes)
    assert ds.dataset(out / "quotations").to_table().num_rows == len(quotes)
    dd = pytest.importorskip("dask.dataframe")
    assert dd.read_parquet(out / "paragraphs").compute().text.tolist() == reference.paragraphs.text.tolist()
    lazy = CorpusAnalysis.open(out)
    assert lazy._tables == {} and lazy.count("paragraphs") == len(reference.paragraphs)
    assert repr(lazy).startswith("CorpusAnalysis(articles=12, paragraphs=")


def test_limits_max_chars_and_timeout_become_errors_and_the_batch_goes_on(texts, reference, monkeypatch):
    chars = reference.articles.groupby("doc_id").n_chars.sum()  # max_chars counts the articles' text
    long_id = chars.idxmax()
    res = Corpus.from_texts(texts).analyze(n_jobs=1, max_chars=int(chars.max()) - 1)
    assert res.errors[["doc_id", "stage", "error"]].values.tolist() == [[long_id, "limit", "DocumentTooLong"]]
    assert "over max_chars=" in res.errors.message[0]
    assert long_id not in set(res.articles.doc_id) and res.articles.doc_id.nunique() == len(texts) - 1

    real = policytext.Pipeline.rows

    def spins_on_one(self, art, doc_id=None, path=None, tokens=False):
        while doc_id == "slow":  # pure Python, as a runaway stage would be
            pass
        return real(self, art, doc_id, path, tokens)

    monkeypatch.setattr(policytext.Pipeline, "rows", spins_on_one)
    corpus = Corpus.from_texts({"slow": texts[long_id], "fast": "标题\n\n城市更新是重要手段。"})
    started = time.monotonic()
    res = corpus.analyze(n_jobs=1, timeout=1.0)
    assert time.monotonic() - started < 30
    assert res.errors[["doc_id", "stage", "error"]].values.tolist() == [["slow", "limit", "DocumentTimeout"]]
    assert res.articles.doc_id.tolist() == ["fast"]


def test_tables_of_texts_are_read_in_chunks(texts, reference, tmp_path):
    frame = pd.DataFrame({"id": list(texts), "text": list(texts.values()), "outlet": "人民日报"})
    frame.to_csv(tmp_path / "t.csv", index=False)
    frame.to_parquet(tmp_path / "t.parquet")
    expected = reference.articles.assign(outlet="人民日报")
    for data in (frame, tmp_path / "t.csv", tmp_path / "t.parquet"):
        corpus = Corpus.from_table(data, text="text", id="id", chunksize=5)
        res = corpus.analyze(n_jobs=1)
        pd.testing.assert_frame_equal(res.articles, expected, check_dtype=False)
        pd.testing.assert_frame_equal(res.keyphrases, reference.keyphrases)
    assert len(corpus) == len(texts) and corpus.meta.outlet.eq("人民日报").all()
    with pytest.raises(policytext.PolicytextError, match="filter the table first"):
        corpus.select(outlet="人民日报")


# ---------------------------------------------------------------- corpus-wide steps out of core

def test_quote_linking_out_of_core_equals_quote_ids_of_the_whole_table(tmp_path):
    rng = random.Random(0)
    base = ["城市是人民的城市，人民城市为人民", "绿水青山就是金山银山", "发展是第一要务", "人才是第一资源",
            "创新是第一动力", "坚持以人民为中心的发展思想", "要更好推进以人为本的城镇化", "好"]
    quotes = []
    for _ in range(400):
        q = list(rng.choice(base))
        for _ in range(rng.randrange(3)):  # small edits: near-duplicates, some below the threshold
            q.insert(rng.randrange(len(q) + 1), rng.choice("的了，。！和与"))
        quotes.append("".join(q))
    for i in range(0, len(quotes), 37):  # eleven files, as parts of a batch
        pd.DataFrame({"text": quotes[i:i + 37], "quote_id": None}).to_parquet(tmp_path / f"part-{i:05d}.parquet")
    link_quotes(tmp_path, bucket_rows=50)  # eight buckets
    assert pd.read_parquet(tmp_path).quote_id.tolist() == policytext.quote_ids(quotes)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_frequencies_over_the_tokens_dataset_agree_with_the_corpus(texts, tmp_path):
    corpus = Corpus.from_texts(texts, metadata={k: {"half": i % 2} for i, k in enumerate(texts)})
    res = corpus.batch(tmp_path / "out", n_jobs=1, tokens=True, progress=False, part_docs=4)
    for by in (None, "half"):
        keys = ([by] if by else []) + ["term"]
        mine = res.frequencies(by=by).sort_values(keys).reset_index(drop=True)
        theirs = corpus.frequencies(by=by).sort_values(keys).reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, theirs, check_dtype=False, check_like=True)
    matrix, vocab = res.dfm()
    theirs, their_vocab = corpus.dfm()
    assert vocab == their_vocab and (matrix != theirs).nnz == 0 and matrix.shape[0] == len(res.articles)


# ---------------------------------------------------------------- faults

def test_a_failed_write_leaves_no_half_written_part(texts, reference, tmp_path, monkeypatch):
    out = tmp_path / "out"
    real = pq.ParquetWriter.write_table
    calls = []

    def fails_on_the_tenth(self, table, *args, **kwargs):
        calls.append(1)
        if len(calls) == 10:
            raise OSError("disk full")
        return real(self, table, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", fails_on_the_tenth)
    with pytest.raises(OSError, match="disk full"):
        Corpus.from_texts(texts).batch(out, n_jobs=1, progress=False, part_docs=3)
    check_folder(out)
    assert len(list((out / "_manifest").iterdir())) == 1  # the first part is whole, the second none
    monkeypatch.undo()
    assert_same(Corpus.from_texts(texts).batch(out, n_jobs=1, progress=False, part_docs=3), reference)


SCRIPT = """
import sys, policytext
texts = {p.split("/")[-1][:-4].replace(".", "_"): open(p, encoding="utf-8").read() for p in sys.argv[3:]}
policytext.Corpus.from_texts(texts).batch(sys.argv[1], n_jobs=int(sys.argv[2]), progress=False, part_docs=1)
"""


def test_kill_9_of_the_whole_batch_then_rerun_equals_an_uninterrupted_run(texts, reference, tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(out), "2", *map(str, FILES[1:13])], env=env,
                            start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while len(list((out / "_manifest").glob("*.json"))) < 3:
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and its pool workers, at once
        proc.wait()
    done = len(list((out / "_manifest").glob("*.json")))
    assert 3 <= done < len(texts)
    # as if killed while renaming a part's files: one table has a file the manifest does not list
    shutil.copy(next((out / "articles").glob("*.parquet")), out / "articles" / "part-0000000011-deadbeef.parquet")
    (out / "themes" / ".part-0000000011-deadbeef.0.tmp").write_bytes(b"PAR1 half")
    assert_same(Corpus.from_texts(texts).batch(out, n_jobs=1, progress=False, part_docs=1), reference)
    check_folder(out)


def test_a_killed_pool_worker_is_replaced_and_the_batch_finishes(texts, reference, tmp_path, monkeypatch):
    out = tmp_path / "out"
    killed = []

    def kill_one_worker() -> None:
        import multiprocessing

        deadline = time.monotonic() + 120
        while not list((out / "_manifest").glob("*.json")) and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = multiprocessing.active_children()
        if workers:
            os.kill(workers[0].pid, signal.SIGKILL)
            killed.append(workers[0].pid)

    watcher = threading.Thread(target=kill_one_worker)
    watcher.start()
    res = Corpus.from_texts(texts).batch(out, n_jobs=2, progress=False, part_docs=1)
    watcher.join()
    assert killed
    assert_same(res, reference)
    check_folder(out)


def test_the_pool_is_started_afresh_after_its_budget_of_documents_and_nothing_changes(texts, reference, tmp_path,
                                                                                      monkeypatch):
    pools = []

    class Counted(run_mod.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            pools.append(self)

    monkeypatch.setattr(run_mod, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(run_mod, "RECYCLE_DOCS", 2)  # 2 workers x 2 documents, then a new pool
    res = Corpus.from_texts(texts).batch(tmp_path / "out", n_jobs=2, progress=False, part_docs=1)
    assert len(pools) >= 2  # 12 documents; a pool takes its first window of 6 tasks, then no more past 4
    assert_same(res, reference)
    check_folder(tmp_path / "out")


def test_dask_workers_write_their_parts_and_a_killed_worker_changes_nothing(texts, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        killed = []

        def kill_one_worker() -> None:
            deadline = time.monotonic() + 120
            while not list((out / "_manifest").glob("*.json")) and time.monotonic() < deadline:
                time.sleep(0.05)
            pid = next(iter(client.run(os.getpid).values()))
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

        watcher = threading.Thread(target=kill_one_worker)
        watcher.start()
        res = Corpus.from_texts(texts).batch(out, client=client, progress=False, part_docs=1)
        watcher.join()
        parts = {json.loads(p.read_text())["part"] for p in (out / "_manifest").glob("*.json")}
    assert killed and len(parts) == len(texts)
    assert_same(res, reference)
    check_folder(out)


def test_partwriter_flushes_row_groups(tmp_path, monkeypatch):
    monkeypatch.setattr(tables_mod, "FLUSH_ROWS", 3)
    import pyarrow as pa

    part = tables_mod.PartWriter(tmp_path, "part-0000000000-x", {"t": pa.schema([("n", pa.int64())])})
    for i in range(7):
        part.add("t", [{"n": i}])
    part.commit({"part": "part-0000000000-x"})
    f = pq.ParquetFile(tmp_path / "t" / "part-0000000000-x.parquet")
    assert f.metadata.num_row_groups == 3 and f.read().column("n").to_pylist() == list(range(7))
    assert run_mod.Unit(5, [], [], [("k", "f")]).name.startswith("part-0000000005-")
