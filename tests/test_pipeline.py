"""One document, one pipeline: the package's layering, the Segmenter, tokens computed once, the
entities stage, the stage registry and a pipeline that reaches worker processes and Dask workers."""

from __future__ import annotations

import ast
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import policytext
from policytext import Pipeline, Segmenter
from policytext.extract import keyphrases as KP
from policytext.pipeline import STAGES, table_columns

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "policytext"

# Data flows one way: a module may import its own layer or the layers below it, never above.
LAYERS = {
    "errors": 0, "document": 0, "resources": 0, "dates": 0, "chinese": 0, "version": 0, "stage": 1,
    "reader": 2, "segmentation": 2,
    "extract": 3, "themes": 3,
    "pipeline": 4,
    "corpus": 5,
    "display": 6, "plot": 6, "report": 6, "cli": 7, "__main__": 7,
}


def _modules() -> dict[str, Path]:
    """Module name -> file (a package by its own name)."""
    out = {}
    for p in PKG.rglob("*.py"):
        parts = p.relative_to(ROOT).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = p
    return out


def _imports(name: str, path: Path) -> list[tuple[str, list[str]]]:
    """(imported policytext module, names taken from it) for every import in the module, lazy ones too."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("policytext"):
                out.append((target, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names if a.name.startswith("policytext")]
    return out


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_every_module_has_a_layer():
    assert {n for n in _modules() if n != "policytext" and _layer(n) is None} == set()


def test_no_module_imports_a_layer_above_it_or_a_private_name():
    mods = _modules()
    wrong, private = [], []
    for name, path in mods.items():
        if name == "policytext":
            continue  # the package's one-line API re-exports everything
        for target, names in _imports(name, path):
            if target == "policytext" or (_layer(target) or 0) > (_layer(name) or 0):
                wrong.append((name, target))
            if target.split(".")[:2] != name.split(".")[:2]:
                private += [(name, target, n) for n in names if n.startswith("_") and not n.startswith("__")]
                # a name imported from a package that is itself a module of it counts too
                private += [(name, target, n) for n in names if f"{target}.{n}" in mods and n.startswith("_")]
    assert wrong == [] and private == []


def test_no_import_cycle():
    mods = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        if name == "policytext":
            continue
        deps = set()
        for target, names in _imports(name, path):
            deps |= {f"{target}.{n}" for n in names if f"{target}.{n}" in mods} or ({target} if target in mods else set())
        graph[name] = {d for d in deps if d != name and d != "policytext"}
    state: dict[str, int] = {}

    def visit(n: str, trail: list[str]) -> None:
        if state.get(n) == 1:
            raise AssertionError(f"import cycle: {' -> '.join(trail + [n])}")
        if state.get(n) == 2:
            return
        state[n] = 1
        for d in graph.get(n, ()):
            visit(d, trail + [n])
        state[n] = 2

    for n in graph:
        visit(n, [])


def test_modules_and_public_functions_do_not_share_names():
    mods = {n.split(".")[1] for n in _modules() if n.count(".") >= 1}  # policytext.<name>
    functions = {n for n in policytext.__all__ if callable(getattr(policytext, n, None)) and n[0].islower()}
    assert mods & functions == set()


# ---------------------------------------------------------------- the segmenter


def test_segmenter_is_picklable_and_keeps_its_terms():
    seg = Segmenter(engine="jieba", terms=["强链补链延链"])
    again = pickle.loads(pickle.dumps(seg))
    assert again == seg and again.terms == ["强链补链延链"]
    assert again.segment("推动强链补链延链") == ["推动", "强链补链延链"]


def test_no_stale_cache_after_a_term_is_added():
    seg = Segmenter()
    text = "推动强链补链延链工作"
    before_tokens = seg.segment(text)
    before = KP.candidates(text, seg)  # fills the key-phrase caches on this segmenter
    assert "强链补链延链" not in before_tokens and "强链补链延链" not in before
    assert seg.add_terms(["强链补链延链"]) == 1
    assert "强链补链延链" in seg.segment(text)
    assert "强链补链延链" in KP.candidates(text, seg)  # a lexicon term (class T), not an adjective
    assert seg.tagged("强链补链延链") == [("强链补链延链", "nz")]


def test_the_default_segmenter_and_pipeline_get_add_terms(monkeypatch):
    from policytext import segmentation

    monkeypatch.setattr(segmentation, "_DEFAULTS", {})
    monkeypatch.setattr(segmentation, "_USER_TERMS", [])
    assert "两业深融" not in policytext.segment("促进两业深融发展")
    policytext.add_terms(["两业深融"])
    assert "两业深融" in policytext.segment("促进两业深融发展")
    assert "两业深融" in policytext.segment("促进两业深融发展", engine="pkuseg")
    assert "两业深融" in Pipeline().segmenter.segment("促进两业深融发展")


@pytest.mark.parametrize("engine", ["jieba", "pkuseg"])
def test_one_rule_for_numbers_dates_and_latin_words(engine):
    words = policytext.segment("Government在二〇二四年推进5G和R1项目，COVID-19后增长3.5%", engine=engine)
    for unit in ("Government", "二〇二四年", "5G", "R1", "COVID-19", "3.5%"):
        assert unit in words, (unit, words)


def test_tokens_have_exact_offsets_and_tags(seed_articles):
    seg = Segmenter()
    for p in seed_articles[0].paragraphs:
        tokens = seg.tokens(p.text)
        assert "".join(t.text for t in tokens) == p.text
        assert all(p.text[t.start:t.end] == t.text and t.pos for t in tokens)


# ---------------------------------------------------------------- tokens once, results stored


def test_to_dict_twice_analyses_once(monkeypatch):
    calls: dict[str, int] = {}
    for cls in STAGES:
        original = cls.run

        def counted(self, article, _original=original, _name=cls.name):  # type: ignore[no-untyped-def]
            calls[_name] = calls.get(_name, 0) + 1
            return _original(self, article)

        monkeypatch.setattr(cls, "run", counted)
    tokenised = []
    original_tokens = Segmenter.tokens
    monkeypatch.setattr(Segmenter, "tokens", lambda self, text: tokenised.append(text) or original_tokens(self, text))
    art = Pipeline().read("corpora/guangming-2025-01-27.txt")[1]
    first = art.to_dict()
    assert calls == {cls.name: 1 for cls in STAGES}
    assert len(tokenised) == len(art.paragraphs)  # each paragraph segmented once, for every stage
    assert art.to_dict() == first and art.paragraphs[3].themes and art.keyphrases(5) and art.quotations()
    assert calls == {cls.name: 1 for cls in STAGES} and len(tokenised) == len(art.paragraphs)


def test_key_phrases_and_tokens_table_agree(seed_articles):
    art = Pipeline().read("corpora/guangming-2025-01-27.txt")[1]
    for kp in art.keyphrases(20):
        # every key phrase is a run of whole tokens somewhere in the text
        aligned = False
        for p in art.paragraphs:
            starts, ends = {t.start for t in p.tagged()}, {t.end for t in p.tagged()}
            i = p.text.find(kp.phrase)
            while i >= 0 and not aligned:
                aligned = i in starts and i + len(kp.phrase) in ends
                i = p.text.find(kp.phrase, i + 1)
        assert aligned, kp


def test_record_order_follows_the_stages():
    art = Pipeline().read("corpora/guangming-2025-01-27.txt")[0]
    art.quotations()  # asked for first
    keys = list(art.to_dict())
    assert keys.index("entities") < keys.index("keyphrases") < keys.index("quotations") < keys.index("dropped")


# ---------------------------------------------------------------- entities


def test_entities_of_the_seed_page(seed_articles):
    art = seed_articles[0]
    found = {(e.kind, e.name or e.text) for e in art.entities()}
    assert {("person", "习近平"), ("office", "总书记"), ("meeting", "中央经济工作会议"),
            ("meeting", "党的二十届三中全会"), ("organization", "国家发展改革委"),
            ("document", "《“十四五”新型城镇化实施方案》")} <= found
    for e in art.entities():
        assert art.paragraphs[e.paragraph].text[e.start:e.end] == e.text
    assert art.to_dict()["entities"][0].keys() == {"text", "kind", "name", "paragraph", "start", "end"}


def test_transliterated_names_and_joined_titles():
    found = [(e.kind, e.text) for e in policytext.entities("村民买买提·艾力说，江苏省科技厅厅长徐光辉表示支持。")]
    assert ("person", "买买提·艾力") in found
    assert ("organization", "江苏省科技厅") in found and ("office", "厅长") in found and ("person", "徐光辉") in found


# ---------------------------------------------------------------- the registry


def test_tables_cli_and_record_follow_the_registry(seed_articles):
    nlp = Pipeline()
    art = nlp.read("corpora/guangming-2025-01-27.txt")[0]
    rows = nlp.rows(art, "guangming-2025-01-27", "corpora/guangming-2025-01-27.txt")
    assert list(rows) == [t for t in table_columns() if t != "tokens"]
    for table, table_rows in rows.items():
        assert all(list(r) == list(table_columns()[table]) or set(r) == set(table_columns()[table]) for r in table_rows)
    report = "\n".join(nlp.report(art))
    assert "key phrases:" in report and "quotations:" in report and "persons:" in report and "themes:" in report
    assert {s.name for s in nlp.stages} - {"tokens", "themes"} <= set(art.to_dict())


def test_a_pipeline_with_fewer_stages():
    nlp = Pipeline(stages=["keyphrases"])
    art = nlp("标题\n\n作者\n\n城市更新是重要手段。城市更新要坚持以人为本。")[0]
    assert list(art.results) == ["keyphrases"]
    assert list(nlp.columns()) == ["articles", "paragraphs", "keyphrases", "errors"]
    with pytest.raises(policytext.PolicytextError, match="no stage"):
        art.quotations()


# ---------------------------------------------------------------- a configured pipeline, everywhere

_WORKERS = """
import multiprocessing, sys
import pandas as pd
import policytext
from policytext import Corpus, Pipeline, ThemeClassifier


