"""The editors' admin: every page opens for an editor, bad input is refused on the field
at fault with nothing saved, and good input lands with its derived data and history."""

from datetime import date

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import (
    Agreement,
    AgreementParty,
    Country,
    Event,
    EventCountry,
    Official,
    OfficialName,
    Participant,
    Tenure,
)
from events.permissions import ANALYSTS, EDITORS
from events.services import event_change, write_unit
from tests import factories
from tests.admin_forms import form_data
from tests.writes import save

pytestmark = pytest.mark.usefixtures("seeded")

DOMAIN_MODELS = [m for m in admin.site._registry if m._meta.app_label == "events"]


def url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_domain_model_has_an_admin():
    registered = {m._meta.model_name for m in DOMAIN_MODELS}
    # Join rows are edited inline on their parent, where editors expect them.
    inline_only = {"eventcountry", "agreementparty", "officialname", "sourceauthor"}
    # Derived data (events.derived) is not edited: writes keep it.
    derived = {"monthtally", "countrymonthtally", "pairtally", "pairmonthtally", "revision"}
    from django.apps import apps

    models = {
        m._meta.model_name
        for m in apps.get_app_config("events").get_models()
        if not m._meta.model_name.startswith("historical")
    }
    assert models - inline_only - derived <= registered


@pytest.mark.parametrize("model", DOMAIN_MODELS, ids=lambda m: m._meta.model_name)
def test_editor_opens_list_search_add_change_and_history(editor_client, model):
    assert editor_client.get(url(model, "changelist")).status_code == 200
    assert editor_client.get(url(model, "changelist"), {"q": "India"}).status_code == 200
    assert editor_client.get(url(model, "add")).status_code == 200
    obj = model.objects.order_by("pk").first()
    assert obj is not None, f"the seed has no {model._meta.verbose_name}"
    assert editor_client.get(url(model, "change", obj.pk)).status_code == 200
    assert editor_client.get(url(model, "history", obj.pk)).status_code == 200


@pytest.mark.parametrize("model", DOMAIN_MODELS, ids=lambda m: m._meta.model_name)
def test_every_list_filter_opens(editor_client, model):
    response = editor_client.get(url(model, "changelist"))
    for spec in response.context["cl"].filter_specs:
        for choice in spec.choices(response.context["cl"]):
            query = choice["query_string"]
            assert editor_client.get(url(model, "changelist") + query).status_code == 200
            break  # the first real choice of each filter is enough to run its query


def test_event_list_shows_the_human_date_label(editor_client):
    response = editor_client.get(url(Event, "changelist"))
    content = response.content.decode()
    for label in ("26 Oct 2024", "late Sep 2024", "Aug 2024", "8 Jul 2024", "2023"):
        assert f">{label}<" in content


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_event_list_costs_the_same_queries_for_more_events(editor_client):
    few = count_queries(editor_client, url(Event, "changelist"))
    with write_unit():  # one transaction, derived once
        for _ in range(20):
            participant = factories.ParticipantFactory()
            save(EventCountry(event=participant.event, country=factories.CountryFactory()))
    assert Event.objects.count() > 20
    assert count_queries(editor_client, url(Event, "changelist")) == few


def test_editors_cannot_manage_users_or_groups(editor_client):
    User = get_user_model()
    for model in (User, Group):
        assert editor_client.get(url(model, "changelist")).status_code == 403
        assert editor_client.get(url(model, "add")).status_code == 403
    editors = Group.objects.get(name=EDITORS)
    assert not editors.permissions.exclude(content_type__app_label="events").exists()


def test_analysts_view_but_do_not_change(analyst_client):
    event = Event.objects.first()
    assert analyst_client.get(url(Event, "changelist")).status_code == 200
    assert analyst_client.get(url(Event, "change", event.pk)).status_code == 200
    assert analyst_client.get(url(Event, "add")).status_code == 403
    response = analyst_client.post(url(Event, "change", event.pk), {"title": "Changed"})
    assert response.status_code == 403
    analysts = Group.objects.get(name=ANALYSTS)
    assert set(analysts.permissions.values_list("codename", flat=True)) == {
        p for p in analysts.permissions.values_list("codename", flat=True) if p.startswith("view_")
    }


def new_event_data(editor_client, **fields):
    response = editor_client.get(url(Event, "add"))
    data = form_data(response)
    data.update({"title": "Sybiha meets Jaishankar", "type": "meeting", "status": "held"})
    data.update(fields)
    return data


