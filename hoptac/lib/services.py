"""The common steps of every write: who and when, versions, soft deletion.

Domain services (`<app>/services.py`) check permissions and then call these; nothing saves
a TrackedModel around them.
"""

from __future__ import annotations

import logging
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from hoptac.lib.logging import current_request_id
from hoptac.lib.models import TrackedFields
from hoptac.lib.validators import refuse_control_characters

T = TypeVar("T", bound=TrackedFields)


def _log(obj: TrackedFields, event: str, by) -> None:
    """One line per write, on the logger of the record's app (hoptac.partnerships, ...).

    Written when the transaction commits: a dry run or a refused import, rolled back, logs none.
    """
    meta, user = obj._meta, by.get_username() if by is not None and by.is_authenticated else ""
    args = ("%s %s %s v%s", event, meta.label_lower, obj.pk, obj.version)
    extra = {"event": event, "model": meta.label_lower, "pk": obj.pk, "version": obj.version,
             "user": user, "request_id": current_request_id()}  # fmt: skip
    logger = logging.getLogger(meta.app_config.name if meta.app_config else "hoptac")
    transaction.on_commit(lambda: logger.info(*args, extra=extra), robust=True)


class ConcurrentEdit(ValidationError):
    """Someone saved the record after the editor read it: the later save is refused."""


def record_create(model: type[T], *, by, confirm_far_dates: bool = False, **values: Any) -> T:
    """Create, validate and save a record made by `by`; return it.

    `confirm_far_dates` says the user confirmed dates more than a year ahead (lib.validation).
    """
    obj = model(**values)
    if confirm_far_dates:
        obj._confirm_far_dates = True  # type: ignore[attr-defined]
    obj.created_by = obj.updated_by = by if by and by.is_authenticated else None
    check_values(obj, values)
    obj.full_clean()
    _stamp(obj, by)
    obj.save()
    _log(obj, "create", by)
    return obj


def record_update(
    obj: T, *, by, expected_version: int | None = None, confirm_far_dates: bool = False,
    **changes: Any,
) -> T:  # fmt: skip
    """Apply `changes`, validate and save; refuse when the record moved past `expected_version`.

    The version check and the increment happen in one UPDATE, so two concurrent saves from the
    same version cannot both succeed.
    """
    for name, value in changes.items():
        setattr(obj, name, value)
    if confirm_far_dates:
        obj._confirm_far_dates = True  # type: ignore[attr-defined]
    obj.updated_by = by if by and by.is_authenticated else None
    check_values(obj, changes)
    obj.full_clean()
    model = type(obj)
    with transaction.atomic():
        if expected_version is not None:
            claimed = model.all_objects.filter(pk=obj.pk, version=expected_version).update(
                version=F("version") + 1
            )
            if not claimed:
                raise ConcurrentEdit(
                    _(
                        "Bản ghi này đã được người khác sửa sau khi bạn mở nó. "
                        "Hãy tải lại trang để xem thay đổi mới rồi sửa lại; "
                        "không có gì bị ghi đè."
                    ),
                    code="concurrent_edit",
                )
            obj.version = expected_version + 1
        else:
            obj.version += 1
        _stamp(obj, by)
        obj.save()
    _log(obj, "update", by)
    return obj


def record_delete(obj: T, *, by) -> T:
    """Mark a record deleted (users never delete for real); return it."""
    obj.deleted_at = timezone.now()
    obj.deleted_by = by if by and by.is_authenticated else None
    obj.updated_by = obj.deleted_by
    obj.version += 1
    _stamp(obj, by)
    obj.save()
    _log(obj, "delete", by)
    return obj


def check_values(obj: TrackedFields, values: dict[str, Any]) -> None:
    """Refuse, naming each field, text with control characters and null for a non-null field.

    full_clean skips blank-allowed fields holding None, which the database then refuses with
    an IntegrityError (`{"notes": null}` in an API PATCH answered 500).
    """
    errors: dict[str, list[ValidationError]] = {}
    fields = {f.name: f for f in obj._meta.concrete_fields}
    fields |= {f.attname: f for f in obj._meta.concrete_fields}
    for name, value in values.items():
        field = fields.get(name)
        if field is None:
            continue
        if value is None and not (field.null or field.primary_key or field.is_relation):
            errors.setdefault(field.name, []).append(
                ValidationError(_("Trường này không được để trống (null)."), code="null")
            )
            continue
        try:
            refuse_control_characters(value)
        except ValidationError as exc:
            errors.setdefault(field.name, []).append(exc)
    if errors:
        raise ValidationError(errors)


def _stamp(obj: TrackedFields, by) -> None:
    """Tell django-simple-history who acted (commands and the API have no request user)."""
    if by is not None and by.is_authenticated:
        obj._history_user = by  # type: ignore[attr-defined]
