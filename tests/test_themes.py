"""Themes: the default taxonomy and model, user taxonomies and classifiers, topic discovery."""

from __future__ import annotations

import json
import zipfile
from functools import partial
from pathlib import Path

import numpy as np
import pytest

import policytext
from policytext.errors import InputError, ModelError, TaxonomyError
from policytext.themes import SeedScorer, Taxonomy, ThemeModel, char_ngrams, default_model, rank_themes

ROOT = Path(__file__).resolve().parents[1]
GOLD = [json.loads(line) for line in (ROOT / "tests" / "data" / "themes_gold.jsonl").open(encoding="utf-8")]
SPEC_IDS = ["urban_renewal", "livability", "security_resilience", "digital_governance", "innovation", "industry",
            "economy", "reform_institutions", "ecology", "culture", "education", "foreign_affairs",
            "party_leadership"]
# Paragraphs about urban waterlogging and sponge cities without a single seed term of the taxonomy.
WATERLOGGING = [
    "城市内涝治理是一项系统工程，要完善排水设施，加强易涝点整治，提升城市防涝能力。",
    "建设海绵城市，增强城市应对极端降雨的能力，减少城市内涝和积水。",
    "海绵城市建设要让城市像海绵一样，下雨时吸水、蓄水、渗水、净水，需要时将蓄存的水释放并加以利用，"
    "有效应对暴雨带来的积水问题。",
]


# ---------------------------------------------------------------- taxonomy

def test_default_taxonomy_is_the_spec():
    tax = Taxonomy.default()
    assert tax.ids == SPEC_IDS
    assert tax["security_resilience"].zh == "安全与韧性"
    assert tax["ecology"].en == "ecology and green development"
    assert all(t.seeds and t.description for t in tax)
    seeds = {s for t in tax for s in t.seeds}
    assert not {s for s in seeds if "内涝" in s or "海绵" in s}


def test_taxonomy_from_toml_json_and_dict(tmp_path):
    toml = tmp_path / "mine.toml"
    toml.write_text('[[theme]]\nid = "housing"\nzh = "住房"\nseeds = ["保障房", "租赁住房"]\n\n'
                    '[[theme]]\nid = "party"\nzh = "党建"\n', encoding="utf-8")
    data = {"themes": [{"id": "housing", "zh": "住房", "seeds": ["保障房", "租赁住房"]}, {"id": "party", "zh": "党建"}]}
    js = tmp_path / "mine.json"
    js.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    from_toml, from_json, from_dict = Taxonomy.load(toml), Taxonomy.load(js), Taxonomy.load(data)
    assert from_toml == from_json == from_dict
    assert from_toml.ids == ["housing", "party"] and from_toml["housing"].seeds == ("保障房", "租赁住房")
    assert Taxonomy.load({"housing": {"zh": "住房"}}).ids == ["housing"]
    assert Taxonomy.load(Taxonomy.default().to_dict()) == Taxonomy.default()


