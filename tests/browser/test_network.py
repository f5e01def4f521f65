"""Who met whom in chromium: the circle of countries and of officials, names on a wide
screen and short names on a phone, a pair's line leading to its meetings; screenshots."""

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [375, 1280])
def test_the_network_reads_on_a_wide_screen_and_a_phone(
    page, seeded_live_server, screenshot, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{seeded_live_server.url}/timeline/network/")
    assert page.locator("h1").inner_text() == "Who met whom"
    plot = page.locator("svg.network-plot").first
    box = plot.bounding_box()
    nodes = plot.locator("circle.network-node")
    assert nodes.count() == 3
    for i in range(nodes.count()):
        node = nodes.nth(i).bounding_box()
        assert box["x"] <= node["x"] and node["x"] + node["width"] <= box["x"] + box["width"]
    # Names where there is room, codes where there is not; either is readable.
    shown = "text.network-short" if width < 640 else "text.network-label"
    hidden = "text.network-label" if width < 640 else "text.network-short"
    assert plot.locator(shown).first.is_visible() and not plot.locator(hidden).first.is_visible()
    size = plot.locator(shown).first.bounding_box()["height"]
    assert size >= 9, "labels stay readable when the drawing scales down"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"network-{width}")
    page.watch.assert_clean()


def test_a_line_leads_to_the_meetings_of_its_pair(page, seeded_live_server):
    page.goto(f"{seeded_live_server.url}/timeline/network/")
    page.locator("line.network-line", has_text="India and Ukraine: 3 meetings").click(force=True)
    page.wait_for_url(re.compile(r"/timeline/\?country=IN&country=UA&type=meeting"))
    assert page.locator(".listing-summary").inner_text().startswith("3 events match")
    page.watch.assert_clean()
