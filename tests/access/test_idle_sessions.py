"""Staff sessions end after SESSION_IDLE_TIMEOUT without a request; activity keeps them
going, and the session is written at most once a minute for it."""

import time

import pytest

from access.sessions import LAST_SEEN
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, settings):
    settings.SESSION_IDLE_TIMEOUT = 30 * 60
    client.force_login(factories.editor())
    return client


def last_seen(client, seconds_ago):
    session = client.session
    session[LAST_SEEN] = int(time.time()) - seconds_ago
    session.save()


def test_an_idle_staff_session_is_signed_out(staff):
    last_seen(staff, 31 * 60)
    response = staff.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in staff.session


def test_activity_keeps_the_session(staff):
    last_seen(staff, 29 * 60)
    assert staff.get("/admin/").status_code == 200
    assert int(time.time()) - staff.session[LAST_SEEN] < 5
    assert staff.get("/admin/").status_code == 200


def test_the_stamp_is_written_once_a_minute_at_most(staff):
    last_seen(staff, 10)
    stamp = staff.session[LAST_SEEN]
    staff.get("/admin/")
    assert staff.session[LAST_SEEN] == stamp


def test_the_idle_time_counts_from_the_login(staff):
    assert int(time.time()) - staff.session[LAST_SEEN] < 5
