"""Reading people, their posts and tenures from the files newsrooms can get them in: a
Wikidata SPARQL query result (JSON), a Popolo / EveryPolitician JSON file, or a CSV
(docs/importing.md). Reading writes nothing: the records go to
events.services.people.officials_import, which writes them all or none."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field

from events.dates import FuzzyDate, FuzzyDateError
from events.models import Post


class OfficialsFileError(ValueError):
    """A file that cannot be read as officials; the message names the row and the field."""


@dataclass
class TenureRecord:
    post_title: str
    post_kind: str
    country: str | None  # alpha-2 of the post's country
    start: FuzzyDate | None
    end: FuzzyDate | None
    where: str  # "row 3", "results.bindings[2]": for error messages


@dataclass
class OfficialRecord:
    name: str
    where: str
    wikidata_qid: str = ""
    other_names: list[str] = field(default_factory=list)
    tenures: list[TenureRecord] = field(default_factory=list)
    official: object = None  # the Official it was imported as

    @property
    def country(self) -> str | None:
        """The person's country: that of their posts, when they are all of one."""
        codes = {t.country for t in self.tenures if t.country}
        return codes.pop() if len(codes) == 1 else None


K = Post.Kind
# A post's kind from its title, most specific first: "Deputy Prime Minister" is a deputy.
_KINDS = [
    (r"\bdeputy\b|\bvice[- ]minister\b", K.DEPUTY_MINISTER),
    (r"\bprime minister\b|\bpremier\b|\bchancellor\b|head of government", K.HEAD_OF_GOVERNMENT),
    (r"\bvice[- ]president\b", K.OTHER),
    (r"\bpresident\b|\bmonarch\b|\bking\b|\bqueen\b|\bemir\b|head of state", K.HEAD_OF_STATE),
    (r"\bminister\b|secretary of state|\bsecretary\b", K.MINISTER),
    (r"\bambassador\b", K.AMBASSADOR),
    (r"\benvoy\b|\brepresentative\b", K.ENVOY),
    (r"\bspokes(?:man|woman|person)\b", K.SPOKESPERSON),
    (r"\bmember of\b|\bsenator\b|\bdeputy\b|\bspeaker\b", K.LEGISLATOR),
]
KINDS = {kind.value for kind in K}
_QID = re.compile(r"(Q[1-9]\d*)$")
_ALPHA2 = re.compile(r"^[A-Za-z]{2}$")


def post_kind_for(title: str) -> str:
    """The kind of post a title names, OTHER when it says nothing known."""
    lowered = title.lower()
    return next((kind for pattern, kind in _KINDS if re.search(pattern, lowered)), K.OTHER)


def read_officials(text: str, name: str = "", country: str | None = None) -> list[OfficialRecord]:
    """The officials in `text`, read as the format its content (or its name's ending)
    says: JSON with "head" and "results" is a SPARQL result, JSON with "persons" a Popolo
    file, anything else a CSV. `country` (alpha-2) is the posts' country where the file
    gives none (Popolo files of one country's legislature)."""
    stripped = text.lstrip("\ufeff").lstrip()
    if stripped.startswith(("{", "[")) or name.lower().endswith(".json"):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise OfficialsFileError(
                f"line {error.lineno}: not valid JSON ({error.msg})."
            ) from None
        if isinstance(data, dict) and "results" in data and "head" in data:
            return read_sparql(data)
        if isinstance(data, dict) and "persons" in data:
            return read_popolo(data, country)
        raise OfficialsFileError(
            'JSON that is neither a SPARQL result ("head" and "results") nor a Popolo file '
            '("persons").'
        )
    return read_csv(stripped)


def _date(value, where: str, field_name: str) -> FuzzyDate | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    # Wikidata's "2019-05-14T00:00:00Z"; a year or a month alone comes as its first day
    # ("2019-01-01T00:00:00Z") and is read as a day: the query cannot say which it is.
    text = re.sub(r"T00:00:00Z?$", "", text)
    try:
        return FuzzyDate.parse(text)
    except (FuzzyDateError, ValueError) as error:
        raise OfficialsFileError(f"{where}: {field_name}: cannot read {text!r} ({error})") from None


