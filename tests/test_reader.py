"""Reading raw commentary text into articles: the seed exactly, layout rules on variants, bad input."""

import codecs

import pytest

import policytext
from policytext import InputError


def test_seed_metadata(seed_articles):
    a, b = seed_articles
    assert len(seed_articles) == 2
    assert a.title == "加快实施城市更新行动 打造宜居、韧性、智慧城市"
    assert b.title == "以产业深度转型升级推动新质生产力加快发展"
    assert (a.author, b.author) == ("王从春", "曹宏宏")
    assert a.affiliation == "上海大学副校长、上海城市更新与可持续发展研究院院长"
    assert b.affiliation == "福建省习近平新时代中国特色社会主义思想研究中心特约研究员、华侨大学马克思主义学院院长"
    assert a.publication == b.publication == "光明日报"
    assert a.date == b.date == "2025-01-27"
    assert (a.id, b.id) == ("guangming-2025-01-27#1", "guangming-2025-01-27#2")


def test_seed_structure(seed_articles):
    a, b = seed_articles
    assert a.sections == ["打造宜居城市，助力人民高品质生活", "打造韧性城市，统筹发展与安全", "打造智慧城市，实现高水平治理"]
    assert b.sections == []
    assert (len(a.paragraphs), len(b.paragraphs)) == (16, 9)
    texts = [p.text for p in a.paragraphs + b.paragraphs]
    assert not any(t in ("资料图片", "二") for t in texts)
    assert any("决定任何一种产业难以仅凭一己之力" in t for t in texts)
    assert any("但是它们仍然是两种不同产业形态，战略性新兴产业是随着" in t for t in texts)
    assert a.paragraphs[0].section is None and a.paragraphs[1].section == a.sections[0]
    assert a.paragraphs[6].section == a.sections[1] and a.paragraphs[6].text.startswith("打造韧性城市是")
    assert [p.index for p in a.paragraphs] == list(range(16))
    assert all(p.text[-1] in "。”" for p in a.paragraphs + b.paragraphs)


VARIANT = """推进城乡融合发展

李明

城乡融合发展是中国式现代化的必然要求。要坚持以人为本，推进新型城镇化，促进城乡要素平等交换、双向流动，

增强县城综合承载能力。

图为某县城新貌。

新华社记者 张三 摄

三

健全城乡融合发展体制机制

2023年12月，中央经济工作会议提出，要统筹新型城镇化和乡村全面振兴。这一部署的意义在于，它把城和乡作为一个整

体来谋划。
（作者系某大学教授）
（原载于3月5日《人民日报》）
"""


def test_layout_rules_on_a_variant():
    (art,) = policytext.read_text(VARIANT, source="x/variant.txt")
    assert art.title == "推进城乡融合发展" and art.author == "李明"
    assert art.sections == ["健全城乡融合发展体制机制"]
    assert len(art.paragraphs) == 2
    assert art.paragraphs[0].text.endswith("双向流动，增强县城综合承载能力。")
    assert art.paragraphs[1].text.endswith("它把城和乡作为一个整体来谋划。")
    assert art.affiliation == "某大学教授" and art.publication == "人民日报"
    assert art.date == "2024-03-05"  # latest mentioned date 2023-12 → next 3月5日 is in 2024
    assert art.id == "variant#1"


def test_year_left_out_when_text_gives_no_date():
    text = VARIANT.replace("2023年12月，", "")
    assert policytext.read_text(text)[0].date == "--03-05"


def test_year_left_out_when_inconsistent():
    # the latest full date (2010-12) would give 2011, but the text already speaks of 2023
    text = VARIANT.replace("2023年12月", "2010年12月").replace("增强县城", "2023年增强县城")
    assert policytext.read_text(text)[0].date == "--03-05"


def test_full_date_in_source_line():
    text = VARIANT.replace("（原载于3月5日《人民日报》）", "（原载于2022年3月5日《求是》）")
    art = policytext.read_text(text)[0]
    assert (art.publication, art.date) == ("求是", "2022-03-05")


def test_paragraph_that_cannot_start_a_sentence_is_joined():
    text = "标题\n\n作者\n\n这是第一句。第二句讲的是新质生产力的\n\n发展，以及它的意义。\n"
    (art,) = policytext.read_text(text)
    assert [p.text for p in art.paragraphs] == ["这是第一句。第二句讲的是新质生产力的发展，以及它的意义。"]


def test_short_line_between_paragraphs_is_a_heading():
    text = "标题\n\n第一段讲城市更新。\n\n二、城市更新的路径\n\n第二段讲路径。\n"
    (art,) = policytext.read_text(text)
    assert art.sections == ["二、城市更新的路径"]
    assert [p.section for p in art.paragraphs] == [None, "二、城市更新的路径"]


