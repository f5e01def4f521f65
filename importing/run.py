"""An import run: rows checked one by one and gathered into batches; a batch with any bad
row is rejected whole (none of it written), a good one is prepared and written in one
transaction. Returns what happened, with timings, for the command and the benchmark."""

import gc
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.utils import timezone

from events.derived import revision, tallies
from importing.prepare import BatchPreparer, PreparedBatch
from importing.progress import Progress
from importing.reader import OpenedFile, count_lines, open_rows, open_text
from importing.resolve import Registry
from importing.rows import EXTERNAL_ID, RowErrors, Validator
from importing.writer import Writer

DEFAULT_BATCH_SIZE = 5000
# The result keeps the first errors for callers; every error goes to on_error.
KEPT_ERRORS = 10_000
NATURAL_KEY_COLUMNS = "source_url, date, title"
PROGRESS_EVERY = 1000  # rows between progress updates inside a batch (Progress throttles)


@dataclass
class ImportResult:
    """What an import did. `seconds` splits the time: loading what rows refer to
    ("setup"), reading and checking rows ("read"), preparing batches with their queries
    and id allocation ("prepare"), writing the prepared rows and committing ("write"),
    renewing the planner's statistics on PostgreSQL ("analyze"), and the whole run
    ("total")."""

    name: str
    dry_run: bool = False
    rows: int = 0
    batches: int = 0
    created: Counter = field(default_factory=Counter)  # model name -> rows created
    skipped: int = 0  # rows already imported (their key is stored)
    rejected_rows: int = 0  # every row of a rejected batch
    rejected_batches: int = 0
    error_count: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: Counter = field(default_factory=Counter)
    analyzed: list[str] = field(default_factory=list)  # tables whose statistics were renewed
    prepared: list[PreparedBatch] | None = None

    @property
    def events(self) -> int:
        return self.created["event"]

    @property
    def events_per_second(self) -> float:
        return self.events / self.seconds["total"] if self.seconds["total"] else 0.0

    def summary(self) -> list[str]:
        created = ", ".join(
            f"{count:,} {name}" for name, count in self.created.items() if count and name != "event"
        )
        verb = "would create" if self.dry_run else "created"
        lines = [
            f"{self.name}: {_count(self.rows, 'row')} in {_count(self.batches, 'batch')}; "
            f"{verb} {_count(self.events, 'event')}" + (f" ({created})" if created else "") + ".",
            f"Skipped {_count(self.skipped, 'row')} already imported.",
        ]
        if self.rejected_batches:
            lines.append(
                f"Rejected {_count(self.rejected_rows, 'row')} in "
                f"{_count(self.rejected_batches, 'batch')} "
                f"({_count(self.error_count, 'error')}); nothing of those batches was written."
            )
        if self.events and self.seconds["total"]:
            lines.append(
                f"{self.seconds['total']:.1f} s, {self.events_per_second:,.0f} events/s "
                f"(read {self.seconds['read']:.1f} s, prepare {self.seconds['prepare']:.1f} s, "
                f"write {self.seconds['write']:.1f} s"
                + (f", analyze {self.seconds['analyze']:.1f} s" if self.analyzed else "")
                + ")."
            )
        return lines


def _count(number: int, noun: str) -> str:
    plural = noun + ("es" if noun.endswith("ch") else "s")
    return f"{number:,} {noun if number == 1 else plural}"


