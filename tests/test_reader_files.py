"""Files as they come: .docx, saved .html pages, a few bad bytes, colliding stems, tables."""

import io
import sys
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import policytext
from policytext import DependencyError, InputError
from policytext.reader import ReplacedBytesWarning, doc_ids, iter_table

REPORT = ["2025年某省政府工作报告", "——2025年1月15日在某省第十四届人民代表大会第三次会议上", "省长 王予波", "各位代表：",
          "现在，我代表省人民政府，向大会报告工作，请予审议。"]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(lines: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{x}</w:t></w:r></w:p>" for x in lines)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
    return buf.getvalue()


def test_docx_report(tmp_path):
    f = tmp_path / "report.docx"
    f.write_bytes(make_docx(REPORT))
    (art,) = policytext.read(f)
    assert (art.title, art.author, art.affiliation, art.date, art.genre) == (
        "2025年某省政府工作报告", "王予波", "省长", "2025-01-15", "report")
    assert [p.text for p in art.paragraphs] == REPORT[3:]


def test_docx_written_by_python_docx(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in REPORT:
        d.add_paragraph(line)
    d.save(tmp_path / "r.docx")
    assert policytext.read(tmp_path / "r.docx")[0].author == "王予波"


@pytest.mark.parametrize("data,reason", [(b"PK\x03\x04 not really a zip", "not a zip"), ("政府工作报告".encode(), "not a zip")])
def test_docx_that_is_not_one(tmp_path, data, reason):
    f = tmp_path / "bad.docx"
    f.write_bytes(data)
    with pytest.raises(InputError) as exc:
        policytext.read(f)
    assert str(f) in str(exc.value) and reason in str(exc.value)


PAGE = """<html><head><meta charset="utf-8"><title>高校博物馆：让文物活起来_新华网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/a">时政</a></div>
<div class="article"><h1>高校博物馆：让文物活起来</h1>
<p>新华网北京4月9日电（记者 张三）高校博物馆是文化传承的重要阵地，越来越多的高校博物馆向社会开放，成为市民游客打卡的新去处。</p>
<p>南理工兵器博物馆供图</p>
<p>馆长表示，博物馆将继续推出线上展览，让更多人走近文物、读懂历史，感受中华优秀传统文化的魅力。今年以来，馆里接待观众人数明显增加。</p>
<p>在学生志愿者的讲解下，参观者了解了每件展品背后的故事。一位参观者说，这样的博物馆让历史变得可亲可感。</p>
<p>【责任编辑：李四】</p></div>
<div class="footer">扫一扫分享本页 Copyright © 2025 新华网 版权所有</div></body></html>"""


def test_html_page(tmp_path):
    pytest.importorskip("trafilatura")
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    (art,) = policytext.read(f)
    assert art.title == "高校博物馆：让文物活起来"
    assert (art.genre, art.dateline, art.author, art.date) == ("news", "北京", "张三", "--04-09")
    texts = [p.text for p in art.paragraphs]
    assert texts[0].startswith("高校博物馆是文化传承") and len(texts) == 3
    assert ("南理工兵器博物馆供图", "caption") in art.dropped


@pytest.mark.parametrize("page", ["<html><head><title>首页</title></head><body><script>var a=1;</script></body></html>",
                                  "<html><body><nav>菜单</nav></body></html>"], ids=["script-only", "menu-only"])
def test_html_page_without_article(tmp_path, page):
    pytest.importorskip("trafilatura")
    f = tmp_path / "empty.html"
    f.write_text(page, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        policytext.read(f)
    assert str(f) in str(exc.value) and "no article" in str(exc.value)


def test_a_folder_holds_text_word_and_html_files_and_bad_ones_become_error_rows(tmp_path):
    pytest.importorskip("trafilatura")
    src = tmp_path / "in"
    src.mkdir()
    (src / "report.docx").write_bytes(make_docx(REPORT))
    (src / "page.html").write_text(PAGE, encoding="utf-8")
    (src / "seed.txt").write_text(Path("corpora/guangming-2025-01-27.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (src / "bad.docx").write_bytes(b"not a zip")
    (src / "menu.html").write_text("<html><body><nav>菜单</nav></body></html>", encoding="utf-8")
    (src / "notes.csv").write_text("text\n城市更新\n", encoding="utf-8")  # a table is no document of a folder
    res = policytext.Corpus.from_files(src).analyze(n_jobs=1, progress=False)
    assert sorted(res.articles.doc_id.unique()) == ["page", "report", "seed"]
    assert sorted(res.errors.doc_id) == ["bad", "menu"] and set(res.errors.error) == {"InputError"}


def test_html_without_trafilatura(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    with pytest.raises(DependencyError) as exc:
        policytext.read(f)
    assert "policytext[html]" in str(exc.value)


def test_a_few_bad_bytes(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes("标题\n\n城市更新是重要手段。".encode() + b"\xff\xfe" + "第二句。\n".encode())
    with pytest.raises(InputError) as exc:
        policytext.read(f)
    assert "errors='replace'" in str(exc.value)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        (art,) = policytext.read(f, errors="replace")
    assert art.paragraphs[0].text == "城市更新是重要手段。\ufffd\ufffd第二句。"
    (w,) = [w for w in caught if issubclass(w.category, ReplacedBytesWarning)]
    assert str(f) in str(w.message) and "2 bad bytes" in str(w.message)


def test_ids_from_relative_paths_when_stems_collide(tmp_path):
    paths = []
    for year in ("2024", "2025"):
        (tmp_path / year).mkdir()
        paths.append(tmp_path / year / "report.txt")
        paths[-1].write_text("标题\n\n正文。\n", encoding="utf-8")
    ids = doc_ids(paths)
    assert sorted(ids.values()) == ["2024/report", "2025/report"]
    a, b = (policytext.read(p, doc_id=ids[str(p)])[0] for p in paths)
    assert (a.id, b.id) == ("2024/report#1", "2025/report#1") and a.source == str(paths[0])


ROWS = pd.DataFrame({"id": ["a", "b", "c"], "title": ["一", "二", None],
                     "text": ["城市更新。", "乡村振兴。", "新质生产力。"], "date": ["2025-01-27", "2025-02-01", None]})


def expected():
    return [("a", "城市更新。", {"title": "一", "date": "2025-01-27"}), ("b", "乡村振兴。", {"title": "二", "date": "2025-02-01"}),
            ("c", "新质生产力。", {"title": None, "date": None})]


def test_table_dataframe_in_chunks():
    assert list(iter_table(ROWS, chunksize=2)) == expected()


def test_table_csv_parquet_excel(tmp_path):
    ROWS.to_csv(tmp_path / "t.csv", index=False)
    ROWS.to_parquet(tmp_path / "t.parquet", index=False)
    assert list(iter_table(tmp_path / "t.csv", chunksize=2)) == expected()
    assert list(iter_table(str(tmp_path / "t.parquet"), chunksize=1)) == expected()
    pytest.importorskip("openpyxl")
    ROWS.to_excel(tmp_path / "t.xlsx", index=False)
    assert list(iter_table(tmp_path / "t.xlsx")) == expected()


def test_table_without_id_column(tmp_path):
    ROWS.drop(columns="id").to_csv(tmp_path / "texts.csv", index=False)
    assert [i for i, _, _ in iter_table(tmp_path / "texts.csv")] == ["texts-1", "texts-2", "texts-3"]


def test_table_without_text_column(tmp_path):
    ROWS.rename(columns={"text": "content"}).to_csv(tmp_path / "t.csv", index=False)
    with pytest.raises(InputError) as exc:
        list(iter_table(tmp_path / "t.csv"))
    assert "t.csv" in str(exc.value) and "'text'" in str(exc.value) and "content" in str(exc.value)
    assert [t for _, t, _ in iter_table(tmp_path / "t.csv", text="content")] == list(ROWS.text)


def test_html_page_with_two_reprinted_pieces(tmp_path):
    pytest.importorskip("trafilatura")
    body = "".join(f"<p>{x}</p>" for x in [
        "中央办公厅负责人就《意见》答记者问", "问：《意见》出台的背景是什么？", "答：为了深入贯彻党的二十大精神，推动高校博物馆开放。",
        "问：《意见》有哪些主要内容？", "答：主要有三个方面，一是开放，二是共享，三是创新。", "（来源：新华社）",
        "高校博物馆纷纷向社会开放", "本报讯（记者 张三）近日，多所高校博物馆向社会开放，吸引了大批市民游客前来参观。",
        "馆长表示，博物馆将继续推出线上展览，让更多人走近文物、读懂历史。", "（来源：浙江日报）",
        "推荐阅读", "其他文章一"])
    page = (f"<html><head><title>学习材料--学习专栏-某某中学</title></head><body><div class='c'>{body}</div>"
            "<div>发布时间：2024年03月05日</div></body></html>")
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    a, b = policytext.read(f)
    assert (a.title, a.genre, a.publication, a.date) == ("中央办公厅负责人就《意见》答记者问", "transcript", "新华社", "2024-03-05")
    assert len(a.paragraphs) == 4
    assert (b.title, b.author, b.publication, b.date, len(b.paragraphs)) == (
        "高校博物馆纷纷向社会开放", "张三", "浙江日报", "2024-03-05", 2)