def _code(value, where: str, field_name: str) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _ALPHA2.match(value.strip()):
        raise OfficialsFileError(
            f"{where}: {field_name}: {value!r} is not an ISO alpha-2 country code."
        )
    return value.strip().upper()


def _text(value, where: str, field_name: str, required=True) -> str:
    if not isinstance(value, str) and value is not None:
        raise OfficialsFileError(f"{where}: {field_name}: expected text, got {value!r}.")
    text = " ".join((value or "").split())
    if required and not text:
        raise OfficialsFileError(f"{where}: {field_name}: missing.")
    return text


def _kind(value, title: str, where: str) -> str:
    if value in (None, ""):
        return post_kind_for(title)
    if value not in KINDS:
        raise OfficialsFileError(
            f"{where}: post_kind: {value!r} is not one of {', '.join(sorted(KINDS))}."
        )
    return value


# Wikidata --------------------------------------------------------------------------------


def _value(binding: dict, name: str):
    cell = binding.get(name)
    return cell.get("value") if isinstance(cell, dict) else None


def read_sparql(data: dict) -> list[OfficialRecord]:
    """A SPARQL JSON result of the query in docs/importing.md: one binding per position
    held, with ?person, ?personLabel, ?positionLabel, ?countryCode and optional ?start,
    ?end, ?kind. A person's bindings become one record."""
    bindings = (data.get("results") or {}).get("bindings")
    if not isinstance(bindings, list):
        raise OfficialsFileError("results.bindings: missing or not a list.")
    people: dict[str, OfficialRecord] = {}
    for index, binding in enumerate(bindings):
        where = f"results.bindings[{index}]"
        if not isinstance(binding, dict):
            raise OfficialsFileError(f"{where}: not an object.")
        uri = _text(_value(binding, "person"), where, "person")
        qid = _QID.search(uri)
        if qid is None:
            raise OfficialsFileError(f"{where}: person: {uri!r} is not a Wikidata item.")
        name = _text(_value(binding, "personLabel"), where, "personLabel")
        if _QID.fullmatch(name):
            raise OfficialsFileError(f"{where}: personLabel: {name} has no label in English.")
        title = _text(_value(binding, "positionLabel"), where, "positionLabel")
        record = people.setdefault(
            qid.group(1), OfficialRecord(name=name, where=where, wikidata_qid=qid.group(1))
        )
        record.tenures.append(
            TenureRecord(
                post_title=title[:1].upper() + title[1:],
                post_kind=_kind(_value(binding, "kind"), title, where),
                country=_code(_value(binding, "countryCode"), where, "countryCode"),
                start=_date(_value(binding, "start"), where, "start"),
                end=_date(_value(binding, "end"), where, "end"),
                where=where,
            )
        )
    return list(people.values())


# Popolo ----------------------------------------------------------------------------------


