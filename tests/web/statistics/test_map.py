"""The hex map of England: a hexagon per council, a link to its page, a legend and a table.

Figures are DfE's: timeliness_20_week.csv (2025 release) for 2024, sen2_mi.csv (2022 release)
for 2020."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ehcp.stats.errors import StatsError
from ehcp.stats.hexlayout import load, neighbours
from ehcp.web.statistics import services

from .conftest import table_rows, text_of

MAP = reverse("statistics-england", args=["map"])


def links(content: bytes) -> dict[str, str]:
    """aria-label -> href of every hexagon that is a link."""
    found = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"', content.decode())
    return {label: href for href, label in found}


def test_every_current_council_is_a_linked_hexagon(client):
    response = client.get(MAP)
    assert response.status_code == 200
    hexagons = links(response.content)
    assert len(hexagons) == 153
    # timeliness_20_week.csv, 2024, Bristol: 17.3% of 674... as published: pc 17.3.
    bristol = next(label for label in hexagons if label.startswith("Bristol, City of: "))
    assert bristol.startswith("Bristol, City of: 17.3%")
    assert hexagons[bristol] == reverse("statistics-council", args=["801"])
    for council in ("Cumberland", "Westmorland and Furness", "North Northamptonshire",
                    "West Northamptonshire"):  # fmt: skip
        assert any(label.startswith(council + ": ") for label in hexagons)


def test_before_the_splits_the_old_councils_fill_their_successors_hexagons(client):
    found = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"', client.get(MAP + "?year=2020")
                       .content.decode())  # fmt: skip
    cumbria = [href for href, label in found if label.startswith("Cumbria: ")]
    northants = [href for href, label in found if label.startswith("Northamptonshire: ")]
    assert cumbria == [reverse("statistics-council", args=["909"])] * 2
    assert northants == [reverse("statistics-council", args=["928"])] * 2


def test_the_legend_names_every_band_and_the_table_lists_every_figure(client):
    response = client.get(MAP + "?indicator=plans_within_20_weeks_pct&year=2024")
    page = text_of(response.content)
    assert "Key" in page
    bands = response.context["map"].bands
    assert len(bands) == 5
    assert sum(band.count for band in bands) == 153
    assert f"{bands[0].low} to {bands[0].high}" in page
    rows = table_rows(response.content)[0]
    assert len(rows) == 153
    assert any(row[0] == "Bristol, City of" and row[2] == "17.3%" for row in rows)


def test_small_bases_are_marked_on_the_map_and_in_the_key(client):
    response = client.get(MAP + "?indicator=plans_within_20_weeks_pct&year=2020")
    small = response.context["map"].small
    assert small >= 1
    assert response.content.decode().count('r="4" fill="#ffffff"') == small
    assert "Rate on fewer than 30 cases" in text_of(response.content)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?year=2030", "has council figures for 2014 to 2024, not 2030."),
        ("?year=twenty", "The year must be a number, such as 2024."),
        ("?indicator=nope", "There is no indicator 'nope'."),
        ("?indicator=designated_medical_officer", "is a status (Yes, No and so on)"),
    ],
)
def test_bad_choices_are_explained(client, query, message):
    response = client.get(MAP + query)
    assert response.status_code == 400
    assert message in text_of(response.content)


def test_a_missing_layout_is_explained_not_a_crash(client, monkeypatch, tmp_path):
    monkeypatch.setenv("EHCP_HEXMAP", str(tmp_path / "absent.hexjson"))
    response = client.get(MAP)
    assert response.status_code == 503


def test_the_layout_adds_the_new_councils_beside_the_old_ones():
    hexes = services.hex_layout()
    cells = {h.code: (h.q, h.r) for h in hexes}
    assert len(set(cells.values())) == len(cells) == 153
    assert "E10000021" not in cells
    assert "E10000006" not in cells
    west, north = cells["E06000062"], cells["E06000061"]
    assert west in neighbours(*north)
    assert cells["E06000063"] in neighbours(*cells["E06000064"])


def test_a_layout_file_that_is_not_hexjson_is_refused(tmp_path):
    bad = tmp_path / "bad.hexjson"
    bad.write_text('{"layout": "odd-q", "hexes": {}}')
    with pytest.raises(StatsError, match="only odd-r is drawn"):
        load(bad)
