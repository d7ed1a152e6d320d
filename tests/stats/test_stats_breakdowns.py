"""Plans by setting, primary need, age and sex (`ehcp stats show --by`).

Expected figures are read from the shared DfE archives with the standard library.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from stats_releases import RELEASE_2022, RELEASE_2025

from ehcp.cli import main
from ehcp.stats.breakdowns import age_band


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["stats", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rows(archive: Path, file: str) -> list[dict[str, str]]:
    with zipfile.ZipFile(archive) as bundle:
        member = next(n for n in bundle.namelist() if n.endswith("/" + file))
        return list(csv.DictReader(io.StringIO(bundle.read(member).decode("utf-8-sig"))))


def bristol(archive: Path, file: str, period: str) -> list[dict[str, str]]:
    return [
        row
        for row in rows(archive, file)
        if row["old_la_code"] == "801" and row["time_period"] == period
    ]


def figures(capsys: pytest.CaptureFixture[str], store: Path, *argv: str) -> list[dict[str, Any]]:
    code, out, err = run(capsys, "show", *argv, "--format", "json", "--store", str(store))
    assert (code, err) == (0, "")
    found: list[dict[str, Any]] = json.loads(out)["figures"]
    return found


def test_plans_by_sex_are_dfes_counts_with_their_share(capsys, store_path):
    published = {r["breakdown"]: r for r in bristol(RELEASE_2025, "caseload.csv", "202425")}
    found = figures(capsys, store_path, "--la", "Bristol", "--by", "sex", "--year", "2025")
    by_sex = {f["category"]: f for f in found}
    total = float(published["All EHC plans"]["ehcplans"])
    for sex in ("Female", "Male"):
        count = float(published[sex]["ehcplans"])
        assert by_sex[sex]["plans"] == count
        assert by_sex[sex]["percent"] == round(100 * count / total, 1)
        assert by_sex[sex]["base"] == total


def test_single_ages_are_summed_into_the_aggregate_returns_bands(capsys, store_path):
    published = [
        r for r in bristol(RELEASE_2025, "caseload.csv", "202425")
        if r["breakdown_topic"] == "Child or young persons age"
    ]  # fmt: skip
    bands: dict[str, float] = {}
    for row in published:
        age = row["breakdown"]
        band = "Under 5" if age.startswith("under") or age in ("age 3", "age 4") else None
        years = int(age.split()[1]) if band is None else 0
        band = band or next(
            name for limit, name in ((11, "Age 5 to 10"), (16, "Age 11 to 15"),
                                     (20, "Age 16 to 19"), (26, "Age 20 to 25")) if years < limit
        )  # fmt: skip
        bands[band] = bands.get(band, 0.0) + float(row["ehcplans"])
    found = figures(capsys, store_path, "--la", "801", "--by", "age", "--year", "2025")
    assert {f["category"]: f["plans"] for f in found} == bands


def test_ages_before_the_person_level_return_are_the_published_bands(capsys, store_path):
    published = bristol(RELEASE_2022, "sen2_age_caseload.csv", "2019")
    expected = {r["characteristic_age"]: float(r["Total_ehc"]) for r in published}
    found = figures(capsys, store_path, "--la", "Bristol", "--by", "age", "--year", "2019")
    assert {f["category"]: f["plans"] for f in found} == {
        band: plans for band, plans in expected.items() if band != "Total"
    }


def test_years_with_only_markers_are_left_out(capsys, store_path):
    # sen2_age_caseload.csv prints z for every EHC plan cell from 2010 to 2014.
    found = figures(capsys, store_path, "--la", "Bristol", "--by", "age")
    assert min(int(f["year"]) for f in found) == 2015
    assert 2023 not in {f["year"] for f in found}


def test_settings_are_the_catalogue_percentages(capsys, store_path):
    published = bristol(RELEASE_2025, "caseload.csv", "201819")[0]
    found = figures(capsys, store_path, "--la", "Bristol", "--by", "setting", "--year", "2019")
    mainstream = next(f for f in found if f["category"] == "Mainstream school")
    assert mainstream["percent"] == float(published["mainstream_total_pc"])
    assert mainstream["plans"] == float(published["mainstream_total"])
    assert mainstream["base"] == float(published["ehcplans"])


def test_primary_needs_for_england(capsys, store_path):
    england = next(
        r for r in rows(RELEASE_2025, "sen_needs_all_plans.csv")
        if r["geographic_level"] == "National" and r["breakdown_topic"] == r["breakdown"]
    )  # fmt: skip
    found = figures(capsys, store_path, "--la", "England", "--by", "need")
    autism = next(f for f in found if f["category"] == "Autistic spectrum disorder")
    assert autism["plans"] == float(england["number_asd"])
    assert autism["percent"] == float(england["asd_pc"])


def test_the_table_lists_every_category_and_the_base(capsys, store_path):
    code, out, _ = run(capsys, "show", "--region", "South West", "--by", "sex",
                       "--store", str(store_path))  # fmt: skip
    assert code == 0
    assert "Plans by sex: South West" in out
    assert "All plans (the base)" in out
    assert out.count("Jan 2024") == 1


def test_csv_has_one_row_per_category_and_year(capsys, store_path):
    code, out, _ = run(capsys, "show", "--la", "Bristol", "--by", "need", "--format", "csv",
                       "--store", str(store_path))  # fmt: skip
    records = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert len(records) == 12
    assert {r["year"] for r in records} == {"2025"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--by", "colour"), "There is no breakdown 'colour': choose setting, need, age or sex."),
        (
            ("--by", "need", "--indicator", "caseload"),
            "Give either --by or --indicator, not both.",
        ),  # noqa: E501
        (("--by", "need", "--year", "2019"), "Bristol, City of has no figures by need for 2019."),
    ],
)
def test_bad_breakdowns_are_refused_in_one_sentence(capsys, store_path, argv, message):
    code, out, err = run(capsys, "show", "--la", "Bristol", *argv, "--store", str(store_path))
    assert (code, out) == (2, "")
    assert err.strip() == f"ehcp stats: {message}"


@pytest.mark.parametrize(
    ("published", "band"),
    [("under 3", "Under 5"), ("age 4", "Under 5"), ("age 5", "Age 5 to 10"),
     ("age 10", "Age 5 to 10"), ("age 11", "Age 11 to 15"), ("age 19", "Age 16 to 19"),
     ("age 20", "Age 20 to 25"), ("age 25", "Age 20 to 25"), ("Unknown", "Unknown"),
     ("Age 11 to 15", "Age 11 to 15")],
)  # fmt: skip
def test_age_bands(published, band):
    assert age_band(published) == band
