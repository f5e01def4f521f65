"""The visual timeline in chromium: marks of fuzzy dates are ranges, uncertain ones are
hatched, a mark leads to its event, the grouping toggles, and thousands of events become
counted cells; on a phone nothing runs off the screen. Screenshots saved."""

import datetime as dt
import re

import pytest

from events.services import write_unit
from tests import factories

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [375, 1280])
def test_marks_show_how_well_each_date_is_known(page, seeded_live_server, screenshot, width):
    factories.EventFactory(title="Reported call", type="call", date_qualifier="uncertain")
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{seeded_live_server.url}/timeline/visual/")
    assert page.locator("h1").inner_text() == "Visual timeline"
    marks = page.locator("svg.visual-plot rect.mark")
    assert marks.count() == 7
    hatched = page.locator("rect.mark.uncertain")
    assert hatched.evaluate("e => getComputedStyle(e).fill") == 'url("#hatch")'
    year = page.locator("rect.mark.fuzzy", has_text="2023: India-Russia").bounding_box()
    day = page.locator("rect.mark", has_text="8 Jul 2024: Modi visits Moscow").bounding_box()
    assert year["width"] > 20 * day["width"] and day["width"] >= 1.5
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"visual-by-type-{width}")

    page.get_by_role("link", name="country pair").click()
    page.wait_for_url(re.compile(r"/timeline/visual/\?group=pair$"))
    assert page.locator("text.lane-label").first.text_content() == "India – Ukraine (3)"
    screenshot(page, f"visual-by-pair-{width}")

    page.locator("rect.mark", has_text="Aug 2024: Modi makes").click()
    page.wait_for_url(re.compile(r"/timeline/events/2024-08-01-modi-makes-his-first-visit"))
    page.watch.assert_clean()


def test_more_events_than_can_be_drawn_are_counted_in_cells(page, seeded_live_server, screenshot):
    with write_unit():
        for n in range(320):
            factories.EventFactory(
                date_start=dt.date(2000, 1, 1) + dt.timedelta(days=n * 23),
                type=("call", "visit", "meeting")[n % 3],
            )
    page.goto(f"{seeded_live_server.url}/timeline/visual/")
    assert "too many to draw one by one" in page.locator(".visual figcaption").inner_text()
    assert page.locator("svg.visual-plot rect.mark").count() == 0
    cells = page.locator("svg.visual-plot rect.cell")
    assert cells.count() > 20
    screenshot(page, "visual-counted")
    page.locator("rect.cell", has_text="phone or video call, 2005").click()
    page.wait_for_url(re.compile(r"/timeline/\?type=call&date_after=2005&date_before=2005$"))
    assert page.locator(".listing-summary").inner_text().startswith("5 events match")
    page.watch.assert_clean()
