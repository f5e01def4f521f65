"""An agreement's status follows its lifecycle, however the lifecycle is edited."""

from datetime import date

import pytest

from events.dates import DatePrecision as P
from events.models import AgreementStatus
from tests import factories

pytestmark = pytest.mark.django_db


def add(agreement, status, start, end=None, precision=P.DAY):
    return agreement.status_changes.create(
        status=status, date_start=start, date_end=end or start, date_precision=precision
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
    ratified.delete()
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    agreement.status_changes.all().delete()
    agreement.refresh_from_db()
    assert agreement.status == ""
