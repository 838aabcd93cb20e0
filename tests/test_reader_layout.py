"""Layout rules and genres of the reader on small made-up pages: every dropped line is kept with
its reason, datelines and delivery lines fill the record."""

import pytest

import policytext
from policytext.document import Dropped

BODY = "高校博物馆是文化传承的重要阵地，越来越多的高校博物馆向社会开放，成为市民游客打卡的新去处。"
BODY2 = "馆长表示，博物馆将继续推出线上展览，让更多人走近文物、读懂历史，感受中华优秀传统文化的魅力。"


def one(text: str):
    (art,) = policytext.read_text(text)
    return art


@pytest.mark.parametrize("caption", ["南理工兵器博物馆供图", "成都理工大学博物馆网站图片", "图为学生在博物馆参观",
                                     "资料图片", "新华社发", "视觉中国"])
def test_caption_without_final_punctuation_is_not_joined(caption):
    art = one(f"标题\n\n{BODY[:-1]}\n\n{caption}\n\n{BODY2}\n")
    assert Dropped(caption, "caption") in art.dropped
    assert all(caption not in p.text for p in art.paragraphs)


def test_caption_before_photo_credit_is_dropped():
    art = one(f"标题\n\n{BODY}\n\n学生在馆内参观。\n\n本报记者 张三摄\n\n{BODY2}\n")
    assert [p.text for p in art.paragraphs] == [BODY, BODY2]
    assert [d.reason for d in art.dropped] == ["caption", "caption"]


def test_pull_quote_repeating_a_body_sentence():
    quote = "博物馆将继续推出线上展览，让更多人走近文物、读懂历史。"
    art = one(f"标题\n\n作者\n\n{BODY}\n\n{quote}\n\n{BODY2}\n")
    assert [p.text for p in art.paragraphs] == [BODY, BODY2]
    assert art.dropped == [Dropped(quote, "pull_quote")]


@pytest.mark.parametrize("box", ["内容提要\n\n本文讨论高校博物馆的开放与传承，提出三点建议", "【内容提要】本文讨论高校博物馆的开放与传承",
                                 "摘要：本文讨论高校博物馆的开放与传承。"])
def test_summary_box_is_not_a_paragraph(box):
    art = one(f"高校博物馆的开放与传承\n\n张三\n\n{box}\n\n{BODY}\n\n{BODY2}\n")
    assert [p.text for p in art.paragraphs] == [BODY, BODY2]
    assert {d.reason for d in art.dropped} == {"summary"}


@pytest.mark.parametrize("line,reason", [
    ("责任编辑：李四", "editor"), ("（责任编辑：王五）", "editor"), ("扫一扫分享本页", "boilerplate"),
    ("免责声明：本站转载的内容仅供参考。", "boilerplate"), ("版权所有：某某网站  京ICP备12345678号", "boilerplate"),
    ("Copyright © 2025 Example. All Rights Reserved.", "boilerplate"), ("【打印本页】【关闭窗口】", "boilerplate"),
    ("（下转第三版）", "continuation"), ("二", "part_marker"),
])
def test_dropped_lines_and_reasons(line, reason):
    art = one(f"标题\n\n{BODY}\n\n{line}\n\n{BODY2}\n")
    assert [p.text for p in art.paragraphs] == [BODY, BODY2]
    assert art.dropped == [Dropped(line, reason)]


def test_continuation_marker_inside_a_line():
    art = one(f"标题\n\n{BODY[:-1]}（下转第二版）\n\n（上接第一版）{BODY2}\n")
    assert [p.text for p in art.paragraphs] == [BODY[:-1] + BODY2]
    assert [d.reason for d in art.dropped] == ["continuation", "continuation"]


def test_related_links_and_the_titles_under_them():
    art = one(f"标题\n\n{BODY}\n\n相关链接\n\n高校博物馆开放日\n\n文物活起来\n")
    assert [p.text for p in art.paragraphs] == [BODY]
    assert [d.reason for d in art.dropped] == ["boilerplate"] * 3


