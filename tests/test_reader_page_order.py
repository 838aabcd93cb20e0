"""The reader on a saved page whose headline the page shows again below the story (a list of the
channel's latest headlines): trafilatura's lines are put in page order with the headline where
the page shows it over the story, so the story is not read as furniture above a later copy of the
headline. Lines cut from a 2005 雅虎中国 news page of the Chinese web-content extraction dataset
(immortal-autumn/Chinese-Web-Content-Extraction-Dataset@99d0ef0,
original/2bac7fb2-efbd-4444-99c8-51c72acf5c7d.html; a dev repository of the reader)."""

from __future__ import annotations

from policytext.reader.html import _in_page_order

HEADLINE = "多数夫妻生活有名无实 日本无性婚姻问题严重(图)"
BODY = "像许多日本女性一样，顺子一直等到30岁出头才结婚。在决定结婚后，顺子便把精力放在建立新家庭上。顺子夫妇现在已经结婚15年了，仍没有孩子，但他们并非没有生育能力。"
# the page's blocks in the order it shows them; trafilatura's lines in the order it gave them
BLOCKS = "\n".join(["首页 滚动 国内 国际 财经 社会 声音 专题 两性 幻灯", HEADLINE, "2005-04-05 06:40更新 来源：转载文章",
                    "资料图：无性婚姻能走多远？", BODY, "来源：新闻晨报", "发送给朋友 发表评论 打印本文",
                    "[花边] 蒋介石照片曾被大量复印 用于代言男性保健品(图)", "[情感] " + HEADLINE])
LINES = "\n".join(["首页 滚动 国内 国际 财经 社会 声音 专题 两性 幻灯", "资料图：无性婚姻能走多远？", BODY, "来源：新闻晨报",
                   "发送给朋友 发表评论 打印本文", HEADLINE, "2005-04-05 06:40更新 来源：转载文章"])


def test_headline_put_over_the_story_not_at_its_copy_below():
    out = _in_page_order(LINES, HEADLINE, BLOCKS).splitlines()
    assert out.index(HEADLINE) < out.index(BODY)


def test_template_leftover_is_no_source(tmp_path):
    """The same dataset's page 05e98007 (看中国, 2005) prints its empty author and source fields as
    ``作者： size="20" 来源： size="20"``: no publication, not ``size="20"``."""
    import pytest

    pytest.importorskip("trafilatura")
    import policytext

    page = ('<html><head><meta charset="utf-8"><title>茉莉：我是怎样卷入八九民运的</title></head><body>'
            '<table><tr><td align="center"><b><font size="3" color="blue">茉莉：我是怎样卷入八九民运的</font></b></td></tr>'
            '<tr><td><div align="left"><font size="3" color="#008000">作者： \n    size="20"\n    &nbsp;&nbsp;来源：\n'
            '    size="20"\n    &nbsp;&nbsp;发布日期： \n    7/5/2005 9:23:57 PM</font></div></td></tr>'
            '<tr><td><p>张家界的春天，美得让人眩目。长期过著从家门到校门的机械生活，一下子置身于翠绿欲滴的森林，看不完的奇山异峰，'
            '山涧涓流，名花异草，－－我简直要玩疯了。</p><p>像我这样自小就跟随父母下乡回老家，在闭塞农村长大的人，对遥远京城的政治，'
            '长期以来，持一种不甚关心的态度。但胡耀邦先生其人其事，我还是有所耳闻的。</p></td></tr></table></body></html>')
    f = tmp_path / "kzg-2005.html"
    f.write_text(page, encoding="utf-8")
    (a,) = policytext.read(f)
    assert a.publication != 'size="20"'
