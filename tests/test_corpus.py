"""Corpus: construction, metadata and selection, tidy tables, parallel and Dask runs that equal the
sequential one, resumable batches with an errors table, and quanteda-style exploration."""

import importlib
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import policytext
from policytext import Corpus, CorpusAnalysis, InputError, PolicytextError
from policytext.corpus import run as run_mod
from policytext.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "guangming-2025-01-27.txt"
EXTERNAL = sorted((ROOT / "corpora" / "external").glob("*.txt"))


@pytest.fixture()
def folder(tmp_path):
    """Three real files: the seed (two articles) and two People's Daily pieces."""
    d = tmp_path / "in"
    d.mkdir()
    for src in (SEED, *EXTERNAL[:2]):
        shutil.copy(src, d / src.name)
    return d


@pytest.fixture()
def one_file(tmp_path):
    """A folder with one short People's Daily piece."""
    d = tmp_path / "one"
    d.mkdir()
    shutil.copy(EXTERNAL[0], d / EXTERNAL[0].name)
    return d


@pytest.fixture(scope="module")
def small_corpus():
    return Corpus.from_files([SEED, *EXTERNAL[:2]],
                             metadata={SEED.stem: {"outlet": "光明日报", "year": 2025},
                                       EXTERNAL[0].name: {"outlet": "人民日报", "year": 2025},
                                       EXTERNAL[1].stem: {"outlet": "人民日报", "year": 2024}})


@pytest.fixture(scope="module")
def sequential(small_corpus):
    """The reference run: one process, with tokens."""
    return small_corpus.analyze(n_jobs=1, tokens=True)


def assert_same(a: CorpusAnalysis, b: CorpusAnalysis) -> None:
    assert a.tables.keys() == b.tables.keys()
    for name in a.tables:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name], obj=name)


# ---------------------------------------------------------------- construction and selection

def test_from_files_glob_metadata_csv_and_iteration(folder, tmp_path):
    meta = tmp_path / "meta.csv"
    meta.write_text(f"file,outlet,year\n{SEED.name},光明日报,2025\n{EXTERNAL[0].stem},人民日报,2025\n", encoding="utf-8")
    corpus = Corpus.from_files(str(folder / "*.txt"), metadata=meta)
    assert len(corpus) == 3
    assert list(corpus.meta.columns) == ["doc_id", "path", "outlet", "year"]
    ids = [art.id for art in corpus]
    assert ids == [f"{EXTERNAL[0].stem}#1", f"{EXTERNAL[1].stem}#1", "guangming-2025-01-27#1", "guangming-2025-01-27#2"]
    assert corpus.meta.set_index("doc_id").loc[SEED.stem, "outlet"] == "光明日报"
    assert pd.isna(corpus.meta.set_index("doc_id").loc[EXTERNAL[1].stem, "outlet"])
    assert [a.id for a in Corpus.from_files(folder)] == ids  # a folder: every .txt under it


def test_select_by_value_list_and_mask(small_corpus):
    assert small_corpus.select(outlet="光明日报").meta.doc_id.tolist() == [SEED.stem]
    assert len(small_corpus.select(outlet=["光明日报", "人民日报"], year=2025)) == 2
    old = small_corpus.select(small_corpus.meta.year < 2025)
    assert old.meta.doc_id.tolist() == [EXTERNAL[1].stem] and [a.id for a in old] == [f"{EXTERNAL[1].stem}#1"]
    with pytest.raises(PolicytextError, match="no metadata column 'province'"):
        small_corpus.select(province="江苏")
    with pytest.raises(PolicytextError, match="3 booleans"):
        small_corpus.select([True])


def test_from_texts_ids_and_checks():
    corpus = Corpus.from_texts({"a": "标题\n\n王某\n\n城市更新是重要手段。", "b": "另一篇\n\n韧性城市建设。"},
                               metadata={"b": {"year": 2024}})
    assert [a.id for a in corpus] == ["a#1", "b#1"]
    assert corpus.meta.year.isna().tolist() == [True, False]
    assert [a.id for a in Corpus.from_texts(["城市更新是重要手段。"])] == ["text-1#1"]
    with pytest.raises(InputError, match="one id per text"):
        Corpus.from_texts(["x", "y"], ids=["a"])
    with pytest.raises(InputError, match="cannot contain"):
        Corpus.from_texts(["x"], ids=["v1.2"])


