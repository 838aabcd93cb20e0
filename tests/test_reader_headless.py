"""The reader on plain-text news kept without their headline (the SogouC stories of the reader's
dev set k, ``corpora/blind/reader/dev/k-*.txt``): the 电头 and byline forms of 2006 papers and
agencies, a number broken at its decimal point, a headline and its deck on the text's first line,
the meeting a report comes from, a source field glued to the last paragraph. The texts are cut
from those files (real text)."""

from __future__ import annotations

from pathlib import Path

import pytest

import policytext

DEV = Path(__file__).resolve().parents[1] / "corpora" / "blind" / "reader" / "dev"


def test_reporters_after_the_dateline_without_brackets():
    (a,) = policytext.read_text(
        "\u3000\u3000本报北京3月6日电记者康庚报道：军队人大代表、中央军委委员、总参谋长梁光烈，今天在十届全国人大四次会议"
        "解放军代表团分组会上发言时说，温总理作的政府工作报告，总结了去年我国社会主义现代化事业取得的显著成就。\r\n"
        "\u3000\u3000梁光烈代表首先谈到政府工作报告和“十一五”规划纲要草案的三个突出特点。\r\n")
    assert (a.author, a.dateline, a.date, a.genre) == ("康庚", "北京", "--03-06", "news")
    assert a.occasion == "十届全国人大四次会议"
    assert a.paragraphs[0].text.startswith("军队人大代表、中央军委委员")


def test_chinese_numeral_dateline_headline_and_deck():
    (a,) = policytext.read_text(
        "\u3000\u3000中新社北京三月二日电 题：中国国防科技工业将着力提高军民转换能力\r\n"
        "\u3000\u3000——访国防科学技术工业委员会新闻发言人黄强\r\n"
        "\u3000\u3000中新社记者 孙自法\r\n"
        "\u3000\u3000从载人航天到“嫦娥”探月、从核电建设到船舶制造、从大飞机项目到武器装备研制……中国近年来蓬勃发展的国防科技工业"
        "备受全国乃至全球瞩目，更是年年“两会”代表、委员们关注的热点之一。\r\n"
        "\u3000\u3000着力提高军民转换能力\r\n"
        "\u3000\u3000黄强指出，军民结合高技术产业是强化国防科技工业能力，满足国防建设和国民经济建设的结合点和着力点。\r\n")
    assert (a.title, a.subtitle) == ("中国国防科技工业将着力提高军民转换能力", "访国防科学技术工业委员会新闻发言人黄强")
    assert (a.author, a.publication, a.dateline, a.date) == ("孙自法", "中新社", "北京", "--03-02")
    assert a.sections == ["着力提高军民转换能力"]


def test_team_byline_line():
    (a,) = policytext.read_text(
        "\u3000\u3000本报驻韩国特派记者\u3000徐宝康\u3000本报记者\u3000程刚\u3000本报驻美国、韩国、日本特约记者\u3000牛雨辰\u3000刘复晨\u3000张莉霞\r\n"
        "\u3000\u3000美国似乎要按照《四年防务评估报道》的精神“来点真的”了。美太平洋司令部司令威廉·法伦3月7日在参议院军事委员会作证时建议，"
        "美国应突破现行与日本、韩国分别建立双边同盟关系，推动“韩日美三边军事合作”。\r\n")
    assert (a.author, a.genre) == ("徐宝康、程刚、牛雨辰、刘复晨、张莉霞", "news")
    assert a.paragraphs[0].text.startswith("美国似乎要按照")


def test_number_broken_at_its_decimal_point():
    (a,) = policytext.read_text(
        "\u3000\u30002005年中国军费为302亿美元，同年美国、英国、日本、法国的军费支出分别为4017亿美元、488亿美元、453亿美元和365亿美元。"
        "2005年中国军费占国内生产总值的比重为1.36％，而这一比重在美国为3.6％，英国为2.59％，法国为1.\r\n"
        "\u3000\u300098％。2005年中国军费占财政支出中的比重是7.34％，而美国占17.8％，法国占11.4％，德国占9.25％。")
    assert len(a.paragraphs) == 1
    assert "法国为1.98％。2005年" in a.paragraphs[0].text


