"""Quotations: detection, kind, speaker, source and date on the seed and on small constructed
texts, one per pattern; offsets always cut out the text; linking across articles."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policytext
from policytext import link_quotations, quotations
from policytext.dates import find_dates, resolve
from policytext.document import Article, Paragraph, Quotation
from policytext.errors import InputError
from policytext.extract.quote_links import normalise_quote

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "guangming-2025-01-27.txt"
GOLD = ROOT / "tests" / "data" / "quotes_gold.jsonl"
FIELDS = ("text", "kind", "speaker", "source", "source_type", "date")


@pytest.fixture(scope="module")
def seed():
    return policytext.read(SEED)


def _row(q: Quotation) -> tuple:
    return tuple(getattr(q, f) for f in FIELDS)


def test_seed_matches_the_hand_made_gold_exactly(seed):
    gold = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    expected = [tuple(g[f] for f in FIELDS) for g in gold if g["file"] == "corpora/guangming-2025-01-27.txt"]
    got = [_row(q) for art in seed for q in art.quotations()]
    assert got == expected


def test_seed_counts_and_key_attributions(seed):
    first, second = (art.quotations() for art in seed)
    kinds1 = [q.kind for q in first]
    assert kinds1.count("direct") == 9 and kinds1.count("indirect") == 1
    assert [q.kind for q in second].count("direct") == 2 and [q.kind for q in second].count("indirect") == 1
    def starting(prefix: str) -> Quotation:
        return next(q for q in first if q.text.startswith(prefix))

    epigraph = starting("城，所以盛民也")
    assert (epigraph.kind, epigraph.speaker) == ("direct", None)
    plenum = starting("建立可持续的城市更新模式")
    assert (plenum.kind, plenum.speaker, plenum.source_type) == ("indirect", "党的二十届三中全会", "meeting")
    doc = starting("推动城市健康宜居安全发展")
    assert (doc.speaker, doc.source, doc.source_type, doc.date) == (
        "国家发展改革委", "《“十四五”新型城镇化实施方案》", "document", "2022-06")
    cq = [q for q in first if q.source == "重庆考察"]
    assert len(cq) == 2 and {q.date for q in cq} == {"2024-04"} and {q.speaker for q in cq} == {"习近平"}
    terms = {q.text for q in first if q.kind == "term"}
    assert {"城市病", "一老一小", "十四五", "打不垮", "源头减排、管网排放、蓄排并举、超标应急"} <= terms
    assert second[0].kind == "indirect" and second[0].text.startswith("科技成果转化为现实生产力")


def test_offsets_cut_out_the_text_on_the_seed(seed):
    for art in seed:
        for q in art.quotations():
            assert art.paragraphs[q.paragraph].text[q.start:q.end] == q.text


def one(text: str, index: int = 0) -> Quotation:
    return quotations(text)[index]


@pytest.mark.parametrize(
    "text, expected",
    [
        # quotation marks of every kind
        ("王建国表示：「我们会继续努力。」", ("我们会继续努力。", "direct", "王建国")),
        ('李明说: "要坚持下去。"', ("要坚持下去。", "direct", "李明")),
        ("有关专家表示，‘城市更新需要久久为功。’", ("城市更新需要久久为功。", "direct", None)),
        # a quotation before its introducer
        ("“每顿饭只花十来块钱，挺好挺方便。”居民孙立说。", ("每顿饭只花十来块钱，挺好挺方便。", "direct", "孙立")),
        # a document speaks for its issuer
        ("国务院于2024年7月底印发《行动计划》，提出要“推进城市更新”。", ("推进城市更新", "direct", "国务院")),
        # a meeting speaks when no person is named
        ("党的二十届三中全会提出，建立可持续的城市更新模式。", ("建立可持续的城市更新模式", "indirect", "党的二十届三中全会")),
        # generic speakers are not names
        ("网友纷纷留言：“太美了！”", ("太美了！", "direct", None)),
        # a term nobody is quoted as saying
        ("要着力解决“城市病”问题。", ("城市病", "term", None)),
    ],
)
def test_patterns(text, expected):
    q = one(text)
    assert (q.text, q.kind, q.speaker) == expected


def test_a_term_inside_reported_speech():
    qs = quotations("沈丹阳说，“改革”一词出现了40多次。")
    assert [(q.text, q.kind, q.speaker) for q in qs] == [
        ("“改革”一词出现了40多次", "indirect", "沈丹阳"), ("改革", "term", None)]


def test_several_quotations_after_one_introduction_share_it():
    qs = quotations("2024年4月，习近平总书记在重庆考察时强调，“要深入践行人民城市理念”“加快智慧城市建设步伐”。")
    assert [(q.text, q.speaker, q.source, q.source_type, q.date) for q in qs] == [
        ("要深入践行人民城市理念", "习近平", "重庆考察", "inspection", "2024-04"),
        ("加快智慧城市建设步伐", "习近平", "重庆考察", "inspection", "2024-04"),
    ]


def test_a_quotation_split_by_its_introducer():
    qs = quotations("“这项工作很重要，”王日春表示，“我们一定做好。”")
    assert [(q.text, q.speaker) for q in qs] == [("这项工作很重要，", "王日春"), ("我们一定做好。", "王日春")]


def test_nested_quotation_gets_its_own_speaker():
    qs = quotations("习近平总书记来到社区。张伟说：“总书记强调‘要抓落实’。”")
    assert [(q.text, q.kind, q.speaker, q.speaker_mention) for q in qs] == [
        ("总书记强调‘要抓落实’。", "direct", "张伟", "张伟"),
        ("要抓落实", "direct", "习近平", "总书记"),
    ]


def test_document_alias_resolves_to_its_issuer():
    q = one("国务院办公厅印发《关于推进养老服务的意见》（以下简称《意见》）。《意见》指出，要“加快建设养老服务体系”。")
    assert (q.speaker, q.source, q.source_type) == ("国务院办公厅", "《意见》", "document")


def test_titles_go_and_a_name_met_with_a_title_stays_the_same_person():
    assert one("记者见到了博物馆馆长苏涛。苏涛表示，“文物是历史的见证。”").speaker == "苏涛"
    q = one("记者见到了博物馆馆长苏涛。他表示，文物保护要久久为功。")
    assert (q.kind, q.speaker, q.speaker_mention) == ("indirect", "苏涛", "他")


def test_a_bare_meeting_reference_speaks_for_the_meeting_named_before():
    q = one("中央经济工作会议12月11日至12日在北京举行。会议指出，要实施更加积极有为的宏观政策。")
    assert (q.kind, q.speaker, q.speaker_mention, q.source_type, q.date) == (
        "indirect", "中央经济工作会议", "会议", "meeting", "--12-11")


@pytest.mark.parametrize(
    "text, source, source_type",
    [
        ("习近平总书记在给北京大学学生的回信中指出，“希望你们努力学习。”", "给北京大学学生的回信", "letter"),
        ("习近平总书记在庆祝中国共产党成立100周年大会上的讲话中指出：“江山就是人民。”", "庆祝中国共产党成立100周年大会", "speech"),
        ("习近平同志在《心无百姓莫为“官”》一文中写道：“对老百姓来说，小事都是大事。”", "《心无百姓莫为“官”》", "article"),
        ("习近平总书记在2020年4月召开的中央财经委员会第七次会议上指出：“要更好推进城镇化。”", "中央财经委员会第七次会议", "meeting"),
    ],
)
def test_sources(text, source, source_type):
    q = one(text)
    assert (q.speaker, q.source, q.source_type) == ("习近平", source, source_type)


def test_dates_relative_to_the_article_and_within_the_sentence():
    art = policytext.read_text("标题\n\n张三\n\n今年3月，王明表示，“要加油。”去年5月，他说，“继续努力。”\n（原载于2025年1月27日《光明日报》）")[0]
    assert [(q.text, q.speaker, q.date) for q in art.quotations()] == [
        ("要加油。", "王明", "2025-03"), ("继续努力。", "王明", "2024-05")]
    assert one("国务院于2024年7月底印发《行动计划》，提出要“推进城市更新”。").date == "2024-07"
    assert one("去年，王明表示，“要加油。”").date is None  # no article date: 去年 is unknown


def test_dates_come_from_the_parser_shared_with_the_reader():
    """One date parser (policytext.dates) for the reader and the quotation stage: what the reader
    reads (二〇二四年十二月三十一日) the quotation stage reads too, and a day alone counts from the
    article's date (a CCTV item of 2014-10-06, corpora/blind/quotes/dev)."""
    q = one("二〇一六年三月五日，李克强在会上指出，要坚持稳中求进。")
    assert (q.kind, q.date) == ("indirect", find_dates("二〇一六年三月五日")[0].iso) == ("indirect", "2016-03-05")
    text = "4号，新加坡外长尚穆根在接受《联合早报》专访时谈到及香港问题说：“西方媒体隐去(suppress)了一个事实。”"
    art = Article(paragraphs=[Paragraph(0, text)], source="2014-10-06-cctv-xwlb-occupy-central-opposition.txt")
    q = quotations(art)[0]
    assert (q.speaker, q.source, q.date) == ("尚穆根", "接受《联合早报》专访", "2014-10-04")
    assert q.date == resolve(find_dates(text, relative=True)[0], "2014-10-06")


