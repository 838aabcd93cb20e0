"""Bytes to text: the encoding of a file as it comes, and a few bad bytes replaced on request.

>>> decode_bytes("标题".encode("gb18030"))
'标题'
"""

from __future__ import annotations

import codecs
import re
import warnings

from ..errors import InputError

__all__ = ["ReplacedBytesWarning", "decode_bytes", "squeeze"]


class ReplacedBytesWarning(UserWarning):
    """A file was read with ``errors="replace"`` and some of its bytes were not valid text.

    The message names the file and gives the count of replaced bytes."""


# The control characters (Unicode category Cc) other than \t \n \v \f \r.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# a file is text with a few bad bytes when at most this share of its non-ASCII bytes are bad
_FEW = 0.05


def _check_not_binary(text: str, name: str) -> None:
    sample = text[:65536]
    control = len(_CONTROL.findall(sample))
    if control > max(8, len(sample) // 50):
        raise InputError(f"{name}: looks like a binary file ({control} control characters), not text")


def _replacing(data: bytes, encoding: str, limit: int) -> tuple[str, int] | None:
    """``data`` decoded with each bad run of bytes replaced by U+FFFD, and the count of bad
    bytes; None when there are more than ``limit`` of them."""
    parts: list[str] = []
    bad = pos = 0
    while True:
        try:
            parts.append(data[pos:].decode(encoding))
            return "".join(parts), bad
        except UnicodeDecodeError as exc:
            parts.append(data[pos:pos + exc.start].decode(encoding))
            parts.append("\ufffd")
            bad += exc.end - exc.start
            pos += exc.end
            if bad > limit:
                return None


def decode_bytes(data: bytes, name: str = "<bytes>", encoding: str | None = None, errors: str = "strict") -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030.

    With ``errors="replace"`` a file with a few bad bytes is read with each bad run replaced by
    U+FFFD, and a :class:`ReplacedBytesWarning` gives their count. Raises :class:`InputError`
    for empty, binary or undecodable input.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     decode_bytes("城市更新".encode() + b"\\xff" + "行动".encode(), "a.txt", errors="replace")
    '城市更新\\ufffd行动'
    >>> str(caught[0].message)
    'a.txt: 1 bad byte replaced by U+FFFD (read as utf-8)'
    """
    if errors not in ("strict", "replace"):
        raise InputError(f"{name}: errors must be 'strict' or 'replace', not {errors!r}")
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError as exc:
            raise InputError(f"{name}: unknown encoding {encoding!r}; check the encoding argument") from exc
        except UnicodeDecodeError as exc:
            if errors == "replace":
                return _replaced(data, name, encoding)
            raise InputError(f"{name}: cannot decode as {encoding} ({exc}); check the encoding argument "
                             "or pass errors='replace'") from exc
    if not data.strip():
        raise InputError(f"{name}: the file is empty; give a file that contains text")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                if errors == "replace":
                    return _replaced(data, name, enc)
                raise InputError(f"{name}: starts with a {enc} byte-order mark but does not decode ({exc}); "
                                 "pass errors='replace' to read it anyway") from exc
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        few = max(1, int(_FEW * sum(b >= 0x80 for b in data)))
        if _replacing(data, "utf-8", few) is not None:
            # UTF-8 text with a few bad bytes (GB18030 would decode it as nonsense)
            if errors == "replace":
                return _replaced(data, name, "utf-8")
            raise InputError(f"{name}: is UTF-8 text with a few bytes that are not valid UTF-8; "
                             "pass errors='replace' (CLI: --errors replace) to read it with them replaced")
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            if errors == "replace":
                return _replaced(data, name, "gb18030")
            raise InputError(f"{name}: is neither UTF-8 nor GB18030 text; convert it or pass encoding= "
                             "(e.g. read(path, encoding='big5'))") from exc
    _check_not_binary(text, name)
    return text


def _replaced(data: bytes, name: str, encoding: str) -> str:
    few = max(1, int(_FEW * sum(b >= 0x80 for b in data)))
    result = _replacing(data, encoding, few)
    if result is None:
        raise InputError(f"{name}: too many bytes are not valid {encoding} to replace them; "
                         "give the right encoding= or check that the file is text")
    text, bad = result
    _check_not_binary(text, name)
    warnings.warn(ReplacedBytesWarning(
        f"{name}: {bad} bad byte{'s' if bad > 1 else ''} replaced by U+FFFD (read as {encoding})"), stacklevel=3)
    return text


def squeeze(text: str) -> str:
    """``text`` without any white space, to compare lines as a page sets them and as the text does.

    >>> squeeze("土豆不“土”  土豆无“土”\u3000")
    '土豆不“土”土豆无“土”'
    """
    return re.sub(r"\s+", "", text)
