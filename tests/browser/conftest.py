"""A real browser against the live server: Debian's chromium driven by Playwright, with
every console error, failed request and request to another host recorded."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.watch import open_page

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        message = f"{CHROMIUM} is missing: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it (.ci/run); never pass there without it
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop registered on this thread, which makes
    # Django refuse ORM calls from the test itself (loading the seed, flushing after it)
    # as "async-unsafe". They are plain synchronous calls: allow them while it runs.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    launched = playwright.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )
    yield launched
    launched.close()
    playwright.stop()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def seeded_live_server(live_server):
    """The live server with the seed loaded. Its database is transactional (the server runs
    in another thread), so the module-scoped `seeded` fixture cannot serve it."""
    call_command("load_seed", verbosity=0)
    return live_server


@pytest.fixture
def page(browser, seeded_live_server):
    opened = open_page(browser, seeded_live_server.url)
    yield opened
    opened.context.close()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name):
        page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)

    return take
