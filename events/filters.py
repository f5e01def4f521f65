"""The event filters, shared by the API and the timeline pages so that a filtered view has the
same parameters and the same meaning everywhere:

    country=UA&country=IN   involves all of them (alpha-2 or alpha-3, any case; "IN,UA" too)
    country_any=IN,UA       involves any of them (repeated or comma-separated)
    official=narendra-modi  slug or public id; organization= likewise
    type=visit&type=call    any of the types; topic= (slugs) and precision= likewise
    date_after=2024-09      overlaps: the event's range reaches the start of September 2024
    date_before=2024        ... and begins by the end of 2024 (any date text an editor types)
    q=defense               text over title, summary, place, names and quotes
    updated_since=<ISO datetime>   changed since (for incremental sync)
    ordering=date | -date   oldest or newest first (default newest first)

Unknown values are errors naming the parameter, never silently empty results.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from drf_spectacular.drainage import get_override, set_override
from drf_spectacular.utils import extend_schema_field

from events.dates import DatePrecision, FuzzyDateError, parse_fuzzy_date
from events.event_types import EventType
from events.groupings import Grouping, grouping_named
from events.models import (
    Agreement,
    AgreementParty,
    AgreementStatus,
    AgreementStatusChange,
    Country,
    CountryName,
    Event,
    EventCountry,
    Official,
    OfficialName,
    Organization,
    Participant,
    Post,
    Source,
    Statement,
    Tenure,
    Topic,
)

# "Involves all of them" checks each country per event: a bound keeps one request from
# tying up the database.
MAX_COUNTRIES = 10
# "Any of them" is one EXISTS over an IN list, whatever its length: room for every
# country of a region or grouping (the EU's 27, the UN's 193).
MAX_ANY_COUNTRIES = 250


class CountryCodesField(forms.Field):
    """One or more ISO alpha-2 or alpha-3 codes, repeated or comma-separated; cleans to a
    list of Country records, in the order given. With `groupings`, a grouping's code
    (EU, ASEAN, 150: events.groupings) stands for its members and cleans to the Grouping."""

    widget = forms.SelectMultiple

    def __init__(self, *, most=MAX_COUNTRIES, groupings=False, **kwargs):
        self.most, self.groupings = most, groupings
        super().__init__(**kwargs)

    def to_python(self, value):
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        codes = [c.strip().upper() for v in values for c in str(v).split(",") if c.strip()]
        if len(codes) > self.most:
            raise forms.ValidationError(
                "At most %(most)d countries.", code="too_many", params={"most": self.most}
            )
        named = {code: grouping_named(code) for code in codes} if self.groupings else {}
        by_code, unknown = Country.objects.by_codes([c for c in codes if not named.get(c)])
        if unknown:
            raise forms.ValidationError(
                "Unknown country code: %(codes)s. Use ISO 3166-1 alpha-2 (UA) or alpha-3 (UKR)"
                + (", or a grouping of /api/groupings/ (EU, 150)." if self.groupings else "."),
                code="unknown_country",
                params={"codes": ", ".join(unknown)},
            )
        found = {**by_code, **{c: g for c, g in named.items() if g}}
        return list(dict.fromkeys(found[code] for code in codes))

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


def _split_groupings(values) -> tuple[list[Country], list[Grouping]]:
    """A CountryCodesField's value as its countries and its groupings."""
    groupings = [v for v in values if isinstance(v, Grouping)]
    return [v for v in values if not isinstance(v, Grouping)], groupings


class RecordRefField(forms.CharField):
    """A record named by its slug or its public id."""

    def __init__(self, *, queryset, noun, slug_field="slug", name_field=None, **kwargs):
        self.queryset, self.noun, self.slug_field = queryset, noun, slug_field
        self.name_field = name_field
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        record = self.queryset.by_reference(value, self.slug_field).first()
        if record is None and self.name_field:
            # People type names: take one when it names exactly one record.
            named = list(self.queryset.filter(**{f"{self.name_field}__iexact": value})[:2])
            if len(named) > 1:
                raise forms.ValidationError(
                    "Several %(noun)ss are named %(value)s; give the slug instead.",
                    code="ambiguous",
                    params={"noun": self.noun, "value": value},
                )
            record = named[0] if named else None
        if record is None:
            raise forms.ValidationError(
                "No %(noun)s with the slug, id or name %(value)s."
                if self.name_field
                else "No %(noun)s with the slug or id %(value)s.",
                code="unknown",
                params={"noun": self.noun, "value": value},
            )
        return record


