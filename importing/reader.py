"""Reading an import file: its layout (a documented header, or a preset's) and its rows,
each with the physical line it starts on (the header is line 1), as editors see the file
in an editor or a spreadsheet."""

import csv
import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from importing.columns import HeaderError, documented_header, parse_mapping
from importing.presets import PRESETS, preset_layout
from importing.resolve import Registry

# Notes fields of event data can be long; csv's default limit is 128 KiB.
FIELD_SIZE_LIMIT = 16 * 1024 * 1024


class ImportFileError(Exception):
    """A file the importer cannot read at all (missing, not text, no usable header)."""


@dataclass
class OpenedFile:
    layout: object  # columns.Header or a presets.PresetLayout: has pick(fields)
    rows: Iterator  # (line, fields, problem): problem is a reason the line is unreadable
    name: str  # for history's change reason and messages
    total: int | None  # data lines, estimated from the file's size; None for a stream


def parse_delimiter(text: str | None) -> str | None:
    if text is None:
        return None
    named = {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
    value = named.get(text.lower(), text)
    if len(value) != 1:
        raise ImportFileError(f"--delimiter must be one character (or tab), not {text!r}.")
    return value


def count_lines(path: str) -> int:
    """Newlines in the file: the progress bar's total, without parsing (quoted fields
    spanning lines make it an upper bound)."""
    count = 0
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            count += chunk.count(b"\n")
    return count


def open_text(path: str):
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline=""), "<stdin>"
    try:
        if os.path.isdir(path):
            raise ImportFileError(f"{path} is a directory, not a file.")
        return open(path, encoding="utf-8-sig", newline=""), os.path.basename(path)
    except FileNotFoundError:
        raise ImportFileError(f"No such file: {path}") from None
    except PermissionError as error:
        raise ImportFileError(f"Cannot read {path}: {error.strerror}.") from None


def open_rows(
    stream, name: str, registry: Registry, *, preset=None, mapping=(), delimiter=None, total=None
) -> OpenedFile:
    """Read the first line of `stream` and return the layout and the remaining rows."""
    if preset is not None and preset not in PRESETS:
        raise ImportFileError(f"Unknown preset {preset!r}; use one of: {', '.join(PRESETS)}.")
    try:
        renames = parse_mapping(mapping)
    except HeaderError as error:
        raise ImportFileError(str(error)) from None
    separator = parse_delimiter(delimiter) or (PRESETS[preset].delimiter if preset else ",")
    # GDELT fields are never quoted, and its names may hold a stray quote mark.
    quoting = csv.QUOTE_NONE if preset == "gdelt" else csv.QUOTE_MINIMAL
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_SIZE_LIMIT))
    reader = csv.reader(stream, delimiter=separator, quoting=quoting, strict=False)
    try:
        first = next(reader, None)
    except UnicodeDecodeError:
        raise ImportFileError(f"{name} is not UTF-8 text.") from None
    except csv.Error as error:
        raise ImportFileError(f"line 1: {error}") from None
    if not first:
        raise ImportFileError(f"{name} is empty: it has no header line.")
    try:
        if preset is None:
            layout, has_header = documented_header(first, renames), True
        else:
            layout, has_header = preset_layout(preset, registry, first, renames)
    except HeaderError as error:
        raise ImportFileError(f"line 1: {error}") from None
    rows = _rows(reader, name, None if has_header else first)
    if total is not None and has_header:
        total = max(total - 1, 0)
    return OpenedFile(layout, rows, name, total)


def _rows(reader, name: str, first: list[str] | None):
    if first is not None:
        yield 1, first, None
    line = reader.line_num
    while True:
        start = line + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            line = reader.line_num
            yield start, None, str(error)
            continue
        except UnicodeDecodeError:
            raise ImportFileError(f"{name}: not UTF-8 text near line {start}.") from None
        line = reader.line_num
        if fields:  # a blank line is no row
            yield start, fields, None
