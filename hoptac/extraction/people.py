"""Participants: names with their titles and the side they represent.

A Vietnamese name is two to four capitalised syllables starting with a known family name.
A name counts as a participant only when it is tied to an official title ("Bí thư Tỉnh ủy X
Nguyễn Văn A", "Nguyễn Văn A, Phó Chủ tịch UBND tỉnh", lists after "có các đồng chí:") or is
called "đồng chí". Bylines, photo credits, poets and kings have no title and are left out;
other stories' headlines are furniture and already blanked. Locality names and titles are
masked before names are looked for, so "Thành ủy Hà Nội Hoàng Trung Hải" yields
"Hoàng Trung Hải", not "Hà Nội Hoàng Trung".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from hoptac.extraction.lexicon import LOWER, UPPER, alternation, surnames, titles
from hoptac.extraction.localities import Mention, Parties, mention_re
from hoptac.extraction.textview import View
from hoptac.lib import units

_SYL = rf"[{UPPER}][{LOWER}]{{0,7}}"


@cache
def title_re() -> re.Pattern[str]:
    """Return the pattern of a chain of titles ("ủy viên ..., bí thư tỉnh ủy, chủ tịch hđnd tỉnh")."""
    t = titles()
    heads = alternation([*t["heads"], *t["national"]])
    organs = alternation(t["organs"])
    depts = alternation(t["departments"])
    dept_heads = alternation(t["department_heads"])
    kinds = alternation(t["kinds"])
    loc = mention_re().pattern.replace("(?P<kind>", "(?:").replace("(?P<name>", "(?:")
    loc = loc.replace("(?P<old>", "(?:")
    one = (
        rf"(?:{heads})(?!\w)"
        rf"(?:\s{{1,3}}(?:(?:{organs})|(?:{dept_heads})\s{{1,3}}(?:{depts}))(?!\w)){{0,2}}"
        rf"(?:\s{{1,3}}(?:{kinds})(?![\w.]))?"
        rf"(?:\s{{1,3}}{loc})?"
    )
    # No leading lookbehind: a pattern that starts with literals lets the C scanner skip ahead;
    # callers check the word boundary.
    return re.compile(rf"{one}(?:\s{{0,2}},\s{{0,2}}{one}){{0,8}}")


@cache
def name_re() -> re.Pattern[str]:
    """Return the pattern of a person's name: a family name and one to three syllables."""
    fam = alternation(surnames(), flexible=False)
    return re.compile(rf"(?:{fam})(?:[ \t]{{1,2}}{_SYL}){{1,4}}(?!\w)")


@cache
def _addressed_re() -> re.Pattern[str]:
    """After "đồng chí" / "ông" / "bà" a capitalised run is a name even when its family name is
    not in the list (rare or mistyped family names). Literal first, for the C scanner."""
    return re.compile(
        rf"(?:đồng chí|Đồng chí|ông|Ông|bà|Bà) (?P<n>{_SYL}(?:[ \t]{{1,2}}{_SYL}){{1,4}})(?!\w)"
    )


@dataclass(frozen=True)
class _Hit:
    """A name found by `_addressed_re`, shaped like a match of `name_re`."""

    s: int
    e: int
    text: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self) -> str:
        return self.text


def _names(masked: str) -> list[re.Match[str] | _Hit]:
    """Return the candidate names in order: family names from the list, then addressed ones."""
    hits: list[re.Match[str] | _Hit] = list(name_re().finditer(masked))
    starts = {m.start() for m in hits}
    fam = surnames()
    extra: list[re.Match[str] | _Hit] = []
    for m in _addressed_re().finditer(masked):
        s = m.start("n")
        if s in starts or m.group("n").split()[0] in fam:
            continue
        if m.start() > 0 and masked[m.start() - 1].isalnum():
            continue  # "sông Cửu Long": "ông" inside a word
        extra.append(_Hit(s, m.end("n"), m.group("n")))
    if not extra:
        return hits
    return sorted([*hits, *extra], key=lambda h: h.start())


@cache
def _not_name() -> frozenset[str]:
    return frozenset(titles()["not_name_syllables"])


@cache
def _cue_re() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + alternation(titles()["participation_cues"]) + r")(?!\w)")


