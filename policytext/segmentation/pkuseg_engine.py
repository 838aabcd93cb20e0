"""The pkuseg engine: spacy-pkuseg with the model policytext trains (``scripts/train_pkuseg.py``).

>>> pkuseg_model().cut("深化城市安全韧性提升行动")
['深化', '城市', '安全', '韧性', '提升', '行动']
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import ModelError
from ..resources import DATA

__all__ = ["pkuseg_model"]


@lru_cache(maxsize=1)
def pkuseg_model():  # type: ignore[no-untyped-def]
    """The shipped spacy-pkuseg model (loaded once per process)."""
    folder = Path(str(DATA.joinpath("pkuseg")))
    if not folder.is_dir() or not any(folder.iterdir()):
        raise ModelError(
            f"{folder}: the pkuseg model is missing; reinstall policytext or rebuild it with scripts/train_pkuseg.py"
        )
    import spacy_pkuseg

    try:
        return spacy_pkuseg.pkuseg(model_name=str(folder), user_dict=None)
    except Exception as exc:  # numpy / msgpack errors of a damaged model
        raise ModelError(f"{folder}: the pkuseg model is corrupt ({exc}); reinstall policytext") from exc
