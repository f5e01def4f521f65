"""Pages of results: by page number with a total count, or by keyset ("cursor"), the one
keyset paginator the API and the timeline share.

OFFSET makes the database read and discard every row before the page, so page 2,000 of a
million events costs 2,000 times page 1. A cursor instead carries the sort key of the last
event shown, and the next page starts right after it, through the chronological index
(the event's, or the driving country's): every page costs the same, and no COUNT is made.
"""

from django.conf import settings
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from events.keyset import Cursor, InvalidCursor
from events.selectors import event_total

PAGE_SIZE_HELP = "Results per page: 1 to {most} (default {default})."


def page_size_of(params, default: int, most: int, name: str = "page_size") -> int:
    """The page size a client asks for; out of range is a 400 naming the parameter, not a
    silently different page."""
    raw = params.get(name)
    if raw is None:
        return default
    size = int(raw) if raw.isascii() and raw.isdigit() else 0
    if not 1 <= size <= most:
        raise ValidationError({name: [f"Must be a whole number from 1 to {most}."]})
    return size


class BoundedPageNumberPagination(PageNumberPagination):
    """`?page=N&page_size=M`, M from 1 to API_MAX_PAGE_SIZE (default 50)."""

    page_size_query_param = "page_size"

    @property
    def max_page_size(self):
        return settings.API_MAX_PAGE_SIZE

    @property
    def page_size_query_description(self):
        return PAGE_SIZE_HELP.format(most=self.max_page_size, default=self.page_size)

    def get_page_size(self, request):
        return page_size_of(request.query_params, self.page_size, self.max_page_size)

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["required"] = ["count", "results"]
        return response


class KeysetPagination(BasePagination):
    """`?cursor=` (empty for the first page, then the `next` link's value): the next page
    starts after the last event's sort key, in the order asked for (`ordering`).

    The page is read by `read(queryset)` (the view's reader, which also gives each event's
    sort key in `keys`), so that the API and the timeline read it their own way."""

    cursor_query_param = "cursor"
    page_size = 50
    page_size_query_param = "page_size"

    @property
    def max_page_size(self):
        return settings.API_MAX_PAGE_SIZE

    def paginate(self, queryset, params, reader, *, base_url: str | None = None) -> list:
        """One page of `queryset` (an EventQuerySet in the order `params` ask for), read
        by `reader` (an EventReader or anything with read() and keys)."""
        self.newest_first = params.get("ordering") != "date"
        self.size = page_size_of(params, self.page_size, self.max_page_size)
        self.base_url = base_url
        raw = params.get(self.cursor_query_param) or ""
        self.paged = bool(raw)
        if raw:
            try:
                cursor = Cursor.decode(raw)
                if cursor.newest_first != self.newest_first:
                    raise InvalidCursor("made for the other order")
                # An event's cursor on the participants' list, or the other way round.
                if len(cursor.key) != getattr(reader, "key_length", 5):
                    raise InvalidCursor("made for another list")
            except InvalidCursor:
                raise ValidationError(
                    {"cursor": ["Not a cursor of this list; start again with cursor= ."]}
                ) from None
            queryset = queryset.after(cursor.key, self.newest_first)
        # One row more than the page says whether a next page exists.
        items = reader.read(queryset[: self.size + 1])
        keys = reader.keys
        self.next_cursor = None
        if len(items) > self.size:
            items = items[: self.size]
            self.next_cursor = Cursor(keys[self.size - 1], self.newest_first).encode()
        return items

    def paginate_queryset(self, queryset, request, view=None):
        return self.paginate(
            queryset, request.query_params, view.reader(), base_url=request.build_absolute_uri()
        )

    def get_next_link(self) -> str | None:
        if self.next_cursor is None or self.base_url is None:
            return None
        return replace_query_param(self.base_url, self.cursor_query_param, self.next_cursor)

    def get_paginated_response(self, data):
        return Response({"next": self.get_next_link(), "results": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }


class EventPagination(BasePagination):
    """Events by page number (with a total count) or, given `cursor`, by keyset."""

    def __init__(self):
        self.pages = BoundedPageNumberPagination()
        self.keyset = KeysetPagination()
        self.mode = self.pages

    def paginate_queryset(self, queryset, request, view=None):
        if KeysetPagination.cursor_query_param in request.query_params:
            self.mode = self.keyset
            return self.keyset.paginate_queryset(queryset, request, view)
        self.mode = self.pages
        return self._numbered_page(queryset, request, view)

    def _numbered_page(self, queryset, request, view):
        pages = self.pages
        size = pages.get_page_size(request)
        number = request.query_params.get(pages.page_query_param) or "1"
        if not (number.isascii() and number.isdigit()) or int(number) < 1:
            raise ValidationError({"page": ["A whole number from 1."]})
        number = int(number)
        filterset = getattr(view, "filterset", None)
        count = event_total(queryset, filterset.form.cleaned_data if filterset else None)
        last = max(1, -(-count // size))
        if number > last:
            raise NotFound(f"There are {last} pages of {size}.")
        self.count, self.number, self.last, self.request = count, number, last, request
        offset = (number - 1) * size
        return view.reader().read(queryset[offset : offset + size])

    def get_paginated_response(self, data):
        if self.mode is self.keyset:
            return self.keyset.get_paginated_response(data)
        url = self.request.build_absolute_uri()
        return Response(
            {
                "count": self.count,
                "next": replace_query_param(url, "page", self.number + 1)
                if self.number < self.last
                else None,
                "previous": replace_query_param(url, "page", self.number - 1)
                if self.number > 1
                else None,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        # count and previous come with page numbers only, not with cursors.
        response = self.pages.get_paginated_response_schema(schema)
        response["required"] = ["next", "results"]
        return response

    def get_schema_operation_parameters(self, view):
        size = PAGE_SIZE_HELP.format(most=settings.API_MAX_PAGE_SIZE, default=50)
        return [
            {
                "name": "page",
                "required": False,
                "in": "query",
                "description": "Page number (with a total count), from 1.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": "page_size",
                "required": False,
                "in": "query",
                "description": size,
                "schema": {"type": "integer", "minimum": 1, "maximum": settings.API_MAX_PAGE_SIZE},
            },
            {
                "name": "cursor",
                "required": False,
                "in": "query",
                "description": "Keyset paging: empty for the first page, then the `next` "
                "link's value. Constant cost at any depth; no total count.",
                "schema": {"type": "string"},
            },
        ]
