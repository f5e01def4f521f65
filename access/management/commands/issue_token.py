"""Issue an API token from the command line (administrators can also do it in admin)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from access.models import ApiToken


class Command(BaseCommand):
    help = "Issue an API token for a user and print its key (shown only this once)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="What uses it: 'Newsroom dashboard'.")
        parser.add_argument(
            "--scope",
            choices=ApiToken.Scope.values,
            default=ApiToken.Scope.READ,
            help="read (dashboards; the default) or write (scripts; the user must be an editor).",
        )
        parser.add_argument(
            "--expires-days", type=int, help="Days until it expires (default: never)."
        )

    def handle(self, *args, username, name, scope, expires_days, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if expires_days is not None and expires_days < 1:
            raise CommandError("--expires-days must be at least 1.")
        expires = timezone.now() + timedelta(days=expires_days) if expires_days else None
        token, key = ApiToken.issue(user, name, scope, expires_at=expires)
        self.stderr.write(f"Issued {token}. Copy the key now: it is not stored.")
        self.stdout.write(key)
