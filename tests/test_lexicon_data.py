"""Checks on the political lexicon shipped as data in policytext/data/lexicon/."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

LEXICON_DIR = Path(__file__).resolve().parent.parent / "policytext" / "data" / "lexicon"
FILES = ("formulations.txt", "meetings.txt", "institutions.txt", "titles.txt", "leaders.txt")
CJK = re.compile(r"[\u4e00-\u9fff]")


def entries(name: str) -> list[str]:
    """Entries of one lexicon file, in order, without comments and blank lines."""
    lines = (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def all_entries() -> set[str]:
    return {e for name in FILES for e in entries(name)}


def test_folder_holds_exactly_the_expected_files():
    assert sorted(p.name for p in LEXICON_DIR.glob("*.txt")) == sorted(FILES)
    assert (LEXICON_DIR / "SOURCES.md").is_file()


@pytest.mark.parametrize("name", FILES)
def test_file_opens_with_a_comment_and_is_valid_utf8(name):
    raw = (LEXICON_DIR / name).read_bytes()
    text = raw.decode("utf-8")  # raises on invalid UTF-8
    assert not text.startswith("\ufeff"), "no byte-order mark"
    assert text.splitlines()[0].startswith("# ")


@pytest.mark.parametrize("name", FILES)
def test_entries_are_unique_and_clean(name):
    items = entries(name)
    duplicates = sorted({e for e in items if items.count(e) > 1})
    assert duplicates == []
    for entry in items:
        assert not re.search(r"\s", entry), f"whitespace in {entry!r}"
        assert len(entry) >= 2, f"single character {entry!r}"
        assert CJK.search(entry), f"no Chinese character in {entry!r}"
        # punctuation that text puts around or inside formulations is never part of an entry;
        # the middle dot of transcribed names is excluded because jieba cannot keep such a word whole
        assert not re.search(r"[“”‘’\"'、，。；：（）《》·]", entry), f"punctuation in {entry!r}"


def test_total_size():
    counts = {name: len(entries(name)) for name in FILES}
    assert sum(counts.values()) >= 500
    assert min(counts.values()) >= 150


@pytest.mark.parametrize("term, name", [
    ("新质生产力", "formulations.txt"),
    ("城市更新", "formulations.txt"),
    ("城市更新行动", "formulations.txt"),
    ("韧性城市", "formulations.txt"),
    ("平急两用", "formulations.txt"),
    ("以人为本", "formulations.txt"),
    ("全过程人民民主", "formulations.txt"),
    ("15分钟生活圈", "formulations.txt"),
    ("二十届三中全会", "meetings.txt"),
    ("中央经济工作会议", "meetings.txt"),
    ("中央财经委员会第七次会议", "meetings.txt"),
    ("十二届全国人大四次会议", "meetings.txt"),
    ("国家发展改革委", "institutions.txt"),
    ("住房和城乡建设部", "institutions.txt"),
    ("中共中央办公厅", "institutions.txt"),
    ("国家数据局", "institutions.txt"),
    ("总书记", "titles.txt"),
    ("副校长", "titles.txt"),
    ("习近平", "leaders.txt"),
    ("李强", "leaders.txt"),
])
def test_required_terms_present(term, name):
    assert term in entries(name)


def test_meeting_series_are_complete():
    meetings = set(entries("meetings.txt"))
    numerals = "一二三四五六七"
    for term in ("十八届", "十九届", "二十届"):
        assert {f"{term}{n}中全会" for n in numerals} <= meetings
    for term in ("十二届", "十三届", "十四届"):
        assert {f"{term}全国人大{n}次会议" for n in numerals[:5]} <= meetings
        assert {f"全国政协{term}{n}次会议" for n in numerals[:5]} <= meetings
    assert {"中央财经委员会第一次会议", "中央财经委员会第十次会议", "中央财经委员会第十一次会议"} <= meetings
    assert "中央全面深化改革领导小组第三十八次会议" in meetings


def test_ministry_names_do_not_cut_department_words():
    """A greedy matcher must find 教育部门 before 教育部 (+门)."""
    institutions = set(entries("institutions.txt"))
    for ministry in ("外交部", "教育部", "公安部", "民政部", "司法部", "财政部", "商务部", "水利部",
                     "自然资源部", "生态环境部", "交通运输部", "农业农村部", "应急管理部"):
        assert ministry in institutions
        assert ministry + "门" in institutions


def test_short_forms_that_cut_common_words_are_absent():
    # 其中共有 / 集中办理 / 中央行政 / 人民进行 would be cut by these
    assert all_entries().isdisjoint({"中共", "中办", "国办", "央行", "民进", "民建", "民革", "人大"})


def test_generic_words_are_absent():
    assert all_entries().isdisjoint({"发展", "建设", "改革", "经济", "政府", "代表", "领导", "委员会"})


def test_verb_led_formulations_are_entered_by_their_object():
    """推动高质量发展 would swallow the verb; the entry is 高质量发展."""
    everything = all_entries()
    verbs = ("推动", "推进", "构建", "实施", "加快", "发展", "打赢", "打好", "扎实推进", "全面推进",
             "积极应对", "弘扬", "铸牢", "优化", "深化", "扩大", "共建", "贯彻", "坚持")
    wrapped = [e for e in entries("formulations.txt")
               for v in verbs if e.startswith(v) and e[len(v):] in everything]
    assert wrapped == []
    assert {"高质量发展", "人类命运共同体", "城市更新行动", "中华民族共同体意识"} <= everything


def test_leaders_are_names_not_titles():
    titles = set(entries("titles.txt"))
    for name in entries("leaders.txt"):
        assert name not in titles
        assert 2 <= len(name.replace("·", "")) <= 10
        assert not any(name.endswith(t) for t in ("书记", "主席", "总理", "部长")), name


def test_sources_table_matches_the_files():
    table = (LEXICON_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for name in FILES:
        row = re.search(rf"\| `{re.escape(name)}` \|[^|]*\| (\d+) \|", table)
        assert row, f"{name} missing from the SOURCES.md table"
        assert int(row.group(1)) == len(entries(name)), name
