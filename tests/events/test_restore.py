"""A deleted event can be restored from admin, with what was deleted or detached with it."""

from datetime import date

import pytest

from events.models import Agreement, Event, EventRelation, Statement

pytestmark = pytest.mark.usefixtures("seeded")


def snapshot(event):
    return {
        "public_id": event.public_id,
        "participants": sorted(p.public_id for p in event.participants.all()),
        "countries": sorted(c.iso_alpha2 for c in event.countries.all()),
        "citations": sorted(c.source_id for c in event.citations.all()),
        "topics": sorted(t.slug for t in event.topics.all()),
        "statements": sorted(s.pk for s in event.statements.all()),
        "agreements": sorted(a.pk for a in event.agreements.all()),
        "relations": sorted(
            EventRelation.objects.filter(from_event=event).values_list("pk", flat=True)
        )
        + sorted(EventRelation.objects.filter(to_event=event).values_list("pk", flat=True)),
    }


@pytest.mark.parametrize("when", [date(2024, 10, 26), date(2024, 8, 1)])
def test_editor_restores_a_deleted_event_with_everything_it_had(editor_client, when):
    event = Event.objects.get(date_start=when)
    before = snapshot(event)
    pk = event.pk
    response = editor_client.post(f"/admin/events/event/{pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Event.objects.filter(pk=pk).exists()
    assert Statement.objects.filter(pk__in=before["statements"], event__isnull=True).count() == len(
        before["statements"]
    )
    listing = editor_client.get("/admin/events/event/deleted/").content.decode()
    assert f"/admin/events/event/deleted/{pk}/restore/" in listing
    response = editor_client.post(f"/admin/events/event/deleted/{pk}/restore/")
    assert response.status_code == 302
    restored = Event.objects.get(pk=pk)
    assert snapshot(restored) == before
    assert restored.event_countries.first().title == restored.title
    assert restored.title.split()[0] in Event.objects.get(pk=pk).search_text
    assert Agreement.objects.filter(event=restored).count() == len(before["agreements"])
    # Restored once: it leaves the list of deleted events.
    listing = editor_client.get("/admin/events/event/deleted/").content.decode()
    assert f"/admin/events/event/deleted/{pk}/restore/" not in listing


def test_restoring_an_event_that_exists_is_refused(editor_client):
    event = Event.objects.first()
    response = editor_client.post(f"/admin/events/event/deleted/{event.pk}/restore/", follow=True)
    assert "not deleted" in " ".join(str(m) for m in response.context["messages"])


def test_analysts_cannot_restore(analyst_client):
    assert analyst_client.get("/admin/events/event/deleted/").status_code == 403
