"""One import row, read and checked into a plain value (EventRow) or refused with every
reason found. No query: what rows refer to comes from the Registry."""

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from events.dates import DatePrecision, DateQualifier, FuzzyDateError, check_consistency
from events.dates import parse_fuzzy_date as parse_date_text
from events.event_types import EventType
from events.models import Event, Participant
from importing.columns import COLUMNS, INDEX
from importing.resolve import Ambiguous, Registry, name_key

# Field sizes, read from the models so a migration that changes one changes the check.
TITLE_MAX = Event._meta.get_field("title").max_length
LOCATION_MAX = Event._meta.get_field("location").max_length
EXTERNAL_ID_MAX = Event._meta.get_field("external_id").max_length
NAME_MAX = 200  # Official.name and Organization.name
HEADLINE_MAX = 400  # Source.headline
URL_MAX = 500  # Source.url
COORDINATE_PLACES = Decimal("0.00001")  # Event.latitude/longitude: 5 decimal places

# Lists, not sets: messages name the choices in their documented order.
TYPES = EventType.values
STATUSES = Event.Status.values
ROLES = Participant.Role.values
QUALIFIERS = DateQualifier.values
TYPE_SET, STATUS_SET, ROLE_SET = frozenset(TYPES), frozenset(STATUSES), frozenset(ROLES)
# How many distinct date strings to remember: feeds repeat a few thousand days.
DATE_CACHE_SIZE = 100_000
DAY = int(DatePrecision.DAY)
EXACT = str(DateQualifier.EXACT)
_SPACE = re.compile(r"\s")

(
    EXTERNAL_ID,
    DATE,
    DATE_START,
    DATE_END,
    DATE_PRECISION,
    DATE_QUALIFIER,
    TYPE,
    TITLE,
    STATUS,
    COUNTRIES,
    PARTICIPANTS,
    LOCATION,
    LOCATION_COUNTRY,
    LATITUDE,
    LONGITUDE,
    SUMMARY,
    TOPICS,
    SOURCE_URL,
    SOURCE_HEADLINE,
    SOURCE_PUBLISHED,
    EXCERPT,
) = range(len(COLUMNS))


class RowErrors(Exception):
    """The reasons a row cannot be imported, as (column, reason) pairs."""

    def __init__(self, errors: list[tuple[str, str]]):
        super().__init__(errors)
        self.errors = errors


@dataclass(slots=True)
class ParticipantValue:
    """Who takes part: an existing official or organization by id, one to create by
    name (official_id/organization_id None), or a country alone."""

    kind: str  # "official", "organization" or "country"
    role: str
    country_id: int | None
    official_id: int | None = None
    organization_id: int | None = None
    name: str = ""  # as written, for a record to create


@dataclass(slots=True)
class EventRow:
    line: int
    key: str  # stored as external_id: the row's own id, or "key:" + hash
    date_start: date
    date_end: date
    date_precision: int
    date_qualifier: str
    type: str
    title: str
    status: str
    summary: str
    location: str
    location_country_id: int | None
    latitude: Decimal | None
    longitude: Decimal | None
    country_ids: tuple
    participants: tuple
    topic_ids: tuple
    source_url: str
    source_headline: str
    source_published: datetime | None
    excerpt: str


def natural_key(source_url: str, start: date, end: date, title: str) -> str:
    """The key of a row without an external id: what says "the same report"."""
    text = "\x1f".join((source_url, start.isoformat(), end.isoformat(), title))
    return "key:" + hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


