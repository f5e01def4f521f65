"""The project's settings with one more URL, /boom/, whose view raises: for the tests that
force a 500 in a real server (`make serve`). Never used outside the tests."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "tests.reliability.failing_urls"
