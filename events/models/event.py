"""Events, who took part, the countries involved, topics, and how events relate."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models
from django.db.models import (
    Exists,
    F,
    FilteredRelation,
    Func,
    OuterRef,
    Q,
    Value,
)
from django.db.models.expressions import RawSQL
from django.urls import reverse

from events.event_types import Coding, EventType, coding_for
from events.limits import SUMMARY_CHARS, text_bound
from events.models.base import DomainModel, PublicIdQuerySet, history
from events.models.fuzzy import FuzzyDated
from events.models.people import Official, Organization, Post
from events.models.places import Country


class TopicQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Topic(models.Model):
    """What an event is about: defense industry, trade, reconstruction, energy, ..."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True, validators=[text_bound(SUMMARY_CHARS)])

    objects = TopicQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


# The chronological sort key (DOMAIN.md): by start; at equal starts the more precise first,
# then by end and title. The event's key breaks the last ties, so pages never overlap.
SORT_FIELDS = ("date_start", "date_precision", "date_end", "title")


class RowComparison(Func):
    """`(a, b, c) < (x, y, z)`: compares sort keys as a whole, which lets the database seek
    an index straight to a cursor instead of filtering the rows before it."""

    output_field = models.BooleanField()

    def __init__(self, columns, values, operator):
        self.width, self.operator = len(columns), operator
        super().__init__(*[F(c) for c in columns], *[Value(v) for v in values])

    def as_sql(self, compiler, connection, **extra_context):
        parts, params = [], []
        for expression in self.get_source_expressions():
            sql, expression_params = compiler.compile(expression)
            parts.append(sql)
            params.extend(expression_params)
        left, right = ", ".join(parts[: self.width]), ", ".join(parts[self.width :])
        return f"({left}) {self.operator} ({right})", params


class EventQuerySet(PublicIdQuerySet):
    # Where the sort key is read from: the event's own columns, or, once a country filter
    # drives the query, that country's link row ("lead"), whose index holds the same key.
    _sort_via = ""
    # The date range the driving country's join already tests (start, end).
    _lead_range = (None, None)

    def _clone(self):
        clone = super()._clone()
        clone._sort_via, clone._lead_range = self._sort_via, self._lead_range
        return clone

    def _sort_columns(self) -> list[str]:
        via = self._sort_via
        return [f"{via}{name}" for name in SORT_FIELDS] + [f"{via}event_id" if via else "pk"]

    def chronological(self):
        """Oldest first, in the DOMAIN.md order (SORT_FIELDS, then the key)."""
        return self.order_by(*self._sort_columns())

    def newest_first(self):
        return self.order_by(*(f"-{column}" for column in self._sort_columns()))

    def after(self, key: tuple, newest_first: bool):
        """The events that come after sort key `key` (an event's `sort_key`) in the order
        given: keyset pagination."""
        operator = "<" if newest_first else ">"
        return self.filter(RowComparison(self._sort_columns(), key, operator))

    def by_update(self, latest_first: bool):
        """In the order events last changed (updated_at, then the key): what a sync that
        resumes from the last change it saw reads in."""
        columns = ("updated_at", "pk")
        return self.order_by(*(f"-{c}" for c in columns) if latest_first else columns)

    def updated_after(self, key: tuple, latest_first: bool):
        """The events after `key` (updated_at, pk) in by_update's order."""
        operator = "<" if latest_first else ">"
        return self.filter(RowComparison(("updated_at", "pk"), key, operator))

    def overlapping(self, start=None, end=None):
        """Events whose fuzzy range shares a day with [start, end]; None leaves a side open.
        "Late Sep 2024" overlaps a filter from 25 Sep, and so does "2024". With countries,
        give the range to involving() as well: it then narrows the index scan of the first
        country's links, and the bounds it holds are not tested again here."""
        held_start, held_end = self._lead_range
        if start is not None and start != held_start:
            self = self.filter(date_end__gte=start)
        if end is not None and end != held_end:
            self = self.filter(date_start__lte=end)
        return self

    def involving(self, *countries, start=None, end=None):
        """Events that involve every one of `countries` (Country objects or keys). The
        first country drives the query: its link rows hold the sort key, so the range
        [start, end] (overlap, as overlapping()) and the order come from one index scan
        (see _sort_via); the other countries are checked per event."""
        if not countries:
            return self
        rest = countries
        if not self._sort_via:
            first, *rest = countries
            # One join, with every condition on it: a later filter() on the relation
            # would join the table again.
            condition = Q(event_countries__country=first)
            if start is not None:
                condition &= Q(event_countries__date_end__gte=start)
            if end is not None:
                condition &= Q(event_countries__date_start__lte=end)
            self = self.alias(lead=FilteredRelation("event_countries", condition=condition))
            self = self.filter(lead__country=first)
            self._sort_via = "lead__"
            self._lead_range = (start, end)
        for country in rest:
            links = EventCountry.objects.filter(event=OuterRef("pk"), country=country)
            self = self.filter(Exists(links))
        return self

    def search(self, text: str):
        """Events whose title, summary, place, participants or quotes match `text`: full-text
        search with English stemming, through the database's full-text index. On
        PostgreSQL, websearch syntax ("a b" -c); on SQLite (FTS5, see migration 0010),
        every word, each also as the start of a longer one ("Zelensk" finds "Zelenskyy")."""
        text = (text or "").strip()
        if not text:
            return self
        vendor = connections[self.db].vendor
        if vendor == "postgresql":
            return self.filter(search_text__search_english=text)
        if vendor == "sqlite":
            # Each word a quoted string (FTS5 syntax in it is text), as a prefix. A word
            # of punctuation alone has nothing to match; as on PostgreSQL, it is dropped.
            words = [word for word in text.split() if any(ch.isalnum() for ch in word)]
            if not words:
                return self.none()
            query = " ".join('"{}"*'.format(word.replace('"', '""')) for word in words)
            matching = RawSQL(
                "SELECT rowid FROM events_event_fts WHERE events_event_fts MATCH %s", [query]
            )
            return self.filter(pk__in=matching)
        for word in text.split():
            self = self.filter(search_text__icontains=word)
        return self


