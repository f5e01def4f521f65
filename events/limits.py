"""How much one record may hold, so that one write cannot inflate every page that shows it
or occupy a worker for minutes (a 2 MB summary, 40,000 participants in one POST). The model
fields carry the text bounds (admin, API, importer and extraction all save through the
services' full_clean); the API's serializers carry the list bounds, which they check before
reading a single item.

Generous for real records: a long feature article is some 60,000 characters; a UN General
Assembly debate has under 200 delegations."""

from django.core.validators import MaxLengthValidator

SUMMARY_CHARS = 10_000  # an event's or an agreement's summary, a topic's description
SOURCE_TEXT_CHARS = 300_000  # a source's full text, kept for extraction and search
EXCERPT_CHARS = 5_000  # the passage of a source that reports an event
QUOTE_CHARS = 10_000  # a statement's text

PARTICIPANTS = 500  # per event
COUNTRIES = 300  # per event (there are under 260 country records)
TOPICS = 50  # per event
CITATIONS = 100  # sources per event
NAMES = 100  # other names (aliases) of one country or official
PARTIES = 300  # per agreement
STATUS_CHANGES = 100  # per agreement


def text_bound(chars: int) -> MaxLengthValidator:
    return MaxLengthValidator(chars)
