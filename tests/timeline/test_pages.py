"""The country, relation, official, event and agreement pages on the seed data."""

import pytest
from django.urls import reverse

from events.models import Agreement, AgreementStatusChange, Country
from tests.timeline.page_text import event_titles, texts
from tests.timeline.test_index import SEED_TITLES
from tests.writes import save

pytestmark = pytest.mark.usefixtures("seeded")

MODI_VISIT = "091ce69b-02c8-50a9-9e14-1dfd8f9d6b00"
MOSCOW_SLUG = "2024-07-08-modi-visits-moscow-and-holds-talks-with-putin"
FIRST_AGREEMENT = "fb66f5d4-bc33-5bd5-b6df-32b796abc66a"


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


# Countries -------------------------------------------------------------------------------


def test_country_page_lists_the_events_involving_it(client):
    content = get(client, "/timeline/countries/UA/")
    assert texts(content, "h1") == ["Ukraine"]
    assert event_titles(content) == [SEED_TITLES[i] for i in (0, 1, 2, 3)]


def test_country_page_links_the_countries_it_deals_with_most(client):
    content = get(client, "/timeline/countries/IN/")
    partners = texts(content, "section", "partners")[0]
    assert "Ukraine 3 events" in partners and "Russia 2 events" in partners
    assert partners.index("Ukraine") < partners.index("Russia")
    assert 'href="/timeline/relations/IN-UA/"' in content
    assert 'href="/timeline/relations/IN-RU/"' in content


def test_country_page_takes_the_other_filters_but_not_another_country(client):
    content = get(client, "/timeline/countries/UA/?type=visit")
    assert event_titles(content) == [SEED_TITLES[2]]
    assert 'name="country"' not in content


@pytest.mark.parametrize("code", ["ua", "UKR", "ukr"])
def test_country_codes_redirect_to_the_upper_alpha2_url(client, code):
    response = client.get(f"/timeline/countries/{code}/?type=visit")
    assert response.status_code == 301
    assert response["Location"] == "/timeline/countries/UA/?type=visit"


@pytest.mark.parametrize("code", ["XX", "U", "UKRA"])
def test_unknown_country_is_a_404(client, code):
    get(client, f"/timeline/countries/{code}/", status=404)


# Relations -------------------------------------------------------------------------------


def test_relation_page_summarises_the_two_countries(client):
    content = get(client, "/timeline/relations/IN-UA/")
    assert texts(content, "h1") == ["India – Ukraine"]
    summary = texts(content, "section", "relation-summary")[0]
    assert "Events 3" in summary and "Agreements 4" in summary
    assert "By year 2024: 3" in summary
    assert "meeting: 1" in summary and "talks or negotiations: 1" in summary


def test_relation_page_lists_agreements_quotes_and_every_shared_event(client):
    content = get(client, "/timeline/relations/IN-UA/")
    agreements = texts(content, "section", "relation-agreements")[0]
    assert agreements.count("approved") == 4
    assert "at Modi makes his first visit to Ukraine (Aug 2024)" in agreements
    quotes = texts(content, "section", "relation-quotes")[0]
    assert quotes.index("Herman Smetanin") < quotes.index("Ravi Shankar")
    assert event_titles(content) == SEED_TITLES[:3]


@pytest.mark.parametrize("pair", ["UA-IN", "in-ua", "IND-UKR", "UKR-in"])
def test_relation_codes_redirect_to_the_canonical_pair(client, pair):
    response = client.get(f"/timeline/relations/{pair}/?q=defense")
    assert response.status_code == 301
    assert response["Location"] == "/timeline/relations/IN-UA/?q=defense"


@pytest.mark.parametrize("pair", ["IN-XX", "UA-UA", "UA-UKR", "INUA", "IN-UA-RU"])
def test_unknown_or_single_country_relation_is_a_404(client, pair):
    get(client, f"/timeline/relations/{pair}/", status=404)


# Officials -------------------------------------------------------------------------------


