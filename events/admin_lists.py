"""What the admin's event list needs to stay fast at a million events: filters whose
choices cost no scan of the events, counts from the tallies when the filters allow, and
search through the full-text index (events.models.event.EventQuerySet.search)."""

from datetime import date

from django.contrib import admin
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from events.models import Country, MonthTally
from events.selectors import event_total


class CountryListFilter(admin.SimpleListFilter):
    """Events involving a country: every country offered (one small query), rather than
    those some event involves (a scan of every event's countries to draw the list)."""

    title = "country involved"
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return list(Country.objects.order_by("name").values_list("iso_alpha2", "name"))

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        country = Country.objects.by_code(self.value()).first()
        return queryset.involving(country) if country else queryset.none()


class YearListFilter(admin.SimpleListFilter):
    """Events overlapping a year, the years offered read from the tallies."""

    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = MonthTally.objects.order_by("-year").values_list("year", flat=True).distinct()
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        value = self.value()
        if not (value and value.isdigit()):
            return queryset
        year = int(value)
        return queryset.overlapping(date(year, 1, 1), date(year, 12, 31))


# What the tallies can count the events list for: list filters by type and status.
TALLIED_PARAMETERS = {"type__exact": "type", "status__exact": "status"}
PAGING_PARAMETERS = {"p", "o", "_changelist_filters"}


class TalliedPaginator(Paginator):
    """The changelist's paginator, with its count from the tallies when the list is
    filtered by type or status only (a count of a million rows otherwise)."""

    def __init__(self, object_list, per_page, *, filters=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.filters = filters

    @cached_property
    def count(self):
        return event_total(self.object_list, self.filters)


def tallied_filters(request) -> dict | None:
    """The list's filters as event_total() reads them, or None when the tallies cannot
    count for them."""
    params = set(request.GET) - PAGING_PARAMETERS
    if not params <= set(TALLIED_PARAMETERS):
        return None
    return {TALLIED_PARAMETERS[name]: [request.GET[name]] for name in params}