def test_text_input_makes_one_paragraph_per_line_and_rejects_other_types():
    qs = quotations("第一段没有引语。\n\n王明说：“好！”")
    assert [(q.paragraph, q.text) for q in qs] == [(1, "好！")]
    with pytest.raises(InputError):
        quotations(42)  # type: ignore[arg-type]


QUOTE_CHARS = st.sampled_from(list("“”‘’「」『』《》\"，。：！？、") + ["习近平总书记强调：", "王明说", "指出，", "提出要", "会议"])
STRAY = st.lists(st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), QUOTE_CHARS, st.text(max_size=3)), max_size=120).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STRAY)
def test_offsets_always_cut_out_the_text_even_with_stray_marks(text):
    paras = [x.strip() for x in text.splitlines() if x.strip()]
    for q in quotations(text):
        assert paras[q.paragraph][q.start:q.end] == q.text
        assert q.kind in ("direct", "indirect", "turn", "term") and q.end > q.start


def test_link_quotations_groups_identical_and_near_identical_texts():
    a = Quotation("城市是人集中生活的地方，城市建设必须把人民宜居安居放在首位。", "direct", 0, 0, 1)
    b = Quotation("城市是人集中生活的地方,城市建设必须把人民宜居安居放在首位", "direct", 3, 0, 1)  # punctuation differs
    c = Quotation("城市是人集中生活的地方，城市建设必须把人民宜居安居放在首要位置。", "direct", 1, 0, 1)  # near-identical
    d = Quotation("发展新质生产力不是忽视、放弃传统产业。", "direct", 2, 0, 1)
    ids = link_quotations([a, b, c, d])
    assert ids[0] == ids[1] == ids[2] != ids[3]
    assert [q.quote_id for q in (a, b, c, d)] == ids
    assert link_quotations([d]) == [ids[3]]  # stable: the id is the hash of the normalised text
    assert normalise_quote("城市，是“人民”的！") == "城市是人民的"
    with pytest.raises(InputError):
        link_quotations([a], threshold=0)


