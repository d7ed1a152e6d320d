"""Importing releases: idempotent, newest release wins, all-or-nothing on bad input."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path

import duckdb
import pytest
from small_releases import build_release
from stats_releases import RELEASE_2022, RELEASE_2025

from ehcp.stats.errors import StatsError
from ehcp.stats.release import open_release, read_header
from ehcp.stats.store import connect, import_releases, table_digest

TABLES = ("observation", "headline", "release", "council", "council_alias")


def digests(path: Path) -> dict[str, tuple[int, int]]:
    with connect(path, read_only=True) as connection:
        digest = {table: table_digest(connection, table) for table in TABLES if table != "release"}
        digest["release"] = table_digest(
            connection, "(SELECT reporting_year, origin, rows FROM release)"
        )
    return digest


def test_both_eras_import_into_one_table(store: duckdb.DuckDBPyConnection) -> None:
    releases = store.execute("SELECT reporting_year FROM release ORDER BY 1").fetchall()
    assert releases == [(2022,), (2025,)]
    files = {
        r[0] for r in store.execute("SELECT DISTINCT source_file FROM observation").fetchall()
    }
    assert {"sen2_mi.csv", "timeliness_20_week.csv", "caseload.csv"} <= files


def test_reimport_is_idempotent(store_copy: Path) -> None:
    before = digests(store_copy)
    import_releases(store_copy, [RELEASE_2025])
    import_releases(store_copy, [RELEASE_2022])
    assert digests(store_copy) == before


def test_extracted_folder_imports_the_same_rows_as_the_zip(
    store_copy: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "education-health-and-care-plans_reporting-year-2022"
    with zipfile.ZipFile(RELEASE_2022) as bundle:
        bundle.extractall(folder)
    before = digests(store_copy)["observation"]
    import_releases(store_copy, [folder])
    assert digests(store_copy)["observation"] == before


def test_newer_release_wins_where_both_publish_a_year(store: duckdb.DuckDBPyConnection) -> None:
    overlap = store.execute(
        """SELECT DISTINCT o.indicator, o.year FROM observation o JOIN observation n
        ON n.indicator = o.indicator AND n.year = o.year AND n.release = 2025
        AND n.breakdown_topic = 'Total' AND n.value IS NOT NULL
        WHERE o.release = 2022 AND o.value IS NOT NULL"""
    ).fetchall()
    assert ("plans_within_20_weeks_pct", 2020) in overlap
    for indicator, year in overlap:
        releases = store.execute(
            "SELECT DISTINCT release FROM headline WHERE indicator = ? AND year = ?",
            [indicator, year],
        ).fetchall()
        assert releases == [(2025,)], (indicator, year)


def test_newer_release_with_only_markers_does_not_hide_older_figures(
    store: duckdb.DuckDBPyConnection,
) -> None:
    # The 2025 release prints 'x' for the refusal rate in 2020; the 2022 release has it.
    row = store.execute(
        "SELECT release, value FROM headline WHERE indicator = 'requests_refused_pct' "
        "AND year = 2020 AND geographic_level = 'National'"
    ).fetchone()
    assert row == (2022, 21.6008)


def test_x_and_z_markers_are_kept_with_no_value(store: duckdb.DuckDBPyConnection) -> None:
    # sen2_mi.csv 2014 England: AssRefusedEHC_pc is 'z'; requests.csv 2019 England: 'x'.
    z = store.execute(
        "SELECT value, marker FROM observation WHERE release = 2022 AND year = 2014 "
        "AND indicator = 'requests_refused_pct' AND geographic_level = 'National'"
    ).fetchall()
    x = store.execute(
        "SELECT value, marker FROM observation WHERE release = 2025 AND year = 2019 "
        "AND indicator = 'requests_refused_pct' AND geographic_level = 'National' "
        "AND breakdown = 'Total'"
    ).fetchall()
    assert z == [(None, "z")]
    assert x == [(None, "x")]


def test_2023_series_break_is_flagged(store: duckdb.DuckDBPyConnection) -> None:
    rows = dict(
        store.execute(
            "SELECT year, series_break FROM headline WHERE indicator = ? "
            "AND geographic_level = 'National'",
            ["plans_within_20_weeks_pct"],
        ).fetchall()
    )
    assert rows[2022] is True
    assert not any(flag for year, flag in rows.items() if year != 2022)
    caseload = dict(
        store.execute(
            "SELECT year, collection FROM headline WHERE indicator = 'caseload' "
            "AND geographic_level = 'National' AND series_break"
        ).fetchall()
    )
    assert caseload == {2023: "person-level"}


def test_corrupt_zip_leaves_the_store_unchanged(store_copy: Path, tmp_path: Path) -> None:
    broken = tmp_path / "education-health-and-care-plans_reporting-year-2026.zip"
    data = RELEASE_2025.read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    before = digests(store_copy)
    with pytest.raises(StatsError, match="zip"):
        import_releases(store_copy, [RELEASE_2022, broken])
    assert digests(store_copy) == before


def test_corrupt_csv_inside_a_release_rolls_back(store_copy: Path, tmp_path: Path) -> None:
    archive = tmp_path / "education-health-and-care-plans_reporting-year-2025.zip"
    shutil.copyfile(RELEASE_2025, archive)
    with zipfile.ZipFile(archive, "a") as bundle:
        bundle.writestr("extra/caseload.csv", "time_period,geographic_level\n2025,National\n")
    before = digests(store_copy)
    with pytest.raises(StatsError, match="caseload.csv"):
        import_releases(store_copy, [archive])
    assert digests(store_copy) == before


def test_unknown_file_gets_a_clear_error(store_copy: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a release")
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as bundle:
        bundle.writestr("data/pupils.csv", "a,b\n1,2\n")
    before = digests(store_copy)
    with pytest.raises(StatsError, match="neither a release zip nor a folder"):
        import_releases(store_copy, [text])
    with pytest.raises(StatsError, match="not a DfE 'Education, health and care plans' release"):
        import_releases(store_copy, [other])
    with pytest.raises(StatsError, match="does not exist"):
        import_releases(store_copy, [tmp_path / "missing.zip"])
    assert digests(store_copy) == before


def real_timeliness() -> tuple[list[str], list[str]]:
    """The header and England 2024 row of the real 2025 timeliness file."""
    with zipfile.ZipFile(RELEASE_2025) as bundle:
        text = bundle.read("data/timeliness_20_week.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    england = next(r for r in rows if r[0] == "2024" and r[2] == "National" and r[10] == r[11])
    return rows[0], england


def synthetic_release(folder: Path, header: list[str], rows: list[list[str]]) -> Path:
    """A small 2025 release whose timeliness file is the one given, written with BOM and
    CRLF, as DfE does."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    text = b"\xef\xbb\xbf" + buffer.getvalue().encode()
    return build_release(folder, change={"timeliness_20_week.csv": lambda _: [text]})


