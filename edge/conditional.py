"""Conditional GET for read views (django.views.decorators.http.condition), with
Cache-Control that a CDN or proxy in front can follow."""

import hashlib
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.module_loading import import_string
from django.views.decorators.http import condition

# Last-Modified has whole seconds: a revision younger than this could change again within
# the second it names, and a client revalidating with If-Modified-Since alone would then be
# told nothing changed. Such responses carry the ETag only.
SETTLED = timedelta(seconds=1)


def _variant(request) -> str:
    """What besides the URL decides the bytes: the media type an API view negotiated."""
    return getattr(request, "accepted_media_type", "") or request.META.get("HTTP_ACCEPT", "")


def _browsable(request) -> bool:
    renderer = getattr(request, "accepted_renderer", None)
    return renderer is not None and renderer.format == "api"


def _digest(*parts) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:32]


def _revision(request):
    """The data's revision (an object with `token` and `changed_at`, or None), read once per
    request from settings.EDGE_REVISION: named in settings, not imported, so that the edge
    stays below the apps whose views it wraps."""
    if not hasattr(request, "_edge_revision"):
        request._edge_revision = import_string(settings.EDGE_REVISION)()
    return request._edge_revision


def revision_etag(request, *args, **kwargs) -> str | None:
    """The ETag of a read that shows any of the data: the release, the data's revision,
    the URL and the media type. None (no validator) for what differs by user."""
    if request.method not in ("GET", "HEAD") or _browsable(request):
        return None
    current = _revision(request)
    token = current.token if current else "none"
    return _digest(settings.RELEASE, token, request.get_full_path(), _variant(request))


def revision_last_modified(request, *args, **kwargs):
    if request.method not in ("GET", "HEAD") or _browsable(request):
        return None
    current = _revision(request)
    if current is None or timezone.now() - current.changed_at < SETTLED:
        return None
    return current.changed_at


def version_etag(version: str, request) -> str:
    """The ETag of a record at `version` (its updated_at in ISO form), as a GET gave it
    and as an If-Match of a write must give it back."""
    return _digest(settings.RELEASE, version, _variant(request))


def cache_control(response) -> None:
    """Caches may keep a read but must revalidate it each time (with its ETag): what a
    CDN in front can serve, never stale. Private when reads need a login."""
    if response.status_code >= 500 or response.has_header("Cache-Control"):
        return
    if settings.READ_REQUIRES_LOGIN:
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ("Cookie",))
    else:
        patch_cache_control(response, public=True, no_cache=True)


def conditional_on_revision(view):
    """`view` answered with 304 Not Modified when the client holds the current revision's
    page, and with the validators and Cache-Control otherwise."""
    conditional = condition(etag_func=revision_etag, last_modified_func=revision_last_modified)(
        view
    )

    @wraps(view)
    def answer(request, *args, **kwargs):
        response = conditional(request, *args, **kwargs)
        if response.status_code not in (200, 304):
            # Only a page is revalidated: an error, a redirect is asked for again.
            for header in ("ETag", "Last-Modified"):
                if response.has_header(header):
                    del response[header]
        elif request.method in ("GET", "HEAD"):
            cache_control(response)
        return response

    return answer
