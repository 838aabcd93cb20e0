"""The reader on saved pages of the dev set's part h (session 6: test fixtures of two page-parser
projects new to the reader, 2012–2014 pages of an embassy, 印尼商报, 南方周末, 商务部, 新浪, 中新网 and 腾讯):
headlines in table cells, header cells that trafilatura puts after the text, menus, info lines,
bracketed datelines, credits set over lines, summary boxes."""

from pathlib import Path

import pytest

import policytext
from policytext.reader.genres import split_dateline

DEV = Path(__file__).resolve().parents[1] / "corpora" / "blind" / "reader" / "dev"
pytestmark = pytest.mark.skipif(not (DEV / "h-infzm-2014-05-15-yibin-bus-fire.html").exists(),
                                reason="no reader dev set h in this checkout")


def page(name: str) -> policytext.Article:
    pytest.importorskip("trafilatura")
    (art,) = policytext.read(DEV / name)
    return art


def dropped(art: policytext.Article) -> dict[str, str]:
    return {d.text: d.reason for d in art.dropped}


def test_header_cell_put_after_the_text_and_a_briefing_reported():
    # trafilatura gives the menu, the text, then the headline and the date: the page shows them above it
    art = page("h-embassy-my-2014-03-09-emergency-team-briefing.html")
    assert art.title == "黄惠康大使举办“使馆应急小组在行动”媒体吹风会" and art.date == "2014-03-09"
    assert len(art.paragraphs) == 7 and art.paragraphs[0].text.startswith("3月9日，中国驻马来西亚大使黄惠康")
    # a report that the ambassador held a briefing, not its transcript; the briefing is the occasion
    assert (art.genre, art.occasion) == ("news", "“使馆应急小组在行动”媒体吹风会")


def test_headline_in_a_cell_named_title_menu_links_and_a_site_and_paper_source():
    art = page("h-mofcom-cn-id-2014-03-10-zhenning-wooden-dolls.html")  # <td class="title">, <title> the site's
    assert art.title == "镇宁木艺彩娃畅销东南亚" and art.author is None and art.sections == []
    assert art.publication == "贵州日报"  # 信息来源:金黔在线－贵州日报
    assert dropped(art)["印尼慨况"] == "boilerplate" and len(art.paragraphs) == 1


def test_bracketed_datelines_an_english_page_date_and_a_url_line():
    art = page("h-shangbao-2014-03-16-wsj-china-slowdown.html")  # 【环球时报】 美国《华尔街日报》13日报道……
    assert (art.publication, art.date) == ("环球时报", "2014-03-16")  # Sunday, March 16th, 2014
    assert art.paragraphs[0].text.startswith("美国《华尔街日报》13日报道")
    assert dropped(art)["Short URL: http://www.shangbaoindonesia.com/?p=97923"] == "boilerplate"
    art = page("h-shangbao-2014-03-17-bri-most-profitable-bank.html")  # 【本报雅加达讯】目前……
    assert art.dateline == "雅加达" and art.paragraphs[0].text.startswith("目前印尼庶民银行")


def test_split_dateline_in_brackets():
    assert split_dateline("【本报雅加达讯】目前印尼庶民银行（BRI）是全球最赚钱的银行。")[:2] == ("本报", "雅加达")
    assert split_dateline("【家长投诉】") is None and split_dateline("【新春走基层】记者来到村里") is None


def test_info_line_under_the_headline_summary_box_and_photo_credits():
    art = page("h-infzm-2014-05-15-yibin-bus-fire.html")
    # 作者：南方周末记者 雍兴中 姜世离 南方周末实习生 朱亮韬 / 发自：四川宜宾 (left out by the main text)
    assert (art.author, art.dateline, art.subtitle) == ("雍兴中、姜世离、朱亮韬", "四川宜宾", None)
    reasons = dropped(art)
    assert reasons["多名小学生看到余跃海上公车后用打火机点燃了口袋，他成了爆燃案中唯一的死者。"] == "summary"
    assert reasons["14路公交车爆燃前所经路线。 （南方周末资料图/图）"] == "caption"
    assert art.paragraphs[0].text.startswith("2014年5月12日，对于入夏的宜宾并不算热")


def test_interview_in_two_speakers_turns():
    art = page("h-infzm-2014-05-15-global-witness-gooch-interview.html")  # 南方周末：…… / 古奇：……
    assert art.genre == "transcript" and art.subtitle is None


def test_credit_set_over_lines_after_the_text():
    art = page("h-sina-2014-03-07-sxdsb-li-yang-crazy-english.html")
    # ■三湘华声全媒体记者 / 林锐新  王为薇 / 实习生  张洋银  周笑雨: the byline, not three sections
    assert art.author == "林锐新、王为薇、张洋银、周笑雨"
    assert "教育部门" in art.sections and not any("林锐新" in s for s in art.sections)
    text = "第一段正文。\n■三湘华声全媒体记者\n林锐新\xa0\xa0王为薇\n实习生\xa0\xa0张洋银\xa0\xa0周笑雨\n教育部门\n报培训班要“三查”学校资质"
    (art,) = policytext.read_text("李阳疯狂英语长沙校区关张\n" + text)
    assert art.author == "林锐新、王为薇、张洋银、周笑雨" and art.sections[0] == "教育部门"


def test_promotions_above_the_headline_and_related_links_are_furniture():
    art = page("h-sina-2014-03-07-xinhuanet-wang-qishan-beijing-delegation.html")
    assert art.subtitle is None and art.paragraphs[0].text.startswith("据法制晚报报道")
    assert dropped(art)["“我是小明，草根小明一枚”“对于生活，我想对两会说……”"] == "boilerplate"
    art = page("h-qq-2012-07-07-huanqiu-tianjin-fire-credibility.html")
    assert len(art.paragraphs) == 12 and "navigation" in dropped(art).values()  # ·…… 2012.07.07 ·……


def test_page_source_line_over_the_dateline_agency():
    art = page("h-qq-2012-07-11-chinanews-xinjiang-cotton-pickers.html")  # 中新网乌鲁木齐7月11日电 on 中国新闻网
    assert (art.publication, art.dateline, art.author) == ("中国新闻网", "乌鲁木齐", "戚亚平")


def test_author_note_closing_the_last_paragraph():
    art = page("h-qq-2012-07-07-huanqiu-tianjin-fire-credibility.html")
    assert art.affiliation == "《环球时报》评论员"
    assert art.paragraphs[-1].text.endswith("▲（作者是《环球时报》评论员）")  # the note stays in the text


def test_commentary_signed_only_by_its_author_note():
    art = page("h-qq-2012-07-07-huanqiu-tianjin-fire-credibility.html")  # ……反思。▲（作者是《环球时报》评论员）
    assert (art.affiliation, art.genre) == ("《环球时报》评论员", "commentary")
