"""Rate limits, counted in the shared cache so every worker sees the same counts."""

from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle

from access.models import ApiToken
from access.ratelimit import ReportingThrottleMixin


class AnonymousThrottle(ReportingThrottleMixin, AnonRateThrottle):
    """Anonymous clients, by address (the count they have left goes into headers:
    access.ratelimit)."""

    scope = "anon"


class TokenThrottle(ReportingThrottleMixin, SimpleRateThrottle):
    """Token clients, by token: two dashboards of one user are limited separately."""

    scope = "token"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
        return None
