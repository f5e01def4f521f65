"""Pages of results with a size the client picks, within bounds."""

from dataclasses import dataclass

from django.conf import settings
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from events import data_version
from events.filters import EventFilter
from events.keyset import Cursor, InvalidCursor


class BoundedPageNumberPagination(PageNumberPagination):
    """`?page=N&page_size=M`, M from 1 to API_MAX_PAGE_SIZE (default 50). An out-of-range
    page_size is a 400 naming the parameter, not a silently different page."""

    page_size_query_param = "page_size"
    page_size_query_description = "Results per page: 1 to 500 (default 50)."

    @property
    def max_page_size(self):
        return settings.API_MAX_PAGE_SIZE

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {"page_size": [f"Must be a whole number from 1 to {self.max_page_size}."]}
            )
        return size

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["required"] = ["count", "results"]
        return response


@dataclass
class EventPage:
    queryset: object  # the page's events, sliced, not yet read
    number: int | None = None  # page mode
    count: int | None = None
    cursor: Cursor | None = None  # cursor mode
    size: int = 0
    newest_first: bool = True


class EventPagination(BoundedPageNumberPagination):
    """Events by page number (with a total count) or, given `cursor`, by keyset: the next
    page starts after the last event's sort key, so every page costs the same and no
    COUNT is made. The page is sliced here and read by events.api.reading."""

    cursor_query_param = "cursor"

    def page_of(self, events, request) -> EventPage:
        size = self.get_page_size(request)
        self.request = request
        if self.cursor_query_param in request.query_params:
            newest_first = request.query_params.get("ordering") != "date"
            raw = request.query_params[self.cursor_query_param]
            cursor = None
            if raw:
                try:
                    cursor = Cursor.decode(raw)
                    if cursor.newest_first != newest_first:
                        raise InvalidCursor("made for the other order")
                except InvalidCursor:
                    raise ValidationError(
                        {"cursor": ["Not a cursor of this list; start again with cursor= ."]}
                    ) from None
                events = events.after(cursor.key, newest_first)
            # One row more than the page says whether a next page exists.
            return EventPage(
                events[: size + 1], cursor=cursor, size=size, newest_first=newest_first
            )
        number = request.query_params.get(self.page_query_param) or "1"
        if not number.isdigit() or int(number) < 1:
            raise ValidationError({"page": ["A whole number from 1."]})
        number = int(number)
        # A count scans every matching event (a million unfiltered): kept while the data
        # is unchanged, for the next pages and the next readers of the same filters.
        count = data_version.cached(
            "api:events:count", EventFilter.key(request.query_params), events.count
        )
        last = max(1, -(-count // size))
        if number > last:
            raise NotFound(f"There are {last} pages of {size}.")
        offset = (number - 1) * size
        return EventPage(events[offset : offset + size], number=number, count=count, size=size)

    def response(self, rows: list[dict], page: EventPage, reader) -> Response:
        if page.number is None:
            more = len(rows) > page.size
            rows = rows[: page.size]
            next_link = None
            if more:
                last = Cursor(reader.keys[page.size - 1], page.newest_first)
                next_link = replace_query_param(
                    self.request.build_absolute_uri(), self.cursor_query_param, last.encode()
                )
            return Response({"next": next_link, "results": rows})
        url = self.request.build_absolute_uri()
        last = max(1, -(-page.count // page.size))
        return Response(
            {
                "count": page.count,
                "next": replace_query_param(url, self.page_query_param, page.number + 1)
                if page.number < last
                else None,
                "previous": replace_query_param(url, self.page_query_param, page.number - 1)
                if page.number > 1
                else None,
                "results": rows,
            }
        )

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        # count and previous come with page numbers only, not with cursors.
        response["required"] = ["next", "results"]
        return response
