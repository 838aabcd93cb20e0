"""Key phrases, keyness and new-term discovery on real text (seed, external commentaries, dev corpus)."""

from __future__ import annotations

import importlib
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

import policytext
from policytext import Keyphrase, PolicytextError
from policytext.errors import InputError

KP = importlib.import_module("policytext.extract.keyphrases")
ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "keyphrases_gold.json"
DEV = Path("/work/shared/corpora/dev")
JUNK = {"推动", "通过", "加快", "发展", "建设", "提升", "实施", "推进", "加强", "重要", "我国", "总书记", "习近平总书记"}


@pytest.fixture(scope="module")
def seed_keyphrases(seed_articles):
    return [a.keyphrases(20) for a in seed_articles]


def test_seed_top10_holds_the_articles_terms(seed_keyphrases):
    first, second = ([k.phrase for k in kps[:10]] for kps in seed_keyphrases)
    assert {"城市更新", "宜居城市", "韧性城市", "智慧城市"} <= set(first)
    assert {"新质生产力", "产业深度转型升级", "传统产业"} <= set(second)
    assert "城市更新" in first[:5] and second[0] == "新质生产力"


def test_merged_phrase_is_not_a_lexicon_term():
    # 产业深度转型升级 comes from merging 产业/深度/转型/升级, not from the lexicon
    assert "产业深度转型升级" not in policytext.Segmenter().lexicon_terms()
    assert "产业深度转型升级" in KP.candidates("推动产业深度转型升级，培育新质生产力")
    assert policytext.segment("产业深度转型升级") == ["产业", "深度", "转型", "升级"]


def test_records_are_exact(seed_articles, seed_keyphrases):
    for art, kps in zip(seed_articles, seed_keyphrases):
        assert len(kps) == 20 and all(isinstance(k, Keyphrase) for k in kps)
        assert kps[0].score == 1.0
        assert all(a.score >= b.score > 0 for a, b in zip(kps, kps[1:]))
        for k in kps:  # counts at token boundaries: never more than the literal occurrences
            assert k.phrase in art.text and 1 <= k.count <= art.text.count(k.phrase)
        assert len({k.phrase for k in kps}) == 20
    by_phrase = {k.phrase: k for k in seed_keyphrases[0]}
    assert by_phrase["城市更新"].count == 28  # and 11 times inside the term 城市更新行动
    assert by_phrase["城市更新行动"].count == 11


def test_no_junk_and_no_fragments(seed_keyphrases):
    for kps in seed_keyphrases:
        phrases = [k.phrase for k in kps]
        assert not JUNK & set(phrases)
        assert not any(re.search(r"\d", p) for p in phrases)
        assert all(len(p) >= 2 for p in phrases)
    second = [k.phrase for k in seed_keyphrases[1]]
    for fragment in ("新质", "深度转型", "深度转型升级", "转型升级", "产业深度", "发展新质生产力", "传统产业深度转型升级"):
        assert fragment not in second


def test_sub_phrase_kept_only_when_used_on_its_own(seed_articles, seed_keyphrases):
    for art, kps in zip(seed_articles, seed_keyphrases):
        top = [k.phrase for k in kps[:10]]
        for sub in top:
            for sup in top:
                if sub != sup and sub in sup:
                    outside = art.text.count(sub) - art.text.count(sup) * sup.count(sub)
                    assert outside >= max(2, 0.25 * art.text.count(sub)), (sub, sup)
    top = [k.phrase for k in seed_keyphrases[0][:10]]
    assert "城市更新" in top and "城市更新行动" in top  # both terms: 城市更新 mostly occurs on its own


def test_component_word_is_not_a_key_phrase(seed_keyphrases):
    # 城市 and 产业 are the shared parts of the chosen terms, not terms of their own
    assert "城市" not in [k.phrase for k in seed_keyphrases[0]]
    assert "产业" not in [k.phrase for k in seed_keyphrases[1]]


def test_plain_text_and_k(seed_articles):
    text = seed_articles[1].text
    kps = policytext.keyphrases(text, k=5)
    assert len(kps) == 5 and {"新质生产力", "产业深度转型升级"} <= {k.phrase for k in kps}
    assert all(k.phrase in text for k in kps)
    assert policytext.keyphrases("", k=3) == []
    assert policytext.keyphrases("。，", k=3) == []
    with pytest.raises(PolicytextError):
        policytext.keyphrases(text, k=0)
    with pytest.raises(InputError):
        policytext.keyphrases(b"bytes")  # type: ignore[arg-type]


