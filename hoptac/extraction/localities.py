"""Localities: every written form of the 97 province-level units, and which of them are parties.

Names come from `hoptac.lib.units` (both generations, old and new tone placement, "TP.",
"TPHCM", "Thủ đô", "(cũ)"). A mention is resolved in the generation valid on the event's
date: "Hà Nam (cũ)" in 2026 is part of Ninh Bình. The parties are the units the event is
between: named in the title, next to their organs ("Tỉnh ủy X", "UBND tỉnh X", "về phía X",
"giữa X và Y") and often; a unit named once in passing, or inside a list of three units joined
by dashes ("tam giác kinh tế Hà Nội – Hải Phòng – Quảng Ninh"), is not a party.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from hoptac.extraction.lexicon import alternation, surnames
from hoptac.extraction.textview import View
from hoptac.lib import units

DEFAULT_ON = units.OLD_TO  # no date at all: most archived reports predate the 2025 reform
_KIND = r"tỉnh|thành\s{1,2}phố|tp\s{0,2}\.|tp"
_WEAK_FORMS = frozenset({"thủ đô"})
_ORGAN_BEFORE_RE = re.compile(
    r"(?:tỉnh\s{1,2}ủy|thành\s{1,2}ủy|ubnd|hđnd|ủy\s{1,2}ban\s{1,2}nhân\s{1,2}dân|hội\s{1,2}đồng"
    r"\s{1,2}nhân\s{1,2}dân|thường\s{1,2}vụ|đoàn\s{1,2}công\s{1,2}tác|đoàn|lãnh\s{1,2}đạo|về\s{1,2}phía"
    r"|đảng\s{1,2}bộ|nhân\s{1,2}dân|chính\s{1,2}quyền|giữa|với|và|hợp\s{1,2}tác|tại|của)\s{0,3}"
    r"(?:(?:" + _KIND + r")\s{0,2})?$"
)
_CHAIN_SEP_RE = re.compile(r"^\s{0,3}[-–—,]\s{0,3}$")
_PAIR_WORDS_RE = re.compile(
    r"\b(?:hai|2)\s{1,3}(?:địa\s{1,2}phương|tỉnh|bên|tỉnh,\s{0,2}thành(?:\s{1,2}phố)?)\b"
)
_YEAR_RE = re.compile(
    r"(?<!đến )(?<!tới )(?<!\d)(?:năm|ngày\s{1,3}\d{1,2}[/\-.]\d{1,2}[/\-.])\s{0,3}((?:19|20)\d{2})\b"
)


@dataclass
class Mention:
    """A written name of a unit: its span, the form matched, and the unit it resolves to."""

    start: int
    end: int
    form: str
    old: bool
    name: str | None = None  # resolved name on the event's date
    kind: str | None = None  # units.CITY or units.PROVINCE
    weak: bool = False


@dataclass
class Parties:
    """The parties chosen, with every mention of every unit for later rules."""

    names: list[str]
    mentions: list[Mention]
    scores: dict[str, float] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, list[Mention]] = field(default_factory=dict)

    def other(self, name: str | None) -> str | None:
        """Return the party that is not `name` when there are exactly two, else None."""
        if name is None or len(self.names) != 2 or name not in self.names:
            return None
        return self.names[1] if self.names[0] == name else self.names[0]


@cache
def _forms() -> dict[str, str]:
    """Return matching form (lower case, new tones) → a written form that resolve() accepts."""
    out: dict[str, str] = {}
    for key in units.written_forms():
        out[key] = key
    return out


@cache
def mention_re() -> re.Pattern[str]:
    """Return the pattern of a locality name with its optional kind word and "(cũ)"."""
    names = alternation(list(_forms()))
    return re.compile(
        rf"(?<!\w)(?:(?P<kind>{_KIND})\s{{0,2}})?(?P<name>{names})(?!\w)"
        r"(?P<old>\s{0,2}\(\s{0,2}cũ\s{0,2}\))?"
    )


@cache
def _name_re() -> re.Pattern[str]:
    # Names first, no lookbehind: the C scanner skips to candidate letters; the kind word and
    # the word boundary are checked around each hit.
    names = alternation(list(_forms()))
    return re.compile(rf"(?:{names})(?!\w)(?P<old>\s{{0,2}}\(\s{{0,2}}cũ\s{{0,2}}\))?")


_KIND_BEFORE_RE = re.compile(r"(?:(?<!\w)(?:" + _KIND + r"))\s{0,2}$")


def _capitalised(work: str, start: int, end: int) -> bool:
    """Return whether every word of work[start:end] starts with a capital (names do)."""
    prev_space = True
    for ch in work[start:end]:
        if prev_space and ch.isalpha() and not ch.isupper():
            return False
        prev_space = ch in " \t-–"
    return True


def find_mentions(view: View) -> list[Mention]:
    """Return the locality mentions in the work view, in order, unresolved."""
    out = []
    low = view.low
    for m in _name_re().finditer(low):
        ns = m.start()
        ne = ns + len(m.group()) - len(m.group("old") or "")
        kind = _KIND_BEFORE_RE.search(low, max(0, ns - 14), ns)
        if ns > 0 and low[ns - 1].isalnum() and not kind:
            continue  # inside a word
        weak_form = " ".join(low[ns:ne].split()) in _WEAK_FORMS
        if not _capitalised(view.work, ns, ne) and not (weak_form and view.work[ns].isupper()):
            continue  # "Thủ đô" is written with one capital
        if not kind and _after_family_name(view.work, ns):
            continue  # a person's name: "Phó Thủ tướng Trương Hòa Bình"
        start = kind.start() if kind else ns
        form = " ".join(re.split(r"[\s\-–—]+", low[ns:ne]))
        out.append(Mention(start, m.end(), form, bool(m.group("old")), weak=form in _WEAK_FORMS))
    return out


def _after_family_name(work: str, pos: int) -> bool:
    """Return whether a capitalised family name stands right before `pos` ("Trương |Hòa Bình")."""
    if pos < 3 or work[pos - 1] != " ":
        return False
    i = pos - 1
    while i > 0 and work[i - 1].isalpha() and pos - i < 8:
        i -= 1
    word = work[i : pos - 1]
    if not word or not word[0].isupper() or (i > 0 and work[i - 1].isalnum()):
        return False
    return word in surnames()


@cache
def _resolve(form: str, old: bool, on: dt.date) -> tuple[str, str] | None:
    key = _forms().get(form, form)
    try:
        res = units.resolve(key + (" (cũ)" if old else ""), on)
    except LookupError:
        return None
    unit = res.unit
    if not unit.exists_on(on):
        unit = unit.current()
    n = unit.name_on(on)
    return n.name, n.kind


def reference_date(view: View, known: dt.date | None, mentions: list[Mention]) -> dt.date:
    """Return the date to resolve names on: the event's, else a year the text names."""
    if known:
        return known
    if any(m.old for m in mentions):
        return units.NEW_FROM  # "(cũ)" is only written after the reorganisation
    years = [int(y) for y in _YEAR_RE.findall(view.low)]
    today = dt.date.today()  # noqa: DTZ011 - a calendar date bounds the guess
    years = [y for y in years if 1990 <= y <= today.year]
    if years and max(years) >= units.NEW_FROM.year + 1:
        return dt.date(max(years), 6, 30)
    return DEFAULT_ON