def test_colliding_stems_take_their_relative_path_and_empty_globs_are_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for sub in ("a", "b"):
        shutil.copy(SEED, tmp_path / sub / "x.txt")
    shutil.copy(SEED, tmp_path / "y.txt")
    corpus = Corpus.from_files(tmp_path)
    assert sorted(corpus.meta.doc_id) == ["a/x", "b/x", "y"]
    assert sorted({a.id for a in corpus}) == ["a/x#1", "a/x#2", "b/x#1", "b/x#2", "y#1", "y#2"]
    with pytest.raises(InputError, match="no files match"):
        Corpus.from_files(str(tmp_path / "*.md"))


# ---------------------------------------------------------------- analysis tables

def test_analyze_tables_match_each_article_alone(small_corpus, sequential):
    res = sequential
    arts = list(small_corpus)
    assert res.errors.empty
    assert res.articles.article_id.tolist() == [a.id for a in arts]
    seed = res.articles.set_index("article_id").loc[["guangming-2025-01-27#1", "guangming-2025-01-27#2"]]
    assert seed.author.tolist() == ["王从春", "曹宏宏"] and seed.n_paragraphs.tolist() == [16, 9]
    assert seed.outlet.tolist() == ["光明日报", "光明日报"] and seed.year.tolist() == [2025, 2025]
    for table in ("paragraphs", "themes", "keyphrases", "quotations", "tokens"):
        assert set(getattr(res, table).article_id) <= set(res.articles.article_id)
    for art in arts:
        paras = res.paragraphs[res.paragraphs.article_id == art.id]
        assert paras.text.tolist() == [p.text for p in art.paragraphs]
        assert paras.primary_theme.tolist() == [p.primary_theme for p in art.paragraphs]
        kps = res.keyphrases[res.keyphrases.article_id == art.id]
        assert kps.phrase.tolist() == [k.phrase for k in art.keyphrases(20)]
        quotes = res.quotations[res.quotations.article_id == art.id]
        assert quotes.text.tolist() == [q.text for q in art.quotations()]
        for q in quotes.itertuples():
            assert art.paragraphs[q.paragraph].text[q.start:q.end] == q.text
    texts = res.paragraphs.set_index(["article_id", "paragraph"]).text
    for t in res.tokens.sample(200, random_state=0).itertuples():
        assert texts[(t.article_id, t.paragraph)][t.start:t.end] == t.token


def test_quotations_are_linked_across_articles(small_corpus, monkeypatch):
    # every article cites the same saying, once with other punctuation: one id across the corpus
    said = ["要更好推进以人为本的城镇化", "要更好推进以人为本的城镇化。", "要更好推进以人为本的城镇化", "要更好推进以人为本的城镇化"]
    cited = iter(said)

    def fake(art, link=True, segmenter=None):
        text = next(cited)
        return [policytext.Quotation(text, "direct", 0, 0, len(text), speaker="习近平")]

    quotes = importlib.import_module("policytext.extract.quotations")  # the module, not a re-exported function
    monkeypatch.setattr(quotes, "quotations", fake)
    table = small_corpus.quotations()
    assert list(table.text) == said
    assert table.article_id.nunique() == 4
    assert set(table.quote_id) == {policytext.quote_ids(said[:1])[0]}
    assert policytext.quote_ids(["要更好推进以人为本的城镇化", "坚持以人民为中心"])[1] != table.quote_id[0]


