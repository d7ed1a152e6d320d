"""Middleware: the signed-in user read once per request; idle sessions ended; personal-data
pages never cached."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Final

from django.conf import settings
from django.contrib.auth import get_user, logout
from django.http import HttpRequest
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control

from ehcp.web.audit.services import record as audit


class SignedInUserMiddleware:
    """Reads the signed-in user once, at the start of the request, in place of the lazy object
    Django's authentication middleware leaves: every page needs the user, and each of the
    dozens of uses of the lazy object on a page is a lookup through it."""

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        request.user = get_user(request)
        return self.get_response(request)


class NoStoreMiddleware:
    """Every page and export a signed-in member sees may hold a child's personal data: no
    browser or proxy may keep a copy (`Cache-Control: no-store`)."""

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        response = self.get_response(request)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


LAST_SEEN: Final = "ehcp_last_seen"
# The time of the last request is written to the session at most this often, not on every
# request (with a shared cache, each write also goes to the database).
LAST_SEEN_STEP: Final = 60


class IdleTimeoutMiddleware:
    """Signs out a member who has made no request for `EHCP_IDLE_TIMEOUT_SECONDS`, and shows
    them a page saying so (ADR 0021)."""

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN, now)
            if now - last_seen > settings.EHCP_IDLE_TIMEOUT_SECONDS:
                audit(request.user, "sign_out", "Signed out after a time without activity")
                logout(request)
                return redirect("signed-out")
            if now - last_seen >= LAST_SEEN_STEP or LAST_SEEN not in request.session:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
