"""One predicate per action: may this user do that to this record?

Services call `require(predicate, user, obj)` before they write; views, templates (the
`may` filter in web/templatetags), the API and the admin ask the same predicates to decide
what to show. Nothing else writes the rule down again.

Roles come from accounts.permissions (a role for a unit covers its predecessors and
successors; superusers may do anything).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import can, can_any, sides_any

Predicate = Callable[[Any, Any], bool]


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def _side_ids(partnership) -> list[int]:
    return [m.locality_id for m in partnership.members.all()]


def may_create(user, _obj: Any = None) -> bool:
    """Whether `user` may create records at all: an editor of at least one side."""
    return _signed_in(user) and sides_any(user, Role.EDITOR)


def may_write_partnership(user, partnership) -> bool:
    """Whether `user` may write inside `partnership`: an editor of one of its sides."""
    return _signed_in(user) and can_any(user, Role.EDITOR, _side_ids(partnership))


def may_change_in_partnership(user, obj) -> bool:
    """Meetings, agreements, snapshots: any side's editor."""
    return may_write_partnership(user, obj.partnership)


def may_change_commitment(user, commitment) -> bool:
    """The responsible side's editors; for joint items either side's."""
    if not _signed_in(user):
        return False
    if commitment.responsible_id:
        return can(user, Role.EDITOR, commitment.responsible_id)
    return may_write_partnership(user, commitment.agreement.partnership)


def may_change_project(user, project) -> bool:
    """The investor's or the host's side."""
    return _signed_in(user) and can_any(user, Role.EDITOR, [project.origin_id, project.host_id])


def may_change_grant(user, grant) -> bool:
    """The donor's or the recipient's side."""
    return _signed_in(user) and can_any(user, Role.EDITOR, [grant.donor_id, grant.recipient_id])


def may_change_activity(user, activity) -> bool:
    """The organiser's side, or any side when no organiser is named."""
    if not _signed_in(user):
        return False
    if activity.organiser_id:
        return can(user, Role.EDITOR, activity.organiser_id)
    return may_write_partnership(user, activity.partnership)


def may_answer_request(user, request) -> bool:
    """The side that was asked answers."""
    return _signed_in(user) and can(user, Role.EDITOR, request.to_locality_id)


def may_change_person(user, _person: Any = None) -> bool:
    """Any editor (people belong to no side)."""
    return may_create(user)


def may_change_agency(user, agency) -> bool:
    """The agency's side."""
    return _signed_in(user) and can(user, Role.EDITOR, agency.locality_id)


def may_use_admin_actions(user, _obj: Any = None) -> bool:
    return _signed_in(user) and user.is_staff


# model label → the predicate for changing one of its records
CHANGE: dict[str, Predicate] = {
    "partnerships.Partnership": may_write_partnership,
    "partnerships.Meeting": may_change_in_partnership,
    "partnerships.Agreement": may_change_in_partnership,
    "partnerships.Commitment": may_change_commitment,
    "partnerships.Request": may_answer_request,
    "partnerships.Person": may_change_person,
    "partnerships.Agency": may_change_agency,
    "investments.InvestmentProject": may_change_project,
    "investments.InvestmentSnapshot": may_change_in_partnership,
    "grants.Grant": may_change_grant,
    "activities.Activity": may_change_activity,
}

MESSAGES: dict[Predicate, Any] = {
    may_create: gettext_lazy("Bạn chỉ có quyền xem."),
    may_write_partnership: gettext_lazy(
        "Bạn không có quyền biên tập cho bên nào của quan hệ hợp tác này."
    ),
    may_change_in_partnership: gettext_lazy(
        "Bạn không có quyền biên tập cho bên nào của quan hệ hợp tác này."
    ),
    may_change_commitment: gettext_lazy("Bạn không có quyền cập nhật nội dung cam kết này."),
    may_change_project: gettext_lazy("Bạn không có quyền sửa dự án này."),
    may_change_grant: gettext_lazy("Bạn không có quyền sửa khoản hỗ trợ này."),
    may_change_activity: gettext_lazy("Bạn không có quyền sửa hoạt động này."),
    may_answer_request: gettext_lazy("Chỉ bên được đề nghị mới trả lời được đề nghị này."),
    may_change_person: gettext_lazy("Chỉ người biên tập mới sửa được thông tin cá nhân."),
    may_change_agency: gettext_lazy("Bạn không có quyền sửa cơ quan này."),
}


def may_change(user, obj) -> bool:
    """Whether `user` may change `obj` (False for kinds nobody edits here)."""
    pred = CHANGE.get(obj._meta.label)
    return bool(pred and pred(user, obj))


def _reason(pred: Predicate, obj: Any) -> str:
    """Return why `pred` refused, naming the side that may act where one does."""
    side = getattr(obj, "responsible", None) if pred is may_change_commitment else None
    if side is not None:
        return _(
            "Nội dung này do %(side)s chủ trì: chỉ người biên tập của %(side)s cập nhật được."
        ) % {"side": side}
    partnership = obj if pred is may_write_partnership else getattr(obj, "partnership", None)
    if pred in (may_write_partnership, may_change_in_partnership) and partnership is not None:
        sides = ", ".join(str(m.locality) for m in partnership.members.select_related("locality"))
        return _("Chỉ người biên tập của %(sides)s sửa được quan hệ hợp tác này.") % {
            "sides": sides
        }
    return str(MESSAGES.get(pred, _("Bạn không có quyền làm việc này.")))


def require(pred: Predicate, user, obj: Any = None) -> None:
    """Raise PermissionDenied (with the reason, naming the side) unless `pred(user, obj)`."""
    if not pred(user, obj):
        raise PermissionDenied(_reason(pred, obj))


def require_change(user, obj) -> None:
    """Raise PermissionDenied unless `user` may change `obj`."""
    pred = CHANGE.get(obj._meta.label)
    if pred is None:
        raise PermissionDenied(_("Bạn không có quyền làm việc này."))
    require(pred, user, obj)
