"""Addresses of pages, worked out from the URL patterns once per process.

Django's `reverse` matches every candidate pattern with a regular expression on each call,
and each page's layout and the case page need several addresses on every request."""

from __future__ import annotations

from functools import cache
from typing import Final
from urllib.parse import quote

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS

_MARK: Final = "REFERENCE"


# `prefix` and `urlconf` are there for the cache key: an address depends on both.
@cache
def _fixed(name: str, prefix: str, urlconf: str | None) -> str:
    return reverse(name)


@cache
def _case_pattern(name: str, prefix: str, urlconf: str | None) -> tuple[str, str]:
    head, _, tail = reverse(name, args=[_MARK]).rpartition(_MARK)
    return head, tail


def address(name: str) -> str:
    """`reverse(name)` for a page that takes no arguments."""
    return _fixed(name, get_script_prefix(), get_urlconf())


def case_address(name: str, reference: str) -> str:
    """`reverse(name, args=[reference])` for a page of one case."""
    if not reference or "/" in reference:
        return reverse(name, args=[reference])  # no page has such an address: reverse says so
    head, tail = _case_pattern(name, get_script_prefix(), get_urlconf())
    return head + quote(reference, safe=RFC3986_SUBDELIMS + "~:@") + tail
