"""What editors type is shown as text everywhere, never run as HTML."""

import pytest

from events.models import Agreement, AgreementParty, Citation, Participant, Statement
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile_event():
    official = factories.OfficialFactory(name=f"Official {PAYLOAD}")
    event = factories.EventFactory(title=f"Title {PAYLOAD}", summary=f"Summary {PAYLOAD}")
    country = factories.CountryFactory()
    save(Participant(event=event, official=official, country=country, role="host"))
    source = factories.SourceFactory(headline=f"Headline {PAYLOAD}")
    save(Citation(event=event, source=source, excerpt=f"Excerpt {PAYLOAD}"))
    save(Statement(event=event, official=official, source=source, text=f"Quote {PAYLOAD}"))
    agreement = save(Agreement(title=f"Agreement {PAYLOAD}", kind="mou", event=event))
    save(AgreementParty(agreement=agreement, country=country))
    return event, official, country, agreement


def pages(event, official, country, agreement):
    return [
        "/timeline/",
        f"/timeline/events/{event.public_id}/",
        f"/timeline/officials/{official.slug}/",
        f"/timeline/countries/{country.iso_alpha2}/",
        f"/timeline/agreements/{agreement.public_id}/",
        "/timeline/?q=Title",
    ]


def test_timeline_pages_escape_editors_text(client, hostile_event):
    for path in pages(*hostile_event):
        response = client.get(path)
        assert response.status_code == 200, path
        content = response.content.decode()
        assert "<script>alert" not in content, path
        assert "<img src=x" not in content, path
        assert "&lt;script&gt;" in content, path


def test_admin_pages_escape_editors_text(editor_client, hostile_event):
    event, official, _, agreement = hostile_event
    for path in [
        "/admin/events/event/",
        f"/admin/events/event/{event.pk}/change/",
        f"/admin/events/official/{official.pk}/change/",
        f"/admin/events/agreement/{agreement.pk}/change/",
        "/admin/events/statement/",
    ]:
        content = editor_client.get(path).content.decode()
        assert "<script>alert" not in content, path
        assert "<img src=x" not in content, path
