"""Who a command acts as."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


class Everyone:
    """The operator at the console reads every register (an export, not a write)."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    pk = None


def command_user(username: str | None, *, for_writes: bool):
    """Return the named user; without a name, the only superuser for writes, else Everyone."""
    users = get_user_model().objects
    if username:
        user = users.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user {username!r}")
        return user
    if not for_writes:
        return Everyone()
    supers = list(users.filter(is_superuser=True, is_active=True)[:2])
    if len(supers) != 1:
        raise CommandError("name the user the records are written as: --user USERNAME")
    return supers[0]
