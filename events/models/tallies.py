"""Event counts kept per month, per country and month, per pair of countries, and per
pair, month and type: derived data (events.derived.tallies keeps them in step with every write, in the
writing transaction), so the charts and dashboards that count all events, one country's,
one pair's or every pair's answer from a few hundred rows instead of a scan of millions.

A count places an event the way events.selectors counts: in the month its whole range lies
in (`month` 1-12), or, when it reaches into another month, `month` 0; `spans_years` says
that it reaches into another year too (it then has no place in a year either).
"""

from django.db import models
from django.db.models import F, Q

from events.models.places import Country


class MonthTally(models.Model):
    """How many events start in a month, by type and status."""

    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField(help_text="1-12; 0: the range spans months.")
    spans_years = models.BooleanField()
    type = models.CharField(max_length=20)
    status = models.CharField(max_length=10)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["year", "month", "spans_years", "type", "status"],
                name="monthtally_unique",
            ),
        ]

    def __str__(self):
        return f"{self.year}-{self.month:02d} {self.type} {self.status}: {self.count}"


class CountryMonthTally(models.Model):
    """How many events involving a country start in a month."""

    # Counts are derived from the country's events, which protect it while they exist.
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField(help_text="1-12; 0: the range spans months.")
    spans_years = models.BooleanField()
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["country", "year", "month", "spans_years"],
                name="countrymonthtally_unique",
            ),
        ]

    def __str__(self):
        return f"{self.country_id} {self.year}-{self.month:02d}: {self.count}"


class PairTally(models.Model):
    """How many events involve both countries of a pair (`first` has the smaller key): the
    pairs dashboards rank, one row a pair."""

    # As for CountryMonthTally: the pair's events protect both countries.
    first = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="pairtally_unique"),
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="pairtally_ordered"),
        ]
        indexes = [models.Index(fields=["second"], name="pairtally_second")]

    def __str__(self):
        return f"{self.first_id}-{self.second_id}: {self.count}"


class PairMonthTally(models.Model):
    """How many events involving both countries of a pair start in a month, by type: a
    relation page's chart, counts and total at any size (a busy pair has tens of
    thousands of events; this, a few hundred rows)."""

    first = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField(help_text="1-12; 0: the range spans months.")
    spans_years = models.BooleanField()
    type = models.CharField(max_length=20)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["first", "second", "year", "month", "spans_years", "type"],
                name="pairmonthtally_unique",
            ),
            models.CheckConstraint(
                condition=Q(first__lt=F("second")), name="pairmonthtally_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.first_id}-{self.second_id} {self.year}-{self.month:02d} {self.type}: {self.count}"
