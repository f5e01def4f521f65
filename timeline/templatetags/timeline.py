"""Template helpers for the timeline pages."""

from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html_join

from events.event_types import EventType
from timeline import display

register = template.Library()


@register.simple_tag
def related_events(event):
    """{% related_events event as related %}: the event's relations from its own side."""
    return display.related_events(event)


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
    rather than in a template loop: the country selects alone hold a thousand options."""
    return format_html_join(
        "\n",
        '<option value="{}"{}>{}</option>',
        ((c.value, " selected" if c.selected else "", c.label) for c in choices),
    )
