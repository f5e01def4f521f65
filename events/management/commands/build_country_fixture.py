"""Write fixtures/countries.json: every ISO 3166-1 country from pycountry, with the curated
names of events.country_names. Run it again after editing either; the output is stable, so
the diff shows exactly what changed."""

import json
from pathlib import Path

import pycountry
from django.conf import settings
from django.core.management.base import BaseCommand

from events.country_names import DISPLAY_NAMES, NAMES


def country_records():
    """Fixture records (natural keys, no database ids) for countries and their names."""
    countries, names = [], []
    for iso in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        display = DISPLAY_NAMES.get(iso.alpha_2) or getattr(iso, "common_name", None) or iso.name
        official = getattr(iso, "official_name", "") or ""
        countries.append(
            {
                "model": "events.country",
                "fields": {
                    "iso_alpha2": iso.alpha_2,
                    "iso_alpha3": iso.alpha_3,
                    "iso_numeric": iso.numeric,
                    "name": display,
                    "official_name": official,
                },
            }
        )
        aliases, demonyms, capitals = NAMES.get(iso.alpha_2, ([], [], []))
        # ISO's own spellings are aliases too, when they differ from the name shown.
        iso_names = [iso.name, getattr(iso, "common_name", None), official]
        seen = {display.casefold()}
        for kind, values in (
            ("alias", [*iso_names, *aliases]),
            ("demonym", demonyms),
            ("capital", capitals),
        ):
            for value in values:
                if value and value.casefold() not in seen:
                    seen.add(value.casefold())
                    names.append(
                        {
                            "model": "events.countryname",
                            "fields": {"country": [iso.alpha_2], "name": value, "kind": kind},
                        }
                    )
    return countries + names


class Command(BaseCommand):
    help = "Regenerate fixtures/countries.json from pycountry and events/country_names.py."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.BASE_DIR) / "fixtures" / "countries.json",
            help="Where to write the fixture (default: fixtures/countries.json).",
        )

    def handle(self, *args, output: Path, **options):
        unknown = sorted(
            (set(NAMES) | set(DISPLAY_NAMES)) - {c.alpha_2 for c in pycountry.countries}
        )
        if unknown:
            raise SystemExit(f"Curated names for codes that are not in ISO 3166-1: {unknown}")
        records = country_records()
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(
            json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        countries = sum(r["model"] == "events.country" for r in records)
        self.stdout.write(
            f"Wrote {countries} countries and {len(records) - countries} names to {output}"
        )
