"""Query parameters nobody reads are errors: `?countries=US` (for `country`) would
otherwise return every event, and a single-value parameter given twice would silently
keep the last. Checked by the filter backend, the one place that knows a view's filters,
its paginator and the parameters its view reads itself (`query_parameters`)."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.settings import api_settings


def accepted_parameters(view, filterset_class) -> tuple[set[str], set[str]]:
    """The query parameters `view` reads, and those of them that may repeat."""
    names = {api_settings.URL_FORMAT_OVERRIDE, *getattr(view, "query_parameters", ())}
    repeatable: set[str] = set()
    paginator = getattr(view, "paginator", None)
    if paginator is not None:
        names |= {p["name"] for p in paginator.get_schema_operation_parameters(view)}
    if filterset_class is not None:
        for name, field in filterset_class().form.fields.items():
            widget = field.widget
            # A range filter's form field reads <name>_after and <name>_before.
            suffixes = getattr(widget, "suffixes", None)
            given = [widget.suffixed(name, s) for s in suffixes] if suffixes else [name]
            names.update(given)
            if getattr(widget, "allow_multiple_selected", False):
                repeatable.update(given)
    return names, repeatable


def check_query_parameters(request, view, filterset_class) -> None:
    names, repeatable = accepted_parameters(view, filterset_class)
    params = request.query_params
    errors = {}
    for name in params:
        if name not in names:
            errors[name] = [f"Unknown parameter; this endpoint reads: {', '.join(sorted(names))}."]
        elif name not in repeatable and len(params.getlist(name)) > 1:
            errors[name] = ["Give this parameter once."]
    if errors:
        raise ValidationError(errors)


class CheckedFilterBackend(DjangoFilterBackend):
    """django-filter's backend, refusing query parameters the view does not read."""

    def filter_queryset(self, request, queryset, view):
        check_query_parameters(request, view, self.get_filterset_class(view, queryset))
        return super().filter_queryset(request, queryset, view)
