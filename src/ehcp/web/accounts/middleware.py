"""Middleware: the signed-in user read once per request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user
from django.http import HttpRequest
from django.utils.cache import patch_cache_control


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
