from django.apps import AppConfig


class ImportingConfig(AppConfig):
    """Bulk import of events from CSV files (import_events)."""

    name = "importing"
    verbose_name = "Bulk import"
