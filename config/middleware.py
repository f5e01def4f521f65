"""Site-wide request guards, and the health check that comes before them; the request id
that comes before everything."""

import re
import uuid

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseBadRequest, JsonResponse
from django.urls import reverse

from config.logging import request_id
from config.views import health

# An id a proxy or client may give: printable, no spaces, short (it goes into log lines).
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:/+=-]{1,128}", re.ASCII)


class RequestIdMiddleware:
    """Every request gets an id: the X-Request-ID a proxy sent, when it is sane, or a new
    one. It is in every log line written for the request (config.logging) and on the
    response, where gunicorn's access log reads it and a user can quote it."""

    header = "X-Request-ID"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request.id = given if SANE_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        # Not reset afterwards: what is logged while a streamed response is sent, or when
        # the request is finished, still belongs to it; the next request sets its own.
        request_id.set(request.id)
        response = self.get_response(request)
        response[self.header] = request.id
        return response


class RejectNullCharactersMiddleware:
    """A NUL character in the path or query is never a real request: no column can hold it
    (PostgreSQL refuses it outright), so refuse it here with a 400 rather than a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The path arrives decoded; the query string still percent-encoded.
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            message = "The request contains a NUL character."
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)


class ReadAccessMiddleware:
    """With READ_REQUIRES_LOGIN, the timeline pages need a signed-in user, as the API's
    reads do (the API answers 401 itself)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.READ_REQUIRES_LOGIN
            and request.path.startswith("/timeline/")
            and not request.user.is_authenticated
        ):
            return redirect_to_login(request.get_full_path(), reverse(settings.LOGIN_URL))
        return self.get_response(request)


class HealthCheckMiddleware:
    """Answers GET /healthz before anything else: load balancers probe by address and over
    plain HTTP, which the host check and the HTTPS redirect after this would refuse."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz" and request.method in ("GET", "HEAD"):
            return health(request)
        return self.get_response(request)
