"""The timeline's filters: the API's parameters in the URL, a form that sets them, and
errors that say what is wrong."""

import pytest
from django.urls import reverse

from tests.timeline.page_text import event_titles, texts

pytestmark = pytest.mark.usefixtures("seeded")

INDIA_UKRAINE = [
    "Smetanin meets Indian Ambassador Shankar on defense industry cooperation",
    "Zelensky and Modi discuss trade, defense cooperation and reconstruction",
    "Modi makes his first visit to Ukraine",
]


def get(client, query, status=200):
    response = client.get(reverse("timeline:index") + query)
    assert response.status_code == status, response.content.decode()[:2000]
    return response.content.decode()


def test_form_sets_the_api_parameters_by_get(client):
    content = get(client, "")
    assert '<form class="filters" method="get" action="/timeline/"' in content
    for control in [
        '<select name="country" id="filter-country"',
        '<select name="country" id="filter-country-2"',
        '<select name="official" id="filter-official"',
        '<input type="checkbox" name="type" value="visit"',
        '<input type="checkbox" name="topic" value="defense-industry"',
        '<input type="text" name="date_after"',
        '<input type="text" name="date_before"',
        '<input type="search" name="q"',
        '<select name="ordering"',
    ]:
        assert control in content


def test_every_form_control_has_a_label(client):
    content = get(client, "")
    for control_id in [
        "filter-country",
        "filter-country-2",
        "filter-official",
        "filter-date_after",
        "filter-date_before",
        "filter-q",
        "filter-ordering",
    ]:
        assert f'<label for="{control_id}"' in content or f'for="{control_id}">' in content


@pytest.mark.parametrize(
    "query", ["?country=IN&country=UA", "?country=ind&country=UKR", "?country=UA,IN"]
)
def test_country_pair_lists_the_events_between_them(client, query):
    content = get(client, query)
    assert event_titles(content) == INDIA_UKRAINE
    # The form shows the filter, whatever code was typed.
    assert '<option value="IN" selected>India</option>' in content
    assert '<option value="UA" selected>Ukraine</option>' in content


def test_official_type_topic_date_and_text_filters(client):
    assert event_titles(get(client, "?official=narendra-modi")) == [
        INDIA_UKRAINE[1],
        INDIA_UKRAINE[2],
        "Modi visits Moscow and holds talks with Putin",
    ]
    assert event_titles(get(client, "?type=visit")) == [
        INDIA_UKRAINE[2],
        "Modi visits Moscow and holds talks with Putin",
    ]
    assert event_titles(get(client, "?topic=defense-industry")) == INDIA_UKRAINE[:2]
    assert event_titles(get(client, "?date_after=2024-09&date_before=2024")) == INDIA_UKRAINE[:2]
    assert event_titles(get(client, "?q=Okhmatdyt")) == [
        "Russian strike hits Okhmatdyt children's hospital in Kyiv",
        "Modi visits Moscow and holds talks with Putin",
    ]


def test_form_shows_the_filters_of_the_url(client):
    content = get(client, "?official=narendra-modi&type=visit&date_after=Aug 2024&q=Kyiv")
    assert '<option value="narendra-modi" selected>Narendra Modi</option>' in content
    assert '<input type="checkbox" name="type" value="visit" checked>' in content
    assert 'name="date_after" id="filter-date_after" value="Aug 2024"' in content
    assert 'name="q" id="filter-q" value="Kyiv"' in content
    assert "Types (1 selected)" in content


def test_submitted_form_redirects_to_the_url_with_only_the_filters_set(client):
    response = client.get(
        reverse("timeline:index"),
        {"country": ["IN", "UA", ""], "official": "", "date_after": "", "q": "", "ordering": ""},
    )
    assert response.status_code == 302
    assert response["Location"] == "/timeline/?country=IN&country=UA"


def test_unreadable_filters_are_reported_with_a_400(client):
    content = get(client, "?country=IN&country=XX&date_after=someday&type=picnic", status=400)
    errors = " ".join(texts(content, "div", "errors"))
    assert "Unknown country code: XX" in errors
    assert "date_after" in errors and "type" in errors
    assert 'aria-invalid="true"' in content
    assert event_titles(content) == []
    assert "No events are listed until the filters can be read" in content


def test_what_was_typed_is_escaped_in_the_messages_and_the_form(client):
    content = get(client, "?official=<script>alert(1)</script>&q=<b>x</b>", status=400)
    assert "<script>" not in content and "<b>x</b>" not in content
    assert "No official with the slug, id or name &lt;script&gt;alert(1)&lt;/script&gt;." in content
    assert 'value="&lt;b&gt;x&lt;/b&gt;"' in content


def test_dates_in_the_wrong_order_are_reported(client):
    content = get(client, "?date_after=2025&date_before=2024", status=400)
    assert "date_before is earlier than date_after." in content


def test_api_parameters_the_form_does_not_show_are_kept_by_it(client):
    content = get(client, "?organization=embassy-of-india-in-ukraine")
    assert event_titles(content) == [INDIA_UKRAINE[0]]
    assert (
        '<input type="hidden" name="organization" value="embassy-of-india-in-ukraine">' in content
    )


def test_links_on_a_filtered_view_keep_its_filters(client):
    content = get(client, "?country=IN&country=UA")
    assert 'href="?country=IN&amp;country=UA&amp;ordering=date"' in content
    assert 'href="?country=IN&amp;country=UA&amp;date_after=2024-10&amp;date_before=2024-10"' in (
        content
    )


def test_events_matching_several_topics_are_counted_once(client):
    content = get(client, "?topic=trade&topic=economy&topic=defense-industry")
    assert "3 events match the filters." in content
    table = texts(content, "table")[0]
    assert "Oct 2024 1" in table and "Sep 2024 1" in table


def test_no_match_says_so(client):
    content = get(client, "?q=nothing-matches-this")
    assert "No events match these filters." in content
    assert "<figure" not in content


def test_with_many_officials_the_form_asks_for_a_name_instead_of_listing_them(client, monkeypatch):
    from timeline import queries

    monkeypatch.setattr(queries, "OFFICIALS_IN_SELECT", 3)
    content = client.get("/timeline/?official=Narendra Modi").content.decode()
    assert (
        '<input type="text" name="official" id="filter-official" value="narendra-modi"' in content
    )
    assert '<select name="official"' not in content
    assert "Modi visits Moscow" in content


def test_an_official_named_by_name_filters_like_the_slug(client):
    by_name = client.get("/timeline/?official=narendra modi").content.decode()
    by_slug = client.get("/timeline/?official=narendra-modi").content.decode()
    assert "Modi visits Moscow" in by_name
    assert by_name.count("<article") == by_slug.count("<article")
