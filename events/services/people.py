"""Officials, their other spellings and posts, and organizations."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError

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
