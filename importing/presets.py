"""Presets for event data sets: how an ACLED export or a GDELT 2.0 event file becomes
rows of the documented columns (columns.py), which the importer then checks like any
other row.

A preset reads the source's own columns by name, so `--map` can rename a file's header
onto them (an export with other capitalisation or an extra prefix). Country codes the
project does not know (ACLED's 0 for Kosovo, CAMEO's regional codes such as AFR) leave a
participant without a country instead of refusing the row.
"""

from dataclasses import dataclass

from events.dates import FuzzyDateError, parse_fuzzy_date
from events.event_types import EventType
from importing.columns import COLUMNS, INDEX, HeaderError, normalise_header
from importing.resolve import Registry, name_key

# ACLED -----------------------------------------------------------------------------------

ACLED_TYPES = {
    "battles": EventType.ATTACK,
    "violence against civilians": EventType.ATTACK,
    "explosions/remote violence": EventType.STRIKE,
    "protests": EventType.OTHER,
    "riots": EventType.OTHER,
    "strategic developments": EventType.OTHER,
}
ACLED_AGREEMENT = "agreement"  # sub_event_type of Strategic developments
ACLED_REQUIRED = ("event_id_cnty", "event_date", "event_type")

# GDELT 2.0 -------------------------------------------------------------------------------

# The event table's columns in file order (GDELT Event Codebook V2.0): tab-separated,
# no header, 61 fields.
GDELT_COLUMNS = (
    "globaleventid",
    "sqldate",
    "monthyear",
    "year",
    "fractiondate",
    "actor1code",
    "actor1name",
    "actor1countrycode",
    "actor1knowngroupcode",
    "actor1ethniccode",
    "actor1religion1code",
    "actor1religion2code",
    "actor1type1code",
    "actor1type2code",
    "actor1type3code",
    "actor2code",
    "actor2name",
    "actor2countrycode",
    "actor2knowngroupcode",
    "actor2ethniccode",
    "actor2religion1code",
    "actor2religion2code",
    "actor2type1code",
    "actor2type2code",
    "actor2type3code",
    "isrootevent",
    "eventcode",
    "eventbasecode",
    "eventrootcode",
    "quadclass",
    "goldsteinscale",
    "nummentions",
    "numsources",
    "numarticles",
    "avgtone",
    "actor1geo_type",
    "actor1geo_fullname",
    "actor1geo_countrycode",
    "actor1geo_adm1code",
    "actor1geo_adm2code",
    "actor1geo_lat",
    "actor1geo_long",
    "actor1geo_featureid",
    "actor2geo_type",
    "actor2geo_fullname",
    "actor2geo_countrycode",
    "actor2geo_adm1code",
    "actor2geo_adm2code",
    "actor2geo_lat",
    "actor2geo_long",
    "actor2geo_featureid",
    "actiongeo_type",
    "actiongeo_fullname",
    "actiongeo_countrycode",
    "actiongeo_adm1code",
    "actiongeo_adm2code",
    "actiongeo_lat",
    "actiongeo_long",
    "actiongeo_featureid",
    "dateadded",
    "sourceurl",
)
GDELT_REQUIRED = ("globaleventid", "sqldate", "eventrootcode")
GDELT_TYPES = {
    "01": EventType.STATEMENT,
    "04": EventType.MEETING,
    "05": EventType.AGREEMENT,
    "06": EventType.COOPERATION,
    "07": EventType.AID,
    "16": EventType.SANCTION,
    "18": EventType.ATTACK,
    "19": EventType.ATTACK,
    "20": EventType.ATTACK,
}
ACTOR_SEPARATOR = " \u2013 "  # "RUSSIA – UKRAINE: consult"
# CAMEO's twenty root categories, for titles.
CAMEO_ROOTS = {
    "01": "make public statement",
    "02": "appeal",
    "03": "express intent to cooperate",
    "04": "consult",
    "05": "engage in diplomatic cooperation",
    "06": "engage in material cooperation",
    "07": "provide aid",
    "08": "yield",
    "09": "investigate",
    "10": "demand",
    "11": "disapprove",
    "12": "reject",
    "13": "threaten",
    "14": "protest",
    "15": "exhibit military posture",
    "16": "reduce relations",
    "17": "coerce",
    "18": "assault",
    "19": "fight",
    "20": "use unconventional mass violence",
}


@dataclass(frozen=True)
class Preset:
    name: str
    delimiter: str
    description: str