def test_headline_and_deck_on_the_first_line_of_a_headless_text():
    (a,) = policytext.read_text(
        "\u3000\u3000“彻底取消杂费，不给教育乱收费留下‘活口’！”——全国人大常委会组成人员分组审议义务教育法修订草案旁听纪实\r\n"
        "\u3000\u30004月28日上午。人民大会堂。全国人大常委会组成人员正在分组审议义务教育法修订草案。\r\n"
        "\u3000\u3000审议中，许多常委会组成人员表示，我国已有财力实行免费义务教育。\r\n"
        "\u3000\u3000来源：新华社\r\n"
        "\u3000\u3000编辑：苏琳")
    assert a.title == "“彻底取消杂费，不给教育乱收费留下‘活口’！”"
    assert a.subtitle == "全国人大常委会组成人员分组审议义务教育法修订草案旁听纪实"
    assert (a.genre, a.publication, a.author) == ("feature", "新华社", None)
    assert a.paragraphs[0].text.startswith("4月28日上午。")


def test_meeting_a_report_comes_from():
    (a,) = policytext.read_text(
        "\u3000\u3000人民网北京4月28日讯 记者臧文丽报道：中纪委纠风室副主任施泽华今天在人民网举行的“规范教育收费”网上座谈会上表示，"
        "治理教育乱收费的形势依然严峻，将采取四大措施确保工作稳步推进。\r\n"
        "\u3000\u3000一、继续坚持治理教育乱收费的领导体制和工作机制。\r\n")
    assert (a.author, a.publication, a.date, a.occasion) == ("臧文丽", "人民网", "--04-28", "“规范教育收费”网上座谈会")


def test_source_field_glued_to_the_last_paragraph():
    (a,) = policytext.read_text(
        "\u3000\u3000党的十六届四中全会明确提出要“提高构建社会主义和谐社会的能力”。和谐社会要有与之相适应的和谐思维方式。\r\n"
        "\u3000\u3000（一）从帝王题材转到百姓生活\r\n"
        "\u3000\u3000值得一提的是，几年前就有人提出要发展室内剧，因而，这种投资小、经济简便的室内剧并没有在中国真正发展起来。"
        " （作者为黑龙江大学文学院教授）来源：[张奎志]")
    assert (a.author, a.affiliation, a.publication, a.genre) == ("张奎志", "黑龙江大学文学院教授", None, "theory")
    assert a.paragraphs[-1].text.endswith("真正发展起来。 （作者为黑龙江大学文学院教授）")


@pytest.mark.skipif(not DEV.is_dir(), reason="no reader dev set in this checkout")
def test_dev_set_k_files():
    """The whole files, as the bench reads them (CRLF, a 电头 and a page-broken number)."""
    (a,) = policytext.read(DEV / "k-sogou-c24-1201-xinhuanet-npc-defence-budget.txt")
    assert (a.author, a.publication, a.date, a.occasion) == ("季明、赵颖", "新华网", "--03-04", "十届全国人大四次会议")
    assert [len(p.text) for p in a.paragraphs] == [86, 101, 138, 134, 178]


def test_reporters_on_the_line_under_a_dateline_alone():
    """SogouC C000024/1394.txt (解放军报, 2006): the 电头 stands on a line of its own."""
    (a,) = policytext.read_text(
        "\r\n\u3000\u3000本报北京2月22日电 \r\n"
        "记者洪文军报道：中央军委副主席、国务委员兼国防部长曹刚川今天在钓鱼台国宾馆会见了正在我国进行国事访问的巴基斯坦总统穆沙拉夫。\r\n"
        "\u3000\u3000曹刚川说，中巴友谊具有深厚而坚实的基础，深深植根于两国人民之中。\r\n")
    assert (a.author, a.dateline, a.date) == ("洪文军", "北京", "--02-22")
    assert a.paragraphs[0].text.startswith("中央军委副主席")