class FuzzyBoundField(forms.CharField):
    """A date as any text an editor types ("2024-09-25", "Sep 2024", "2024"); cleans to its
    first day (`side="start"`) or last day (`side="end"`), so date_before=2024 means through
    31 Dec 2024."""

    def __init__(self, *, side, **kwargs):
        self.side = side
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            fuzzy = parse_fuzzy_date(value)
        except FuzzyDateError as error:
            # As a parameter: the message quotes the input, which may hold a "%".
            raise forms.ValidationError(
                "%(message)s", code="invalid_date", params={"message": error.message}
            ) from None
        return fuzzy.start if self.side == "start" else fuzzy.end


class FuzzyRangeField(django_filters.fields.RangeField):
    """`<name>_after` and `<name>_before` as one value, slice(first day, last day): for
    conditions that need both bounds at once (one status change within the range)."""

    widget = django_filters.widgets.DateRangeWidget

    def __init__(self, *args, **kwargs):
        fields = (FuzzyBoundField(side="start"), FuzzyBoundField(side="end"))
        super().__init__(fields, *args, **kwargs)

    def compress(self, data_list):
        start, end = (list(data_list) + [None, None])[:2]
        if start and end and start > end:
            raise forms.ValidationError("date_before is earlier than date_after.", code="order")
        return slice(start, end) if (start or end) else None


@extend_schema_field({"type": "string", "example": "2024-09"})
class FuzzyRangeFilter(django_filters.RangeFilter):
    """`<name>_after` and `<name>_before`, each any date text, filtered together."""

    field_class = FuzzyRangeField


