"""Bulk import of events from CSV files (documented columns, or ACLED and GDELT presets):
`python manage.py import_events FILE.csv`; see docs/importing.md."""
