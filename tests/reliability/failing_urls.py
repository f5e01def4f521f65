"""config.urls, plus /boom/ and /api/boom/, which raise (see failing_settings)."""

import logging

from django.urls import path

from config.urls import handler400, handler500, urlpatterns  # noqa: F401


def boom(request):
    logging.getLogger("events").warning("About to fail on purpose")
    raise RuntimeError("forced failure for the logging test")


urlpatterns = [path("boom/", boom), path("api/boom/", boom), *urlpatterns]
