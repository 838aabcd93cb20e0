"""Themes: procedural and framing lines of news reports, communiqués and speeches (the ``none``
detector's evidence) and the ritual framing left out of the theme evidence, on real text (新闻联播
items, a speech and a work report of the dev split of the blind theme gold, laws)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import policytext
from policytext.themes import Calibration, procedural_share, rank_themes, substance

DEV = Path(__file__).resolve().parents[1] / "corpora" / "blind" / "themes" / "dev"


def paragraphs(name: str) -> list[str]:
    return [p.text for a in policytext.read(DEV / f"{name}.txt") for p in a.paragraphs]


@pytest.mark.parametrize("line", [
    "蔡奇、王毅等出席上述活动。",                                    # who attended
    "马兴瑞、吴政隆参加调研。",
    "十四届全国人大常委会第二十一次会议26日下午在北京人民大会堂闭幕。赵乐际委员长主持闭幕会。",  # held, presided
    "全会由中央纪律检查委员会常务委员会主持。中共中央政治局常委、中央纪委书记李希讲话。",
    "当天中午，武契奇和塔玛拉在塞尔维亚大厦为习近平和彭丽媛举行了隆重欢迎宴会。",
    "会议经表决，免去刘少云的中国人民解放军军事法院院长职务。",           # a meeting's business
    "全会按照党章规定，选举赵世勇同志为中共中央纪律检查委员会副书记，张忠同志为中共中央纪律检查委员会常务委员会委员、副书记。",
    "中国共产党第二十届中央纪律检查委员会第六次全体会议22日在北京闭幕。现在播送全会公报。",  # broadcast framing
    "习近平首先代表中国政府和中国人民，向武契奇总统和塞尔维亚政府和兄弟般的塞尔维亚人民致以诚挚问候。",  # greeting
])
def test_wholly_procedural_lines(line):
    assert procedural_share([line])[0] >= 0.95
    assert [t.id for t in rank_themes([line])[0]] == ["none"]


def test_content_framing_and_law_provisions_are_not_wholly_procedural():
    framed = ("随着平台经济蓬勃发展，快递员、外卖骑手等新就业形态劳动者规模持续扩大。今天（2月26日）的《代表委员履职故事》"
              "带您认识关注新就业形态劳动者权益保障的全国人大代表李丰。")
    content = ("全会深入学习贯彻习近平新时代中国特色社会主义思想特别是习近平党建思想。会议指出，习近平党建思想是习近平新时代"
               "中国特色社会主义思想的党建篇，是新时代全面从严治党实践经验的系统总结和理论升华。")
    law = "第十七条 全国人民代表大会会议公开举行。"   # a rule about meetings, not a meeting that took place
    share = procedural_share([framed, content, law])
    assert 0 < share[0] < 0.95 and share[1] == 0 and share[2] == 0
    assert rank_themes([framed])[0][0].id == "employment_social_security"
    assert rank_themes([content])[0][0].id == "party_leadership"


def test_news_items_procedural_lines_are_none_and_their_substance_themed():
    communique = paragraphs("2026-08-22-xwlb-ccdi-sixth-plenum-communique")  # 新闻联播 2026-08-22
    assert [r[0].id for r in rank_themes(communique, context=True)] == \
        ["none", "none", "none", "party_leadership", "party_leadership", "none"]
    banquet = paragraphs("2024-05-09-xwlb-xi-serbia-banquet")  # 新闻联播 2024-05-09
    assert [r[0].id for r in rank_themes(banquet, context=True)] == \
        ["none", "none", "foreign_affairs", "foreign_affairs", "foreign_affairs", "none"]


def test_ritual_framing_is_left_out_of_the_evidence():
    report = paragraphs("2026-01-27-gansu-gov-work-report-2026-part")  # its review opens with four framing clauses
    at = next(i for i, p in enumerate(report) if p.startswith("“十四五”时期是甘肃"))
    core = substance(report[at])
    assert "在以习近平同志为核心的党中央坚强领导下" in report[at] and "在以习近平同志为核心的党中央坚强领导下" not in core
    assert "战疫情、拼经济" in core
    assert rank_themes(report, context=True)[at][0].id != "party_leadership"   # gold: economy
    assert rank_themes([report[at]])[0][0].id != "party_leadership"
    alone = "以习近平新时代中国特色社会主义思想为指导。"   # framing that is the whole text stays
    assert substance(alone) == alone


def test_a_calibration_of_five_none_weights_has_no_procedural_term():
    z, seeds, lengths, wholly = np.array([[2.0, 0.0]]), np.zeros((1, 2)), np.array([12]), np.array([1.0])
    old = Calibration(bias=(0.0, 0.0), weights=(1.0, 0.0, 0.0, 0.0, 0.0), none=(0.0,) * 5, none_index=1)
    new = Calibration(bias=(0.0, 0.0), weights=(1.0, 0.0, 0.0, 0.0, 0.0), none=(0.0,) * 6, none_index=1)
    assert old.probabilities(z, seeds, lengths, False, wholly)[0, 1] == 0.5
    assert new.probabilities(z, seeds, lengths, False, wholly)[0, 1] == 1.0
    assert new.probabilities(z, seeds, lengths, False)[0, 1] == 0.5


@pytest.mark.parametrize("line", [
    # attendees that include "负责同志" (officials in charge), not a rule saying who is responsible
    "王沪宁、刘延东、刘奇葆、栗战书和中央有关部门负责同志分别陪同参加调研和座谈会。"
    "中央新闻舆论单位负责同志、北京市有关方面负责同志、中央新闻单位编辑记者代表约180人参加座谈会。",
    # a list of attendees longer than an event sentence
    "各省、自治区、直辖市和新疆生产建设兵团、中央党政军群有关部门、有关金融机构和国有重要骨干企业的负责同志，驻有关国家使节、"
    "部分常驻国际和地区组织代表和外交部驻香港、澳门公署特派员、部分专门事务大使、特使和代表参加会议。",
    # a plenum's head count, and a Politburo meeting's closing line
    "中国共产党第十八届中央纪律检查委员会第六次全体会议，于2016年1月12日至14日在北京举行。出席这次全会的中央纪委委员124人，列席226人。",
    "会议还研究了其他事项。",
])
def test_attendance_lists_and_closing_lines_of_2013_2016_news(line):
    """Lines of 新闻联播 items of 2013-2016 (dev split, china-data/xwlb)."""
    assert procedural_share([line])[0] >= 0.95


def test_rules_of_laws_on_attendance_are_not_events():
    law = "常务委员会举行会议的时候，可以由各省、自治区、直辖市的人民代表大会常务委员会派主任或者副主任一人列席会议。"
    assert procedural_share([law])[0] == 0


def test_2014_2016_news_on_the_army_and_party_discipline():
    """新闻联播 items of 2014-2016 (dev split): a visit to the air force, a feature on the army's reform,
    a CCDI plenum communiqué (its opening lines, attendance and head count are ``none``)."""
    visit = paragraphs("2014-04-14-xwlb-xi-air-force-headquarters")
    assert [r[0].id for r in rank_themes(visit, context=True)] == ["defence"] * 7 + ["none"]
    feature = paragraphs("2016-07-31-xwlb-road-to-a-strong-army-ep1")
    assert {r[0].id for r in rank_themes(feature, context=True)} == {"defence"}
    communique = [r[0].id for r in rank_themes(paragraphs("2016-01-14-xwlb-ccdi-sixth-plenum-communique"), context=True)]
    assert communique[:3] == ["none"] * 3 and set(communique[4:]) == {"party_leadership"}


def test_no_none_cue_in_words_with_dian():
    """The `none` cues hold no single 电 (电力, 电信, 电视 are words of content; datelines end in 日电)."""
    from policytext.themes import SeedScorer, Taxonomy
    tax = Taxonomy.default()
    cues = set(tax["none"].seeds)
    found = SeedScorer(tax).found("国有企业股份制改革继续推进。电力、电信、民航等行业的改革加快。")
    assert not found & cues
    assert "日电" in SeedScorer(tax).found("新华社北京12月31日电　新年前夕，国家主席习近平发表了新年贺词。")


@pytest.mark.parametrize("line", [
    # 人民日报 2026-07-04 (dev split): a meeting lede after its dateline, a ceremony's proceedings
    "新华社哥本哈根7月3日电 （记者张玉亮）丹麦国王腓特烈十世3日在阿美琳堡宫会见中共中央政治局委员、外交部长王毅。",
    "上午10时30分许，晋衔仪式在庄严的中华人民共和国国歌声中开始。中央军委副主席张升民主持晋衔仪式，宣读中央军委主席习近平签署的晋升上将军衔命令。",
    # 新闻联播 2026-02-26 (dev split): the chairpersons' meeting proposes the session's agenda
    "会议原则通过了全国人大常委会工作报告稿。委员长会议建议委托赵乐际委员长代表常委会向十四届全国人大四次会议报告工作。",
    "新华社北京7月3日电",   # a dateline alone
])
def test_meeting_ledes_ceremonies_and_agenda_lines_are_procedural(line):
    assert procedural_share([line])[0] == 1.0


def test_a_dateline_is_left_out_of_a_lede_with_content():
    """人民日报 2026-07-04 (dev split): ledes that say what was decided or started are not procedural;
    a rule of a law on meeting someone is no meeting that took place."""
    plan = ("新华社北京7月3日电 日前，国务院印发《美丽中国建设“十五五”规划》（以下简称《规划》），明确了“十五五”时期全面推进"
            "美丽中国建设的总体要求、目标指标、重点任务和重大工程。")
    macao = ("本报电（钟欣）“粤港澳大湾区青年见习计划”（下称“计划”）近日在澳门特区政府劳工事务局总部启动，为澳门青年走进粤港澳"
             "大湾区产业一线提供累积职场经验的机会，以助力拓宽青年就业视野、提升专业能力。")
    law = "辩护律师可以同在押的犯罪嫌疑人、被告人会见和通信。"
    assert procedural_share([plan, macao, law]).tolist() == [0.0, 0.0, 0.0]
