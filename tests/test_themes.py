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
            "party_leadership", "health", "agriculture_rural", "employment_social_security", "social_governance",
            "rule_of_law", "defence", "hk_macau_taiwan", "none"]
BLIND_DEV = [g for line in (ROOT / "tests" / "data" / "themes_gold_blind.jsonl").open(encoding="utf-8")
             if (g := json.loads(line))["split"] == "dev"]
# Paragraphs about urban waterlogging and sponge cities without a single seed term of the taxonomy.
SEED_RIGHT, DEV_PRIMARY, DEV_TOP = 18, 0.87, 0.94  # measured figures of the shipped model, rounded down
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
    assert not {s for s in seeds if "内涝" in s}
    for moved, theme in (("医保", "health"), ("就业", "employment_social_security"), ("乡村振兴", "agriculture_rural"),
                         ("疫情防控", "health"), ("法治", "rule_of_law"), ("九二共识", "hk_macau_taiwan")):
        assert [t.id for t in tax if moved in t.seeds] == [theme]


def test_cap_topics():
    tax = Taxonomy.default()
    assert tax.cap_topics("urban_renewal") == (14, 10) and tax.cap_topic("urban_renewal") == 14
    assert tax.cap_topics("none") == () and tax.cap_topic("none") is None and tax.cap_topic(None) is None
    assert all(tax.cap_topics(t) for t in tax.ids if t != "none")
    mine = Taxonomy.load({"theme": [{"id": "housing", "cap": [14]}]})
    assert mine.cap_topic("housing") == 14 and Taxonomy.load(mine.to_dict()) == mine
    with pytest.raises(TaxonomyError, match="cap of theme 'housing' must be a list of CAP major topic codes"):
        Taxonomy.load({"theme": [{"id": "housing", "cap": "14"}]})


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


def test_taxonomy_without_seeds_or_not_matching_the_model():
    tax = Taxonomy.load({"theme": [{"id": "housing", "seeds": ["保障房"]}, {"id": "party"}, {"id": "city"}]})
    with pytest.raises(TaxonomyError, match="themes 'party', 'city' have no seed terms"):
        policytext.ThemeClassifier.bootstrap(HOUSING * 3, tax)
    with pytest.raises(TaxonomyError, match=r"the theme model lacks 2 themes of the taxonomy \(party, city\)"):
        tax.check_model(["housing"])
    with pytest.raises(TaxonomyError, match=r"the theme model's themes \['economy'\] are not in the taxonomy"):
        tax.check_model(["housing", "party", "city", "economy"])
    Taxonomy.default().check_model(default_model().classes)


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
    assert right >= SEED_RIGHT, f"{right}/25 seed paragraphs with the right primary theme"


def _by_document(rows):
    out = {}
    for g in rows:
        out.setdefault(g["file"], []).append(g)
    return out.values()


def test_blind_dev_figures():
    """The shipped model was calibrated on these paragraphs: a guard against regressions, not a measure
    (the measures are in policytext/data/themes/README.md)."""
    right = top = said_none = none_right = 0
    for doc in _by_document(BLIND_DEV):
        for g, ranked in zip(doc, rank_themes([g["paragraph_text"] for g in doc], context=True)):
            right += ranked[0].id == g["labels"][0]
            top += ranked[0].id in g["labels"]
            said_none += ranked[0].id == "none"
            none_right += ranked[0].id == "none" == g["labels"][0]
    assert len(BLIND_DEV) == 745
    assert right / 745 >= DEV_PRIMARY and top / 745 >= DEV_TOP and none_right / said_none >= 0.9


@pytest.mark.parametrize("text, theme", [
    ("深化医药卫生体制改革，推进医保支付方式改革，提升基层医疗服务能力。", "health"),
    ("稳定粮食播种面积，加强高标准农田建设。", "agriculture_rural"),
    ("落实就业优先政策，做好高校毕业生、农民工等重点群体就业工作。", "employment_social_security"),
    ("坚持和发展新时代“枫桥经验”，及时就地化解矛盾纠纷。", "social_governance"),
    ("坚持全面依法治国，推进严格执法、公正司法，建设法治政府。", "rule_of_law"),
    ("全面加强练兵备战，加快建设世界一流军队。", "defence"),
    ("坚持一个中国原则和“九二共识”，坚决反对“台独”分裂行径。", "hk_macau_taiwan"),
])
def test_new_themes(text, theme):
    assert rank_themes([text])[0][0].id == theme


