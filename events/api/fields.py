"""`fields=id,title,...`: only those fields, on every list and export. The event list
reads only the columns asked for (events.projection); the other lists and the exports
drop what was not asked for from what they write. A name the list does not have is a
400 on `fields` naming the ones it has."""

from collections.abc import Iterable, Iterator, Sequence

from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

FIELDS_HELP = (
    "Comma-separated names of the fields to return (default: all), e.g. id,name. On an "
    "export: its columns (csv), properties (geojson) or keys (plover)."
)
FIELDS_PARAMETER = OpenApiParameter("fields", str, description=FIELDS_HELP)


def chosen_fields(raw: str | None, available: Sequence[str]) -> list[str] | None:
    """The fields `raw` names, in the order of `available`; None when not asked."""
    if raw is None:
        return None
    asked = [name.strip() for name in raw.split(",") if name.strip()]
    unknown = [name for name in asked if name not in available]
    if not asked or unknown:
        raise ValidationError(
            {
                "fields": [
                    (f"Unknown: {', '.join(unknown)}. " if unknown else "Name at least one. ")
                    + f"Choose from: {', '.join(available)}."
                ]
            }
        )
    return [name for name in available if name in asked]


def only(records: Iterable[dict], names: Sequence[str] | None) -> Iterator[dict]:
    """`records` with only the keys `names` (all of them when None)."""
    for record in records:
        yield record if names is None else {name: record[name] for name in names}


class FieldsMixin:
    """For viewsets of DRF serializers: `fields=` keeps only the serializer fields named
    (on the list and the detail)."""

    query_parameters = ("fields",)

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        if self.request is not None and self.request.method == "GET":
            child = getattr(serializer, "child", serializer)
            names = chosen_fields(self.request.query_params.get("fields"), list(child.fields))
            if names is not None:
                for name in list(child.fields):
                    if name not in names:
                        child.fields.pop(name)
        return serializer
