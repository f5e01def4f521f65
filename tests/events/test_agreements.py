"""An agreement's status follows its lifecycle, however the lifecycle is edited."""

from datetime import date

import pytest

from events.dates import DatePrecision as P
from events.models import AgreementStatus, AgreementStatusChange
from tests import factories
from tests.writes import delete, save

pytestmark = pytest.mark.django_db


def add(agreement, status, start, end=None, precision=P.DAY):
    return save(
        AgreementStatusChange(
            agreement=agreement,
            status=status,
            date_start=start,
            date_end=end or start,
            date_precision=precision,
        )
    )


def test_status_is_the_latest_change():
    agreement = factories.AgreementFactory()
    add(agreement, "signed", date(2024, 8, 23))
    add(agreement, "ratified", date(2025, 3, 1))
    add(agreement, "proposed", date(2024, 6, 1))
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.RATIFIED


def test_changes_on_the_same_date_follow_the_lifecycle():
    agreement = factories.AgreementFactory()
    add(agreement, "in_force", date(2024, 8, 23))
    add(agreement, "signed", date(2024, 8, 23))
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.IN_FORCE


def test_deleting_a_change_falls_back_to_the_one_before():
    agreement = factories.AgreementFactory()
    add(agreement, "signed", date(2024, 8, 23))
    ratified = add(agreement, "ratified", date(2025, 3, 1))
    delete(ratified)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    for change in agreement.status_changes.all():
        delete(change)
    agreement.refresh_from_db()
    assert agreement.status == ""
