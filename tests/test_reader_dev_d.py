"""The reader on real pages of the dev set part d (``corpora/blind/reader/dev/d-*``, gold in
``tests/data/reader_gold_d.jsonl``): one test per class of error that set showed."""

import warnings
from pathlib import Path

import pytest

import policytext

DEV = Path(__file__).resolve().parents[1] / "corpora" / "blind" / "reader" / "dev"


def read(name: str) -> list[policytext.Article]:
    path = DEV / name
    if not path.exists():
        pytest.skip(f"{name} is not in this checkout")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return policytext.read(path)


def test_kicker_above_a_title_with_a_source_line_and_no_byline():
    """人民日报: an 引题 (李强签署国务院令), the title, the source line, then a 新华社 dateline; a
    title that ends with a book title (公布《…》) is still a title, not a pull-quote."""
    (art,) = read("d-rmrb-2025-06-04-p02-xinhua-data-sharing-regulation.txt")
    assert (art.title, art.subtitle, art.publication, art.dateline) == (
        "公布《政务数据共享条例》", "李强签署国务院令", "人民日报", "北京")
    first, second, _ = read("d-rmrb-2025-06-01-p01-three-articles.txt")
    assert (first.title, first.subtitle) == ("加快建设教育强国", "《求是》杂志发表习近平总书记重要文章")
    assert first.sections == []
    # the 引题's closing dash leads into the title: not part of the 引题
    assert second.subtitle == "安徽南陵县构建全链条科技创新服务体系"


def test_page_time_stamps_and_info_lines_are_metadata():
    """Saved pages: a time stamp under the headline (2020年09月11日 18:05) is not a subtitle; one
    with the outlet after it (2019年09月07日 04:04 北京日报) names the publisher; an info line
    (来源: | 发布时间: … | 浏览次数: …) and the repeated headline under it are not headings; the
    footer's 主办单位 names the site."""
    (art,) = read("d-ifeng-2020-09-11-changchun-new-economy.html")
    assert (art.subtitle, art.date) == (None, "2020-09-11")
    (art,) = read("d-sina-2019-09-07-bjd-kirin-chip.html")
    assert art.publication == "北京日报"
    assert art.sections == ["巨头暗战5G芯片", "采用全球最前沿芯片工艺", "5G芯片累计研发投入10亿美元"]  # not 推荐新闻
    (art,) = read("d-sxmu-2018-05-17-supervision-law.html")
    assert art.sections[0].startswith("第一章") and art.publication == "山西医科大学纪检监察室"


def test_slash_byline_caption_credit_and_press_conference_title():
    (art,) = read("d-thepaper-2019-09-24-cyd-power-bank-prices.html")
    assert (art.author, art.publication) == ("石佳", "中国青年报")  # 石佳/中国青年报
    assert "共享充电宝。视觉中国 资料" not in [p.text for p in art.paragraphs]
    (art,) = read("d-cmse-2012-06-24-tiangong-press-conference.html")
    assert (art.title, art.author, art.affiliation, art.genre) == (
        "天宫一号与神舟九号载人交会对接任务第二场新闻发布会", "武平", "中国载人航天工程新闻发言人", "transcript")


def test_speaker_office_and_occasion_in_a_speech_headline():
    """School pages: 沈江峰校长在……毕业典礼上的讲话 names the speaker, the office and the occasion;
    the page's headline stays the title when the speech has a headline of its own under it."""
    (art,) = read("d-speech-2014-principal-graduation.html")
    assert (art.author, art.affiliation, art.occasion, art.genre, art.subtitle) == (
        "沈江峰", "校长", "绍兴一中2014届学生毕业典礼", "speech", None)
    (art,) = read("d-speech-2009-education-bureau-staff-congress.html")
    assert (art.title, art.subtitle, art.author, art.affiliation, art.date) == (
        "陈国阳局长在绍兴一中八届三次教代会上的讲话", "在绍兴一中八届三次教代会上的讲话", "陈国阳", "局长", "2009-11-09")
    assert "着力建设一所与历史文化名城相匹配的现代教育名校" not in art.sections
    (art,) = read("d-newyear-2024.html")
    assert (art.author, art.affiliation, art.genre, art.date) == ("习近平", "国家主席", "new_year_address", None)


