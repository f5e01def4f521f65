"""What a timeline entry shows: an event as the one projection reads it
(events.projection, the API's representation), with the labels the page writes and the
names of countries and topics, for the templates (jinja2/timeline/includes/event.html)."""

from dataclasses import dataclass
from datetime import date, datetime

from events.dates import DatePrecision, DateQualifier
from events.event_types import EventType, coding_for
from events.models import Agreement, AgreementStatus, Country, Event, Participant, Topic
from events.models.event import participant_label
from events.projection import EventReader

# The projection's fields an entry shows.
FIELDS = {
    "id",
    "slug",
    "title",
    "type",
    "status",
    "date_start",
    "date_end",
    "date_precision",
    "date_qualifier",
    "date_label",
    "date_edtf",
    "location",
    "countries",
    "participants",
    "topics",
    "summary",
    "agreements",
    "sources",
    "statements",
    "related_events",
    "coding",
}
TYPE_LABELS = dict(EventType.choices)
STATUS_LABELS = dict(Event.Status.choices)
ROLE_LABELS = dict(Participant.Role.choices)
KIND_LABELS = dict(Agreement.Kind.choices)
AGREEMENT_STATUS_LABELS = dict(AgreementStatus.choices)


@dataclass
class Names:
    """The names the page writes for the codes the projection gives."""

    countries: dict[str, str]  # alpha-2 -> name
    topics: dict[str, str]  # slug -> name
    alpha3: dict[str, str]  # alpha-2 -> alpha-3 (the filter form reads both)

    @classmethod
    def load(cls) -> "Names":
        countries = Country.objects.order_by("name").values_list("iso_alpha2", "iso_alpha3", "name")
        alpha3, names = {}, {}
        for alpha2, code3, name in countries:
            alpha3[alpha2], names[alpha2] = code3, name
        topics = dict(Topic.objects.order_by("name").values_list("slug", "name"))
        return cls(names, topics, alpha3)


class EntryReader:
    """Reads a page of entries (for the keyset paginator: read() and keys)."""

    def __init__(self, names: Names):
        self.names = names
        self.events = EventReader(FIELDS)

    @property
    def keys(self):
        return self.events.keys

    def read(self, queryset) -> list[dict]:
        return [entry(event, self.names) for event in self.events.read(queryset)]


def _participant(p: dict, countries: dict) -> dict:
    official, organization = p["official"], p["organization"]
    country = countries.get(p["country"]) if p["country"] else None
    who = (official or organization or {}).get("name") or country or ""
    post = p["post"]["title"] if p["post"] else None
    return {
        "label": participant_label(who, post, official, country),
        "official_slug": official["slug"] if official else None,
        "role": p["role"],
        "role_label": ROLE_LABELS.get(p["role"], p["role"]),
    }


def _on_one_exact_day(precision: str, qualifier: str) -> bool:
    return precision == DatePrecision.DAY.slug and qualifier == DateQualifier.EXACT


def _related(event: dict) -> list[dict]:
    """The event's relations worded from its side, oldest related event first."""
    mine = _on_one_exact_day(event["date_precision"], event["date_qualifier"])
    related = [
        {
            "label": item["relation"],
            "same_day": mine
            and _on_one_exact_day(item["date_precision"], item["date_qualifier"])
            and item["date_start"] == event["date_start"],
            "note": item["note"],
            "ref": item["slug"] or item["id"],
            "title": item["title"],
            "date_label": item["date_label"],
            "order": (item["date_start"], item["date_end"]),
        }
        for item in event["related_events"]
    ]
    related.sort(key=lambda entry_: entry_["order"])
    return related


def entry(event: dict, names: Names) -> dict:
    """The entry of one event (a dict of the projection with FIELDS)."""
    countries, location = names.countries, event["location"]
    coding = coding_for(event["type"], planned=event["status"] == Event.Status.PLANNED)
    return {
        "public_id": event["id"],
        "ref": event["slug"] or event["id"],
        "type": event["type"],
        "type_label": TYPE_LABELS.get(event["type"], event["type"]),
        "is_context": coding.is_context,
        "coding": event["coding"],
        "status": event["status"],
        "status_label": STATUS_LABELS.get(event["status"], event["status"]),
        "title": event["title"],
        "summary": event["summary"],
        "location": location["name"],
        "location_country_name": countries.get(location["country"])
        if location["country"]
        else None,
        "latitude": location["latitude"],
        "longitude": location["longitude"],
        "date_start": date.fromisoformat(event["date_start"]),
        "date_end": date.fromisoformat(event["date_end"]),
        "date_label": event["date_label"],
        "date_edtf": event["date_edtf"],
        "participants": [_participant(p, countries) for p in event["participants"]],
        "countries": sorted(
            ({"code": c, "name": countries.get(c, c)} for c in event["countries"]),
            key=lambda country: country["name"],
        ),
        "topics": [{"slug": t, "name": names.topics.get(t, t)} for t in event["topics"]],
        "agreements": [
            {
                "public_id": a["id"],
                "title": a["title"],
                "kind_label": KIND_LABELS.get(a["kind"], a["kind"]),
                "status": a["status"],
                "status_label": AGREEMENT_STATUS_LABELS.get(a["status"], a["status"]),
                "disclosed": a["disclosed"],
            }
            for a in event["agreements"]
        ],
        "statements": [
            {
                "text": s["text"],
                "official_name": (s["official"] or {}).get("name"),
                "official_slug": (s["official"] or {}).get("slug"),
                "organization_name": (s["organization"] or {}).get("name"),
                "source_headline": s["source_headline"],
                "source_url": s["source_url"],
            }
            for s in event["statements"]
        ],
        "citations": [
            {
                "excerpt": c["excerpt"],
                "headline": c["headline"],
                "url": c["url"],
                "publisher": c["publisher"],
                "published_at": datetime.fromisoformat(c["published_at"])
                if c["published_at"]
                else None,
            }
            for c in event["sources"]
        ],
        "related": _related(event),
    }
