"""Property-based robustness: reading, segmenting and analysing arbitrary text never crashes,
words rejoin to the text, and every reported span cuts out the text reported with it."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policytext
from policytext.cli import analysis_record

CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
MARKS = st.sampled_from(list("“”‘’「」『』《》\"'（）()，。！？；：、—…\n \u3000\r\t") + ["\r\n", "\n\n"])
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
WORDS = st.sampled_from(["新质生产力", "习近平总书记强调，", "指出：", "城市更新", "表示", "《意见》", "2024年12月5日", "（作者系某大学教授）", "（原载于1月27日《光明日报》）"])
MIXED = st.lists(st.one_of(CHINESE, MARKS, ASCII, WORDS), max_size=200).map("".join)
ANY = st.one_of(st.text(max_size=300), MIXED)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(ANY)
def test_read_text_never_crashes(text):
    for art in policytext.read_text(text):
        for p in art.paragraphs:
            assert p.text and p.text == p.text.strip()


@SETTINGS
@given(ANY)
def test_jieba_words_rejoin(text):
    assert "".join(policytext.segment(text)) == text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY)
def test_pkuseg_words_rejoin(text):
    assert "".join(policytext.segment(text, engine="pkuseg")) == text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MIXED)
def test_analysis_spans_are_exact(text):
    arts = policytext.read_text(text)
    rec = json.loads(json.dumps(analysis_record(arts, "<text>"), ensure_ascii=False))
    for a in rec["articles"]:
        body = "\n".join(p["text"] for p in a["paragraphs"])
        for q in a["quotations"]:
            assert a["paragraphs"][q["paragraph"]]["text"][q["start"]:q["end"]] == q["text"]
        for k in a["keyphrases"]:
            assert k["phrase"] in body or k["phrase"] in (a["title"] or "")
            assert k["count"] >= 1


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.sampled_from("城市更新新质生产力“”。，\n"), min_size=1, max_size=4000))
def test_very_long_lines(text):
    line = text.replace("\n", "") * 5
    arts = policytext.read_text(line)
    assert "".join(policytext.segment(line)) == line
    assert sum(len(p.text) for a in arts for p in a.paragraphs) <= len(line)
