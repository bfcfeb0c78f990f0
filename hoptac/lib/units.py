"""The 97 province-level units of Vietnam across the 2025 reorganisation. Django-free.

Two generations: the 63 units of the map in force from 1 August 2008 (Hà Tây joined Hà Nội)
until 30 June 2025, and the 34 units from 1 July 2025 (Nghị quyết 202/2025/QH15). A code
number can name different units in the two generations, so a unit is identified by
(generation, code), never by code alone. Thừa Thiên Huế kept its code but became the
centrally-run city of Huế on 1 January 2025: one unit with two names in time.

The succession table is `data/province_merger_2025.csv` (with its sources); the kinds, former
names and written forms are below. The database table `localities.Locality` is loaded from here,
and the extractor recognises names with the same forms.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hoptac.lib.text import fold, unaccent

OLD = 2008  # generation: the 63 units
NEW = 2025  # generation: the 34 units
OLD_FROM = dt.date(2008, 8, 1)
OLD_TO = dt.date(2025, 6, 30)
NEW_FROM = dt.date(2025, 7, 1)

PROVINCE = "tinh"
CITY = "thanh_pho"  # thành phố trực thuộc trung ương
KIND_LABELS = {PROVINCE: "tỉnh", CITY: "thành phố"}

_OLD_CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
_NEW_CITIES = _OLD_CITIES | {"Huế"}
HUE_CITY_FROM = dt.date(2025, 1, 1)

# Written forms besides the official name, by official name (folded before use).
ALIASES: dict[str, tuple[str, ...]] = {
    "Hà Nội": ("Thủ đô", "HN"),
    "Hồ Chí Minh": (
        "HCM",
        "TPHCM",
        "TP.HCM",
        "TP HCM",
        "TP. HCM",
        "Tp.HCM",
        "Sài Gòn",
        "Sài Gòn - Gia Định",
        "Thành phố Hồ Chí Minh",
    ),
    "Thừa Thiên Huế": ("Thừa Thiên - Huế", "TT-Huế", "TT Huế", "TTH"),
    "Bà Rịa - Vũng Tàu": ("BR-VT", "BRVT", "Bà Rịa Vũng Tàu"),
    "Đắk Lắk": ("Đắc Lắc", "Đăk Lăk", "Đắk Lăk", "Đăk Lắk", "Daklak", "Dak Lak"),
    "Đắk Nông": ("Đắc Nông", "Đăk Nông", "Daknong", "Dak Nong"),
    "Kon Tum": ("Kontum",),
    "Bắc Kạn": ("Bắc Cạn",),
}

# Words that may stand before a name; "Thủ đô" only before Hà Nội.
_PREFIX_RE = re.compile(r"^(?:tỉnh|thành phố|thủ đô|tp\s*\.?)\s*(?=\S)")
_OLD_SUFFIX_RE = re.compile(r"\s*\(\s*cũ\s*\)\s*$")


@dataclass(frozen=True)
class Name:
    """A name a unit bore, with its kind, over a span of dates (None = open)."""

    name: str
    kind: str
    valid_from: dt.date | None
    valid_to: dt.date | None

    def covers(self, on: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


@dataclass(frozen=True)
class Unit:
    """One province-level unit of one generation."""

    generation: int
    code: int
    name: str  # the latest official name, without its kind
    kind: str
    valid_from: dt.date
    valid_to: dt.date | None
    successor_code: int | None  # a unit of the next generation
    names: tuple[Name, ...]
    aliases: tuple[str, ...] = field(default=())

    @property
    def key(self) -> str:
        """Return the stable identifier, e.g. "2008-35" (Hà Nam) or "2025-37" (Ninh Bình)."""
        return f"{self.generation}-{self.code:02d}"

    def exists_on(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def name_on(self, on: dt.date) -> Name:
        """Return the name the unit bore on `on` (the nearest one outside its life)."""
        for n in self.names:
            if n.covers(on):
                return n
        return self.names[0] if on < (self.names[0].valid_to or on) else self.names[-1]

    @property
    def successor(self) -> Unit | None:
        if self.successor_code is None:
            return None
        return by_key(f"{NEW}-{self.successor_code:02d}")

    def current(self) -> Unit:
        """Return the unit that stands for this one today (itself when it still exists)."""
        return self.successor or self

    def forms(self) -> Iterable[str]:
        """Yield every written form of the unit's names, unfolded."""
        for n in self.names:
            yield n.name
        yield from self.aliases


@dataclass(frozen=True)
class Resolution:
    """What a name meant on a date."""

    unit: Unit
    on: dt.date
    name: str  # the name on that date

    @property
    def exists(self) -> bool:
        return self.unit.exists_on(self.on)

    def to_json(self) -> dict[str, object]:
        succ = self.unit.successor
        return {
            "name": self.name,
            "code": self.unit.code,
            "generation": self.unit.generation,
            "valid_from": self.unit.valid_from.isoformat(),
            "valid_to": self.unit.valid_to.isoformat() if self.unit.valid_to else None,
            "successor": {"name": succ.name, "code": succ.code} if succ else None,
        }


class UnknownName(LookupError):
    """No unit is written that way."""


