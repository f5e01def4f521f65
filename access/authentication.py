"""DRF authentication by API token."""

from datetime import timedelta

from django.utils import timezone
from rest_framework import authentication, exceptions

from access import lockout
from access.models import ApiToken

# How stale last_used_at may get: one write a minute per token, not one a request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Token <key>` (or `Bearer <key>`). A wrong, revoked or expired key is
    a 401, never a silent fall back to anonymous, and counts against the client's address:
    past the limit, the address gets 429 for a while (access.lockout)."""

    keywords = ("token", "bearer")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode(errors="replace").lower() not in self.keywords:
            return None
        lockout.check(request)
        try:
            return self.token_for(header)
        except exceptions.AuthenticationFailed:
            lockout.failed(request)
            raise

    def token_for(self, header):
        """(user, token) for the Authorization header's key, or AuthenticationFailed."""
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Give the key after the word Token.")
        key = header[1].decode(errors="replace")
        token = ApiToken.objects.for_key(key)
        if token is None:
            raise exceptions.AuthenticationFailed("Unknown, revoked or expired API token.")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("The token's user is deactivated.")
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request):
        return "Token"
