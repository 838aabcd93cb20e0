"""Key phrases hold at token boundaries, keyness shares their candidates and counts, and the
corpus statistics take stop words (issue 15)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import policytext

KP = importlib.import_module("policytext.extract.keyphrases")
ROOT = Path(__file__).resolve().parents[1]
DEV = Path("/work/shared/corpora/dev")


def _texts() -> list[str]:
    """The development texts: the blind gold's dev split, the seed, and the long reports."""
    files = sorted((ROOT / "corpora" / "blind" / "keyphrases" / "dev").glob("*.txt"))
    files += [ROOT / "corpora" / "guangming-2025-01-27.txt"]
    files += sorted(DEV.glob("*.txt"))[:6] if DEV.is_dir() else []
    return [f.read_text(encoding="utf-8") for f in files]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_no_phrase_cuts_a_token(texts):
    """Every key phrase is a run of whole tokens wherever it is counted: each counted occurrence
    starts and ends at a boundary of the shared tokens, or where a lexicon token puts a predicate
    before a lexicon term (因地制宜发展|新质生产力), which the phrase then is or begins with."""
    seg = policytext.segmentation.default_segmenter()
    lexicon = set(seg.lexicon_terms())
    checked = 0
    for text in texts:
        tokens = seg.tokens(text)
        starts = {t.start for t in tokens}
        ends = {t.end for t in tokens}
        inner = {t.start + len(t.text) - len(term) for t in tokens if t.text in lexicon
                 for term in lexicon & {t.text[i:] for i in range(1, len(t.text) - 1)}}
        for k in policytext.keyphrases(text, k=15):
            at = [i for i in range(len(text)) if text.startswith(k.phrase, i)]
            aligned = [i for i in at if (i in starts or i in inner) and i + len(k.phrase) in ends]
            assert len(aligned) >= k.count >= 1, (k.phrase, k.count, len(aligned))
            checked += 1
    assert checked >= 15 * len(texts) * 0.9


def test_no_fragments_of_the_issue(texts):
    bad = {"快发展", "好三大攻坚战", "好关键核心技术", "大差距", "大限度", "入选国", "大进展", "好势头", "会议指出", "会议强调"}
    for text in texts:
        assert not bad & {k.phrase for k in policytext.keyphrases(text, k=20)}


def test_own_province_is_not_key():
    anhui = (ROOT / "corpora/blind/keyphrases/dev/2026-anhui-government-work-report.txt").read_text(encoding="utf-8")
    top = [k.phrase for k in policytext.keyphrases(anhui, k=10)]
    assert not [p for p in top if p.startswith("安徽")]
    malaysia = policytext.read(ROOT / "corpora/blind/keyphrases/dev/2025-04-15-cctv-xi-signed-article-malaysia.txt")[0]
    assert "马来西亚" in [k.phrase for k in policytext.keyphrases(malaysia, k=10)]  # the text is about it: not demoted


def test_quoted_formulations_are_whole():
    doc = (ROOT / "corpora/blind/keyphrases/dev/2023-04-10-cctv-study-xi-selected-works-notice.txt").read_text(encoding="utf-8")
    assert "习近平著作选读" in [k.phrase for k in policytext.keyphrases(doc, k=5)]
    assert KP.candidates("坚持“两个确立”，做到“两个确立”").count("两个确立") == 2


def test_keyness_shares_the_key_phrase_counts(seed_articles):
    first, second = seed_articles
    df = policytext.keyness([second], [first], k=200).set_index("phrase")
    for k in policytext.keyphrases(second, k=20):
        if k.phrase in df.index:
            assert df.loc[k.phrase, "target_count"] == k.count
    phrases = list(df.index)
    for p in phrases:  # no two rows are pieces of one unit
        assert not any(KP._piece(p, q, KP.Counter(dict(df.target_count + df.reference_count))) for q in phrases if q != p)
    top = policytext.keyness([second], [first], k=10).phrase.tolist()  # the unit, though its pieces score higher
    assert "产业深度转型升级" in top and not {"深度转型升级", "产业深度"} & set(top)


def test_keyness_stopwords(seed_articles):
    first, second = seed_articles
    plain = policytext.keyness([second], [first], k=100000)
    stop = policytext.keyness([second], [first], k=100000, stopwords=["产业"])
    assert "产业" in set(plain.phrase) and "产业" not in set(stop.phrase)


def test_long_text_is_linear():
    """The same text twice: every phrase found in both is counted exactly twice as often."""
    text = (ROOT / "corpora/blind/keyphrases/dev/2026-beijing-government-work-report.txt").read_text(encoding="utf-8")
    one = {k.phrase: k.count for k in policytext.keyphrases(text, k=20)}
    two = {k.phrase: k.count for k in policytext.keyphrases(text + "\n" + text, k=20)}
    assert len(set(one) & set(two)) >= 8  # phrases used once become candidates in the doubled text
    assert all(two[p] == 2 * one[p] for p in one if p in two)


def _sentence(name: str, needle: str) -> str:
    """The sentence of a dev text that holds ``needle``."""
    text = (ROOT / "corpora/blind/keyphrases/dev" / name).read_text(encoding="utf-8")
    at = text.index(needle)
    start = max(text.rfind(c, 0, at) for c in "。；\n") + 1
    return text[start:text.index("。", at) + 1]


