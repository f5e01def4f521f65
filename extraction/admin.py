"""The extraction page in admin: a source's change page gains an "Extract events" button
(templates/admin/events/source/change_form.html) that opens admin_views.extract_events_view.

The domain's SourceAdmin is extended here rather than told about extraction, so the domain
does not depend on this app."""

from django.contrib import admin

from events.admin import SourceAdmin
from events.models import Source
from extraction.admin_views import extraction_urls


class ExtractingSourceAdmin(SourceAdmin):
    change_form_template = "admin/events/source/change_form.html"

    def get_urls(self):
        return extraction_urls(self) + super().get_urls()


admin.site.unregister(Source)
admin.site.register(Source, ExtractingSourceAdmin)
