"""Countries, and the names that point to them in text."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Lower, Upper
from django.db.models.lookups import Exact
from django.urls import reverse

from events.models.base import history


class CountryQuerySet(models.QuerySet):
    def get_by_natural_key(self, iso_alpha2):
        return self.get(iso_alpha2=iso_alpha2)

    def by_code(self, code: str):
        """Countries matching an ISO alpha-2 or alpha-3 code, in any case."""
        code = (code or "").strip().upper()
        field = {2: "iso_alpha2", 3: "iso_alpha3"}.get(len(code))
        if field is None or not (code.isascii() and code.isalpha()):
            return self.none()
        return self.filter(**{field: code})

    def by_codes(self, codes) -> tuple[dict, list[str]]:
        """The countries of `codes` (alpha-2 or alpha-3, any case) in one query: a dict from
        each code as given (upper-cased) to its country, and the codes not found."""
        codes = [(code or "").strip().upper() for code in codes]
        valid = [c for c in codes if len(c) in (2, 3) and c.isascii() and c.isalpha()]
        found = {}
        for country in self.filter(Q(iso_alpha2__in=valid) | Q(iso_alpha3__in=valid)):
            found[country.iso_alpha2] = found[country.iso_alpha3] = country
        by_code = {code: found[code] for code in codes if code in found}
        return by_code, [code for code in codes if code not in found]


class Country(models.Model):
    """A country of ISO 3166-1. Reference data: never deleted while anything points to it."""

    iso_alpha2 = models.CharField(
        "ISO alpha-2",
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", "Two capital letters, such as UA.")],
    )
    iso_alpha3 = models.CharField(
        "ISO alpha-3",
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", "Three capital letters, such as UKR.")],
    )
    iso_numeric = models.CharField(
        "ISO numeric",
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^\d{3}$", "Three digits, such as 804.")],
    )
    name = models.CharField(max_length=100, help_text="Short name as people write it: Ukraine.")
    official_name = models.CharField(max_length=200, blank=True)

    objects = CountryQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            # Codes are compared as stored: upper case, exact length (no regex, which SQLite
            # would need a Python function for).
            models.CheckConstraint(
                condition=models.Q(Exact(Length("iso_alpha2"), 2), iso_alpha2=Upper("iso_alpha2")),
                name="country_alpha2_upper_two",
            ),
            models.CheckConstraint(
                condition=models.Q(Exact(Length("iso_alpha3"), 3), iso_alpha3=Upper("iso_alpha3")),
                name="country_alpha3_upper_three",
            ),
            models.CheckConstraint(
                condition=models.Q(Exact(Length("iso_numeric"), 3)),
                name="country_numeric_three_digits",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("timeline:country", args=[self.iso_alpha2])

    def natural_key(self):
        return (self.iso_alpha2,)


class CountryNameQuerySet(models.QuerySet):
    def get_by_natural_key(self, iso_alpha2, name):
        return self.get(country__iso_alpha2=iso_alpha2, name=name)


class CountryName(models.Model):
    """Another name that refers to a country in text: "Ukrainian", "Kyiv", "Russian Federation"."""

    class Kind(models.TextChoices):
        ALIAS = "alias", "alias or variant"
        DEMONYM = "demonym", "demonym (adjective)"
        CAPITAL = "capital", "capital (used for the government)"

    # A name has no meaning without its country.
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=10, choices=Kind.choices)

    objects = CountryNameQuerySet.as_manager()
    history = history("country")

    class Meta:
        ordering = ["country", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                "country", Lower("name"), name="countryname_unique_per_country"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()} of {self.country})"

    def natural_key(self):
        return (*self.country.natural_key(), self.name)

    natural_key.dependencies = ["events.country"]
