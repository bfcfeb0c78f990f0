"""Form fields that take what people type."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from hoptac.lib.numbers import MAX_VND, format_vnd, parse_vnd


class MoneyField(forms.CharField):
    """An amount of đồng typed as "3 tỷ", "1,5 tỷ", "2.000.000.000" or "500 triệu"; cleans to int."""

    default_error_messages = {
        "invalid": _("Nhập số tiền bằng đồng, ví dụ 3 tỷ, 1,5 tỷ, 500 triệu hoặc 2.000.000.000."),
        "negative": _("Số tiền không được âm."),
        "too_large": _("Số tiền quá lớn (tối đa %(max)s)."),
    }

    def __init__(self, *, min_value: int | None = None, **kwargs: Any) -> None:
        kwargs.pop("max_value", None)
        kwargs.pop("step_size", None)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)
        self.min_value = min_value

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int):
            return f"{value:,}".replace(",", ".")
        return value

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            amount = value
        else:
            text = str(value).strip()
            if text.startswith("-"):
                raise ValidationError(self.error_messages["negative"], code="negative")
            try:
                amount = parse_vnd(text)
            except ValueError:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if amount > MAX_VND:
            raise ValidationError(
                self.error_messages["too_large"], code="too_large",
                params={"max": format_vnd(MAX_VND, 0)},
            )  # fmt: skip
        return amount
