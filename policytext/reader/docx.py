"""Word ``.docx`` files: the paragraphs of the document XML, one line each (no dependency).

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w") as z:
...     z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/'
...                'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>政府工作报告</w:t></w:r></w:p>'
...                '<w:p><w:r><w:t>各位代表：</w:t></w:r></w:p></w:body></w:document>')
>>> docx_text(buf.getvalue(), "report.docx")
'政府工作报告\\n各位代表：'
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from ..errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph(p: ElementTree.Element) -> str:
    parts = []
    for el in p.iter():
        if el.tag == _W + "t":
            parts.append(el.text or "")
        elif el.tag == _W + "tab":
            parts.append("\t")
        elif el.tag in (_W + "br", _W + "cr"):
            parts.append("\n")
    return "".join(parts)


def docx_text(data: bytes, name: str = "<docx>") -> str:
    """The text of a ``.docx`` file's bytes: each Word paragraph (tables' cells included) on a line."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = z.read("word/document.xml")
    except zipfile.BadZipFile as exc:
        raise InputError(f"{name}: is not a Word .docx file (not a zip archive); save it as .docx "
                         "from Word, or as .txt") from exc
    except KeyError as exc:
        raise InputError(f"{name}: is a zip archive without word/document.xml, not a Word .docx file") from exc
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise InputError(f"{name}: the document XML of this .docx is damaged ({exc}); open and save it again") from exc
    return "\n".join(_paragraph(p) for p in root.iter(_W + "p"))