def resolve_all(mentions: list[Mention], on: dt.date) -> None:
    """Fill in each mention's name and kind as of `on`."""
    for m in mentions:
        r = _resolve(m.form, m.old, on)
        if r:
            m.name, m.kind = r


def choose_parties(view: View, mentions: list[Mention]) -> Parties:
    """Return the parties: the units the event is between, best first."""
    score: Counter[str] = Counter()
    plain: Counter[str] = Counter()
    organ: Counter[str] = Counter()
    by_name: dict[str, list[Mention]] = defaultdict(list)
    kinds: dict[str, str] = {}
    title = view.title
    chained = _chained(view, mentions)
    for i, m in enumerate(mentions):
        if not m.name:
            continue
        by_name[m.name].append(m)
        kinds[m.name] = m.kind or ""
        if m.weak or i in chained:
            continue
        if title and title[0] <= m.start < title[1]:
            score[m.name] += 3 if score[m.name] < 3 else 0
            continue
        before = view.low[max(0, m.start - 30) : m.start]
        if (
            m.start != m.end
            and _ORGAN_BEFORE_RE.search(before)
            or m.start > 0
            and _kind_in(view, m)
        ):
            organ[m.name] += 1
        else:
            plain[m.name] += 1
    for name in by_name:
        score[name] += 2 * min(organ[name], 4) + min(plain[name], 6)
    ranked = [n for n, s in score.most_common() if s > 0]
    if not ranked:
        return Parties([], mentions, {}, kinds, dict(by_name))
    top = score[ranked[0]]
    chosen = [n for n in ranked if score[n] >= max(3, 0.25 * top)]
    if not chosen:
        chosen = ranked[:1]
    if _PAIR_WORDS_RE.search(view.low) and len(chosen) > 2:
        chosen = chosen[:2]
    if len(chosen) < 2:
        # The other side named once, outside the title, next to its organ ("phối hợp với UBND
        # TP Cần Thơ"): one organ mention is enough when nothing else is a party.
        chosen += [n for n in ranked if n not in chosen and organ[n] >= 1][: 2 - len(chosen)]
    in_title = {
        m.name for m in mentions
        if m.weak and m.name and title and title[0] <= m.start < title[1] and m.name not in chosen
    }  # fmt: skip
    if in_title and len(chosen) >= 2:
        # "Thủ đô chung tay cùng bốn tỉnh ...": the capital named in the title by its epithet.
        for n in sorted(in_title):
            score[n] = max(score[n], 3)
        chosen = [*sorted(in_title), *chosen]
    if len(chosen) < 2:
        # A unit named only by a weak form ("Thủ đô" for Hà Nội), in the title or repeatedly.
        weak = Counter(
            m.name for m in mentions
            if m.weak and m.name and m.name not in chosen
            and (m.name not in score or score[m.name] == 0)
        )  # fmt: skip
        for m in mentions:
            if m.weak and m.name and m.name in weak and title and title[0] <= m.start < title[1]:
                weak[m.name] += 2
        extra = [n for n, c in weak.most_common() if c >= 2][: 2 - len(chosen)]
        for n in extra:
            score[n] = max(score[n], 3)
        chosen += extra
    return Parties(chosen, mentions, dict(score), kinds, dict(by_name))