def test_column_label_page_and_a_news_report_of_a_speech():
    """每周一学（…）习近平在……: the label goes, the report's own (long) headline is the title; a
    report of a speech with a 新华社 dateline is news, dated by the page."""
    (art,) = read("d-news-2026-01-12-ccdi-plenum-speech.html")
    assert art.title.startswith("习近平在二十届中央纪委五次全会上发表重要讲话强调 以更高标准")
    assert (art.genre, art.occasion, art.date) == ("news", "二十届中央纪委五次全会", "2026-01-19")
    (art,) = read("d-news-2019-06-01-theme-education-speech-reactions.html")
    assert (art.genre, art.dateline, art.date) == ("news", "北京", "2019-06-17")
    assert art.subtitle.startswith("习近平总书记在“不忘初心、牢记使命”主题教育工作会议上的重要讲话")


def test_a_text_set_out_in_articles_is_a_document_and_keeps_its_full_width_spaces():
    """A law or regulation on a page (第一章　总则, 第一条　……) is a document; the full-width space
    inside its headings and articles is kept as the page has it."""
    (art,) = read("d-document-2019-party-member-education-regulation.html")
    assert (art.genre, art.date) == ("document", "2019-05-24")
    assert art.sections[0] == "第一章\u3000总则"
    assert art.paragraphs[0].text.startswith("第一条\u3000为了")
    (art,) = read("d-sxmu-2018-05-17-supervision-law.html")
    assert art.genre == "document" and art.sections[0] == "第一章\u3000总\u3000则"


def test_bracketed_subheads_triangle_captions_and_long_numbered_headings():
    """央视新闻 copy: 【……】 lines are subheads and a △ line is a photo caption; a numbered heading
    longer than an ordinary heading but without final punctuation is still a heading."""
    (art,) = read("d-163-2020-07-04-cctv-us-covid-cases.html")
    assert art.sections[0] == "【世卫：即使20%的人拥有抗体 新冠病毒还能有效传播】" and len(art.sections) == 6
    assert not any(p.text.startswith("△") for p in art.paragraphs)
    (art,) = read("d-speech-2018-party-school-autumn-term.html")
    assert art.sections[0] == "一、深入学习贯彻习近平总书记对浙江工作的重要指示精神，深刻认识思想大解放、行动大担当的现实意义"


def test_a_series_of_dash_led_lines_in_a_report_are_headings():
    """湖北's report: three standalone lines led by —— (——扎实抓好……，高质量发展的底盘持续夯实。),
    each over its paragraphs, title the text under them."""
    (art,) = read("d-2026-gwr-hubei.txt")
    dashed = [s for s in art.sections if s.startswith("——")]
    assert len(dashed) == 3 and dashed[0].startswith("——扎实抓好稳增长、防风险、保民生三项基本任务")
    assert not any(p.text.startswith("——扎实抓好") for p in art.paragraphs)


def test_report_by_reporters_is_news_and_an_unsigned_page_article_commentary():
    """A 15-paragraph 人民日报 report by a named reporter (no dateline) is a news report, not a
    feature; an untagged article on a page of several that names no writer is commentary."""
    _, report, _ = read("d-rmrb-2025-06-01-p01-three-articles.txt")
    assert (report.author, report.genre) == ("田先进", "news")
    first, second = read("d-rmrb-2026-03-06-p02-two-articles.txt")
    assert (first.genre, first.author) == ("commentary", None)
    assert (second.genre, second.author, second.dateline, second.date) == ("news", "罗珊珊", "北京", "--03-05")


def test_lead_box_and_reporters_sign_off_on_a_newspaper_page():
    """人民日报 page file: a （本报记者……参与采写） line names the reporters and ends the piece; the
    next piece's ■ lead box is no paragraph, so its title and 本报 dateline start a new article."""
    first, second = read("d-rmrb-2026-03-06-p01-two-articles.txt")
    assert (first.author, first.genre, len(first.paragraphs)) == ("张文豪、刘军国、李君强", "news", 19)
    assert (second.title, second.dateline, second.date) == ("经济大省要在研究新情况解决新问题上下功夫出经验", "北京", "--03-05")
    assert not second.paragraphs[0].text.startswith("■")


