"""Who may change what. Every service function asks here before it writes.

A user holds a role per locality (viewer < editor < reviewer < admin; each role can do what
the roles before it can). A role for a unit covers that unit across the 2025 reorganisation:
an editor for Ninh Bình (2025) also edits Hà Nam's (2008) side of older records, and an editor
for Hà Nam (2008) edits the records of its successor Ninh Bình. Superusers may do anything.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from hoptac.accounts.models import ROLE_RANK, Membership, Role


def _family(locality_ids: Iterable[int]) -> set[int]:
    from hoptac.localities.models import Locality

    return Locality.objects.family(locality_ids)


def sides(user, role: str = Role.EDITOR) -> set[int] | None:
    """Return the ids of the localities where `user` holds at least `role`.

    None means every locality (a superuser); an empty set means none.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    cache = getattr(user, "_hoptac_sides", None)
    if cache is None:
        cache = {}
        user._hoptac_sides = cache
    if role not in cache:
        wanted = [r for r, rank in ROLE_RANK.items() if rank >= ROLE_RANK[Role(role)]]
        ids = Membership.objects.filter(user=user, role__in=wanted).values_list(
            "locality_id", flat=True
        )
        cache[role] = _family(ids)
    return cache[role]


def sides_any(user, role: str = Role.EDITOR) -> bool:
    """Return whether `user` holds `role` for at least one locality."""
    allowed = sides(user, role)
    return allowed is None or bool(allowed)


def can(user, role: str, locality) -> bool:
    """Return whether `user` holds `role` for the side `locality` (a Locality or its id)."""
    allowed = sides(user, role)
    if allowed is None:
        return True
    lid = getattr(locality, "pk", locality)
    return lid in allowed


def can_any(user, role: str, localities: Iterable) -> bool:
    """Return whether `user` holds `role` for at least one of `localities`."""
    allowed = sides(user, role)
    if allowed is None:
        return True
    return any(getattr(loc, "pk", loc) in allowed for loc in localities)


def require(user, role: str, locality) -> None:
    """Raise PermissionDenied unless `user` holds `role` for `locality`."""
    if not can(user, role, locality):
        raise PermissionDenied(
            _("Bạn không có quyền %(role)s cho %(side)s.")
            % {"role": Role(role).label.lower(), "side": str(locality)}
        )


def require_any(user, role: str, localities: Iterable) -> None:
    """Raise PermissionDenied unless `user` holds `role` for one of `localities`."""
    localities = list(localities)
    if not can_any(user, role, localities):
        names = ", ".join(str(loc) for loc in localities)
        raise PermissionDenied(
            _("Bạn không có quyền %(role)s cho bên nào trong: %(sides)s.")
            % {"role": Role(role).label.lower(), "sides": names}
        )


def partnership_sides(partnership) -> list:
    """Return the localities of a partnership (its sides)."""
    return [m.locality for m in partnership.members.select_related("locality")]


def require_partner(user, role: str, partnership) -> None:
    """Raise PermissionDenied unless `user` holds `role` for a side of `partnership`."""
    require_any(user, role, partnership_sides(partnership))


def visible_partnerships(user):
    """Return the partnerships `user` may read: published ones, and those of its sides."""
    from hoptac.partnerships.models import Partnership

    qs = Partnership.objects.all()
    allowed = sides(user, Role.VIEWER)
    if allowed is None:
        return qs
    return qs.filter(Q(is_published=True) | Q(members__locality_id__in=allowed)).distinct()
