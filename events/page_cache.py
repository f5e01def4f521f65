"""Whole read pages kept under the data version (events.data_version).

Dashboards and readers ask for the same pages again and again (a wall of dashboards polls
one filtered list; a shared timeline link is opened by a newsroom), and a page of the same
URL is the same bytes until the data changes: so the rendered page is kept under the data
version and the request's absolute URL, and answered from the cache, with an ETag from the
same two, so a client that has it already gets a 304. Any change to a domain record
replaces the version, so a kept page is never served once what it shows has changed.

Only successful pages are kept, and only pages that read the same for everyone (the API's
JSON lists, the timeline pages); checks that depend on the client (permissions, rate
limits) run before the page is looked up.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response

from config.routers import reads_from_primary
from events import data_version


def cached_page(request, render: Callable[[], HttpResponse]) -> HttpResponse:
    """render()'s response to `request` (a GET), or the same page kept from before."""
    if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD"):
        return render()
    version = data_version.current()
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    key = f"page:{version}:{digest}"
    etag = f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    kept = cache.get(key)
    if kept is not None:
        content, content_type = kept
        response = HttpResponse(content, content_type=content_type)
    else:
        # As for the aggregates: a replica that has not replayed the change that made this
        # version would have the page kept under it from the data as it was.
        with reads_from_primary():
            response = render()
        if response.status_code != 200 or response.streaming:
            return response
        cache.set(key, (response.content, response["Content-Type"]), data_version.KEPT_SECONDS)
    response["ETag"] = etag
    return response


def cached_view(view):
    """A view whose pages are cached_page()s."""

    @wraps(view)
    def cached(request, *args, **kwargs):
        return cached_page(request, lambda: view(request, *args, **kwargs))

    return cached