def test_bom_crlf_case_and_duplicated_columns_are_handled(tmp_path: Path) -> None:
    header, england = real_timeliness()
    changed = [name.upper() if name == "plans_issued_den" else name for name in header]
    changed.append("plans_issued_within_20_weeks")
    archive = synthetic_release(tmp_path / "r", changed, [[*england, "999999"]])
    with open_release(archive) as release:
        member = next(m for m in release.files if m.name == "timeliness_20_week.csv")
        assert read_header(member.path)[-1] == "plans_issued_within_20_weeks_1"
    store = tmp_path / "s.duckdb"
    import_releases(store, [archive])
    with connect(store, read_only=True) as connection:
        row = connection.execute(
            "SELECT value, numerator, denominator, source_row, time_period FROM observation "
            "WHERE indicator = 'plans_within_20_weeks_pct'"
        ).fetchall()
    # Spec anchors for 2024: 90,392 plans, 41,448 within 20 weeks (45.9%).
    assert row == [(45.9, 41448.0, 90392.0, 1, "2024")]


def test_missing_catalogue_column_is_a_clear_error(tmp_path: Path) -> None:
    header, england = real_timeliness()
    place = header.index("plans_issued_den_ex")
    folder = synthetic_release(
        tmp_path / "r",
        header[:place] + header[place + 1 :],
        [england[:place] + england[place + 1 :]],
    )
    with pytest.raises(StatsError, match="no column 'plans_issued_den_ex'"):
        import_releases(tmp_path / "s.duckdb", [folder])


