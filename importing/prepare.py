"""From validated rows to the tuples every table receives: ids, slugs, public ids, and
what events.derived derives for saved events (participants' posts and countries, the
countries involved with the event's sort key, search text, the tallies' counts), plus a
history row for each record.

The importer writes tuples rather than going through the services, for speed; it derives
with events.derived's own functions (post_held, compose_search_text, numbered slugs,
tallies.event_keys), and tests compare what it stores with what the services store.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from events.derived import tallies
from events.derived.search import compose_search_text
from events.derived.slugs import slugify
from events.models import (
    Citation,
    Event,
    EventCountry,
    Official,
    Organization,
    Participant,
    Source,
)
from importing.resolve import Registry, name_key, stored_rows, unique_slug
from importing.rows import HEADLINE_MAX, EventRow
from importing.writer import Layout, M2MHistoryLayout, TableRows, Writer

EVENT_FILLED = (
    "id",
    "public_id",
    "created_at",
    "updated_at",
    "date_start",
    "date_end",
    "date_precision",
    "date_qualifier",
    "title",
    "slug",
    "type",
    "status",
    "summary",
    "location",
    "location_country_id",
    "latitude",
    "longitude",
    "external_id",
    "search_text",
)
PARTICIPANT_FILLED = (
    "id",
    "public_id",
    "created_at",
    "updated_at",
    "event_id",
    "official_id",
    "organization_id",
    "country_id",
    "role",
    "post_id",
)
EVENT_COUNTRY_FILLED = ("id", "event_id", "country_id", "chosen", *EventCountry.SORT_FIELDS)
CITATION_FILLED = ("id", "event_id", "source_id", "excerpt")
OFFICIAL_FILLED = ("id", "public_id", "created_at", "updated_at", "name", "slug", "country_id")
ORGANIZATION_FILLED = (
    "id",
    "public_id",
    "created_at",
    "updated_at",
    "name",
    "slug",
    "kind",
    "country_id",
)
SOURCE_FILLED = ("id", "public_id", "created_at", "updated_at", "url", "headline", "published_at")
SLUG_MAX = Event._meta.get_field("slug").max_length
ORGANIZATION_KIND = Organization.Kind.OTHER  # what an imported name tells of a body


@dataclass
class PreparedBatch:
    """One batch as the database will receive it: rows per table, in writing order, and
    what the registry learns once it is committed."""

    tables: list[TableRows]
    lines: tuple[int, int]  # first and last line of the batch
    skipped: int = 0  # rows already imported
    created: Counter = field(default_factory=Counter)  # model name -> rows created
    new_officials: list[tuple] = field(default_factory=list)  # (id, name, country, slug)
    new_organizations: list[tuple] = field(default_factory=list)
    new_sources: list[tuple] = field(default_factory=list)  # (url, id)
    tally_delta: Counter = field(default_factory=Counter)  # events.derived.tallies

    @property
    def events(self) -> int:
        return self.created["event"]


class Layouts:
    """The table layouts of one connection, built once per import."""

    def __init__(self, connection):
        self.event = Layout(Event, EVENT_FILLED, connection, history_ids=True)
        self.participant = Layout(Participant, PARTICIPANT_FILLED, connection)
        self.event_country = Layout(EventCountry, EVENT_COUNTRY_FILLED, connection)
        self.citation = Layout(Citation, CITATION_FILLED, connection)
        self.official = Layout(Official, OFFICIAL_FILLED, connection)
        self.organization = Layout(Organization, ORGANIZATION_FILLED, connection)
        self.source = Layout(Source, SOURCE_FILLED, connection)
        self.topics = M2MHistoryLayout(Event, "topics")


class BatchPreparer:
    """Turns a batch of valid rows into a PreparedBatch, inside the batch's transaction
    (ids are allocated from the database)."""

    def __init__(self, registry: Registry, writer: Writer, *, user_id, reason, started):
        self.registry = registry
        self.writer = writer
        self.layouts = Layouts(writer.connection)
        self.using = writer.connection.alias
        self.stamp = (writer.adapt_datetime(started), reason[:100], "+", user_id)

    def existing_keys(self, keys: list[str]) -> set[str]:
        """Which of `keys` are stored external ids: rows already imported."""
        table = Event._meta.db_table
        rows = stored_rows(self.using, table, "external_id", keys, nonempty=True)
        return {key for (key,) in rows}

    def prepare(self, rows: list[EventRow]) -> PreparedBatch:
        registry, writer, layouts = self.registry, self.writer, self.layouts
        lines = (rows[0].line, rows[-1].line) if rows else (0, 0)
        existing = self.existing_keys([row.key for row in rows])
        if existing:
            rows = [row for row in rows if row.key not in existing]
        batch = PreparedBatch(tables=[], lines=lines, skipped=len(existing))
        if not rows:
            return batch
        now = writer.adapt_datetime(timezone.now())

        officials = self._new_officials(rows, batch, now)
        organizations = self._new_organizations(rows, batch, now)
        sources = self._sources(rows, batch, now)

        event_ids = writer.allocate(layouts.event.table, "id", len(rows))
        slugs = self.event_slugs(rows, event_ids)
        events = layouts.event.table_rows()
        participants = layouts.participant.table_rows()
        links = layouts.event_country.table_rows()
        topics = TableRows(layouts.topics.table, layouts.topics.columns)
        citations = layouts.citation.table_rows()
        country_names = registry.country_names
        event_defaults = layouts.event.defaults
        participant_defaults = layouts.participant.defaults
        link_defaults = layouts.event_country.defaults

        participant_rows, link_rows = [], []
        public_ids = writer.public_ids(len(rows))
        for row, event_id, slug, public_id in zip(rows, event_ids, slugs, public_ids, strict=True):
            search = [row.title, row.summary, row.location]
            spellings = []
            involved = dict.fromkeys(row.country_ids)
            for p in row.participants:
                official_id = organization_id = post_id = None
                country_id = p.country_id
                if p.kind == "official":
                    if p.official_id is not None:
                        official_id = p.official_id
                        name = registry.official_names[official_id]
                        own_country = registry.official_country[official_id]
                    else:
                        official_id, name, own_country = officials[name_key(p.name)]
                    # As Participant.fill_derived: the post held that day, then the
                    # country from the post, else the official's own.
                    held = registry.post_on(official_id, row.date_start, p.country_id)
                    if held:
                        post_id = held[0]
                    if country_id is None:
                        country_id = (held and held[1]) or own_country
                    search.append(name)
                elif p.kind == "organization":
                    if p.organization_id is not None:
                        organization_id = p.organization_id
                        name = registry.organization_names[organization_id]
                        own_country = registry.organization_country[organization_id]
                    else:
                        key = (name_key(p.name), p.country_id)
                        organization_id, name, own_country = organizations[key]
                    if country_id is None:
                        country_id = own_country
                    search.append(name)
                if country_id is not None:
                    search.append(country_names[country_id])
                    involved[country_id] = None
                if official_id is not None:
                    spellings.extend(registry.other_names.get(official_id, ()))
                participant_rows.append(
                    (event_id, official_id, organization_id, country_id, p.role, post_id)
                )
            events.rows.append(
                (
                    event_id,
                    public_id,
                    now,
                    now,
                    row.date_start,
                    row.date_end,
                    row.date_precision,
                    row.date_qualifier,
                    row.title,
                    slug,
                    row.type,
                    row.status,
                    row.summary,
                    row.location,
                    row.location_country_id,
                    row.latitude,
                    row.longitude,
                    row.key,
                    # Title, summary and place, who took part, their other spellings.
                    compose_search_text(*search[:3], names=search[3:] + spellings, quotes=()),
                    *event_defaults,
                )
            )
            sort_key = (row.date_start, row.date_end, row.date_precision, row.title)
            chosen = set(row.country_ids)
            for country_id in involved:
                link_rows.append((event_id, country_id, country_id in chosen, *sort_key))
            batch.tally_delta.update(
                tallies.event_keys(row.date_start, row.date_end, row.type, row.status, involved)
            )
            for topic_id in row.topic_ids:
                topics.rows.append((event_id, topic_id))
            if row.source_url:
                citations.rows.append((event_id, sources[row.source_url], row.excerpt))

        ids = writer.allocate(layouts.participant.table, "id", len(participant_rows))
        public_ids = writer.public_ids(len(ids))
        participants.rows = [
            (pk, public_id, now, now, *values, *participant_defaults)
            for pk, public_id, values in zip(ids, public_ids, participant_rows, strict=True)
        ]
        ids = writer.allocate(layouts.event_country.table, "id", len(link_rows))
        links.rows = [
            (pk, *values, *link_defaults) for pk, values in zip(ids, link_rows, strict=True)
        ]
        ids = writer.allocate(layouts.topics.table, "id", len(topics.rows))
        topics.rows = [(pk, *values) for pk, values in zip(ids, topics.rows, strict=True)]
        ids = writer.allocate(layouts.citation.table, "id", len(citations.rows))
        citations.rows = [
            (pk, *values, *layouts.citation.defaults)
            for pk, values in zip(ids, citations.rows, strict=True)
        ]

        batch.tables = [officials.table, organizations.table, sources.table]
        batch.tables += [events, participants, links, topics, citations]
        batch.tables += self._history(batch.tables, event_ids)
        batch.created.update(
            event=len(events.rows),
            participant=len(participants.rows),
            eventcountry=len(links.rows),
            event_topics=len(topics.rows),
            citation=len(citations.rows),
            official=len(officials.table.rows),
            organization=len(organizations.table.rows),
            source=len(sources.table.rows),
        )
        return batch

    def _history(self, tables: list[TableRows], event_ids: list[int]) -> list[TableRows]:
        """A "+" history row for every row of `tables` (in prepare()'s order), stamped
        with the import's time, user and reason; an event's topic links point to its
        history row, whose id is allocated here."""
        officials, organizations, sources, events, participants, links, topics, citations = tables
        layouts, stamp = self.layouts, self.stamp
        history = []
        for layout, part in (
            (layouts.official, officials),
            (layouts.organization, organizations),
            (layouts.source, sources),
        ):
            rows = layout.history_rows()
            rows.rows = layout.history(part.rows, stamp)
            history.append(rows)
        history_ids = self.writer.allocate(
            layouts.event.history_table, layouts.event.history_pk, len(events.rows)
        )
        rows = layouts.event.history_rows()
        rows.rows = layouts.event.history(events.rows, stamp, history_ids)
        history.append(rows)
        rows = TableRows(layouts.topics.history_table, layouts.topics.history_columns)
        rows.rows = layouts.topics.history(
            topics.rows, dict(zip(event_ids, history_ids, strict=True))
        )
        history.append(rows)
        for layout, part in (
            (layouts.participant, participants),
            (layouts.event_country, links),
            (layouts.citation, citations),
        ):
            rows = layout.history_rows()
            rows.rows = layout.history(part.rows, stamp)
            history.append(rows)
        return history

    # Records the rows name ------------------------------------------------------------

    def _new_officials(self, rows, batch, now) -> "_Created":
        """Officials to create for unknown names: one per name in the batch (the first
        row's country), with slugs numbered as Official.save() numbers them."""
        wanted: dict[str, tuple] = {}
        for row in rows:
            for p in row.participants:
                if p.kind == "official" and p.official_id is None:
                    wanted.setdefault(name_key(p.name), (p.name, p.country_id))
        created = _Created(self.layouts.official.table_rows())
        if not wanted:
            return created
        ids = self.writer.allocate(created.table.table, "id", len(wanted))
        taken = set()
        defaults = self.layouts.official.defaults
        public_ids = self.writer.public_ids(len(ids))
        for pk, public_id, (key, (name, country_id)) in zip(
            ids, public_ids, wanted.items(), strict=True
        ):
            slug = unique_slug(name, self.registry.official_slugs, taken)
            taken.add(slug)
            created[key] = (pk, name, country_id)
            created.table.rows.append((pk, public_id, now, now, name, slug, country_id, *defaults))
            batch.new_officials.append((pk, name, country_id, slug))
        return created

    def _new_organizations(self, rows, batch, now) -> "_Created":
        wanted: dict[tuple, str] = {}
        for row in rows:
            for p in row.participants:
                if p.kind == "organization" and p.organization_id is None:
                    wanted.setdefault((name_key(p.name), p.country_id), p.name)
        created = _Created(self.layouts.organization.table_rows())
        if not wanted:
            return created
        ids = self.writer.allocate(created.table.table, "id", len(wanted))
        taken = set()
        defaults = self.layouts.organization.defaults
        public_ids = self.writer.public_ids(len(ids))
        for pk, public_id, (key, name) in zip(ids, public_ids, wanted.items(), strict=True):
            slug = unique_slug(name, self.registry.organization_slugs, taken)
            taken.add(slug)
            created[key] = (pk, name, key[1])
            created.table.rows.append(
                (pk, public_id, now, now, name, slug, ORGANIZATION_KIND, key[1], *defaults)
            )
            batch.new_organizations.append((pk, name, key[1], slug))
        return created

    def _sources(self, rows, batch, now) -> "_Created":
        """Source ids by URL: stored ones, and new ones (the first row's headline and
        publication time) for URLs not stored."""
        registry = self.registry
        urls = [row.source_url for row in rows if row.source_url]
        registry.find_sources(urls)
        created = _Created(self.layouts.source.table_rows())
        wanted = {}
        for row in rows:
            url = row.source_url
            if url and url not in registry.source_ids and url not in wanted:
                wanted[url] = row
        ids = self.writer.allocate(created.table.table, "id", len(wanted))
        defaults = self.layouts.source.defaults
        adapt = self.writer.adapt_datetime
        public_ids = self.writer.public_ids(len(ids))
        for pk, public_id, (url, row) in zip(ids, public_ids, wanted.items(), strict=True):
            published = adapt(row.source_published) if row.source_published else None
            headline = row.source_headline or url[:HEADLINE_MAX]
            created.table.rows.append(
                (pk, public_id, now, now, url, headline, published, *defaults)
            )
            created[url] = pk
            batch.new_sources.append((url, pk))
        created.update((url, registry.source_ids[url]) for url in urls if url not in created)
        return created

    def event_slugs(self, rows, event_ids) -> list[str]:
        """Readable slugs made unique by the event's id ("2024-10-26-talks-1234"): no
        two imported events share one, and the rare clash with an editor's slug is
        numbered on."""
        slugs = []
        for row, pk in zip(rows, event_ids, strict=True):
            suffix = f"-{pk}"
            base = slugify(f"{row.date_start.isoformat()} {row.title}")
            slugs.append(f"{base[: SLUG_MAX - len(suffix)].strip('-')}{suffix}")
        clashes = self._stored_slugs(slugs)
        while clashes:
            taken = set(slugs) | clashes
            renamed = []
            for index, slug in enumerate(slugs):
                if slug in clashes:
                    slugs[index] = unique_slug(slug, taken, max_length=SLUG_MAX)
                    taken.add(slugs[index])
                    renamed.append(slugs[index])
            clashes = self._stored_slugs(renamed)
        return slugs

    def _stored_slugs(self, slugs: list[str]) -> set[str]:
        return {slug for (slug,) in stored_rows(self.using, Event._meta.db_table, "slug", slugs)}


class _Created(dict):
    """New records of one model in a batch: their rows, and key -> (id, name, country)
    for officials and organizations, key -> id for sources."""

    def __init__(self, table: TableRows):
        super().__init__()
        self.table = table
