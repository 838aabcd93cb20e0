"""The command line: analyze (text and JSON record), segment (SIGHAN format)."""

import json
import subprocess
import sys

import pytest

from policytext.cli import main


def test_analyze_text_report(seed_path, capsys):
    assert main(["analyze", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "2 article(s)" in out and "王从春" in out and "曹宏宏" in out
    assert "paragraphs:   16" in out and "paragraphs:   9" in out


def test_analyze_json_contract(seed_path, capsys):
    assert main(["analyze", str(seed_path), "--format", "json"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["source"] == str(seed_path)
    assert rec["policytext_version"]
    a = rec["articles"][0]
    for key in ("id", "title", "author", "affiliation", "publication", "date", "sections", "paragraphs",
                "keyphrases", "quotations"):
        assert key in a
    assert a["id"] == "guangming-2025-01-27#1" and a["date"] == "2025-01-27"
    p = a["paragraphs"][2]
    assert set(p) >= {"index", "section", "text", "themes"} and p["index"] == 2
    for q in a["quotations"]:
        assert a["paragraphs"][q["paragraph"]]["text"][q["start"]:q["end"]] == q["text"]


def test_analyze_bad_file(tmp_path, capsys):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert main(["analyze", str(f)]) == 2
    assert "empty.txt" in capsys.readouterr().err


@pytest.mark.parametrize("extra", [[], ["--engine", "pkuseg"], ["--no-lexicon"]])
def test_segment_stdin_line_for_line(extra):
    lines = "加快发展新质生产力\n\n推进城市更新行动，建设韧性城市\n  \nGDP增长5%\n"
    res = subprocess.run(
        [sys.executable, "-m", "policytext", "segment", *extra],
        input=lines, capture_output=True, text=True, check=True,
    )
    out = res.stdout.split("\n")[:-1]
    assert len(out) == len(lines.split("\n")[:-1])
    assert out[1] == "" and out[3] == ""
    assert [o.replace("  ", "") for o in out] == ["加快发展新质生产力", "", "推进城市更新行动，建设韧性城市", "", "GDP增长5%"]
    if not extra or extra[0] == "--engine":
        assert "新质生产力" in out[0].split("  ")
