"""`hoptac localities resolve NAME [--on DATE] [--json]` and `hoptac localities list`."""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from hoptac.lib import units


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--on {value!r} is not a date (YYYY-MM-DD)") from None


class Command(BaseCommand):
    help = "Resolve a locality name on a date, or list the 97 province-level units."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        res = sub.add_parser("resolve", help="what a name meant on a date, and its successor")
        res.add_argument("name", help='e.g. "tỉnh Ninh Thuận", "TP.HCM", "Thanh Hoá"')
        res.add_argument("--on", type=_date, help="the date (YYYY-MM-DD); default today")
        res.add_argument("--json", action="store_true", help="print one JSON object")
        lst = sub.add_parser("list", help="all units with code, generation and successor")
        lst.add_argument("--generation", type=int, choices=[units.OLD, units.NEW])

    def handle(self, *args, **opts) -> None:
        if opts["action"] == "list":
            self._list(opts.get("generation"))
            return
        on = opts.get("on") or timezone.localdate()
        try:
            res = units.resolve(opts["name"], on)
        except units.AmbiguousName as exc:
            names = ", ".join(sorted({u.name for u in exc.candidates}))
            raise CommandError(
                f"Tên “{opts['name']}” chưa rõ: có thể là {names}. "
                f"(Ambiguous name: could be {names}.)"
            ) from None
        except units.UnknownName:
            raise CommandError(
                f"Không tìm thấy địa phương cấp tỉnh tên “{opts['name']}”. "
                f"(No province-level unit is called {opts['name']!r}.)"
            ) from None
        if opts["json"]:
            self.stdout.write(json.dumps(res.to_json(), ensure_ascii=False))
            return
        u = res.unit
        kind = units.KIND_LABELS[u.name_on(on).kind]
        until = u.valid_to.isoformat() if u.valid_to else "nay"
        self.stdout.write(
            f"{res.name} ({kind}), mã {u.code}, thế hệ {u.generation}, "
            f"hiệu lực {u.valid_from.isoformat()} – {until}"
        )
        succ = u.successor
        if not res.exists:
            if succ:
                self.stdout.write(
                    f"Ngày {on.isoformat()} {res.name} không còn tồn tại; "
                    f"nay thuộc {succ.name} (mã {succ.code})."
                )
            else:
                self.stdout.write(f"Ngày {on.isoformat()} {res.name} chưa tồn tại.")
        elif succ:
            self.stdout.write(f"Từ {units.NEW_FROM.isoformat()}: {succ.name} (mã {succ.code}).")

    def _list(self, generation: int | None) -> None:
        for u in units.all_units():
            if generation and u.generation != generation:
                continue
            succ = u.successor
            arrow = f" → {succ.name} ({succ.code})" if succ else ""
            self.stdout.write(f"{u.generation} {u.code:02d} {u.name}{arrow}")