def post_event(editor_client, data):
    response = editor_client.post(url(Event, "add"), data)
    return response


def test_editor_records_an_event_from_the_date_text(editor_client):
    india = Country.objects.get(iso_alpha2="IN")
    modi = Official.objects.get(name="Narendra Modi")
    zelensky = Official.objects.get(name="Volodymyr Zelensky")
    response = editor_client.get(url(Event, "add"))
    data = form_data(
        response,
        participants=[
            {"official": modi.pk, "role": "visitor"},
            {"official": zelensky.pk, "role": "host"},
        ],
        event_countries=[{"country": india.pk}],
    )
    data.update({"title": "Modi and Zelensky meet", "type": "meeting", "status": "held"})
    data["date_text"] = "late Sep 2024"
    data["_confirm_no_source"] = "on"  # an event with no source, confirmed
    # The seed's late-Sep talks have the same participants: confirmed as another event.
    data["_confirm_likely_duplicate"] = "on"
    response = editor_client.post(url(Event, "add"), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    event = Event.objects.get(title="Modi and Zelensky meet")
    assert (event.date_start, event.date_end, event.date_label) == (
        date(2024, 9, 21),
        date(2024, 9, 30),
        "late Sep 2024",
    )
    posts = {p.official.name: str(p.post) for p in event.participants.all()}
    assert posts == {
        "Narendra Modi": "Prime Minister of India",
        "Volodymyr Zelensky": "President of Ukraine",
    }
    assert sorted(c.iso_alpha2 for c in event.countries.all()) == ["IN", "UA"]
    record = event.history.latest()
    assert record.history_type == "+" and record.history_user.username.startswith("user")


def change_event_date(client, event, text):
    data = form_data(client.get(url(Event, "change", event.pk)))
    data["date_text"] = text
    assert client.post(url(Event, "change", event.pk), data).status_code == 302
    event.refresh_from_db()


def test_editor_changes_an_event_date_by_text(editor_client):
    event = Event.objects.get(date_start=date(2024, 10, 26))
    data = form_data(editor_client.get(url(Event, "change", event.pk)))
    assert data["date_text"] == "26 Oct 2024"
    change_event_date(editor_client, event, "c. 27 Oct 2024")
    assert (event.date_label, event.date_qualifier) == ("c. 27 Oct 2024", "approximate")
    assert (event.date_start, event.date_end) == (date(2024, 10, 27), date(2024, 10, 27))


def test_editor_reverts_an_event_to_an_earlier_version(editor_client):
    event = Event.objects.get(date_start=date(2024, 10, 26))
    versions = event.history.count()
    change_event_date(editor_client, event, "27 Oct 2024")
    first = event.history.latest()
    change_event_date(editor_client, event, "Oct 2024")
    assert event.date_label == "Oct 2024"
    revert_url = reverse("admin:events_event_simple_history", args=(event.pk, first.history_id))
    page = editor_client.get(revert_url)
    assert page.status_code == 200
    assert editor_client.post(revert_url, form_data(page)).status_code == 302
    event.refresh_from_db()
    assert event.date_label == "27 Oct 2024"
    # Two changes and the revert, each a version of its own.
    assert event.history.count() == versions + 3


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"date_text": "sometime soon"}, "date_text"),
        ({"date_text": "31 Feb 2024"}, "date_text"),
        ({"date_text": ""}, "date_text"),
        (
            {
                "date_text": "",
                "date_start": "2024-10-26",
                "date_end": "2024-10-20",
                "date_precision": "2",
            },
            "date_end",
        ),
        (
            {
                "date_text": "",
                "date_start": "2024-08-02",
                "date_end": "2024-08-31",
                "date_precision": "4",
            },
            "date_precision",
        ),
        (
            {
                "date_text": "",
                "date_start": "2024-10-26",
                "date_end": "2024-10-27",
                "date_precision": "1",
            },
            "date_precision",
        ),
    ],
)
def test_bad_dates_are_refused_on_the_field_and_nothing_is_saved(
    editor_client, fields, error_field
):
    before = Event.objects.count()
    response = post_event(editor_client, new_event_data(editor_client, **fields))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors.get(error_field), response.context[
        "adminform"
    ].form.errors
    assert Event.objects.count() == before


