"""League tables: sorted on the server through links in the headers, with a council and its
neighbours highlighted, and a CSV of exactly the rows shown."""

from __future__ import annotations

import csv
import io

from django.urls import reverse

from ehcp.stats import queries
from ehcp.web.statistics import league

from .conftest import BRISTOL, TWENTY_WEEKS, table_rows, text_of

URL = reverse("statistics-league", args=[TWENTY_WEEKS, 2023])


def test_headers_link_to_sorting_and_say_how_the_table_is_sorted(client):
    page = client.get(URL).content.decode()
    assert (
        'aria-sort="ascending"><a class="govuk-link app-sort-link" href="'
        + URL
        + ('?sort=rank&amp;order=descending">Rank')
        in page
    )
    assert (
        'aria-sort="none"><a class="govuk-link app-sort-link" href="'
        + URL
        + ('?sort=council&amp;order=ascending">Council')
        in page
    )


def test_sorting_by_council_descending(client, store):
    response = client.get(URL, {"sort": "council", "order": "descending"})
    names = [row[1] for row in table_rows(response.content)[0]]
    expected = sorted(r.council.name for r in queries.rank(store, TWENTY_WEEKS, 2023))
    assert names == expected[::-1]
    assert (
        'aria-sort="descending"><a class="govuk-link app-sort-link" href="'
        + URL
        + ('?sort=council&amp;order=ascending">Council')
        in response.content.decode()
    )


def test_sorting_by_region_keeps_rank_order_within_a_region(client):
    rows = table_rows(client.get(URL, {"sort": "region"}).content)[0]
    keys = [(row[2], int(row[0])) for row in rows]
    assert keys == sorted(keys)


MARKS = (league.SELECTED, league.ABOVE, league.BELOW, league.SAME_REGION)


def council_and_mark(cell: str) -> tuple[str, str]:
    """'Bristol, City of Selected council' -> ('Bristol, City of', 'Selected council')."""
    for mark in MARKS:
        if cell.endswith(" " + mark):
            return cell[: -len(mark) - 1], mark
    return cell, ""


def test_highlight_marks_the_council_its_rank_neighbours_and_its_region(client, store):
    response = client.get(URL, {"highlight": BRISTOL})
    ranked = queries.rank(store, TWENTY_WEEKS, 2023)
    place = next(i for i, r in enumerate(ranked) if r.council.la_code == BRISTOL)
    marks = dict(council_and_mark(row[1]) for row in table_rows(response.content)[0])
    south_west = {r.council.name for r in ranked if r.council.region_name == "South West"}
    above, below = ranked[place - 1].council.name, ranked[place + 1].council.name
    expected = dict.fromkeys(south_west, league.SAME_REGION) | {
        above: league.ABOVE,
        below: league.BELOW,
        "Bristol, City of": league.SELECTED,
    }
    assert {name: mark for name, mark in marks.items() if mark} == expected
    assert "Bristol, City of is ranked 69 of 150 (quartile 2) with 57.0%" in text_of(
        response.content
    )


def test_highlight_survives_sorting_links(client):
    page = client.get(URL, {"highlight": BRISTOL}).content.decode()
    assert "?sort=council&amp;order=ascending&amp;highlight=801" in page
    assert "?highlight=801&amp;format=csv" in page


def test_the_league_csv_has_exactly_the_rows_shown_in_order(client):
    query = {"sort": "value", "order": "ascending", "highlight": BRISTOL}
    page = client.get(URL, query)
    download = client.get(URL, {**query, "format": "csv"})
    assert download["Content-Disposition"] == (
        f'attachment; filename="ehcp-league-{TWENTY_WEEKS}-2023.csv"'
    )
    records = list(csv.DictReader(io.StringIO(download.content.decode())))
    shown = [
        (row[0], council_and_mark(row[1])[0], row[2], row[3].removesuffix(" Small base"),
         row[4], row[5])
        for row in table_rows(page.content)[0]
    ]  # fmt: skip
    assert len(shown) == 150
    assert [
        (r["rank"], r["council"], r["region"], f"{float(r['value']):.1f}%",
         f"{int(r['denominator']):,}", r["quartile"])
        for r in records
    ] == shown  # fmt: skip


def test_neighbours_at_the_top_of_the_table_have_no_one_above(store):
    ranked = queries.rank(store, TWENTY_WEEKS, 2023)
    top = ranked[0].council
    marks = league.neighbours(ranked, top)
    assert marks[top.la_code] == league.SELECTED
    assert marks[ranked[1].council.la_code] == league.BELOW
    assert league.ABOVE not in marks.values()


def test_a_council_without_a_figure_is_named_but_nothing_is_highlighted(client):
    response = client.get(URL, {"highlight": "835"})
    assert "Dorset has no figure in this table." in text_of(response.content)
    assert "app-league__row--highlight" not in response.content.decode()


def test_sorting_parameters_are_validated():
    assert league.parse_sorting(None, None) == league.Sorting("rank", "ascending")
    assert league.parse_sorting("value", "descending") == league.Sorting("value", "descending")
    assert league.parse_sorting("name", None) is None
    assert league.parse_sorting("rank", "up") is None