def test_page_blocks_cut_after_a_comma_and_a_quotation_attribution():
    """A saved page: a block ending with ， goes on in the next (……拍着他的肩说， / 这个家没了，……);
    ——陈立群：《我的教育主张》 under a quotation is an attribution; 来源：新华网 is read up to the
    block's end."""
    (art,) = read("d-ifeng-2019-09-09-xinhuanet-principal-chen-liqun.html")
    texts = [p.text for p in art.paragraphs]
    assert any(t.endswith("拍着他的肩说，这个家没了，你在杭州还有一个家。") for t in texts)
    assert "——陈立群：《我的教育主张》" not in texts
    assert art.publication == "新华网"


def test_qiushi_excerpt_note_omission_line_and_a_one_line_title_with_its_subtitle():
    """求是 on a page: the note after the text （习近平总书记2025年7月1日在……会议上讲话的一部分） gives
    speaker, delivery date and occasion; in a long feature an omission line (…………) is dropped
    without ending the page, and 书承千年文脉 香溢万里家国——习近平文化思想引领书香社会建设 is a title
    and its subtitle."""
    (art,) = read("d-qiushi-2025-unified-national-market.html")
    assert (art.genre, art.author, art.date, art.occasion, art.publication) == (
        "qiushi", "习近平", "2025-07-01", "二十届中央财经委员会第六次会议", "求是")
    (art,) = read("d-feature-2026-04-xinhua-reading-society.html")
    assert (art.title, art.subtitle) == ("书承千年文脉 香溢万里家国", "习近平文化思想引领书香社会建设")
    assert art.sections[:3] == ["书香致远——“要提倡多读书，建设书香社会”", "提质增效—— “希望全社会都参与到阅读中来”",
                                "——创品牌，阅读活动蓬勃开展。"]
    (art,) = read("d-sina-2019-11-25-cankao-parks.html")
    assert art.publication == "参考消息"  # 2019年11月25日 18:57 参考消息


def test_a_column_tag_with_a_prefix_starts_the_next_article_and_a_series_of_one_shape():
    """人民日报 page 4: two 新华社 reports in a row, then 经济大省，大梁怎么挑？（两会今日谈）— a column
    tag with a prefix still marks a commentary's headline — whose three short lines of one shape
    (锚定“新”，争当弄潮儿。) are its headings."""
    first, second, third = read("d-rmrb-2026-03-06-p04-three-articles.txt")
    assert [a.dateline for a in (first, second)] == ["北京", "北京"] and len(second.paragraphs) == 4
    assert (third.title, third.genre) == ("经济大省，大梁怎么挑？（两会今日谈）", "commentary")
    assert third.sections == ["锚定“新”，争当弄潮儿。", "锻造“韧”，做好压舱石。", "聚焦“闯”，勇当领头羊。"]


def test_speech_under_a_dashed_page_title_and_a_report_of_a_speech():
    """十八而志，青春万岁——王琛校长在……成人礼上的致辞: the <title>'s dash is the headline's own, the
    part after it names the occasion; a link list above the story does not end the page; the
    closing 十八而志，青春万岁！谢谢大家！ is no pull-quote of the headline. ……开班式上发表重要讲话
    heads a news report of a speech."""
    (art,) = read("d-speech-2019-principal-coming-of-age-2020.html")
    assert (art.title, art.subtitle, art.author, art.genre, art.occasion, art.date) == (
        "十八而志，青春万岁", "王琛校长在2020届高三年级成人礼上的致辞", "王琛", "speech", "2020届高三年级成人礼", None)
    assert art.paragraphs[-1].text == "十八而志，青春万岁！谢谢大家！"
    (art,) = read("d-news-2026-01-20-plenum-study-session.html")
    assert (art.genre, art.date) == ("news", "2026-01-28")
    assert art.occasion == "省部级主要领导干部学习贯彻党的二十届四中全会精神专题研讨班开班式"


