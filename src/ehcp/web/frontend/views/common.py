"""Helpers the views share."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.utils import timezone


def today() -> date:
    """Today in England, unless `EHCP_TODAY` fixes the date (tests and demos of a past day)."""
    fixed = getattr(settings, "EHCP_TODAY", None)
    return fixed if fixed is not None else timezone.localdate()


def paginate(request: Any, items: Any, per_page: int = 25) -> Page:
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def form_errors(form: Any) -> list[tuple[str, str]]:
    """(field id, message) pairs for the GOV.UK error summary, in field order."""
    errors = []
    for name, messages in form.errors.items():
        anchor = f"id_{name}_0" if name in form.fields and _is_date(form, name) else f"id_{name}"
        errors += [(anchor if name != "__all__" else "", message) for message in messages]
    return errors


def _is_date(form: Any, name: str) -> bool:
    return type(form.fields[name]).__name__ == "GovDateField"


def client_address(request: Any) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))
