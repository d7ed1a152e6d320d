"""England and its regions are places like councils: found by name or code, shown the same way.

Expected figures are read from the shared DfE archives with the standard library.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from stats_releases import RELEASE_2025

from ehcp.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["stats", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def published(file: str, column: str, level: str, area: str, period: str) -> str:
    """The published text of a Total row's cell, read straight from the 2025 archive."""
    with zipfile.ZipFile(RELEASE_2025) as bundle:
        member = next(n for n in bundle.namelist() if n.endswith("/" + file))
        rows = csv.DictReader(io.StringIO(bundle.read(member).decode("utf-8-sig")))
        for row in rows:
            name = row["country_name"] if level == "National" else row["region_name"]
            if (
                row["geographic_level"] == level
                and name == area
                and row["time_period"] == period
                and row["breakdown_topic"] == row["breakdown"]
            ):
                return row[column]
    raise AssertionError(f"{file} has no {level} row for {area} in {period}")


def figures(out: str, indicator: str) -> list[dict]:
    return [f for f in json.loads(out)["figures"] if f["indicator"] == indicator]


def test_england_2023_requests_are_dfes_figure(
    capsys: pytest.CaptureFixture[str], store_path: Path
) -> None:
    code, out, _ = run(capsys, "show", "--la", "England", "--year", "2023", "--indicator",
                       "requests_received", "--format", "json",
                       "--store", str(store_path))  # fmt: skip
    wanted = int(published("requests.csv", "requests_received_in_year", "National", "England",
                           "2023"))  # fmt: skip
    assert code == 0
    assert wanted == 138242
    (figure,) = figures(out, "requests_received")
    assert figure["england"]["value"] == wanted
    assert figure["place"]["value"] == wanted
    assert figure["council"] is None
    assert json.loads(out)["place"]["level"] == "National"


@pytest.mark.parametrize(
    "argv",
    [
        ("--region", "North West"),
        ("--region", "north west"),
        ("--region", "E12000002"),
        ("--la", "North West"),
    ],
)
def test_a_region_is_found_by_name_or_code(
    capsys: pytest.CaptureFixture[str], store_path: Path, argv: tuple[str, str]
) -> None:
    code, out, _ = run(capsys, "show", *argv, "--year", "2024", "--indicator", "caseload",
                       "--format", "json", "--store", str(store_path))  # fmt: skip
    wanted = int(published("caseload.csv", "ehcplans", "Regional", "North West", "202324"))
    england = int(published("caseload.csv", "ehcplans", "National", "England", "202324"))
    assert code == 0
    (figure,) = figures(out, "caseload")
    assert figure["region"]["value"] == wanted
    assert figure["place"]["value"] == wanted
    assert figure["england"]["value"] == england


def test_a_region_table_has_england_beside_it_and_no_region_column(
    capsys: pytest.CaptureFixture[str], store_path: Path
) -> None:
    code, out, _ = run(capsys, "show", "--region", "London", "--year", "2023",
                       "--indicator", "plans_within_20_weeks_pct",
                       "--store", str(store_path))  # fmt: skip
    london = published("timeliness_20_week.csv", "pc_plans_issued_within_20_weeks", "Regional",
                       "London", "2023")  # fmt: skip
    assert code == 0
    header = out.splitlines()[2].split()
    assert header == ["Indicator", "Period", "London", "England", "Note"]
    assert f"{london}%" in out


def test_england_table_has_one_value_column(
    capsys: pytest.CaptureFixture[str], store_path: Path
) -> None:
    code, out, _ = run(capsys, "show", "--la", "england", "--year", "2024", "--indicator",
                       "caseload", "--store", str(store_path))  # fmt: skip
    assert code == 0
    assert out.splitlines()[0] == "England (E92000001)"
    assert out.splitlines()[2].split() == ["Indicator", "Period", "England", "Note"]


def test_a_council_is_not_a_region(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    code, out, err = run(capsys, "show", "--region", "Bristol", "--store", str(store_path))
    assert code == 2
    assert out == ""
    assert "No region called 'Bristol'. The regions are: East Midlands;" in err
    assert len(err.strip().splitlines()) == 1


def test_la_and_region_together_are_refused(
    capsys: pytest.CaptureFixture[str], store_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["stats", "show", "--la", "England", "--region", "London", "--store",
              str(store_path)])  # fmt: skip
    assert stopped.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_stockport_special_school_share_is_built_from_published_counts(
    capsys: pytest.CaptureFixture[str], store_path: Path
) -> None:
    cells = {
        column: int(published("caseload.csv", column, "Regional", "North West", "202425"))
        for column in ("ehcplans", "special_la_maintained", "special_academy_free")
    }
    share = (
        100 * (cells["special_la_maintained"] + cells["special_academy_free"]) / cells["ehcplans"]
    )
    code, out, _ = run(capsys, "show", "--region", "North West", "--year", "2025", "--indicator",
                       "setting_state_special_pct", "--format", "json",
                       "--store", str(store_path))  # fmt: skip
    (figure,) = figures(out, "setting_state_special_pct")
    assert code == 0
    assert figure["region"]["value"] == round(share, 1)
    assert figure["region"]["denominator"] == cells["ehcplans"]


def test_a_status_is_shown_as_published_and_not_ranked(
    capsys: pytest.CaptureFixture[str], store_path: Path
) -> None:
    code, out, _ = run(capsys, "show", "--la", "Stockport", "--year", "2025", "--indicator",
                       "designated_medical_officer", "--store", str(store_path))  # fmt: skip
    assert code == 0
    assert "Designated medical officer in post    2025  Yes" in out
    code, _, err = run(capsys, "rank", "--indicator", "designated_medical_officer", "--year",
                       "2025", "--store", str(store_path))  # fmt: skip
    assert code == 2
    assert "is a status (such as Yes or No), so it is not ranked." in err