PRESETS = {
    "acled": Preset(
        "acled",
        ",",
        "ACLED export (CSV with a header): event_id_cnty, event_date, time_precision, "
        "event_type, sub_event_type, actor1, actor2, iso, location, latitude, longitude, "
        "notes, source, fatalities.",
    ),
    "gdelt": Preset(
        "gdelt",
        "\t",
        "GDELT 2.0 event file (61 tab-separated columns, no header; or a header starting "
        "with GLOBALEVENTID, as database exports write).",
    ),
}


def _clean_name(name: str) -> str:
    # ";" and "|" separate participants and their parts in the documented format.
    return " ".join(name.replace("|", "/").replace(";", ",").split())


def _participant(name: str, role: str, code: str, *, organization=True) -> str:
    name = _clean_name(name)
    return f"{'org:' if organization else ''}{name}|{role}|{code}"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


class PresetLayout:
    """Reads one preset's rows into documented-column tuples."""

    def __init__(self, preset: Preset, registry: Registry, names: list[str], originals):
        self.preset = preset
        self.registry = registry
        self.width = len(names)
        self.where = {name: i for i, name in enumerate(names)}
        # Errors name the file's own column: "event_date (date): ...".
        self.labels = {}
        self.ignored = ()
        self._originals = originals

    def label(self, documented: str, source: str):
        if source in self.where:
            self.labels[documented] = self._originals[self.where[source]]

    def field(self, fields: list[str], name: str) -> str:
        i = self.where.get(name)
        return fields[i].strip() if i is not None and i < len(fields) else ""

    def pick(self, fields: list[str]) -> tuple:
        values = [""] * len(COLUMNS)
        self.fill(fields, values)
        return tuple(values)

    def fill(self, fields: list[str], values: list[str]):
        raise NotImplementedError

    def country_code(self, country_id: int | None) -> str:
        return self.registry.country_alpha2.get(country_id, "") if country_id else ""


class AcledLayout(PresetLayout):
    def __init__(self, preset, registry, names, originals):
        super().__init__(preset, registry, names, originals)
        missing = [name for name in ACLED_REQUIRED if name not in self.where]
        if missing:
            raise HeaderError(
                f"Not an ACLED header: it lacks {', '.join(missing)} (use --map to rename)."
            )
        for documented, source in (
            ("external_id", "event_id_cnty"),
            ("date", "event_date"),
            ("type", "event_type"),
            ("location", "location"),
            ("latitude", "latitude"),
            ("longitude", "longitude"),
        ):
            self.label(documented, source)

    def fill(self, fields, values):
        f = self.field
        event_id = f(fields, "event_id_cnty")
        values[INDEX["external_id"]] = f"ACLED:{event_id}" if event_id else ""
        values[INDEX["date"]] = self._date(f(fields, "event_date"), f(fields, "time_precision"))
        event_type, sub_type = f(fields, "event_type"), f(fields, "sub_event_type")
        if sub_type.lower() == ACLED_AGREEMENT:
            kind = EventType.AGREEMENT
        elif event_type:
            kind = ACLED_TYPES.get(event_type.lower(), EventType.OTHER)
        else:
            kind = ""  # refused by the validator: a row without a type is unreadable
        values[INDEX["type"]] = kind
        numeric = f(fields, "iso")
        country_id = self.registry.country_by_numeric.get(numeric.zfill(3)) if numeric else None
        code = self.country_code(country_id)
        actor1, actor2 = f(fields, "actor1"), f(fields, "actor2")
        location = f(fields, "location")
        title = f"{sub_type or event_type}: {_clean_name(actor1) or 'unidentified actor'}"
        if actor2:
            title += f" and {_clean_name(actor2)}"
        if location:
            title += f" in {location}"
        values[INDEX["title"]] = _shorten(title, 300)
        participants = []
        if actor1:
            participants.append(_participant(actor1, "actor", code))
        if actor2:
            participants.append(_participant(actor2, "target", code))
        values[INDEX["participants"]] = ";".join(participants)
        values[INDEX["countries"]] = code
        values[INDEX["location"]] = _shorten(location, 200)
        values[INDEX["location_country"]] = code
        values[INDEX["latitude"]] = f(fields, "latitude")
        values[INDEX["longitude"]] = f(fields, "longitude")
        summary = [f(fields, "notes")]
        fatalities = f(fields, "fatalities")
        if fatalities:
            summary.append(f"Fatalities: {fatalities}.")
        if f(fields, "source"):
            summary.append(f"Sources: {f(fields, 'source')}.")
        values[INDEX["summary"]] = " ".join(s for s in summary if s)

    @staticmethod
    def _date(text: str, precision: str) -> str:
        # time_precision 2: the source gives the week, ACLED records a day of it.
        if precision == "2":
            return f"around {text}"
        if precision == "3":
            try:
                return f"{parse_fuzzy_date(text).start:%Y-%m}"
            except FuzzyDateError:
                return text  # the validator reports it
        return text


