"""Site-wide error pages and the health check."""

import sys

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

DATABASE_DOWN = "The database is unavailable right now; please try again in a moment."
SERVER_ERROR = "Something went wrong on our side; it has been logged (request {id})."

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title></head><body><h1>{title}</h1><p>{message}</p></body></html>"""


def server_error(request):
    """The 500 handler, which also sees a lost database connection: that is a 503 with
    Retry-After, since the next request reconnects (connections are health-checked)."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        status, title, message = 503, "Service unavailable", DATABASE_DOWN
    else:
        # The id the log line of this error carries (config.middleware.RequestIdMiddleware).
        status, title = 500, "Server error"
        message = SERVER_ERROR.format(id=getattr(request, "id", "unknown"))
    # No templates or context processors: they may need the database that just failed.
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=status)
    else:
        response = HttpResponse(PAGE.format(title=title, message=message), status=status)
    if status == 503:
        response["Retry-After"] = "5"
    return response


def bad_request(request, exception):
    """The 400 handler: says what was wrong, as JSON for the API; a body over
    DATA_UPLOAD_MAX_MEMORY_SIZE is a 413."""
    status, title = 400, "Bad request"
    if isinstance(exception, RequestDataTooBig):
        # 413 Content Too Large, which is what clients and proxies expect for this.
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1_000_000
        message = f"The request body is too large: the limit is {limit:g} MB."
        status, title = 413, "Request too large"
    elif isinstance(exception, TooManyFieldsSent):
        message = "The request has too many fields."
    else:
        message = "The request could not be understood."
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    return HttpResponse(PAGE.format(title=title, message=message), status=status)


CACHE_AWAY = "The shared cache is unreachable: pages are served, but rate limits are not counted."


def cache_reachable() -> bool:
    """Whether the shared cache answers a write and a read (django-redis, which ignores
    its errors elsewhere, is asked directly)."""
    backend = caches["default"]
    client = getattr(backend, "client", None)
    try:
        if client is not None and hasattr(client, "get_client"):
            return bool(client.get_client(write=True).ping())
        backend.set("healthz", "ok", 5)
        return backend.get("healthz") == "ok"
    except Exception:  # whatever the backend raises when it is away
        return False


@never_cache
def health(request):
    """For load balancers and uptime checks: 200 when the app answers and its database
    does ("degraded" while the shared cache is away: pages are still served), 503 when the
    database is away. Not throttled and open to all (it says nothing about the data)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        response = JsonResponse({"status": "unavailable", "detail": DATABASE_DOWN}, status=503)
        response["Retry-After"] = "5"
        return response
    if not cache_reachable():
        return JsonResponse({"status": "degraded", "detail": CACHE_AWAY})
    return JsonResponse({"status": "ok"})
