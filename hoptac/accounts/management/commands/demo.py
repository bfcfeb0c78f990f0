"""`hoptac demo`: migrate, load localities, create the demo account and data, then serve."""

from __future__ import annotations

import json
import logging
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoptac.localities.services import localities_load

DEMO_USERNAME = "demo"
# At least 12 characters and not a common password, like every password (settings).
DEMO_PASSWORD = "hoptac-thu-nghiem"  # noqa: S105 - printed on the console on purpose; demo only
DEMO_EMAIL = "demo@hoptac.invalid"  # so that `hoptac remind` has someone to write to
CORPUS = Path(settings.BASE_DIR).parent / "corpus" / "dev"
# Two samples print a day and month but no year; they report 2019 conferences, and their
# outlets published them on the day. Giving that date keeps the units of the time (Quảng Ninh
# and Hà Nội of 2008, not of 2025) and dates the meeting. The Hà Nam sample prints no date at
# all and stays undated, as a reviewer would find it.
SAMPLE_PUBLISHED = {
    "000_b6c90f6f35d37686.txt": "2019-06-12",
    "002_eb7de53495152f32.txt": "2019-08-10",
}


class Command(BaseCommand):
    help = "Set up the demo database with the sample documents and serve it on 127.0.0.1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="prepare the data only")
        parser.add_argument("--port", type=int, default=8000, help="port to serve on")

    def handle(self, *args, **opts) -> None:
        if not 1 <= opts["port"] <= 65535:
            raise CommandError("--port must be between 1 and 65535")
        if not settings.DEBUG:
            raise CommandError(
                "hoptac demo creates a superuser with a published password, so it runs only "
                "with DEBUG on (DEBUG=1, as `make run` sets it)."
            )
        call_command("migrate", interactive=False, verbosity=0)
        localities_load()
        user = self._demo_user()
        # Every write logs a line (docs/deploy.md); loading the samples would print hundreds.
        logger = logging.getLogger("hoptac")
        level = logger.level
        logger.setLevel(logging.WARNING)
        try:
            before = self._partnership_ids()
            new = self._ingest_samples(user)
            self._publish(user, exclude=before)
            self._follow_up(user)
        finally:
            logger.setLevel(level)
        self.stdout.write(self.style.SUCCESS(f"Demo ready: {new} new document(s) ingested."))
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
            user = users.objects.create_superuser(
                DEMO_USERNAME, email=DEMO_EMAIL, password=DEMO_PASSWORD
            )
        else:
            if not user.check_password(DEMO_PASSWORD):  # an older demo database
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
            if not user.email:
                user.email = DEMO_EMAIL
                user.save(update_fields=["email"])
        return user

    def _ingest_samples(self, user) -> int:
        """Ingest the sample documents with auto-accept; return how many were new."""
        if not CORPUS.is_dir():
            self.stderr.write(f"No sample documents at {CORPUS}; the demo starts empty.")
            return 0
        new = 0
        for path in sorted(CORPUS.glob("*.txt")):
            args = [str(path), "--auto-accept", "--user", user.username, "--json"]
            if path.name in SAMPLE_PUBLISHED:
                args += ["--published", SAMPLE_PUBLISHED[path.name]]
            out = StringIO()
            call_command("ingest", *args, stdout=out, stderr=StringIO())
            new += json.loads(out.getvalue())["documents"]["new"]
        return new

    def _partnership_ids(self) -> set[int]:
        from hoptac.partnerships.models import Partnership

        return set(Partnership.objects.values_list("pk", flat=True))

    def _publish(self, user, *, exclude: set[int]) -> None:
        """Publish the partnerships the samples created, as their officials would decide to
        (new partnerships start unpublished); one unpublished before is left as it was."""
        from hoptac.partnerships.models import Partnership
        from hoptac.partnerships.services import partnership_set_published

        for partnership in Partnership.objects.exclude(pk__in=exclude).filter(is_published=False):
            partnership_set_published(
                partnership, by=user, published=True, expected_version=partnership.version
            )

    def _follow_up(self, user) -> None:
        """Fill three of the first agreement's empty items as an official would, with lead
        sides and deadlines, so the tracker, the dashboard and `hoptac remind` have overdue
        and upcoming work to show (idempotent: only empty items are filled)."""
        import datetime as dt

        from hoptac.partnerships.models import Agreement, DuePrecision
        from hoptac.partnerships.services import commitment_update

        agreement = (
            Agreement.objects.filter(commitments__text="").order_by("signed_on", "pk").first()
        )
        if agreement is None:
            return
        sides = [m.locality for m in agreement.partnership.members.order_by("pk")]
        plan = [
            ("Kết nối giao thông giữa hai địa phương", "transport", sides[0],
             dt.date(2026, 9, 30), DuePrecision.QUARTER),
            ("Tổ chức tuần hàng nông sản, đặc sản", "trade", sides[-1],
             dt.date(2027, 1, 15), DuePrecision.DAY),
            ("Trao đổi kinh nghiệm chuyển đổi số", "science_technology", sides[0],
             dt.date(2027, 6, 30), DuePrecision.QUARTER),
        ]  # fmt: skip
        empty = list(agreement.commitments.filter(text="").order_by("number")[: len(plan)])
        for item, (text, field, side, due, precision) in zip(empty, plan, strict=False):
            commitment_update(
                item, by=user, expected_version=item.version, text=text, field=field,
                responsible=side, due_on=due, due_precision=precision,
            )  # fmt: skip