def read_popolo(data: dict, country: str | None = None) -> list[OfficialRecord]:
    """A Popolo file (EveryPolitician's format): persons, organizations, posts and the
    memberships that join them. A membership's post is its post's label, else its role and
    organization ("Member of the Riigikogu"); its country is the post's or organization's
    "country" (alpha-2), else `country`."""
    persons = data.get("persons")
    if not isinstance(persons, list):
        raise OfficialsFileError("persons: not a list.")
    organizations = {o.get("id"): o for o in data.get("organizations") or [] if isinstance(o, dict)}
    posts = {p.get("id"): p for p in data.get("posts") or [] if isinstance(p, dict)}
    records: dict[str, OfficialRecord] = {}
    for index, person in enumerate(persons):
        where = f"persons[{index}]"
        if not isinstance(person, dict):
            raise OfficialsFileError(f"{where}: not an object.")
        pid = _text(person.get("id"), where, "id")
        qid = next(
            (
                str(i.get("identifier"))
                for i in person.get("identifiers") or []
                if isinstance(i, dict) and i.get("scheme") == "wikidata"
            ),
            "",
        )
        if qid and not _QID.fullmatch(qid):
            raise OfficialsFileError(f"{where}: identifiers: {qid!r} is not a Wikidata id.")
        records[pid] = OfficialRecord(
            name=_text(person.get("name"), where, "name"),
            where=where,
            wikidata_qid=qid,
            other_names=[
                _text(n.get("name"), where, "other_names")
                for n in person.get("other_names") or []
                if isinstance(n, dict)
            ],
        )
    for index, membership in enumerate(data.get("memberships") or []):
        where = f"memberships[{index}]"
        if not isinstance(membership, dict):
            raise OfficialsFileError(f"{where}: not an object.")
        record = records.get(membership.get("person_id"))
        if record is None:
            raise OfficialsFileError(
                f"{where}: person_id: {membership.get('person_id')!r} is no person of the file."
            )
        post = posts.get(membership.get("post_id")) or {}
        organization = (
            organizations.get(membership.get("organization_id") or post.get("organization_id"))
            or {}
        )
        title = post.get("label") or " ".join(
            part
            for part in (
                (membership.get("role") or "").capitalize(),
                "of the" if membership.get("role") and organization.get("name") else "",
                organization.get("name") or "",
            )
            if part
        )
        title = _text(title, where, "post_id or role")
        code = _code(
            post.get("country") or organization.get("country") or country, where, "country"
        )
        if code is None:
            raise OfficialsFileError(f"{where}: country: the post has no country; give --country.")
        record.tenures.append(
            TenureRecord(
                post_title=title,
                post_kind=_kind(membership.get("post_kind"), title, where),
                country=code,
                start=_date(membership.get("start_date"), where, "start_date"),
                end=_date(membership.get("end_date"), where, "end_date"),
                where=where,
            )
        )
    return list(records.values())


# CSV -------------------------------------------------------------------------------------

CSV_COLUMNS = ("name", "country", "post", "post_kind", "start", "end", "wikidata", "other_names")


def read_csv(text: str) -> list[OfficialRecord]:
    """A CSV with a header: name, country (the post's, alpha-2), post (its full title),
    and optional post_kind, start, end (dates as editors type them), wikidata (Q-id),
    other_names (separated by "|"). One row per tenure; rows of one person (the same
    wikidata id, or the same name) make one record."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in ("name", "country", "post") if c not in header]
    if missing:
        raise OfficialsFileError(f"line 1: missing column(s): {', '.join(missing)}.")
    reader.fieldnames = header
    records: dict[str, OfficialRecord] = {}
    for row in reader:
        where = f"line {reader.line_num}"
        if None in row:
            raise OfficialsFileError(f"{where}: more fields than the header has columns.")
        name = _text(row.get("name"), where, "name")
        qid = (row.get("wikidata") or "").strip()
        if qid and not _QID.fullmatch(qid):
            raise OfficialsFileError(f"{where}: wikidata: {qid!r} is not a Wikidata id.")
        key = qid or name.casefold()
        record = records.setdefault(key, OfficialRecord(name=name, where=where, wikidata_qid=qid))
        for other in (row.get("other_names") or "").split("|"):
            if other.strip() and other.strip() not in record.other_names:
                record.other_names.append(" ".join(other.split()))
        title = _text(row.get("post"), where, "post")
        code = _code(row.get("country"), where, "country")
        if code is None:
            raise OfficialsFileError(f"{where}: country: missing.")
        record.tenures.append(
            TenureRecord(
                post_title=title,
                post_kind=_kind((row.get("post_kind") or "").strip(), title, where),
                country=code,
                start=_date(row.get("start"), where, "start"),
                end=_date(row.get("end"), where, "end"),
                where=where,
            )
        )
    return list(records.values())