class DescribedFilter:
    """drf-spectacular reads a filter's schema from extend_schema_field alone, without its
    help_text: this instance's copy carries it (so "all" and "any" are told apart)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.extra.get("help_text"):
            schema = {**get_override(self, "field"), "description": self.extra["help_text"]}
            set_override(self, "field", schema)


@extend_schema_field({"type": "array", "items": {"type": "string", "example": "UA"}})
class CountryCodesFilter(DescribedFilter, django_filters.Filter):
    field_class = CountryCodesField


@extend_schema_field({"type": "string", "description": "Slug or public id."})
class RecordRefFilter(django_filters.filters.QuerySetRequestMixin, django_filters.Filter):
    """A record by slug or public id; `queryset` may be a callable of the request (so that
    the per-request copy of the filter does not copy a queryset)."""

    field_class = RecordRefField


@extend_schema_field({"type": "string", "example": "2024-09"})
class FuzzyBoundFilter(DescribedFilter, django_filters.Filter):
    field_class = FuzzyBoundField


# The schema of one value: drf-spectacular makes a multiple-choice filter an array of them.
@extend_schema_field({"type": "string", "example": "trade"})
class SlugsFilter(DescribedFilter, django_filters.ModelMultipleChoiceFilter):
    """Records by slug, repeatable: any of them."""


# The API's event list may also be read in the order events changed (for syncs and
# "recently changed" panels); the timeline and the participants' list keep to dates.
UPDATE_ORDERINGS = ("updated_at", "-updated_at")


class OrderingFilter(django_filters.ChoiceFilter):
    """The chronological order, newest first unless `ordering=date`: applied last (filters
    run in the order they are declared), once the filters have chosen the index the order
    is read from (Event.objects.involving)."""

    def filter(self, queryset, value):
        if value in UPDATE_ORDERINGS:
            return queryset.by_update(latest_first=value.startswith("-"))
        return queryset.chronological() if value == "date" else queryset.newest_first()


class EventFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("date_after"), cleaned.get("date_before")
        if after and before and after > before:
            self.add_error("date_before", "date_before is earlier than date_after.")
        return cleaned


class EventFilter(django_filters.FilterSet):
    # Countries first: the first country's links then drive the query, and the dates
    # and the order are read from their index.
    country = CountryCodesFilter(
        method="filter_countries",
        label="Countries",
        help_text="ISO codes; the event involves all of them. A grouping's code "
        "(/api/groupings/: EU, AFRICAN-UNION, ASEAN, NATO, G7, G20, BRICS, UN M49 regions "
        "such as 150 or 035) means one of its members on the event's date "
        "(country=EU&country=UA: an EU member and Ukraine).",
        groupings=True,
    )
    country_any = CountryCodesFilter(
        method="filter_any_country",
        label="Any of the countries",
        help_text="ISO codes (alpha-2 or alpha-3) or groupings' codes, repeated or "
        "comma-separated (country_any=IN,UA or country_any=ASEAN,AFRICAN-UNION): the event "
        "involves at least one of them (a grouping: one of its members on the event's "
        "date). With country=, both apply.",
        most=MAX_ANY_COUNTRIES,
        groupings=True,
    )
    date_after = FuzzyBoundFilter(
        side="start",
        method="filter_after",
        label="From",
        help_text="A date as editors type it (2024-09, 26 Oct 2024, Q3 2024, 2024): events "
        "that can fall on or after its first day.",
    )
    date_before = FuzzyBoundFilter(
        side="end",
        method="filter_before",
        label="To",
        help_text="A date as editors type it: events that can fall on or before its last day.",
    )
    official = RecordRefFilter(
        method="filter_participant",
        label="Official",
        queryset=lambda request: Official.objects.all(),
        noun="official",
        name_field="name",
    )
    organization = RecordRefFilter(
        method="filter_participant",
        label="Organization",
        queryset=lambda request: Organization.objects.all(),
        noun="organization",
    )
    # distinct=False: these test the event's own columns, so no row repeats and the page
    # query needs no DISTINCT over every column.
    type = django_filters.MultipleChoiceFilter(
        choices=EventType.choices, label="Type", distinct=False
    )
    topic = SlugsFilter(
        to_field_name="slug",
        queryset=lambda request: Topic.objects.all(),
        method="filter_topics",
        label="Topic",
        help_text="Topic slugs (trade, energy), repeated: events on any of them.",
    )
    precision = django_filters.MultipleChoiceFilter(
        choices=[(p.slug, p.label) for p in DatePrecision],
        method="filter_precision",
        label="Date precision",
    )
    status = django_filters.MultipleChoiceFilter(
        choices=Event.Status.choices, label="Status", distinct=False
    )
    q = django_filters.CharFilter(
        method="filter_text",
        label="Text",
        help_text="Full-text search of the title, summary, place, participants' names and "
        'quotes: every word (PostgreSQL also takes "a phrase" and -word).',
    )
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label="Updated since",
        help_text="Events changed at or after this time (ISO 8601), for incremental sync.",
    )
    ordering = OrderingFilter(
        choices=[("-date", "newest first"), ("date", "oldest first")],
        empty_label=None,
        label="Order",
    )

    class Meta:
        model = Event
        form = EventFilterForm
        fields = []

    def filter_countries(self, queryset, name, values):
        # The dates narrow the first country's index scan (filter_after and _before then
        # find them applied).
        countries, groupings = _split_groupings(values)
        data = self.form.cleaned_data
        queryset = queryset.involving(
            *countries, start=data.get("date_after"), end=data.get("date_before")
        )
        for grouping in groupings:
            links = EventCountry.objects.filter(grouping.links_condition(), event=OuterRef("pk"))
            queryset = queryset.filter(Exists(links))
        return queryset

    def filter_any_country(self, queryset, name, values):
        # EXISTS, not a join: an event of two of the countries is still one row, and the
        # page query needs no DISTINCT.
        if not values:
            return queryset
        countries, groupings = _split_groupings(values)
        condition = Q(country__in=countries)
        for grouping in groupings:
            condition |= grouping.links_condition()
        links = EventCountry.objects.filter(condition, event=OuterRef("pk"))
        return queryset.filter(Exists(links))

    def filter_after(self, queryset, name, day):
        return queryset.overlapping(start=day)

    def filter_before(self, queryset, name, day):
        return queryset.overlapping(end=day)

    def filter_participant(self, queryset, name, record):
        # IN (subquery) rather than a join: no duplicate rows, so no DISTINCT over the page;
        # and rather than a correlated EXISTS, which SQLite tests event by event along the
        # date order (a scan of a million for someone with a few old events), while the
        # subquery's rows drive the read from the participant index.
        taking_part = Participant.objects.filter(**{name: record}).values("event_id")
        return queryset.filter(pk__in=taking_part)

    def filter_topics(self, queryset, name, topics):
        # django-filter's field cleans chosen slugs to a list, and no choice to an empty
        # queryset (asking that queryset for its truth would run a query).
        none_asked = not topics if isinstance(topics, list) else topics.query.is_empty()
        if none_asked:
            return queryset
        # EXISTS, not a join: an event with two of the topics is still one row.
        tagged = Event.topics.through.objects.filter(event=OuterRef("pk"), topic__in=topics)
        return queryset.filter(Exists(tagged))

    def filter_precision(self, queryset, name, slugs):
        return queryset.filter(date_precision__in=[DatePrecision.from_slug(s) for s in slugs])

    def filter_text(self, queryset, name, text):
        return queryset.search(text)


class EventListFilter(EventFilter):
    """The API's event list: the event filters, and the order of change besides dates."""

    ordering = OrderingFilter(
        choices=[
            ("-date", "newest first"),
            ("date", "oldest first"),
            ("-updated_at", "last changed first"),
            ("updated_at", "first changed first"),
        ],
        empty_label=None,
        label="Order",
    )


