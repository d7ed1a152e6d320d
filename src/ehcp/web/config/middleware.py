"""What every request passes through before the pages' own checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.shortcuts import render

FORM: str = "application/x-www-form-urlencoded"


class FormEncodingMiddleware:
    """A form is read as UTF-8, as the pages ask and browsers send it. One that declares
    another character set gets the service's own 400 page here, rather than Django's refusal
    as it reads the form (which logs a traceback for what is only a client's mistake)."""

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        declared = request.encoding  # a character set Python knows, or None
        if request.content_type == FORM and declared and declared.lower() != "utf-8":
            return render(request, "400.html", status=400)
        return self.get_response(request)
