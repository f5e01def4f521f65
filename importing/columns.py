"""The columns an import file may have, and how a file's header maps onto them.

One table (COLUMNS) documents the format: the command's help and docs/importing.md are
written from it, and the validator reads values in its order.
"""

import textwrap
from dataclasses import dataclass

# Column name -> what it holds. Order matters: validated rows are tuples in this order.
COLUMNS = {
    "external_id": "Identifier in the data set the row comes from (at most 100 characters). "
    "A row whose id is already imported is skipped; without it, the key is a hash of "
    "source_url, the dates and the title.",
    "date": "The date as editors type it: 26 Oct 2024, 8-9 Jul 2024, late Sep 2024, Aug 2024, "
    "Q1 2025, 2023, 2024-09-21/2024-09-30, c. 26 Oct 2024. Or leave it out and give "
    "date_start, date_end and date_precision.",
    "date_start": "First day, YYYY-MM-DD (instead of date).",
    "date_end": "Last day, YYYY-MM-DD; may be empty for precision day.",
    "date_precision": "day, day_range, part_of_month, month, quarter or year.",
    "date_qualifier": "exact (default), approximate or uncertain; with date_start.",
    "type": "Event type: meeting, visit, call, summit, talks, agreement, statement, "
    "appointment, aid, cooperation, sanction, attack, strike, election, other.",
    "title": "Required, at most 300 characters.",
    "status": "held (default), planned or cancelled.",
    "countries": "Countries involved: ISO alpha-2 or alpha-3 codes separated by ';' "
    "(participants' countries are added).",
    "participants": "Items separated by ';', each 'Name|role|CC': an official, matched by "
    "name or any other spelling ignoring case (a name several officials share is settled "
    "by CC; an unknown name creates an official of country CC); 'org:Name|role|CC' for an "
    "organization (matched by name and country, else created); '|role|CC' for a country "
    "itself. Role and CC may be empty (role participant).",
    "location": "Place as the source names it, at most 200 characters.",
    "location_country": "ISO alpha-2 or alpha-3 code of the place's country.",
    "latitude": "Decimal degrees, -90 to 90, with longitude (rounded to 5 places).",
    "longitude": "Decimal degrees, -180 to 180, with latitude.",
    "summary": "Free text.",
    "topics": "Slugs of existing topics separated by ';'.",
    "source_url": "URL of the source (found by URL, or created); the event cites it.",
    "source_headline": "Headline of a source created from source_url (default: the URL).",
    "source_published": "Publication time of a created source: YYYY-MM-DD or ISO 8601.",
    "excerpt": "The passage of the source that reports the event (needs source_url).",
}
INDEX = {name: position for position, name in enumerate(COLUMNS)}
DATE_PARTS = ("date_start", "date_end", "date_precision", "date_qualifier")


class HeaderError(ValueError):
    """A header the importer cannot read: the command stops before reading any row."""


@dataclass(frozen=True)
class Header:
    """Where each documented column sits in the file's rows."""

    positions: tuple  # per documented column (COLUMNS order): index in the row, or None
    width: int  # number of fields a row must have
    labels: dict  # documented column -> the file's own name for it, for error messages
    ignored: tuple  # the file's columns that map to nothing

    def pick(self, fields: list[str]) -> tuple:
        """A row's values in COLUMNS order ("" where the file lacks the column)."""
        return tuple(fields[i] if i is not None else "" for i in self.positions)


def parse_mapping(pairs) -> dict[str, str]:
    """`--map SRC=TARGET` pairs as {source name (lower case): target}."""
    mapping = {}
    for pair in pairs or ():
        source, sep, target = pair.partition("=")
        source, target = source.strip(), target.strip()
        if not sep or not source or not target:
            raise HeaderError(f"--map {pair!r}: write it as SOURCE=TARGET.")
        mapping[source.lower()] = target
    return mapping


def normalise_header(fields: list[str], mapping: dict[str, str]) -> list[str]:
    """The file's column names, trimmed and lower-cased, with --map renames applied."""
    names = []
    for field in fields:
        name = field.strip().lstrip("\ufeff").strip()
        names.append(mapping.get(name.lower(), name).lower())
    seen = set()
    for name in names:
        if name and name in seen:
            raise HeaderError(f"The header names the column {name!r} twice.")
        seen.add(name)
    return names


def documented_header(fields: list[str], mapping: dict[str, str]) -> Header:
    """Match a header of documented column names (after --map) to COLUMNS."""
    originals = [field.strip().lstrip("\ufeff").strip() for field in fields]
    names = normalise_header(fields, mapping)
    if not any(names):
        raise HeaderError("The first line is not a header: it names no columns.")
    unknown_targets = {t for t in mapping.values() if t.lower() not in COLUMNS}
    if unknown_targets:
        raise HeaderError(
            f"--map targets {', '.join(sorted(unknown_targets))} are not importer columns; "
            f"use one of: {', '.join(COLUMNS)}."
        )
    where = {name: i for i, name in enumerate(names) if name in COLUMNS}
    missing = [name for name in ("type", "title") if name not in where]
    has_date = "date" in where
    has_parts = "date_start" in where and "date_precision" in where
    if not has_date and not has_parts:
        missing.append("date (or date_start and date_precision)")
    if missing:
        raise HeaderError(
            f"The header lacks the column(s) {', '.join(missing)}; it has: "
            f"{', '.join(n for n in originals if n) or 'nothing'}."
        )
    if has_date and any(part in where for part in DATE_PARTS):
        raise HeaderError("Give either a date column or date_start/date_end/date_precision.")
    return Header(
        positions=tuple(where.get(name) for name in COLUMNS),
        width=len(fields),
        labels={name: originals[i] for name, i in where.items() if originals[i] != name},
        ignored=tuple(originals[i] for i, n in enumerate(names) if n and n not in COLUMNS),
    )


def help_text(width: int = 88) -> str:
    """The documented columns, one paragraph each, for the command's help."""
    return "\n".join(
        textwrap.fill(f"{name}: {text}", width, initial_indent="  ", subsequent_indent="      ")
        for name, text in COLUMNS.items()
    )