# Filters for the records around events ------------------------------------------------------


class UpdatedSinceMixin(django_filters.FilterSet):
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label="Updated since",
        help_text="Records changed at or after this time (ISO 8601), for incremental sync.",
    )


class CountryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Name, alias or code")

    class Meta:
        model = Country
        fields = []

    def filter_text(self, queryset, name, text):
        text = text.strip()
        return queryset.filter(
            Q(name__icontains=text)
            | Q(official_name__icontains=text)
            | Q(iso_alpha2__iexact=text)
            | Q(iso_alpha3__iexact=text)
            | Q(Exists(CountryName.objects.filter(country=OuterRef("pk"), name__icontains=text)))
        )


class OfficialFilter(UpdatedSinceMixin):
    country = CountryCodesFilter(method="filter_country", label="Country")
    post = RecordRefFilter(
        queryset=Post.objects.all(),
        noun="post",
        slug_field=None,
        method="filter_post",
        label="Post (id)",
    )
    in_office_on = FuzzyBoundFilter(
        side="start", method="filter_in_office", label="In office on (a day)"
    )
    q = django_filters.CharFilter(method="filter_text", label="Name or spelling")

    class Meta:
        model = Official
        fields = []

    def filter_country(self, queryset, name, countries):
        # The country the person acts for, or the country of any post they held.
        for country in countries:
            queryset = queryset.filter(
                Q(country=country)
                | Q(Exists(Tenure.objects.filter(official=OuterRef("pk"), post__country=country)))
            )
        return queryset

    def filter_post(self, queryset, name, post):
        return queryset.filter(Exists(Tenure.objects.filter(official=OuterRef("pk"), post=post)))

    def filter_in_office(self, queryset, name, day):
        post = self.form.cleaned_data.get("post")
        tenures = Tenure.objects.in_office_on(day).filter(official=OuterRef("pk"))
        if post is not None:
            tenures = tenures.filter(post=post)
        return queryset.filter(Exists(tenures))

    def filter_text(self, queryset, name, text):
        return queryset.filter(
            Q(name__icontains=text)
            | Q(Exists(OfficialName.objects.filter(official=OuterRef("pk"), name__icontains=text)))
        )


