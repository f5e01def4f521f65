"""Two records of one person or one body merged into the one kept: an official entered
twice (Zelensky / Zelenskyy), an organization created again by extraction."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import UniqueConstraint

from events.models import Official, OfficialName, Organization
from events.services.records import EFFECTS, record_delete, record_save
from events.services.unit import service


@service
def official_merge(kept: Official, removed: Iterable[Official]) -> Official:
    """Move everything that refers to each of `removed` (participations, tenures, quotes,
    spellings, and any other record pointing at it) to `kept`, keep the removed one's
    name as a spelling of `kept`, and delete it. One transaction; each moved row is saved
    through the services, so its history records the move."""
    for other in _others(kept, removed):
        qid = other.wikidata_qid
        _move_references(other, kept)
        record_delete(other)
        _keep_spelling(kept, other.name)
        if qid and not kept.wikidata_qid:
            kept.wikidata_qid = qid
            record_save(kept)
    return kept


@service
def organization_merge(kept: Organization, removed: Iterable[Organization]) -> Organization:
    """Move everything that refers to each of `removed` (participants, posts, quotes,
    sources it published, agreement parties, bodies within it) to `kept`, and delete it.
    Organizations have no table of other names: the removed one's name is kept in the
    history record of its deletion (the change reason), naming the one it went into."""
    for other in _others(kept, removed):
        _move_references(other, kept)
        if kept.parent_id == other.pk:
            kept.parent = other.parent if other.parent_id != kept.pk else None
            record_save(kept)
        other._change_reason = f"merged into {kept} ({kept.public_id}) as {other.name}"
        record_delete(other)
    return kept


def _others(kept, removed):
    others = [record for record in removed if record.pk != kept.pk]
    if not others:
        raise ValidationError("Choose at least one other record to merge into the one kept.")
    return others


def _keep_spelling(official: Official, name: str) -> None:
    known = {
        official.name.casefold(),
        *(n.casefold() for n in official.names.values_list("name", flat=True)),
    }
    if name.casefold() not in known:
        record_save(OfficialName(official=official, name=name))


def _move_references(old, new) -> None:
    """Point every row that refers to `old` at `new`. A row that would then repeat one
    `new` already has (the same official twice in one event and role, a spelling it
    already has) is deleted instead: `new` holds it."""
    for relation in type(old)._meta.related_objects:
        if relation.many_to_many or relation.one_to_one:
            continue
        model, name = relation.related_model, relation.field.name
        for row in model._default_manager.filter(**{name: old}):
            if model is type(new) and row.pk == new.pk:
                continue  # the kept body within the removed one: its parent is settled after
            setattr(row, name, new)
            if _repeats(row):
                _delete(row)
            else:
                _save(row)


def _repeats(row) -> bool:
    """Whether a stored row other than `row` is what `row` now is, by a unique rule."""
    try:
        for constraint in row._meta.constraints:
            if isinstance(constraint, UniqueConstraint):
                constraint.validate(type(row), row)
        row.validate_unique()
    except ValidationError:
        return True
    return False


def _save(row) -> None:
    if type(row) in EFFECTS:
        record_save(row)
    else:  # a record of another app, whose history (if any) its own save keeps
        row.save()


def _delete(row) -> None:
    if type(row) in EFFECTS:
        record_delete(row)
    else:
        row.delete()
