"""Logging: everything to stderr (gunicorn's stream, and runserver's), each line with the id
of the request it was written for, so that a 500's traceback, the access log line and the
id a user quotes from the error page all meet.

Errors (5xx, with their tracebacks) come from Django's `django.request` logger; with
ADMINS set they are also mailed (Django's AdminEmailHandler), in production only.
"""

import logging
from contextvars import ContextVar

# The id of the request being handled in this thread (or task); "-" outside any request.
request_id: ContextVar[str] = ContextVar("request_id", default="-")

FORMAT = "[%(asctime)s] [%(process)d] [%(levelname)s] [%(request_id)s] %(name)s: %(message)s"


class RequestIdFilter(logging.Filter):
    """Gives every record the current request's id, as `request_id`."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


def configuration(level: str = "INFO", request_level: str = "ERROR") -> dict:
    """The LOGGING setting: `level` for the project's and Django's loggers; `request_level`
    for django.request, which logs every 4xx as a warning (the access log has those
    already) and every 5xx as an error, with its traceback."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": RequestIdFilter},
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        },
        "formatters": {
            "plain": {"format": FORMAT, "datefmt": "%Y-%m-%d %H:%M:%S %z"},
            "django.server": {
                "()": "django.utils.log.ServerFormatter",
                "format": "[{server_time}] {message}",
                "style": "{",
            },
        },
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "filters": ["request_id"],
                "formatter": "plain",
            },
            "django.server": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": "django.server",
            },
            # Sends only when ADMINS is set (and never with DEBUG).
            "mail_admins": {
                "class": "django.utils.log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false"],
            },
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            "django": {"handlers": ["stderr", "mail_admins"], "level": level, "propagate": False},
            "django.request": {
                "handlers": ["stderr", "mail_admins"],
                "level": request_level,
                "propagate": False,
            },
            # django-axes says INFO at every start and every login; lockouts are warnings.
            "axes": {"level": "WARNING"},
            # runserver's request lines, in Django's own format.
            "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        },
    }
