"""A source's publication date in admin: typed once, in the grammar of every date field."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from events.models import Source
from tests import factories
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

ADD = reverse("admin:events_source_add")


def add_source(client, published):
    data = form_data(client.get(ADD))
    data.update({"headline": "A visit from 7 July", "published_at": published})
    return client.post(ADD, data)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("9 Jul 2019", datetime(2019, 7, 9, tzinfo=UTC)),
        ("July 9, 2019", datetime(2019, 7, 9, tzinfo=UTC)),
        ("July 9, 2019 04:15", datetime(2019, 7, 9, 4, 15, tzinfo=UTC)),
        ("2019-07-09", datetime(2019, 7, 9, tzinfo=UTC)),
    ],
)
def test_the_publication_date_takes_the_date_grammar_with_the_time_optional(
    editor_client, typed, stored
):
    response = add_source(editor_client, typed)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Source.objects.get(headline="A visit from 7 July").published_at == stored


def test_a_numeric_date_that_reads_both_ways_is_a_form_error_saying_why(editor_client):
    response = add_source(editor_client, "07/09/2019")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["published_at"]
    assert "could be 7 Sep 2019 or 9 Jul 2019" in errors[0]
    assert not Source.objects.filter(headline="A visit from 7 July").exists()


def test_no_publication_date_at_all_is_allowed(editor_client):
    assert add_source(editor_client, "").status_code == 302
    assert Source.objects.get(headline="A visit from 7 July").published_at is None


def test_the_change_form_shows_the_date_as_it_was_typed_and_saves_unchanged(editor_client):
    source = factories.SourceFactory(published_at=datetime(2019, 7, 9, 4, 15, tzinfo=UTC))
    change = reverse("admin:events_source_change", args=(source.pk,))
    data = form_data(editor_client.get(change))
    assert data["published_at"] == "9 Jul 2019 04:15"
    assert editor_client.post(change, data).status_code == 302
    source.refresh_from_db()
    assert source.published_at == datetime(2019, 7, 9, 4, 15, tzinfo=UTC)
