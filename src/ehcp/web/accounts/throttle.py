"""Sign-in throttling: too many failures for one account, or from one address, within the
window lock sign-in for it until the window passes. Keys are hashed, so no email address or
IP address is held in the cache in clear."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache


def _keys(username: str, address: str) -> list[str]:
    return [
        "signin-fail:" + hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()
        for kind, value in (("user", username.strip().lower()), ("addr", address))
    ]


def locked(username: str, address: str) -> bool:
    limit = settings.LOGIN_FAILURE_LIMIT
    return any(cache.get(key, 0) >= limit for key in _keys(username, address))


def failed(username: str, address: str) -> None:
    window = settings.LOGIN_FAILURE_WINDOW_SECONDS
    for key in _keys(username, address):
        cache.add(key, 0, window)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, window)


def succeeded(username: str) -> None:
    cache.delete(_keys(username, "")[0])
