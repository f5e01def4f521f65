"""The Jinja2 environment of the timeline pages (Django's Jinja2 backend; admin keeps
Django's templates).

Jinja2 compiles templates to Python: a listing of fifty events renders several times faster
than with Django's template engine, which is what lets the pages be fast without keeping
rendered HTML on the server (docs/caching.md). Links are made from URL patterns reversed
once per process (`links`), not one reverse() per link.
"""

from datetime import datetime
from functools import cache, lru_cache
from urllib.parse import urlencode, urlsplit

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import Environment
from markupsafe import Markup, escape

from events.event_types import EventType
from timeline.same_filters import downloads, views

PLACEHOLDER = "__placeholder__"
# What stands for the value where the URL's converter wants a UUID.
UUID_PLACEHOLDER = "00000000-0000-0000-0000-000000000000"


class Links:
    """The timeline's and admin's URLs, each built from a pattern reversed once."""

    @staticmethod
    @cache
    def _pattern(name: str, placeholder: str = PLACEHOLDER) -> str:
        return reverse(name, args=[placeholder])

    def _url(self, name: str, value, placeholder: str = PLACEHOLDER) -> str:
        return self._pattern(name, placeholder).replace(placeholder, str(value))

    @staticmethod
    @cache
    def index() -> str:
        return reverse("timeline:index")

    @staticmethod
    @cache
    def admin() -> str:
        return reverse("admin:index")

    def event(self, ref) -> str:
        return self._url("timeline:event", ref)

    def country(self, code) -> str:
        return self._url("timeline:country", code)

    def relation(self, pair) -> str:
        return self._url("timeline:relation", pair)

    def official(self, slug) -> str:
        return self._url("timeline:official", slug)

    def agreement(self, public_id) -> str:
        return self._url("timeline:agreement", public_id, UUID_PLACEHOLDER)

    def topic(self, slug) -> str:
        return f"{self.index()}?{urlencode({'topic': slug})}"


links = Links()


def query(request, **changes) -> str:
    """The request's query string with `changes` (None removes a parameter), as
    Django's {% querystring %} makes it: "?a=1&b=2", or "?" for none."""
    params = request.GET.copy()
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return f"?{params.urlencode()}"


def web_url(url: str) -> str:
    """The URL if it is an http(s) address, else "": a link to a `javascript:` URL typed in
    a source's address must not become clickable code."""
    return url if url and urlsplit(url).scheme.lower() in ("http", "https") else ""


def pluralize(count, forms: str = "s") -> str:
    """Django's pluralize: "s" (or the second of "is,are") unless the count is 1."""
    singular, _, plural = forms.rpartition(",") if "," in forms else ("", "", forms)
    return singular if count == 1 else plural


def linebreaksbr(text: str) -> Markup:
    return Markup(str(escape(text)).replace("\r\n", "\n").replace("\n", "<br>"))


def day_month_year(value: datetime | None) -> str:
    """ "27 Oct 2024", as the pages write dates."""
    return f"{value.day} {value:%b %Y}" if value else ""


def event_type_label(key: str) -> str:
    """ "visit" -> "visit", "call" -> "phone or video call"."""
    try:
        return EventType(key).label
    except ValueError:
        return key


def as_options(choices) -> Markup:
    """<option> elements for `choices` (timeline.forms.Choice), escaped. The list is
    rendered once per process (by its content) and the selected ones marked in the text:
    the country selects alone hold hundreds of options."""
    html = _options(tuple((choice.value, choice.label) for choice in choices))
    for choice in choices:
        if choice.selected:
            attribute = f' value="{escape(choice.value)}"'
            html = html.replace(f"<option{attribute}>", f"<option{attribute} selected>", 1)
    return Markup(html)


@lru_cache(maxsize=32)
def _options(choices: tuple) -> str:
    return "\n".join(
        f'<option value="{escape(v)}">{escape(label)}</option>' for v, label in choices
    )


def environment(**options) -> Environment:
    env = Environment(**options)
    env.globals.update(links=links, static=static, query=query, downloads=downloads, views=views)
    env.filters.update(
        web_url=web_url,
        pluralize=pluralize,
        linebreaksbr=linebreaksbr,
        day_month_year=day_month_year,
        event_type_label=event_type_label,
        as_options=as_options,
    )
    return env
