"""Organizations, officials, the posts they hold and their tenures.

A person is not their job: a Post belongs to an organization and a country, and a Tenure
says who held which post from when to when, so "who was Ukraine's Strategic Industries
Minister on 2024-10-26?" has an answer, and so does "which post did Smetanin hold then?".
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse

from events.dates import DatePrecision, FuzzyDate
from events.models.base import DomainModel, PublicIdQuerySet, history
from events.models.fuzzy import fuzzy_date_constraints, validate_fuzzy_fields
from events.models.places import Country

wikidata_qid_validator = RegexValidator(r"^Q[1-9]\d*$", "A Wikidata item id, such as Q3874799.")


class Organization(DomainModel):
    """A ministry, embassy, presidential office, alliance, international body or publisher."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", "government"
        HEAD_OF_STATE_OFFICE = "head_of_state_office", "head of state's office"
        MINISTRY = "ministry", "ministry or agency"
        EMBASSY = "embassy", "embassy or mission"
        LEGISLATURE = "legislature", "legislature"
        MILITARY = "military", "armed forces"
        INTERNATIONAL = "international", "international organization"
        ALLIANCE = "alliance", "alliance or bloc"
        COMPANY = "company", "company"
        MEDIA = "media", "news organization"
        NGO = "ngo", "non-governmental organization"
        OTHER = "other", "other"

    name = models.CharField(max_length=200)
    abbreviation = models.CharField(max_length=30, blank=True)
    slug = models.SlugField(max_length=80, unique=True, blank=True)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        help_text="Country it belongs to; empty for international bodies.",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The body it is part of: a ministry's government, an embassy's ministry.",
    )
    wikidata_qid = models.CharField(
        "Wikidata id", max_length=20, blank=True, validators=[wikidata_qid_validator]
    )
    website = models.URLField(blank=True)

    history = history("country", "parent")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "country", name="organization_unique_name_per_country"
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("id")), name="organization_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # No page of its own: the timeline of the events it takes part in.
        return f"{reverse('timeline:index')}?organization={self.slug or self.public_id}"


class Official(DomainModel):
    """A person who acts for a country or organization."""

    name = models.CharField(
        max_length=200, help_text="As the project writes it: Volodymyr Zelensky."
    )
    slug = models.SlugField(max_length=80, unique=True, blank=True)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officials",
        help_text="The country the person acts for, when the posts held do not say.",
    )
    wikidata_qid = models.CharField(
        "Wikidata id", max_length=20, blank=True, validators=[wikidata_qid_validator]
    )
    note = models.TextField(blank=True)

    history = history("country")

    class Meta:
        ordering = ["name"]
        # Lists of officials (the API's, admin's, the timeline's filter) are in name order:
        # without the index, each sorts every official (tens of thousands) to show a page.
        indexes = [models.Index(fields=["name", "id"], name="official_name")]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_qid"],
                condition=~Q(wikidata_qid=""),
                name="official_wikidata_qid_unique",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("timeline:official", args=[self.slug])


class OfficialNameQuerySet(models.QuerySet):
    def get_by_natural_key(self, official_public_id, name):
        return self.get(official__public_id=official_public_id, name=name)


class OfficialName(models.Model):
    """Another way the official's name is written: Zelenskyy, Зеленський."""

    class Kind(models.TextChoices):
        SPELLING = "spelling", "alternative spelling or transliteration"
        NATIVE = "native", "native script"
        SHORT = "short", "short form or surname"
        FORMER = "former", "former name"

    # A spelling has no meaning without the person.
    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SPELLING)
    language = models.CharField(
        max_length=10, blank=True, help_text="Language code, such as uk or hi, when it matters."
    )

    objects = OfficialNameQuerySet.as_manager()
    history = history("official")

    class Meta:
        ordering = ["official", "name"]
        constraints = [
            models.UniqueConstraint(
                "official", Lower("name"), name="officialname_unique_per_official"
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (*self.official.natural_key(), self.name)

    natural_key.dependencies = ["events.official"]


class Post(DomainModel):
    """A position that people hold in turn: Prime Minister of India, Ambassador of India to
    Ukraine."""

    class Kind(models.TextChoices):
        HEAD_OF_STATE = "head_of_state", "head of state"
        HEAD_OF_GOVERNMENT = "head_of_government", "head of government"
        MINISTER = "minister", "minister"
        DEPUTY_MINISTER = "deputy_minister", "deputy minister"
        AMBASSADOR = "ambassador", "ambassador"
        ENVOY = "envoy", "envoy or representative"
        SPOKESPERSON = "spokesperson", "spokesperson"
        MILITARY = "military", "military commander"
        LEGISLATOR = "legislator", "legislator"
        LEADER = "leader", "head of an organization"
        OTHER = "other", "other"

    title = models.CharField(
        max_length=200, help_text="Full title as it should read: Prime Minister of India."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="posts",
        help_text="The country whose post it is; empty for posts of international bodies.",
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="posts",
        help_text="The ministry, embassy or office the post belongs to.",
    )
    accredited_to = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accredited_posts",
        help_text="For ambassadors and envoys: the country they are posted to.",
    )

    history = history("country", "organization", "accredited_to")

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                Lower("title"), "country", name="post_unique_title_per_country"
            ),
            models.CheckConstraint(
                condition=~Q(accredited_to=F("country")), name="post_accredited_abroad"
            ),
        ]

    def __str__(self):
        return self.title


