"""Shapes shared by the domain models."""

import uuid

from django.db import models
from simple_history.models import HistoricalRecords


class PublicIdQuerySet(models.QuerySet):
    def by_reference(self, value: str, slug_field: str | None = "slug"):
        """The records named by `value`: a public id, or else a slug (when the model has
        one). Empty for anything else, including text no column could hold."""
        value = (value or "").strip()
        if not value or "\x00" in value:
            return self.none()
        try:
            return self.filter(public_id=uuid.UUID(value))
        except ValueError:
            pass
        return self.filter(**{slug_field: value}) if slug_field else self.none()

    def get_by_natural_key(self, public_id):
        """Find a record by its public id, so fixtures and backups refer to records without
        database keys (`dumpdata --natural-foreign --natural-primary`) and loading them twice
        updates rather than duplicates."""
        return self.get(public_id=public_id)


class DomainModel(models.Model):
    """A record editors create: a public id that never changes, and when it was created and
    last changed (what dashboards sync on)."""

    public_id = models.UUIDField(
        "public id",
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text="Stable public identifier; never changes, even when the record is edited.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = PublicIdQuerySet.as_manager()

    class Meta:
        abstract = True

    def natural_key(self):
        return (str(self.public_id),)


# History tables are written on every change and read by record (its id) and by date; an
# index on anything else costs every write and serves no query.
UNINDEXED_IN_HISTORY = ("public_id", "updated_at", "slug")


def history(*unindexed: str, **options) -> HistoricalRecords:
    """HistoricalRecords whose table indexes only the record's id and the history date: the
    `unindexed` fields (usually foreign keys) and UNINDEXED_IN_HISTORY get no index there."""
    return HistoricalRecords(no_db_index=[*UNINDEXED_IN_HISTORY, *unindexed], **options)
