"""Figures as DfE publishes them: DfE's decimals, the base beside every rate, small bases flagged.

Expected texts are worked out here from the shared archives, read with the standard library.
"""

from __future__ import annotations

import csv
import io
import zipfile
from decimal import ROUND_HALF_UP, Decimal

from django.urls import reverse

from ..conftest import RELEASES
from .conftest import BRISTOL, TWENTY_WEEKS, table_rows, text_of


def published_rows(release: int, file: str) -> list[dict[str, str]]:
    archive = RELEASES[0] if release == 2022 else RELEASES[1]
    with zipfile.ZipFile(archive) as bundle:
        member = next(n for n in bundle.namelist() if n.endswith("/" + file))
        text = bundle.read(member).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def council_totals(release: int, file: str, period: str) -> list[dict[str, str]]:
    return [
        row
        for row in published_rows(release, file)
        if row["geographic_level"] == "Local authority"
        and row["time_period"] == period
        and row.get("breakdown_topic", "") == row.get("breakdown", "")
    ]


def one_place(text: str) -> str:
    return str(Decimal(text).quantize(Decimal("0.1"), ROUND_HALF_UP)) + "%"


def league_values(indicator: str, year: int) -> dict[str, tuple[str, str]]:
    """{council: (value cell, base cell)} from the league table page."""
    from django.test import Client

    page = Client().get(reverse("statistics-league", args=[indicator, year]))
    return {row[1]: (row[3], row[4]) for row in table_rows(page.content)[0]}


def test_rates_printed_with_six_decimals_are_shown_at_dfes_one(client):
    # sen2_mi.csv prints AssRefusedEHC_pc for 2021 with up to six decimals (e.g. 43.595...).
    rows = council_totals(2022, "sen2_mi.csv", "2021")
    long = [r for r in rows if len(r["AssRefusedEHC_pc"].partition(".")[2].rstrip("0")) > 1]
    shown = league_values("requests_refused_pct", 2021)
    assert len(long) > 50
    for row in long:
        value, base = shown[row["la_name"]]
        assert value.removesuffix(" Small base") == one_place(row["AssRefusedEHC_pc"])
        assert base == f"{int(row['InreqEHC']):,}"


def test_every_rate_on_a_council_page_has_its_base_beside_it(client):
    response = client.get(reverse("statistics-council", args=[BRISTOL, "indicators"]))
    sections = response.context["sections"]
    tables = table_rows(response.content)
    checked = 0
    for section, table in zip(sections, tables, strict=True):
        if section.indicator.unit != "percent":
            continue
        for row in table:
            for cell in row[1:-1]:
                if cell[:1].isdigit():
                    assert "(n = " in cell, (section.indicator.id, row)
                    checked += 1
    assert checked > 150


def test_small_bases_are_flagged_in_the_league_table(client):
    # timeliness_20_week.csv, 2024: City of London (5 plans), Isle of Wight (7) and Isles of
    # Scilly (1) are the only councils with fewer than 30 plans in the 20-week base.
    small = {
        row["la_name"]
        for row in council_totals(2025, "timeliness_20_week.csv", "2024")
        if row["plans_issued_den"].isdigit() and int(row["plans_issued_den"]) < 30
    }
    shown = league_values(TWENTY_WEEKS, 2024)
    flagged = {name for name, (value, _) in shown.items() if value.endswith("Small base")}
    assert small == {"City of London", "Isle of Wight", "Isles of Scilly"}
    assert flagged == small
    page = client.get(reverse("statistics-league", args=[TWENTY_WEEKS, 2024]))
    assert "marks the 3 councils whose rate is out of fewer than 30" in text_of(page.content)


def test_counts_have_no_base_and_no_flag(client):
    page = client.get(reverse("statistics-league", args=["requests_received", 2023]))
    assert "Base (n)" not in page.content.decode()
    assert "Small base" not in text_of(page.content)