class PostFilter(UpdatedSinceMixin):
    country = CountryCodesFilter(method="filter_country", label="Country (any of them)")
    kind = django_filters.MultipleChoiceFilter(choices=Post.Kind.choices)
    organization = RecordRefFilter(
        queryset=Organization.objects.all(), noun="organization", label="Organization"
    )
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label="Title")

    class Meta:
        model = Post
        fields = []

    def filter_country(self, queryset, name, countries):
        return queryset.filter(country__in=countries)


class TenureFilter(UpdatedSinceMixin):
    official = RecordRefFilter(
        queryset=Official.objects.all(), noun="official", name_field="name", label="Official"
    )
    country = CountryCodesFilter(method="filter_country", label="The post's country (any)")
    post = RecordRefFilter(
        queryset=Post.objects.all(), noun="post", slug_field=None, label="Post (id)"
    )
    on = FuzzyBoundFilter(
        side="start", method="filter_on", label="In office on (a day; a month or year: its first)"
    )

    class Meta:
        model = Tenure
        fields = []

    def filter_country(self, queryset, name, countries):
        return queryset.filter(post__country__in=countries)

    def filter_on(self, queryset, name, day):
        # in_office_on orders most recently started first; the list keeps its own order.
        return queryset.filter(pk__in=Tenure.objects.in_office_on(day).order_by().values("pk"))


class OrganizationFilter(UpdatedSinceMixin):
    country = CountryCodesFilter(method="filter_country", label="Country")
    kind = django_filters.MultipleChoiceFilter(choices=Organization.Kind.choices)
    q = django_filters.CharFilter(method="filter_text", label="Name or abbreviation")

    class Meta:
        model = Organization
        fields = []

    def filter_country(self, queryset, name, countries):
        return queryset.filter(country__in=countries)

    def filter_text(self, queryset, name, text):
        return queryset.filter(Q(name__icontains=text) | Q(abbreviation__iexact=text))


class AgreementFilter(UpdatedSinceMixin):
    party = CountryCodesFilter(method="filter_parties", label="Parties (all of them)")
    status = django_filters.MultipleChoiceFilter(choices=AgreementStatus.choices)
    kind = django_filters.MultipleChoiceFilter(choices=Agreement.Kind.choices)
    # date_after and date_before: both bound the same status change.
    date = FuzzyRangeFilter(method="filter_dates", label="A status change from / to")

    class Meta:
        model = Agreement
        fields = []

    def filter_parties(self, queryset, name, countries):
        for country in countries:
            queryset = queryset.filter(
                Exists(AgreementParty.objects.filter(agreement=OuterRef("pk"), country=country))
            )
        return queryset

    def filter_dates(self, queryset, name, value):
        """Agreements with a status change (signed, ratified, ...) in the date range."""
        after, before = value.start, value.stop
        changes = AgreementStatusChange.objects.filter(agreement=OuterRef("pk"))
        if after is not None:
            changes = changes.filter(date_end__gte=after)
        if before is not None:
            changes = changes.filter(date_start__lte=before)
        return queryset.filter(Exists(changes))


class SourceFilter(UpdatedSinceMixin):
    publisher = RecordRefFilter(
        queryset=Organization.objects.all(), noun="organization", label="Publisher"
    )
    published_after = django_filters.IsoDateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = django_filters.IsoDateTimeFilter(
        field_name="published_at", lookup_expr="lte"
    )
    q = django_filters.CharFilter(method="filter_text", label="Headline, URL or author")

    class Meta:
        model = Source
        fields = []

    def filter_text(self, queryset, name, text):
        return queryset.filter(
            Q(headline__icontains=text)
            | Q(url__icontains=text)
            | Q(
                Exists(
                    Source.authors.through.objects.filter(
                        source=OuterRef("pk"), author__name__icontains=text
                    )
                )
            )
        )


class StatementFilter(UpdatedSinceMixin):
    official = RecordRefFilter(queryset=Official.objects.all(), noun="official")
    organization = RecordRefFilter(queryset=Organization.objects.all(), noun="organization")
    q = django_filters.CharFilter(field_name="text", lookup_expr="icontains", label="Quote text")

    class Meta:
        model = Statement
        fields = []