class TenureQuerySet(PublicIdQuerySet):
    def in_office_on(self, day: date):
        """Tenures that cover `day`, most recently started first.

        A fuzzy start counts from its earliest possible day and a fuzzy end to its latest, so
        a tenure starting "Sep 2024" covers 3 Sep 2024; an unknown start or end leaves that
        side open (an ongoing tenure has no end)."""
        return self.filter(
            Q(start_earliest__isnull=True) | Q(start_earliest__lte=day),
            Q(end_latest__isnull=True) | Q(end_latest__gte=day),
        ).order_by(F("start_earliest").desc(nulls_last=True), "-pk")


class Tenure(DomainModel):
    """Who held which post from when to when. Either end may be unknown or fuzzy ("since
    2019", "until mid-2025")."""

    # A tenure has no meaning without the person who held it.
    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="tenures")
    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="tenures")
    start_earliest = models.DateField(
        "start (from)", null=True, blank=True, help_text="Empty when the start is unknown."
    )
    start_latest = models.DateField("start (to)", null=True, blank=True)
    start_precision = models.PositiveSmallIntegerField(
        "start precision", choices=DatePrecision.choices, null=True, blank=True
    )
    end_earliest = models.DateField(
        "end (from)", null=True, blank=True, help_text="Empty while in office or when unknown."
    )
    end_latest = models.DateField("end (to)", null=True, blank=True)
    end_precision = models.PositiveSmallIntegerField(
        "end precision", choices=DatePrecision.choices, null=True, blank=True
    )
    note = models.TextField(blank=True, help_text="Where the dates come from, or what is unsure.")

    START_FIELDS = {
        "start": "start_earliest",
        "end": "start_latest",
        "precision": "start_precision",
    }
    END_FIELDS = {"start": "end_earliest", "end": "end_latest", "precision": "end_precision"}

    objects = TenureQuerySet.as_manager()
    history = history("official", "post")

    class Meta:
        ordering = ["post", F("start_earliest").asc(nulls_first=True)]
        indexes = [models.Index(fields=["post", "start_earliest"], name="tenure_post_start")]
        constraints = [
            *fuzzy_date_constraints(
                "tenure_start", "start_earliest", "start_latest", "start_precision", optional=True
            ),
            *fuzzy_date_constraints(
                "tenure_end", "end_earliest", "end_latest", "end_precision", optional=True
            ),
            models.CheckConstraint(
                condition=Q(end_latest__gte=F("start_earliest")),
                name="tenure_ends_after_start",
                violation_error_message="The tenure ends before it starts.",
            ),
        ]

    def __str__(self):
        return f"{self.official} as {self.post} ({self.period_label})"

    @property
    def start(self) -> FuzzyDate | None:
        return FuzzyDate.or_none(self.start_earliest, self.start_latest, self.start_precision)

    @property
    def end(self) -> FuzzyDate | None:
        return FuzzyDate.or_none(self.end_earliest, self.end_latest, self.end_precision)

    @property
    def period_label(self) -> str:
        start, end = self.start, self.end
        if start and end:
            return f"{start.label} \u2013 {end.label}"
        if start:
            return f"since {start.label}"
        if end:
            return f"until {end.label}"
        return "dates unknown"

    def clean(self):
        super().clean()
        validate_fuzzy_fields(
            self.start_earliest,
            self.start_latest,
            self.start_precision,
            fields=self.START_FIELDS,
            required=False,
        )
        validate_fuzzy_fields(
            self.end_earliest,
            self.end_latest,
            self.end_precision,
            fields=self.END_FIELDS,
            required=False,
        )
        if self.start_earliest and self.end_latest and self.end_latest < self.start_earliest:
            raise ValidationError({"end_latest": "The tenure ends before it starts."})