def test_none_for_greetings_and_procedural_lines():
    lines = ["谢谢大家！", "同志们、朋友们！", "现在，我代表省人民政府向大会报告工作，请予审议。", "全文如下："]
    assert [[t.id for t in r] for r in rank_themes(lines)] == [["none"]] * 4
    assert rank_themes(["坚决反对“台独”分裂行径。"])[0][0].id == "hk_macau_taiwan"


def test_waterlogging_and_sponge_city_are_security_without_seed_terms():
    model = default_model()
    assert not model.seeds.found(WATERLOGGING[0])
    assert rank_themes(WATERLOGGING[:1])[0][0].id == "security_resilience"


def test_ranked_scores_are_calibrated_probabilities(seed_articles):
    art = seed_articles[0]
    texts = [p.text for p in art.paragraphs]
    model = default_model()
    proba = model.predict_proba(texts)
    assert proba.shape == (16, 21) and ((proba >= 0) & (proba <= 1)).all() and model.multilabel
    for themes, row in zip(rank_themes(texts), proba):
        scores = [t.score for t in themes]
        assert 1 <= len(themes) <= 3 and scores == sorted(scores, reverse=True)
        assert all(s >= model.threshold for s in scores[1:]) and scores[0] == pytest.approx(row[:-1].max())
    assert [len(r) for r in model.rank(texts, threshold=0.0)] == [3] * 16
    assert [len(r) for r in model.rank(texts, threshold=1.0)] == [1] * 16
    record = art.to_dict()["paragraphs"][8]["themes"]
    assert 0 < record[0]["score"] <= 1
    assert rank_themes([]) == []


def test_section_heading_and_article_are_context():
    text = "通过城市更新提升城市韧性，要加强城市基础设施更新升级，推进城中村改造，补齐短板。"
    model = default_model()
    alone = dict(model.rank([text], threshold=0, max_themes=21)[0])
    under = dict(model.rank([text], threshold=0, max_themes=21, sections=["打造韧性城市，统筹发展与安全"])[0])
    assert under["security_resilience"] > alone["security_resilience"]
    with pytest.raises(InputError, match="2 texts but 1 section"):
        rank_themes([text, text], sections=[None])
    law = ["国家加强武装力量建设，加强边防、海防、空防建设，完善国防动员体系。", "军人应当忠于祖国，服从命令，严守纪律。",
           "一切国家机关和社会组织都应当支持这项工作。"]
    assert rank_themes(law, context=True)[2][0].id == "defence" != rank_themes(law[2:])[0][0].id


def test_featurizer_matches_scikit_learn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    full = default_model().featurizer
    short = np.char.str_len(full.terms) <= 3
    featurizer = policytext.themes.Featurizer(full.terms[short], full.idf[short])
    texts = [g["text"] for g in GOLD[:20]] + ["", "  ", "ABC abc"]
    vec = TfidfVectorizer(analyzer=partial(char_ngrams, ngram_range=(1, 3)), sublinear_tf=True,
                          vocabulary=featurizer.terms.tolist(), lowercase=False)
    vec.fit(["x"])
    vec.idf_ = featurizer.idf
    assert abs(vec.transform(texts) - featurizer.sparse(texts)).max() < 1e-6


def test_featurizer_counts_longer_terms_as_substrings():
    f = policytext.themes.Featurizer(["民主", "全过程人民民主", "人民民主"], np.ones(3), (2, 2))
    rows = f.rows(["发展全过程人民民主", "人民民主", "全过程"])
    assert rows.indices.tolist() == [0, 1, 2, 0, 2] and rows.indptr.tolist() == [0, 3, 5, 5]
    assert (np.char.str_len(default_model().featurizer.terms) > 3).sum() > 1000


def test_shipped_model_is_plain_arrays():
    path = ROOT / "policytext" / "data" / "themes" / "model.npz"
    with np.load(path, allow_pickle=False) as npz:
        assert {"meta", "classes", "vocabulary", "idf", "coef", "intercept"} <= set(npz.files)
        assert npz["classes"].tolist() == SPEC_IDS
        meta = json.loads(str(npz["meta"]))
        assert meta["format"] == "policytext-theme-model/1" and len(meta["calibration"]["bias"]) == 21