@pytest.mark.parametrize("data, message", [
    ({"theme": [{"id": "a"}, {"id": "b"}, {"id": "a"}]}, "duplicate theme id 'a' (themes 1 and 3)"),
    ({"theme": []}, "has no themes"),
    ({"theme": [{"zh": "无名"}]}, "theme 1 has no valid id"),
    ({"theme": [{"id": "a", "seeds": "保障房"}]}, "seeds of theme 'a' must be a list"),
])
def test_bad_taxonomy_is_a_clear_error(data, message):
    with pytest.raises(TaxonomyError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Taxonomy.load(data)


def test_unknown_id_and_bad_files(tmp_path):
    with pytest.raises(TaxonomyError, match="unknown theme id 'housing'; .* has: urban_renewal, livability"):
        Taxonomy.default()["housing"]
    bad = tmp_path / "bad.toml"
    bad.write_text("[[theme]\nid = 1", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="not a valid TOML taxonomy"):
        Taxonomy.load(bad)
    with pytest.raises(TaxonomyError, match="cannot read the taxonomy file"):
        Taxonomy.load(tmp_path / "missing.toml")


# ---------------------------------------------------------------- the default model

def test_seed_primary_themes(seed_articles):
    gold = {(g["article_id"], g["text"]): g["primary"] for g in GOLD if g["split"] == "seed"}
    right = total = 0
    for art in seed_articles:
        for p in art.paragraphs:
            total += 1
            right += p.primary_theme == gold[(art.id, p.text)]
    assert total == 25
    assert right >= 22, f"{right}/25 seed paragraphs with the right primary theme"


def test_held_out_gold_accuracy():
    held = [g for g in GOLD if g["split"] != "seed"]
    assert len(held) >= 60
    ranked = rank_themes([g["text"] for g in held], sections=[g["section"] for g in held])
    right = sum(r[0].id == g["primary"] for r, g in zip(ranked, held))
    assert right / len(held) >= 0.70


def test_waterlogging_and_sponge_city_are_security_without_seed_terms():
    model = default_model()
    assert all(not model.seeds.found(t) for t in WATERLOGGING)
    assert [r[0].id for r in rank_themes(WATERLOGGING)] == ["security_resilience"] * 3


def test_ranked_scores_are_probabilities(seed_articles):
    art = seed_articles[0]
    texts = [p.text for p in art.paragraphs]
    proba = default_model().predict_proba(texts)
    assert proba.shape == (16, 13) and np.allclose(proba.sum(axis=1), 1.0)
    for themes, row in zip(rank_themes(texts), proba):
        scores = [t.score for t in themes]
        assert 1 <= len(themes) <= 3 and scores == sorted(scores, reverse=True)
        assert all(s >= 0.2 for s in scores[1:]) and scores[0] == pytest.approx(row.max())
    lifeline = art.paragraphs[8]  # 城市生命线安全工程 … 地下综合管廊 … 监测预警
    assert [t.id for t in lifeline.themes][:2] == ["security_resilience", "urban_renewal"]
    record = art.to_dict()["paragraphs"][8]["themes"]
    assert record[0]["id"] == "security_resilience" and 0 < record[0]["score"] <= 1
    assert rank_themes([]) == []


def test_section_heading_is_context():
    text = "通过城市更新提升城市韧性，要加强城市基础设施更新升级，推进城中村改造，补齐短板。"
    model = default_model()
    alone = dict(model.rank([text], threshold=0, max_themes=13)[0])
    under = dict(model.rank([text], threshold=0, max_themes=13, sections=["打造韧性城市，统筹发展与安全"])[0])
    assert round(alone["security_resilience"], 2) == 0.11 and round(under["security_resilience"], 2) == 0.20
    assert sum(under.values()) == pytest.approx(1.0)
    with pytest.raises(InputError, match="2 texts but 1 section"):
        rank_themes([text, text], sections=[None])


def test_featurizer_matches_scikit_learn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    featurizer = default_model().featurizer
    texts = [g["text"] for g in GOLD[:20]] + ["", "  ", "ABC abc"]
    vec = TfidfVectorizer(analyzer=partial(char_ngrams, ngram_range=(1, 3)), sublinear_tf=True,
                          vocabulary=featurizer.terms.tolist(), lowercase=False)
    vec.fit(["x"])
    vec.idf_ = featurizer.idf
    assert abs(vec.transform(texts) - featurizer.sparse(texts)).max() < 1e-6


def test_shipped_model_is_plain_arrays():
    path = ROOT / "policytext" / "data" / "themes" / "model.npz"
    with np.load(path, allow_pickle=False) as npz:
        assert {"meta", "classes", "vocabulary", "idf", "coef", "intercept"} <= set(npz.files)
        assert npz["classes"].tolist() == SPEC_IDS
        assert json.loads(str(npz["meta"]))["format"] == "policytext-theme-model/1"


def test_bad_input():
    with pytest.raises(InputError, match="wrap it"):
        rank_themes("城市更新")
    with pytest.raises(InputError, match="expected texts"):
        rank_themes([None])


# ---------------------------------------------------------------- ThemeClassifier

HOUSING = ["推进保障性租赁住房建设，让新市民住有所居。", "加快老旧小区改造，加装电梯，完善社区设施。",
           "稳妥推进城中村改造，改善居民居住条件。", "完善住房保障体系，增加保障房供给。"]
PARTY = ["加强基层党组织建设，发挥党员先锋模范作用。", "深入推进全面从严治党，持之以恒正风肃纪反腐。",
         "用党的创新理论武装头脑，开展党纪学习教育。", "严格落实中央八项规定精神，整治形式主义。"]
TEXTS, LABELS = HOUSING + PARTY, ["housing"] * 4 + ["party"] * 4


def test_fit_predict_from_default_and_from_scratch():
    for init in ("default", None):
        clf = policytext.ThemeClassifier(init=init).fit(TEXTS, LABELS)
        assert clf.classes_.tolist() == ["housing", "party"]
        assert clf.predict(["社区老旧小区改造完成，居民住上了新房。", "党支部组织党员学习党章。"]).tolist() == \
            ["housing", "party"]
        proba = clf.predict_proba(TEXTS)
        assert proba.shape == (8, 2) and np.allclose(proba.sum(axis=1), 1)
        assert clf.score(TEXTS, LABELS) == 1.0


def test_multilabel_fit():
    labels = [["housing"], ["housing", "renewal"], ["housing", "renewal"], ["housing"]] + [["party"]] * 4
    clf = policytext.ThemeClassifier(init=None, C=100).fit(TEXTS, labels)
    assert clf.multilabel_ and clf.classes_.tolist() == ["housing", "party", "renewal"]
    assert clf.predict(TEXTS[:2]) == [["housing"], ["housing", "renewal"]]
    assert clf.score(TEXTS, labels) == 1.0
    assert clf.predict_proba(TEXTS).shape == (8, 3)


def test_labels_checked_against_taxonomy():
    tax = {"theme": [{"id": "housing"}, {"id": "party"}]}
    clf = policytext.ThemeClassifier(taxonomy=tax).fit(TEXTS, LABELS)
    assert clf.classes_.tolist() == ["housing", "party"]
    with pytest.raises(TaxonomyError, match="unknown theme id 'renewal'"):
        policytext.ThemeClassifier(taxonomy=tax).fit(TEXTS, LABELS[:-1] + ["renewal"])
    with pytest.raises(InputError, match="at least two different themes"):
        policytext.ThemeClassifier().fit(TEXTS, ["housing"] * 8)


def test_pipeline_cross_val_score_and_params():
    from sklearn.base import clone
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import Pipeline

    pipe = Pipeline([("themes", policytext.ThemeClassifier(C=1.0))])
    scores = cross_val_score(pipe, TEXTS, LABELS, cv=2)
    assert scores.tolist() == [1.0, 1.0]
    clf = policytext.ThemeClassifier().set_params(C=2.0, threshold=0.3)
    assert clone(clf).get_params()["C"] == 2.0 and clf.get_params()["threshold"] == 0.3


def test_save_load_and_corrupt_files(tmp_path):
    clf = policytext.ThemeClassifier(taxonomy={"theme": [{"id": "housing"}, {"id": "party"}]}).fit(TEXTS, LABELS)
    path = tmp_path / "mine.npz"
    clf.save(path)
    back = policytext.ThemeClassifier.load(path)
    assert np.allclose(back.predict_proba(TEXTS), clf.predict_proba(TEXTS))
    assert back.get_params() == clf.get_params() | {"taxonomy": back.get_params()["taxonomy"]}
    assert rank_themes(HOUSING[:1], classifier=back)[0][0].id == "housing"
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(path.read_bytes()[:1000])
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a model")
    foreign = tmp_path / "foreign.npz"
    np.savez(foreign, x=np.arange(3))
    for bad in (truncated, junk, foreign, tmp_path / "missing.npz"):
        with pytest.raises(ModelError):
            policytext.ThemeClassifier.load(bad)
    with zipfile.ZipFile(path) as z:
        assert all(name.endswith(".npy") for name in z.namelist())


def test_bootstrap_from_seed_terms_alone():
    tax = {"theme": [{"id": "housing", "seeds": ["住房", "小区"]}, {"id": "party", "seeds": ["党员", "党组织", "从严治党"]}]}
    texts = HOUSING * 5 + PARTY * 5
    clf = policytext.ThemeClassifier.bootstrap(texts, tax, rounds=2, min_df=1, unlabelled=0)
    assert clf.predict(["加装电梯，改善居住条件。", "正风肃纪反腐。"]).tolist() == ["housing", "party"]


def test_seed_scorer_is_leftmost_longest():
    scorer = SeedScorer(Taxonomy.default())
    ids = scorer.ids
    score = scorer.scores(["加快智慧城市建设"])[0]
    assert [ids[j] for j in np.flatnonzero(score)] == ["digital_governance"]
    assert scorer.mask("推进城中村改造") == "推进□改造"


# ---------------------------------------------------------------- topic discovery

def test_discover_themes(seed_articles):
    paragraphs = [p for art in seed_articles for p in art.paragraphs]
    topics = policytext.discover_themes(paragraphs, n=3, top=5)
    assert len(topics) == 3 and sum(t.paragraphs for t in topics) == 25
    assert all(len(t.phrases) == 5 and t.weights == sorted(t.weights, reverse=True) for t in topics)
    assert any("智慧城市" in t.phrases for t in topics) and any("产业" in t.phrases for t in topics)
    frame = policytext.discover_themes(seed_articles, n=3, as_frame=True)
    assert list(frame.columns) == ["topic", "phrases", "weights", "paragraphs"] and len(frame) == 3
    with pytest.raises(InputError, match="at least n=30 paragraphs"):
        policytext.discover_themes(paragraphs, n=30)


def test_theme_model_rejects_mismatched_arrays():
    model = default_model()
    with pytest.raises(ModelError, match="do not fit"):
        ThemeModel(model.classes[:2], model.featurizer, model.coef, model.intercept)
