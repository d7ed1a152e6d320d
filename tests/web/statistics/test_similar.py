"""Like-for-like comparison: a council's closest councils, their figures and the method.

The expected figures are DfE's: caseload.csv of the 2025 release (ehcplans, mainstream_total_pc
and the special school counts) for January 2025 and January 2020."""

from __future__ import annotations

import math

from django.urls import reverse

from ehcp.stats import comparators, queries

from .conftest import BRISTOL, table_rows, text_of


def similar(code: str = BRISTOL) -> str:
    return reverse("statistics-council", args=[code, "similar"])


def test_bristols_comparators_are_listed_closest_first_with_their_figures(client, store):
    response = client.get(similar())
    assert response.status_code == 200
    rows = table_rows(response.content)[0]
    assert rows[0][0] == "Bristol, City of This council"
    # caseload.csv: Bristol had 4,931 plans in January 2025 and 2,700 in January 2020.
    assert rows[0][2:4] == ["4,931", f"{100 * (4931 - 2700) / 2700:.1f}%"]
    distances = [float(row[6]) for row in rows[1:]]
    assert distances == sorted(distances)
    assert len(rows) == 11
    assert "How similarity is measured" in text_of(response.content)


def test_the_distance_is_the_documented_one(store):
    year, everyone = comparators.profiles(store)
    bristol = next(p for p in everyone if p.council.la_code == BRISTOL)
    found = comparators.comparators(store, queries.find_council(store, BRISTOL))
    nearest = found.closest[0].profile
    columns = list(zip(*(p.scaled_inputs for p in everyone), strict=True))
    spreads = [math.sqrt(sum((v - sum(c) / len(c)) ** 2 for v in c) / len(c)) for c in columns]
    by_hand = math.sqrt(sum(
        ((a - b) / s) ** 2
        for a, b, s in zip(bristol.scaled_inputs, nearest.scaled_inputs, spreads, strict=True)
    ))  # fmt: skip
    penalty = 0 if nearest.council.region_code == bristol.council.region_code else 0.5
    assert found.closest[0].distance == round(by_hand + penalty, 2)
    assert year == 2025
    assert len(found.closest) == 10


def test_a_council_that_cannot_be_compared_is_told_so(client):
    # North Northamptonshire was created in 2021: it has no January 2020 caseload.
    response = client.get(similar("940"))
    assert response.status_code == 200
    assert "North Northamptonshire cannot be compared with other councils" in text_of(
        response.content
    )


def test_england_has_no_similar_councils_page(client):
    response = client.get(reverse("statistics-england", args=["similar"]))
    assert response.status_code == 404
    assert "England is not a council" in text_of(response.content)
    assert "Similar councils" not in text_of(client.get(reverse("statistics-england")).content)


def test_the_headline_gives_the_rank_among_similar_councils(client):
    response = client.get(reverse("statistics-council", args=[BRISTOL]))
    assert "Among the 10 councils most like it, it comes " in text_of(response.content)
    assert f'href="{similar()}"' in response.content.decode()
