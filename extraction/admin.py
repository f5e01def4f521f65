"""The extraction page in admin: a source's change page gains an "Extract events" button and
its forms a "Save and extract events" button (templates/admin/events/source/change_form.html)
that open admin_views.extract_events_view; the sources list shows what was saved from each.

The domain's SourceAdmin is extended here rather than told about extraction, so the domain
does not depend on this app."""

from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect

from events.admin import SourceAdmin
from events.models import AgreementStatusChange, Citation, Source
from extraction.admin_views import extract_url, extraction_urls

EXTRACT = "_extract"


def _count(queryset, field: str):
    """A correlated count, so the two counts of a row do not multiply each other's joins."""
    counted = queryset.filter(source=OuterRef("pk")).order_by().values("source")
    counted = counted.annotate(n=Count(field, distinct=True)).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


class ExtractingSourceAdmin(SourceAdmin):
    change_form_template = "admin/events/source/change_form.html"
    list_display = (*SourceAdmin.list_display, "saved_from")

    def get_urls(self):
        return extraction_urls(self) + super().get_urls()

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                saved_events=_count(Citation.objects, "event"),
                saved_agreements=_count(AgreementStatusChange.objects, "agreement"),
            )
        )

    @admin.display(description="saved from it", ordering="saved_events")
    def saved_from(self, source) -> str:
        """What extraction (or an editor) recorded from the source: "not processed" tells
        an editor which sources are still to be read."""
        if not (source.saved_events or source.saved_agreements):
            return "not processed"
        parts = [f"{source.saved_events} event(s)"]
        if source.saved_agreements:
            parts.append(f"{source.saved_agreements} agreement(s)")
        return ", ".join(parts)

    def response_add(self, request, obj, post_url_continue=None):
        # "Save and extract events": straight from pasting the text to its candidates.
        if EXTRACT in request.POST:
            return redirect(extract_url(obj))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if EXTRACT in request.POST:
            return redirect(extract_url(obj))
        return super().response_change(request, obj)


admin.site.unregister(Source)
admin.site.register(Source, ExtractingSourceAdmin)