class Event(FuzzyDated, DomainModel):
    """Something that happened, or is announced to happen, on a date between parties."""

    class Status(models.TextChoices):
        HELD = "held", "took place"
        PLANNED = "planned", "announced or planned"
        CANCELLED = "cancelled", "cancelled"

    title = models.CharField(max_length=300)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        blank=True,
        help_text="Readable permalink, made from the date and title when the event is saved.",
    )
    type = models.CharField(max_length=20, choices=EventType.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.HELD)
    summary = models.TextField(blank=True, validators=[text_bound(SUMMARY_CHARS)])
    location = models.CharField(
        max_length=200, blank=True, help_text="Place as the source names it: Kyiv, Moscow."
    )
    location_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events_located",
    )
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="events")
    countries = models.ManyToManyField(
        Country,
        through="EventCountry",
        blank=True,
        related_name="events",
        help_text="Every country involved: those editors name and the participants'.",
    )
    external_id = models.CharField(
        max_length=100,
        blank=True,
        help_text="Identifier in the data set it was imported from (ACLED, GDELT, ...).",
    )
    search_text = models.TextField(
        blank=True,
        editable=False,
        help_text="Title, summary, place, participants' names and spellings, and quotes, "
        "kept up to date for text search.",
    )

    objects = EventQuerySet.as_manager()
    # search_text is derived: history keeps what editors wrote.
    history = history("location_country", m2m_fields=[topics], excluded_fields=["search_text"])

    class Meta(FuzzyDated.Meta):
        ordering = ["date_start", "date_precision", "date_end", "title", "pk"]
        indexes = [
            models.Index(
                fields=["date_start", "date_precision", "date_end", "title", "id"],
                name="event_chronological",
            ),
            models.Index(fields=["type", "date_start"], name="event_type_date"),
            # The map counts located events per place: this holds only theirs, so the
            # count reads it rather than every event.
            models.Index(
                fields=["latitude", "longitude", "location"],
                condition=Q(latitude__isnull=False),
                name="event_located",
            ),
        ]
        constraints = [
            *FuzzyDated.Meta.constraints,
            models.UniqueConstraint(
                fields=["external_id"],
                condition=~Q(external_id=""),
                name="event_external_id_unique",
            ),
            models.CheckConstraint(
                # Both IS NOT NULL tests are needed: a comparison with NULL would pass a CHECK.
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="event_coordinates_pair_in_range",
                violation_error_message="Give both latitude and longitude, within range.",
            ),
        ]

    def __str__(self):
        return f"{self.date_label}: {self.title}"

    def get_absolute_url(self):
        # The readable URL; the timeline also answers to the public id.
        return reverse("timeline:event", args=[self.slug or self.public_id])

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: "Give both latitude and longitude, or neither."})

    @property
    def sort_key(self) -> tuple:
        """This event's place in the chronological order (see SORT_FIELDS)."""
        return (*(getattr(self, name) for name in SORT_FIELDS), self.pk)

    @property
    def coding(self) -> Coding:
        return coding_for(
            self.type,
            planned=self.status == self.Status.PLANNED,
            cancelled=self.status == self.Status.CANCELLED,
        )


