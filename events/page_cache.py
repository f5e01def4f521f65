"""Whole read pages kept under the data version (events.data_version).

Dashboards and readers ask for the same pages again and again (a wall of dashboards polls
one filtered list; a shared timeline link is opened by a newsroom), and a page of the same
URL is the same bytes until the data changes: so the rendered page is kept under the data
version and the request's absolute URL, answered from the cache, with an ETag that is the
digest of its bytes, so a client that holds them already gets a 304. Any change to a
domain record replaces the version, so a kept page is never served once what it shows has
changed.

Only successful pages are kept, and only pages that read the same for everyone (the API's
JSON lists, the timeline pages); checks that depend on the client (permissions, rate
limits) run before the page is looked up. A URL with parameters the page does not read
(tracking tags, made-up ones) is answered but not kept, so it cannot fill the cache.
"""

import hashlib
from collections.abc import Callable, Collection
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response

from config.routers import reads_from_primary
from events import data_version


def cached_page(
    request, render: Callable[[], HttpResponse], parameters: Collection[str]
) -> HttpResponse:
    """render()'s response to `request` (a GET whose query parameters are among
    `parameters`), or the same page kept from before."""
    if (
        not settings.PAGE_CACHE
        or request.method not in ("GET", "HEAD")
        or not set(request.GET).issubset(parameters)
    ):
        return render()
    key = data_version.key_for("page", request.build_absolute_uri())
    kept = cache.get(key)
    if kept is None:
        # As for the aggregates: a replica that has not replayed the change that made this
        # version would have the page kept under it from the data as it was.
        with reads_from_primary():
            response = render()
        if response.status_code != 200 or response.streaming:
            return response
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        cache.set(
            key, (response.content, response["Content-Type"], etag), data_version.KEPT_SECONDS
        )
    else:
        content, content_type, etag = kept
        response = HttpResponse(content, content_type=content_type)
    response["ETag"] = etag
    # 304 only to a client holding these very bytes.
    return get_conditional_response(request, etag=etag, response=response) or response


def cached_view(parameters: Collection[str] = ()):
    """A view whose pages are cached_page()s; `parameters`: the query parameters it reads."""

    def decorate(view):
        @wraps(view)
        def cached(request, *args, **kwargs):
            return cached_page(request, lambda: view(request, *args, **kwargs), parameters)

        return cached

    return decorate
