"""Rate limits, counted in the shared cache so every worker sees the same counts."""

from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle

from access.models import ApiToken


class AnonymousThrottle(AnonRateThrottle):
    """Anonymous clients, by address."""

    scope = "anon"


class TokenThrottle(SimpleRateThrottle):
    """Token clients, by token: two dashboards of one user are limited separately."""

    scope = "token"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
        return None