class EventCountryQuerySet(models.QuerySet):
    def get_by_natural_key(self, event_public_id, iso_alpha2):
        return self.get(event__public_id=event_public_id, country__iso_alpha2=iso_alpha2)


class EventCountry(models.Model):
    """A country involved in an event: the table that "events between India and Ukraine"
    queries run on.

    It repeats the event's sort key (dates, precision, title) so that "events of country X
    in a date range, newest first" is one range scan of the `eventcountry_chronological`
    index, at any size; events.derived keeps the copy in step."""

    # The link means nothing without the event; a country is reference data. No index of
    # their own: the unique (event, country) and the chronological index lead with them.
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="event_countries", db_index=False
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="event_links", db_index=False
    )
    date_start = models.DateField(editable=False)
    date_end = models.DateField(editable=False)
    date_precision = models.PositiveSmallIntegerField(editable=False)
    title = models.CharField(max_length=300, editable=False)
    chosen = models.BooleanField(
        default=True,
        help_text="An editor named this country; otherwise it is a participant's country and "
        "goes when no participant is of it any more.",
    )

    SORT_FIELDS = ("date_start", "date_end", "date_precision", "title")

    objects = EventCountryQuerySet.as_manager()
    history = history(excluded_fields=list(SORT_FIELDS))

    class Meta:
        verbose_name = "country involved"
        verbose_name_plural = "countries involved"
        constraints = [
            models.UniqueConstraint(fields=["event", "country"], name="eventcountry_unique"),
        ]
        indexes = [
            models.Index(
                fields=["country", "date_start", "date_precision", "date_end", "title", "event"],
                name="eventcountry_chronological",
            ),
        ]

    def __str__(self):
        return f"{self.country} in {self.event}"

    def natural_key(self):
        return (*self.event.natural_key(), *self.country.natural_key())

    natural_key.dependencies = ["events.event", "events.country"]


class ParticipantQuerySet(PublicIdQuerySet):
    """Participants in the order of their events (DOMAIN.md's chronological order, or
    newest first), each event's as entered: the order of /api/participants/ and its
    keyset pages. A participant's sort key is its event's, then its own key."""

    EVENT_COLUMNS = [f"event__{name}" for name in SORT_FIELDS] + ["event_id"]

    def of_events(self, events):
        """The participants of `events` (a filtered EventQuerySet)."""
        return self.filter(event__in=events.order_by().values("pk"))

    def chronological(self):
        return self.order_by(*self.EVENT_COLUMNS, "pk")

    def newest_first(self):
        return self.order_by(*(f"-{column}" for column in self.EVENT_COLUMNS), "pk")

    def after(self, key: tuple, newest_first: bool):
        """The participants after sort key `key` in the order given: the rest of that
        event's, then those of the events after it (keyset pagination)."""
        *event_key, pk = key
        later_events = RowComparison(self.EVENT_COLUMNS, event_key, "<" if newest_first else ">")
        return self.filter(Q(later_events) | Q(event_id=event_key[-1], pk__gt=pk))