def main():
    multiprocessing.set_start_method("spawn", force=True)

    texts = {"a": "标题一\\n\\n作者\\n\\n要推动强链补链延链，发展新质生产力。城市更新是重要手段。",
             "b": "标题二\\n\\n作者\\n\\n加强数字政府建设，推进强链补链延链。",
             "c": "标题三\\n\\n作者\\n\\n习近平总书记强调：“要深入践行人民城市理念。”"}
    clf = ThemeClassifier(init=None).fit(["城市更新 老旧小区", "数字政府 数据共享", "城市更新 街区", "数据 算力"],
                                         ["urban", "digital", "urban", "digital"])
    nlp = Pipeline(terms=["强链补链延链"], themes=clf)
    corpus = Corpus.from_texts(texts)
    one = corpus.analyze(n_jobs=1, pipeline=nlp, tokens=True)
    two = corpus.analyze(n_jobs=2, pipeline=nlp, tokens=True)
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        dask = corpus.analyze(client=client, pipeline=nlp, tokens=True)
    for res in (two, dask):
        assert res.tables.keys() == one.tables.keys()
        for name in one.tables:
            pd.testing.assert_frame_equal(one.tables[name], res.tables[name], check_exact=True)
    print(sorted(set(two.themes.theme)), (two.tokens.token == "强链补链延链").sum())


