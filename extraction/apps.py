from django.apps import AppConfig


class ExtractionConfig(AppConfig):
    """Article to events: reads the domain through events.selectors and writes through
    events.services, like any other client of it."""

    name = "extraction"
    verbose_name = "Article to events"
