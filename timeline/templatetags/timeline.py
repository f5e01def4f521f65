"""Template helpers for the timeline pages."""

from functools import lru_cache
from urllib.parse import urlsplit

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from events import data_version
from events.event_types import EventType
from timeline import entries

register = template.Library()


# Rendered entries are kept a day: long enough for the pages readers come back to, short
# enough that a shared cache does not fill with every event ever shown.
ENTRY_SECONDS = 24 * 3600


@register.simple_tag(takes_context=True)
def event_entry(context, entry, level, link=False):
    """The entry (timeline.entries) rendered by includes/event.html, reused from the cache
    while what it shows is unchanged: rendering is most of a timeline page's cost. The
    page's entries are looked up together, on the first one."""
    memo = context.render_context.setdefault("timeline_entries", {})
    if level not in memo:
        listing = context.get("listing")
        page = listing.events if listing is not None else [entry]
        keys = {e["pk"]: entries.entry_key(e, level=level, link=link) for e in page}
        memo[level] = (keys, cache.get_many(keys.values()))
    keys, found = memo[level]
    key = keys.get(entry["pk"]) or entries.entry_key(entry, level=level, link=link)
    html = found.get(key)
    if html is None:
        html = render_to_string(
            "timeline/includes/event.html",
            {"event": entry, "level": level, "link": link},
            request=context.get("request"),
        )
        cache.set(key, html, ENTRY_SECONDS)
    return mark_safe(html)


@register.simple_tag(takes_context=True)
def include_kept(context, template_name, **values):
    """`{% include template_name with values only %}` for a part of a listing that is the
    same on every page of the same filters (the chart, the filter form: their links keep
    the filters and drop the page's cursor), kept under the data version for the request's
    path and filters. Drawing them was half of a listing's rendering. A listing whose
    parameters cannot be read is not kept: its messages depend on the cursor too."""
    request = context["request"]
    listing = context.get("listing")

    def render():
        return render_to_string(template_name, values, request)

    if listing is not None and listing.errors:
        return mark_safe(render())
    filters = [
        (name, value)
        for name, given in sorted(request.GET.lists())
        if name != "cursor"
        for value in given
    ]
    html = data_version.cached("timeline:fragment", (template_name, request.path, filters), render)
    return mark_safe(html)


@register.filter
def web_url(url: str) -> str:
    """The URL if it is an http(s) address, else "": a link to a `javascript:` URL typed in
    a source's address must not become clickable code."""
    return url if url and urlsplit(url).scheme.lower() in ("http", "https") else ""


@register.filter
def event_type_label(key: str) -> str:
    """ "visit" -> "visit", "call" -> "phone or video call"."""
    try:
        return EventType(key).label
    except ValueError:
        return key


@register.filter
def as_options(choices) -> str:
    """<option> elements for `choices` (timeline.forms.Choice), escaped. Rendered here
    rather than in a template loop: the country selects alone hold hundreds of options.
    The list is rendered once per process and the selected ones marked in the text."""
    html = _options(tuple((choice.value, choice.label) for choice in choices))
    for choice in choices:
        if choice.selected:
            attribute = format_html(' value="{}"', choice.value)
            html = html.replace(f"<option{attribute}>", f"<option{attribute} selected>", 1)
    return mark_safe(html)


@lru_cache(maxsize=32)
def _options(choices: tuple) -> str:
    return format_html_join("\n", '<option value="{}">{}</option>', choices)
