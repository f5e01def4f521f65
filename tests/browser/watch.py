"""Watching a page in the browser tests: console errors, failed requests and requests to
another host, recorded as they happen; requests to another host are never sent."""

from urllib.parse import urlsplit


class Watch:
    """What went wrong while the page was open."""

    def __init__(self, page, origin):
        self.origin = origin
        self.console_errors, self.failed, self.off_host = [], [], []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", self._response)
        page.on("request", self._request)

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def _response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.url} ({response.status})")

    def _request(self, request):
        url = urlsplit(request.url)
        if url.scheme not in ("data", "about") and f"{url.scheme}://{url.netloc}" != self.origin:
            self.off_host.append(request.url)

    def assert_clean(self):
        assert self.console_errors == []
        assert self.failed == []
        assert self.off_host == []


def open_page(browser, origin, **context_options):
    """A page in a fresh browser context, watched (`page.watch`)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **context_options)
    # A request for another host is recorded (Watch) and never sent: tests make no traffic
    # beyond this machine, whatever a page asks for.
    context.route(lambda url: not url.startswith(f"{origin}/"), lambda route: route.abort())
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    opened.watch = Watch(opened, origin)
    return opened
