"""What editors hand the extractor, checked once for the command, the admin and the API:
the same refusal, with the same message, whichever door the text came through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

# A long feature runs to 10,000 words (some 60,000 characters); a paste past the limit is a
# whole page or several articles, and extraction time grows with it.
MAX_TEXT_CHARS = 100_000


class ExtractionInputError(ValueError):
    """Input the extractor cannot work on. `field` names the part at fault ("text" or
    "published"), so a form or an API can attach the message to it."""

    def __init__(self, message: str, field: str = "text"):
        super().__init__(message)
        self.message = message
        self.field = field


class NoEventsFound(ExtractionInputError):
    """The text was read, but no sentence in it names a date and an event."""


@dataclass(frozen=True)
class ExtractionInput:
    text: str
    published: date


def clean_text(text) -> str:
    """The article's text, or ExtractionInputError when it is missing, empty or too long."""
    if text is None:
        raise ExtractionInputError("Give the article's text.")
    if not isinstance(text, str):
        raise ExtractionInputError("The text must be a string.")
    if len(text) > MAX_TEXT_CHARS:
        raise ExtractionInputError(
            f"The text is longer than {MAX_TEXT_CHARS:,} characters (about 15,000 words): "
            "paste one article at a time."
        )
    if not text.strip():
        raise ExtractionInputError("The text is empty: paste the article's text.")
    return text


def parse_published(value) -> date:
    """The publication date from a date, a datetime or ISO text ("2024-10-27",
    "2024-10-27T04:15:00+02:00"). One rule whichever way it comes: a moment with a time zone
    is dated in the project's TIME_ZONE (a source's published time from admin, an offset
    given to the API or command alike); a plain date or a naive time is taken as given."""
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        return value
    example = "such as 2024-10-27"
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ExtractionInputError(
            f"Give the publication date as YYYY-MM-DD, {example}.", "published"
        )
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            return parse_published(moment)
    raise ExtractionInputError(
        f"Could not read the publication date {value!r}; write it as YYYY-MM-DD, {example}.",
        "published",
    )


def clean_input(text, published) -> ExtractionInput:
    """Check the text and read the publication date; raise ExtractionInputError with a
    message for the editor when either is unusable. Nothing is read from the database."""
    return ExtractionInput(clean_text(text), parse_published(published))
