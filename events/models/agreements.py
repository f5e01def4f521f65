"""Agreements, their parties, and their lifecycle as dated status changes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from events.limits import SUMMARY_CHARS, text_bound
from events.models.base import DomainModel, history
from events.models.event import Event
from events.models.fuzzy import FuzzyDated
from events.models.people import Organization
from events.models.places import Country


class AgreementStatus(models.TextChoices):
    """Lifecycle steps: the UN Treaty Collection's actions, plus proposed, negotiated,
    suspended, terminated and expired. Declared in lifecycle order, which breaks ties between
    changes recorded for the same date."""

    PROPOSED = "proposed", "proposed"
    NEGOTIATED = "negotiated", "negotiated"
    SIGNED = "signed", "signed"
    APPROVED = "approved", "approved"
    ACCEPTED = "accepted", "accepted"
    RATIFIED = "ratified", "ratified"
    ACCEDED = "acceded", "acceded to"
    IN_FORCE = "in_force", "entered into force"
    SUSPENDED = "suspended", "suspended"
    DENOUNCED = "denounced", "denounced"
    TERMINATED = "terminated", "terminated"
    EXPIRED = "expired", "expired"

    @classmethod
    def lifecycle_rank(cls, value) -> int:
        return list(cls).index(cls(value))


class Agreement(DomainModel):
    """A treaty, memorandum, joint statement, contract, programme or roadmap between parties."""

    class Kind(models.TextChoices):
        TREATY = "treaty", "treaty"
        AGREEMENT = "agreement", "agreement"
        MOU = "mou", "memorandum of understanding"
        JOINT_STATEMENT = "joint_statement", "joint statement or declaration"
        CONTRACT = "contract", "contract"
        PROGRAMME = "programme", "programme"
        ROADMAP = "roadmap", "roadmap"
        OTHER = "other", "other"

    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # The agreement stands on its own if the event record is removed.
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        help_text="The event where it was signed or approved.",
    )
    disclosed = models.BooleanField(
        "details disclosed",
        default=True,
        help_text="Untick when the source says the text or details were not disclosed.",
    )
    summary = models.TextField(blank=True, validators=[text_bound(SUMMARY_CHARS)])
    text_url = models.URLField("text URL", max_length=500, blank=True)
    status = models.CharField(
        max_length=12,
        choices=AgreementStatus.choices,
        blank=True,
        editable=False,
        help_text="Latest status change; kept up to date from the lifecycle (events.derived).",
    )

    history = history("event")

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("timeline:agreement", args=[self.public_id])


RATIFYING = {
    AgreementStatus.APPROVED,
    AgreementStatus.ACCEPTED,
    AgreementStatus.RATIFIED,
}
ENDING = {
    AgreementStatus.SUSPENDED,
    AgreementStatus.DENOUNCED,
    AgreementStatus.TERMINATED,
    AgreementStatus.EXPIRED,
}


def lifecycle_errors(changes) -> list[str]:
    """What in these status changes (each with status, date_start, date_end and party)
    cannot have happened in that order: entry into force wholly before any signature, a
    party ratifying wholly before it (or the agreement) signed, an end wholly before entry
    into force. Fuzzy dates conflict only when one range ends before the other begins;
    later parties signing, ratifying or acceding after entry into force is normal."""
    changes = [c for c in changes if c.date_start and c.date_end and c.status]

    def party(c):
        return getattr(c, "party_id", None) or getattr(getattr(c, "party", None), "pk", None)

    def label(c):
        return f"{AgreementStatus(c.status).label} ({c.date_label})"

    def same_side(a, b):
        return party(a) is None or party(b) is None or party(a) == party(b)

    signed = [c for c in changes if c.status == AgreementStatus.SIGNED]
    in_force = [c for c in changes if c.status == AgreementStatus.IN_FORCE]
    errors = []
    for step in in_force:
        if signed and all(step.date_end < s.date_start for s in signed):
            errors.append(f"{label(step)} is before the agreement was signed ({label(signed[0])}).")
    for step in (c for c in changes if c.status in RATIFYING):
        own = [s for s in signed if same_side(s, step)]
        if own and all(step.date_end < s.date_start for s in own):
            errors.append(f"{label(step)} is before the signature ({label(own[0])}).")
    for step in (c for c in changes if c.status in ENDING):
        began = [s for s in in_force if same_side(s, step)]
        if began and all(step.date_end < s.date_start for s in began):
            errors.append(f"{label(step)} is before entry into force ({label(began[0])}).")
    return errors


def in_lifecycle_order(changes) -> list:
    """Status changes in the order an agreement's status follows: by date, then by step
    (signed before ratified on the same day)."""
    return sorted(
        changes,
        key=lambda c: (c.date_start, c.date_end, AgreementStatus.lifecycle_rank(c.status)),
    )


class AgreementParty(DomainModel):
    """A country or organization that is party to an agreement."""

    # The party list belongs to the agreement; countries and bodies are kept.
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="agreement_parties"
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_parties",
    )

    history = history("agreement", "country", "organization")

    class Meta:
        verbose_name_plural = "agreement parties"
        ordering = ["agreement", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=False, organization__isnull=True)
                | Q(country__isnull=True, organization__isnull=False),
                name="agreementparty_country_or_organization",
                violation_error_message="A party is a country or an organization, not both.",
            ),
            models.UniqueConstraint(
                fields=["agreement", "country"],
                condition=Q(country__isnull=False),
                name="agreementparty_unique_country",
                violation_error_message="This country is already a party.",
            ),
            models.UniqueConstraint(
                fields=["agreement", "organization"],
                condition=Q(organization__isnull=False),
                name="agreementparty_unique_organization",
                violation_error_message="This organization is already a party.",
            ),
        ]

    def __str__(self):
        return str(self.country or self.organization)

    def clean(self):
        super().clean()
        if bool(self.country_id) == bool(self.organization_id):
            raise ValidationError("Choose a country or an organization (one of them).")


class AgreementStatusChange(FuzzyDated, DomainModel):
    """A dated step in an agreement's life: signed in Aug 2024, ratified by one party, in
    force from a date."""

    # The lifecycle belongs to the agreement.
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(max_length=12, choices=AgreementStatus.choices)
    party = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_status_changes",
        help_text="For a step one party takes alone (ratification, denunciation).",
    )
    source = models.ForeignKey(
        "events.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_status_changes",
    )
    note = models.CharField(max_length=300, blank=True)

    history = history("agreement", "party", "source")

    class Meta(FuzzyDated.Meta):
        ordering = ["agreement", "date_start", "date_end"]

    def __str__(self):
        party = f" by {self.party}" if self.party_id else ""
        return f"{self.get_status_display()}{party}, {self.date_label}"
