"""What the GOV.UK components need from a view: error summary entries and pagination."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.functional import cached_property


class CountedPaginator(Paginator[Any]):
    """A paginator told how many items there are, so it need not count them itself."""

    def __init__(self, items: Any, per_page: int, count: int) -> None:
        super().__init__(items, per_page)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count


def paginate(
    request: HttpRequest, items: Any, per_page: int = 25, count: int | None = None
) -> Page[Any]:
    """A page of `items`; pass `count` when the number of items is already known."""
    paginator = (
        Paginator(items, per_page) if count is None else CountedPaginator(items, per_page, count)
    )
    return paginator.get_page(request.GET.get("page"))


def known_page(items: list[Any], number: int, count: int, per_page: int = 25) -> Page[Any]:
    """Page `number` of a list already cut to its `items`, of `count` in all."""
    return Page(items, number, CountedPaginator([], per_page, count))


def form_errors(form: forms.Form) -> list[tuple[str, str]]:
    """(field id, message) pairs for the GOV.UK error summary, in field order."""
    errors = []
    for name, messages in form.errors.items():
        anchor = f"id_{name}_0" if name in form.fields and _is_date(form, name) else f"id_{name}"
        errors += [(anchor if name != "__all__" else "", str(message)) for message in messages]
    return errors


def _is_date(form: forms.Form, name: str) -> bool:
    return type(form.fields[name]).__name__ == "GovDateField"
