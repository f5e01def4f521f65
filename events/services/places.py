"""Countries and the names that point to them."""

from collections.abc import Sequence

from events.models import Country, CountryName
from events.services.records import record_delete, record_save
from events.services.unit import service


@service
def country_save(country: Country, names: Sequence[dict] | None = None) -> Country:
    """Save a country and, given `names` ({"name", "kind"} each), make them its other
    names, keeping those that stay."""
    record_save(country)
    if names is not None:
        wanted = {entry["name"].casefold(): entry for entry in names}
        for stored in country.names.all():
            entry = wanted.pop(stored.name.casefold(), None)
            if entry is None:
                record_delete(stored)
            elif stored.kind != entry["kind"] or stored.name != entry["name"]:
                stored.name, stored.kind = entry["name"], entry["kind"]
                record_save(stored)
        for entry in wanted.values():
            record_save(CountryName(country=country, **entry))
    return country
