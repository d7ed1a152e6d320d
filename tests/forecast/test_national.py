"""Every council under every scenario gives the same results for the same seed, here one
after another, in another order, or spread over a Dask cluster's workers."""

from __future__ import annotations

import pytest
from distributed import Client, LocalCluster
from synthetic import parameters

from ehcp.forecast import national
from ehcp.forecast.places import PlaceModel, place_seed

SIMS = 20


def _place(code: str, plans: int, level: str = "council") -> PlaceModel:
    return PlaceModel(
        code=code,
        name=f"Council {code}",
        level=level,
        origin=2025,
        params=parameters(plans=plans, seed=int(code[-1])),
        calibration={1: (-0.05, 0.05)},
        history=((2025, plans),),
        accuracy=None,
    )


PLACES = [_place("802", 900), _place("801", 1200), _place("E12000009", 5000, "region")]


def _totals(results: list[national.ForecastResult]) -> list[tuple[float, ...]]:
    return [tuple(row.median for row in result.years) + (result.unmet,) for result in results]


def test_tasks_cover_every_council_and_scenario_with_one_seed_per_council() -> None:
    work = national.tasks(PLACES, [110, 90, 110, 100], sims=SIMS, seed=7)
    assert [(t.request.code, t.request.joiners_percent) for t in work] == [
        ("801", 100), ("801", 110), ("801", 90), ("802", 100), ("802", 110), ("802", 90),
    ]  # fmt: skip
    assert {t.request.seed for t in work if t.request.code == "801"} == {place_seed(7, "801")}
    assert place_seed(7, "801") != place_seed(7, "802")
    assert place_seed(7, "801") != place_seed(8, "801")
    assert all(t.request.sims == SIMS for t in work)


def test_the_order_of_the_tasks_changes_nothing() -> None:
    work = national.tasks(PLACES, [120], sims=SIMS, seed=7)
    forwards = national.run(work)
    backwards = national.run(work[::-1])[::-1]
    assert forwards == backwards
    baseline, more = forwards[0], forwards[1]
    assert more.years[-1].median > baseline.years[-1].median


@pytest.fixture(scope="module")
def client() -> Client:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def test_a_dask_cluster_gives_the_same_results(client: Client) -> None:
    from ehcp.cli.forecast import dask_runner

    work = national.tasks(PLACES, [110], sims=SIMS, seed=2025)
    here = national.run(work)
    there = national.run(work, dask_runner(client))
    assert there == here
    assert _totals(there) == _totals(here)
    assert len({result.years[-1].median for result in here}) > 1
