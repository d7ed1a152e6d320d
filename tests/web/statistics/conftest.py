"""The web app pointed at the statistics store `tests/web/conftest.py` imports once per
session (the two shared DfE releases), and helpers to read its pages."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

BRISTOL = "801"
TWENTY_WEEKS = "plans_within_20_weeks_pct"


@pytest.fixture(autouse=True)
def _statistics_store(settings: Any, stats_store: Path) -> None:
    settings.STATS_STORE = stats_store


@pytest.fixture
def store(stats_store: Path) -> Any:
    from ehcp.stats.store import connect

    with connect(stats_store, read_only=True) as connection:
        yield connection


class _Tables(HTMLParser):
    """Every table's body rows as lists of cell texts (th and td alike)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self._in_body:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._in_body = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def table_rows(content: bytes) -> list[list[list[str]]]:
    parser = _Tables()
    parser.feed(content.decode())
    return parser.tables


def text_of(content: bytes) -> str:
    """The page's text with tags removed and spaces collapsed."""
    stripped = re.sub(r"<[^>]+>", " ", content.decode())
    return " ".join(html.unescape(stripped).split())