class Participant(DomainModel):
    """An official, organization or country taking part in an event, in a role, with the post
    the official held that day."""

    class Role(models.TextChoices):
        HOST = "host", "host"
        VISITOR = "visitor", "visitor"
        HEAD_OF_DELEGATION = "head_of_delegation", "head of delegation"
        DELEGATE = "delegate", "delegate"
        SIGNATORY = "signatory", "signatory"
        MEDIATOR = "mediator", "mediator"
        SPEAKER = "speaker", "speaker"
        SUBJECT = "subject", "subject (the event is about them)"
        ACTOR = "actor", "actor (carried out an attack or sanction)"
        TARGET = "target", "target (of an attack or sanction)"
        PARTICIPANT = "participant", "participant"

    # Participants belong to their event; people, bodies and countries are kept.
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    # No index of its own: participant_official_event leads with it.
    official = models.ForeignKey(
        Official,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        db_index=False,
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        help_text="The body taking part, or that the official acts for.",
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        help_text="The country represented; filled from the post when left empty.",
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.PARTICIPANT)
    # A deleted post leaves the participation standing, without its title.
    post = models.ForeignKey(
        Post,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
        help_text="Post held on the event's date; filled from the official's tenures when "
        "left empty.",
    )
    post_chosen = models.BooleanField(
        default=False,
        db_default=False,
        editable=False,
        help_text="The editor chose the post; otherwise it follows the tenures and the date.",
    )
    note = models.CharField(max_length=300, blank=True)
    # Not indexed: participants are read through their event, never synced on their own.
    updated_at = models.DateTimeField(auto_now=True)

    objects = ParticipantQuerySet.as_manager()
    history = history("official", "organization", "country", "post")

    class Meta:
        ordering = ["event", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(official__isnull=False)
                | Q(organization__isnull=False)
                | Q(country__isnull=False),
                name="participant_names_someone",
                violation_error_message="Name an official, an organization or a country.",
            ),
            models.UniqueConstraint(
                fields=["event", "official", "role"],
                condition=Q(official__isnull=False),
                name="participant_unique_official_role",
                violation_error_message="This official already takes part in the event in "
                "this role.",
            ),
            models.UniqueConstraint(
                fields=["event", "organization", "role"],
                condition=Q(official__isnull=True, organization__isnull=False),
                name="participant_unique_organization_role",
                violation_error_message="This organization already takes part in the event "
                "in this role.",
            ),
            models.UniqueConstraint(
                fields=["event", "country", "role"],
                condition=Q(official__isnull=True, organization__isnull=True),
                name="participant_unique_country_role",
                violation_error_message="This country already takes part in the event in "
                "this role.",
            ),
        ]
        indexes = [models.Index(fields=["official", "event"], name="participant_official_event")]

    def __str__(self):
        who = self.official or self.organization or self.country
        return f"{who} ({self.get_role_display()})"

    @property
    def display_name(self) -> str:
        """ "Narendra Modi, Prime Minister of India"."""
        return participant_label(
            str(self.official or self.organization or self.country or ""),
            str(self.post) if self.post_id else None,
            self.official_id,
            str(self.country) if self.country_id else None,
        )

    def clean(self):
        super().clean()
        if not (self.official_id or self.organization_id or self.country_id):
            raise ValidationError("Name an official, an organization or a country.")


def participant_label(who: str, post: str | None, official, country: str | None) -> str:
    """How a participant reads: "Narendra Modi, Prime Minister of India" with the post held,
    "Ravi Shankar (India)" for an official without one, else the name alone."""
    if post:
        return f"{who}, {post}"
    if official and country:
        return f"{who} ({country})"
    return who


class EventRelationQuerySet(models.QuerySet):
    def get_by_natural_key(self, from_public_id, to_public_id, kind):
        return self.get(
            from_event__public_id=from_public_id, to_event__public_id=to_public_id, kind=kind
        )


class EventRelation(models.Model):
    """How two events relate: one precedes the other, is part of it, or is context for it."""

    class Kind(models.TextChoices):
        PRECEDES = "precedes", "precedes"
        PART_OF = "part_of", "is part of"
        CONTEXT_FOR = "context_for", "is context for"

    # Inverse wording, for showing the relation from the other event's side.
    INVERSE_LABELS = {
        Kind.PRECEDES: "follows",
        Kind.PART_OF: "includes",
        Kind.CONTEXT_FOR: "has as context",
    }

    # A relation means nothing once either event is gone.
    from_event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="relations_from")
    to_event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="relations_to")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    note = models.CharField(
        max_length=300, blank=True, help_text="How they relate: \u201chours before\u201d."
    )

    objects = EventRelationQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["from_event", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_event", "to_event", "kind"], name="eventrelation_unique"
            ),
            models.CheckConstraint(
                condition=~Q(from_event=F("to_event")),
                name="eventrelation_not_to_itself",
                violation_error_message="An event cannot relate to itself.",
            ),
        ]

    def __str__(self):
        return f"{self.from_event.title} {self.get_kind_display()} {self.to_event.title}"

    def natural_key(self):
        return (*self.from_event.natural_key(), *self.to_event.natural_key(), self.kind)

    natural_key.dependencies = ["events.event"]

    def clean(self):
        super().clean()
        if self.from_event_id and self.from_event_id == self.to_event_id:
            raise ValidationError({"to_event": "An event cannot relate to itself."})
