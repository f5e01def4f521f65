"""Invariants live in the database: each write below bypasses model validation and must be
refused by the database itself, on SQLite and on PostgreSQL alike."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.dates import DatePrecision as P
from events.models import (
    AgreementParty,
    Country,
    Event,
    EventRelation,
    Participant,
    Source,
    Statement,
    Tenure,
)
from tests import factories

pytestmark = pytest.mark.django_db


def refused(write):
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


# Every precision's valid ranges are stored...
VALID_RANGES = [
    (date(2024, 10, 26), date(2024, 10, 26), P.DAY),
    (date(2024, 7, 8), date(2024, 7, 9), P.DAY_RANGE),
    (date(2024, 12, 30), date(2025, 1, 2), P.DAY_RANGE),
    (date(2024, 9, 1), date(2024, 9, 10), P.PART_OF_MONTH),
    (date(2024, 9, 11), date(2024, 9, 20), P.PART_OF_MONTH),
    (date(2024, 9, 21), date(2024, 9, 30), P.PART_OF_MONTH),
    (date(2024, 2, 21), date(2024, 2, 29), P.PART_OF_MONTH),
    (date(2024, 8, 1), date(2024, 8, 31), P.MONTH),
    (date(2023, 2, 1), date(2023, 2, 28), P.MONTH),
    (date(2025, 1, 1), date(2025, 3, 31), P.QUARTER),
    (date(2025, 10, 1), date(2025, 12, 31), P.QUARTER),
    (date(2023, 1, 1), date(2023, 12, 31), P.YEAR),
]

# ...and ranges their precision cannot describe are not.
INVALID_RANGES = [
    (date(2024, 10, 26), date(2024, 10, 25), P.DAY_RANGE),  # end before start
    (date(2024, 10, 26), date(2024, 10, 27), P.DAY),
    (date(2024, 10, 26), date(2024, 10, 26), P.DAY_RANGE),
    (date(2024, 9, 20), date(2024, 9, 30), P.PART_OF_MONTH),
    (date(2024, 9, 21), date(2024, 9, 29), P.PART_OF_MONTH),
    (date(2024, 9, 21), date(2024, 10, 1), P.PART_OF_MONTH),
    (date(2024, 2, 21), date(2024, 2, 28), P.PART_OF_MONTH),  # leap year: ends on the 29th
    (date(2024, 8, 2), date(2024, 8, 31), P.MONTH),
    (date(2024, 8, 1), date(2024, 8, 30), P.MONTH),
    (date(2024, 8, 1), date(2024, 9, 30), P.MONTH),
    (date(2025, 2, 1), date(2025, 4, 30), P.QUARTER),
    (date(2025, 1, 1), date(2025, 3, 30), P.QUARTER),
    (date(2025, 1, 1), date(2025, 6, 30), P.QUARTER),
    (date(2023, 1, 2), date(2023, 12, 31), P.YEAR),
    (date(2023, 1, 1), date(2024, 12, 31), P.YEAR),
]


@pytest.mark.parametrize(("start", "end", "precision"), VALID_RANGES)
def test_database_stores_a_range_its_precision_describes(start, end, precision):
    event = factories.EventFactory()
    Event.objects.filter(pk=event.pk).update(
        date_start=start, date_end=end, date_precision=precision
    )
    event.refresh_from_db()
    assert (event.date_start, event.date_end, event.date_precision) == (start, end, precision)


@pytest.mark.parametrize(("start", "end", "precision"), INVALID_RANGES)
def test_database_refuses_a_range_its_precision_cannot_describe(start, end, precision):
    event = factories.EventFactory()
    refused(
        lambda: Event.objects.filter(pk=event.pk).update(
            date_start=start, date_end=end, date_precision=precision
        )
    )


@pytest.mark.parametrize(("start", "end", "precision"), INVALID_RANGES)
def test_model_validation_names_the_field_at_fault(start, end, precision):
    event = factories.EventFactory.build(date_start=start, date_end=end, date_precision=precision)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert set(error.value.message_dict) & {"date_end", "date_precision"}


@pytest.mark.parametrize(("start", "end", "precision"), INVALID_RANGES)
def test_constraint_validation_in_python_agrees_with_the_database(start, end, precision):
    """validate_constraints() evaluates the CHECK expressions with parameters, the path an
    API or import that skips clean() would take."""
    event = factories.EventFactory.build(date_start=start, date_end=end, date_precision=precision)
    with pytest.raises(ValidationError):
        event.validate_constraints()


@pytest.mark.parametrize(("start", "end", "precision"), VALID_RANGES)
def test_constraint_validation_in_python_accepts_valid_ranges(start, end, precision):
    factories.EventFactory.build(
        date_start=start, date_end=end, date_precision=precision
    ).validate_constraints()


def test_agreement_status_change_dates_are_held_to_the_same_rules():
    agreement = factories.AgreementFactory()
    refused(
        lambda: agreement.status_changes.create(
            status="signed",
            date_start=date(2024, 8, 1),
            date_end=date(2024, 8, 30),
            date_precision=P.MONTH,
        )
    )


def test_tenure_date_must_be_complete_or_empty():
    tenure = factories.TenureFactory(start=date(2024, 9, 5))
    refused(lambda: Tenure.objects.filter(pk=tenure.pk).update(start_precision=None))


def test_tenure_cannot_end_before_it_starts():
    tenure = factories.TenureFactory(start=date(2024, 9, 5))
    refused(
        lambda: Tenure.objects.filter(pk=tenure.pk).update(
            end_earliest=date(2024, 9, 1), end_latest=date(2024, 9, 1), end_precision=P.DAY
        )
    )


def test_tenure_bounds_follow_the_precision_rules():
    tenure = factories.TenureFactory()
    refused(
        lambda: Tenure.objects.filter(pk=tenure.pk).update(
            start_earliest=date(2024, 9, 2), start_latest=date(2024, 9, 30), start_precision=P.MONTH
        )
    )


def test_iso_codes_are_unique():
    factories.CountryFactory(iso_alpha2="UA", iso_alpha3="UKR", iso_numeric="804")
    refused(lambda: Country.objects.create(iso_alpha2="UA", iso_alpha3="UKX", iso_numeric="998"))
    refused(lambda: Country.objects.create(iso_alpha2="UX", iso_alpha3="UKR", iso_numeric="997"))
    refused(lambda: Country.objects.create(iso_alpha2="UY", iso_alpha3="UKY", iso_numeric="804"))


def test_iso_codes_are_upper_case_and_of_their_length():
    refused(lambda: Country.objects.create(iso_alpha2="ua", iso_alpha3="UKR", iso_numeric="804"))
    refused(lambda: Country.objects.create(iso_alpha2="U", iso_alpha3="UKR", iso_numeric="804"))
    refused(lambda: Country.objects.create(iso_alpha2="UA", iso_alpha3="UK", iso_numeric="804"))


def test_participant_is_unique_per_event_person_and_role():
    participant = factories.ParticipantFactory(role="host")
    duplicate = dict(event=participant.event, official=participant.official, role="host")
    refused(lambda: Participant.objects.create(**duplicate))
    # The same person in another role is a different participation.
    Participant.objects.create(**{**duplicate, "role": "speaker"})


def test_country_participant_is_unique_per_event_and_role():
    event = factories.EventFactory()
    country = factories.CountryFactory()
    Participant.objects.create(event=event, official=None, country=country, role="host")
    refused(
        lambda: Participant.objects.create(event=event, official=None, country=country, role="host")
    )


def test_participant_must_name_someone():
    event = factories.EventFactory()
    refused(lambda: Participant.objects.create(event=event, official=None, role="host"))


def test_source_url_is_unique_when_present():
    factories.SourceFactory(url="https://news.example/a")
    refused(lambda: Source.objects.create(headline="Copy", url="https://news.example/a"))
    Source.objects.create(headline="No URL 1", url="")
    Source.objects.create(headline="No URL 2", url="")


def test_event_cannot_relate_to_itself():
    event = factories.EventFactory()
    refused(lambda: EventRelation.objects.create(from_event=event, to_event=event, kind="precedes"))


def test_agreement_party_is_a_country_or_an_organization_not_both():
    agreement = factories.AgreementFactory()
    organization = factories.OrganizationFactory()
    refused(
        lambda: AgreementParty.objects.create(
            agreement=agreement, country=organization.country, organization=organization
        )
    )
    refused(lambda: AgreementParty.objects.create(agreement=agreement))


def test_statement_needs_a_speaker():
    source = factories.SourceFactory()
    refused(lambda: Statement.objects.create(source=source, text="We welcome it."))


def test_coordinates_come_in_pairs_within_range():
    event = factories.EventFactory()
    refused(lambda: Event.objects.filter(pk=event.pk).update(latitude=50))
    refused(lambda: Event.objects.filter(pk=event.pk).update(latitude=91, longitude=30))
    Event.objects.filter(pk=event.pk).update(latitude=50.45, longitude=30.52)


def test_external_id_is_unique_when_present():
    first = factories.EventFactory(external_id="ACLED:1")
    # Written past the services (which would refuse it first): the database refuses it.
    refused(
        lambda: Event.objects.create(
            title="Copy",
            slug="copy",
            type=first.type,
            date_start=first.date_start,
            date_end=first.date_end,
            date_precision=first.date_precision,
            external_id="ACLED:1",
        )
    )
    factories.EventFactory(external_id="")
    factories.EventFactory(external_id="")
