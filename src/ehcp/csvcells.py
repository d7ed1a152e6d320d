"""Cells that are safe to open in a spreadsheet (OWASP's rule against CSV injection).

A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be read by
Excel, LibreOffice or Google Sheets as a formula; it is written with a leading `'`, which
they show as text. Numbers, including negative ones, are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _is_number(value):
        return value
    return "'" + value


def safe_row(values: Iterable[object]) -> list[object]:
    return [safe_cell(value) for value in values]


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return text.strip() == text