def _kind_in(view: View, m: Mention) -> bool:
    """Return whether the mention carries its kind word ("tỉnh X", "TP X")."""
    return not view.low.startswith(m.form.split()[0], m.start)


def _chained(view: View, mentions: list[Mention]) -> set[int]:
    """Return indexes of mentions in runs of three or more names joined by dashes or commas."""
    out: set[int] = set()
    run = [0]
    for i in range(1, len(mentions) + 1):
        if i < len(mentions) and _CHAIN_SEP_RE.match(
            view.work[mentions[i - 1].end : mentions[i].start]
        ):
            run.append(i)
            continue
        if len(run) >= 3 and not _partner_list(view, mentions, run):
            out.update(run)
        run = [i]
    return out


# "với các tỉnh Gia Lai, Kon Tum, Đắk Lắk và Đắk Nông": the partners of a multi-party event.
_PARTNER_LIST_BEFORE_RE = re.compile(
    r"(?:với|cùng|giữa|và|tiếp|đón|thăm|cho)\s{1,2}(?:các|\d|ba|bốn|năm|sáu|bảy)\s{1,2}"
    r"(?:(?:tỉnh|địa\s{1,2}phương|tỉnh,\s{0,2}thành(?:\s{1,2}phố)?)\s{0,2})?(?:là\s{1,2}|:\s{0,2})?$"
)


def _partner_list(view: View, mentions: list[Mention], run: list[int]) -> bool:
    """Whether a comma-joined run of names lists the partners ("với các tỉnh A, B và C")."""
    first = mentions[run[0]]
    seps = [
        view.work[mentions[a].end : mentions[b].start] for a, b in zip(run, run[1:], strict=False)
    ]
    if any("," not in sep for sep in seps):
        return False  # dashes: "tam giác kinh tế Hà Nội – Hải Phòng – Quảng Ninh"
    return bool(_PARTNER_LIST_BEFORE_RE.search(view.low, max(0, first.start - 30), first.start))


_CITY_WORD_RE = re.compile(
    r"(?<![\w.])(?:Thành\s{1,2}phố|Thủ\s{1,2}đô)(?!\s{1,2}[" + "A-ZĐÀ-Ỹ" + r"])(?!\w)"
)


def add_city_references(view: View, parties: Parties) -> None:
    """ "Thành phố" written alone with a capital, mid-sentence, is the one city among the
    parties ("doanh nghiệp của Thành phố có 27 dự án"): a weak mention of it."""
    cities = [n for n in parties.names if parties.kinds.get(n) == units.CITY]
    if len(cities) != 1:
        return
    taken = {(m.start, m.end) for m in parties.mentions}
    added = []
    for m in _CITY_WORD_RE.finditer(view.work):
        before = view.work[max(0, m.start() - 2) : m.start()]
        if m.start() == 0 or before.endswith(("\n", ". ")) or (m.start(), m.end()) in taken:
            continue  # at a sentence start "Thành phố" may open a name on the next line
        mention = Mention(m.start(), m.end(), "thành phố", False, cities[0], units.CITY, weak=True)
        added.append(mention)
    if added:
        parties.mentions.extend(added)
        parties.mentions.sort(key=lambda x: x.start)
