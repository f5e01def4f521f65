"""What import rows refer to: countries, topics, officials (with their spellings and
tenures), organizations and sources, loaded once per import so that validating and
preparing a row costs no query. The registry learns what each committed batch creates."""

from collections import defaultdict
from datetime import date

from django.db import connections
from django.db.models import F

from events.derived.posts import HeldTenure, post_held
from events.derived.slugs import numbered_slug
from events.models import (
    Country,
    CountryName,
    Official,
    OfficialName,
    Organization,
    Source,
    Tenure,
    Topic,
)

# Django would bind one parameter per value; SQLite caps how many a statement may have.
QUERY_CHUNK = 2000


def stored_rows(using: str, table: str, column: str, values, *, select=None, nonempty=False):
    """Rows (`select` columns, default `column`) of `table` whose `column` is one of
    `values`: one query with an array on PostgreSQL, chunks of IN elsewhere.
    `nonempty` repeats the condition of a partial unique index so the index serves it."""
    connection = connections[using]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in (select or (column,)))
    condition = f" AND NOT ({quote(column)} = '')" if nonempty else ""
    head = f"SELECT {columns} FROM {quote(table)} WHERE {quote(column)}"
    values = list(values)
    found = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One array parameter: psycopg binds client-side, and parsing thousands of
            # placeholders costs more than the query.
            cursor.execute(f"{head} = ANY(%s){condition}", [values])
            return cursor.fetchall()
        for part in chunks(values):
            marks = ", ".join(["%s"] * len(part))
            cursor.execute(f"{head} IN ({marks}){condition}", part)
            found.extend(cursor.fetchall())
    return found


def name_key(name: str) -> str:
    """How names are compared: spaces collapsed, case ignored (as SQL's LOWER)."""
    return " ".join(name.split()).lower()


def chunks(values: list, size: int = QUERY_CHUNK):
    for start in range(0, len(values), size):
        yield values[start : start + size]


class Ambiguous(ValueError):
    """A name that several records share, which the row's country does not settle."""