def test_dateline_with_non_breaking_spaces_and_reporters():
    art = one(f"高校博物馆：让文物活起来\n\n新华社北京4月9日电\xa0\xa0（记者 张三、李四）\xa0{BODY}\n\n{BODY2}\n"
              "\n《人民日报》（2025年04月10日第 04 版）\n")
    assert (art.genre, art.dateline, art.author, art.date) == ("news", "北京", "张三、李四", "2025-04-10")
    assert art.paragraphs[0].text == BODY and art.publication == "人民日报"


def test_dateline_headline_is_the_title():
    art = one(f"新华网北京4月9日电 题：高校博物馆：让文物活起来\n\n{BODY}\n")
    assert (art.title, art.dateline, art.date, art.genre) == ("高校博物馆：让文物活起来", "北京", "--04-09", "news")
    assert [p.text for p in art.paragraphs] == [BODY]


def test_speech_with_occasion_after_the_title():
    art = one("在全国科技大会上的讲话\n——在全国科技大会、国家科学技术奖励大会和两院院士大会上的讲话（2024年6月24日）\n"
              f"习近平\n同志们：\n{BODY}\n")
    assert (art.genre, art.author, art.date) == ("speech", "习近平", "2024-06-24")
    assert art.occasion == "全国科技大会、国家科学技术奖励大会和两院院士大会"


def test_city_report_with_mayor_in_the_delivery_line():
    art = one("2025年某市政府工作报告\n——2025年1月8日在某市第十七届人民代表大会第五次会议上\n某市市长 张三\n"
              f"各位代表：\n{BODY}\n")
    assert (art.genre, art.author, art.affiliation, art.date) == ("report", "张三", "某市市长", "2025-01-08")


def test_transcript_turns():
    turns = "问：博物馆何时开放？\n答：博物馆将于下月开放，欢迎大家参观。\n问：是否需要预约？\n答：需要在网上预约，每天限额。\n"
    text = f"外交部发言人答记者问\n\n{turns * 2}"
    assert one(text).genre == "transcript"


def test_year_of_a_chinese_numeral_date_in_the_source_line():
    art = one(f"标题\n\n{BODY}\n\n（原载于二〇二四年十二月三十一日《人民日报》）\n")
    assert (art.publication, art.date) == ("人民日报", "2024-12-31")


def test_traditional_text_is_read_as_it_is():
    from policytext.chinese import is_traditional, to_simplified

    art = one("高校博物館：讓文物活起來\n\n高校博物館是文化傳承的重要陣地，越來越多的高校博物館向社會開放。\n")
    assert art.title == "高校博物館：讓文物活起來"
    text = art.paragraphs[0].text
    assert is_traditional(text) and len(to_simplified(text)) == len(text)
    assert to_simplified(text).startswith("高校博物馆是文化传承")


def test_box_text_and_editor_note_as_the_blind_gold_counts_them(monkeypatch):
    import dataclasses

    from policytext.reader import parse, rules

    strict = dataclasses.replace(rules.layout(), keep_box_text=False, keep_editor_note=False)
    monkeypatch.setattr(parse, "layout", lambda: strict)
    art = one(f"标题\n\n本报记者 张三\n\n核心阅读\n\n高校博物馆开放，文物活起来。\n\n{BODY}\n")
    assert [p.text for p in art.paragraphs] == [BODY]
    assert [d.reason for d in art.dropped] == ["box_heading", "summary"]
    art = one(f"标题\n\n编者按：高校博物馆纷纷开放，本报今起推出系列报道。\n\n——编  者\n\n{BODY}\n")
    assert [p.text for p in art.paragraphs] == [BODY]
    assert [d.reason for d in art.dropped] == ["editor_note", "editor"]


def test_broken_delivery_line_and_office_before_the_name():
    art = one("政府工作报告\n——2026年1月26日在某省第十四届\n人民代表大会第五次会议上\n某省省长 张三\n各位代表：\n"
              f"{BODY}\n一是推动经济稳中向好。\n{BODY2}\n")
    assert (art.subtitle, art.author, art.affiliation, art.date) == (
        "2026年1月26日在某省第十四届人民代表大会第五次会议上", "张三", "某省省长", "2026-01-26")
    assert art.sections == ["一是推动经济稳中向好。"]


