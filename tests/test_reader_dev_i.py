"""The reader on Markdown posts of a news archive kept as .txt (dev set i, session 6: a repository
new to the reader): front matter, headline, captions, boxes, source lines, bylines and sign-offs."""

from pathlib import Path

import pytest

import policytext

DEV = Path(__file__).resolve().parents[1] / "corpora" / "blind" / "reader" / "dev"
pytestmark = pytest.mark.skipif(not (DEV / "i-terminus-2018-08-28-bjnews-ziroom-formaldehyde-commentary.txt").exists(),
                                reason="no reader dev set i in this checkout")


def post(name: str) -> policytext.Article:
    (art,) = policytext.read(DEV / name)
    return art


def test_front_matter_title_source_line_byline_and_signoff_of_a_commentary():
    art = post("i-terminus-2018-08-28-bjnews-ziroom-formaldehyde-commentary.txt")
    assert art.title == "自如甲醛又超标，“图财害命”到何时？ | 新京报快评"  # the front matter's title:
    assert (art.author, art.affiliation, art.publication, art.date) == ("于平", "媒体人", "新京报评论", None)
    assert art.genre == "commentary"  # signed by a 媒体人, not a scholar: not theory
    texts = [p.text for p in art.paragraphs]
    assert len(texts) == 8 and texts[0].startswith("据报道，2017年4月，刘雅") and texts[-1].endswith("生命健康为代价。")
    reasons = {d.text: d.reason for d in art.dropped}
    assert reasons["快速周转、压缩成本可以理解，但决不能把租客当成甲醛测试仪。"] == "summary"  # the > box
    assert reasons["于平（媒体人）"] == "byline"
    assert reasons["2017年12月11日，新京报版面"] == "caption"  # <figcaption>


def test_a_link_broken_over_two_lines_and_a_column_with_subheads():
    art = post("i-terminus-2019-12-08-bjnews-zhenyuan-library-book-burning-commentary.txt")
    assert (art.author, art.affiliation, art.publication, len(art.paragraphs)) == ("任然", "媒体人", "新京报", 12)
    col = post("i-terminus-2019-10-25-bjnews-container-deaths-column.txt")
    assert col.sections == ["剧情有些相似的多佛尔惨剧*", "此事的真相必须揭开"]  # ## headings, not 文 陶短房
    assert (col.author, col.affiliation, col.genre, len(col.paragraphs)) == ("陶短房", "专栏作家", "commentary", 29)


def test_outlet_in_brackets_with_its_reporter_opens_the_first_paragraph():
    art = post("i-terminus-2018-05-08-caixin-nanping-detainee-death.txt")  # 【财新网】（记者 崔先康）福建省……
    assert (art.author, art.publication, art.dateline) == ("崔先康", "财新网", None)
    assert art.paragraphs[0].text.startswith("福建省南平市一名45岁的男子")


def test_interview_in_turns_of_the_magazine_and_the_interviewee():
    art = post("i-terminus-2018-04-06-newsweek-gao-yan-interview.txt")  # 中国新闻周刊：…？ / 王敖：…
    assert (art.genre, art.author, art.publication) == ("transcript", "王敖", "中国新闻周刊")
    assert art.paragraphs[4].text.startswith("中国新闻周刊：你和你的几位同学")  # without the ** marks
    assert len(art.paragraphs) == 27


def test_digest_line_above_the_text_is_a_summary_box():
    art = post("i-terminus-2020-02-21-caijing-hubei-workers-shenzhen.txt")  # the front matter's description:
    assert art.paragraphs[0].text.startswith("这是陈旭东流浪的第8天。虽然已经一年没回过湖北")
    assert (art.author, art.publication) == ("杨立赟", "财经十一人")


def test_paywall_lines_and_a_meeting_named_in_the_lede_with_an_aside():
    art = post("i-terminus-2018-08-15-caixin-xuecheng-resigns.txt")
    assert art.occasion == "中国佛教协会第九届理事会第三次会议"  # ……会议（文末附会议决议全文），8月15日在北京召开
    texts = [p.text for p in art.paragraphs]
    assert len(texts) == 12 and not any("订阅" in t for t in texts)  # （本文共528字，订阅后可畅读全文）
    assert art.sections == ["附：中国佛教协会第九届理事会第三次会议决议全文"]


def test_author_bio_box_after_a_photo_story_is_not_text():
    art = post("i-terminus-2018-08-27-houchuang-shouguang-floods.txt")  # 作者简介 / 吕萌 / 用相机讲故事的人
    assert (art.author, art.publication, art.sections, len(art.paragraphs)) == ("吕萌", "后窗工作室", [], 13)
