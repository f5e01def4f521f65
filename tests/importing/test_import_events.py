"""`manage.py import_events`: documented columns in, events with everything signals would
derive out; batches all or nothing; nothing imported twice."""

from datetime import date

import pytest

from events.models import (
    Citation,
    Event,
    EventCountry,
    Official,
    Participant,
    Source,
)
from events.selectors import post_of
from tests import factories
from tests.importing.conftest import assert_search_text_is_derived

pytestmark = pytest.mark.usefixtures("seeded")

HEADER = (
    "external_id,date,type,title,countries,participants,location,location_country,"
    "latitude,longitude,summary,topics,source_url,source_headline,source_published,excerpt"
)
MODI_IN_KYIV = (
    'KI-1,23 Aug 2024,visit,Modi visits Kyiv,UA,"Narendra Modi|visitor|;Zelenskyy|host|UA;'
    'org:Embassy of India in Ukraine||IN",Kyiv,UA,50.4501,30.5234,First visit by an Indian '
    "prime minister.,trade;reconstruction,https://news.example/modi-kyiv,Modi arrives in Kyiv,"
    "2024-08-23T09:00:00+00:00,Modi arrived in Kyiv on Friday."
)
PUTIN_2010 = (
    'KI-2,2010-03-01,talks,Putin holds talks with India,,"Vladimir Putin|host|RU;|visitor|IN;'
    'Dmytro Kuleba|speaker|UA",,,,,,,https://news.example/modi-kyiv,,,'
)


@pytest.fixture
def documented(csv_file):
    return csv_file(f"{HEADER}\n{MODI_IN_KYIV}\n{PUTIN_2010}\n", name="kyiv.csv")


def test_documented_columns_import_an_event_with_everything_it_refers_to(documented, import_events):
    outcome = import_events(documented, "--no-progress")

    assert outcome.error is None, outcome.err
    event = Event.objects.get(external_id="KI-1")
    assert (event.date_start, event.date_precision, event.type) == (date(2024, 8, 23), 1, "visit")
    assert (event.location, event.location_country.iso_alpha2) == ("Kyiv", "UA")
    assert (str(event.latitude), str(event.longitude)) == ("50.45010", "30.52340")
    assert sorted(event.topics.values_list("slug", flat=True)) == ["reconstruction", "trade"]
    assert event.slug.startswith("2024-08-23-modi-visits-kyiv-")
    assert "created 2 events" in outcome.out


def test_participants_get_the_post_held_that_day_and_its_country(documented, import_events):
    import_events(documented, "--no-progress")

    modi, zelensky, embassy = Event.objects.get(external_id="KI-1").participants.order_by("pk")
    # Country left empty: taken from the post, as Participant.fill_derived does.
    assert (modi.official.name, modi.post.title, modi.country.iso_alpha2) == (
        "Narendra Modi",
        "Prime Minister of India",
        "IN",
    )
    # Matched by another spelling.
    assert (zelensky.official.name, zelensky.post.title) == (
        "Volodymyr Zelensky",
        "President of Ukraine",
    )
    assert (embassy.organization.name, embassy.role) == (
        "Embassy of India in Ukraine",
        "participant",
    )
    for participant in (modi, zelensky):
        event = participant.event
        assert participant.post == post_of(participant.official, event.date_start)


def test_participants_out_of_office_have_no_post_and_unknown_names_become_officials(
    documented, import_events
):
    import_events(documented, "--no-progress")

    putin, india, kuleba = Event.objects.get(external_id="KI-2").participants.order_by("pk")
    # Putin's tenures end in 2008 and start again in 2012.
    assert (putin.post, putin.country.iso_alpha2) == (None, "RU")
    assert (india.official, india.organization, india.country.iso_alpha2) == (None, None, "IN")
    assert kuleba.official.name == "Dmytro Kuleba"
    assert (kuleba.official.country.iso_alpha2, kuleba.official.slug) == ("UA", "dmytro-kuleba")


def test_countries_involved_carry_the_events_sort_key(documented, import_events):
    import_events(documented, "--no-progress")

    event = Event.objects.get(external_id="KI-1")
    links = EventCountry.objects.filter(event=event)
    assert sorted(link.country.iso_alpha2 for link in links) == ["IN", "UA"]
    for link in links:
        assert (link.date_start, link.date_end, link.date_precision, link.title) == (
            event.date_start,
            event.date_end,
            event.date_precision,
            event.title,
        )
    other = Event.objects.get(external_id="KI-2")
    assert sorted(other.countries.values_list("iso_alpha2", flat=True)) == ["IN", "RU", "UA"]


