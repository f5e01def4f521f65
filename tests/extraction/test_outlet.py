"""The outlet's country as the side a report leaves implied (issue 15): given to the
extractor, or read from the publisher of a recorded source in admin (the API's side is in
tests/api/test_extract.py). The texts are written for these tests."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from events.models import Country, Organization
from extraction.extract import extract_candidates
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")

TEXT = "The foreign minister received the visiting Omani minister on Thursday."


def newspaper_of(code):
    return factories.OrganizationFactory(
        name="The Daily Example",
        kind=Organization.Kind.MEDIA,
        country=Country.objects.get(iso_alpha2=code),
    )


def test_an_unnamed_subject_is_the_outlets_side():
    (candidate,) = extract_candidates(TEXT, date(2023, 6, 3), home_country="IN")
    assert sorted(candidate.countries) == ["IN", "OM"]
    assert candidate.country_roles == {"IN": "host", "OM": "visitor"}


def test_without_an_outlet_the_side_stays_unknown():
    (candidate,) = extract_candidates(TEXT, date(2023, 6, 3))
    assert candidate.countries == ["OM"]


def test_a_capitals_dateline_overrides_the_outlet():
    text = "NAIROBI, Sept. 9 - The president held talks with the Somali president on Thursday."
    (candidate,) = extract_candidates(text, date(2022, 9, 9), home_country="TZ")
    assert sorted(candidate.countries) == ["KE", "SO"]


def test_admin_reads_the_home_country_from_the_sources_publisher(editor_client):
    source = factories.SourceFactory(
        text=TEXT,
        published_at=datetime(2023, 6, 3, 9, 0, tzinfo=UTC),
        publisher=newspaper_of("IN"),
    )
    response = editor_client.get(reverse("admin:events_source_extract", args=[source.pk]))
    assert response.status_code == 200
    forms = response.context["events"].forms
    assert len(forms) == 1
    assert sorted(forms[0].initial["countries"].split(", ")) == ["IN", "OM"]