if __name__ == "__main__":
    main()
"""


def test_user_terms_and_theme_model_reach_spawned_and_dask_workers(tmp_path):
    pytest.importorskip("distributed")
    script = tmp_path / "workers.py"
    script.write_text(textwrap.dedent(_WORKERS), encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    themes, term_tokens = out.stdout.strip().rsplit(" ", 1)
    assert themes == "['digital', 'urban']" and int(term_tokens) == 2


def test_cli_carries_engine_and_theme_model(tmp_path, capsys):
    from policytext.cli import main
    from policytext.themes.classifier import ThemeClassifier

    clf = ThemeClassifier(init=None).fit(["城市更新 老旧小区", "产业 转型 升级", "城市 街区", "产业 链"],
                                         ["urban", "industry", "urban", "industry"])
    clf.save(tmp_path / "model.npz")
    assert main(["analyze", "corpora/guangming-2025-01-27.txt", "--engine", "pkuseg",
                 "--theme-model", str(tmp_path / "model.npz")]) == 0
    out = capsys.readouterr().out
    assert "themes:" in out and ("urban " in out or "industry " in out) and "digital_governance" not in out
    assert main(["analyze", "corpora/guangming-2025-01-27.txt", "--theme-model", str(tmp_path / "model.npz"),
                 "--taxonomy", "policytext/data/themes/taxonomy.toml"]) == 2
    assert "not in the taxonomy" in capsys.readouterr().err
