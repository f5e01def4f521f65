"""Merging two records of one official or one organization from the admin's list: a
confirmation page chooses the one kept, and everything that referred to the other moves
to it, with history."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from events.models import Official, OfficialName, Organization, Participant, Statement
from events.services import official_merge
from tests import factories
from tests.writes import save

pytestmark = pytest.mark.django_db

OFFICIALS = reverse("admin:events_official_changelist")
ORGANIZATIONS = reverse("admin:events_organization_changelist")


@pytest.fixture
def twice():
    """One foreign minister entered twice: the second record has a participation, a
    tenure, a quote and a spelling of its own, and shares one event with the first."""
    kept = factories.OfficialFactory(name="Subrahmanyam Jaishankar")
    again = factories.OfficialFactory(name="S. Jaishankar")
    shared = factories.EventFactory(title="Talks in Abu Dhabi")
    factories.ParticipantFactory(event=shared, official=kept, role="visitor")
    factories.ParticipantFactory(event=shared, official=again, role="visitor")
    own = factories.ParticipantFactory(official=again, role="host").event
    tenure = factories.TenureFactory(official=again)
    source = factories.SourceFactory()
    save(Statement(official=again, source=source, text="Our ties are growing."))
    save(OfficialName(official=again, name="Jaishankar"))
    return kept, again, shared, own, tenure


def test_the_merge_action_asks_which_record_to_keep(editor_client, twice):
    kept, again, *_ = twice
    response = editor_client.post(
        OFFICIALS, {"action": "merge_records", ACTION_CHECKBOX_NAME: [kept.pk, again.pk]}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert f'name="keep" value="{again.pk}"' in page and f'value="{kept.pk}"' in page
    assert "1 tenure" in page and "2 participants" in page
    assert Official.objects.filter(pk=again.pk).exists()


def test_merging_moves_participations_tenures_quotes_and_spellings(editor_client, twice):
    kept, again, shared, own, tenure = twice
    response = editor_client.post(
        OFFICIALS,
        {
            "action": "merge_records",
            ACTION_CHECKBOX_NAME: [kept.pk, again.pk],
            "merge_confirmed": "yes",
            "keep": kept.pk,
        },
    )
    assert response.status_code == 302
    assert not Official.objects.filter(pk=again.pk).exists()
    assert set(kept.participations.values_list("event_id", flat=True)) == {shared.pk, own.pk}
    # The shared event keeps one participation in the role.
    assert Participant.objects.filter(event=shared).count() == 1
    tenure.refresh_from_db()
    assert tenure.official == kept
    assert kept.statements.get().text == "Our ties are growing."
    assert set(kept.names.values_list("name", flat=True)) == {"S. Jaishankar", "Jaishankar"}
    # History records the move, by whom.
    moved = Participant.history.filter(event_id=own.pk, official_id=kept.pk).latest()
    assert moved.history_type == "~" and moved.history_user is not None


def test_a_merge_without_a_kept_record_changes_nothing(editor_client, twice):
    kept, again, *_ = twice
    response = editor_client.post(
        OFFICIALS,
        {
            "action": "merge_records",
            ACTION_CHECKBOX_NAME: [kept.pk, again.pk],
            "merge_confirmed": "yes",
        },
    )
    assert response.status_code == 200
    assert "Choose the record to keep" in response.content.decode()
    assert Official.objects.filter(pk__in=[kept.pk, again.pk]).count() == 2


def test_merging_organizations_moves_posts_participants_and_publications(editor_client):
    kept = factories.OrganizationFactory(name="Ministry of External Affairs")
    again = factories.OrganizationFactory(name="MEA", parent=kept)
    post = factories.PostFactory(organization=again)
    participant = factories.ParticipantFactory(organization=again)
    source = factories.SourceFactory(publisher=again)
    child = factories.OrganizationFactory(name="Consulate", parent=again)
    response = editor_client.post(
        ORGANIZATIONS,
        {
            "action": "merge_records",
            ACTION_CHECKBOX_NAME: [kept.pk, again.pk],
            "merge_confirmed": "yes",
            "keep": kept.pk,
        },
    )
    assert response.status_code == 302
    assert not Organization.objects.filter(pk=again.pk).exists()
    for record in (post, participant, source, child):
        record.refresh_from_db()
    assert (post.organization, participant.organization, source.publisher) == (kept, kept, kept)
    assert child.parent == kept
    gone = Organization.history.filter(id=again.pk, history_type="-").get()
    assert "MEA" in gone.history_change_reason


def test_merging_an_official_into_itself_is_refused():
    official = factories.OfficialFactory()
    with pytest.raises(Exception, match="at least one other"):
        official_merge(official, [official])


@pytest.mark.parametrize("factory", [factories.OfficialFactory, factories.OrganizationFactory])
def test_a_record_nothing_refers_to_is_deleted_from_admin(editor_client, factory):
    record = factory()
    opts = record._meta
    delete = reverse(f"admin:events_{opts.model_name}_delete", args=(record.pk,))
    assert editor_client.post(delete, {"post": "yes"}).status_code == 302
    assert not type(record).objects.filter(pk=record.pk).exists()