def test_official_page_shows_posts_held_and_events(client):
    content = get(client, "/timeline/officials/vladimir-putin/")
    posts = texts(content, "section", "posts")[0]
    assert "President of Russia 7 May 2000 – 7 May 2008" in posts
    assert "President of Russia since 7 May 2012" in posts
    assert posts.index("2000") < posts.index("2012")
    assert "Russia · also written Vladimir Vladimirovich Putin" in texts(content, "p", "lede")[0]
    assert event_titles(content) == [SEED_TITLES[4]]
    assert 'name="official"' not in content


def test_unknown_official_is_a_404(client):
    get(client, "/timeline/officials/nobody/", status=404)


# Events ----------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", [MOSCOW_SLUG, "49eac5b1-38ed-5edd-af4a-892e35219b63"])
def test_event_permalink_by_slug_or_public_id(client, ref):
    content = get(client, f"/timeline/events/{ref}/")
    assert texts(content, "h1") == [SEED_TITLES[4]]
    assert (
        '<link rel="canonical" href="/timeline/events/49eac5b1-38ed-5edd-af4a-892e35219b63/">'
        in (content)
    )
    assert "has as context (same day): Russian strike hits Okhmatdyt" in " ".join(
        texts(content, "div", "related")
    )
    excerpt = texts(content, "blockquote", "excerpt")[0]
    assert excerpt.startswith("Ahead of Modi's first visit to Kyiv in August")
    assert "CONSULT (visit)" in content


def test_timeline_entries_link_to_their_permalink(client):
    content = get(client, reverse("timeline:index"))
    assert f'<a href="/timeline/events/{MOSCOW_SLUG}/">{SEED_TITLES[4]}</a>' in content


def test_unknown_event_is_a_404(client):
    get(client, "/timeline/events/no-such-event/", status=404)
    get(client, "/timeline/events/00000000-0000-0000-0000-000000000000/", status=404)


# Agreements ------------------------------------------------------------------------------


def test_agreement_page_shows_its_lifecycle(client):
    content = get(client, f"/timeline/agreements/{FIRST_AGREEMENT}/")
    facts = texts(content, "dl", "figures")[0]
    assert "Status approved" in facts
    assert "Parties Ukraine, India" in facts
    assert "Signed or approved at Modi makes his first visit to Ukraine (Aug 2024)" in facts
    assert "Details not disclosed by the parties" in facts
    lifecycle = texts(content, "section", "lifecycle")[0]
    assert "Aug 2024 approved — Approved during Modi's visit to Kyiv." in lifecycle
    assert f'href="/timeline/events/{MODI_VISIT}/"' not in content  # linked by slug
    assert 'href="/timeline/events/2024-08-01-modi-makes-his-first-visit-to-ukraine/"' in content


def test_agreement_lifecycle_is_in_date_then_step_order(client):
    agreement = Agreement.objects.get(public_id=FIRST_AGREEMENT)
    ukraine = Country.objects.get(iso_alpha2="UA")
    for status, start, end, precision in [
        ("in_force", "2024-12-01", "2024-12-01", 1),
        ("ratified", "2024-11-05", "2024-11-05", 1),
        ("signed", "2024-11-05", "2024-11-05", 1),
    ]:
        save(
            AgreementStatusChange(
                agreement=agreement,
                status=status,
                date_start=start,
                date_end=end,
                date_precision=precision,
                party=ukraine if status == "ratified" else None,
            )
        )
    lifecycle = texts(get(client, f"/timeline/agreements/{FIRST_AGREEMENT}/"), "li")
    steps = [item for item in lifecycle if "2024" in item and "approved" not in item.lower()]
    assert [s.split(" ")[3] for s in steps] == ["signed", "ratified", "entered"]
    assert "ratified by Ukraine" in " ".join(steps)


def test_unknown_agreement_is_a_404(client):
    get(client, "/timeline/agreements/00000000-0000-0000-0000-000000000000/", status=404)