def test_a_source_is_created_once_and_cited_with_its_excerpt(documented, import_events):
    import_events(documented, "--no-progress")

    source = Source.objects.get(url="https://news.example/modi-kyiv")
    assert source.headline == "Modi arrives in Kyiv"
    assert source.published_at.isoformat() == "2024-08-23T09:00:00+00:00"
    citations = Citation.objects.filter(source=source).order_by("event__external_id")
    assert [(c.event.external_id, c.excerpt) for c in citations] == [
        ("KI-1", "Modi arrived in Kyiv on Friday."),
        ("KI-2", ""),
    ]


def test_search_text_is_what_the_event_would_build(documented, import_events):
    import_events(documented, "--no-progress")

    for event in Event.objects.filter(external_id__in=["KI-1", "KI-2"]):
        assert_search_text_is_derived(event)
    assert Event.objects.search("Zelenskyy").filter(external_id="KI-1").exists()


def test_history_records_every_created_row_with_the_user_and_the_file(documented, import_events):
    factories.UserFactory(username="importer")

    import_events(documented, "--no-progress", "--user", "importer")

    event = Event.objects.get(external_id="KI-1")
    (created,) = event.history.all()
    assert (created.history_type, created.history_user.username) == ("+", "importer")
    assert created.history_change_reason == "import kyiv.csv"
    assert created.title == event.title
    assert sorted(row.topic.slug for row in created.topics.all()) == ["reconstruction", "trade"]
    for model, rows in (
        (Participant, Participant.objects.filter(event=event)),
        (EventCountry, EventCountry.objects.filter(event=event)),
        (Citation, Citation.objects.filter(event=event)),
        (Source, Source.objects.filter(url="https://news.example/modi-kyiv")),
        (Official, Official.objects.filter(name="Dmytro Kuleba")),
    ):
        for row in rows:
            history = model.history.filter(id=row.pk)
            assert [(h.history_type, h.history_change_reason) for h in history] == [
                ("+", "import kyiv.csv")
            ], model
    assert Participant.history.filter(event_id=event.pk).first().public_id in set(
        Participant.objects.filter(event=event).values_list("public_id", flat=True)
    )


def test_a_second_run_creates_nothing(documented, import_events):
    import_events(documented, "--no-progress")
    counts = [m.objects.count() for m in (Event, Participant, Official, Source, Citation)]
    history = Event.history.count()

    outcome = import_events(documented, "--no-progress")

    assert outcome.error is None
    assert "Skipped 2 rows already imported" in outcome.out
    assert [m.objects.count() for m in (Event, Participant, Official, Source, Citation)] == counts
    assert Event.history.count() == history


def test_a_bad_row_rejects_its_batch_and_the_other_batches_import(csv_file, import_events):
    path = csv_file(
        """
        external_id,date,type,title
        B-1,2024-01-01,meeting,One
        B-2,2024-01-02,meeting,"Two, over
        two lines"
        B-3,2024-01-03,dinner,Three
        B-4,2024-01-04,meeting,Four
        B-5,2024-01-05,meeting,Five
        """
    )

    outcome = import_events(path, "--batch-size", "2", "--no-progress")

    # B-3 starts on line 5: B-2's title spans lines 3 and 4.
    assert "line 5: type: 'dinner' is not an event type" in outcome.err
    assert outcome.error is not None and "rejected" in str(outcome.error)
    assert "Rejected 2 rows in 1 batch" in outcome.out
    imported = set(
        Event.objects.filter(external_id__startswith="B-").values_list("external_id", flat=True)
    )
    assert imported == {"B-1", "B-2", "B-5"}
    assert Event.objects.get(external_id="B-2").title == "Two, over two lines"


def test_an_event_repeated_in_the_file_is_an_error_on_the_later_line(csv_file, import_events):
    path = csv_file(
        """
        external_id,date,type,title
        D-1,2024-01-01,meeting,One
        D-1,2024-01-02,meeting,Other
        """
    )

    outcome = import_events(path, "--no-progress")

    assert "line 3: external_id: the same event as line 2" in outcome.err
    assert outcome.error is not None
    assert not Event.objects.filter(title__in=["One", "Other"]).exists()


def test_rows_without_an_external_id_are_keyed_by_source_dates_and_title(csv_file, import_events):
    rows = """
        date,type,title,source_url
        2024-01-01,meeting,One,https://news.example/a
        2024-01-01,meeting,One,https://news.example/b
        """
    import_events(csv_file(rows), "--no-progress")
    assert Event.objects.filter(title="One").count() == 2
    assert all(
        k.startswith("key:")
        for k in Event.objects.values_list("external_id", flat=True).filter(title="One")
    )

    again = import_events(csv_file(rows), "--no-progress")
    changed = import_events(
        csv_file(rows.replace("One,https://news.example/b", "Two,https://news.example/b")),
        "--no-progress",
    )

    assert "Skipped 2 rows" in again.out
    assert "Skipped 1 row " in changed.out
    assert Event.objects.filter(title__in=["One", "Two"]).count() == 3


