"""Middleware: a content security policy on every response (only this site's own scripts,
styles, fonts and images; no framing)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response