def test_duplicate_participant_rows_are_refused_and_nothing_is_saved(editor_client):
    modi = Official.objects.get(name="Narendra Modi")
    response = editor_client.get(url(Event, "add"))
    data = form_data(
        response,
        participants=[
            {"official": modi.pk, "role": "visitor"},
            {"official": modi.pk, "role": "visitor"},
        ],
    )
    data.update({"title": "Twice", "type": "meeting", "status": "held", "date_text": "2024"})
    before = (Event.objects.count(), Participant.objects.count())
    response = editor_client.post(url(Event, "add"), data)
    assert response.status_code == 200
    (participants,) = [
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "participants"
    ]
    assert "appears twice" in participants.forms[1].errors["official"][0]
    assert (Event.objects.count(), Participant.objects.count()) == before


def test_participant_already_in_the_event_is_refused(editor_client):
    event = Event.objects.get(date_start=date(2024, 10, 26))
    existing = event.participants.select_related("official").first()
    response = editor_client.get(url(Event, "change", event.pk))
    data = form_data(
        response, participants=[{"official": existing.official_id, "role": existing.role}]
    )
    before = Participant.objects.count()
    response = editor_client.post(url(Event, "change", event.pk), data)
    assert response.status_code == 200
    assert Participant.objects.count() == before


def test_duplicate_iso_code_is_refused_on_the_field(editor_client):
    response = editor_client.get(url(Country, "add"))
    data = form_data(response)
    data.update({"iso_alpha2": "UA", "iso_alpha3": "UKX", "iso_numeric": "999", "name": "Copy"})
    response = editor_client.post(url(Country, "add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["iso_alpha2"]
    assert Country.objects.filter(name="Copy").count() == 0


def test_tenure_start_typed_as_text_on_the_official_page(editor_client):
    official = Official.objects.get(name="Ravi Shankar")
    tenure = official.tenures.get()
    response = editor_client.get(url(Official, "change", official.pk))
    data = form_data(response)
    prefix = "tenures-0-"
    data[prefix + "start_text"] = "Sep 2024"
    response = editor_client.post(url(Official, "change", official.pk), data)
    assert response.status_code == 302
    tenure.refresh_from_db()
    assert tenure.period_label == "since Sep 2024"
    assert tenure.id == Tenure.objects.get(official=official).id


def test_duplicate_agreement_party_is_refused_on_the_field(editor_client):
    agreement = Agreement.objects.first()
    ukraine = Country.objects.get(iso_alpha2="UA")
    response = editor_client.get(url(Agreement, "change", agreement.pk))
    data = form_data(response, parties=[{"country": ukraine.pk}])
    before = AgreementParty.objects.count()
    response = editor_client.post(url(Agreement, "change", agreement.pk), data)
    assert response.status_code == 200
    assert AgreementParty.objects.count() == before


def test_a_post_the_editor_picks_is_kept_when_the_date_changes(editor_client):
    from events.models import Post

    event = Event.objects.get(date_start=date(2024, 10, 26))
    chosen = Post.objects.get(title="President of Ukraine")
    response = editor_client.get(url(Event, "change", event.pk))
    data = form_data(response)
    smetanin = event.participants.get(official__name="Herman Smetanin")
    index = next(
        i
        for i in range(int(data["participants-TOTAL_FORMS"]))
        if data.get(f"participants-{i}-id") == str(smetanin.pk)
    )
    data[f"participants-{index}-post"] = str(chosen.pk)
    assert editor_client.post(url(Event, "change", event.pk), data).status_code == 302
    change_event_date(editor_client, event, "2015")
    smetanin.refresh_from_db()
    assert (smetanin.post, smetanin.post_chosen) == (chosen, True)
    shankar = event.participants.get(official__name="Ravi Shankar")
    assert shankar.post_chosen is False


@pytest.mark.parametrize(
    ("model", "lookup"),
    [
        (Official, {"slug": "narendra-modi"}),
        (Country, {"iso_alpha2": "UA"}),
        ("source", {}),
    ],
)
def test_deleting_a_record_events_depend_on_is_refused_with_the_reason(
    editor_client, model, lookup
):
    from events.models import Source

    model = Source if model == "source" else model
    record = model.objects.get(**lookup) if lookup else model.objects.get()
    page = editor_client.get(url(model, "delete", record.pk)).content.decode()
    assert "would require deleting the following protected related objects" in page
    editor_client.post(url(model, "delete", record.pk), {"post": "yes"})
    assert model.objects.filter(pk=record.pk).exists()


def test_the_event_list_is_newest_first_with_participants_and_sources(editor_client):
    response = editor_client.get(url(Event, "changelist"))
    results = list(response.context["cl"].result_list)
    starts = [event.date_start for event in results]
    assert starts == sorted(starts, reverse=True)
    content = response.content.decode()
    assert "Narendra Modi" in content
    assert [e.sources for e in results] == [e.citations.count() for e in results]


def test_the_event_list_searches_the_full_text_index(editor_client):
    official = Official.objects.get(slug="volodymyr-zelensky")
    save(OfficialName(official=official, name="Zelenskyy Volodymyr"))
    response = editor_client.get(url(Event, "changelist"), {"q": "Zelenskyy"})
    found = {event.title for event in response.context["cl"].result_list}
    assert found and all(
        Participant.objects.filter(event__title=title, official=official).exists()
        for title in found
    )


def test_the_event_list_is_counted_from_the_tallies(editor_client):
    with CaptureQueriesContext(connection) as queries:
        response = editor_client.get(url(Event, "changelist"), {"type__exact": "visit"})
    assert response.context["cl"].result_count == Event.objects.filter(type="visit").count()
    # No count of the events themselves (the page's own rows count their sources).
    assert not any(q["sql"].startswith("SELECT COUNT(") for q in queries)


def test_the_event_list_filters_by_country_and_year(editor_client):
    response = editor_client.get(url(Event, "changelist"), {"country": "RU", "year": "2024"})
    titles = {event.title for event in response.context["cl"].result_list}
    assert titles == set(
        Event.objects.filter(countries__iso_alpha2="RU", date_start__year=2024).values_list(
            "title", flat=True
        )
    )


def test_the_same_event_saved_twice_in_admin_is_refused_on_the_title(editor_client):
    modi = Official.objects.get(name="Narendra Modi")

    def add():
        data = form_data(
            editor_client.get(url(Event, "add")),
            participants=[{"official": modi.pk, "role": "visitor"}],
        )
        data.update({"title": "Modi in Kyiv", "type": "visit", "status": "held"})
        data["date_text"] = "23 Aug 2024"
        data["_confirm_no_source"] = "on"
        return editor_client.post(url(Event, "add"), data)

    assert add().status_code == 302
    response = add()
    assert response.status_code == 200
    errors = [
        str(inline.formset.non_form_errors())
        for inline in response.context["inline_admin_formsets"]
    ]
    assert any("already recorded" in e for e in errors), errors
    assert Event.objects.filter(title="Modi in Kyiv").count() == 1


@pytest.mark.parametrize(
    ("term", "first"), [("India", "IN"), ("UK", "GB"), ("United States", "US"), ("ua", "UA")]
)
def test_country_autocomplete_offers_the_best_match_first(editor_client, term, first):
    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "events", "model_name": "participant", "field_name": "country", "term": term},
    )
    assert response.status_code == 200, response.content
    offered = [Country.objects.get(pk=r["id"]).iso_alpha2 for r in response.json()["results"]]
    assert offered[0] == first, offered


