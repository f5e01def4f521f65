"""The cursor of keyset pages (events.api.pagination.KeysetPagination): the sort key of
the last event of a page, and the order it was read in, as opaque URL-safe text."""

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

    def encode(self) -> str:
        # An event's key; a participant's adds its own key (a row of the event).
        start, precision, end, title, pk, *row = self.key
        raw = json.dumps(
            [
                int(self.newest_first),
                start.isoformat(),
                precision,
                end.isoformat(),
                title,
                pk,
                *row,
            ],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> "Cursor":
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            newest, start, precision, end, title, pk, *row = json.loads(raw)
            # bool is an int to Python, not to PostgreSQL (integer = boolean fails there).
            numbers = (precision, pk, *row)
            if len(row) > 1 or not all(
                isinstance(n, int) and not isinstance(n, bool) for n in numbers
            ):
                raise TypeError("precision and keys are integers")
            # Bounded to what the columns hold: anything else would fail in the database.
            if precision not in DatePrecision.values or not all(0 < n < 2**63 for n in (pk, *row)):
                raise ValueError("precision or key out of range")
            if not isinstance(title, str) or "\x00" in title or newest not in (0, 1):
                raise TypeError("title is text and the order a flag")
            # JSON may spell a lone surrogate (\ud800), which no database can encode.
            title.encode("utf-8")
            key = (date.fromisoformat(start), precision, date.fromisoformat(end), title, pk, *row)
        except (binascii.Error, UnicodeDecodeError, ValueError, TypeError, RecursionError) as error:
            raise InvalidCursor(str(error)) from None
        return cls(key, bool(newest))
