"""The event filters, shared by the API and the timeline pages so that a filtered view has the
same parameters and the same meaning everywhere:

    country=UA&country=IN   involves all of them (alpha-2 or alpha-3, any case; "IN,UA" too)
    official=narendra-modi  slug or public id; organization= likewise
    type=visit&type=call    any of the types; topic= (slugs) and precision= likewise
    date_after=2024-09      overlaps: the event's range reaches the start of September 2024
    date_before=2024        ... and begins by the end of 2024 (any date text an editor types)
    q=defense               text over title, summary, place, names and quotes
    updated_since=<ISO datetime>   changed since (for incremental sync)
    ordering=date | -date   oldest or newest first (default newest first)

Unknown values are errors naming the parameter, never silently empty results.
"""

import uuid

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q

from events.dates import DatePrecision, FuzzyDateError, parse_fuzzy_date
from events.event_types import EventType
from events.models import Country, Event, Official, Organization, Participant, Topic


class CountryCodesField(forms.Field):
    """One or more ISO alpha-2 or alpha-3 codes, repeated or comma-separated; cleans to a
    list of Country records, in the order given."""

    widget = forms.SelectMultiple

    def to_python(self, value):
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        codes = [c.strip().upper() for v in values for c in str(v).split(",") if c.strip()]
        found = Country.objects.filter(Q(iso_alpha2__in=codes) | Q(iso_alpha3__in=codes))
        by_code = {}
        for country in found:
            by_code[country.iso_alpha2] = by_code[country.iso_alpha3] = country
        unknown = [c for c in codes if c not in by_code]
        if unknown:
            raise forms.ValidationError(
                "Unknown country code: %(codes)s. Use ISO 3166-1 alpha-2 (UA) or alpha-3 (UKR).",
                code="unknown_country",
                params={"codes": ", ".join(unknown)},
            )
        return list(dict.fromkeys(by_code[c] for c in codes))

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class RecordRefField(forms.CharField):
    """A record named by its slug or its public id."""

    def __init__(self, *, queryset, noun, **kwargs):
        self.queryset, self.noun = queryset, noun
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            lookup = {"public_id": uuid.UUID(value)}
        except ValueError:
            lookup = {"slug": value}
        record = self.queryset.filter(**lookup).first()
        if record is None:
            raise forms.ValidationError(
                "No %(noun)s with the slug or id %(value)s.",
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
            raise forms.ValidationError(error.message, code="invalid_date") from None
        return fuzzy.start if self.side == "start" else fuzzy.end


class CountryCodesFilter(django_filters.Filter):
    field_class = CountryCodesField


class RecordRefFilter(django_filters.Filter):
    field_class = RecordRefField


class FuzzyBoundFilter(django_filters.Filter):
    field_class = FuzzyBoundField


class EventFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("date_after"), cleaned.get("date_before")
        if after and before and after > before:
            self.add_error("date_before", "date_before is earlier than date_after.")
        return cleaned


class EventFilter(django_filters.FilterSet):
    country = CountryCodesFilter(
        method="filter_countries",
        label="Countries",
        help_text="ISO codes; the event involves all of them.",
    )
    official = RecordRefFilter(
        field_name="participants__official",
        method="filter_participant",
        label="Official",
        queryset=Official.objects.all(),
        noun="official",
    )
    organization = RecordRefFilter(
        field_name="participants__organization",
        method="filter_participant",
        label="Organization",
        queryset=Organization.objects.all(),
        noun="organization",
    )
    type = django_filters.MultipleChoiceFilter(choices=EventType.choices, label="Type")
    topic = django_filters.ModelMultipleChoiceFilter(
        field_name="topics__slug",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        label="Topic",
    )
    precision = django_filters.MultipleChoiceFilter(
        field_name="date_precision",
        choices=[(p.slug, p.label) for p in DatePrecision],
        method="filter_precision",
        label="Date precision",
    )
    status = django_filters.MultipleChoiceFilter(choices=Event.Status.choices, label="Status")
    date_after = FuzzyBoundFilter(side="start", method="filter_dates", label="From")
    date_before = FuzzyBoundFilter(side="end", method="filter_dates", label="To")
    q = django_filters.CharFilter(method="filter_text", label="Text")
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", label="Updated since"
    )
    ordering = django_filters.ChoiceFilter(
        choices=[("-date", "newest first"), ("date", "oldest first")],
        method="filter_ordering",
        empty_label=None,
        label="Order",
    )

    class Meta:
        model = Event
        form = EventFilterForm
        fields = []

    def filter_countries(self, queryset, name, countries):
        return queryset.involving(*countries)

    def filter_participant(self, queryset, name, record):
        field = name.removeprefix("participants__")
        # EXISTS rather than a join: no duplicate rows, so no DISTINCT over the page.
        taking_part = Participant.objects.filter(event=OuterRef("pk"), **{field: record})
        return queryset.filter(Exists(taking_part))

    def filter_precision(self, queryset, name, slugs):
        return queryset.filter(date_precision__in=[DatePrecision.from_slug(s) for s in slugs])

    def filter_dates(self, queryset, name, value):
        # Both bounds are applied here, once, from the cleaned form.
        return queryset

    def filter_text(self, queryset, name, text):
        return queryset.search(text)

    def filter_ordering(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        queryset = queryset.overlapping(data.get("date_after"), data.get("date_before"))
        if data.get("ordering") == "date":
            return queryset.chronological()
        return queryset.newest_first()
