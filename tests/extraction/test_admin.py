"""The editors' extraction workflow in admin: candidates shown for a source, ticked ones
saved as events with participants and citations in one transaction, known events linked
rather than duplicated, bad input refused with nothing saved."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from events.models import Citation, Event, Official, Participant, Source, Tenure
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")

SIKORSKI = (
    "Polish Foreign Minister Radoslaw Sikorski met Ukraine's Strategic Industries Minister "
    "Herman Smetanin in Kyiv on Monday to discuss joint production of drones. Sikorski said "
    "Poland would help. Russia launched a missile attack on Kyiv on Tuesday."
)


def extract_url(source):
    return reverse("admin:events_source_extract", args=[source.pk])


def new_source(text=SIKORSKI, published=datetime(2024, 11, 14, 9, 0, tzinfo=UTC)):
    return factories.SourceFactory(text=text, published_at=published)


def _value(bound_field):
    value = bound_field.value()
    if value is None or value is False:
        return None
    if value is True:
        return "on"
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return str(value)


def form_data(response, **changes):
    """POST data as a browser sends the rendered page, with `changes` as {"events-0-title":
    value}; None unticks a box."""
    data = {}
    for name in ("events", "participants", "people", "agreements"):
        formset = response.context[name]
        for field in formset.management_form.fields:
            data[formset.management_form.add_prefix(field)] = str(
                formset.management_form[field].value()
            )
        for form in formset.forms:
            for field in form.fields:
                value = _value(form[field])
                if value is not None:
                    data[form.add_prefix(field)] = value
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def test_the_change_page_has_the_extract_button(editor_client):
    source = Source.objects.get(headline__startswith="Ukraine, India")
    response = editor_client.get(reverse("admin:events_source_change", args=[source.pk]))
    assert extract_url(source) in response.content.decode()


def test_the_seed_source_shows_its_events_as_already_saved_and_offers_none(editor_client):
    source = Source.objects.get(headline__startswith="Ukraine, India")
    response = editor_client.get(extract_url(source))
    assert response.status_code == 200
    forms = response.context["events"].forms
    assert len(forms) == 7
    # The seed's events cite the seed source: each candidate is shown as saved, unticked.
    saved = [f for f in forms if f.saved is not None]
    assert [f["date_text"].value() for f in saved if f["type"].value() != "other"] == [
        "26 Oct 2024",
        "late Sep 2024",
        "Aug 2024",
        "8 Jul 2024",
        "8 Jul 2024",
    ]
    assert not any(f["include"].value() for f in forms)
    assert all(f["action"].value() == str(f.saved.public_id) for f in saved)
    content = response.content.decode()
    assert "Already saved from this source" in content and "Herman Smetanin" in content


def test_saving_ticked_candidates_creates_events_participants_citations_and_people(
    editor_client,
):
    source = new_source()
    response = editor_client.get(extract_url(source))
    people = response.context["people"].forms
    assert [(p["name"].value(), p["country"].value(), p["post_title"].value()) for p in people] == [
        ("Radoslaw Sikorski", "PL", "Minister of Foreign Affairs of Poland")
    ]
    events_before = Event.objects.count()
    response = editor_client.post(extract_url(source), form_data(response))
    assert response.status_code == 302, response.context and response.context["events"].errors

    assert Event.objects.count() == events_before + 2
    meeting = Event.objects.get(citations__source=source, type="meeting")
    assert (meeting.date_label, meeting.location) == ("11 Nov 2024", "Kyiv")
    assert sorted(meeting.countries.values_list("iso_alpha2", flat=True)) == ["PL", "UA"]
    assert sorted(str(p.official) for p in meeting.participants.all()) == [
        "Herman Smetanin",
        "Radoslaw Sikorski",
    ]
    assert meeting.citations.get().excerpt.startswith("Polish Foreign Minister Radoslaw Sikorski")
    assert list(meeting.topics.values_list("slug", flat=True)) == ["war"]  # drones
    sikorski = Official.objects.get(name="Radoslaw Sikorski")
    tenure = Tenure.objects.get(official=sikorski)
    assert (tenure.post.title, tenure.post.country.iso_alpha2) == (
        "Minister of Foreign Affairs of Poland",
        "PL",
    )
    strike = Event.objects.get(citations__source=source, type="strike")
    assert strike.date_label == "12 Nov 2024"
    assert set(strike.participants.values_list("country__iso_alpha2", "role")) == {
        ("RU", "actor"),
        ("UA", "target"),
    }


def test_an_editor_corrects_a_candidate_before_saving(editor_client):
    source = new_source()
    response = editor_client.get(extract_url(source))
    data = form_data(
        response,
        **{
            "events-0-title": "Sikorski and Smetanin discuss drones",
            "events-0-date_text": "early Nov 2024",
            "events-1-include": None,
        },
    )
    editor_client.post(extract_url(source), data)
    (event,) = Event.objects.filter(citations__source=source)
    assert (event.title, event.date_label) == (
        "Sikorski and Smetanin discuss drones",
        "early Nov 2024",
    )


def test_an_event_recorded_on_the_same_date_between_the_same_countries_is_linked(editor_client):
    source = new_source(
        "Ukraine's Strategic Industries Minister Herman Smetanin met India's Ambassador to "
        "Ukraine Ravi Shankar on Saturday.",
        published=datetime(2024, 10, 28, 8, 0, tzinfo=UTC),
    )
    recorded = Event.objects.get(date_start="2024-10-26", type="meeting")
    response = editor_client.get(extract_url(source))
    (form,) = response.context["events"].forms
    assert form["action"].value() == str(recorded.public_id)
    events, citations = Event.objects.count(), recorded.citations.count()
    response = editor_client.post(extract_url(source), form_data(response))
    assert response.status_code == 302
    assert Event.objects.count() == events
    assert recorded.citations.count() == citations + 1
    assert recorded.citations.get(source=source).excerpt.startswith("Ukraine's Strategic")


def test_a_failure_in_one_event_saves_nothing_at_all(editor_client):
    source = new_source()
    response = editor_client.get(extract_url(source))
    counts = (Event.objects.count(), Official.objects.count(), Citation.objects.count())
    # The strike's first participant row loses its country: it then names no one.
    rows = response.context["participants"].forms
    row = next(i for i, f in enumerate(rows) if f["event"].value() == 1)
    response = editor_client.post(
        extract_url(source), form_data(response, **{f"participants-{row}-country": ""})
    )
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert response.context["participants"].forms[row].errors["name"]
    assert (Event.objects.count(), Official.objects.count(), Citation.objects.count()) == counts
    assert not Participant.objects.filter(event__citations__source=source).exists()


def test_a_bad_date_is_refused_on_its_field(editor_client):
    source = new_source()
    response = editor_client.get(extract_url(source))
    events = Event.objects.count()
    response = editor_client.post(
        extract_url(source), form_data(response, **{"events-0-date_text": "sometime soon"})
    )
    assert response.status_code == 200
    assert "date_text" in response.context["events"].forms[0].errors
    assert Event.objects.count() == events


@pytest.mark.parametrize(
    "text, published, message",
    [
        ("", datetime(2024, 11, 14, tzinfo=UTC), "The text is empty"),
        (SIKORSKI, None, "Give the publication date"),
        ("a" * 200_000, datetime(2024, 11, 14, tzinfo=UTC), "longer than"),
        ("Nothing happened here.", datetime(2024, 11, 14, tzinfo=UTC), "no dated event"),
    ],
)
def test_a_source_that_cannot_be_read_is_refused_with_a_message(
    editor_client, text, published, message
):
    source = new_source(text=text, published=published)
    events = Event.objects.count()
    response = editor_client.get(extract_url(source), follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:events_source_change", args=[source.pk])
    assert message in " ".join(str(m) for m in response.context["messages"])
    # A forged or stale form saves nothing either.
    response = editor_client.post(extract_url(source), {}, follow=True)
    said = " ".join(str(m) for m in response.context["messages"])
    assert message in said or "Nothing was saved" in said
    assert Event.objects.count() == events


def test_analysts_cannot_extract(analyst_client):
    source = new_source()
    assert analyst_client.get(extract_url(source)).status_code == 403