def test_document_with_approval_note_numbered_items_and_signature():
    art = one("关于开展主题党日活动的通知\n（2024年1月18日某委员会审议批准\n2024年2月5日某委员会发布）\n各支部：\n"
              "经研究，现将有关事项通知如下：\n一、活动主题：学习全会精神\n二、活动内容：\n1.支部书记讲党课；\n"
              "2.开展知识竞赛。\n某中学党委\n2021年11月24日\n")
    assert (art.genre, art.date) == ("document", "2024-02-05")
    assert art.sections == ["二、活动内容："]
    assert [p.text for p in art.paragraphs][2:] == ["一、活动主题：学习全会精神", "1.支部书记讲党课；", "2.开展知识竞赛。"]
    assert [d.reason for d in art.dropped] == ["note", "note", "signature", "signature"]


def test_commentary_dialogue_box():
    art = one("禁售燃油车如何落地（连线评论员）\n周珊珊 本报评论员\n《人民日报》（ 2026年08月07日 第 05 版）\n\n对话人：\n"
              "周珊珊 本报评论员\n李 萌 海南日报评论员\n周珊珊：为什么是海南？\n李萌：早在2018年就已明确。\n")
    assert (art.genre, art.author, art.date, art.publication) == ("commentary", "周珊珊、李萌", "2026-08-07", "人民日报")
    assert [p.text for p in art.paragraphs] == ["周珊珊：为什么是海南？", "李萌：早在2018年就已明确。"]


def test_interview_box_gives_the_interviewee():
    turns = "采访组：请您讲讲当时的情况。\n王永昌：那是2003年的事。\n采访组：后来呢？\n王永昌：后来发展很快。"
    art = one(f"“谱写新时期的‘胆剑篇’” ——习近平在浙江（十一）\n采访对象：王永昌，1953年1月生。\n采 访 组：田玉珏 薛伟江\n"
              f"采访日期：2017年9月17日\n{turns}\n")
    assert (art.title, art.subtitle, art.author, art.genre) == (
        "“谱写新时期的‘胆剑篇’”", "习近平在浙江（十一）", "王永昌", "transcript")
    assert len(art.paragraphs) == 4


def test_qiushi_excerpts_and_their_sources():
    art = one("每周一学（2025年6月16日-6月22日）习近平：用中长期规划指导经济社会发展\n用中长期规划指导经济社会发展\n习近平\n一\n"
              f"{BODY}\n（2015年10月29日在党的十八届五中全会第二次全体会议上的讲话）\n二\n{BODY2}\n（来源：求是）\n")
    assert (art.title, art.author, art.publication, art.genre) == ("用中长期规划指导经济社会发展", "习近平", "求是", "qiushi")
    assert [p.text for p in art.paragraphs] == [BODY, BODY2]
    assert {d.reason for d in art.dropped} == {"repeated_title", "part_marker", "excerpt_source"}


def test_signoff_author_and_tail_boilerplate():
    art = one(f"标题\n\n{BODY}\n\n{BODY2}（文/图 刘玺东 易赛楠）(本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP)\n")
    assert art.author == "刘玺东、易赛楠"
    assert art.paragraphs[-1].text.endswith("（文/图 刘玺东 易赛楠）")
    assert art.dropped[0].reason == "boilerplate"


@pytest.mark.parametrize("byline2", ["李四\n《人民日报》（ 2026年08月07日 第 05 版）", "本报记者  李  四《人民日报》（2026年08月07日第 05 版）"])
def test_several_articles_with_the_source_line_under_each_title(byline2):
    text = ("禁售燃油车在海南如何落地（连线评论员）\n周珊珊 本报评论员\n《人民日报》（ 2026年08月07日 第 05 版）\n\n"
            f"{BODY}\n{BODY2}\n生活服务要“讲究”不要“将就”（人民时评）\n——副题\n{byline2}\n\n{BODY}\n{BODY2}\n")
    a, b = policytext.read_text(text)
    assert (a.title, a.author, len(a.paragraphs), a.sections) == ("禁售燃油车在海南如何落地（连线评论员）", "周珊珊", 2, [])
    assert (b.title, b.subtitle, b.author, b.date, len(b.paragraphs)) == (
        "生活服务要“讲究”不要“将就”（人民时评）", "副题", "李四", "2026-08-07", 2)


