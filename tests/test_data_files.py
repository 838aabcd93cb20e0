"""The shipped data: every file is listed with its terms in policytext/data/README.md, and no file
names a path of a development machine."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "policytext" / "data"
FILES = sorted(p for p in DATA.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def test_every_data_file_is_listed_in_the_readme() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    missing = [str(p.relative_to(DATA)) for p in FILES if f"{p.name}`" not in readme]
    assert not missing, f"add these to policytext/data/README.md (source and terms): {missing}"


def test_no_development_paths_in_data() -> None:
    pattern = re.compile(rb"/(work|home|tmp|root|Users)/")
    for p in FILES:
        raw = p.read_bytes()
        text = gzip.decompress(raw) if p.suffix == ".gz" else raw
        assert not pattern.search(text), f"{p.relative_to(DATA)} names a local path"
