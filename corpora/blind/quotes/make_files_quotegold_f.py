"""Write the session 7 (quotegold-f) test texts from chenqijunvc/cctv-news.

Usage: python make_files_quotegold_f.py /path/to/chenqijunvc+cctv-news/repo
Each file: the item's video_title as stored, a blank line, then the item's video_detail.content
(新闻联播 文字稿 from tv.cctv.com) with the <p>, </p> and <br/> tags removed, one paragraph per line;
nothing else is changed (assets/<year>/<date>.json of commit COMMIT).
"""
import json
import re
import subprocess
import sys
from pathlib import Path

COMMIT = "58ec605268ce3acae2827b55e906560f7a0a88fc"
ITEMS = [
    ("20250102", "VIDEIfScEIbq2TUSvuIHLLW9250102", "2025-01-02-cctv-xwlb-cultural-foundation.txt"),
    ("20250108", "VIDE9LSSEXPkR3TZFhBRdn6L250108", "2025-01-08-cctv-xwlb-ccdi-fourth-plenum-communique.txt"),
    ("20250129", "VIDE6rG2CvqRd9kH3nACMliJ250129", "2025-01-29-cctv-xwlb-lion-dance-new-year.txt"),
    ("20250211", "VIDEtBGs5Gy4n1meVPmXKPbm250211", "2025-02-11-cctv-xwlb-xihaigu-new-farmers.txt"),
    ("20250228", "VIDEaNb2QI2TulcK8c4f58dL250228", "2025-02-28-cctv-xwlb-old-and-young-care.txt"),
    ("20250417", "VIDEZinGBj9HNk9atbPgxgqd250417", "2025-04-17-cctv-xwlb-xi-signed-article-cambodia.txt"),
    ("20250419", "VIDEsrxlGT7osh7kBlH5hirV250419", "2025-04-19-cctv-xwlb-wang-yi-briefing-southeast-asia-visit.txt"),
    ("20250903", "VIDEKm7nKLt39rFNEdaFyRMM250903", "2025-09-03-cctv-xwlb-victory-80th-commemoration.txt"),
    ("20251024", "VIDEBYgw0YEu9NQ8jRaLfPPA251024", "2025-10-24-cctv-xwlb-cpc-press-conference-fourth-plenum.txt"),
    ("20251211", "VIDECvIJiUSPInu4izroodlK251211", "2025-12-11-cctv-xwlb-central-economic-work-conference.txt"),
    ("20251231", "VIDEHOlDrLTPrfK2K06cPtrp251231", "2025-12-31-cctv-xwlb-xi-new-year-address-2026.txt"),
]


def text_of(item: dict) -> str:
    content = item["video_detail"]["content"]
    paragraphs = re.findall(r"<p>(.*?)</p>", content, re.S)
    return item["video_title"] + "\n\n" + "\n".join(p.replace("<br/>", "") for p in paragraphs) + "\n"


def main(repo: str, out: Path) -> None:
    for date, vid, name in ITEMS:
        data = subprocess.run(["git", "-C", repo, "show", f"{COMMIT}:assets/{date[:4]}/{date}.json"],
                              capture_output=True, check=True).stdout
        item = next(v for v in json.loads(data)["videoList"] if v["video_id"] == vid)
        (out / name).write_text(text_of(item), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent / "test")