def test_articles_with_column_tags_and_a_lead_in_line():
    lead = "高校博物馆为何越来越受欢迎？答案在开放与创新之中"
    text = (f"高校博物馆为何受欢迎（和音）\n\n{lead}\n{BODY}\n高校博物馆为何越来越受欢迎？这是今年各地的共同话题。\n"
            f"{BODY2}\n让文物活起来（和音）\n{BODY}\n{BODY2}\n")
    a, b = policytext.read_text(text)
    assert (a.title, a.genre, len(a.paragraphs)) == ("高校博物馆为何受欢迎（和音）", "commentary", 3)
    assert a.dropped == [Dropped(lead, "pull_quote")]
    assert (b.title, len(b.paragraphs)) == ("让文物活起来（和音）", 2)


def test_commentary_lead_in_without_final_punctuation():
    lead = "高校博物馆一个接一个向社会开放的做法，在文化传承不断深化的时代背景下具有跨越校园围墙的启示意义"
    art = one(f"让文物活起来（和音）\n\n{lead}\n{BODY}\n{BODY2}\n")
    assert [p.text for p in art.paragraphs] == [BODY, BODY2]
    assert art.dropped == [Dropped(lead, "pull_quote")]


def test_lines_broken_after_a_particle_or_inside_a_term():
    goal = "是：地区生产总值年均增长5%左右，居民收入增长和经济增长同步，生态环境持续改善，空气质量优良，PM"
    art = one(f"标题\n\n第一段。\n“十五五”时期经济社会发展的\n主要目标\n{goal}\n2.5\n年平均浓度下降。\n")
    assert [p.text for p in art.paragraphs] == ["第一段。", f"“十五五”时期经济社会发展的主要目标{goal}2.5年平均浓度下降。"]


def test_speaker_turns_of_a_transcript():
    from policytext.reader import speaker_turns

    text = "发言人答记者问\n\n问：博物馆何时开放？\n答：博物馆将于下月开放。\n欢迎大家参观。\n问：是否需要预约？\n答：需要在网上预约。\n"
    art = one(text)
    assert art.genre == "transcript"
    assert speaker_turns(art) == [(0, "问"), (1, "答"), (3, "问"), (4, "答")]


@pytest.mark.parametrize("mention,date", [("于2026年3月4日在北京逝世", "2026-03-04"), ("2026年是“十五五”开局之年", "--03-04")])
def test_year_of_a_dateline_only_from_the_same_full_date(mention, date):
    art = one(f"标题\n\n新华社北京3月4日电 某某同志{mention}，享年九十岁。\n")
    assert art.date == date


def test_signoff_with_places_and_reporters():
    art = one(f"标题\n\n{BODY}\n{BODY2}（本报北京、曼谷3月3日电  记者李琰、白元琪）\n")
    assert (art.author, art.dateline, art.date, art.genre) == ("李琰、白元琪", "北京、曼谷", "--03-03", "news")
    assert art.paragraphs[-1].text == BODY2 + "（本报北京、曼谷3月3日电  记者李琰、白元琪）"  # a sign-off stays


def test_occasion_of_a_report_on_a_meeting():
    art = one(f"十四届全国人大三次会议在京开幕\n\n新华社北京3月5日电 {BODY}\n")
    assert (art.occasion, art.genre, art.dateline) == ("十四届全国人大三次会议", "news", "北京")


def test_parallel_series_of_one_sentence_headings():
    heads = ["第一，高校博物馆是文化传承的阵地。", "第二，高校博物馆是科学普及的课堂。", "第三，高校博物馆是对外交流的窗口。"]
    art = one("标题\n\n" + "".join(f"{h}\n{BODY}\n" for h in heads) + "各位代表！\n" + BODY2 + "\n各位代表！\n" + BODY2 + "\n")
    assert art.sections == heads and len(art.paragraphs) == 7  # 各位代表！ stays a paragraph
    assert [p.section for p in art.paragraphs[:3]] == heads


