"""`hoptac api_token USERNAME NAME`: issue an API token and print it (shown only once)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoptac.accounts.models import ApiToken


class Command(BaseCommand):
    help = (
        "Issue a bearer token for the JSON API and print it; only its SHA-256 is stored. "
        "It expires after --days (HOPTAC_API_TOKEN_DAYS by default)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name", help="what the token is for, e.g. 'Sở KH&ĐT import script'")
        parser.add_argument("--days", type=int, default=None, help="days until it expires")
        parser.add_argument("--issuer", default=None, help="username of who issues it")

    def handle(self, *args, **opts) -> None:
        users = get_user_model()
        user = users.objects.filter(username=opts["username"]).first()
        if user is None:
            raise CommandError(f"no user {opts['username']!r}")
        days = opts["days"] if opts["days"] is not None else settings.HOPTAC_API_TOKEN_DAYS
        if not 1 <= days <= 3650:
            raise CommandError("--days must be between 1 and 3650")
        issuer = None
        if opts["issuer"]:
            issuer = users.objects.filter(username=opts["issuer"]).first()
            if issuer is None:
                raise CommandError(f"no user {opts['issuer']!r} (--issuer)")
        _, raw = ApiToken.issue(user=user, name=opts["name"], issued_by=issuer, days=days)
        self.stdout.write(raw)
