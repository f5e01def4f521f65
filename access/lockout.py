"""Failed API tokens count against the client's address: after TOKEN_FAILURE_LIMIT failures
within LOCKOUT_SECONDS, every request from that address that presents a token is refused
with 429 and Retry-After for LOCKOUT_SECONDS, whether its token is good or not (otherwise a
guesser would still learn which guess was right). Counted in the shared cache, so every
worker sees the same counts.

A request with a good token should cost nothing more: each process remembers, for
CLEAR_SECONDS, the addresses it found not locked out, and asks the shared cache again only
after that, or at once after a failure from the address. So a lockout reaches a process
within CLEAR_SECONDS, and a guesser gets at most one more try per process after it.

Admin logins are django-axes's (settings: AXES_*), counted by the same address.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.exceptions import Throttled
from rest_framework.throttling import BaseThrottle

log = logging.getLogger(__name__)


def client_address(request) -> str:
    """The client's address as the rate limits see it: REMOTE_ADDR, or the address the
    trusted proxies (NUM_PROXIES) saw in X-Forwarded-For."""
    return BaseThrottle().get_ident(request)


CLEAR_SECONDS = 5
# Address -> until when (monotonic) this process takes it as not locked out.
_clear_until: dict[str, float] = {}


def _keys(address: str) -> tuple[str, str]:
    return f"access:token-failures:{address}", f"access:token-lockout:{address}"


class LockedOut(Throttled):
    default_detail = "Too many failed API tokens from this address."
    extra_detail_singular = extra_detail_plural = "Try again in {wait} seconds."


def check(request) -> None:
    """Raise LockedOut (a 429 with Retry-After) while the client's address is locked out."""
    address = client_address(request)
    now = time.monotonic()
    if _clear_until.get(address, 0) > now:
        return
    until = cache.get(_keys(address)[1])
    if until is not None:
        raise LockedOut(wait=max(1, round(until - time.time())))
    if len(_clear_until) > 10_000:  # bounded: addresses of the last few seconds
        _clear_until.clear()
    _clear_until[address] = now + CLEAR_SECONDS


def failed(request) -> None:
    """Count a failed token against the client's address; lock it out at the limit."""
    address = client_address(request)
    _clear_until.pop(address, None)  # its next request asks the shared cache
    failures, lockout = _keys(address)
    seconds = settings.TOKEN_LOCKOUT_SECONDS
    cache.add(failures, 0, timeout=seconds)  # the window starts at the first failure
    try:
        count = cache.incr(failures)
    except ValueError:  # the window ended between the two calls
        cache.set(failures, count := 1, timeout=seconds)
    if count >= settings.TOKEN_FAILURE_LIMIT:
        cache.set(lockout, time.time() + seconds, timeout=seconds)
        cache.delete(failures)
        log.warning(
            "API tokens from %s locked out for %d s after %d failures.", address, seconds, count
        )