def test_nul_padding_of_a_field():
    """SogouC C000023/1531.txt: the editor's line padded with NUL characters to its field's width."""
    (a,) = policytext.read_text(
        "\u3000\u3000当楚国人项羽起义攻秦时，坑杀秦兵二十余万，一把火烧了秦国经营几代的阿房宫，比起秦王的残暴可谓有过之而无不及。\r\n"
        "\u3000\u3000当那个楚国辩士陆贾以诗书之礼劝说刘邦时，他先是不屑地说：“乃公居马上而得之，安事诗书！”\r\n"
        "编辑：彭颖" + "\x00" * 120)
    assert len(a.paragraphs) == 2
    assert [d.text for d in a.dropped] == ["编辑：彭颖"]


def test_pagination_and_reading_list_a_crawl_kept():
    """SogouC C000023/1531.txt: the page's pager and its 延伸阅读 list after the text, with the
    entities the crawl left, are no paragraphs."""
    (a,) = policytext.read_text(
        "\u3000\u3000当秦国用武力统一中国时，它无限伸展的原始力量不能被整体和谐之“天”容纳而分担于政治形式中。\r\n"
        "\u3000\u3000当楚国人项羽起义攻秦时，坑杀秦兵二十余万，一把火烧了秦国经营几代的阿房宫，比起秦王的残暴可谓有过之而无不及。\r\n"
        "[1]&nbsp;[2]&nbsp;[3]&nbsp;下一页&nbsp;\r\n"
        "延伸阅读：〖人文思想〗中国文化纵横谈&nbsp;&nbsp; 中国文化与基督精神\r\n"
        "学者李泽厚：传统文化不经改造出不了现代人&nbsp;&nbsp; 中国的裤裆文化传统&nbsp;\r\n"
        "看日本如何精心保护传统文化&nbsp;&nbsp; 是谁破坏了中华的传统文化和精神？\r\n")
    assert len(a.paragraphs) == 2
    assert a.paragraphs[-1].text.endswith("可谓有过之而无不及。")


def test_pager_glued_to_the_text_and_entity_only_lines():
    """SogouC C000023/1730.txt and C000020/1475.txt: a pager glued to the last sentence, and a line
    that is only a crawl's ``&nbsp;``, are no text."""
    (a,) = policytext.read_text(
        "\u3000\u3000《我的第一颗氢弹爆炸试验成功》摄于1967年6月17日上午9时。\r\n"
        "\u3000\u3000这次核试验拍摄到的火球最壮观，从小到大的各种蘑菇云变化多端，每颗都像一束鲜艳夺目的花朵，是我拍摄数十次核试验最好的一次。"
        "上一页&nbsp;[1]&nbsp;[2]&nbsp;[3]&nbsp;[4]&nbsp;[5]&nbsp;[6]&nbsp;下一页&nbsp;\r\n")
    assert a.paragraphs[-1].text.endswith("是我拍摄数十次核试验最好的一次。")
    arts = policytext.read_text(
        "\u3000\u3000两专业开考计划中凡课程名称、学分与全国统考课程相同者，使用全国考委组编的课程自学考试大纲、教材，参加全国统一命题的考试。"
        "包括选考课，此类课程共19门。\r\n\u3000\u3000来源：北京考试报\r\n&nbsp;\r\n")
    assert len(arts) == 1 and arts[0].publication == "北京考试报" and len(arts[0].paragraphs) == 1


def test_first_line_numbered_like_the_headings_after_it():
    """SogouC C000023/1867.txt: the crawl starts at the first numbered heading of the article."""
    (a,) = policytext.read_text(
        "1、 玉米\r\n"
        "《笑傲江湖》第2回：“那农妇从屋中出来，拿着四枝煮熟的玉米棒子，交在他手里。”\r\n"
        "玉米本非中国土产，这是常识。玉米原产美洲，1494年哥伦布从美洲回来后才传入欧洲。\r\n"
        "2、 花生、蚕豆、南瓜\r\n"
        "《天龙八部》20回：“（萧峰）只见地下放着不少熟肉、炒米、枣子、花生、鱼干之类干粮，更妙的是居然另有一大坛酒。”\r\n")
    assert a.title is None
    assert a.sections == ["1、 玉米", "2、 花生、蚕豆、南瓜"]
    assert [p.section for p in a.paragraphs] == ["1、 玉米", "1、 玉米", "2、 花生、蚕豆、南瓜"]


