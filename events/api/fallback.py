"""What /api/ answers for a path it does not have: JSON, like every other API answer.

A path that only lacks its trailing slash (`POST /api/events`) is sent on with a 308, which
clients follow with the same method and body; Django's APPEND_SLASH would answer 301, which
clients follow as a GET, so the write would be lost without an error. Anything else is a
JSON 404 (Django's would be an HTML page)."""

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.views.decorators.csrf import csrf_exempt

NOT_FOUND = "No API endpoint at this path; the endpoints are listed at /api/."


class PermanentRedirectKeepingMethod(HttpResponsePermanentRedirect):
    status_code = 308


# Exempt: it changes nothing, and a POST it redirects meets CSRF at the view it reaches.
@csrf_exempt
def api_fallback(request, rest=""):
    if not request.path.endswith("/"):
        slashed = request.path + "/"
        try:
            match = resolve(slashed)
        except Resolver404:
            match = None
        if match is not None and match.func is not api_fallback:
            query = request.META.get("QUERY_STRING", "")
            return PermanentRedirectKeepingMethod(slashed + (f"?{query}" if query else ""))
    return JsonResponse({"detail": NOT_FOUND}, status=404)
