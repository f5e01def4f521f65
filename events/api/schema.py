"""The OpenAPI schema as clients meet the API: drf-spectacular's AutoSchema, told what its
introspection cannot see.

- Reads are open (no security requirement) unless DJANGO_READ_REQUIRES_LOGIN is set; writes
  need a write token or an editor's session.
- Every operation lists the errors it can answer, each with its JSON body: the validation
  errors keyed by field (400), and `{"detail": ...}` for the rest. Errors are JSON whatever
  the operation's own media types (an export's 400 is not CSV).
"""

from django.conf import settings
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import SAFE_METHODS
from rest_framework.serializers import ListSerializer

ERROR = {
    "type": "object",
    "description": "What went wrong, in a sentence.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
VALIDATION_ERRORS = {
    "type": "object",
    "description": "Keyed by the field or query parameter at fault: a list of messages, or "
    "for a nested field an object of the same shape (list items by index). `detail` or "
    "`non_field_errors` when no one field is at fault (a body that is not JSON).",
    "additionalProperties": {},
    "example": {"date": ["Enter a date, such as 26 Oct 2024."]},
}
RETRY_AFTER = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}}

# Status code: (when, body component or None for none, response headers).
ERRORS = {
    "400": (
        "The request is not valid: the body says which field or parameter.",
        "ValidationErrors",
        {},
    ),
    "401": (
        "No valid credentials were given (a token that does not exist or has expired).",
        "Error",
        {},
    ),
    "403": ("The credentials do not allow this (an analyst, or a read-only token).", "Error", {}),
    "404": ("No such record, or no such page.", "Error", {}),
    "406": ("No representation in the asked format (`format=` or `Accept`).", "Error", {}),
    "409": (
        "The write conflicts with stored records (a record others depend on, a duplicate).",
        "Error",
        {},
    ),
    "412": (
        "`If-Match` or `If-Unmodified-Since` names a version that is no longer current: read the record again.",
        "Error",
        {},
    ),
    "413": ("The request body is over the size limit.", "Error", {}),
    "415": ("The body's media type is not accepted (send application/json).", "Error", {}),
    "429": (
        "Over the rate limit, or the address is locked out after failed credentials.",
        "Error",
        RETRY_AFTER,
    ),
    "503": ("The database is unavailable for a moment.", "Error", RETRY_AFTER),
}


class ApiSchema(AutoSchema):
    def get_auth(self):
        if self.method in SAFE_METHODS and not settings.READ_REQUIRES_LOGIN:
            return []
        # Writes (and reads behind a login) need credentials: no anonymous alternative.
        return [requirement for requirement in super().get_auth() if requirement]

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        if getattr(serializer, "fields_may_be_omitted", False):
            schema.pop("required", None)
        return schema

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        # drf-spectacular bounds a ListField's items but not a nested list's (many=True).
        if isinstance(field, ListSerializer) and schema.get("type") == "array":
            if field.max_length is not None:
                schema["maxItems"] = field.max_length
            if field.min_length is not None:
                schema["minItems"] = field.min_length
        return schema

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        self._export_bodies(responses)
        if self.method in ("GET", "HEAD"):
            responses.setdefault(
                "304", {"description": "Not modified: the copy named by If-None-Match is current."}
            )
        for code in self._error_codes():
            if code in responses:
                continue
            description, component, headers = ERRORS[code]
            schema = self._component(component)
            response = {
                "description": description,
                "content": {"application/json": {"schema": schema}},
            }
            if headers:
                response["headers"] = headers
            responses[code] = response
        return responses

    def _export_bodies(self, responses: dict) -> None:
        """An export's body is not the list's page: each renderer that says so gives its
        own (text for CSV, calendars and JSON Lines; GeoJSON; TimelineJS beside the page
        under application/json)."""
        content = responses.get("200", {}).get("content", {})
        for renderer in self.view.get_renderers():
            schema = getattr(renderer, "response_schema", None)
            if schema is None or renderer.media_type not in content:
                continue
            if renderer.media_type == "application/json":
                page = content["application/json"]["schema"]
                content["application/json"]["schema"] = {"anyOf": [page, schema]}
            else:
                content[renderer.media_type]["schema"] = schema

    def _error_codes(self) -> list[str]:
        writes = self.method not in SAFE_METHODS
        has_path_parameters = "{" in self.path
        paginator = self._get_paginator()
        # A page past the last is a 404 (events paginate by number or by cursor).
        paged_by_number = isinstance(getattr(paginator, "pages", paginator), PageNumberPagination)
        codes = ["400", "401", "406", "429", "503"]
        if writes or settings.READ_REQUIRES_LOGIN:
            codes.append("403")
        if has_path_parameters or paged_by_number:
            codes.append("404")
        if writes:
            codes.append("409")
        if writes and has_path_parameters:
            codes.append("412")
        if self.method in ("POST", "PUT", "PATCH"):
            codes += ["413", "415"]
        return sorted(codes)

    def _component(self, name: str) -> dict:
        schema = ERROR if name == "Error" else VALIDATION_ERRORS
        component = ResolvedComponent(
            name=name, type=ResolvedComponent.SCHEMA, schema=schema, object=name
        )
        self.registry.register_on_missing(component)
        return component.ref
