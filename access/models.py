"""API tokens: named, scoped, revocable credentials for dashboards and scripts."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

KEY_PREFIX = "dt"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )

    def for_key(self, key: str):
        """The active token with this key, or None. Only a hash is stored: a leaked
        database does not leak working keys."""
        return self.active().select_related("user").filter(key_hash=hash_key(key)).first()


class ApiToken(models.Model):
    """A key a dashboard (read) or a script (write) sends as `Authorization: Token <key>`.
    It acts as its user, and a read token never writes, whatever the user may do."""

    class Scope(models.TextChoices):
        READ = "read", "read (dashboards)"
        WRITE = "write", "read and write (scripts)"

    name = models.CharField(
        max_length=100, help_text="What uses it: \u201cNewsroom dashboard\u201d."
    )
    # A token is the user's credential: it goes with the account.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text="The token acts as this user; writes also need the user's permissions.",
    )
    scope = models.CharField(max_length=5, choices=Scope.choices, default=Scope.READ)
    prefix = models.CharField(
        max_length=12, unique=True, editable=False, help_text="Start of the key, to recognise it."
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Empty: does not expire.")
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API token"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}\u2026, {self.scope})"

    def issue_key(self) -> str:
        """Give the token a new key and return it: the only time the key is seen."""
        self.prefix = f"{KEY_PREFIX}_{secrets.token_hex(4)}"
        key = f"{self.prefix}_{secrets.token_urlsafe(32)}"
        self.key_hash = hash_key(key)
        return key

    @property
    def is_active(self) -> bool:
        if self.revoked_at is not None:
            return False
        return self.expires_at is None or self.expires_at > timezone.now()

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    @classmethod
    def issue(cls, user, name: str, scope: str = Scope.READ, expires_at=None):
        """Create a token; returns (token, key)."""
        token = cls(user=user, name=name, scope=scope, expires_at=expires_at)
        key = token.issue_key()
        token.save()
        return token, key
