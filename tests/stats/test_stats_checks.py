"""A statistics import never loses a year: releases are checked before the store changes.

Issue 13: a zip holding one header-only file imported "successfully" and deleted every
figure of its reporting year. Every test here builds a small release from the England rows
of the real 2025 release (`small_releases`) and breaks one thing in it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from small_releases import Lines, build_release, cells, england_lines, joined
from stats_releases import RELEASE_2022
from test_stats_import import digests

from ehcp.cli import main
from ehcp.stats.checks import expected_files, file_set_problems, losses
from ehcp.stats.errors import StatsError
from ehcp.stats.store import connect, import_releases, rows_per_year

ZIP = "education-health-and-care-plans_reporting-year-2025.zip"
TIMELINESS = "data/timeliness_20_week.csv"


def timeliness() -> Lines:
    return england_lines()[TIMELINESS]


def column(name: str) -> int:
    return cells(timeliness()[0]).index(name)


def row_of(year: str) -> int:
    """The spreadsheet row (the header is row 1) of the England total for a year."""
    for number, line in enumerate(timeliness()):
        values = cells(line)
        if values[0] == year and values[10] == values[11]:
            return number + 1
    raise AssertionError(year)


def set_cell(year: str, name: str, value: str) -> Callable[[Lines], Lines]:
    def change(lines: Lines) -> Lines:
        row = row_of(year) - 1
        values = cells(lines[row])
        values[column(name)] = value
        lines[row] = joined(values)
        return lines

    return change


def refused(store: Path, archive: Path, **options: bool) -> str:
    with pytest.raises(StatsError) as raised:
        import_releases(store, [archive], **options)
    return str(raised.value)


def test_the_small_release_itself_imports(tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    (imported,) = import_releases(store, [build_release(tmp_path / "r")])
    assert imported.reporting_year == 2025
    assert imported.rows > 1000


def test_issue_13_one_header_only_file_deletes_nothing(store_copy: Path, tmp_path: Path) -> None:
    archive = tmp_path / ZIP
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("data/caseload.csv", b"".join(england_lines()["data/caseload.csv"][:1]))
    before = digests(store_copy)
    message = refused(store_copy, archive)
    assert message.startswith(f"{ZIP}: it lacks annual_reviews.csv, assessments.csv, ")
    assert "and work_based_placements.csv, which a person-level release must hold." in message
    assert digests(store_copy) == before


def test_header_only_file_is_refused_by_name(store_copy: Path, tmp_path: Path) -> None:
    archive = build_release(tmp_path, change={"caseload.csv": lambda lines: lines[:1]})
    before = digests(store_copy)
    message = refused(store_copy, archive)
    assert (
        message == f"caseload.csv in {ZIP}: the file has a header but no rows. (Nothing imported.)"
    )
    assert digests(store_copy) == before


def test_missing_file_is_named(tmp_path: Path) -> None:
    archive = build_release(tmp_path, drop=("timeliness_20_week.csv",))
    message = refused(tmp_path / "s.duckdb", archive)
    assert message == (
        f"{ZIP}: it lacks timeliness_20_week.csv, which a person-level release must hold. "
        "(Nothing imported.)"
    )


def test_every_expected_file_is_one_the_real_releases_hold() -> None:
    names = {name.rsplit("/", 1)[-1] for name in england_lines()}
    assert expected_files("person-level") <= names
    assert "timeliness_20_week.csv" in expected_files("person-level")
    assert "sen2_mi.csv" in expected_files("aggregate")


def test_percentage_of_140_names_file_row_and_column(tmp_path: Path) -> None:
    change = {"timeliness_20_week.csv": set_cell("2024", "pc_plans_issued_within_20_weeks", "140")}
    archive = build_release(tmp_path, change=change)
    message = refused(tmp_path / "s.duckdb", archive)
    assert message == (
        f"timeliness_20_week.csv in {ZIP}, row {row_of('2024')}: pc_plans_issued_within_20_weeks "
        "is '140', but a percentage must be from 0 to 100. (Nothing imported.)"
    )


@pytest.mark.parametrize("value", ["100", "0", "0.0", "x", "z", ""])
def test_percentage_boundaries_and_markers_pass(tmp_path: Path, value: str) -> None:
    change = {"timeliness_20_week.csv": set_cell("2024", "pc_plans_issued_within_20_weeks", value)}
    import_releases(tmp_path / "s.duckdb", [build_release(tmp_path, change=change)])


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("pc_plans_issued_within_20_weeks", "100.1", "a percentage must be from 0 to 100"),
        ("pc_plans_issued_within_20_weeks", "-0.1", "a percentage must be from 0 to 100"),
        ("plans_issued_den", "-1", "it cannot be negative"),
        ("plans_issued_den", "12.5", "a count must be a whole number"),
        ("plans_issued_den", "lots", "neither a number nor one of DfE's markers"),
        ("plans_issued_den", "inf", "neither a number nor one of DfE's markers"),
        ("time_period", "20x4", "is not a year such as 2024 or an academic year such as 202425"),
        ("time_period", "202426", "is not a year such as 2024"),
        ("time_period", "2026", "is outside 2000 to 2025"),
        ("time_period", "1999", "is outside 2000 to 2025"),
        ("geographic_level", "Planet", "is not National, Regional or Local authority"),
        ("country_code", "England", "is not a code such as E92000001"),
    ],
)
def test_implausible_cells_are_refused(tmp_path: Path, name: str, value: str, says: str) -> None:
    archive = build_release(
        tmp_path, change={"timeliness_20_week.csv": set_cell("2024", name, value)}
    )
    message = refused(tmp_path / "s.duckdb", archive)
    shown = f"'{value}'"
    assert message.startswith(f"timeliness_20_week.csv in {ZIP}, row {row_of('2024')}: ")
    assert shown in message
    assert says in message


def test_council_codes_must_look_like_codes(tmp_path: Path) -> None:
    def council(lines: Lines) -> Lines:
        values = cells(lines[1])
        values[2:10] = [
            "Local authority",
            "E92000001",
            "England",
            "E12000009",
            "South West",
            "E06000023",
            "8O1",
            "Bristol",
        ]
        return [*lines, joined(values)]

    archive = build_release(tmp_path, change={"timeliness_20_week.csv": council})
    message = refused(tmp_path / "s.duckdb", archive)
    rows = len(timeliness()) + 1
    assert message.startswith(
        f"timeliness_20_week.csv in {ZIP}, row {rows}: the council's LA code"
    )
    assert "'8O1' is not three digits" in message


def test_a_short_row_is_refused(tmp_path: Path) -> None:
    def shorten(lines: Lines) -> Lines:
        values = cells(lines[3])
        lines[3] = joined(values[:-1])
        return lines

    archive = build_release(tmp_path, change={"timeliness_20_week.csv": shorten})
    width = len(cells(timeliness()[0]))
    message = refused(tmp_path / "s.duckdb", archive)
    assert message == (
        f"timeliness_20_week.csv in {ZIP}, row 4: the row has {width - 1} values but the "
        f"header has {width} columns. (Nothing imported.)"
    )


def test_a_missing_column_is_refused(tmp_path: Path) -> None:
    def drop_column(lines: Lines) -> Lines:
        place = column("plans_issued_den_ex")
        return [joined(v[:place] + v[place + 1 :]) for v in map(cells, lines)]

    message = refused(
        tmp_path / "s.duckdb",
        build_release(tmp_path, change={"timeliness_20_week.csv": drop_column}),
    )
    assert message.startswith(
        f"timeliness_20_week.csv in {ZIP}: the header has no column 'plans_issued_den_ex'"
    )


def test_several_problems_are_counted(tmp_path: Path) -> None:
    change = {
        "timeliness_20_week.csv": set_cell("2024", "pc_plans_issued_within_20_weeks", "140"),
        "caseload.csv": lambda lines: lines[:1],
    }
    message = refused(tmp_path / "s.duckdb", build_release(tmp_path, change=change))
    assert message.startswith(f"caseload.csv in {ZIP}: the file has a header but no rows.")
    assert message.endswith("(1 more problem found; nothing imported.)")


def test_the_same_file_twice_is_refused(tmp_path: Path) -> None:
    archive = build_release(tmp_path)
    with zipfile.ZipFile(archive, "a") as bundle:
        bundle.writestr("extra/caseload.csv", b"".join(england_lines()["data/caseload.csv"]))
    message = refused(tmp_path / "s.duckdb", archive)
    assert message.startswith(f"caseload.csv in {ZIP}: the release holds two files of this name.")


def not_2019(line: bytes) -> bool:
    """Every row but those of calendar year 2019 and academic year 2018/19 (the tribunal
    spreadsheet keeps its 2019 columns)."""
    return not line.startswith((b"2019,", b"201819,"))


def test_a_release_that_drops_a_year_is_refused_unless_replacing(tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    import_releases(store, [build_release(tmp_path / "all")])
    with connect(store, read_only=True) as connection:
        before = rows_per_year(connection)
    without_2019 = build_release(tmp_path / "no2019", keep=not_2019)
    message = refused(store, without_2019)
    found = re.fullmatch(
        r"This import would remove figures the store holds: 2019 would go from ([\d,]+) rows "
        r"to ([\d,]+)\. Nothing was imported; give --replace to import it anyway\.",
        message,
    )
    assert found is not None, message
    assert found[1] == f"{before[2019]:,}"
    with connect(store, read_only=True) as connection:
        assert rows_per_year(connection) == before
    import_releases(store, [without_2019], replace=True)
    with connect(store, read_only=True) as connection:
        after = rows_per_year(connection)
    assert f"{after[2019]:,}" == found[2]
    assert after[2019] < before[2019]
    assert {year: rows for year, rows in before.items() if year != 2019} == {
        year: rows for year, rows in after.items() if year != 2019
    }


def test_losses_name_each_year_that_would_shrink() -> None:
    assert losses({2024: 10, 2025: 5}, {2024: 10, 2025: 6}) is None
    assert losses({2024: 10}, {2024: 10, 2025: 1}) is None
    said = losses({2023: 1_500, 2024: 10, 2025: 5}, {2023: 1_499, 2024: 10})
    assert said == (
        "This import would remove figures the store holds: 2023 would go from 1,500 rows to "
        "1,499; 2025 would go from 5 rows to 0. Nothing was imported; give --replace to "
        "import it anyway."
    )


def test_cli_refuses_and_says_so_then_replaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "s.duckdb")
    assert main(["stats", "import", str(build_release(tmp_path / "all")), "--store", store]) == 0
    smaller = build_release(tmp_path / "less", keep=not_2019)
    capsys.readouterr()
    assert main(["stats", "import", str(smaller), "--store", store]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ehcp stats: This import would remove figures the store holds: 2019 ")
    assert err.count("\n") == 1
    assert main(["stats", "import", str(smaller), "--store", store, "--replace"]) == 0
    assert "Imported reporting year 2025" in capsys.readouterr().out


def test_an_aggregate_release_missing_a_file_is_named(tmp_path: Path) -> None:
    archive = build_release(tmp_path, drop=("sen2_mi.csv",), source=RELEASE_2022)
    assert refused(tmp_path / "s.duckdb", archive) == (
        f"{RELEASE_2022.name}: it lacks sen2_mi.csv, which an aggregate release must hold. "
        "(Nothing imported.)"
    )


def test_files_of_both_layouts_in_one_release_are_refused() -> None:
    problems = file_set_problems([("sen2_mi.csv", "aggregate"), ("caseload.csv", "person-level")])
    assert problems[0].text == (
        "the release mixes files of the aggregate and the person-level layouts."
    )
