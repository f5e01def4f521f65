from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Diplomatic records"

    def ready(self):
        from events import signals  # noqa: F401  (registers the post_migrate group sync)
