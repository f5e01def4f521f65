"""The analysts' path through the timeline in a real browser: read, filter with the form,
follow a permalink; no console errors, no failed or off-host requests, screenshots saved."""

import re

import pytest

from tests.browser.watch import open_page

pytestmark = pytest.mark.browser

SEED_TITLES = [
    "Smetanin meets Indian Ambassador Shankar on defense industry cooperation",
    "Zelensky and Modi discuss trade, defense cooperation and reconstruction",
    "Modi makes his first visit to Ukraine",
    "Russian strike hits Okhmatdyt children's hospital in Kyiv",
    "Modi visits Moscow and holds talks with Putin",
    "India-Russia bilateral trade reaches a historic high",
]


def titles(page):
    return page.locator(".event-title").all_inner_texts()


def test_filter_to_india_ukraine_and_follow_a_permalink(page, seeded_live_server, screenshot):
    page.goto(f"{seeded_live_server.url}/timeline/")
    assert page.locator("h1").inner_text() == "Timeline"
    assert titles(page) == SEED_TITLES
    # The stylesheet came from the live server and applies.
    background = page.locator("form.filters").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(244, 246, 249)"
    assert page.locator("svg.chart-plot rect.chart-bar").count() == 4
    screenshot(page, "timeline")

    page.select_option("#filter-country", "IN")
    page.select_option("#filter-country-2", "UA")
    page.get_by_role("button", name="Show events").click()
    page.wait_for_url(re.compile(r"/timeline/\?country=IN&country=UA$"))
    assert titles(page) == SEED_TITLES[:3]
    assert page.locator("#filter-country").input_value() == "IN"
    screenshot(page, "timeline-india-ukraine")

    page.get_by_role("link", name="Modi makes his first visit to Ukraine").first.click()
    page.wait_for_url(
        re.compile(r"/timeline/events/2024-08-01-modi-makes-his-first-visit-to-ukraine/$")
    )
    assert page.locator("h1").inner_text() == "Modi makes his first visit to Ukraine"
    assert page.get_by_text("follows: Modi visits Moscow and holds talks with Putin").count() == 1
    screenshot(page, "event")

    page.watch.assert_clean()


def test_filters_work_from_the_keyboard(page, seeded_live_server):
    page.goto(f"{seeded_live_server.url}/timeline/")
    page.focus("#filter-type")  # the "Types" disclosure
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the first type: meeting
    page.focus("#filter-q")
    page.keyboard.type("Smetanin")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?type=meeting&q=Smetanin$"))
    assert titles(page) == SEED_TITLES[:1]
    page.watch.assert_clean()


MAIN_PAGES = [
    ("relation-india-ukraine", "/timeline/relations/IN-UA/", "India – Ukraine"),
    ("country-ukraine", "/timeline/countries/UA/", "Ukraine"),
    ("official-narendra-modi", "/timeline/officials/narendra-modi/", "Narendra Modi"),
    (
        "agreement",
        "/timeline/agreements/fb66f5d4-bc33-5bd5-b6df-32b796abc66a/",
        "Ukraine-India cooperation agreement (1 of 4, details not disclosed)",
    ),
]


def test_main_pages_render_cleanly(page, seeded_live_server, screenshot):
    # One test for all: each browser test loads the seed into, and flushes, a real database.
    for name, path, heading in MAIN_PAGES:
        page.goto(f"{seeded_live_server.url}{path}")
        assert page.locator("h1").inner_text() == heading
        screenshot(page, name)
    page.watch.assert_clean()


def test_timeline_reads_on_a_phone(page, seeded_live_server, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{seeded_live_server.url}/timeline/?country=IN&country=UA")
    # Nothing wider than the screen: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "timeline-phone")
    page.watch.assert_clean()


def test_watch_reports_off_host_failed_and_erroring_requests(browser, live_server):
    """The checks above would pass vacuously if the watch saw nothing: it sees these. The
    site's Content-Security-Policy would stop the off-host request before it is made, so
    it is bypassed here to reach the watch."""
    page = open_page(browser, live_server.url, bypass_csp=True)
    page.goto(f"{live_server.url}/timeline/")
    with page.expect_response(lambda r: r.url.endswith("/missing.css")):
        page.evaluate(
            """() => {
                for (const href of ["https://cdn.example.com/x.css", "/static/missing.css"]) {
                    const link = document.createElement("link");
                    link.rel = "stylesheet";
                    link.href = href;
                    document.head.append(link);
                }
            }"""
        )
    page.wait_for_timeout(300)
    assert page.watch.off_host == ["https://cdn.example.com/x.css"]
    assert any(f.endswith("/static/missing.css (404)") for f in page.watch.failed)
    assert page.watch.console_errors
    page.context.close()
