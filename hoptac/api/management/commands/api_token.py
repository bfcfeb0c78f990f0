"""`hoptac api_token USERNAME NAME`: issue an API token and print it (shown only once)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoptac.accounts.models import ApiToken


class Command(BaseCommand):
    help = "Issue a bearer token for the JSON API and print it; only its SHA-256 is stored."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name", help="what the token is for, e.g. 'Sở KH&ĐT import script'")

    def handle(self, *args, **opts) -> None:
        user = get_user_model().objects.filter(username=opts["username"]).first()
        if user is None:
            raise CommandError(f"no user {opts['username']!r}")
        _, raw = ApiToken.issue(user=user, name=opts["name"])
        self.stdout.write(raw)
