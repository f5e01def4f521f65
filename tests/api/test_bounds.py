"""Dates, texts and lists are bounded (events.dates.EARLIEST..LATEST, events.limits), the
same through the API, admin and the importer, and a refused write stores nothing."""

import time

import pytest
from django.urls import reverse

from events import limits
from events.models import Event
from tests import factories
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

EVENT = {"title": "Talks on grain", "type": "meeting", "date": "3 May 2024"}


@pytest.mark.parametrize("text", ["Q4 9999", "1799", "2200", "31 Dec 1799"])
def test_a_date_outside_the_range_is_refused_naming_the_field(editor_api, text):
    response = editor_api.post("/api/events/", {**EVENT, "date": text}, format="json")
    assert response.status_code == 400
    assert "Dates run from 1800 to 2199" in response.json()["date"][0]
    assert not Event.objects.exists()


def test_date_fields_outside_the_range_are_refused_by_name(editor_api):
    body = {**EVENT, "date_start": "9999-01-01", "date_end": "9999-12-31"}
    body.update(date_precision="year")
    del body["date"]
    response = editor_api.post("/api/events/", body, format="json")
    assert response.status_code == 400
    assert "date_start" in response.json()


@pytest.mark.parametrize("text", ["1800", "late Dec 2199"])
def test_the_range_ends_are_accepted_and_exported(editor_api, text):
    assert (
        editor_api.post("/api/events/", {**EVENT, "date": text}, format="json").status_code == 201
    )
    # The calendar export writes the day after the end: still a date at the last one.
    response = editor_api.get("/api/events/", {"format": "ics"})
    assert response.status_code == 200
    assert b"BEGIN:VEVENT" in b"".join(response.streaming_content)


def test_a_summary_over_the_bound_is_refused(editor_api):
    summary = "x" * (limits.SUMMARY_CHARS + 1)
    response = editor_api.post("/api/events/", {**EVENT, "summary": summary}, format="json")
    assert response.status_code == 400
    assert "summary" in response.json()
    assert not Event.objects.exists()


def test_too_many_participants_are_refused_before_any_is_read(editor_api):
    official = factories.OfficialFactory()
    rows = [{"official": str(official.public_id)}] * 40_000
    started = time.perf_counter()
    response = editor_api.post("/api/events/", {**EVENT, "participants": rows}, format="json")
    elapsed = time.perf_counter() - started
    assert response.status_code == 400
    assert str(limits.PARTICIPANTS) in str(response.json()["participants"])
    # Not a speed target: 40,000 rows each looked up took half a minute before the bound.
    assert elapsed < 10
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("field", "count"),
    [("countries", limits.COUNTRIES), ("topics", limits.TOPICS), ("sources", limits.CITATIONS)],
)
def test_every_list_of_an_event_is_bounded(editor_api, field, count):
    response = editor_api.post("/api/events/", {**EVENT, field: ["x"] * (count + 1)}, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_admin_refuses_a_long_summary_with_a_form_error(editor_client):
    event = factories.EventFactory()
    change = reverse("admin:events_event_change", args=[event.pk])
    data = form_data(editor_client.get(change))
    data["summary"] = "y" * (limits.SUMMARY_CHARS + 1)
    response = editor_client.post(change, data)
    assert response.status_code == 200
    assert "summary" in response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.summary == ""


def test_admin_refuses_a_date_outside_the_range(editor_client):
    event = factories.EventFactory()
    change = reverse("admin:events_event_change", args=[event.pk])
    data = form_data(editor_client.get(change))
    data["date_text"] = "Q4 9999"
    response = editor_client.post(change, data)
    assert response.status_code == 200
    assert "Dates run from 1800" in str(response.context["adminform"].form.errors)
