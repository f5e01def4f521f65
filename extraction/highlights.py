"""The article as the review page shows it: its text, paragraph by paragraph, with every
mention the reader found marked (dates with what they resolved to, people, countries,
places, agreements), so an editor sees at a glance what was read and what was missed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from extraction.date_phrases import find_date_phrases
from extraction.gazetteer import Gazetteer, get_gazetteer
from extraction.people import find_people


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str  # date, person, country, place, agreement
    note: str  # what it was read as, shown on hover


def mentions(
    text: str, published: date, agreements=(), gazetteer: Gazetteer | None = None
) -> list[Mention]:
    """What the reader finds in `text`, in order, without overlaps (the first found wins)."""
    gazetteer = gazetteer or get_gazetteer()
    found: list[Mention] = []
    for phrase in find_date_phrases(text):
        fuzzy = phrase.resolve(published, announced=False)
        note = f"read as {fuzzy.label}" if fuzzy else "not a calendar date"
        found.append(Mention(phrase.start, phrase.end, "date", note))
    entities, _ = gazetteer.find(text)
    for match in entities:
        if match.kind == "country":
            kind = "place" if match.how == "capital" else "country"
            name = gazetteer.countries.get(match.value, match.value)
            found.append(Mention(match.start, match.end, kind, name))
        elif match.kind == "official":
            name = gazetteer.officials[match.value].name
            found.append(Mention(match.start, match.end, "person", f"recorded: {name}"))
    for person in find_people(text, gazetteer, entities):
        if person.official is not None:
            note = f"recorded: {gazetteer.officials[person.official].name}"
        elif person.proposal is not None:
            note = f"new: {person.proposal.name}"
        else:
            note = "a post"
        found.append(Mention(person.start, person.end, "person", note))
    for agreement in agreements:
        found.append(Mention(agreement.start, agreement.end, "agreement", agreement.title))
    found.sort(key=lambda m: (m.start, -m.end))
    kept, reached = [], 0
    for mention in found:
        if mention.start >= reached:
            kept.append(mention)
            reached = mention.end
    return kept


def marked_text(text: str, found: list[Mention]) -> SafeString:
    """`text` as HTML paragraphs with each mention in a <mark>, everything escaped."""
    pieces, position = [], 0
    for mention in found:
        pieces.append(escape(text[position : mention.start]))
        pieces.append(
            format_html(
                '<mark class="mention mention-{}" title="{}: {}">{}</mark>',
                mention.kind,
                mention.kind,
                mention.note,
                text[mention.start : mention.end],
            )
        )
        position = mention.end
    pieces.append(escape(text[position:]))
    html = "".join(pieces)
    paragraphs = [p for p in html.split("\n") if p.strip()]
    return mark_safe("".join(f"<p>{p}</p>" for p in paragraphs))  # noqa: S308 (escaped above)