def test_release_imports_every_file_and_says_which_feed_indicators() -> None:
    with open_release(RELEASE_2025) as release:
        imported = {member.name for member in release.imported_files}
        feeding = {member.name for member in release.files if member.has_indicators}
        assert len(imported) == 14
        assert "sen_need_newplans.csv" in imported - feeding
        assert "personal_budgets.csv" in feeding
        assert release.reporting_year == 2025


@pytest.mark.parametrize(
    ("indicator", "year", "value"),
    [  # National anchors, spec section 4.10 and 5.2
        ("requests_received", 2024, 154_489),
        ("requests_refused", 2024, 38_889),
        ("request_decisions_within_6_weeks_pct", 2024, 84.8),
        ("plans_within_20_weeks_den", 2024, 90_392),
        ("plans_within_20_weeks", 2024, 41_448),
        ("plans_within_20_weeks_pct", 2024, 45.9),
        ("plans_within_20_weeks_excl_exceptions_den", 2024, 84_866),
        ("plans_within_20_weeks_excl_exceptions", 2024, 39_407),
        ("plans_within_20_weeks_excl_exceptions_pct", 2024, 46.4),
        ("caseload", 2025, 638_745),
        ("caseload", 2022, 473_255),
        ("ceased_plans", 2024, 44_862),
        ("requests_received", 2021, 93_302),
    ],
)
def test_national_anchor_values(
    store: duckdb.DuckDBPyConnection, indicator: str, year: int, value: float
) -> None:
    rows = store.execute(
        "SELECT value FROM headline WHERE indicator = ? AND year = ? "
        "AND geographic_level = 'National'",
        [indicator, year],
    ).fetchall()
    assert rows == [(value,)]


def test_caseload_growth_is_computed_from_consecutive_januaries(
    store: duckdb.DuckDBPyConnection,
) -> None:
    growth = store.execute(
        "SELECT value, numerator, denominator FROM headline "
        "WHERE indicator = 'caseload_growth_pct' AND year = 2025 "
        "AND geographic_level = 'National'"
    ).fetchone()
    previous = store.execute(
        "SELECT value FROM headline WHERE indicator = 'caseload' AND year = 2024 "
        "AND geographic_level = 'National'"
    ).fetchone()
    assert previous is not None
    assert growth == (
        round(100 * (638_745 - previous[0]) / previous[0], 1),
        638_745 - previous[0],
        previous[0],
    )


def test_mediations_sum_the_three_person_level_counts(store: duckdb.DuckDBPyConnection) -> None:
    # requests.csv 2024 England mediation_related_request is 10,507 (spec-checked file);
    # the others are read from the store's own published rows.
    parts = dict(
        store.execute(
            "SELECT indicator, value FROM headline WHERE year = 2024 "
            "AND geographic_level = 'National' AND indicator IN "
            "('request_mediations', 'assessment_mediations', 'other_mediations', 'mediations')"
        ).fetchall()
    )
    assert parts["request_mediations"] == 10_507
    assert parts["mediations"] == (
        parts["request_mediations"] + parts["assessment_mediations"] + parts["other_mediations"]
    )


def test_tribunal_appeals_go_to_the_council_named_not_the_code_misprinted(
    store: duckdb.DuckDBPyConnection,
) -> None:
    # The tribunal file prints "Northamptonshire,892" and "Nottingham,891" and
    # "Nottinghamshire,928"; every other file has 928, 892 and 891 for them. Its 2018 cells
    # for Northamptonshire read 145 appeals of 4,530 decisions.
    rows = store.execute(
        "SELECT la_code, la_name, value FROM observation WHERE indicator = 'tribunal_appeals' "
        "AND year = 2018 AND la_name IN ('Northamptonshire', 'Nottingham', 'Nottinghamshire')"
        " ORDER BY la_code"
    ).fetchall()
    assert [(code, name) for code, name, _ in rows] == [
        ("891", "Nottinghamshire"),
        ("892", "Nottingham"),
        ("928", "Northamptonshire"),
    ]
    assert rows[2][2] == 145
    names = dict(store.execute("SELECT la_code, name FROM council").fetchall())
    assert (names["891"], names["892"], names["928"]) == (
        "Nottinghamshire",
        "Nottingham",
        "Northamptonshire",
    )