def test_parallel_run_equals_sequential_and_parquet_round_trip(small_corpus, sequential, tmp_path):
    one = sequential
    two = small_corpus.analyze(n_jobs=2, tokens=True)
    assert_same(one, two)
    one.to_parquet(tmp_path / "out")
    assert_same(one, CorpusAnalysis.from_parquet(tmp_path / "out"))
    assert_same(one, CorpusAnalysis.of({t: pd.read_parquet(tmp_path / "out" / t) for t in one.tables}))
    one.to_csv(tmp_path / "csv")
    back = pd.read_csv(tmp_path / "csv" / "articles.csv", encoding="utf-8-sig")
    assert back.article_id.tolist() == one.articles.article_id.tolist()


def bad_files(folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin.txt").write_bytes("Café \x81\x82".encode("latin-1") + b"\xff\xfe\xfa" * 5)


def test_unreadable_files_go_to_errors_and_the_rest_finish(one_file):
    bad_files(one_file)
    res = Corpus.from_files(one_file).analyze(n_jobs=1)
    assert res.errors.doc_id.tolist() == ["binary", "empty", "latin"]
    assert set(res.errors.stage) == {"read"} and set(res.errors.error) == {"InputError"}
    assert "empty" in res.errors.message[1] and "binary" in res.errors.message[0]
    assert res.articles.article_id.tolist() == [f"{EXTERNAL[0].stem}#1"]
    with pytest.raises(InputError, match="corpus.select"):  # iterating names the file and the way out
        list(Corpus.from_files(one_file))


# ---------------------------------------------------------------- batch: resumable, errors, exit status

def test_batch_resumes_after_an_interruption(folder, tmp_path, monkeypatch):
    corpus = Corpus.from_files(folder)
    out = tmp_path / "out"
    real = run_mod.run_unit
    calls = []

    def dies_on_second_chunk(unit, job, nlp=None):
        calls.append(list(range(unit.first, unit.first + len(unit.docs))))
        if len(calls) == 2:
            raise KeyboardInterrupt  # as if Ctrl-C arrived while the second chunk ran
        return real(unit, job, nlp)

    monkeypatch.setattr(run_mod, "run_unit", dies_on_second_chunk)
    with pytest.raises(KeyboardInterrupt):
        corpus.batch(out, n_jobs=1, progress=False, part_docs=1)
    assert len(list((out / "articles").glob("part-*.parquet"))) == 1 and len(list((out / "_manifest").iterdir())) == 1

    calls.clear()
    monkeypatch.setattr(run_mod, "run_unit", lambda unit, job, nlp=None: calls.append(
        list(range(unit.first, unit.first + len(unit.docs)))) or real(unit, job, nlp))
    resumed = corpus.batch(out, n_jobs=1, progress=False, part_docs=1)
    assert sorted(i for c in calls for i in c) == [1, 2]  # the first file was not analysed again
    assert_same(resumed, corpus.analyze(n_jobs=1))
    assert_same(resumed, CorpusAnalysis.from_parquet(out))
    assert resumed.tokens is None and not (out / "tokens").exists()
    assert sorted(p.name for p in out.iterdir()) == ["_manifest", "articles", "entities", "errors", "keyphrases",
                                                     "paragraphs", "quotations", "themes"]  # no second copy

    calls.clear()
    corpus.batch(out, n_jobs=1, progress=False, part_docs=1)
    assert calls == []  # all done: the tables are only assembled again


def test_cli_batch_progress_errors_and_exit_status(one_file, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(one_file), "--out", str(out), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "1/1 files" in err and "chars/s" in err and "ETA" in err
    assert len(pd.read_parquet(out / "articles")) == 1
    bad_files(one_file)
    assert main(["batch", str(one_file / "*.txt"), "--out", str(out), "--jobs", "1", "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert "1 file(s) already done" in err and "3 file(s) or article(s) failed" in err
    errors = pd.read_csv(out / "errors.csv", encoding="utf-8-sig")
    assert errors.doc_id.tolist() == ["binary", "empty", "latin"]


# ---------------------------------------------------------------- exploration

def test_kwic_offsets_are_exact():
    corpus = Corpus.from_files(SEED)
    k = corpus.kwic("城市更新", window=8)
    assert len(k) == 40 and set(k.article_id) == {"guangming-2025-01-27#1"}
    paras = {(a.id, p.index): p.text for a in corpus for p in a.paragraphs}
    for row in k.itertuples():
        text = paras[(row.article_id, row.paragraph)]
        assert text[row.start:row.end] == row.keyword == "城市更新"
        assert text[max(0, row.start - 8):row.start] == row.left and text[row.end:row.end + 8] == row.right
    assert k.iloc[0][["paragraph", "start", "end"]].tolist() == [0, 40, 44]
    assert len(corpus.kwic(r"[宜韧]居?性?城市", regex=True)) >= 2


def test_dfm_and_frequencies_agree(small_corpus):
    matrix, vocab = small_corpus.dfm()
    arts = list(small_corpus)
    assert matrix.shape == (len(arts), len(vocab)) and len(set(vocab)) == len(vocab)
    assert "，" not in vocab and "的" in vocab
    freq = small_corpus.frequencies()
    assert freq.iloc[0].term == "的" and freq.iloc[0]["rank"] == 1
    assert freq.frequency.sum() == matrix.sum()
    col = vocab.index("城市")
    row = freq.set_index("term").loc["城市"]
    assert row.frequency == matrix[:, col].sum() and row.docfreq == (matrix[:, col].toarray() > 0).sum()
    by = small_corpus.frequencies(by="outlet")
    assert set(by.outlet) == {"光明日报", "人民日报"}
    assert by.groupby("term").frequency.sum().sort_index().equals(freq.set_index("term").frequency.sort_index())
    assert set(small_corpus.frequencies(by="author").author) == {a.author for a in arts}


def test_keyness_and_new_terms_delegate(small_corpus):
    table = small_corpus.keyness({"outlet": "光明日报"})  # the seed against the two People's Daily pieces
    assert {"城市更新", "新质生产力"} <= set(table.phrase.head(10))
    assert (table.statistic.head(10) > 0).all()
    again = small_corpus.keyness({"outlet": "光明日报"}, small_corpus.meta.outlet == "人民日报")
    pd.testing.assert_frame_equal(table, again)
    assert len(small_corpus.new_terms()) > 0


# ---------------------------------------------------------------- Dask (last: it starts threads)

def test_dask_local_cluster_equals_local_run(small_corpus, sequential):
    distributed = pytest.importorskip("distributed")
    local = sequential
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        assert_same(local, small_corpus.analyze(client=client, tokens=True))
        assert run_mod.resolve_client(None, "dask") is client  # engine="dask": the current client
    with pytest.raises(PolicytextError, match="no Dask client"):
        small_corpus.analyze(engine="dask")
    assert np.array_equal(local.articles.n_chars, [len(a.text) for a in small_corpus])


def test_tables_of_texts_and_statistics_with_stop_words():
    df = pd.DataFrame({"id": ["a", "b"], "year": [2024, 2025],
                       "text": ["标题\n\n作者\n\n城市更新是重要手段。城市更新要推进。", "题\n\n新质生产力要发展。新质生产力是关键。"]})
    res = Corpus.from_dataframe(df, id="id").analyze(n_jobs=1)
    assert res.articles[["article_id", "year"]].values.tolist() == [["a#1", 2024], ["b#1", 2025]]
    corpus = Corpus.from_texts(dict(zip(df.id, df.text)))
    freq = corpus.frequencies(stopwords=True)
    assert set(freq.head(2).term) == {"城市更新", "新质生产力"} and "是" not in set(freq.term)
    assert "是" in set(corpus.frequencies().term)
    m, vocab = corpus.dfm(stopwords=True)
    assert m.shape == (2, len(vocab)) and "要" not in vocab
    assert not corpus.collocations(min_count=1).empty


def test_progress_says_there_is_nothing_to_do():
    import io

    from policytext.corpus.run import Progress

    out = io.StringIO()
    bar = Progress(3, 100, True, out)
    bar.skip(3, 100)
    bar.close()
    assert "3 file(s) already done" in out.getvalue() and "nothing to do" in out.getvalue()
    assert "0/0" not in out.getvalue()
