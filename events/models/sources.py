"""Where facts come from: sources and their authors, citations, and quotes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from events.limits import EXCERPT_CHARS, QUOTE_CHARS, SOURCE_TEXT_CHARS, text_bound
from events.models.base import DomainModel, history
from events.models.event import Event
from events.models.people import Official, Organization


class Author(DomainModel):
    """A person who wrote a source: a journalist, an analyst."""

    name = models.CharField(max_length=200)

    history = history()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Source(DomainModel):
    """An article, press release or statement that facts are taken from."""

    class Kind(models.TextChoices):
        ARTICLE = "article", "news article"
        PRESS_RELEASE = "press_release", "press release"
        OFFICIAL_STATEMENT = "official_statement", "official statement or readout"
        REPORT = "report", "report"
        SOCIAL_MEDIA = "social_media", "social media post"
        OTHER = "other", "other"

    url = models.URLField("URL", max_length=500, blank=True)
    headline = models.CharField(max_length=400)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ARTICLE)
    publisher = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="publications",
    )
    authors = models.ManyToManyField(
        Author, through="SourceAuthor", blank=True, related_name="sources"
    )
    published_at = models.DateTimeField(
        "published", null=True, blank=True, help_text="When the source was published."
    )
    language = models.CharField(max_length=10, default="en", help_text="Language code: en, uk.")
    text = models.TextField(
        blank=True,
        validators=[text_bound(SOURCE_TEXT_CHARS)],
        help_text="The source's text, for extraction and search.",
    )

    history = history("publisher")

    class Meta:
        ordering = ["-published_at", "headline"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url=""),
                name="source_url_unique_when_present",
                violation_error_message="A source with this URL is already recorded.",
            ),
        ]
        indexes = [models.Index(fields=["published_at"], name="source_published_at")]

    def __str__(self):
        return self.headline

    @property
    def author_names(self) -> list[str]:
        """Authors in byline order (prefetch "bylines__author" for lists)."""
        return [byline.author.name for byline in self.bylines.all()]


class SourceAuthorQuerySet(models.QuerySet):
    def get_by_natural_key(self, source_public_id, author_public_id):
        return self.get(source__public_id=source_public_id, author__public_id=author_public_id)


class SourceAuthor(models.Model):
    """An author on a source's byline, in order: the first named is the first author."""

    # The byline belongs to the source; an author who wrote something is kept.
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0, help_text="0 for the first author.")

    objects = SourceAuthorQuerySet.as_manager()
    history = history("source", "author")

    class Meta:
        verbose_name = "byline"
        ordering = ["source", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "author"], name="sourceauthor_unique"),
        ]

    def __str__(self):
        return f"{self.author} on {self.source}"

    def natural_key(self):
        return (*self.source.natural_key(), *self.author.natural_key())

    natural_key.dependencies = ["events.source", "events.author"]


class CitationQuerySet(models.QuerySet):
    def get_by_natural_key(self, event_public_id, source_public_id):
        return self.get(event__public_id=event_public_id, source__public_id=source_public_id)


class Citation(models.Model):
    """An event traced to a source, with the passage that supports it."""

    # A citation belongs to its event; a cited source cannot be deleted.
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    excerpt = models.TextField(
        blank=True,
        validators=[text_bound(EXCERPT_CHARS)],
        help_text="The passage that reports the event.",
    )

    objects = CitationQuerySet.as_manager()
    history = history("source")

    class Meta:
        ordering = ["event", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "source"],
                name="citation_unique_source_per_event",
                violation_error_message="This source is already cited for the event.",
            ),
        ]

    def __str__(self):
        return f"{self.source} for {self.event}"

    def natural_key(self):
        return (*self.event.natural_key(), *self.source.natural_key())

    natural_key.dependencies = ["events.event", "events.source"]


class Statement(DomainModel):
    """A quote by an official (or a body speaking as one), at or about an event, from a
    source."""

    official = models.ForeignKey(
        Official, on_delete=models.PROTECT, null=True, blank=True, related_name="statements"
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        help_text="The body that released the statement, or that speaks when no person does.",
    )
    # A quote outlives the event record it was attached to.
    event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="statements"
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="statements")
    text = models.TextField("quote", validators=[text_bound(QUOTE_CHARS)])
    language = models.CharField(max_length=10, default="en")

    history = history("official", "organization", "source")

    class Meta:
        ordering = ["event", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(official__isnull=False) | Q(organization__isnull=False),
                name="statement_has_speaker",
                violation_error_message="Name who said it: an official or an organization.",
            ),
        ]

    def __str__(self):
        speaker = self.official or self.organization
        quote = self.text if len(self.text) <= 60 else f"{self.text[:57]}..."
        return f"{speaker}: \u201c{quote}\u201d"

    def clean(self):
        super().clean()
        if not (self.official_id or self.organization_id):
            raise ValidationError({"official": "Name who said it: an official or an organization."})
