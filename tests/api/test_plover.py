"""The PLOVER export against the PLOVER specification's own records
(github.com/openeventdata/PLOVER): the manual's "Data Fields" chapter
(PLOVER_MANUAL.tex: the simplest record, the "PLOVER JSON" table, entity and location
objects) and the gold-standard records (gold_standard_records/PLOVER_GSR_CAMEO.txt),
whose older "source"/"target" the manual renames "actor"/"recipient"."""

import datetime as dt
import json
import re

import pytest

from events.models import Country, Event
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.usefixtures("seeded")

# PLOVER_MANUAL.tex, chapter "Data Fields": "the simplest form of an event record".
SPEC_SIMPLEST = {
    "id": "PHOXv1-20160724-0042",
    "date": "2016-07-24",
    "actor": [{"code": "USA"}],
    "recipient": [{"code": "CAN"}],
    "event": ["CONSULT"],
}
# The "PLOVER JSON" table: the required fields, and those that hold lists.
REQUIRED = {"id", "date", "actor", "event"}
LISTS = {"actor", "recipient", "event", "event_text"}
LISTS_OR_NULL = {"mode", "context"}
# PLOVER_GSR_CAMEO.txt, PLOVER-GSR01-AGREE-0001 ("Senior Hungarian and Romanian officials
# agreed on Wednesday that their countries should cooperate..."): a compound actor, no
# recipient.
GSR_AGREE_0001 = {
    "date": "2000-01-01",
    "source": [{"code": "HUN", "sector": "GOV"}, {"code": "ROU", "sector": "GOV"}],
    "event": "AGREE",
}


def official_of(code, name):
    return factories.OfficialFactory(name=name, country=Country.objects.get(iso_alpha2=code))


def event_with(title, day, event_type, people, **fields):
    event = factories.EventFactory(title=title, type=event_type, date_start=day, **fields)
    for official, role in people:
        factories.ParticipantFactory(event=event, official=official, role=role)
    return event


def records(api, query):
    response = api.get(f"/api/events/?format=plover&{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-ndjson")
    return [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]


def test_a_visit_codes_as_the_spec_s_simplest_record(api):
    event = event_with(
        "Visit to Ottawa",
        dt.date(2016, 7, 24),
        "visit",
        [(official_of("US", "A US Envoy"), "visitor"), (official_of("CA", "A Canadian"), "host")],
    )
    (record,) = records(api, "q=Ottawa")
    assert REQUIRED <= set(record)
    for name, value in SPEC_SIMPLEST.items():
        example, ours = value, record[name]
        assert type(ours) is type(example), name
        if isinstance(example, list) and isinstance(example[0], dict):
            assert [{k: e[k] for k in example[0]} for e in ours] == example
        elif name == "id":
            assert ours == str(event.public_id)
        else:
            assert ours == example
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", record["date"])
    # CONSULT "visit": "actor is visiting, recipient is hosting".
    assert record["mode"] == ["visit"]
    assert record["actor"][0]["entity_text"] == "A US Envoy"


def test_a_planned_cooperation_is_agree_with_a_compound_actor_as_the_gsr_codes_it(api):
    event_with(
        "Hungary and Romania to cooperate on refugees",
        dt.date(2000, 1, 1),
        "cooperation",
        [
            (official_of("HU", "A Hungarian"), "participant"),
            (official_of("RO", "A Romanian"), "participant"),
        ],
        status=Event.Status.PLANNED,
    )
    (record,) = records(api, "q=Romania")
    assert record["date"] == GSR_AGREE_0001["date"]
    assert record["event"] == [GSR_AGREE_0001["event"]]
    assert [a["code"] for a in record["actor"]] == [s["code"] for s in GSR_AGREE_0001["source"]]
    assert record["recipient"] == []
    assert record["status"] == "planned"


def test_a_cancelled_meeting_is_a_reject_not_a_consult(api):
    event_with(
        "Called-off summit in Lima",
        dt.date(2025, 5, 1),
        "summit",
        [(official_of("PE", "A Peruvian"), "host"), (official_of("CL", "A Chilean"), "visitor")],
        status=Event.Status.CANCELLED,
    )
    (record,) = records(api, "q=Lima")
    assert record["event"] == ["REJECT"] and record["event_type"] == "REJECT"
    assert record["mode"] is None
    assert record["status"] == "cancelled"
    listed = api.get("/api/events/?q=Lima&fields=coding").json()["results"][0]
    assert listed["coding"]["plover_event"] == "REJECT"


def test_every_record_has_the_spec_s_shapes(api):
    found = records(api, "")
    assert found
    for record in found:
        assert REQUIRED <= set(record)
        assert all(isinstance(record[name], list) for name in LISTS)
        assert all(record[name] is None or isinstance(record[name], list) for name in LISTS_OR_NULL)
        for entity in record["actor"] + record["recipient"]:
            assert entity["code"] is None or re.fullmatch(r"[A-Z]{3}", entity["code"])
        if record["event_loc"] is not None:
            assert {"resolved_place", "lat", "lon", "country_code"} <= set(record["event_loc"])


def test_topics_become_plover_contexts(api):
    (record,) = [r for r in records(api, "") if r["title"].startswith("Zelensky and Modi")] or [
        None
    ]
    assert record is not None
    # Trade and reconstruction are economic, defense industry military; diplomacy always.
    assert set(record["context"]) >= {"diplomatic", "economic", "military"}
    strike = next(r for r in records(api, "type=strike"))
    assert "diplomatic" not in (strike["context"] or [])


def test_an_event_without_a_location_has_a_null_event_loc(api):
    event = event_with(
        "Call with nobody",
        dt.date(2025, 1, 2),
        "call",
        [(official_of("NO", "A Norwegian"), "participant")],
    )
    save(event, location="")
    (record,) = records(api, "q=nobody")
    assert record["event_loc"] is None
    assert record["mode"] == ["phone"]