@pytest.mark.parametrize("name, phrase", [
    ("2025-06-21-cctv-three-north-shelterbelt.txt", "北方生态安全屏障"),  # a place modifies the noun
    ("2025-10-13-cctv-global-womens-summit.txt", "妇女全面发展"),  # an adverbial before a verbal noun
    ("2025-12-06-cctv-new-quality-productive-forces-growth.txt", "科技创新和产业创新"),  # parallel phrases
    ("2026-07-01-cctv-cpc-105th-anniversary-meeting.txt", "党的优秀特质"),  # the party's possessive
    ("2026-02-03-cctv-no1-central-document-2026.txt", "常态化精准帮扶"),  # the suffix 化
    ("2025-05-13-xi-china-celac-forum-keynote.txt", "中拉命运共同体"),  # 中 and a partner's one-character name
    ("2025-05-13-xi-china-celac-forum-keynote.txt", "拉美和加勒比国家"),  # two nouns sharing the head after them
    ("2024-05-30-xi-china-arab-states-forum-keynote.txt", "中阿合作论坛"),
    ("2026-06-15-cctv-party-building-symposium.txt", "习近平党建思想"),  # a leader's doctrine
    ("2026-06-15-cctv-party-building-symposium.txt", "新时代党的建设"),  # the party's possessive with its modifier
])
def test_candidate_forms_of_political_text(name, phrase):
    assert phrase in KP.candidates(_sentence(name, phrase))


def test_partner_and_doctrine_need_their_noun():
    assert not {"中拉", "中老"} & set(KP.candidates("从困境中拉出来，在中老年人中开展"))  # 中 as a locative, a word of its own
    assert "习近平" not in KP.candidates("习近平主持会议")  # a name alone begins no phrase


def test_clauses_are_no_candidates():
    sentence = _sentence("2026-02-03-cctv-no1-central-document-2026.txt", "扎实推进乡村全面振兴")
    found = KP.candidates(sentence)
    assert "乡村全面振兴" in found and "扎实推进乡村全面振兴" not in found  # an adjective before a verb with an object


@pytest.mark.skipif(not DEV.is_dir(), reason="development corpus not on this machine")
def test_a_stray_quotation_makes_no_term_of_a_free_word():
    # Fujian's 2025 report quotes “高水平” once (改革开放“高水平”迈出坚实步伐) and uses the words freely nine times more
    fujian = (DEV / "2025年福建省政府工作报告.txt").read_text(encoding="utf-8")
    assert fujian.count("高水平") > KP.QUOTED_SHARE * fujian.count("“高水平”") > 0
    assert "高水平" not in KP.candidates(fujian)
    assert KP.candidates("坚持“两个确立”，做到“两个确立”").count("两个确立") == 2  # a formulation the text quotes as it uses it


def _report(year: int) -> policytext.Article:
    name = {1998: "1998-03-05", 2011: "2011-03-05", 2013: "2013-03-05"}[year]
    return policytext.read(ROOT / f"corpora/blind/keyphrases/dev/{name}-gov-work-report-national-{year}.txt")[0]


def test_statistical_indicators_are_not_key():
    """A work report quotes its headline indicators with figures (国内生产总值增长7.5%左右): they name
    no subject of the report (session 7)."""
    top = [k.phrase for k in policytext.keyphrases(_report(2013), k=30)]
    assert not {"国内生产总值", "居民消费价格", "政府工作报告"} & set(top)
    assert "积极的财政政策" in top[:3]


def test_a_heading_phrase_used_once_is_a_candidate():
    """A phrase of a section heading (第七，积极推进政府机构改革) is a candidate though the body uses
    it once: the heading is the report's own outline (session 7)."""
    seg = policytext.segmentation.default_segmenter()
    _, _, found = KP._candidates(_report(1998), seg, None)
    assert "政府机构改革" in dict(found)


def test_a_verbal_noun_before_a_term_does_not_bind_it():
    """发展新质生产力 is a verb and its object: the term is key on its own (session 7)."""
    jilin = policytext.read(ROOT / "corpora/blind/keyphrases/dev/2026-jilin-government-work-report.txt")[0]
    assert "新质生产力" in [k.phrase for k in policytext.keyphrases(jilin, k=20)]


def test_a_light_verb_inside_makes_a_clause():
    """应邀对马来西亚进行国事访问: 进行 is a light verb, the words around it are subject and object."""
    assert KP.candidates("应邀对马来西亚进行国事访问") == ["马来西亚", "国事访问"]


def test_a_paragraph_opening_is_counted():
    """The first clause of a paragraph states its topic (实施稳健的货币政策。……; （二）进一步扩大内需特别是
    居民消费需求): the uses of a phrase there are counted as openings (session 7)."""
    seg = policytext.segmentation.default_segmenter()
    text, _, _ = KP._candidates(_report(2011), seg, None)
    assert [(text.stats[p].count, text.stats[p].openings) for p in ("稳健的货币政策", "积极的财政政策", "三农")] == [(1, 1), (2, 1), (7, 3)]


def test_the_rhetoric_of_progress_is_no_part_of_a_phrase():
    """构建中拉命运共同体新篇章: the "new chapter" is the aim of the sentence; the unit is the community
    (session 7)."""
    assert KP.candidates("构建中拉命运共同体新篇章") == ["中拉命运", "中拉命运共同体", "命运", "命运共同体", "共同体"]
    assert "妇女全面发展新进程" not in KP.candidates("开创妇女全面发展新进程")
