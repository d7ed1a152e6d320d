"""The two shared DfE releases imported once per session into a temporary statistics store,
as tests/stats does, and the web app pointed at it."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from ehcp.stats.store import import_releases

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "dfe-ehcp-statistics"
RELEASES = [
    DATA / "education-health-and-care-plans_reporting-year-2022.zip",
    DATA / "education-health-and-care-plans_reporting-year-2025.zip",
]
BRISTOL = "801"
TWENTY_WEEKS = "plans_within_20_weeks_pct"


_IMPORTED: list[Path] = []


@pytest.fixture(scope="session")
def stats_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding both shared releases. Read it; never write to it. Imported once even
    though tests/web/browser/test_statistics.py registers this fixture a second time."""
    if _IMPORTED:
        return _IMPORTED[0]
    missing = [str(path) for path in RELEASES if not path.exists()]
    if missing:
        pytest.fail(f"The shared DfE releases are missing: {', '.join(missing)}")
    path = tmp_path_factory.mktemp("web-stats") / "stats.duckdb"
    import_releases(path, RELEASES)
    _IMPORTED.append(path)
    return path


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
