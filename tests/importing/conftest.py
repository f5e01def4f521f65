import io
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.derived.search import search_texts

DATA = Path(__file__).parent / "data"


@dataclass
class Outcome:
    """What `import_events` printed, and the CommandError it ended with (None on success)."""

    out: str
    err: str
    error: CommandError | None


@pytest.fixture
def csv_file(tmp_path):
    """Write a file for the importer: `csv_file(text, name=...)` returns its path."""

    def write(text: str, name: str = "events.csv") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture
def import_events():
    """Run the command as a person would; progress is on unless --no-progress is given."""

    def run(*args) -> Outcome:
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command("import_events", *map(str, args), stdout=out, stderr=err)
        except CommandError as error:
            return Outcome(out.getvalue(), err.getvalue(), error)
        return Outcome(out.getvalue(), err.getvalue(), None)

    return run


def assert_search_text_is_derived(event):
    """The stored search text holds what events.derived.search derives for a saved event,
    each item once, title first; the order of names is the builder's business (search
    ignores it)."""
    stored, derived = event.search_text.split("\n"), search_texts([event.pk])[event.pk].split("\n")
    assert stored[0] == event.title
    assert sorted(stored) == sorted(derived)