def test_quotations_of_one_article_carry_ids(seed):
    assert all(q.quote_id and q.quote_id.startswith("q") for q in seed[0].quotations())


def test_an_article_or_document_named_before_speaks_through_its_author_or_issuer():
    q = one("第5期《求是》杂志将发表中共中央总书记、国家主席习近平的重要文章《锚定建成教育强国战略目标》。"
            "文章强调，建设教育强国是全面建成社会主义现代化强国的战略先导。")
    assert (q.kind, q.speaker, q.speaker_mention, q.source, q.source_type) == (
        "indirect", "习近平", "文章", "《锚定建成教育强国战略目标》", "article")
    q = one("国务院办公厅近日印发《关于进一步优化支付服务的意见》。意见指出，要坚持以人民为中心。")
    assert (q.speaker, q.source, q.source_type) == ("国务院办公厅", "《关于进一步优化支付服务的意见》", "document")


def test_the_author_speaking_in_the_first_person_is_not_a_quotation():
    assert quotations("我们认为，这是一条正确的道路。") == []


def test_government_report_phrasing_is_not_speech():
    assert quotations("认真落实省委十届历次全会部署，坚持稳中求进工作总基调。") == []
    assert [(q.kind, q.text) for q in quotations("加快国家部署的“高效办成一件事”重点事项落地。")] == [("term", "高效办成一件事")]
    assert [(q.kind, q.speaker) for q in quotations("主动为国分忧，正所谓“利于国者爱之，害于国者恶之”。")] == [("direct", None)]


def test_names_without_a_chinese_surname_before_the_verb():
    assert one("恩格斯说：“社会一旦有技术上的需要，这种需要就会比十所大学更能把科学推向前进。”").speaker == "恩格斯"
    assert one("越南社会科学院研究员邓氏翠河表示，两国推进互利合作是战略选择。").speaker == "邓氏翠河"



def test_an_article_whose_date_has_no_year_is_analysed():
    """A dateline gives a month and day only (date ``--01-05``): the stage must not compare it with
    a full date as if it had a year. The paragraph is from People's Daily, 1998-01-05, where it crashed."""
    import policytext

    (art,) = policytext.read_text(
        "催生高校学术骨干\n\n新华社北京1月5日电\n\n1986年11月，邓小平在接见著名数学家陈省身时提出，要培养年轻的科学家，"
        "要努力创造有利条件吸引优秀人员回国。根据邓小平讲话精神，在财政部的大力支持下，利用国家引进国外人才专项经费，"
        "国家教委于1987年设立了资助优秀教师基金。")
    assert art.date == "--01-05"
    (q,) = art.quotations()
    assert (q.kind, q.speaker, q.date) == ("indirect", "邓小平", "1986-11")
    assert q.text.startswith("要培养年轻的科学家")
