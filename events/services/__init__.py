"""The one door for writes: admin forms and inlines, the API's serializers, extraction,
the importer's bookkeeping and the tests' factories all write through these functions.
Each runs in a unit of work (unit.py): one transaction, with the data derived from the
write (events.derived) computed once at its end.

    records.py     one record saved or deleted, with what it reaches (EFFECTS)
    events.py      events written whole (EventSpec): create, update, partial change
    people.py      officials with their spellings; officials created from extraction
    merge.py       two records of one official or organization merged into one
    agreements.py  agreements with parties and lifecycle
    sources.py     sources with their bylines
    places.py      countries with their other names
    restore.py     deleted events brought back from history; an event reverted to a version
    upserts.py     events written by their external_id: created, updated or unchanged
"""

from events.services.agreements import agreement_save
from events.services.errors import errors_at
from events.services.events import (
    CitationSpec,
    EventSpec,
    ParticipantSpec,
    citation_add,
    duplicate_error,
    duplicate_of,
    event_change,
    event_create,
    event_set_topics,
    event_spec,
    event_update,
)
from events.services.merge import official_merge, organization_merge
from events.services.people import official_create, official_save
from events.services.places import country_save
from events.services.records import (
    InUse,
    delete_refusal,
    detached_reason,
    record_delete,
    record_save,
    records_delete,
)
from events.services.restore import deleted_events, event_restore, event_revert
from events.services.sources import source_save
from events.services.unit import write_unit
from events.services.upserts import Outcome, event_upsert

__all__ = [
    "duplicate_error",
    "duplicate_of",
    "CitationSpec",
    "EventSpec",
    "InUse",
    "ParticipantSpec",
    "agreement_save",
    "citation_add",
    "country_save",
    "delete_refusal",
    "deleted_events",
    "detached_reason",
    "errors_at",
    "event_change",
    "event_create",
    "event_restore",
    "event_revert",
    "event_set_topics",
    "event_spec",
    "event_update",
    "event_upsert",
    "Outcome",
    "official_create",
    "official_merge",
    "organization_merge",
    "official_save",
    "record_delete",
    "record_save",
    "records_delete",
    "source_save",
    "write_unit",
]