def test_title_only():
    (art,) = policytext.read_text("以新发展理念引领高质量发展\n")
    assert art.title == "以新发展理念引领高质量发展" and art.paragraphs == []


def test_one_paragraph_per_line_crlf_and_fullwidth_indent():
    text = "标题\r\n\u3000\u3000第一段。\r\n\u3000\u3000第二段。\r\n\u3000\u3000第三段。\r\n"
    (art,) = policytext.read_text(text)
    assert art.title == "标题"
    assert [p.text for p in art.paragraphs] == ["第一段。", "第二段。", "第三段。"]


def test_peoples_daily_header_style():
    text = (
        "推动相关课程覆盖小学、初中\n\n武汉将国家安全知识融入教学（解码·思政课怎么上）\n\n"
        "本报记者  田豆豆  辛  阳《人民日报》（2025年04月15日第 12 版）\n\n正文第一段。\n"
    )
    (art,) = policytext.read_text(text)
    assert art.title == "武汉将国家安全知识融入教学（解码·思政课怎么上）"
    assert art.subtitle == "推动相关课程覆盖小学、初中"
    assert art.author == "田豆豆、辛阳"
    assert (art.publication, art.date) == ("人民日报", "2025-04-15")


@pytest.mark.parametrize("encoding,prefix", [("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("utf-8", b"")])
def test_encodings(tmp_path, seed_path, encoding, prefix):
    f = tmp_path / "seed.txt"
    f.write_bytes(prefix + seed_path.read_text("utf-8").encode(encoding))
    arts = policytext.read(f)
    assert [a.title for a in arts] == [a.title for a in policytext.read(seed_path)]
    assert arts[0].paragraphs[0].text.startswith("“城，所以盛民也")


def test_explicit_encoding(tmp_path):
    f = tmp_path / "big5.txt"
    f.write_bytes("標題\n\n內容。".encode("big5"))
    assert policytext.read(f, encoding="big5")[0].title == "標題"


@pytest.mark.parametrize(
    "make,reason",
    [
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), "binary"),
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_bytes(b"  \n\n "), "empty"),
        (lambda p: p.mkdir(), "directory"),
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(b"abc" + bytes([0xFD, 0xFF]) * 10), "UTF-8"),
    ],
)
def test_bad_input_names_file_and_reason(tmp_path, make, reason):
    p = tmp_path / "bad.txt"
    make(p)
    with pytest.raises(InputError) as exc:
        policytext.read(p)
    assert str(p) in str(exc.value) and reason in str(exc.value)


def test_non_chinese_text():
    arts = policytext.read_text("Hello world\n\nThis is an English paragraph. It has two sentences.\n")
    assert arts[0].title == "Hello world"
    assert arts[0].paragraphs[0].text.startswith("This is")


def test_read_text_rejects_bytes():
    with pytest.raises(InputError):
        policytext.read_text(b"abc")  # type: ignore[arg-type]


@pytest.mark.parametrize("byline", ["国务院总理　李克强", "国务院总理李克强", "陕西省省长 赵刚"])
def test_speech_byline_gives_speaker_and_office(byline):
    text = f"政府工作报告\n2025年1月16日在省人民代表大会第三次会议上\n{byline}\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n"
    (art,) = policytext.read_text(text)
    assert art.title == "政府工作报告"
    assert art.subtitle == "2025年1月16日在省人民代表大会第三次会议上"
    name = byline.split()[-1][-3:]
    assert art.author == name and art.affiliation == byline[: -3].strip()
    assert [p.text for p in art.paragraphs] == ["各位代表：", "现在，我代表省人民政府向大会报告工作。"]


def test_source_line_below_headline_does_not_end_the_article():
    text = "2025年某省政府工作报告\n来源：某省日报\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n一、工作回顾\n过去一年成绩显著。\n"
    (art,) = policytext.read_text(text)
    assert art.publication == "某省日报" and art.sections == ["一、工作回顾"]
    assert len(art.paragraphs) == 3


@pytest.mark.parametrize("title", ["反餐饮浪费，机关食堂怎么做？（民生一线）", "国务院办公厅印发《关于做好金融“五篇大文章”的指导意见》"])
def test_headline_ending_with_question_or_book_title(title):
    text = f"{title}\n\n《人民日报》（2025年05月20日第 13 版）\n\n勤俭节约是中华民族的优秀传统。\n\n——编  者\n\n第二段。\n"
    (art,) = policytext.read_text(text)
    assert art.title == title and art.date == "2025-05-20"
    assert [p.text for p in art.paragraphs] == ["勤俭节约是中华民族的优秀传统。", "第二段。"]
