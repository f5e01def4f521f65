"""Fuzzy dates in the database: the columns, and the CHECK constraints that hold every stored
range to what its precision can describe (the same rules as `events.dates.check_consistency`).

The constraints use native SQL on both backends. Django's own Extract compiles to a Python
function on SQLite, which every connection writing the table (including tools outside
Django) would then need to have registered.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Func, Q
from django.db.models.lookups import Exact, In

from events.dates import DatePrecision, DateQualifier, FuzzyDate, FuzzyDateError, check_consistency


class DatePart(Func):
    """Year, month or day of a date, as an integer."""

    arity = 1
    output_field = models.IntegerField()
    # Django stores dates on SQLite as ISO text: YYYY-MM-DD.
    SQLITE_SLICES = {"year": (1, 4), "month": (6, 2), "day": (9, 2)}

    def __init__(self, expression, part, **extra):
        if part not in self.SQLITE_SLICES:
            raise ValueError(f"Unknown date part {part!r}")
        self.part = part
        super().__init__(expression, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        template = f"CAST(EXTRACT({self.part.upper()} FROM %(expressions)s) AS integer)"
        return super().as_sql(compiler, connection, template=template, **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        start, length = self.SQLITE_SLICES[self.part]
        template = f"CAST(substr(%(expressions)s, {start}, {length}) AS integer)"
        return super().as_sql(compiler, connection, template=template, **extra_context)


class WeekStart(Func):
    """The Monday that begins a date's ISO week."""

    arity = 1
    output_field = models.DateField()

    def as_sql(self, compiler, connection, **extra_context):
        template = "CAST(date_trunc('week', CAST(%(expressions)s AS timestamp)) AS date)"
        return super().as_sql(compiler, connection, template=template, **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        # On to the Sunday ending the week (the date itself if a Sunday), back to its Monday.
        template = "date(%(expressions)s, 'weekday 0', '-6 days')"
        return super().as_sql(compiler, connection, template=template, **extra_context)


class LastDayOfMonth(Func):
    """The last day of the month a date falls in."""

    arity = 1
    output_field = models.DateField()

    def as_sql(self, compiler, connection, **extra_context):
        template = (
            "CAST(date_trunc('month', CAST(%(expressions)s AS timestamp))"
            " + interval '1 month - 1 day' AS date)"
        )
        return super().as_sql(compiler, connection, template=template, **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        template = "date(%(expressions)s, 'start of month', '+1 month', '-1 day')"
        return super().as_sql(compiler, connection, template=template, **extra_context)


def fuzzy_date_constraints(name, start, end, precision, *, optional=False):
    """CHECK constraints for a fuzzy range stored in the columns `start`, `end`, `precision`.
    Each constraint is named `<name>_<rule>`, so a violation says which rule broke. An
    `optional` date (nullable columns) must be given whole or not at all."""

    def part(field, which):
        return DatePart(F(field), which)

    def only_for(value, condition):
        return ~Q(**{precision: value}) | condition

    same_month = Q(
        Exact(part(end, "year"), part(start, "year")),
        Exact(part(end, "month"), part(start, "month")),
    )
    thirds = (
        Q(Exact(part(start, "day"), 1), Exact(part(end, "day"), 10))
        | Q(Exact(part(start, "day"), 11), Exact(part(end, "day"), 20))
        | Q(Exact(part(start, "day"), 21), Exact(F(end), LastDayOfMonth(F(start))))
    )
    whole_month = Q(Exact(part(start, "day"), 1), Exact(F(end), LastDayOfMonth(F(start))))
    whole_quarter = Q(
        Exact(part(start, "day"), 1),
        In(part(start, "month"), [1, 4, 7, 10]),
        Exact(part(end, "year"), part(start, "year")),
        Exact(part(end, "month"), part(start, "month") + 2),
        Exact(F(end), LastDayOfMonth(F(end))),
    )
    whole_year = Q(
        Exact(part(start, "month"), 1),
        Exact(part(start, "day"), 1),
        Exact(part(end, "month"), 12),
        Exact(part(end, "day"), 31),
        Exact(part(end, "year"), part(start, "year")),
    )
    rules = {
        "end_not_before_start": (
            Q(**{f"{end}__gte": F(start)}),
            "The end of the date is before its start.",
        ),
        "day_is_one_day": (
            only_for(DatePrecision.DAY, Q(**{end: F(start)})),
            "A date with day precision starts and ends on the same day.",
        ),
        "day_range_spans_days": (
            only_for(DatePrecision.DAY_RANGE, Q(**{f"{end}__gt": F(start)})),
            "A day range spans at least two days.",
        ),
        "part_of_month_is_third": (
            only_for(DatePrecision.PART_OF_MONTH, same_month & thirds),
            "Part of month means days 1-10, 11-20 or 21-end of one month.",
        ),
        "month_is_whole_month": (
            only_for(DatePrecision.MONTH, whole_month),
            "A date with month precision covers one whole month.",
        ),
        "quarter_is_whole_quarter": (
            only_for(DatePrecision.QUARTER, whole_quarter),
            "A date with quarter precision covers one whole calendar quarter.",
        ),
        "year_is_whole_year": (
            only_for(DatePrecision.YEAR, whole_year),
            "A date with year precision covers one whole year.",
        ),
    }
    if optional:
        columns = (start, end, precision)
        rules["complete_or_empty"] = (
            Q(**{f"{c}__isnull": True for c in columns})
            | Q(**{f"{c}__isnull": False for c in columns}),
            "Give the whole date or none of it.",
        )
    return [
        models.CheckConstraint(
            condition=condition, name=f"{name}_{rule}", violation_error_message=msg
        )
        for rule, (condition, msg) in rules.items()
    ]


def validate_fuzzy_fields(start, end, precision, *, fields, required=True):
    """Check a fuzzy range as a model's clean() would, raising a ValidationError keyed on the
    model's own field names: `fields` maps "start", "end", "precision" to them."""
    values = (start, end, precision)
    if all(v is None for v in values) and not required:
        return
    missing = {
        fields[key]: "Required with the rest of the date."
        for key, value in zip(("start", "end", "precision"), values, strict=True)
        if value is None
    }
    if missing:
        raise ValidationError(missing)
    try:
        check_consistency(start, end, precision)
    except FuzzyDateError as error:
        raise ValidationError(
            {fields.get(error.field, fields["precision"]): error.message}
        ) from None


class FuzzyDated(models.Model):
    """A record dated as precisely as its source allows: "on Oct. 26", "in late September"."""

    date_start = models.DateField("from", help_text="First day the date can fall on (inclusive).")
    date_end = models.DateField("to", help_text="Last day the date can fall on (inclusive).")
    date_precision = models.PositiveSmallIntegerField(
        "precision",
        choices=DatePrecision.choices,
        help_text="How precisely the source gives the date; it decides how the date is shown.",
    )
    date_qualifier = models.CharField(
        "certainty",
        max_length=12,
        choices=DateQualifier.choices,
        default=DateQualifier.EXACT,
        help_text="Approximate for \u201caround Oct. 26\u201d; uncertain for \u201creportedly\u201d.",
    )

    FUZZY_FIELDS = {"start": "date_start", "end": "date_end", "precision": "date_precision"}

    class Meta:
        abstract = True
        constraints = fuzzy_date_constraints(
            "%(class)s_date", "date_start", "date_end", "date_precision"
        )

    @property
    def date(self) -> FuzzyDate | None:
        """The date as a FuzzyDate, or None while it is incomplete or inconsistent."""
        return FuzzyDate.or_none(
            self.date_start, self.date_end, self.date_precision, self.date_qualifier
        )

    @date.setter
    def date(self, value: FuzzyDate):
        self.date_start, self.date_end = value.start, value.end
        self.date_precision, self.date_qualifier = value.precision, value.qualifier

    @property
    def date_label(self) -> str:
        date = self.date
        return date.label if date else ""

    @property
    def date_edtf(self) -> str:
        date = self.date
        return date.edtf if date else ""

    def clean(self):
        super().clean()
        validate_fuzzy_fields(
            self.date_start, self.date_end, self.date_precision, fields=self.FUZZY_FIELDS
        )
