"""Rate limits, counted in the shared cache so every worker sees the same counts: the API's
(DRF throttles, REST_FRAMEWORK settings) and the timeline's (the same throttles, applied by
TimelineRateLimitMiddleware)."""

import math

from django.http import HttpResponse
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


class TimelinePageThrottle(AnonRateThrottle):
    """The timeline's pages, by address, like the API's anonymous limit. Staff signed in to
    admin are not limited."""

    scope = "timeline"


class TimelineSearchThrottle(AnonRateThrottle):
    """Text searches on the timeline, by address, under a tighter limit: each unique search
    reaches the full-text index (nothing is cached), so a burst of them from one client
    must not take the workers other readers need."""

    scope = "timeline_search"

    def allow_request(self, request, view):
        if not request.GET.get("q", "").strip():
            return True
        return super().allow_request(request, view)


TOO_MANY = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Too many requests</title></head><body><h1>Too many requests</h1>
<p>This address has asked for more pages than the limit allows; please wait {wait} seconds
and reload.</p></body></html>"""


class TimelineRateLimitMiddleware:
    """Applies the timeline throttles to every view of the `timeline` URL namespace (new
    pages included): past a limit, a 429 page with Retry-After. Counted in the shared
    cache, as the API's limits are; when it is away, pages are served uncounted."""

    throttles = (TimelineSearchThrottle, TimelinePageThrottle)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.namespace != "timeline":
            return None
        for throttle_class in self.throttles:
            throttle = throttle_class()
            if not throttle.allow_request(request, None):
                wait = max(1, math.ceil(throttle.wait() or 1))
                response = HttpResponse(TOO_MANY.format(wait=wait), status=429)
                response["Retry-After"] = str(wait)
                return response
        return None
