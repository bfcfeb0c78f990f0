"""`hoptac demo`: migrate, load localities, create the demo account and data, then serve."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoptac.localities.services import localities_load

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "hoptac-demo"  # noqa: S105 - printed on the console on purpose; demo only
CORPUS = Path(settings.BASE_DIR).parent / "corpus" / "dev"


class Command(BaseCommand):
    help = "Set up the demo database with the sample documents and serve it on 127.0.0.1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="prepare the data only")
        parser.add_argument("--port", type=int, default=8000, help="port to serve on")

    def handle(self, *args, **opts) -> None:
        if not 1 <= opts["port"] <= 65535:
            raise CommandError("--port must be between 1 and 65535")
        call_command("migrate", interactive=False, verbosity=0)
        localities_load()
        user = self._demo_user()
        new = self._load_samples(user)
        self.stdout.write(self.style.SUCCESS(f"Demo ready: {new} new meeting(s) from the samples."))
        self.stdout.write(
            f"  Tài khoản / account: {DEMO_USERNAME}   Mật khẩu / password: {DEMO_PASSWORD}"
        )
        if opts["no_serve"]:
            return
        self.stdout.write(f"  Mở / open: http://127.0.0.1:{opts['port']}/")
        call_command("runserver", f"127.0.0.1:{opts['port']}", use_reloader=False)

    def _demo_user(self):
        users = get_user_model()
        user = users.objects.filter(username=DEMO_USERNAME).first()
        if user is None:
            user = users.objects.create_superuser(DEMO_USERNAME, password=DEMO_PASSWORD)
        return user

    def _load_samples(self, user) -> int:
        if not CORPUS.is_dir():
            self.stderr.write(f"No sample documents at {CORPUS}; the demo starts empty.")
            return 0
        from hoptac.accounts.demo import load_samples

        return load_samples(CORPUS, by=user)
