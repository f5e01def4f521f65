"""Agreements, their parties and their lifecycle."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError

from events.models import Agreement, AgreementParty, AgreementStatusChange
from events.models.agreements import lifecycle_errors
from events.services.records import record_delete, record_save
from events.services.unit import service


@service
def agreement_save(
    agreement: Agreement,
    parties: Sequence[dict] | None = None,
    status_changes: Sequence[dict] | None = None,
) -> Agreement:
    """Save an agreement and, when given, make its parties ({"country"} or
    {"organization"} each) and status changes ({"status", "date", "party", "source",
    "note"}, the date a FuzzyDate) what they list. A step given again (same status, date
    and party) keeps its row and public id. The status follows (events.derived)."""
    record_save(agreement)
    if parties is not None:
        wanted = {(p.get("country"), p.get("organization")): p for p in parties}
        for party in agreement.parties.all():
            if wanted.pop((party.country, party.organization), None) is None:
                record_delete(party)
        for party in wanted.values():
            record_save(AgreementParty(agreement=agreement, **party))
    if status_changes is not None:
        existing = {
            (c.status, c.date_start, c.date_end, c.party_id): c
            for c in agreement.status_changes.all()
        }
        rows = []
        for change in status_changes:
            change = dict(change)
            fuzzy = change.pop("date")
            party = change.get("party")
            key = (change["status"], fuzzy.start, fuzzy.end, party.pk if party else None)
            row = existing.pop(key, None) or AgreementStatusChange(agreement=agreement)
            for name, value in change.items():
                setattr(row, name, value)
            row.date = fuzzy
            rows.append(row)
        if errors := lifecycle_errors(rows):
            raise ValidationError({"status_changes": errors})
        for row in rows:
            record_save(row)
        for row in existing.values():
            record_delete(row)
    return agreement
