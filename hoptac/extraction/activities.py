"""Activities shown to reviewers but not scored: fairs, delegations, culture days, festivals.

"tổ chức được 15 đợt hội chợ/phiên chợ giới thiệu sản phẩm" → trade_fair, count 15;
"tổ chức “Ngày văn hóa Thanh Hóa tại Hà Nội”" → culture_day. The kinds and their words are
data (data/activities.json); the kind codes are those of the activities register.
"""

from __future__ import annotations

import re
from functools import cache

from hoptac.extraction.lexicon import alternation, load_json
from hoptac.extraction.model import Fact
from hoptac.extraction.numbers import parse_number
from hoptac.extraction.textview import View

# The name runs on to the end of the clause: bounded, no nested repetition.
_TAIL = r"[^.;:,\n\"“”…()]{0,70}"


@cache
def _kind_of() -> dict[str, str]:
    data = load_json("activities.json")
    return {w: kind for kind, words in data["kinds"].items() for w in words}


@cache
def _cut_re() -> re.Pattern[str]:
    """Where a name ends: a word that starts another clause, or a number (another count)."""
    stops = alternation(load_json("activities.json")["name_stops"])
    return re.compile(rf"\s(?:{stops})(?!\w)|\s\d")


@cache
def _activity_re() -> re.Pattern[str]:
    data = load_json("activities.json")
    heads = alternation(list(_kind_of()))
    counted = alternation(data["count_words"])
    return re.compile(
        rf"(?<![\w.,])(?:(?P<n>\d{{1,4}})\s{{1,3}}(?:(?:{counted})\s{{1,3}})?)?"
        rf"(?P<head>{heads})(?!\w)(?P<tail>{_TAIL})"
    )


def find_activities(view: View) -> list[Fact]:
    """Return activities named in the body, one per (kind, title), with their counts."""
    out: dict[tuple[str, str], Fact] = {}
    pattern, low, pos = _activity_re(), view.low, 0
    while (m := pattern.search(low, pos)) is not None:
        pos = m.end("head")  # the next search starts inside this tail when the name is cut
        if m.start() > 0 and low[m.start() - 1].isalnum():
            continue
        head = " ".join(m.group("head").split())
        kind = _kind_of().get(head)
        if kind is None:
            continue
        start, end = m.start("head"), m.end("tail")
        raw = view.work[start:end]
        # The name ends where another activity or a purpose begins ("… và 5 lượt đoàn",
        # "… nhằm mở rộng"), and never in the middle of a word.
        cut = _cut_re().search(low, start, end)
        if cut:
            raw = raw[: cut.start() - start]
        elif end - start >= 70 and " " in raw:
            raw = raw[: raw.rfind(" ")]
        raw = raw.rstrip()
        end = start + len(raw)
        title = " ".join(raw.split())
        if len(title.split()) < 2 and not m.group("n"):
            continue
        title = title[:1].upper() + title[1:]
        key = (kind, title.lower())
        count = parse_number(m.group("n")) if m.group("n") else None
        if key in out:
            out[key].evidence.append([m.start(), end])
            continue
        data: dict[str, object] = {"kind": kind, "title": title}
        if count is not None and count == int(count):
            data["count"] = int(count)
        out[key] = Fact(data, [[m.start(), end]], 0.5)
    return list(out.values())