_DONG_CHI_RE = re.compile(r"(?:đồng\s{1,2}chí|ông|bà)\s{1,3}$")
_COMMA_AFTER_RE = re.compile(r"\s{0,2}[,(–—-]\s{0,2}")  # "A, Bí thư", "A – Bí thư", "A (Bí thư"
_PHIA_RE = re.compile(r"về\s{1,2}phía\s{1,3}")


@dataclass
class Person:
    """A participant: name, titles, side, evidence spans, confidence."""

    name: str
    titles: list[str] = field(default_factory=list)
    locality: str | None = None
    locality_rank: int = 9  # how the side was found: 0 named in title, 1 organ kind, 2 context
    spans: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.0


def _mask(view: View, spans: list[tuple[int, int]]) -> str:
    """Return the work view with `spans` overwritten by lower-case filler (same length)."""
    pieces = []
    pos = 0
    for s, e in sorted(spans):
        if e <= pos:
            continue
        s = max(s, pos)
        pieces.append(view.work[pos:s])
        pieces.append("x" * (e - s))
        pos = e
    pieces.append(view.work[pos:])
    return "".join(pieces)


_LONG_NAME_HEADS = frozenset({"Y", "H'", "Ksor", "Rơ", "Siu", "Nay", "Rah"})
_HONORIFICS = frozenset({"Ông", "Bà", "Đồng", "Anh", "Chị"})


def _lead(name: str) -> int:
    """Return how many characters of a leading honorific to skip ("Ông Nguyễn Văn A")."""
    parts = name.split()
    if len(parts) >= 3 and parts[0] in _HONORIFICS and parts[1] in surnames():
        return name.index(parts[1])
    return 0


@cache
def _name_or_title() -> dict[str, frozenset[str]]:
    data = titles()["name_or_title_syllables"]
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def _trim(name: str, after: str = "") -> str:
    """Return the name without trailing syllables that are title or organ words; `after` is
    the text that follows the match ("Nguyễn Văn A Đại| hội ...")."""
    parts = name.split()
    if len(parts) > 4 and parts[0] not in _LONG_NAME_HEADS:
        parts = parts[:4]  # five syllables: only the Ê Đê / Jrai "Y ..." / "H' ..." names
    stop = _not_name()
    both = _name_or_title()
    nxt = after.split(maxsplit=1)[0].lower() if after.strip() else ""
    for i, p in enumerate(parts[1:], 1):
        if p in both:
            last = i == len(parts) - 1
            if not last or nxt not in both[p]:
                continue
        if p in stop:
            parts = parts[:i]
            break
    return " ".join(parts)


def find_people(view: View, parties: Parties) -> list[Person]:
    """Return the participants, merged by name, in order of first mention."""
    low = view.low
    chains = [
        (m.start(), m.end())
        for m in title_re().finditer(low)
        if m.start() == 0 or not low[m.start() - 1].isalnum()
    ]
    chain_ends = {e: (s, e) for s, e in chains}
    chain_starts = {s: (s, e) for s, e in chains}
    masked = _mask(view, chains + [(m.start, m.end) for m in parties.mentions])
    people: dict[str, Person] = {}
    starts = [m.start for m in parties.mentions]  # once: _side runs per candidate name
    for m in _names(masked):
        if m.start() > 0 and masked[m.start() - 1].isalnum():
            continue
        skip = _lead(m.group())
        name = _trim(m.group()[skip:], masked[m.end() : m.end() + 12])
        if len(name.split()) < 2:
            continue
        start = m.start() + skip
        end = start + len(name)
        found: list[tuple[int, int]] = []
        before = view.work[max(0, start - 3) : start]
        gap = len(before) - len(before.rstrip())
        pre = chain_ends.get(start - gap) if gap else None
        if pre:
            found.append(pre)
        after = _COMMA_AFTER_RE.match(view.work, end)
        if after and after.group().strip():
            post = chain_starts.get(after.end())
            if post and not _followed_by_name(masked, post[1]):
                found.append(post)
        dong_chi = bool(_DONG_CHI_RE.search(view.low[max(0, start - 12) : start]))
        if not found and not dong_chi:
            continue
        titles_here = [view.work[s:e] for s, e in found]
        locality, rank = _side(view, parties, starts, found, start)
        if rank >= 2 and found and all(_national(view.low[a:b]) for a, b in found):
            locality, rank = None, 9  # a minister is nobody's side; the sentence must say so
        if not _participates(view, parties, locality, found, start):
            continue
        p = people.setdefault(name, Person(name))
        for t in titles_here:
            for one in _split_chain(t):
                if one not in p.titles:
                    p.titles.append(one)
        p.spans.append((start, end))
        if locality and rank < p.locality_rank:
            p.locality, p.locality_rank = locality, rank
        p.confidence = max(p.confidence, 0.9 if found else 0.6)
    # A side named for a person outside the parties means another story (or a guest).
    return [p for p in people.values() if p.locality is None or p.locality in parties.names]


