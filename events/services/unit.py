"""The unit of work: every service runs inside one, and the outermost unit of a call is one
transaction whose derived data (events.derived) is computed once, at its end, in it.

Callers that make several service calls that belong together (an admin form with its
inlines, a restore) open the unit around them, so the whole is one transaction and one
derivation."""

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.db import transaction
from django.db.models import Model

from events import derived

_current: ContextVar[derived.Changes | None] = ContextVar("write_unit", default=None)


@contextmanager
def write_unit():
    """A transaction that collects what its writes change and derives from it at the end;
    inside another unit, that one."""
    changes = _current.get()
    if changes is not None:
        yield changes
        return
    with transaction.atomic():
        changes = derived.Changes()
        token = _current.set(changes)
        try:
            yield changes
            derived.flush(changes)
        finally:
            _current.reset(token)


def current() -> derived.Changes:
    """The changes of the unit a service runs in (services only: outside one, an error)."""
    changes = _current.get()
    if changes is None:
        raise RuntimeError("Writes go through events.services, inside write_unit().")
    return changes


def service(function: Callable) -> Callable:
    """Runs `function` in a write unit (its own, or the caller's). A record it returns from
    a unit of its own is read again once the unit has derived what it derives (a
    participant's post), so the caller holds it as stored."""

    @wraps(function)
    def run(*args, **kwargs):
        outermost = _current.get() is None
        with write_unit():
            result = function(*args, **kwargs)
        if outermost and isinstance(result, Model) and result.pk is not None:
            result.refresh_from_db()
        return result

    return run