def test_a_repeated_natural_key_names_the_columns_that_make_it(csv_file, import_events):
    path = csv_file(
        """
        date,type,title,source_url
        2024-01-01,meeting,One,https://news.example/a
        1 Jan 2024,meeting,One,https://news.example/a
        """
    )

    outcome = import_events(path, "--no-progress")

    assert "line 3: source_url, date, title: the same event as line 2" in outcome.err


def test_dry_run_reports_and_writes_nothing(documented, import_events):
    before = [m.objects.count() for m in (Event, Participant, Official, Source)]

    outcome = import_events(documented, "--dry-run", "--no-progress")

    assert outcome.error is None
    assert "would create 2 events" in outcome.out
    assert [m.objects.count() for m in (Event, Participant, Official, Source)] == before


def test_dry_run_still_reports_bad_rows(csv_file, import_events):
    path = csv_file("external_id,date,type,title\nX-1,31 Feb 2024,meeting,One\n")

    outcome = import_events(path, "--dry-run", "--no-progress")

    assert "line 2: date:" in outcome.err
    assert outcome.error is not None


def test_header_mapping_renames_a_files_columns_and_errors_use_its_names(csv_file, import_events):
    path = csv_file(
        """
        Event Date,Kind,Headline
        2024-03-01,meeting,Mapped one
        2024-03-02,brunch,Mapped two
        """
    )
    mapping = ("--map", "event date=date", "--map", "Kind=type", "--map", "Headline=title")

    outcome = import_events(path, *mapping, "--batch-size", "1", "--no-progress")

    assert "line 3: Kind (type): 'brunch' is not an event type" in outcome.err
    assert Event.objects.filter(title="Mapped one").exists()


def test_a_semicolon_file_reads_with_its_delimiter(csv_file, import_events):
    path = csv_file("date;type;title;countries\n2024-03-01;meeting;Semicolons;UA\n")

    outcome = import_events(path, "--delimiter", ";", "--no-progress")

    assert outcome.error is None, outcome.err
    assert list(
        Event.objects.get(title="Semicolons").countries.values_list("iso_alpha2", flat=True)
    ) == ["UA"]


def test_a_row_with_the_wrong_number_of_fields_is_an_error(csv_file, import_events):
    path = csv_file("date,type,title\n2024-03-01,meeting,One,extra\n")

    outcome = import_events(path, "--no-progress")

    assert "line 2: row: 4 fields where 3 are expected" in outcome.err


def test_progress_is_reported_on_stderr(documented, import_events):
    outcome = import_events(documented, "--batch-size", "1")

    assert "events/s" in outcome.err
    assert "2/2 rows (100%)" in outcome.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--preset", "icews"), "Unknown preset 'icews'"),
        (("--batch-size", "0"), "--batch-size must be at least 1"),
        (("--user", "nobody"), "No user named 'nobody'"),
        (("--map", "title"), "write it as SOURCE=TARGET"),
        (("--map", "title=headline"), "not importer columns"),
    ],
)
def test_bad_options_are_command_errors(documented, import_events, args, message):
    outcome = import_events(documented, *args, "--no-progress")

    assert outcome.error is not None and message in str(outcome.error)
    assert not Event.objects.filter(external_id="KI-1").exists()


def test_a_missing_file_is_a_command_error(tmp_path, import_events):
    outcome = import_events(tmp_path / "absent.csv")

    assert "No such file" in str(outcome.error)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("date,type\n2024-01-01,meeting\n", "lacks the column(s) title"),
        ("title,type\nOne,meeting\n", "date (or date_start and date_precision)"),
        ("date,type,title,date_start\n", "Give either a date column"),
        ("date,type,title,title\n", "names the column 'title' twice"),
    ],
)
def test_an_unreadable_header_is_a_command_error(csv_file, import_events, text, message):
    outcome = import_events(csv_file(text), "--no-progress")

    assert outcome.error is not None and message in str(outcome.error)


def test_a_file_that_is_not_utf8_is_a_command_error(tmp_path, import_events):
    path = tmp_path / "latin1.csv"
    path.write_bytes("date,type,title\n2024-01-01,meeting,Caf\xe9\n".encode("latin-1"))

    outcome = import_events(path, "--no-progress")

    assert outcome.error is not None and "not UTF-8" in str(outcome.error)