def test_a_brief_with_an_outlet_lead_and_writer_glued_to_the_source_line():
    """证券时报网: 2019-09-26 12:11来源：证券时报网作者：李在山 names outlet and writer; the lead
    证券时报e公司讯， is the 电头, not text; the 声明：… disclaimer is boilerplate."""
    (art,) = read("d-stcn-2019-09-26-midday-announcements.html")
    assert (art.publication, art.author, art.date) == ("证券时报网", "李在山", "2019-09-26")
    assert [p.text[:6] for p in art.paragraphs] == ["当升科技：9"]


def test_a_long_page_story_without_a_dateline_is_a_feature():
    (art,) = read("d-ifeng-2019-09-09-xinhuanet-principal-chen-liqun.html")
    assert art.genre == "feature"  # 71 paragraphs, a narrative with subheads
    (art,) = read("d-thepaper-2019-09-24-cyd-power-bank-prices.html")
    assert art.genre == "news"  # 30 paragraphs


def test_a_report_whose_lede_opens_with_its_event_names_the_occasion():
    """5月31日，“不忘初心、牢记使命”主题教育工作会议在京召开。… : the report's occasion; a lede that
    only mentions a conference (在第二届全球IC企业家大会……上) does not make it one."""
    (art,) = read("d-news-2019-06-01-theme-education-speech-reactions.html")
    assert art.occasion == "“不忘初心、牢记使命”主题教育工作会议"
    (art,) = read("a-guancha-2019-09-07-ic-imports.html")
    assert art.occasion is None


def test_a_page_date_is_read_under_its_headline_first():
    """qq page: the only full date in the page's visible text is a video player's build stamp
    (2019-9-5 9:38:01 PM); the story's own date comes from under the headline, else the page's
    publication metadata (2019-09-07)."""
    (art,) = read("d-qq-2019-09-07-yangtse-one-cent-song.html")
    assert art.date == "2019-09-07"


def test_the_text_of_an_image_block_is_a_caption():
    """163 page: 运营商某次活动上展示的5G芯片 shares its <p> with the photo: a caption, not a subhead;
    qq page: 家中曾堆满他的音像作品 is the <i class="desc"> under a photo; a 化名 note is no text."""
    (art,) = read("d-163-2019-09-07-nbd-5g-chips.html")
    assert art.sections == ["高通、华为商用龙虎斗", "业界期盼千元5G手机", "续航难题待解"]
    assert ("运营商某次活动上展示的5G芯片", "caption") in [(d.text, d.reason) for d in art.dropped]
    assert not art.paragraphs[-1].text.startswith("（应受访者要求")
    (art,) = read("d-qq-2019-09-07-yangtse-one-cent-song.html")
    assert "家中曾堆满他的音像作品" not in art.sections


def test_the_lede_before_a_law_set_out_in_articles_is_no_text_of_it():
    """监察法 on a page: two lines introducing the law (《…》是为了……; 2018年3月20日，……表决通过了……)
    come before its 第一条: an editor's lede."""
    (art,) = read("d-sxmu-2018-05-17-supervision-law.html")
    assert art.paragraphs[0].text.startswith("第一条")
    assert [d.reason for d in art.dropped].count("preamble") == 2


def test_a_headline_that_someone_attended_and_spoke_heads_news():
    """……座谈会在我校召开，市委书记彭佳学出席并讲话: a news report of the meeting, dated by the page."""
    (art,) = read("d-news-2017-09-teachers-day-forum.html")
    assert (art.genre, art.date, art.occasion) == ("news", "2017-09-11", "绍兴市庆祝第33个教师节座谈会")


def test_a_column_labelled_speech_headline_without_an_h1():
    """我的一中故事|张懿雯在新高一衔接教育上的发言 (the page's <title>, no h1): the whole line is the
    title, the name after the label the speaker, 第一点，……。 / 第二点，……。 its headings."""
    (art,) = read("d-speech-2018-student-freshman-bridge.html")
    assert (art.title, art.author, art.genre, art.occasion, art.date) == (
        "我的一中故事|张懿雯在新高一衔接教育上的发言", "张懿雯", "speech", "新高一衔接教育", None)
    assert art.sections == ["第一点，自由的意义。", "第二点，调整心态。"]