class GdeltLayout(PresetLayout):
    def __init__(self, preset, registry, names, originals):
        super().__init__(preset, registry, names, originals)
        missing = [name for name in GDELT_REQUIRED if name not in self.where]
        if missing:
            raise HeaderError(f"Not a GDELT header: it lacks {', '.join(missing)}.")
        for documented, source in (
            ("external_id", "globaleventid"),
            ("date", "sqldate"),
            ("type", "eventrootcode"),
            ("location", "actiongeo_fullname"),
            ("latitude", "actiongeo_lat"),
            ("longitude", "actiongeo_long"),
            ("source_url", "sourceurl"),
        ):
            self.label(documented, source)

    def fill(self, fields, values):
        f = self.field
        event_id = f(fields, "globaleventid")
        values[INDEX["external_id"]] = f"GDELT:{event_id}" if event_id else ""
        day = f(fields, "sqldate")
        if len(day) == 8 and day.isdigit():
            day = f"{day[:4]}-{day[4:6]}-{day[6:]}"
        values[INDEX["date"]] = day
        root = f(fields, "eventrootcode")
        root = root.zfill(2) if root.isdigit() else root
        values[INDEX["type"]] = GDELT_TYPES.get(root, EventType.OTHER) if root else ""
        actors, participants = [], []
        for number, role in (("1", "actor"), ("2", "target")):
            name = f(fields, f"actor{number}name")
            code = f(fields, f"actor{number}countrycode")
            country_id = self.registry.country(code) if code else None
            alpha2 = self.country_code(country_id)
            if not name:
                continue
            actors.append(_clean_name(name))
            # An actor coded as the country alone ("USA") is the country itself.
            if country_id and f(fields, f"actor{number}code") == code:
                participants.append(f"|{role}|{alpha2}")
            else:
                participants.append(_participant(name, role, alpha2))
        values[INDEX["participants"]] = ";".join(participants)
        action = CAMEO_ROOTS.get(root, f"CAMEO {root}")
        place = f(fields, "actiongeo_fullname")
        if actors:
            title = f"{ACTOR_SEPARATOR.join(actors)}: {action}"
        else:
            title = f"{action.capitalize()}" + (f" in {place}" if place else "")
        values[INDEX["title"]] = _shorten(title, 300)
        values[INDEX["location"]] = _shorten(place, 200)
        # ActionGeo_CountryCode is FIPS 10-4, not ISO: the place's country is read from
        # the last part of its full name instead ("Kyiv, Kyyiv, Misto, Ukraine").
        country_name = name_key(place.rpartition(",")[2]) if place else ""
        country_id = self.registry.country_by_name.get(country_name) if country_name else None
        values[INDEX["location_country"]] = self.country_code(country_id)
        values[INDEX["latitude"]] = f(fields, "actiongeo_lat")
        values[INDEX["longitude"]] = f(fields, "actiongeo_long")
        url = f(fields, "sourceurl")
        # Some GDELT sources are named, not linked ("BBC Monitoring").
        values[INDEX["source_url"]] = url if url.startswith(("http://", "https://")) else ""
        parts = [f"CAMEO {f(fields, 'eventcode') or root} ({action})"]
        if f(fields, "goldsteinscale"):
            parts.append(f"Goldstein {f(fields, 'goldsteinscale')}")
        if f(fields, "numarticles"):
            parts.append(f"{f(fields, 'numarticles')} articles")
        values[INDEX["summary"]] = "; ".join(parts) + "."


def preset_layout(name: str, registry: Registry, first: list[str], mapping: dict):
    """The layout of a preset file whose first line is `first`, and whether that line
    was a header (GDELT files have none; a database export's does)."""
    preset = PRESETS[name]
    if name == "acled":
        names = normalise_header(first, mapping)
        originals = [field.strip().lstrip("\ufeff").strip() for field in first]
        return AcledLayout(preset, registry, names, originals), True
    has_header = bool(first) and first[0].strip().lstrip("\ufeff").lower() == "globaleventid"
    if has_header:
        names = normalise_header(first, mapping)
        originals = [field.strip().lstrip("\ufeff").strip() for field in first]
    else:
        if mapping:
            raise HeaderError("GDELT event files have no header: --map does not apply.")
        names = list(GDELT_COLUMNS)
        originals = names
    return GdeltLayout(preset, registry, names, originals), has_header
