"""The admin's change forms fit a 1,366 px laptop screen: no sideways scrolling on the
pages editors work on all day (reviewers measured 1,800-2,200 px before)."""

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Agreement, Event, Official, Source
from tests import factories

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}


def log_in(page, origin):
    client = Client()
    client.force_login(factories.editor())
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": origin}]
    )


@pytest.mark.parametrize(
    "model", [Event, Source, Agreement, Official], ids=lambda m: m._meta.model_name
)
def test_the_change_form_fits_a_1366_px_window(page, seeded_live_server, screenshot, model):
    origin = seeded_live_server.url
    log_in(page, origin)
    page.set_viewport_size(LAPTOP)
    record = model.objects.order_by("pk").first()
    opts = model._meta
    page.goto(
        origin + reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    )
    page.wait_for_selector("#content-main form")
    widest = page.evaluate(
        """() => [...document.querySelectorAll('#content-main *')]
            .map(e => [e.getBoundingClientRect().right, e.tagName + '.' + e.className + '#' + (e.name || e.id)])
            .sort((a, b) => b[0] - a[0]).slice(0, 8)"""
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    screenshot(page, f"admin-{opts.model_name}-1366")
    assert width <= LAPTOP["width"], widest
    page.watch.assert_clean()
