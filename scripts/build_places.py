"""Build ``policytext/data/entities/places.txt``: the names of China's administrative divisions
(provinces, prefectures, counties and districts), each in full (泉州市, 阜新蒙古族自治县) and, where
the full name ends in a division word, in the short form the press writes (泉州, 阜新).

Source: ``cpca/resources/adcodes.csv`` of the PyPI package cpca 0.5.5 (MIT licence,
github.com/DQinYuan/chinese_province_city_area_mapper), which lists the divisions by their
national statistical codes. The entity stage uses the list to keep the places that the segmentation
dictionary tags ``ns`` on weak evidence (a word it has seen once): 泉州 and 舟山 stay places where
宜居 and 城中村, tagged alike, do not.

    pip download cpca==0.5.5 --no-deps -d /tmp/cpca && unzip -o /tmp/cpca/cpca-0.5.5-py3-none-any.whl -d /tmp/cpca
    python scripts/build_places.py /tmp/cpca/cpca/resources/adcodes.csv
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "policytext" / "data" / "entities" / "places.txt"
# the words that end a division's name, longest first; what is left must be two characters or more
SUFFIX = re.compile(r"(?:(?:[\u4e00-\u9fff]{1,3}族)+自治[州县旗]|自治区|特别行政区|地区|新区|林区|矿区|省|市|县|区|盟|旗|州)$")
HEADER = """# Names of China's administrative divisions (provinces, prefectures, counties, districts), full and
# short (泉州市, 泉州). Built by scripts/build_places.py from cpca 0.5.5's adcodes.csv (MIT licence,
# github.com/DQinYuan/chinese_province_city_area_mapper). Do not edit by hand.
"""


def names(rows: list[dict[str, str]]) -> list[str]:
    """Full names and short forms, sorted.

    >>> names([{"name": "泉州市"}, {"name": "阜新蒙古族自治县"}, {"name": "忠县"}])
    ['忠县', '泉州', '泉州市', '阜新', '阜新蒙古族自治县']
    """
    out = set()
    for row in rows:
        full = row["name"].strip()
        if len(full) < 2:
            continue
        out.add(full)
        short = SUFFIX.sub("", full)
        if len(short) >= 2 and short != full:
            out.add(short)
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("adcodes", type=Path, help="cpca's resources/adcodes.csv")
    args = ap.parse_args()
    with args.adcodes.open(encoding="utf-8") as fh:
        found = names(list(csv.DictReader(fh)))
    OUT.write_text(HEADER + "\n".join(found) + "\n", encoding="utf-8")
    print(f"{len(found)} names -> {OUT}")


if __name__ == "__main__":
    main()
