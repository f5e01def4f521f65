"""Bulk import of events from CSV files (documented columns, or ACLED and GDELT presets):
`python manage.py import_events FILE.csv`; see docs/importing.md."""

from events.importing.reader import ImportFileError
from events.importing.run import Importer, ImportResult, import_file

__all__ = ["ImportFileError", "ImportResult", "Importer", "import_file"]