class AmbiguousName(LookupError):
    """The name fits several units; `candidates` lists them."""

    def __init__(self, name: str, candidates: list[Unit]):
        self.candidates = candidates
        listed = ", ".join(sorted({u.name for u in candidates}))
        super().__init__(f"{name!r} could mean: {listed}")


def _read_merger() -> list[dict[str, str]]:
    path = Path(__file__).with_name("data") / "province_merger_2025.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def all_units() -> tuple[Unit, ...]:
    """Return the 97 units: the 63 of 2008 first, then the 34 of 2025, by code."""
    rows = _read_merger()
    old: list[Unit] = []
    new: dict[int, Unit] = {}
    for row in rows:
        code, new_code = int(row["old_code"]), int(row["new_code"])
        name = row["old_name"]
        if code == 46:
            names: tuple[Name, ...] = (
                Name("Thừa Thiên Huế", PROVINCE, OLD_FROM, HUE_CITY_FROM - dt.timedelta(days=1)),
                Name("Huế", CITY, HUE_CITY_FROM, OLD_TO),
            )
            aliases = ALIASES["Thừa Thiên Huế"]
        else:
            kind = CITY if name in _OLD_CITIES else PROVINCE
            names = (Name(name, kind, OLD_FROM, OLD_TO),)
            aliases = ALIASES.get(name, ())
        old.append(
            Unit(OLD, code, name, names[-1].kind, OLD_FROM, OLD_TO, new_code, names, aliases)
        )
        if new_code not in new:
            nname = row["new_name"]
            kind = CITY if nname in _NEW_CITIES else PROVINCE
            new[new_code] = Unit(
                NEW, new_code, nname, kind, NEW_FROM, None, None,
                (Name(nname, kind, NEW_FROM, None),), ALIASES.get(nname, ()),
            )  # fmt: skip
    return tuple(sorted(old, key=lambda u: u.code)) + tuple(
        sorted(new.values(), key=lambda u: u.code)
    )


@cache
def _by_key() -> dict[str, Unit]:
    return {u.key: u for u in all_units()}


def by_key(key: str) -> Unit:
    """Return the unit with key "GENERATION-CODE"; KeyError when there is none."""
    return _by_key()[key]


def clean_name(name: str) -> tuple[str, bool]:
    """Return the folded name without its kind word or "(cũ)", and whether "(cũ)" was there."""
    s = fold(name)
    s, n_old = _OLD_SUFFIX_RE.subn("", s)
    s = _PREFIX_RE.sub("", s, count=1).strip()
    return s, bool(n_old)


@cache
def _index() -> tuple[dict[str, list[Unit]], dict[str, list[Unit]]]:
    exact: dict[str, list[Unit]] = {}
    loose: dict[str, list[Unit]] = {}
    for u in all_units():
        for form in u.forms():
            key, _ = clean_name(form)
            for idx, k in ((exact, key), (loose, unaccent(key).replace(".", ""))):
                bucket = idx.setdefault(k, [])
                if u not in bucket:
                    bucket.append(u)
    return exact, loose


def written_forms() -> dict[str, list[Unit]]:
    """Return every folded written form (without kind words) and the units it names."""
    return dict(_index()[0])


def candidates(name: str) -> list[Unit]:
    """Return the units that `name` can mean at some date, or [] when none."""
    key, _ = clean_name(name)
    exact, loose = _index()
    if key in exact:
        return list(exact[key])
    lkey = unaccent(key).replace(".", "")
    if lkey in loose:
        return list(loose[lkey])
    if len(lkey) >= 3:  # an unambiguous beginning, e.g. "Quảng Ngã"
        found = {id(u): u for k, us in loose.items() if k.startswith(lkey) for u in us}
        return list(found.values())
    return []


def resolve(name: str, on: dt.date) -> Resolution:
    """Return the unit that `name` meant on `on`.

    A name that fits a unit alive on that date wins; otherwise the unit that bore the name
    most recently before the date (whose successor then stands for it), or the earliest one.
    Raises UnknownName or AmbiguousName.
    """
    cands = candidates(name)
    if not cands:
        raise UnknownName(f"{name!r} is not the name of a province-level unit")
    _, marked_old = clean_name(name)
    if marked_old:
        cands = [u for u in cands if u.generation == OLD] or cands
    key, _ = clean_name(name)

    def named_on(u: Unit) -> bool:
        n = u.name_on(on)
        return n.covers(on) and key in {clean_name(f)[0] for f in (n.name, *u.aliases)}

    for test in (named_on, lambda u: u.exists_on(on)):
        alive = [u for u in cands if test(u)]
        if len(alive) == 1:
            return Resolution(alive[0], on, alive[0].name_on(on).name)
        if len(alive) > 1:
            raise AmbiguousName(name, alive)
    past = [u for u in cands if u.valid_to is not None and u.valid_to < on]
    if past:
        latest = max(u.valid_to for u in past if u.valid_to)
        pick = [u for u in past if u.valid_to == latest]
    else:
        earliest = min(u.valid_from for u in cands)
        pick = [u for u in cands if u.valid_from == earliest]
    if len({u.current().key for u in pick}) > 1:
        raise AmbiguousName(name, pick)
    unit = pick[0]
    return Resolution(unit, on, unit.name_on(on).name)
