"""Who may do what through the API."""

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS, BasePermission, DjangoModelPermissions

from access.models import ApiToken


def may_read(request) -> bool:
    """Anyone, or signed-in users only when READ_REQUIRES_LOGIN is set."""
    if settings.READ_REQUIRES_LOGIN:
        return bool(request.user and request.user.is_authenticated)
    return True


def token_may_write(request) -> bool:
    """A read-scoped API token never writes, whatever its user may do."""
    token = request.auth
    return not isinstance(token, ApiToken) or token.scope == ApiToken.Scope.WRITE


class ReadOpenWriteEditors(DjangoModelPermissions):
    """Reads per `may_read`; writes for users whose groups grant the model's add, change or
    delete permission (the Editors group), by session or write token. Anonymous writes get
    401, analysts' writes and read tokens' writes 403."""

    message = "Writes need an editor's session or a write token."

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return may_read(request)
        return token_may_write(request) and super().has_permission(request, view)


class CanAddEvents(BasePermission):
    """For actions that draft events (extraction): editors only."""

    def has_permission(self, request, view):
        return token_may_write(request) and request.user.has_perm("events.add_event")


class ReadOnly(BasePermission):
    """Views that only read (stats, relations): reads per `may_read`. Other methods pass,
    to meet the view's 405 Method Not Allowed (it has no handler for them) rather than a
    401 that would suggest credentials could make them work."""

    def has_permission(self, request, view):
        if request.method not in SAFE_METHODS:
            return not hasattr(view, request.method.lower())
        return may_read(request)
