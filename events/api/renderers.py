"""JSON written by orjson: the same JSON as DRF's renderer, several times faster on a page
of fifty events (the renderer was a sixth of a list page's time); and JSON read with a
bound on nesting; and the content negotiation that picks between renderers."""

import orjson
from django.http import Http404
from rest_framework import parsers
from rest_framework.exceptions import NotAcceptable, ParseError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

_fallback = JSONEncoder().default


class FastJSONRenderer(JSONRenderer):
    """DRF's JSONRenderer (compact, UTF-8), through orjson; an `indent` asked for in the
    Accept header goes to DRF's own."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if self.get_indent(accepted_media_type, renderer_context or {}):
            return super().render(data, accepted_media_type, renderer_context)
        content = orjson.dumps(data, default=_fallback, option=orjson.OPT_NON_STR_KEYS)
        # As DRF does: U+2028 and U+2029 are valid JSON but end a line in JavaScript.
        return content.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")


UNSTORABLE_TEXT = "Text may not hold a NUL character (\\u0000) or a lone surrogate."


def unstorable_text_at(data) -> list | None:
    """The path to the first string (or key) no database column can hold, or None. JSON
    may spell both a NUL and a lone surrogate (\\ud800); PostgreSQL refuses the first and
    neither encodes to UTF-8. Walked without recursion: the document may be deep."""
    stack = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if not _storable(key):
                    # The parent: the key itself could not be written in the answer.
                    return list(path)
                stack.append(((*path, key), item))
        elif isinstance(value, list):
            stack.extend(((*path, str(index)), item) for index, item in enumerate(value))
        elif isinstance(value, str) and not _storable(value):
            return list(path)
    return None


def _storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing with a 400 what would otherwise be a 500 later: a body
    nested deeper than the decoder recurses (a few thousand brackets), and text no column
    can hold, named by its field as DRF names errors ({"topics": {"0": [...]}})."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - the document is nested too deeply.") from None
        path = unstorable_text_at(data)
        if path is not None:
            error: dict | list = [UNSTORABLE_TEXT]
            for key in reversed(path or ["non_field_errors"]):
                error = {key: error}
            raise ParseError(error)
        return data


class ContentNegotiation(DefaultContentNegotiation):
    """DRF's, with a `?format=` no renderer of the view has a 406 naming the formats there
    are (DRF answers 404, as if the records did not exist)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except Http404:
            asked = format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
            formats = ", ".join(sorted({renderer.format for renderer in renderers}))
            raise NotAcceptable(f"No format {asked!r} here; use one of: {formats}.") from None