class Validator:
    """Checks rows (tuples in COLUMNS order) against the registry."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._dates: dict[str, tuple | str] = {}
        self._valid_urls: set[str] = set()

    def validate(self, values: tuple, line: int) -> EventRow:
        """The row as an EventRow, or RowErrors naming every column at fault."""
        errors: list[tuple[str, str]] = []
        registry = self.registry
        if "\x00" in "".join(values):
            # PostgreSQL text cannot hold it: refused here, by column, not by the database.
            raise RowErrors(
                [
                    (name, "contains a NUL character")
                    for name, v in zip(COLUMNS, values, strict=True)
                    if "\x00" in v
                ]
            )

        external_id = values[EXTERNAL_ID].strip()
        if len(external_id) > EXTERNAL_ID_MAX:
            errors.append(("external_id", f"longer than {EXTERNAL_ID_MAX} characters"))

        when = self._date(values, errors)

        kind = values[TYPE].strip().lower()
        if kind not in TYPE_SET:
            errors.append(("type", f"{values[TYPE]!r} is not an event type ({', '.join(TYPES)})"))

        title = " ".join(values[TITLE].split())
        if not title:
            errors.append(("title", "empty"))
        elif len(title) > TITLE_MAX:
            errors.append(("title", f"longer than {TITLE_MAX} characters"))

        status = values[STATUS].strip().lower() or Event.Status.HELD
        if status not in STATUS_SET:
            errors.append(("status", f"{values[STATUS]!r} is not one of {', '.join(STATUSES)}"))

        country_ids = []
        for code in values[COUNTRIES].split(";"):
            if code.strip():
                country_id = registry.country(code)
                if country_id is None:
                    errors.append(("countries", f"unknown country code {code.strip()!r}"))
                elif country_id not in country_ids:
                    country_ids.append(country_id)

        participants = self._participants(values[PARTICIPANTS], errors)

        location = values[LOCATION].strip()
        if len(location) > LOCATION_MAX:
            errors.append(("location", f"longer than {LOCATION_MAX} characters"))
        location_country_id = None
        if values[LOCATION_COUNTRY].strip():
            location_country_id = registry.country(values[LOCATION_COUNTRY])
            if location_country_id is None:
                errors.append(
                    ("location_country", f"unknown country code {values[LOCATION_COUNTRY]!r}")
                )
        latitude_text, longitude_text = values[LATITUDE].strip(), values[LONGITUDE].strip()
        if bool(latitude_text) != bool(longitude_text):
            missing = "latitude" if longitude_text else "longitude"
            errors.append((missing, "give both latitude and longitude, or neither"))
        latitude = _coordinate(latitude_text, 90, "latitude", errors)
        longitude = _coordinate(longitude_text, 180, "longitude", errors)

        topic_ids = []
        for slug in values[TOPICS].split(";"):
            slug = slug.strip()
            if slug:
                topic_id = registry.topics.get(slug)
                if topic_id is None:
                    errors.append(("topics", f"no topic has the slug {slug!r}"))
                elif topic_id not in topic_ids:
                    topic_ids.append(topic_id)

        source_url = values[SOURCE_URL].strip()
        headline = " ".join(values[SOURCE_HEADLINE].split())
        published = None
        if source_url:
            self._url(source_url, errors)
            if len(headline) > HEADLINE_MAX:
                errors.append(("source_headline", f"longer than {HEADLINE_MAX} characters"))
            if values[SOURCE_PUBLISHED].strip():
                published = _published(values[SOURCE_PUBLISHED].strip(), errors)
        else:
            for column in ("source_headline", "source_published", "excerpt"):
                if values[INDEX[column]].strip():
                    errors.append((column, "needs a source_url"))

        if errors:
            raise RowErrors(errors)
        start, end, precision, qualifier = when
        return EventRow(
            line=line,
            key=external_id or natural_key(source_url, start, end, title),
            date_start=start,
            date_end=end,
            date_precision=precision,
            date_qualifier=qualifier,
            type=kind,
            title=title,
            status=status,
            summary=values[SUMMARY].strip(),
            location=location,
            location_country_id=location_country_id,
            latitude=latitude,
            longitude=longitude,
            country_ids=tuple(country_ids),
            participants=tuple(participants),
            topic_ids=tuple(topic_ids),
            source_url=source_url,
            source_headline=headline,
            source_published=published,
            excerpt=values[EXCERPT].strip(),
        )

    # Dates ----------------------------------------------------------------------------

    def _date(self, values: tuple, errors: list) -> tuple | None:
        text = values[DATE].strip()
        if text:
            if any(values[i].strip() for i in (DATE_START, DATE_END, DATE_PRECISION)):
                errors.append(("date", "give date or date_start/date_end/date_precision"))
                return None
            when = self._dates.get(text)
            if when is None:
                when = self._parse(text)
            if isinstance(when, str):
                errors.append(("date", when))
                return None
            return when
        if not values[DATE_START].strip():
            errors.append(("date", "empty"))
            return None
        return _date_parts(values, errors)

    def _parse(self, text: str) -> tuple | str:
        try:
            if len(text) == 10 and text[4] == "-" == text[7]:
                # The commonest form, a plain ISO day, without the general grammar.
                day = date.fromisoformat(text)
                when = (day, day, DAY, EXACT)
            else:
                fuzzy = parse_date_text(text)
                when = (fuzzy.start, fuzzy.end, int(fuzzy.precision), str(fuzzy.qualifier))
        except FuzzyDateError as error:
            when = error.message
        except ValueError:
            # Not an ISO day after all ("2024-13-01"): the grammar says why.
            try:
                fuzzy = parse_date_text(text)
                when = (fuzzy.start, fuzzy.end, int(fuzzy.precision), str(fuzzy.qualifier))
            except FuzzyDateError as error:
                when = error.message
        if len(self._dates) >= DATE_CACHE_SIZE:
            self._dates.clear()
        self._dates[text] = when
        return when

    # Participants ---------------------------------------------------------------------

    def _participants(self, text: str, errors: list) -> list[ParticipantValue]:
        registry = self.registry
        found, seen = [], set()
        for item in text.split(";"):
            if not item.strip():
                continue
            name, _, rest = item.partition("|")
            role, _, code = rest.partition("|")
            name, role, code = " ".join(name.split()), role.strip().lower(), code.strip()
            role = role or Participant.Role.PARTICIPANT
            if role not in ROLE_SET:
                errors.append(("participants", f"{role!r} is not a role ({', '.join(ROLES)})"))
                continue
            country_id = None
            if code:
                country_id = registry.country(code)
                if country_id is None:
                    errors.append(("participants", f"unknown country code {code!r}"))
                    continue
            try:
                participant, identity = self._participant(name, role, country_id)
            except (Ambiguous, ValueError) as error:
                errors.append(("participants", str(error)))
                continue
            if identity in seen:
                errors.append(("participants", f"{item.strip()!r} is named twice in this role"))
                continue
            seen.add(identity)
            found.append(participant)
        return found

    def _participant(self, name: str, role: str, country_id: int | None) -> tuple:
        """The participant, and what makes two of an event's participants the same (the
        database's unique constraints: who, in which role)."""
        registry = self.registry
        if name[:4].lower() == "org:":
            name = name[4:].strip()
            if not name:
                raise ValueError("'org:' needs an organization's name")
            if len(name) > NAME_MAX:
                raise ValueError(f"organization name longer than {NAME_MAX} characters")
            key = name_key(name)
            found = registry.organization(name, country_id, key)
            participant = ParticipantValue(
                "organization", role, country_id, organization_id=found, name=name
            )
            return participant, ("organization", found or (key, country_id), role)
        if not name:
            if country_id is None:
                raise ValueError("a participant needs a name or a country code")
            return ParticipantValue("country", role, country_id), ("country", country_id, role)
        if len(name) > NAME_MAX:
            raise ValueError(f"official's name longer than {NAME_MAX} characters")
        key = name_key(name)
        found = registry.official(name, country_id, key)
        participant = ParticipantValue("official", role, country_id, official_id=found, name=name)
        return participant, ("official", found or key, role)

    # Sources --------------------------------------------------------------------------

    def _url(self, url: str, errors: list):
        if url in self._valid_urls or url in self.registry.source_ids:
            return
        if len(url) > URL_MAX:
            errors.append(("source_url", f"longer than {URL_MAX} characters"))
            return
        # A light check (Django's URLValidator costs 100 µs a URL): http(s), a host, no
        # spaces.
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or _SPACE.search(url):
            errors.append(("source_url", f"{url!r} is not an http(s) URL"))
            return
        if len(self._valid_urls) >= DATE_CACHE_SIZE:
            self._valid_urls.clear()
        self._valid_urls.add(url)