def test_deck_without_its_headline():
    """SogouC C000023/1753.txt: the crawl kept the review's deck, not its headline."""
    (a,) = policytext.read_text(
        "——评崔永元《不过如此》\r\n"
        "看了名嘴阿崔的《不过如此》觉得很过瘾，看了名笔阿城的序却觉得有点误导。阿城说，世界上最难办到的事之一即实话实说。\r\n"
        "在阿城的序中，讲实话是一种难能可贵的美德，媒体上的一些访谈和评论，也常从这个角度来理解“实话实说”这一节目。\r\n")
    assert (a.title, a.subtitle) == (None, "评崔永元《不过如此》")
    assert len(a.paragraphs) == 2


def test_paragraphs_run_into_one_line():
    """SogouC C000023/185.txt: the crawl ran the story into one line; each paragraph still opens
    with its two full-width spaces."""
    (a,) = policytext.read_text(
        "\u3000\u3000记者20日从湖北省文物局获悉，湖北准备将已是世界文化遗产的旅游胜地武当山再进一步申报世界自然遗产。"
        "\u3000\u3000据了解，世界自然遗产有四项评审标准：一是构成代表地球演化史中重要阶段的突出例证；只要具备其中一项即可申报。"
        "\u3000\u3000湖北省文物局文物处处长祝建华介绍说，武当山自古是中国名山，其山势雄浑，风景中蕴涵中国古代哲学意味。")
    assert [p.text[:6] for p in a.paragraphs] == ["记者20日从", "据了解，世界", "湖北省文物局"]
    assert a.genre == "news"


def test_reporters_sign_off_with_its_editor():
    """SogouC C000024/1856.txt: the sign-off names the writer and the portal's editor."""
    (a,) = policytext.read_text(
        "[美国《航空周刊与航天技术》2006年1月16日刊报道]去年10月，美国空军的空战司令部计划开始一项为期一年的研究，即\"选择分析(AOA)\"。\n"
        "\u3000\u3000美空军计划在2007年以前完成AOA，在无人机、有人驾驶飞机和\"空天飞机\"之间做出选择。(姜曙光 责编洪山)\n")
    assert (a.author, a.genre) == ("姜曙光", "news")


def test_four_character_heading_under_the_title_is_no_byline():
    """A 2005 北京娱乐信报 story (f-sina-xinbao-couple-property-investment.txt of the dev set and the immortal-autumn page 8cb7b39d): ``人物画像`` opens a box, it is not a
    writer's name; 欧阳 and the other compound surnames still make four-character names."""
    (a,) = policytext.read_text("拿出10万元投资房产 小两口尝试以钱生钱\n人物画像\n"
                                "汤先生夫妇二人，虽说刚三十出头，但经过这几年的精打细算，银行账户上已经有20多万的存款。\n")
    assert a.author is None
    (b,) = policytext.read_text("拿出10万元投资房产 小两口尝试以钱生钱\n欧阳晓明\n"
                                "汤先生夫妇二人，虽说刚三十出头，但经过这几年的精打细算，银行账户上已经有20多万的存款。\n")
    assert b.author == "欧阳晓明"


def test_footer_words_inside_a_paragraph_are_text():
    """A 2005 page on podcasts (immortal-autumn dataset, 35687fb1): 版权所有 inside a sentence of the
    story is no footer; a disclaimer led by its label still is."""
    text = ("其次，提供音频和视频内容的播客，使本来已经很麻烦的互联网版权问题更加复杂。与现场直播的广播节目和网络音乐有所不同，"
            "播客节目完全依靠用户自身下载和储存，因此有些歌曲和内容可能会出现数千个版本，这有可能会引发法律纠纷。"
            "美国唱片工会表示：“播客在使用其它音乐时，一定要获得版权所有者或制作人的许可。”")
    (a,) = policytext.read_text("首先，播客的节目内容还不够丰富。\n" + text + "\n")
    assert a.paragraphs[-1].text == text
