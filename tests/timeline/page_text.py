"""Reading the timeline's HTML in tests: the text a person would see, by element."""

from html.parser import HTMLParser

# Elements that a browser sets apart from the text around them.
BLOCKS = {
    "p",
    "div",
    "li",
    "tr",
    "td",
    "th",
    "dt",
    "dd",
    "blockquote",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "section",
    "article",
    "ul",
    "ol",
    "table",
}


class _Collector(HTMLParser):
    """Text of elements matching a tag and/or a class, in document order."""

    def __init__(self, tag, css_class):
        super().__init__()
        self.tag, self.css_class = tag, css_class
        self.open_tag, self.depth = None, 0
        self.found, self.current = [], []

    def _matches(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        return (self.tag in (None, tag)) and (self.css_class in (None, *classes))

    def handle_starttag(self, tag, attrs):
        if self.open_tag is None and self._matches(tag, attrs):
            self.open_tag, self.depth, self.current = tag, 1, []
            return
        if tag == self.open_tag:
            self.depth += 1
        if self.open_tag is not None and tag in BLOCKS:
            self.current.append(" ")

    def handle_endtag(self, tag):
        if self.open_tag is not None and tag in BLOCKS:
            self.current.append(" ")
        if tag == self.open_tag:
            self.depth -= 1
            if not self.depth:
                self.found.append(" ".join("".join(self.current).split()))
                self.open_tag = None

    def handle_data(self, data):
        if self.open_tag is not None:
            self.current.append(data)


def texts(content: str, tag: str | None = None, css_class: str | None = None) -> list[str]:
    """The whitespace-normalised text of each matching element, in document order."""
    collector = _Collector(tag, css_class)
    collector.feed(content)
    return collector.found


def event_titles(content: str) -> list[str]:
    """The titles of the events shown, in order (not the titles of related events)."""
    return texts(content, css_class="event-title")
