"""The catalogue: required ids, coherent definitions, and a document that matches it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ehcp.stats.catalogue import BY_ID, INDICATORS
from ehcp.stats.docs import catalogue_markdown
from ehcp.stats.download import download_latest
from ehcp.stats.errors import StatsError

DOC = Path(__file__).resolve().parents[2] / "docs" / "stats" / "indicators.md"
REQUIRED = """plans_within_20_weeks_pct plans_within_20_weeks_excl_exceptions_pct
plans_within_20_weeks plans_within_20_weeks_den plans_within_20_weeks_excl_exceptions
plans_within_20_weeks_excl_exceptions_den avg_weeks_to_issue requests_received
requests_refused requests_refused_pct requests_refused_pct_of_decided
request_decisions_within_6_weeks_pct assessments_not_issued_pct new_plans caseload
caseload_growth_pct mediations tribunal_appeals appeal_rate_pct annual_reviews_held_pct
ceased_plans""".split()


def test_required_indicators_exist() -> None:
    assert [ident for ident in REQUIRED if ident not in BY_ID] == []
    assert len(BY_ID) == len(INDICATORS)


def test_numerator_and_denominator_ids_are_in_the_catalogue() -> None:
    for entry in INDICATORS:
        for ident in (entry.numerator_id, entry.denominator_id):
            assert ident is None or ident in BY_ID, (entry.id, ident)


def test_rates_have_numerator_and_denominator_columns() -> None:
    for entry in INDICATORS:
        if entry.unit == "percent":
            for source in entry.sources:
                assert source.numerator, (entry.id, source.file)
                assert source.denominator, (entry.id, source.file)


def test_document_matches_the_catalogue() -> None:
    assert DOC.read_text(encoding="utf-8") == catalogue_markdown(), (
        "Regenerate: ehcp stats indicators --format markdown > docs/stats/indicators.md"
    )


def test_document_explains_the_series_break_and_markers() -> None:
    text = catalogue_markdown()
    assert "Series break" in text
    assert "`x` not available" in text


def test_download_uses_the_latest_release_and_saves_the_zip(tmp_path: Path) -> None:
    asked = []

    def fetch(url: str) -> bytes:
        asked.append(url)
        if url.endswith("/releases/latest"):
            return json.dumps({"id": "abc-123", "slug": "reporting-year-2026"}).encode()
        return b"PK zip bytes"

    saved = download_latest(tmp_path, api="https://ees.example/api", fetch=fetch)
    assert asked == [
        "https://ees.example/api/publications/education-health-and-care-plans/releases/latest",
        "https://ees.example/api/releases/abc-123/files?fromPage=ReleaseDownloads",
    ]
    assert saved.read_bytes() == b"PK zip bytes"
    assert saved.name == "education-health-and-care-plans_reporting-year-2026.zip"


def test_download_with_an_unexpected_answer_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StatsError, match="not as expected"):
        download_latest(tmp_path, fetch=lambda url: b"<html>")
