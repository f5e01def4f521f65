"""Keyset ("cursor") pagination over the chronological order, for the timeline and the API.

OFFSET makes the database read and discard every row before the page, so page 2,000 of a
million events costs 2,000 times page 1. A cursor instead carries the sort key of the last
event shown, and the next page starts right after it, through the chronological index (the
event's, or the driving country's): every page costs the same.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date

from events.dates import DatePrecision


class InvalidCursor(ValueError):
    """A cursor that was not made by encode_cursor, or for the other order."""


@dataclass(frozen=True)
class Cursor:
    """The sort key of the last event of a page, and which order the page was read in."""

    key: tuple
    newest_first: bool

    @classmethod
    def after(cls, event, newest_first: bool) -> "Cursor":
        return cls(event.sort_key, newest_first)

    def encode(self) -> str:
        start, precision, end, title, pk = self.key
        raw = json.dumps(
            [int(self.newest_first), start.isoformat(), precision, end.isoformat(), title, pk],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> "Cursor":
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            newest, start, precision, end, title, pk = json.loads(raw)
            if not (isinstance(precision, int) and isinstance(pk, int)):
                raise TypeError("precision and pk are integers")
            # Bounded to what the columns hold: anything else would fail in the database.
            if precision not in DatePrecision.values or not 0 < pk < 2**63:
                raise ValueError("precision or key out of range")
            if not isinstance(title, str) or "\x00" in title or newest not in (0, 1):
                raise TypeError("title is text and the order a flag")
            key = (date.fromisoformat(start), precision, date.fromisoformat(end), title, pk)
        except (binascii.Error, UnicodeDecodeError, ValueError, TypeError) as error:
            raise InvalidCursor(str(error)) from None
        return cls(key, bool(newest))


@dataclass
class KeysetPage:
    items: list
    next_cursor: str | None


def keyset_page(
    queryset, *, newest_first: bool, cursor: Cursor | None, size: int, read=list, key=None
) -> KeysetPage:
    """One page of `queryset` (an EventQuerySet, already in chronological or newest-first
    order) after `cursor`, and the cursor of the page after it when there is one. `read`
    turns the sliced queryset into items (model instances by default); `key` gives an
    item's sort key (Event.sort_key by default)."""
    if cursor is not None:
        if cursor.newest_first != newest_first:
            raise InvalidCursor("the cursor was made for the other order")
        queryset = queryset.after(cursor.key, newest_first)
    # One row more than the page says whether another page follows, without a COUNT.
    rows = read(queryset[: size + 1])
    items = rows[:size]
    if len(rows) <= size:
        return KeysetPage(items, None)
    last = key(items[-1]) if key else items[-1].sort_key
    return KeysetPage(items, Cursor(last, newest_first).encode())
