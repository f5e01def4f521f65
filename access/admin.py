"""Tokens are created and revoked by administrators; the key is shown once, on creation."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils import timezone

# Staff sign in here: their sessions' idle time is stamped at login (imported for that
# receiver, which must be connected before the first login).
from access import sessions  # noqa: F401
from access.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "scope", "prefix", "created_at", "last_used_at", "state")
    list_filter = ("scope", ("revoked_at", admin.EmptyFieldListFilter))
    list_select_related = ("user",)
    search_fields = ("name", "prefix", "user__username")
    autocomplete_fields = ("user",)
    readonly_fields = ("prefix", "created_at", "last_used_at", "revoked_at")
    actions = ["revoke"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("name", "user", "scope", "expires_at")
        return ("name", "user", "scope", "expires_at", *self.readonly_fields)

    def get_readonly_fields(self, request, obj=None):
        # A token's owner and scope are what it was issued with; issue a new one instead.
        if obj is not None:
            return (*self.readonly_fields, "user", "scope")
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            # Shown once, in the response itself: never stored, not even in a message cookie.
            request._issued_key = obj.issue_key()
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        context = {**self.admin_site.each_context(request), "token": obj}
        context["key"] = request._issued_key
        response = TemplateResponse(request, "admin/access/apitoken/issued.html", context)
        response["Cache-Control"] = "no-store"
        return response

    @admin.display(description="state")
    def state(self, obj):
        if obj.revoked_at:
            return "revoked"
        if obj.expires_at and obj.expires_at <= timezone.now():
            return "expired"
        return "active"

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"Revoked {count} token(s).", messages.SUCCESS)