def test_an_agreement_in_force_before_it_was_signed_is_refused(editor_client):
    data = form_data(
        editor_client.get(url(Agreement, "add")),
        status_changes=[
            {"status": "in_force", "date_text": "2020"},
            {"status": "signed", "date_text": "Mar 2025"},
        ],
    )
    data.update({"title": "Out of order", "kind": "mou"})
    response = editor_client.post(url(Agreement, "add"), data)
    assert response.status_code == 200
    errors = [str(i.formset.non_form_errors()) for i in response.context["inline_admin_formsets"]]
    assert any("before the agreement was signed" in e for e in errors), errors
    assert not Agreement.objects.filter(title="Out of order").exists()


def test_a_save_from_a_form_someone_saved_since_is_refused_with_their_change(editor_client):
    event = Event.objects.get(date_start=date(2024, 10, 26))
    opened = form_data(editor_client.get(url(Event, "change", event.pk)))
    assert opened["_seen_version"]
    # Another editor saves the same event meanwhile.
    other = factories.editor(username="other-editor")
    event_change(Event.objects.get(pk=event.pk), title="Renamed by the other editor")
    Event.history.filter(id=event.pk).update(history_user=other)
    opened["title"] = "My title"
    response = editor_client.post(url(Event, "change", event.pk), opened)
    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.non_field_errors())
    assert "other-editor" in message and "title" in message
    event.refresh_from_db()
    assert event.title == "Renamed by the other editor"
    # Opened again, the form saves.
    fresh = form_data(editor_client.get(url(Event, "change", event.pk)))
    fresh["title"] = "My title"
    assert editor_client.post(url(Event, "change", event.pk), fresh).status_code == 302
    event.refresh_from_db()
    assert event.title == "My title"
