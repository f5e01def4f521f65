"""An event's history in admin tells the whole story: changes to its participants,
countries, citations and topics appear with who made them and when, and reverting to a
version brings those rows back as they were."""

import pytest
from django.urls import reverse

from events.models import Country, Event, Official, Topic
from tests import factories
from tests.admin_forms import form_data

pytestmark = pytest.mark.usefixtures("seeded")


def change_url(event):
    return reverse("admin:events_event_change", args=(event.pk,))


def history_url(event):
    return reverse("admin:events_event_history", args=(event.pk,))


@pytest.fixture
def recorded(editor_client):
    """An event entered in admin with one participant and a country, then changed: a second
    participant, the first one's role, a source cited, a topic, the country removed."""
    modi = Official.objects.get(name="Narendra Modi")
    zelensky = Official.objects.get(name="Volodymyr Zelensky")
    poland = Country.objects.get(iso_alpha2="PL")
    add = reverse("admin:events_event_add")
    data = form_data(
        editor_client.get(add),
        participants=[{"official": modi.pk, "role": "visitor"}],
        event_countries=[{"country": poland.pk, "chosen": "on"}],
    )
    data.update({"title": "Modi visits Kyiv by train", "type": "visit", "status": "held"})
    data["date_text"] = "23 Aug 2024"
    data["_confirm_no_source"] = "on"  # cited in the change that follows
    assert editor_client.post(add, data).status_code == 302
    event = Event.objects.get(title="Modi visits Kyiv by train")
    first = event.history.latest()

    source = factories.SourceFactory(headline="Train journey to Kyiv")
    topic = factories.TopicFactory(name="Rail diplomacy")
    data = form_data(
        editor_client.get(change_url(event)),
        participants=[{"official": zelensky.pk, "role": "host"}],
        citations=[{"source": source.pk, "excerpt": "He arrived by train."}],
    )
    data["participants-0-role"] = "head_of_delegation"
    data["topics"] = [str(topic.pk)]
    poland_row = next(
        k
        for k, v in data.items()
        if k.startswith("event_countries-") and k.endswith("-country") and v == str(poland.pk)
    )
    data[poland_row.replace("-country", "-DELETE")] = "on"
    response = editor_client.post(change_url(event), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    return event, first


def test_the_history_page_lists_participant_country_citation_and_topic_changes(
    editor_client, recorded
):
    event, _ = recorded
    page = editor_client.get(history_url(event)).content.decode()
    for told in (
        "participant added:</strong> Volodymyr Zelensky (host)",
        "participant Narendra Modi (head of delegation): role:</strong> visitor &rarr; "
        "head of delegation",
        "source added:</strong> Train journey to Kyiv",
        "topic added:</strong> Rail diplomacy",
        "country involved removed:</strong> Poland",
        # Zelensky's country follows him in, derived, in the same save.
        "country involved added:</strong> Ukraine",
    ):
        assert told in page, told
    editor = event.history.latest().history_user.username
    assert page.count(f'<td class="history-user">{editor}</td>') >= 2


def test_reverting_to_the_first_version_brings_its_rows_back(editor_client, recorded):
    event, first = recorded
    revert = reverse("admin:events_event_simple_history", args=(event.pk, first.history_id))
    page = editor_client.get(revert)
    assert page.status_code == 200
    response = editor_client.post(revert, form_data(page))
    assert response.status_code == 302
    event.refresh_from_db()
    assert [(p.official.name, p.role) for p in event.participants.all()] == [
        ("Narendra Modi", "visitor")
    ]
    assert not event.citations.exists()
    assert not event.topics.exists()
    involved = {c.iso_alpha2 for c in event.countries.all()}
    assert "PL" in involved and "UA" not in involved
    # The revert is itself a version, with who made it.
    assert event.history.latest().history_user == first.history_user
    assert "participant removed:</strong> Volodymyr Zelensky (host)" in (
        editor_client.get(history_url(event)).content.decode()
    )


def test_reverting_keeps_the_topics_the_version_had(editor_client, recorded):
    event, _ = recorded
    with_topic = event.history.latest()
    factories.TopicFactory(name="Later topic")
    data = form_data(editor_client.get(change_url(event)))
    data["topics"] = []
    assert editor_client.post(change_url(event), data).status_code == 302
    assert not event.topics.exists()
    revert = reverse("admin:events_event_simple_history", args=(event.pk, with_topic.history_id))
    assert editor_client.post(revert, form_data(editor_client.get(revert))).status_code == 302
    assert list(event.topics.values_list("name", flat=True)) == ["Rail diplomacy"]
    assert Topic.objects.filter(name="Later topic").exists()