def _date_parts(values: tuple, errors: list) -> tuple | None:
    before = len(errors)
    start = _iso_date(values[DATE_START], "date_start", errors)
    end_text = values[DATE_END].strip()
    try:
        precision = DatePrecision.from_slug(values[DATE_PRECISION] or "")
    except FuzzyDateError as error:
        errors.append(("date_precision", error.message))
        precision = None
    if end_text:
        end = _iso_date(end_text, "date_end", errors)
    elif precision == DatePrecision.DAY:
        end = start
    else:
        errors.append(("date_end", "required unless the precision is day"))
        end = None
    qualifier = values[DATE_QUALIFIER].strip().lower() or DateQualifier.EXACT
    if qualifier not in QUALIFIERS:
        errors.append(("date_qualifier", f"{qualifier!r} is not one of {', '.join(QUALIFIERS)}"))
    if len(errors) > before:
        return None
    try:
        check_consistency(start, end, precision)
    except FuzzyDateError as error:
        errors.append((f"date_{error.field}" if error.field != "text" else "date", error.message))
        return None
    return start, end, int(precision), str(qualifier)


def _iso_date(text: str, column: str, errors: list) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        errors.append((column, f"{text.strip()!r} is not a date (YYYY-MM-DD)"))
        return None


def _coordinate(text: str, limit: int, column: str, errors: list) -> Decimal | None:
    text = text.strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        errors.append((column, f"{text!r} is not a number"))
        return None
    if not value.is_finite() or not -limit <= value <= limit:
        errors.append((column, f"{text} is out of range (-{limit} to {limit})"))
        return None
    return value.quantize(COORDINATE_PLACES, rounding=ROUND_HALF_EVEN)


def _published(text: str, errors: list) -> datetime | None:
    try:
        moment = parse_datetime(text)
        if moment is None:
            day = parse_date(text)
            if day is not None:
                moment = datetime(day.year, day.month, day.day)
    except ValueError:
        moment = None
    if moment is None:
        errors.append(("source_published", f"{text!r} is not a date or ISO 8601 time"))
        return None
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=UTC)