def test_stage_gives_cap_topic():
    from policytext.document import Article, Paragraph

    art = Article(paragraphs=[Paragraph(0, "加强数字政府建设，推进政务数据共享。"), Paragraph(1, "谢谢大家！")])
    rows = policytext.Pipeline(stages=["themes"]).rows(art)["paragraphs"]
    assert [(r["primary_theme"], r["cap_topic"]) for r in rows] == [("digital_governance", 17), ("none", None)]


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
    assert clf.predict(TEXTS[:2]).tolist() == [[1, 0, 0], [1, 0, 1]]
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


def test_calibrate_gives_multilabel_probabilities_and_none(tmp_path):
    greetings = ["谢谢大家！", "同志们：", "女士们、先生们！", "谢谢。"]
    tax = {"theme": [{"id": "housing", "seeds": ["住房", "小区"]}, {"id": "party", "seeds": ["党员", "党组织", "从严治党"]},
                     {"id": "none", "seeds": ["谢谢", "同志们", "女士们"]}]}
    clf = policytext.ThemeClassifier.bootstrap(HOUSING * 5 + PARTY * 5, tax, rounds=1, min_df=1, unlabelled=0)
    labels = [["housing"]] * 4 + [["party"]] * 4 + [["none"]] * 4
    clf.calibrate(TEXTS + greetings, labels, groups=list(range(12)), threshold=0.5)
    assert clf.multilabel_ and clf.model_.calibration.threshold == 0.5
    pred = clf.predict(["加装电梯，改善小区居住条件。", "谢谢大家。"])
    assert clf.classes_[pred[0] == 1].tolist() == ["housing"] and clf.classes_[pred[1] == 1].tolist() == ["none"]
    clf.save(tmp_path / "cal.npz")
    back = policytext.ThemeClassifier.load(tmp_path / "cal.npz")
    assert back.model_.calibration == clf.model_.calibration
    assert np.allclose(back.predict_proba(TEXTS), clf.predict_proba(TEXTS), atol=0.02)  # float16 weights
    with pytest.raises(TaxonomyError, match="unknown theme id 'city'"):
        clf.calibrate(TEXTS, [["city"]] * 8)


def test_default_classifier_predicts_an_indicator_array():
    clf = policytext.ThemeClassifier.default()
    pred = clf.predict(["稳定粮食播种面积，加强高标准农田建设。", "谢谢大家！"])
    assert pred.shape == (2, 21) and pred.sum(axis=1).min() >= 1
    assert clf.classes_[pred[1] == 1].tolist() == ["none"]
    assert 0 <= clf.score(["谢谢大家！"], [["none"]]) <= 1


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


def test_features_and_scores_of_a_long_run_of_texts_are_made_in_chunks_with_the_same_values(monkeypatch):
    from policytext.themes import model as theme_model

    seed = (ROOT / "corpora" / "guangming-2025-01-27.txt").read_text(encoding="utf-8")
    texts = [line for line in seed.splitlines() if line.strip()]
    featurizer = theme_model.default_model().featurizer
    whole = featurizer.rows(texts)
    monkeypatch.setattr(theme_model, "CHUNK_CHARS", 300)  # a few paragraphs at a time
    chunked = featurizer.rows(texts)
    assert len(whole.indptr) == len(texts) + 1 and len(whole.indices) > 1000
    for a, b in zip(whole, chunked):
        np.testing.assert_array_equal(a, b)
    scores = default_model().decision_function(texts)
    monkeypatch.setattr(theme_model, "BLOCK_NONZEROS", 50)  # the weights multiplied out a few rows at a time
    np.testing.assert_array_equal(default_model().decision_function(texts), scores)


def test_2026_news_ledes_and_future_industries():
    """Dev split: 人民日报 2026-07-04 ledes that only report a ceremony or a meeting are ``none`` (the content
    line after the meeting is foreign_affairs); a 新闻联播 2026-02-26 item on an embodied-AI park is about an
    industry (具身智能 and 人形机器人 are seed terms of ``industry``, not AI as a tool of governance)."""
    def primaries(name):
        texts = [p.text for a in policytext.read(ROOT / "corpora" / "blind" / "themes" / "dev" / f"{name}.txt")
                 for p in a.paragraphs]
        return [r[0].id for r in rank_themes(texts, context=True)]
    assert primaries("2026-07-04-rmrb-cmc-generals-promotion") == ["none", "none"]
    assert primaries("2026-07-04-rmrb-danish-king-meets-wang-yi") == ["none", "foreign_affairs"]
    assert primaries("2026-02-26-xwlb-embodied-ai-park") == ["industry"] * 3 + ["innovation"] + ["industry"] * 5
