"""The data's revision (events.models.Revision): replaced by every write, read by the edge."""

from django.db import router
from django.utils import timezone

from events.models import Revision


def bump(now=None, using: str | None = None) -> Revision:
    """A new revision, in the current transaction."""
    using = using or router.db_for_write(Revision)
    values = {"token": Revision.new_token(), "changed_at": now or timezone.now()}
    updated = Revision.objects.using(using).filter(pk=Revision.ONLY).update(**values)
    if not updated:
        # A database flushed or restored without its row (tests flush between cases).
        Revision.objects.using(using).update_or_create(pk=Revision.ONLY, defaults=values)
    return Revision(pk=Revision.ONLY, **values)


def current(using: str | None = None) -> Revision | None:
    """The revision as stored: one indexed read of one row."""
    return Revision.objects.using(using).filter(pk=Revision.ONLY).first()
