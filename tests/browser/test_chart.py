"""The month chart in chromium: bars over decades stay visible on a phone, each bar is a
link to its period's list, every year tick has its label; screenshots saved."""

import datetime as dt
import re

import pytest

from events.services import write_unit
from tests import factories

pytestmark = pytest.mark.browser


def decades_of_events():
    with write_unit():
        for year in (1995, 2001, 2010, 2016):
            factories.EventFactory(date_start=dt.date(year, 2, 14), title=f"Old talks {year}")


@pytest.mark.parametrize("width", [375, 1280])
def test_bars_over_thirty_years_are_visible_and_link_to_their_period(
    page, seeded_live_server, screenshot, width
):
    decades_of_events()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{seeded_live_server.url}/timeline/")
    assert page.locator("figcaption", has_text="Events per quarter").count() == 1
    bars = page.locator("svg.chart-plot rect.chart-bar")
    assert bars.count() == 6  # four old quarters; the seed's Jul-Sep and Oct 2024
    for box in (bars.nth(i).bounding_box() for i in range(bars.count())):
        assert box["width"] >= 2 and box["height"] >= 2, box
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Every tick has its label, and labels do not run into one another.
    ticks = page.locator("svg.chart-plot line.chart-tick")
    labels = page.locator("svg.chart-plot text.chart-year")
    assert ticks.count() == labels.count() >= 3
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    assert all(a["x"] + a["width"] < b["x"] for a, b in zip(boxes, boxes[1:], strict=False))
    svg = page.locator("svg.chart-plot").bounding_box()
    assert all(svg["x"] <= b["x"] and b["x"] + b["width"] <= svg["x"] + svg["width"] for b in boxes)
    screenshot(page, f"chart-decades-{width}")

    bars.first.click()
    page.wait_for_url(re.compile(r"\?date_after=1995-01&date_before=1995-03$"))
    assert page.locator(".event-title").all_inner_texts() == ["Old talks 1995"]
    page.watch.assert_clean()
