"""Incremental sync from outside, over real HTTP: a dashboard reads every event by cursor,
then the server sees creates, edits to every kind of record an event shows, and deletes;
the client's `updated_since` walk and the deleted feed bring its copy to exactly what a
fresh full read gives."""

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command

from access.models import ApiToken
from events.models import (
    Agreement,
    Event,
    EventRelation,
    Official,
    Organization,
    Post,
    Source,
)
from events.services import record_save
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


class Client:
    def __init__(self, base: str, token: str):
        self.base, self.token = base, token

    def call(self, method: str, path: str, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            self.base + path,
            data=data,
            method=method,
            headers={"Authorization": f"Token {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read()
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def walk(self, query: str = "") -> dict[str, dict]:
        """Every event the list gives, by cursor."""
        events, path = {}, f"/api/events/?cursor=&page_size=2{query}"
        while path:
            status, page = self.call("GET", path)
            assert status == 200, page
            events.update({event["id"]: event for event in page["results"]})
            path = page["next"] and page["next"].removeprefix(self.base)
        return events

    def deleted_since(self, since: str) -> set[str]:
        gone, path = set(), f"/api/events/deleted/?since={urllib.parse.quote(since)}"
        while path:
            status, page = self.call("GET", path)
            assert status == 200, page
            gone |= {row["id"] for row in page["results"]}
            path = page["next"] and page["next"].removeprefix(self.base)
        return gone


def create_event(api):
    status, body = api.call(
        "POST",
        "/api/events/",
        {
            "title": "Sybiha meets Jaishankar",
            "type": "meeting",
            "date": "3 Nov 2024",
            "participants": [{"official": "narendra-modi", "role": "host"}],
            "topics": ["trade"],
        },
    )
    assert status == 201, body


def edit_event(api):
    event = Event.objects.get(title__icontains="Okhmatdyt")
    assert api.call("PATCH", f"/api/events/{event.public_id}/", {"summary": "Edited."})[0] == 200


def rename_official(api):
    # Ravi Shankar takes part in one event only: the others must not need to move.
    official = Official.objects.get(name="Ravi Shankar")
    status, _ = api.call("PATCH", f"/api/officials/{official.public_id}/", {"name": "R. Shankar"})
    assert status == 200


def retitle_source(api):
    source = Source.objects.filter(citations__isnull=False).first()
    status, _ = api.call("PATCH", f"/api/sources/{source.public_id}/", {"headline": "Retitled"})
    assert status == 200


def rename_publisher(api):
    publisher = Organization.objects.filter(publications__citations__isnull=False).first()
    status, _ = api.call("PATCH", f"/api/organizations/{publisher.public_id}/", {"name": "TKI"})
    assert status == 200


def add_statement(api):
    event = Event.objects.get(date_start="2024-10-26")
    source = Source.objects.first()
    status, body = api.call(
        "POST",
        "/api/statements/",
        {
            "official": "narendra-modi",
            "event": str(event.public_id),
            "source": str(source.public_id),
            "text": "New.",
        },
    )
    assert status == 201, body


def ratify_agreement(api):
    agreement = Agreement.objects.filter(event__isnull=False).first()
    status, body = api.call(
        "PATCH",
        f"/api/agreements/{agreement.public_id}/",
        {
            "status_changes": [
                {"status": "approved", "date": "Aug 2024"},
                {"status": "ratified", "date": "Jan 2025"},
            ]
        },
    )
    assert status == 200, body


def rename_topic(api):
    assert api.call("PATCH", "/api/topics/culture/", {"slug": "culture-and-arts"})[0] == 200


def rename_country(api):
    assert api.call("PATCH", "/api/countries/RU/", {"name": "Russian Federation"})[0] == 200


def retitle_post(api):
    post = Post.objects.get(title="Ambassador of India to Ukraine")
    post.title = "India's Ambassador in Kyiv"
    record_save(post)  # posts are edited in admin, through the same service


def relate_events(api):
    first, second = Event.objects.order_by("pk")[:2]
    record_save(EventRelation(from_event=first, to_event=second, kind="precedes", note="new"))


def delete_event(api):
    gone = Event.objects.get(title__icontains="Putin")
    assert api.call("DELETE", f"/api/events/{gone.public_id}/")[0] == 204


def refuse_topic_delete(api):
    assert api.call("DELETE", "/api/topics/defense-industry/")[0] == 409


CHANGES = [
    create_event,
    edit_event,
    rename_official,
    retitle_source,
    rename_publisher,
    add_statement,
    ratify_agreement,
    rename_topic,
    rename_country,
    retitle_post,
    relate_events,
    delete_event,
    refuse_topic_delete,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_updated_since_and_the_deleted_feed_reproduce_the_server(live_server, change):
    call_command("load_seed", verbosity=0)
    _, key = ApiToken.issue(factories.editor(), "sync", ApiToken.Scope.WRITE)
    api = Client(live_server.url, key)

    mirror = api.walk()
    assert len(mirror) == Event.objects.count()
    # The next sync asks from a moment before this one began: writes that committed
    # while it read are then seen again rather than missed.
    since = (datetime.now(UTC) - timedelta(milliseconds=10)).isoformat()
    time.sleep(0.02)

    change(api)

    # The client syncs what changed and drops what was deleted...
    mirror.update(api.walk(f"&updated_since={urllib.parse.quote(since)}"))
    for public_id in api.deleted_since(since):
        mirror.pop(public_id, None)
    # ...and holds exactly what the server gives now.
    assert mirror == api.walk()