@cache
def _national_re() -> re.Pattern[str]:
    return re.compile(r"(?:" + alternation(titles()["national"]) + r")(?!\w)")


def _national(chain: str) -> bool:
    """Return whether a title chain is a central-level post ("Bộ trưởng Bộ ...", "Phó Thủ tướng")."""
    return bool(_national_re().match(chain))


def _followed_by_name(masked: str, pos: int) -> bool:
    m = re.compile(r"\s{1,3}").match(masked, pos)
    return bool(m and name_re().match(masked, m.end()))


_SPLIT_RE = re.compile(r"\s{0,2},\s{0,2}")


def _split_chain(chain: str) -> list[str]:
    return [" ".join(t.split()) for t in _SPLIT_RE.split(chain) if t.strip()]


# How far back "Về phía tỉnh X có ..." may stand from a name in its list; bounded so that one
# enormous paragraph costs linear time, not a scan back to its start for every name.
_PHIA_WINDOW = 1500


def _side(
    view: View, parties: Parties, starts: list[int], chains: list[tuple[int, int]], pos: int
) -> tuple[str | None, int]:
    """Return the party a participant represents, and how sure (lower rank is surer)."""
    mentions = parties.mentions
    for s, e in chains:
        i = bisect.bisect_left(starts, s)
        while i < len(mentions) and mentions[i].start < e:
            if mentions[i].name and not mentions[i].weak:
                return mentions[i].name, 0  # a third unit's official is filtered out later
            i += 1
    # "Bí thư Tỉnh ủy" with a city and a province: the organ's kind tells the side.
    city = [n for n in parties.names if parties.kinds.get(n) == units.CITY]
    prov = [n for n in parties.names if parties.kinds.get(n) == units.PROVINCE]
    t = titles()
    for s, e in chains:
        words = view.low[s:e]
        is_city = any(re.search(rf"(?<!\w){re.escape(o)}(?!\w)", words) for o in t["city_organs"])
        is_prov = any(
            re.search(rf"(?<!\w){re.escape(o)}(?!\w)", words) for o in t["province_organs"]
        )
        if is_city != is_prov and len(city) == 1 and len(prov) == 1:
            return (city[0] if is_city else prov[0]), 1
    # Context: "Về phía tỉnh X có ...", else the nearest party named before in the paragraph.
    ps, _ = view.paragraph_at(pos)
    best: Mention | None = None
    for ph in _PHIA_RE.finditer(view.low, max(ps, pos - _PHIA_WINDOW), pos):
        i = bisect.bisect_left(starts, ph.end())
        if i < len(mentions) and mentions[i].start - ph.end() < 20:
            best = mentions[i]
    if best and best.name in parties.names:
        return best.name, 2
    i = bisect.bisect_left(starts, pos) - 1
    while i >= 0 and mentions[i].start >= ps and pos - mentions[i].start < 20 * _PHIA_WINDOW:
        if mentions[i].name in parties.names:
            return mentions[i].name, 3
        i -= 1
    return None, 9


@cache
def _absent_re() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + alternation(titles()["non_participation_cues"]) + r")(?!\w)")


def _participates(
    view: View, parties: Parties, locality: str | None, chains: list[tuple[int, int]], pos: int
) -> bool:
    """Return whether the person takes part: a party's official, or the sentence says so."""
    if locality in parties.names:
        return True
    s, e = view.sentence_at(pos)
    if _absent_re().search(view.low, s, e):
        return False
    return bool(_cue_re().search(view.low, s, e))
