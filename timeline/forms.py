"""The filter form as the pages show it. EventFilter validates and filters; this only says
what each control offers and has selected, so that a filtered URL shows its filters and a
submitted form gives back the same URL."""

from dataclasses import dataclass, field

from events.event_types import EventType
from events.filters import EventFilter
from timeline.queries import EventListing, filter_choices

# What the form edits; the API's other parameters (organization, status, precision,
# updated_since) are kept as hidden fields so that submitting the form does not drop them.
FORM_FIELDS = ("country", "official", "type", "topic", "date_after", "date_before", "q", "ordering")


@dataclass
class Choice:
    value: str
    label: str
    selected: bool = False


@dataclass
class FilterForm:
    shown: set[str]
    errors: dict[str, list[str]]
    country_selects: list[list[Choice]] = field(default_factory=list)
    officials: list[Choice] | None = field(default_factory=list)  # None: typed, not listed
    official: str = ""
    types: list[Choice] = field(default_factory=list)
    topics: list[Choice] = field(default_factory=list)
    date_after: str = ""
    date_before: str = ""
    q: str = ""
    oldest_first: bool = False
    hidden: list[tuple[str, str]] = field(default_factory=list)
    active: bool = False  # some filter is set, so "clear" has something to clear

    @property
    def types_selected(self) -> int:
        return sum(choice.selected for choice in self.types)

    @property
    def topics_selected(self) -> int:
        return sum(choice.selected for choice in self.topics)


def filter_form(listing: EventListing, fixed: set[str] = frozenset()) -> FilterForm:
    """The form for `listing`, without the filters the page fixes (its country, its
    official)."""
    data = listing.data
    asked = [c.strip().upper() for v in data.getlist("country") for c in v.split(",")]
    asked = [code for code in asked if code]
    choices = filter_choices(listing.names)
    form = FilterForm(shown=set(FORM_FIELDS) - set(fixed), errors=listing.errors)

    alpha2 = {a3: a2 for a2, a3, _ in choices["countries"]} | {
        a2: a2 for a2, _, _ in choices["countries"]
    }
    selected = [alpha2.get(code, code) for code in asked]
    # One select per country asked for, plus an empty one: "involving A and B" takes two.
    slots = selected + [""] * max(1, 2 - len(selected))
    form.country_selects = [
        [Choice(a2, name, a2 == slot) for a2, _, name in choices["countries"]] for slot in slots
    ]

    official = data.get("official", "")
    # Fields that passed validation are cleaned even when another one failed.
    record = listing.filter.form.cleaned_data.get("official")
    if record is not None:
        official = record.slug  # given by public id: show it selected all the same
    form.official = official
    if choices["officials"] is None:
        form.officials = None  # too many to list: a text field
    else:
        form.officials = [
            Choice(slug, name, slug == official) for slug, name in choices["officials"]
        ]
        if official and not any(choice.selected for choice in form.officials):
            form.officials.append(Choice(official, official, True))

    types = set(data.getlist("type"))
    form.types = [Choice(value, label, value in types) for value, label in EventType.choices]
    topics = set(data.getlist("topic"))
    form.topics = [Choice(slug, name, slug in topics) for slug, name in choices["topics"]]

    form.date_after = data.get("date_after", "")
    form.date_before = data.get("date_before", "")
    form.q = data.get("q", "")
    form.oldest_first = data.get("ordering") == "date"
    form.hidden = [
        (name, value)
        for name in EventFilter.base_filters
        if name not in FORM_FIELDS and name not in fixed
        for value in data.getlist(name)
    ]
    form.active = any(
        data.getlist(name)
        for name in EventFilter.base_filters
        if name not in fixed and name != "ordering"
    )
    return form
