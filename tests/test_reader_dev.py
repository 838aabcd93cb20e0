"""Every text of the shared development corpus (``../shared/corpora/dev/``, 30 files) gets its
title, author, date and genre right. The expected values were written by reading each file."""

from pathlib import Path

import pytest

import policytext

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "dev"
if not DEV.is_dir():
    DEV = Path("/work/shared/corpora/dev")

NPC = "第{}届全国人民代表大会第{}次会议"
# file: (title, author, affiliation, date, genre, occasion)
EXPECTED = {
    "2016年国务院政府工作报告.txt": ("政府工作报告", "李克强", "国务院总理", "2016-03-05", "report", NPC.format("十二", "四")),
    "2017年国务院政府工作报告.txt": ("政府工作报告", "李克强", "国务院总理", "2017-03-05", "report", NPC.format("十二", "五")),
    "2018年国务院政府工作报告.txt": ("政府工作报告", "李克强", "国务院总理", "2018-03-05", "report", NPC.format("十三", "一")),
    "2019年国务院政府工作报告.txt": ("政府工作报告", "李克强", "国务院总理", "2019-03-05", "report", NPC.format("十三", "二")),
    "2020年国务院政府工作报告.txt": ("政府工作报告", "李克强", "国务院总理", "2020-05-22", "report", NPC.format("十三", "三")),
    "2021年国务院政府工作报告.txt": ("政府工作报告", "李克强", "国务院总理", "2021-03-05", "report", NPC.format("十三", "四")),
    "2022年国务院政府工作报告.txt": ("政府工作报告", "李克强", "国务院总理", "2022-03-05", "report", NPC.format("十三", "五")),
    "2025年河北省政府工作报告.txt": ("2025年河北省政府工作报告", "王正谱", "河北省人民政府省长", "2025-01-13", "report",
                                "河北省第十四届人民代表大会第三次会议"),
    "2025年河南省政府工作报告.txt": ("2025年河南省政府工作报告", "王凯", "河南省人民政府省长", "2025-01-18", "report",
                                "河南省第十四届人民代表大会第三次会议"),
    "2025年浙江省政府工作报告.txt": ("2025年浙江省政府工作报告", "刘捷", "浙江省代省长", "2025-01-14", "report",
                                "浙江省第十四届人民代表大会第三次会议"),
    "2025年海南省政府工作报告.txt": ("2025年海南省政府工作报告", "刘小明", "海南省省长", "2025-01-14", "report",
                                "海南省第七届人民代表大会第四次会议"),
    "2025年湖北省政府工作报告.txt": ("2025年湖北省政府工作报告", "李殿勋", "湖北省人民政府代省长", "2025-01-16", "report",
                                "湖北省第十四届人民代表大会第三次会议"),
    "2025年湖南省政府工作报告.txt": ("2025年湖南省政府工作报告", "毛伟明", "省长", "2025-01-14", "report",
                                "湖南省第十四届人民代表大会第三次会议"),
    "2025年甘肃省政府工作报告.txt": ("2025年甘肃省政府工作报告", "任振鹤", "甘肃省省长", "2025-01-20", "report",
                                "甘肃省第十四届人民代表大会第三次会议"),
    "2025年福建省政府工作报告.txt": ("2025年福建省政府工作报告", "赵龙", "福建省人民政府省长", "2025-01-13", "report",
                                "福建省第十四届人民代表大会第三次会议"),
    "2025年西藏政府工作报告.txt": ("2025年西藏政府工作报告", "嘎玛泽登", "西藏自治区代理主席", "2025-01-19", "report",
                               "西藏自治区第十二届人民代表大会第三次会议"),
    "2025年贵州省政府工作报告.txt": ("2025年贵州省政府工作报告", "李炳军", "省长", "2025-01-19", "report",
                                "贵州省第十四届人民代表大会第三次会议"),
    "2025年辽宁省政府工作报告.txt": ("2025年辽宁省政府工作报告", "李乐成", "省长", "2025-01-16", "report",
                                "辽宁省第十四届人民代表大会第三次会议"),
    "2025年重庆市政府工作报告.txt": ("2025年重庆市政府工作报告", "胡衡华", "重庆市人民政府市长", "2025-01-19", "report",
                                "重庆市第六届人民代表大会第三次会议"),
    "2025年陕西省政府工作报告.txt": ("2025年陕西省政府工作报告", "赵刚", "陕西省省长", "2025-01-16", "report",
                                "陕西省第十四届人民代表大会第三次会议"),
    "2025年青海省政府工作报告.txt": ("2025年青海省政府工作报告", "罗东川", "代省长", "2025-01-19", "report",
                                "青海省第十四届人民代表大会第三次会议"),
    "2025年黑龙江省政府工作报告.txt": ("2025年黑龙江省政府工作报告", "梁惠玲", "省长", "2025-01-13", "report",
                                 "黑龙江省第十四届人民代表大会第三次会议"),
    # 求是: the 这是…的节选 note gives the speaker and the month; the byline 习近平 and part marker 一
    # are glued to the first sentence
    "xi-2020-02-29-public-health-law.txt": ("全面提高依法防控依法治理能力健全国家公共卫生应急管理体系", "习近平", None,
                                            "2020-02", "qiushi", None),
    # the title and speaker were lost upstream; the sign-off（新华社北京7月21日电）gives the day, the
    # source line 《 人民日报 》（ 2020年07月22日 02 版） the year
    "xi-2020-07-21-entrepreneurs-forum.txt": (None, None, None, "2020-07-21", "speech", "企业家座谈会"),
    "xi-2020-09-11-scientists-forum.txt": (None, None, None, "2020-09-11", "speech", "科学家座谈会"),
    # a 新华社 report: the date printed with it (source line) comes first, as in the blind gold
    "xi-2020-10-17-poverty-day-instruction.txt": (None, None, None, "2020-10-18", "news", None),
    # the texts of these New Year addresses give no date (the year in the title is the new year's);
    # the date is not guessed (the blind reader gold writes null too)
    "xi-newyear-2020.txt": ("习近平2020年新年贺词", "习近平", None, None, "new_year_address", None),
    "xi-newyear-2021.txt": ("习近平2021年新年贺词", "习近平", None, None, "new_year_address", None),
    "xi-newyear-2023.txt": ("习近平2023年新年贺词", "习近平", "国家主席", None, "new_year_address", None),
    "xi-newyear-2024.txt": ("习近平2024年新年贺词", "习近平", "国家主席", None, "new_year_address", None),
}

pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="the shared development corpus is not here")


def test_every_dev_file_is_listed():
    assert sorted(p.name for p in DEV.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dev_metadata(name):
    arts = policytext.read(DEV / name)
    assert len(arts) == 1
    a = arts[0]
    assert (a.title, a.author, a.affiliation, a.date, a.genre, a.occasion) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dev_paragraphs_are_text(name):
    """No delivery line, byline, source line, dateline or lede is left in the paragraphs (a sign-off
    such as （新华社北京7月21日电） stays at the end of the last one, as printed)."""
    (a,) = policytext.read(DEV / name)
    first = a.paragraphs[0].text
    assert not first.startswith(("——", "2025年1月", "3月5日", "以下为", "新华社", "习近平一")), first
    assert all("人民日报 》" not in p.text for p in a.paragraphs)


def test_report_lede_and_repeated_title_are_dropped():
    (a,) = policytext.read(DEV / "2021年国务院政府工作报告.txt")
    assert [d.reason for d in a.dropped] == ["preamble", "preamble"]
    assert a.dropped[1].text == "以下为报告双语全文："
    (b,) = policytext.read(DEV / "2025年湖南省政府工作报告.txt")
    assert ("政府工作报告", "repeated_title") in b.dropped and b.subtitle.startswith("2025年1月14日在湖南省")


def test_source_line_with_spaces():
    (a,) = policytext.read(DEV / "xi-2020-10-17-poverty-day-instruction.txt")
    assert (a.publication, a.dateline) == ("人民日报", "北京")
    assert a.paragraphs[0].text.startswith("在第七个国家扶贫日到来之际")