def test_page_file_of_reports_separated_by_titles_and_datelines():
    text = (f"高校博物馆开放\n\n本报北京4月9日电  （记者张三）{BODY}\n{BODY2}\n\n文物活起来\n\n"
            f"新华社北京4月9日电（记者李四）{BODY2}\n")
    a, b = policytext.read_text(text)
    assert (a.title, a.author, len(a.paragraphs), a.sections) == ("高校博物馆开放", "张三", 2, [])
    assert (b.title, b.author, b.publication, b.dateline, [p.text for p in b.paragraphs]) == (
        "文物活起来", "李四", "新华社", "北京", [BODY2])


def test_report_subtitle_with_byline_standalone_headings_and_broken_heading():
    art = one("2026年某省政府工作报告\n（二〇二六年一月二十七日在某省第十四届人民代表大会第五次会议上 某省省长 张三）\n各位代表：\n"
              f"一年来，主要做了以下工作。\n生态底色更加亮丽。\n{BODY}\n（\n三）改革开放持续深化、互促共进。\n{BODY2}\n")
    assert (art.subtitle, art.author, art.affiliation, art.date, art.genre) == (
        "二〇二六年一月二十七日在某省第十四届人民代表大会第五次会议上", "张三", "某省省长", "2026-01-27", "report")
    assert art.sections == ["生态底色更加亮丽。", "（三）改革开放持续深化、互促共进。"]
    assert [p.text for p in art.paragraphs] == ["各位代表：", "一年来，主要做了以下工作。", BODY, BODY2]


def test_speech_byline_with_date_and_a_lede_before_it():
    art = one("在毕业典礼上的讲话\n王  琛  2020.6.20\n5月2日，王琛在毕业典礼上发表讲话。这是王琛在毕业典礼上的讲话。\n"
              f"亲爱的同学们：\n{BODY}\n")
    assert (art.author, art.date, art.genre, art.occasion) == ("王琛", "2020-06-20", "speech", "毕业典礼")
    assert [p.text for p in art.paragraphs] == ["亲爱的同学们：", BODY]


def test_title_broken_before_da_jizhe_wen_and_quotes_across_lines():
    art = one("中央办公厅负责人就《意见》\n答记者问\n\n问：《意见》提出了哪些新举措？\n答：《意见》提出推行“双向\n揭榜\n挂帅”机制。\n")
    assert art.title == "中央办公厅负责人就《意见》答记者问"
    assert [p.text for p in art.paragraphs] == ["问：《意见》提出了哪些新举措？", "答：《意见》提出推行“双向揭榜挂帅”机制。"]


def test_a_speech_date_is_its_delivery_date_not_the_print_date():
    art = one(f"在全国科技大会上的讲话\n习近平\n同志们：\n{BODY}\n《人民日报》（2024年06月25日第 02 版）\n")
    assert (art.genre, art.date, art.publication) == ("speech", None, "人民日报")


def test_qiushi_note_with_footnote_mark_and_a_partial_delivery_date():
    text = "在中央政治局集体学习时的讲话※\n（12月6日下午，在中央政治局第三十五次集体学习时）\n{}\n{}"
    note = "※这是习近平总书记2021年12月6日在十九届中央政治局第三十五次集体学习时的讲话。\n"
    art = one(text.format(BODY, note))
    assert (art.title, art.genre, art.author, art.date) == ("在中央政治局集体学习时的讲话", "qiushi", "习近平", "2021-12-06")
    assert one(text.format(BODY, "")).date == "--12-06"


def test_government_document_number_signature_and_own_date():
    art = one("国务院关于推进高校博物馆开放的意见\n国发〔2024〕10号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
              f"{BODY}\n{BODY2}\n国务院\n2024年6月1日\n（此件公开发布）\n《人民日报》（2024年06月05日第 01 版）\n")
    assert (art.title, art.genre, art.author, art.date, art.publication) == (
        "国务院关于推进高校博物馆开放的意见", "document", None, "2024-06-01", "人民日报")
    assert [p.text for p in art.paragraphs] == ["各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", BODY, BODY2]
    assert [d.reason for d in art.dropped] == ["note", "signature", "signature", "note"]
