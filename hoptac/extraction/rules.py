"""The default extractor: rules and lexicons over the cleaned work view of the text."""

from __future__ import annotations

import datetime as dt

from hoptac.extraction import activities, counts, dates, extras, localities, money, official, people
from hoptac.extraction.model import Extraction, Fact
from hoptac.extraction.textview import View, lower_same_length

_MAX_PARTY_SPANS = 8


class RulesExtractor:
    """Rules and lexicons (see docs/decisions/0003-extraction-design.md). Stateless."""

    name = "rules"

    def extract(
        self, text: str, *, source: str | None = None, published: dt.date | None = None
    ) -> Extraction:
        """Return the facts of `text`; offsets refer to `text` exactly as given."""
        view = View.of(text)
        body_start = view.title[1] if view.title else 0
        head = lower_same_length(view.text[: body_start + 600])
        tail = lower_same_length(view.text[-300:])
        found, ref = dates.event_date(view.low, head, body_start, published=published, tail=tail)
        event_day = None
        if found and not found.iso.startswith("--"):
            event_day = dt.date.fromisoformat(found.iso)
        mentions = localities.find_mentions(view)
        on = localities.reference_date(view, event_day or ref, mentions)
        localities.resolve_all(mentions, on)
        parties = localities.choose_parties(view, mentions)
        localities.add_city_references(view, parties)

        ex = Extraction(source=source, extractor=self.name)
        if view.title:
            ex.title = " ".join(view.text[view.title[0] : view.title[1]].split())
        if found:
            ex.event_date = found.iso
            ex.event_date_evidence = [[found.start, found.end]]
            ex.event_date_confidence = found.confidence
        top = max(parties.scores.values(), default=1) or 1
        for name in parties.names:
            spans = [[m.start, m.end] for m in parties.by_name.get(name, [])][:_MAX_PARTY_SPANS]
            conf = min(0.95, 0.5 + 0.45 * parties.scores.get(name, 0) / top)
            ex.parties.append(Fact({"name": name}, spans, conf))
        for p in people.find_people(view, parties):
            ex.people.append(
                Fact(
                    {"name": p.name, "titles": p.titles, "locality": p.locality},
                    [list(s) for s in p.spans],
                    p.confidence,
                )
            )
        ex.investments, stats, used = money.find_investments(view, parties)
        ex.grants = money.find_grants(view, parties, used, event_at=found.start if found else None)
        ex.statistics = stats
        ex.commitment_counts = counts.find_counts(view)
        ex.fields = counts.find_fields(view)
        doc = official.read_document(view, parties)
        if doc is None:
            ex.agreements = extras.find_agreements(view)
        else:
            _official(ex, view, parties, doc)
        ex.requests = extras.find_requests(view, parties)
        ex.assignments = extras.find_assignments(view)
        ex.activities = activities.find_activities(view)
        if view.back is not None:
            _to_original(ex, view)
        return ex


def _official(
    ex: Extraction, view: View, parties: localities.Parties, doc: official.Official
) -> None:
    """An official document: itself as an agreement with its items, the agreements it cites,
    the date of the meeting it records (or its own), and its signatories' part."""
    ex.agreements = [official.document_agreement(view, doc, parties)]
    ex.agreements += official.cited_agreements(view, doc, parties)
    if doc.event_on and doc.event_span:
        ex.event_date = doc.event_on.isoformat()
        ex.event_date_evidence = [list(doc.event_span)]
        ex.event_date_confidence = 0.85
    if doc.title:
        ex.title = doc.title
    # People named only in the signature block or the "Nơi nhận" list do not take part...
    ex.people = [
        p for p in ex.people if any(not official.in_signature(doc, s) for s, _e in p.evidence)
    ]
    if not official.participants_from_signatures(doc):
        return
    # ...except the signatories of a programme, memorandum or minutes: they sign for their side.
    known = {p.data["name"] for p in ex.people}
    for sig, span in zip(doc.signatories, doc.signatory_spans, strict=True):
        if sig["name"] in known:
            continue
        titles = [sig["title"]] if sig.get("title") else []
        ex.people.append(
            Fact(
                {"name": sig["name"], "titles": titles, "locality": sig.get("locality")},
                [list(span)],
                0.8,
            )
        )


def _to_original(ex: Extraction, view: View) -> None:
    """Map every span from the NFC text back to the text as given (NFD input)."""
    ex.event_date_evidence = [view.to_original((s, e)) for s, e in ex.event_date_evidence]
    for key in (
        "parties", "people", "investments", "grants", "commitment_counts", "fields",
        "agreements", "requests", "assignments", "activities", "statistics",
    ):  # fmt: skip
        for f in getattr(ex, key):
            f.evidence = [view.to_original((s, e)) for s, e in f.evidence]
