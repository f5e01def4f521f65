"""Slugs: readable, unique permalinks made from a record's name (or an event's date and
title), numbered on collision: "narendra-modi", "narendra-modi-2"."""

import re
import unicodedata

_NOT_SLUG = re.compile(r"[^\w\s-]")
_SLUG_GAPS = re.compile(r"[-\s]+")


def slugify(text: str) -> str:
    """django.utils.text.slugify's result (ASCII), without its lazy-text wrapper and with
    the Unicode normalisation skipped for ASCII text, which it leaves unchanged: the
    importer makes a slug per event."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG_GAPS.sub("-", _NOT_SLUG.sub("", text.lower())).strip("-_")


def numbered_slug(text: str, taken, max_length: int = 80) -> str:
    """A slug for `text` not in `taken` (anything supporting `in`)."""
    base = slugify(text)[:max_length].strip("-") or "record"
    slug, number = base, 2
    while slug in taken:
        suffix = f"-{number}"
        slug = f"{base[: max_length - len(suffix)].strip('-')}{suffix}"
        number += 1
    return slug


class _Stored:
    """The slugs stored for a model, asked for one at a time (a set would need them all)."""

    def __init__(self, queryset, field):
        self.queryset, self.field = queryset, field

    def __contains__(self, slug):
        return self.queryset.filter(**{self.field: slug}).exists()


def assign_slug(record, text: str, field: str = "slug") -> None:
    """Give `record` a slug made from `text` when it has none, unique among its model's rows."""
    if getattr(record, field):
        return
    max_length = record._meta.get_field(field).max_length
    others = type(record)._default_manager.exclude(pk=record.pk) if record.pk else None
    taken = _Stored(others if others is not None else type(record)._default_manager, field)
    setattr(record, field, numbered_slug(text, taken, max_length))


def slug_text(record) -> str:
    """What a record's slug is made from: an event's start date and title, else its name."""
    if hasattr(record, "date_start") and hasattr(record, "title"):
        start = record.date_start.isoformat() if record.date_start else ""
        return f"{start} {record.title}"
    return record.name
