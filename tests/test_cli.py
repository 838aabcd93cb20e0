"""The command line: analyze (text and JSON record), segment (SIGHAN format), batch on a Dask cluster."""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policytext.cli import main


def test_analyze_text_report(seed_path, capsys):
    assert main(["analyze", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "2 article(s)" in out and "王从春" in out and "曹宏宏" in out
    assert "paragraphs:   16" in out and "paragraphs:   9" in out


def test_analyze_json_contract(seed_path, capsys):
    assert main(["analyze", str(seed_path), "--format", "json"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["source"] == str(seed_path)
    assert rec["policytext_version"]
    a = rec["articles"][0]
    for key in ("id", "title", "author", "affiliation", "publication", "date", "sections", "paragraphs",
                "keyphrases", "quotations"):
        assert key in a
    assert a["id"] == "guangming-2025-01-27#1" and a["date"] == "2025-01-27"
    p = a["paragraphs"][2]
    assert set(p) >= {"index", "section", "text", "themes"} and p["index"] == 2
    for q in a["quotations"]:
        assert a["paragraphs"][q["paragraph"]]["text"][q["start"]:q["end"]] == q["text"]


def test_analyze_bad_file(tmp_path, capsys):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert main(["analyze", str(f)]) == 2
    assert "empty.txt" in capsys.readouterr().err


def test_analyze_errors_replace_reads_a_file_with_a_bad_byte(tmp_path, capsys):
    text = "城市更新是推动城市高质量发展的重要手段。各地因地制宜推进老旧小区改造，居民生活更加便利。"
    f = tmp_path / "bad.txt"
    f.write_bytes("城市更新的新路子\n\n".encode() + text.encode()[:30] + b"\xff" + text.encode()[30:])
    assert main(["analyze", str(f)]) == 2
    assert "bad.txt" in capsys.readouterr().err
    assert main(["analyze", str(f), "--errors", "replace", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "bad.txt" in err and "1" in err
    assert "\ufffd" in json.loads(out)["articles"][0]["paragraphs"][0]["text"]


@pytest.mark.parametrize("extra", [[], ["--engine", "pkuseg"], ["--no-lexicon"]])
def test_segment_stdin_line_for_line(extra):
    lines = "加快发展新质生产力\n\n推进城市更新行动，建设韧性城市\n  \nGDP增长5%\n"
    res = subprocess.run(
        [sys.executable, "-m", "policytext", "segment", *extra],
        input=lines, capture_output=True, text=True, check=True,
    )
    out = res.stdout.split("\n")[:-1]
    assert len(out) == len(lines.split("\n")[:-1])
    assert out[1] == "" and out[3] == ""
    assert [o.replace("  ", "") for o in out] == ["加快发展新质生产力", "", "推进城市更新行动，建设韧性城市", "", "GDP增长5%"]
    if not extra or extra[0] == "--engine":
        assert "新质生产力" in out[0].split("  ")


ROOT = Path(__file__).resolve().parents[1]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def test_batch_on_scheduler_in_separate_process_equals_local_run(seed_path, tmp_path):
    """`policytext batch --scheduler ADDRESS` against a `dask scheduler` and a `dask worker` started as
    their own processes (as on a real cluster) writes the same tables as `--jobs 1`."""
    distributed = pytest.importorskip("distributed")
    import pandas as pd

    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(seed_path, docs)
    for name in ("2025-03-01-rmrb-propaganda-dept-teleconference.txt",
                 "2025-03-06-rmrb-government-work-report-briefing.txt"):
        shutil.copy(ROOT / "corpora" / "external" / name, docs)
    sched_file = tmp_path / "scheduler.json"
    # the worker must import policytext even when it is not installed (CI runs from the checkout).
    # A Dask nanny gives its workers the hash seed 6640; the local run gets a random one, so the
    # results must not depend on the order of sets or dicts of strings (float sums over them).
    env = {**os.environ, "PYTHONHASHSEED": "random",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    log = tmp_path / "dask.log"  # a file, not a pipe, which would fill up and block them
    common = dict(cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log.open("ab"))
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", "0", "--no-dashboard", "--scheduler-file", str(sched_file)], **common)]
    try:
        deadline = time.monotonic() + 60
        while not sched_file.is_file() or not sched_file.read_text().strip():
            assert procs[0].poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the scheduler wrote no scheduler file in 60 s"
            time.sleep(0.2)
        procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", "--nworkers", "1",
                                       "--nthreads", "1", "--no-dashboard", "--scheduler-file", str(sched_file)],
                                      **common))
        with distributed.Client(scheduler_file=str(sched_file), timeout=60) as client:
            client.wait_for_workers(1, timeout=60)
            address = client.scheduler.address
        assert address.startswith("tcp://127.0.0.1:")

        def batch(out, *extra):
            return subprocess.run([sys.executable, "-m", "policytext", "batch", str(docs), "--out", str(out),
                                   "--quiet", *extra], cwd=ROOT, env=env, capture_output=True, text=True,
                                  timeout=120)

        dask_run = batch(tmp_path / "dask", "--scheduler", address)
        assert dask_run.returncode == 0, dask_run.stderr + log.read_text()
        assert "4 article(s) from 3 file(s)" in dask_run.stderr
    finally:
        for proc in reversed(procs):
            _stop(proc)
        common["stderr"].close()
    local_run = batch(tmp_path / "local", "--jobs", "1")
    assert local_run.returncode == 0, local_run.stderr
    names = sorted(p.name for p in (tmp_path / "local").iterdir() if not p.name.startswith("_"))
    assert names == ["articles", "entities", "errors", "keyphrases", "paragraphs", "quotations", "themes"]
    assert sorted(p.name for p in (tmp_path / "dask").iterdir() if not p.name.startswith("_")) == names
    tables = {}
    for name in names:
        tables[name] = pd.read_parquet(tmp_path / "dask" / name)
        pd.testing.assert_frame_equal(tables[name], pd.read_parquet(tmp_path / "local" / name), check_exact=True)
    arts = tables["articles"]
    assert list(arts["doc_id"].value_counts().sort_index()) == [1, 1, 2]
    assert list(arts.loc[arts["doc_id"] == "guangming-2025-01-27", "article_id"]) == [
        "guangming-2025-01-27#1", "guangming-2025-01-27#2"]
    assert len(tables["keyphrases"]) > 0 and set(tables["keyphrases"]["article_id"]) == set(
        arts["article_id"])
    assert tables["errors"].empty


def test_batch_of_a_csv_table_with_max_chars(tmp_path, capsys):
    import pandas as pd

    files = sorted((ROOT / "corpora" / "external").glob("*.txt"), key=lambda p: p.stat().st_size)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (files[0], files[len(files) // 2], files[-1])}
    table = pd.DataFrame({"id": list(texts), "content": list(texts.values()), "outlet": "人民日报"})
    longest, second = sorted(texts, key=lambda k: len(texts[k]))[::-1][:2]
    table.to_csv(tmp_path / "news.csv", index=False)
    out = tmp_path / "out"
    status = main(["batch", str(tmp_path / "news.csv"), "--text-column", "content", "--id-column", "id", "--out",
                   str(out), "--jobs", "1", "--quiet", "--max-chars", str(len(texts[second]) + 1)])
    assert status == 1 and "1 file(s) or article(s) failed" in capsys.readouterr().err
    errors = pd.read_parquet(out / "errors")
    assert errors[["doc_id", "stage", "error"]].values.tolist() == [[longest, "limit", "DocumentTooLong"]]
    articles = pd.read_parquet(out / "articles")
    assert sorted(articles.doc_id) == sorted(set(texts) - {longest}) and set(articles.outlet) == {"人民日报"}


def test_batch_errors_replace_reads_a_file_with_bad_bytes_and_lists_it(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    data = Path("corpora/external/2025-06-05-rmrb-world-memory-heritage.txt").read_bytes()
    (src / "heritage.txt").write_bytes(data[:300] + b"\xff\xfe\xfd" + data[300:])
    shutil.copy("corpora/guangming-2025-01-27.txt", src / "seed.txt")
    assert main(["batch", str(src), "--out", str(tmp_path / "strict"), "--jobs", "1", "--quiet"]) == 1
    assert "1 file(s) or article(s) failed" in capsys.readouterr().err
    assert main(["batch", str(src), "--out", str(tmp_path / "replace"), "--jobs", "1", "--quiet", "--errors", "replace"]) == 0
    assert "1 file(s) read with undecodable bytes replaced" in capsys.readouterr().err
    import pandas as pd

    errors = pd.read_parquet(tmp_path / "replace" / "errors")
    assert errors[["doc_id", "stage", "error"]].values.tolist() == [["heritage", "read", "ReplacedBytesWarning"]]
    assert "3 bad bytes" in errors.message[0]
    titles = pd.read_parquet(tmp_path / "replace" / "articles").title.tolist()
    assert "一起守护“记忆里的中国”（评论员观察）" in titles and len(titles) == 3
