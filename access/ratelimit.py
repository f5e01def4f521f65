"""Rate-limit headers on API answers: how many requests the DRF throttle in force allows
(`RateLimit-Limit`), how many are left in its window (`RateLimit-Remaining`) and in how
many seconds one frees up (`RateLimit-Reset`), named as the IETF draft
"RateLimit header fields for HTTP" names them, with `RateLimit-Policy` saying the window.

The throttles (access.throttling) note their count on the request as they check it; an
answer given before they run (a 401 or 403 from authentication or permissions) reads
the count without adding to it, in the exception handler. The middleware writes
the headers. A request no throttle limits (an editor's session) carries none."""

import math
from dataclasses import dataclass

HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy")


@dataclass(frozen=True)
class RateLimit:
    limit: int
    remaining: int
    reset: int  # seconds
    window: int  # seconds

    @classmethod
    def of(cls, throttle, history: list[float]) -> "RateLimit":
        """The state of `throttle` (a SimpleRateThrottle that has read its history)."""
        oldest = [t for t in history if t > throttle.now - throttle.duration]
        reset = math.ceil(oldest[-1] + throttle.duration - throttle.now) if oldest else 0
        return cls(
            limit=throttle.num_requests,
            remaining=max(0, throttle.num_requests - len(oldest)),
            reset=max(0, reset),
            window=int(throttle.duration),
        )


def note(request, state: RateLimit) -> None:
    """Keep the tightest limit of the request's throttles on its HttpRequest, where the
    middleware finds it."""
    http_request = getattr(request, "_request", request)
    held = getattr(http_request, "rate_limit", None)
    if held is None or state.remaining < held.remaining:
        http_request.rate_limit = state


class ReportingThrottleMixin:
    """For SimpleRateThrottle subclasses: note the count checked, and read it unchanged."""

    def allow_request(self, request, view):
        allowed = super().allow_request(request, view)
        if self.rate is not None and getattr(self, "key", None) is not None:
            note(request, RateLimit.of(self, self.history))
        return allowed

    def peek(self, request, view) -> None:
        """Note the count as it stands, without counting this request."""
        if self.rate is None:
            return
        key = self.get_cache_key(request, view)
        if key is None:
            return
        self.now = self.timer()
        note(request, RateLimit.of(self, self.cache.get(key, [])))


def exception_handler(exc, context):
    """DRF's handler; and when the answer comes before the throttles ran, their count."""
    # Imported here: rest_framework.views imports the throttles, which import this module.
    from rest_framework.views import exception_handler as drf_exception_handler

    response = drf_exception_handler(exc, context)
    request, view = context.get("request"), context.get("view")
    if request is not None and view is not None:
        http_request = getattr(request, "_request", request)
        if getattr(http_request, "rate_limit", None) is None:
            for throttle in view.get_throttles():
                if isinstance(throttle, ReportingThrottleMixin):
                    throttle.peek(request, view)
    return response


class RateLimitHeadersMiddleware:
    """Writes the noted rate limit into the answer's headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        state = getattr(request, "rate_limit", None)
        if state is not None:
            response["RateLimit-Limit"] = str(state.limit)
            response["RateLimit-Remaining"] = str(state.remaining)
            response["RateLimit-Reset"] = str(state.reset)
            response["RateLimit-Policy"] = f"{state.limit};w={state.window}"
        return response
