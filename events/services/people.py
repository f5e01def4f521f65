"""Officials, their other spellings and posts, and organizations."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q

from events.models import Country, Official, OfficialName, Post, Tenure
from events.services.errors import errors_at
from events.services.records import record_delete, record_save
from events.services.unit import service


@service
def official_save(official: Official, names: Sequence[dict] | None = None) -> Official:
    """Save an official and, given `names` ({"name", "kind", "language"} each), make them
    its other spellings, keeping those that stay."""
    record_save(official)
    if names is not None:
        wanted = {entry["name"].casefold(): entry for entry in names}
        for stored in official.names.all():
            entry = wanted.pop(stored.name.casefold(), None)
            if entry is None:
                record_delete(stored)
            elif any(stored.__dict__.get(k) != v for k, v in entry.items()):
                for key, value in entry.items():
                    setattr(stored, key, value)
                record_save(stored)
        for entry in wanted.values():
            record_save(OfficialName(official=official, **entry))
    return official


@service
def official_create(
    name: str,
    *,
    country: Country | None = None,
    post_title: str = "",
    post_kind: str = Post.Kind.OTHER,
    accredited_to: Country | None = None,
    tenure_note: str = "",
) -> Official:
    """Create an official and, given a post title, a tenure of that post (found by title and
    country, or created) with unknown dates; `tenure_note` says where the person is
    attested in office. All or nothing; a ValidationError names the field at fault."""
    official = Official(name=" ".join(name.split()), country=country)
    try:
        record_save(official)
    except ValidationError as error:
        raise ValidationError(errors_at("official", error)) from None
    if post_title:
        title = " ".join(post_title.split())
        post = Post.objects.filter(title__iexact=title, country=country).first()
        if post is None:
            post = Post(title=title, kind=post_kind, country=country, accredited_to=accredited_to)
            try:
                record_save(post)
            except ValidationError as error:
                raise ValidationError(errors_at("post", error)) from None
        record_save(Tenure(official=official, post=post, note=tenure_note))
    return official


@dataclass
class OfficialsImported:
    """What an import created, and what it completed of records it found."""

    officials: int = 0
    names: int = 0
    posts: int = 0
    tenures: int = 0
    updated: int = 0


@service
def officials_import(records: Sequence) -> OfficialsImported:
    """Create the officials of `records` (importing.officials.OfficialRecord) with their
    other names, posts and tenures, finding what is already recorded so that a second run
    creates nothing: an official by Wikidata id, else by name and country; a post by title
    and country; a tenure by official, post and start. A stored tenure without an end gets
    the record's. All or nothing: a ValidationError names the record ("line 3",
    "results.bindings[2]") and the field at fault."""
    countries = {country.iso_alpha2: country for country in Country.objects.all()}
    result = OfficialsImported()
    for record in records:
        _import_official(record, countries, result)
    return result


def _at(where: str, what: str, error: ValidationError) -> ValidationError:
    """`error` with each field named after the record it is of: "line 3: end_latest"."""
    if not hasattr(error, "error_dict"):
        return ValidationError({f"{where}: {what}": error.messages})
    return ValidationError(
        {
            f"{where}: {what if name == NON_FIELD_ERRORS else name}": messages
            for name, messages in error.message_dict.items()
        }
    )


def _country(code, countries) -> Country | None:
    if code is None:
        return None
    if code not in countries:
        raise ValidationError({"country": [f"{code} is not a known country code."]})
    return countries[code]


def _import_official(record, countries, result: OfficialsImported) -> None:
    try:
        _import_person(record, countries, result)
    except ValidationError as error:
        raise _at(record.where, "official", error) from None
    for tenure in record.tenures:
        try:
            _import_tenure(record.official, tenure, countries, result)
        except ValidationError as error:
            raise _at(tenure.where, "tenure", error) from None


def _import_person(record, countries, result: OfficialsImported) -> None:
    country = _country(record.country, countries)
    official = None
    if record.wikidata_qid:
        official = Official.objects.filter(wikidata_qid=record.wikidata_qid).first()
    if official is None:
        same_name = Official.objects.filter(name__iexact=" ".join(record.name.split()))
        if country is not None:
            same_name = same_name.filter(Q(country=country) | Q(country__isnull=True))
        official = same_name.first()
        if official is not None and record.wikidata_qid and not official.wikidata_qid:
            official.wikidata_qid = record.wikidata_qid  # the same person, now identified
            record_save(official)
            result.updated += 1
    if official is None:
        official = record_save(
            Official(
                name=" ".join(record.name.split()),
                country=country,
                wikidata_qid=record.wikidata_qid,
            )
        )
        result.officials += 1
    known = {n.casefold() for n in official.names.values_list("name", flat=True)}
    known.add(official.name.casefold())
    for name in record.other_names:
        if name.casefold() not in known:
            record_save(OfficialName(official=official, name=name))
            known.add(name.casefold())
            result.names += 1
    record.official = official


def _import_tenure(official, tenure, countries, result: OfficialsImported) -> None:
    country = _country(tenure.country, countries)
    post = Post.objects.filter(title__iexact=tenure.post_title, country=country).first()
    if post is None:
        post = record_save(Post(title=tenure.post_title, kind=tenure.post_kind, country=country))
        result.posts += 1
    start, end = tenure.start, tenure.end
    stored = Tenure.objects.filter(official=official, post=post)
    stored = (
        stored.filter(start_earliest=start.start)
        if start
        else stored.filter(start_earliest__isnull=True)
    ).first()
    if stored is not None:
        if end is not None and stored.end_earliest is None:
            stored.end_earliest, stored.end_latest, stored.end_precision = (
                end.start,
                end.end,
                end.precision,
            )
            record_save(stored)
            result.updated += 1
        return
    record_save(
        Tenure(
            official=official,
            post=post,
            start_earliest=start.start if start else None,
            start_latest=start.end if start else None,
            start_precision=start.precision if start else None,
            end_earliest=end.start if end else None,
            end_latest=end.end if end else None,
            end_precision=end.precision if end else None,
        )
    )
    result.tenures += 1
