"""An agreement's status: the latest step of its lifecycle (by date, then lifecycle order)."""

from collections import defaultdict
from collections.abc import Iterable

from events.models import Agreement, AgreementStatusChange
from events.models.agreements import in_lifecycle_order


def refresh_statuses(agreement_ids: Iterable[int]) -> set[int]:
    """Set each of these agreements' status from its status changes; returns the events of
    the agreements whose status changed."""
    ids = set(agreement_ids)
    changes = defaultdict(list)
    for change in AgreementStatusChange.objects.filter(agreement_id__in=ids).only(
        "agreement_id", "status", "date_start", "date_end"
    ):
        changes[change.agreement_id].append(change)
    moved, events = [], set()
    for pk, status, event_id in Agreement.objects.filter(pk__in=ids).values_list(
        "pk", "status", "event_id"
    ):
        ordered = in_lifecycle_order(changes[pk])
        latest = ordered[-1].status if ordered else ""
        if latest != status:
            moved.append(Agreement(pk=pk, status=latest))
            if event_id:
                events.add(event_id)
    Agreement.objects.bulk_update(moved, ["status"])
    return events
