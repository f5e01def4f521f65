"""Where, in chromium: the world's outlines come from the app's own static files, places
sit where their coordinates say, on a phone and a wide screen; screenshots saved."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [375, 1280])
def test_the_map_draws_places_over_the_shipped_outlines(
    page, seeded_live_server, screenshot, width
):
    page.set_viewport_size({"width": width, "height": 900})
    with page.expect_response(lambda r: r.url.endswith("/timeline/map/world-110m.svg")) as outline:
        page.goto(f"{seeded_live_server.url}/timeline/map/")
    assert outline.value.status == 200
    assert outline.value.headers["content-type"].startswith("image/svg+xml")
    assert page.locator("h1").inner_text() == "Where"
    plot = page.locator("svg.map-plot")
    box = plot.bounding_box()
    assert box["width"] <= width and box["height"] > box["width"] / 3
    kyiv = page.locator("circle.map-point", has_text="Kyiv").bounding_box()
    moscow = page.locator("circle.map-point", has_text="Moscow").bounding_box()
    # Moscow is east and north of Kyiv; both in Europe, right of the middle and above it.
    assert moscow["x"] > kyiv["x"] and moscow["y"] < kyiv["y"]
    assert box["x"] + box["width"] / 2 < kyiv["x"] < box["x"] + box["width"] * 0.7
    assert kyiv["y"] < box["y"] + box["height"] / 2
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"map-{width}")
    page.watch.assert_clean()
