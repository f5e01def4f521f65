"""Likely duplicates: an event overlapping a stored one in date, with the same countries
and a similar title or the same participants, is flagged before it is saved (admin: a
warning to confirm, with a link; API: 409 unless confirm_new)."""

from datetime import date

import pytest
from django.urls import reverse

from events.duplicates import Proposed, likely_duplicate, similar_titles
from events.models import Country, Event, Official
from tests.admin_forms import form_data

pytestmark = pytest.mark.usefixtures("seeded")

ADD = reverse("admin:events_event_add")
SEED_VISIT = "Modi makes his first visit to Ukraine"  # Aug 2024: Modi, and Ukraine as host


def ids(*names):
    return frozenset(("official", Official.objects.get(name=n).pk) for n in names)


def countries(*codes):
    return frozenset(Country.objects.filter(iso_alpha2__in=codes).values_list("pk", flat=True))


@pytest.mark.parametrize(
    ("one", "other", "alike"),
    [
        ("Modi visits Kyiv", "Modi's visit to Kyiv", True),
        ("Sybiha meets Jaishankar", "Sybiha meets Jaishankar in New Delhi", True),
        ("Modi visits Moscow", "Modi visits Kyiv", False),
    ],
)
def test_similar_titles(one, other, alike):
    assert similar_titles(one, other) is alike


def test_the_same_participants_on_an_overlapping_date_are_a_likely_duplicate():
    proposed = Proposed(
        title="Indian prime minister in Kyiv",
        start=date(2024, 8, 23),
        end=date(2024, 8, 23),
        countries=frozenset(),
        taking_part=ids("Narendra Modi") | {("country", Country.objects.get(iso_alpha2="UA").pk)},
    )
    assert likely_duplicate(proposed).title == SEED_VISIT


def test_the_same_countries_and_a_similar_title_are_a_likely_duplicate():
    proposed = Proposed(
        title="Modi makes first visit to Ukraine",
        start=date(2024, 8, 23),
        end=date(2024, 8, 24),
        countries=countries("IN", "UA"),
        taking_part=frozenset(),
    )
    assert likely_duplicate(proposed).title == SEED_VISIT


@pytest.mark.parametrize(
    ("title", "start", "who"),
    [
        # Another month: not the same visit.
        ("Modi makes his first visit to Ukraine", date(2024, 9, 2), ("Narendra Modi",)),
        # Same month, other people and another title.
        ("Modi meets a trade delegation", date(2024, 8, 23), ("Narendra Modi",)),
    ],
)
def test_other_events_are_not_flagged(title, start, who):
    proposed = Proposed(title, start, start, countries("IN"), ids(*who))
    assert likely_duplicate(proposed) is None


def test_an_event_is_not_its_own_likely_duplicate():
    event = Event.objects.get(title=SEED_VISIT)
    proposed = Proposed(
        event.title, event.date_start, event.date_end, countries("IN", "UA"), frozenset(), event.pk
    )
    assert likely_duplicate(proposed) is None


def visit_data(editor_client):
    modi = Official.objects.get(name="Narendra Modi")
    ukraine = Country.objects.get(iso_alpha2="UA")
    data = form_data(
        editor_client.get(ADD),
        participants=[
            {"official": modi.pk, "role": "visitor"},
            {"country": ukraine.pk, "role": "host"},
        ],
    )
    data.update({"title": "Modi arrives in Kyiv", "type": "visit", "status": "held"})
    data.update({"date_text": "23 Aug 2024", "_confirm_no_source": "on"})
    return data


def test_admin_warns_of_a_likely_duplicate_with_a_link_and_saves_once_confirmed(editor_client):
    data = visit_data(editor_client)
    response = editor_client.post(ADD, data)
    assert response.status_code == 200
    page = response.content.decode()
    seed = Event.objects.get(title=SEED_VISIT)
    assert "looks like an event already recorded" in page
    assert f'href="{reverse("admin:events_event_change", args=(seed.pk,))}"' in page
    assert 'name="_confirm_likely_duplicate"' in page
    assert not Event.objects.filter(title="Modi arrives in Kyiv").exists()

    data["_confirm_likely_duplicate"] = "on"
    assert editor_client.post(ADD, data).status_code == 302
    assert Event.objects.filter(title="Modi arrives in Kyiv").exists()


def test_the_likely_duplicate_query_is_cheap(django_assert_max_num_queries):
    proposed = Proposed(
        "Modi arrives in Kyiv",
        date(2024, 8, 23),
        date(2024, 8, 23),
        countries("IN", "UA"),
        ids("Narendra Modi", "Volodymyr Zelensky"),
    )
    # The candidates, their participants, their countries.
    with django_assert_max_num_queries(3):
        likely_duplicate(proposed)
