"""The headline paragraph: rank, quartile, England and the change, from DfE's own figures.

Expected values are worked out here from timeliness_20_week.csv and caseload.csv of the
shared reporting year 2025 archive, with the standard library."""

from __future__ import annotations

import csv
import io
import zipfile

from stats_releases import RELEASE_2025

from ehcp.stats import queries
from ehcp.stats.headline import headline


def published(file: str) -> list[dict[str, str]]:
    with zipfile.ZipFile(RELEASE_2025) as bundle:
        member = next(n for n in bundle.namelist() if n.endswith("/" + file))
        return list(csv.DictReader(io.StringIO(bundle.read(member).decode("utf-8-sig"))))


def totals(file: str, period: str) -> list[dict[str, str]]:
    return [
        row
        for row in published(file)
        if row["time_period"] == period and row["breakdown_topic"] == row["breakdown"]
    ]


def twenty_weeks(period: str) -> dict[str, float]:
    """Council code -> published 20-week percentage, for councils with a number."""
    found = {}
    for row in totals("timeliness_20_week.csv", period):
        text = row["pc_plans_issued_within_20_weeks"]
        if row["geographic_level"] == "Local authority" and text.replace(".", "").isdigit():
            found[row["old_la_code"]] = float(text)
    return found


def england(period: str) -> str:
    row = next(
        r for r in totals("timeliness_20_week.csv", period) if r["geographic_level"] == "National"
    )
    return row["pc_plans_issued_within_20_weeks"]


def test_bristols_headline_ranks_it_among_every_council_with_a_figure(store):
    figures = twenty_weeks("2024")
    bristol = figures["801"]
    rank = 1 + sum(value > bristol for value in figures.values())
    quartile = 1 + (4 * (rank - 1)) // len(figures)
    before = twenty_weeks("2022")["801"]
    text = headline(store, queries.find_council(store, "801"))
    assert text.startswith(
        f"Bristol, City of ranked {rank} of {len(figures)} councils on the 20-week measure in "
        f"2024 ({['1st', '2nd', '3rd', '4th'][quartile - 1]} quartile): {bristol:.1f}% of new "
        f"plans were issued within 20 weeks, against England's {england('2024')}%; "
        f"{'down' if before > bristol else 'up'} from {before:.1f}% in 2022."
    )


def test_the_headline_gives_the_caseload_and_its_growth(store):
    rows = {
        (r["time_period"], r["old_la_code"]): float(r["ehcplans"])
        for r in totals("caseload.csv", "202425") + totals("caseload.csv", "202324")
        if r["geographic_level"] == "Local authority"
    }
    now, then = rows[("202425", "801")], rows[("202324", "801")]
    growth = round(100 * (now - then) / then, 1)
    text = headline(store, queries.find_council(store, "801"))
    assert text.endswith(
        f"{now:,.0f} children and young people had a plan in January 2025, "
        f"up {growth}% on a year before."
    )


def test_england_is_not_ranked_or_set_beside_itself(store):
    text = headline(store, queries.england(store))
    assert text.startswith(f"England, 2024: {england('2024')}% of new plans were issued")
    assert "ranked" not in text
    assert "against England" not in text