def test_json_record_carries_keyphrases(seed_articles):
    record = seed_articles[0].to_dict()
    assert record["keyphrases"][0]["score"] == 1.0
    assert {"phrase": "城市更新行动", "count": 11}.items() <= next(k for k in record["keyphrases"] if k["phrase"] == "城市更新行动").items()
    assert len(record["keyphrases"]) == 20


def test_verb_wrapped_lexicon_term_yields_the_term():
    # a lexicon token 因地制宜发展新质生产力 (if the user adds one) counts as 新质生产力
    seg = policytext.Segmenter(terms=["因地制宜发展新质生产力"])
    assert seg.segment("要因地制宜发展新质生产力") == ["要", "因地制宜发展新质生产力"]
    assert KP.phrases(seg.tagged("要因地制宜发展新质生产力"), seg) == ["新质生产力"]
    assert KP.phrases(seg.tagged("城市更新行动"), seg) == ["城市更新行动"]


def test_background_frequencies():
    n_docs, df = KP._background()
    assert n_docs > 20000
    assert df["城市"] > df["城市更新"] > 0
    assert "１９９８年" not in df  # full-width digits folded
    assert KP._idf("城市") < KP._idf("城市更新") < KP._idf("不存在的短语甲乙") == 1.0


def test_beats_jieba_on_gold():
    """The benchmark's figures, in small: policytext's precision@10 on the gold lists is well
    above jieba.analyse.extract_tags's."""
    import jieba.analyse

    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    assert len(gold) >= 6
    ours = theirs = 0.0
    for item in gold:
        art = max(policytext.read(ROOT / item["file"]), key=lambda a: a.text.count(item["anchor"]))
        assert all(g in art.text for g in item["gold"])
        ours += len({k.phrase for k in policytext.keyphrases(art, k=10)} & set(item["gold"])) / 10
        theirs += len(set(jieba.analyse.extract_tags(art.text, topK=10)) & set(item["gold"])) / 10
    assert ours / len(gold) >= 0.55
    assert ours / len(gold) >= theirs / len(gold) + 0.3


# ---------------------------------------------------------------- keyness

def _g2_williams(a: float, b: float, c: float, d: float) -> float:
    obs = [a, b, c, d]
    n = a + b + c + d
    exp = [(a + b) * (a + c) / n, (a + b) * (b + d) / n, (c + d) * (a + c) / n, (c + d) * (b + d) / n]
    g2 = 2 * sum(o * math.log(o / e) for o, e in zip(obs, exp) if o > 0)
    q = 1 + (n / (a + b) + n / (c + d) - 1) * (n / (a + c) + n / (b + d) - 1) / (6 * n) if a * b * c * d else 1
    return g2 / q


def test_keyness_log_likelihood(seed_articles):
    first, second = seed_articles
    df = policytext.keyness([second], [first], k=30)
    assert list(df.columns) == ["phrase", "statistic", "measure", "p_value", "target_count", "reference_count"]
    assert len(df) == 30 and (df.measure == "ll").all()
    assert {"传统产业", "新质生产力", "产业链"} <= set(df.phrase)
    assert (df.statistic.diff().dropna() <= 0).all() and (df.statistic > 0).all()
    full = policytext.keyness([second], [first], k=100000)
    ta, rb = full.attrs["target_total"], full.attrs["reference_total"]
    row = full.set_index("phrase").loc["传统产业"]
    assert row.target_count == 20 and row.reference_count == 0
    assert row.statistic == pytest.approx(_g2_williams(20, 0, ta - 20, rb))
    from scipy.stats import chi2

    assert row.p_value == pytest.approx(chi2.sf(row.statistic, 1))
    city = full.set_index("phrase").loc["城市更新"]
    assert city.statistic < 0 and city.reference_count > city.target_count
    assert "深度转型" not in set(full.phrase)  # never outside 产业深度转型升级: not a feature


def test_keyness_chi2_matches_scipy(seed_articles):
    from scipy.stats import chi2_contingency

    first, second = seed_articles
    full = policytext.keyness(first, second, measure="chi2", k=100000)
    ta, rb = full.attrs["target_total"], full.attrs["reference_total"]
    rows = full.set_index("phrase")
    for phrase, small in (("城市更新", False), ("未来产业", True)):
        a, b = rows.loc[phrase, "target_count"], rows.loc[phrase, "reference_count"]
        table = [[a, b], [ta - a, rb - b]]
        # quanteda's rule: Yates' correction only when an expected count is below 5
        assert (chi2_contingency(table)[3] < 5).any() == small
        assert abs(rows.loc[phrase, "statistic"]) == pytest.approx(chi2_contingency(table, correction=small)[0])
    assert rows.loc["城市更新", "statistic"] > 0 > rows.loc["未来产业", "statistic"]
    with pytest.raises(PolicytextError, match="measure"):
        policytext.keyness(first, second, measure="pmi")
    with pytest.raises(InputError):
        policytext.keyness([], [second])


