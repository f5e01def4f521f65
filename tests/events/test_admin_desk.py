"""The admin fitted to an editor's day: View on site from every record with a page, and
the countries involved following a corrected participant."""

import pytest
from django.urls import reverse

from events.models import Agreement, Country, Event, Official, Organization
from tests import factories
from tests.admin_forms import form_data

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.mark.parametrize("model", [Event, Official, Country, Agreement, Organization])
def test_view_on_site_opens_the_records_timeline_page(editor_client, model):
    records = model.objects.order_by("pk")
    if model is Organization:
        records = records.filter(participations__isnull=False)
    record = records.first()
    opts = model._meta
    change = editor_client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=(record.pk,))
    )
    assert change.context["has_absolute_url"]
    link = reverse("admin:view_on_site", args=(change.context["content_type_id"], record.pk))
    assert f'href="{link}"' in change.content.decode()
    page = editor_client.get(link, follow=True)
    assert page.status_code == 200
    assert page.redirect_chain[-1][0].endswith(record.get_absolute_url())
    shown = page.content.decode()
    if model is Organization:
        # No page of its own: the timeline of its events.
        assert record.participations.first().event.title in shown
    else:
        assert str(getattr(record, "title", None) or record.name) in shown


def test_countries_involved_follow_a_corrected_participant_country(editor_client):
    modi = Official.objects.get(name="Narendra Modi")
    india, poland = (Country.objects.get(iso_alpha2=code) for code in ("IN", "PL"))
    add = reverse("admin:events_event_add")
    data = form_data(
        editor_client.get(add), participants=[{"official": modi.pk, "role": "visitor"}]
    )
    data.update({"title": "A visit to correct", "type": "visit", "status": "held"})
    data["date_text"] = "23 Aug 2024"
    data["_confirm_no_source"] = "on"
    assert editor_client.post(add, data).status_code == 302
    event = Event.objects.get(title="A visit to correct")
    assert set(event.countries.values_list("iso_alpha2", flat=True)) == {"IN"}

    change = reverse("admin:events_event_change", args=(event.pk,))
    data = form_data(editor_client.get(change))
    assert data["participants-0-country"] == str(india.pk)
    data["participants-0-country"] = str(poland.pk)
    data["_confirm_no_source"] = "on"
    response = editor_client.post(change, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert set(event.countries.values_list("iso_alpha2", flat=True)) == {"PL"}


def test_countries_involved_follow_a_participant_replaced_by_another_official(editor_client):
    modi = Official.objects.get(name="Narendra Modi")
    zelensky = Official.objects.get(name="Volodymyr Zelensky")
    add = reverse("admin:events_event_add")
    data = form_data(editor_client.get(add), participants=[{"official": modi.pk, "role": "host"}])
    data.update({"title": "A host to correct", "type": "meeting", "status": "held"})
    data["date_text"] = "23 Aug 2024"
    data["_confirm_no_source"] = "on"
    assert editor_client.post(add, data).status_code == 302
    event = Event.objects.get(title="A host to correct")

    change = reverse("admin:events_event_change", args=(event.pk,))
    data = form_data(editor_client.get(change))
    # The editor picks the right person; the country shown was filled from Modi's post.
    data["participants-0-official"] = str(zelensky.pk)
    data["_confirm_no_source"] = "on"
    response = editor_client.post(change, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    participant = event.participants.get()
    assert (participant.official, participant.country.iso_alpha2) == (zelensky, "UA")
    assert set(event.countries.values_list("iso_alpha2", flat=True)) == {"UA"}


def test_a_lifecycle_date_typed_in_the_agreements_page_stores_its_range(editor_client):
    add = reverse("admin:events_agreement_add")
    data = form_data(
        editor_client.get(add),
        status_changes=[
            {"status": "signed", "date_text": "c. late Sep 2024", "date_qualifier": "exact"}
        ],
    )
    data.update({"title": "Typed once", "kind": "mou"})
    response = editor_client.post(add, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    change = Agreement.objects.get(title="Typed once").status_changes.get()
    assert (change.date_start.isoformat(), change.date_end.isoformat()) == (
        "2024-09-21",
        "2024-09-30",
    )
    assert (change.date_label, change.date_qualifier) == ("c. late Sep 2024", "approximate")


def new_event(editor_client, **rows):
    add = reverse("admin:events_event_add")
    modi = Official.objects.get(name="Narendra Modi")
    data = form_data(
        editor_client.get(add), participants=[{"official": modi.pk, "role": "visitor"}], **rows
    )
    data.update({"title": "Modi tours a port", "type": "visit", "status": "held"})
    data["date_text"] = "2 Feb 2025"
    return add, data


def test_an_event_with_no_source_is_held_back_until_the_editor_confirms(editor_client):
    add, data = new_event(editor_client)
    response = editor_client.post(add, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "No source cites this event" in page
    assert 'name="_confirm_no_source"' in page
    assert not Event.objects.filter(title="Modi tours a port").exists()

    data["_confirm_no_source"] = "on"
    assert editor_client.post(add, data).status_code == 302
    assert Event.objects.filter(title="Modi tours a port").exists()


def test_an_event_citing_a_source_saves_without_a_question(editor_client):
    source = factories.SourceFactory()
    add, data = new_event(editor_client, citations=[{"source": source.pk}])
    response = editor_client.post(add, data)
    assert response.status_code == 302
    assert Event.objects.get(title="Modi tours a port").citations.get().source == source
