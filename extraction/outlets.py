"""The outlet's country: the side a report leaves implied ("the president visited Tokyo" in
a Korean paper), read from the publication a source came out in, or given by the caller."""

from __future__ import annotations

from events.models import Country, Source
from extraction.inputs import ExtractionInputError


def outlet_country(source: Source) -> str | None:
    """The alpha-2 of the country of the source's publisher, when it has one."""
    publisher = source.publisher
    if publisher is None or publisher.country_id is None:
        return None
    return publisher.country.iso_alpha2


def clean_home_country(code) -> str | None:
    """An outlet country as the command and the API take it: an ISO alpha-2 code of a
    known country, any case; None when not given. ExtractionInputError (field
    "home_country") otherwise."""
    if code is None or (isinstance(code, str) and not code.strip()):
        return None
    if not isinstance(code, str):
        raise ExtractionInputError("Give the home country as an ISO alpha-2 code.", "home_country")
    code = code.strip().upper()
    if not Country.objects.filter(iso_alpha2=code).exists():
        raise ExtractionInputError(
            f"{code} is not a known country code; give an ISO alpha-2 code such as KR.",
            "home_country",
        )
    return code
