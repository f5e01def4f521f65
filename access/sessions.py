"""Staff sessions end after SESSION_IDLE_TIMEOUT seconds without a request: an admin left
signed in on a shared machine is signed out, however long the session cookie lives."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

LAST_SEEN = "_staff_last_seen"
# How stale the stamp may get: the session is written once a minute, not every request.
RESOLUTION = 60


@receiver(user_logged_in, dispatch_uid="access.sessions.stamp_login")
def stamp_login(sender, request, user, **kwargs):
    """The idle time counts from the login, saved with the session it starts (rather than
    by an extra write on the first request)."""
    if user.is_staff and hasattr(request, "session"):
        request.session[LAST_SEEN] = int(time.time())


class StaffIdleTimeoutMiddleware:
    """After AuthenticationMiddleware. Requests without a session cookie (readers, API
    tokens) are not looked at: reading the session would add `Vary: Cookie` to pages
    that are the same for everyone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_staff:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN, now)
            if now - last_seen > settings.SESSION_IDLE_TIMEOUT:
                logout(request)  # the request goes on as anonymous: admin asks to sign in
            # A session from before the middleware has no stamp: its idle time starts now.
            elif now - last_seen >= RESOLUTION or LAST_SEEN not in request.session:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