class Importer:
    """Imports opened files into one database; one instance per run."""

    def __init__(
        self,
        *,
        using: str = DEFAULT_DB_ALIAS,
        user_id: int | None = None,
        reason: str = "import",
        started: datetime | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        dry_run: bool = False,
        keep_prepared: bool = False,
        on_error: Callable[[str], None] | None = None,
    ):
        if batch_size < 1:
            raise ValueError("The batch size must be at least 1.")
        clock = time.perf_counter()
        self.using = using
        self.connection = connections[using]
        self.batch_size = batch_size
        self.dry_run = dry_run
        self.keep_prepared = keep_prepared
        self.on_error = on_error
        self.written: Counter = Counter()  # table -> rows written, for refresh_statistics
        self.registry = Registry(using)
        self.validator = Validator(self.registry)
        self.writer = Writer.for_connection(self.connection)
        self.preparer = BatchPreparer(
            self.registry,
            self.writer,
            user_id=user_id,
            reason=reason,
            started=started or timezone.now(),
        )
        # Loading what rows refer to is part of the import's time.
        self.setup_seconds = time.perf_counter() - clock

    # The benchmark's two steps --------------------------------------------------------

    def prepare_batch(self, rows) -> PreparedBatch:
        """The tuples every table receives for `rows` (valid EventRows), with ids
        allocated; call inside the batch's transaction."""
        self.writer.begin()
        return self.preparer.prepare(rows)

    def write_batch(self, prepared: PreparedBatch):
        """Write prepared tuples (COPY on PostgreSQL, executemany on SQLite), the counts
        they add to the tallies, and a new revision of the data, in the batch's
        transaction."""
        self.writer.write(prepared.tables)
        tallies.apply(prepared.tally_delta, self.using)
        revision.bump(using=self.using)

    # The run ---------------------------------------------------------------------------

    def run(self, opened: OpenedFile, progress: Progress | None = None) -> ImportResult:
        # An import allocates millions of tuples and makes no reference cycles worth
        # collecting: the cyclic collector, running all along, costs a quarter of the
        # Python time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._run(opened, progress)
        finally:
            if collecting:
                gc.enable()

    def _run(self, opened: OpenedFile, progress: Progress | None) -> ImportResult:
        result = ImportResult(name=opened.name, dry_run=self.dry_run)
        if self.keep_prepared:
            result.prepared = []
        started = time.perf_counter()
        layout, validator, labels = opened.layout, self.validator, opened.layout.labels
        width = layout.width
        first_line_of: dict[str, int] = {}
        rows, errors, count, first = [], [], 0, 0
        for line, fields, problem in opened.rows:
            if not count:
                first = line
            count += 1
            try:
                if problem is not None:
                    raise RowErrors([("row", problem)])
                if len(fields) != width:
                    raise RowErrors([("row", f"{len(fields)} fields where {width} are expected")])
                values = layout.pick(fields)
                row = validator.validate(values, line)
                seen = first_line_of.setdefault(row.key, line)
                if seen != line:
                    column = "external_id" if values[EXTERNAL_ID].strip() else NATURAL_KEY_COLUMNS
                    raise RowErrors([(column, f"the same event as line {seen}")])
                rows.append(row)
            except RowErrors as error:
                for column, reason in error.errors:
                    label = f"{labels[column]} ({column})" if column in labels else column
                    errors.append(f"line {line}: {label}: {reason}")
            if count == self.batch_size:
                self._flush(result, rows, errors, count, (first, line))
                rows, errors, count = [], [], 0
                if progress:
                    progress.update(result.rows, result.events)
            elif progress and not count % PROGRESS_EVERY:
                progress.update(result.rows + count, result.events)
        if count:
            self._flush(result, rows, errors, count, (first, line))
        if self.written:
            clock = time.perf_counter()
            result.analyzed = self.writer.refresh_statistics(self.written)
            result.seconds["analyze"] = time.perf_counter() - clock
        result.seconds["setup"] = self.setup_seconds
        result.seconds["total"] = time.perf_counter() - started + self.setup_seconds
        result.seconds["read"] = (
            result.seconds["total"]
            - result.seconds["setup"]
            - result.seconds["prepare"]
            - result.seconds["write"]
            - result.seconds["analyze"]
        )
        if progress:
            progress.finish(result.rows, result.events)
        return result

    def _flush(self, result: ImportResult, rows, errors, count, lines):
        result.rows += count
        result.batches += 1
        if errors:
            self._reject(result, count, errors)
            return
        if self.dry_run:
            existing = self.preparer.existing_keys([row.key for row in rows])
            result.skipped += len(existing)
            result.created["event"] += len(rows) - len(existing)
            return
        try:
            clock = time.perf_counter()
            with transaction.atomic(using=self.using):
                prepared = self.prepare_batch(rows)
                prepared_at = time.perf_counter()
                self.write_batch(prepared)
            written_at = time.perf_counter()
        except DatabaseError as error:
            message = " ".join(str(error).split())
            self._reject(
                result,
                count,
                [f"lines {lines[0]}-{lines[1]}: the database refused the batch: {message}"],
            )
            return
        result.seconds["prepare"] += prepared_at - clock
        result.seconds["write"] += written_at - prepared_at
        self.registry.learn(prepared)
        result.created.update(prepared.created)
        for part in prepared.tables:
            self.written[part.table] += len(part.rows)
        result.skipped += prepared.skipped
        if result.prepared is not None:
            result.prepared.append(prepared)

    def _reject(self, result: ImportResult, count: int, errors: list[str]):
        result.rejected_rows += count
        result.rejected_batches += 1
        result.error_count += len(errors)
        room = KEPT_ERRORS - len(result.errors)
        if room > 0:
            result.errors.extend(errors[:room])
        if self.on_error:
            for message in errors:
                self.on_error(message)


def import_file(
    path: str,
    *,
    preset: str | None = None,
    mapping=(),
    delimiter: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    dry_run: bool = False,
    user=None,
    using: str = DEFAULT_DB_ALIAS,
    on_error: Callable[[str], None] | None = None,
    progress_stream=None,
    keep_prepared: bool = False,
) -> ImportResult:
    """Import the events of the file at `path` ("-" for standard input) and say what
    happened. `user` (a User or None) is recorded in history; `progress_stream` gets the
    progress line; `keep_prepared` keeps every written PreparedBatch in the result (for
    replaying the writes alone: Importer.write_batch). Raises ImportFileError for a file
    it cannot read at all."""
    stream, name = open_text(path)
    with stream:
        total = count_lines(path) if path != "-" and progress_stream is not None else None
        importer = Importer(
            using=using,
            user_id=getattr(user, "pk", None),
            reason=f"import {name}",
            batch_size=batch_size,
            dry_run=dry_run,
            keep_prepared=keep_prepared,
            on_error=on_error,
        )
        opened = open_rows(
            stream,
            name,
            importer.registry,
            preset=preset,
            mapping=mapping,
            delimiter=delimiter,
            total=total,
        )
        progress = Progress(progress_stream, opened.total) if progress_stream is not None else None
        return importer.run(opened, progress)