# ---------------------------------------------------------------- new terms

DEV_FILES = ["2025年陕西省政府工作报告.txt", "2025年贵州省政府工作报告.txt", "2025年甘肃省政府工作报告.txt"]
OLD_FILES = ["2016年国务院政府工作报告.txt", "2017年国务院政府工作报告.txt", "2018年国务院政府工作报告.txt",
             "2019年国务院政府工作报告.txt"]
# formulations that the 2025 reports use and the 2016-2019 reports do not
NEW_SINCE_2020 = ["算力", "绿电", "建成投运", "六大产业基地", "新能源电池", "地方债务"]
ORDINARY = ["基础设施", "科技创新", "人民群众", "请予审议", "表示诚挚感谢", "的", "办好", "各位代表", "一年来"]


@pytest.fixture(scope="module")
def dev_texts():
    if not DEV.is_dir():
        pytest.skip("the dev corpus is not on this machine")
    return [(DEV / f).read_text(encoding="utf-8") for f in DEV_FILES]


@pytest.fixture(scope="module")
def old_texts():
    if not DEV.is_dir():
        pytest.skip("the dev corpus is not on this machine")
    return [(DEV / f).read_text(encoding="utf-8") for f in OLD_FILES]


def test_new_terms_against_earlier_reports(dev_texts, old_texts):
    """2025 provincial reports against the national reports of 2016-2019: what the earlier
    reports, the dictionary or the lexicon know is not new."""
    lexicon = set(policytext.Segmenter().lexicon_terms())
    df = policytext.new_terms(dev_texts, min_count=5, k=60, background=old_texts)
    assert list(df.columns) == ["term", "count", "pmi", "left_entropy", "right_entropy", "score"]
    assert 0 < len(df) <= 60 and df.term.is_unique
    assert (df["count"] >= 5).all() and (df.pmi > 0).all()
    assert (df.left_entropy > 0).all() and (df.right_entropy > 0).all()
    assert (df.score.diff().dropna() <= 0).all()
    assert not set(df.term) & lexicon
    earlier = "\n".join(old_texts)
    assert not [t for t in df.term if t in earlier]
    assert all(len(t) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", t) for t in df.term)
    joined = "".join(dev_texts)
    assert all(joined.count(t) >= c for t, c in zip(df.term, df["count"]))
    assert len(set(NEW_SINCE_2020) & set(df.term)) >= 4
    assert not set(ORDINARY) & set(df.term)


def test_new_terms_default_background(dev_texts):
    """Against the shipped background (which holds these reports) the ordinary vocabulary of
    the issue is not new."""
    df = policytext.new_terms(dev_texts, min_count=5, k=200)
    assert not set(ORDINARY) & set(df.term)


def test_new_terms_add_in_one_call(dev_texts, old_texts, tmp_path):
    """policytext.add_terms(df.term) adds the found terms; run in a subprocess so that the
    lexicon of this test session stays as shipped."""
    src, bg = tmp_path / "dev.txt", tmp_path / "old.txt"
    src.write_text(dev_texts[0], encoding="utf-8")
    bg.write_text("\n".join(old_texts), encoding="utf-8")
    code = (
        "import policytext, sys\n"
        f"text = open({str(src)!r}, encoding='utf-8').read()\n"
        f"old = open({str(bg)!r}, encoding='utf-8').read()\n"
        "df = policytext.new_terms([text], min_count=3, k=60, background=[old])\n"
        "term = df.term.iloc[0]\n"
        "before = policytext.segment(term)\n"
        "added = policytext.add_terms(df.term)\n"
        "print(len(before), added, len(df), policytext.segment('要' + term + '。'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    n_before, added, n_terms, words = out.stdout.split(" ", 3)
    assert int(n_before) > 1 and int(added) == int(n_terms)
    assert len(eval(words)) == 3  # '要', the term whole, '。'


def test_new_terms_arguments():
    with pytest.raises(PolicytextError):
        policytext.new_terms(["文本"], min_count=1)
    with pytest.raises(InputError):
        policytext.new_terms([])
    assert policytext.new_terms(["城市更新"], min_count=2).empty
