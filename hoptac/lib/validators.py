"""Text that every record, export and report can carry: no C0 control characters.

One control character (say U+0001 pasted from a PDF) in a grant's purpose used to break every
XLSX, DOCX and IATI XML written from it, for everyone: XML 1.0 has no way to say it. Input
refuses them (tab, line feed and carriage return stay allowed); output strips what older
rows still hold.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# C0 controls except \t \n \r, and DEL: refused at input.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What XML 1.0 cannot carry at all: C0 controls (but \t \n \r), surrogates, U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def control_character(value: str) -> str | None:
    """Return the first refused control character of `value` as U+XXXX, or None."""
    m = _CONTROL.search(value)
    return f"U+{ord(m.group()):04X}" if m else None


def refuse_control_characters(value: object) -> None:
    """Raise ValidationError when the text holds a C0 control character (tab and newlines pass)."""
    if not isinstance(value, str):
        return
    found = control_character(value)
    if found:
        raise ValidationError(
            _(
                "Có ký tự điều khiển không hợp lệ (%(char)s) trong nội dung; "
                "hãy xóa ký tự đó rồi lưu lại."
            )
            % {"char": found},
            code="control_character",
        )


def xml_safe(text: str) -> str:
    """Return `text` without the characters XML 1.0 cannot hold (for XLSX, DOCX, IATI)."""
    return _XML_ILLEGAL.sub("", text)
