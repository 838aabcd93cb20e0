"""The reader on saved pages and copies of the dev set's part f (two repositories new to the reader,
session 5): headline, subtitle, bylines, stamps and furniture of real pages."""

from pathlib import Path

import pytest

import policytext

DEV = Path(__file__).resolve().parents[1] / "corpora" / "blind" / "reader" / "dev"
pytestmark = pytest.mark.skipif(not (DEV / "f-dahe-2022-02-12-orchestra-teacher.html").exists(),
                                reason="no reader dev set f in this checkout")


def page(name: str) -> policytext.Article:
    pytest.importorskip("trafilatura")
    return policytext.read(DEV / name)[0]


def test_headline_the_title_repeats_not_a_caption_first_in_the_text_and_the_line_under_it():
    art = page("f-dahe-2022-02-12-orchestra-teacher.html")  # <title> 拿起跨界……成长--大河网
    assert art.title == "拿起跨界“指挥棒”她跟学生“较着劲儿”成长"
    assert art.subtitle == "年过五十的她带领学校民乐团的孩子们一路快乐前行，在比赛中拿下不俗的成绩"
    assert (art.publication, art.date) == ("大河网", "2022-02-12")


def test_site_logo_in_h1_and_column_tag_and_reporters_line():
    art = page("f-songhuajiang-2022-02-13-gmrb-potato-seed.html")  # <h1>松花江网</h1>, 【新春走基层】
    assert art.title == "土豆不“土” 土豆无“土”"
    assert (art.author, art.genre, art.sections) == ("王建宏、张文攀", "feature", [])
    assert ("【新春走基层】", "column_label") in [(d.text, d.reason) for d in art.dropped]


def test_headline_set_over_several_lines_and_numbered_items():
    art = page("f-jl-gov-2022-01-27-nenjiang-notice.html")
    assert art.title.startswith("吉林省人民政府关于禁止在吉林省嫩江干流") and art.title.endswith("迁入人口的通告")
    assert art.genre == "document" and art.sections == []
    assert [p.text[:2] for p in art.paragraphs[1:4]] == ["一、", "二、", "三、"]


def test_old_portal_stamp_toolbar_and_readers_comments():
    art = page("f-sohu-2004-07-16-laurance-rockefeller.html")  # BUSINESS.SOHU.COM 2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]
    assert (art.title, art.author, art.publication, art.date) == (
        "劳伦斯：一个无法定义的“洛克菲勒”", "黄宇", "国际金融报", "2004-07-16")
    nike = page("f-163-2004-12-10-nike-air-cushion.html")
    assert len(nike.paragraphs) == 26 and not any("认为：" in p.text for p in nike.paragraphs)


def test_open_paragraphs_of_an_old_page_and_its_sign_off_ending_the_story():
    assert len(page("f-qianlong-2005-07-18-gac-hyundai.html").paragraphs) == 28  # <P>　　…… <P>　　……
    art = page("f-163-2005-01-14-power-price-reform.html")
    assert art.author == "姚峰" and art.paragraphs[-1].text.endswith("（姚峰 上海报道）")
    assert art.sections == ["政策调整姗姗来迟", "销售电价面临上涨压力", "利益集团左右电改电价"]


def test_reprinted_xinhua_dateline_and_page_subtitle():
    art = page("f-tibet-daily-2022-02-13-toilet-revolution.html")
    assert (art.dateline, art.author, art.subtitle) == ("拉萨", "格桑边觉", "去年改造户用卫生厕所4.66万座")
    assert art.paragraphs[0].text.startswith("记者近日从西藏自治区农业农村厅")


def test_bracket_broken_by_the_page_is_one_paragraph():
    art = page("f-yangtse-2022-02-13-party-secretaries-week.html")
    assert not any(p.text == "）" for p in art.paragraphs)
    assert any(p.text.endswith("（详情请点击链接：）") for p in art.paragraphs)


def test_copy_paste_artefacts_of_a_text_file():
    (art,) = policytext.read(DEV / "f-sina-xinbao-couple-property-investment.txt")
    assert art.author == "蔡雪婧" and not any("\t" in s for s in art.sections)
    (doc,) = policytext.read(DEV / "f-textrank-doc02-corrupt-officials-in-us.txt")  # captions copied twice
    assert not any(p.text.startswith("在美国坐牢的贪官") for p in doc.paragraphs)


def test_divs_inside_one_paragraph_tag_are_paragraphs_and_a_lone_signoff_is_the_byline():
    # an old page sets its paragraphs as <DIV>s inside one <p>; its parallel subheads are centred
    # one-sentence lines of one shape (神奇，…。 / 叛逆，…。 / 思维，…。); （袁源） stands alone at the end
    art = page("f-bjmu-2005-li-jian-surgeon.html")
    texts = [p.text for p in art.paragraphs]
    assert len(texts) == 39 and texts[0].startswith("美国临床肿瘤学会") and texts[-1] == "到头来，一位自甘穷酸的外科医生。"
    assert art.sections == ["神奇，偶然掉在凡俗的临床上。", "叛逆，科学家族中最稀有的元素。", "思维，像清晨山涧涌出的泉水。"]
    assert art.author == "袁源"
    assert ("（袁源）", "byline") in [(d.text, d.reason) for d in art.dropped]


def test_a_series_of_dashed_subheads_of_one_shape_are_sections():
    art = page("d-feature-2026-04-xinhua-reading-society.html")
    assert "——创品牌，阅读活动蓬勃开展。" in art.sections
    assert len(art.paragraphs) == 52


def test_editorial_greeting_a_meeting_by_its_deck():
    art = page("f-bynr-2022-02-11-cppcc-opening-commentary.html")  # deck: 热烈祝贺市政协五届一次会议开幕
    assert (art.subtitle, art.genre) == ("热烈祝贺市政协五届一次会议开幕", "commentary")
    assert art.occasion == "政协巴彦淖尔市第五届委员会第一次会议"  # ……。今天，……第一次会议隆重开幕。


def test_interviewee_is_the_author_of_an_interview():
    art = page("f-chinaneast-2005-08-16-farm-machinery-interview.html")
    assert (art.genre, art.author) == ("transcript", "李金泽")


def test_long_report_without_dateline_giving_peoples_voices_is_a_feature():
    # ……说 / 告诉记者 many times, more than 表示 / 指出: a narrative of people, not a news report
    assert page("f-sohu-2020-11-26-yu-huan-release.html").genre == "feature"
    assert page("f-dahe-2022-02-12-orchestra-teacher.html").genre == "feature"
    assert page("f-163-2005-01-14-power-price-reform.html").genre == "news"  # statements over voices


def test_login_dialog_and_a_bracketed_title_part_are_not_text_or_site():
    art = page("f-nmg-gov-2022-02-11-tax-relief.html")
    assert len(art.paragraphs) == 3 and "是否“确认”跳转到登录页？" in [d.text for d in art.dropped]
    assert page("f-bjmu-2005-li-jian-surgeon.html").publication != "(新闻)"  # <title>北医新闻网_(新闻)</title>