class Registry:
    """In-memory indexes of the records an import refers to, for one database."""

    def __init__(self, using: str):
        self.using = using
        self._load_countries()
        self.topics = dict(Topic.objects.using(using).values_list("slug", "id"))
        self._load_officials()
        self._load_organizations()
        self.source_ids: dict[str, int] = {}

    # Countries ------------------------------------------------------------------------

    def _load_countries(self):
        self.country_ids: dict[str, int] = {}  # alpha-2 and alpha-3 codes
        self.country_names: dict[int, str] = {}
        self.country_alpha2: dict[int, str] = {}
        self.country_by_numeric: dict[str, int] = {}
        rows = Country.objects.using(self.using).values_list(
            "id", "iso_alpha2", "iso_alpha3", "iso_numeric", "name"
        )
        by_name: dict[str, set] = defaultdict(set)
        for pk, alpha2, alpha3, numeric, name in rows:
            self.country_ids[alpha2] = self.country_ids[alpha3] = pk
            self.country_by_numeric[numeric] = pk
            self.country_names[pk] = name
            self.country_alpha2[pk] = alpha2
            by_name[name_key(name)].add(pk)
        for country_id, name in CountryName.objects.using(self.using).values_list(
            "country_id", "name"
        ):
            by_name[name_key(name)].add(country_id)
        # A name that points to two countries points to neither.
        self.country_by_name = {
            key: next(iter(ids)) for key, ids in by_name.items() if len(ids) == 1
        }

    def country(self, code: str) -> int | None:
        found = self.country_ids.get(code)  # most files write codes as stored
        return found if found is not None else self.country_ids.get(code.strip().upper())

    # Officials ------------------------------------------------------------------------

    def _load_officials(self):
        self.official_names: dict[int, str] = {}
        self.official_country: dict[int, int | None] = {}
        self.official_slugs: set[str] = set()
        self.officials_by_name: dict[str, list[int]] = defaultdict(list)
        for pk, name, country_id, slug in Official.objects.using(self.using).values_list(
            "id", "name", "country_id", "slug"
        ):
            self.official_names[pk] = name
            self.official_country[pk] = country_id
            self.official_slugs.add(slug)
            self.officials_by_name[name_key(name)].append(pk)
        # Other spellings, in the order search text lists them (events.search_text).
        self.other_names: dict[int, list[str]] = defaultdict(list)
        spellings = OfficialName.objects.using(self.using).order_by("pk")
        for official_id, name in spellings.values_list("official_id", "name"):
            self.other_names[official_id].append(name)
            matches = self.officials_by_name[name_key(name)]
            if official_id not in matches:
                matches.append(official_id)
        # Tenures as events.derived.posts reads them (post_held).
        self.tenures: dict[int, list[HeldTenure]] = defaultdict(list)
        self.official_countries: dict[int, set] = defaultdict(set)
        tenures = Tenure.objects.using(self.using).order_by(
            F("start_earliest").desc(nulls_last=True), "-pk"
        )
        for official_id, *held in tenures.values_list(
            "official_id", "start_earliest", "end_latest", "post_id", "post__country_id"
        ):
            tenure = HeldTenure(*held)
            self.tenures[official_id].append(tenure)
            if tenure.post_country_id:
                self.official_countries[official_id].add(tenure.post_country_id)

    def official(self, name: str, country_id: int | None, key: str | None = None) -> int | None:
        """The official a participant names: one match by name or other spelling; among
        several, the one of `country_id` (their own country or a post's). None means the
        name is unknown (the importer creates the official); Ambiguous when it cannot
        choose."""
        matches = self.officials_by_name.get(key or name_key(name))
        if not matches:
            return None
        if len(matches) == 1:
            return matches[0]
        if country_id is not None:
            of_country = [
                pk
                for pk in matches
                if self.official_country.get(pk) == country_id
                or country_id in self.official_countries.get(pk, ())
            ]
            if len(of_country) == 1:
                return of_country[0]
        raise Ambiguous(
            f"{name!r} names {len(matches)} officials"
            + (" of that country" if country_id is not None else "; add a country code")
            + "."
        )

    def post_on(self, official_id: int, day: date, country_id: int | None) -> tuple | None:
        """(post id, post's country id) of the post held on `day`, chosen as
        events.derived.posts chooses it for saved participants."""
        held = post_held(self.tenures.get(official_id, ()), day, country_id)
        return (held.post_id, held.post_country_id) if held else None

    def add_official(self, pk: int, name: str, country_id: int | None, slug: str):
        self.official_names[pk] = name
        self.official_country[pk] = country_id
        self.official_slugs.add(slug)
        self.officials_by_name[name_key(name)].append(pk)

    # Organizations --------------------------------------------------------------------

    def _load_organizations(self):
        self.organization_names: dict[int, str] = {}
        self.organization_country: dict[int, int | None] = {}
        self.organization_slugs: set[str] = set()
        self.organizations: dict[tuple, int] = {}  # (name key, country id) -> id
        self.organizations_by_name: dict[str, list[int]] = defaultdict(list)
        for pk, name, country_id, slug in Organization.objects.using(self.using).values_list(
            "id", "name", "country_id", "slug"
        ):
            self.add_organization(pk, name, country_id, slug)

    def organization(self, name: str, country_id: int | None, key: str | None = None) -> int | None:
        """The organization of that name in that country (as the database's uniqueness
        has it). Without a country: the international one of that name, else the only one.
        None means unknown (the importer creates it)."""
        key = key or name_key(name)
        found = self.organizations.get((key, country_id))
        if found is not None or country_id is not None:
            return found
        matches = self.organizations_by_name.get(key, ())
        if len(matches) > 1:
            raise Ambiguous(f"{len(matches)} organizations are named {name!r}; add a country code.")
        return matches[0] if matches else None

    def add_organization(self, pk: int, name: str, country_id: int | None, slug: str):
        key = name_key(name)
        self.organization_names[pk] = name
        self.organization_country[pk] = country_id
        self.organization_slugs.add(slug)
        self.organizations[(key, country_id)] = pk
        self.organizations_by_name[key].append(pk)

    # Sources --------------------------------------------------------------------------

    def find_sources(self, urls) -> None:
        """Learn the ids of the sources among `urls` that are already stored."""
        unknown = [url for url in dict.fromkeys(urls) if url not in self.source_ids]
        if unknown:
            table = Source._meta.db_table
            rows = stored_rows(
                self.using, table, "url", unknown, select=("url", "id"), nonempty=True
            )
            self.source_ids.update(rows)

    def learn(self, prepared) -> None:
        """Add what a committed batch (a PreparedBatch) created."""
        for pk, name, country_id, slug in prepared.new_officials:
            self.add_official(pk, name, country_id, slug)
        for pk, name, country_id, slug in prepared.new_organizations:
            self.add_organization(pk, name, country_id, slug)
        self.source_ids.update(prepared.new_sources)


class _Taken:
    """Slugs in any of several sets."""

    def __init__(self, *sets):
        self.sets = sets

    def __contains__(self, slug):
        return any(slug in taken for taken in self.sets)


def unique_slug(text: str, *taken: set[str], max_length: int = 80) -> str:
    """A slug for `text` in none of the `taken` sets, numbered on collision as
    events.derived.slugs numbers every slug, without a query per name."""
    return numbered_slug(text, _Taken(*taken), max_length)
