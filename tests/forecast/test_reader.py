"""The published breakdowns read from the store, checked against figures printed in the CSVs."""

from ehcp.forecast import Figures


def test_totals_and_bands_as_published(figures: Figures) -> None:
    stockport = figures.find("Stockport")
    published = [2195, 2359, 2383, 2618, 2827, 3115, 3506]
    assert [stockport.total(y) for y in range(2019, 2026)] == published
    assert stockport.get("band", 2022) == {"0": 118, "1": 813, "2": 1038, "3": 555, "4": 94}
    assert figures.england.total(2025) == 638745


def test_flows_needs_and_ages(figures: Figures) -> None:
    england = figures.england
    assert england.get("new", 2019)[""] == 53899
    assert england.get("ceased", 2022)[""] == 34724
    assert england.get("ceased_transfer", 2022)[""] == 9400
    assert england.get("need", 2025)["asd"] == 201183
    assert england.get("need_age", 2025)["10:asd"] == 13579
    assert england.get("age", 2025)["10"] == 41405
    assert figures.find("Stockport").get("new", 2024)[""] == 610
