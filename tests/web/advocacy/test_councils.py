"""The advocates' council list is DfE's, as the statistics store holds it."""

from __future__ import annotations

import csv
import io

import duckdb

from ehcp.cli import main
from ehcp.web.advocacy.councils import LIST, council_choices, council_name, councils


def test_every_council_on_the_list_is_the_store_s_by_code_name_region_and_year(stats_store):
    with duckdb.connect(str(stats_store), read_only=True) as connection:
        rows = connection.execute(
            "SELECT la_code, name, region_name, last_year FROM council"
        ).fetchall()
    store = {code: (name, region, year) for code, name, region, year in rows}
    listed = {c.la_code: (c.name, c.region, c.last_year) for c in councils().values()}
    assert listed == store


def test_the_list_is_what_the_command_writes(stats_store, capsys):
    assert main(["stats", "councils", "--store", str(stats_store), "--format", "csv"]) == 0
    written = capsys.readouterr().out
    assert written == LIST.read_text(encoding="utf-8")
    assert next(csv.reader(io.StringIO(written))) == ["la_code", "name", "region", "last_year"]


def test_la_928_is_northamptonshire_which_was_split_in_2021():
    assert council_name("928") == "Northamptonshire"
    assert "928" not in dict(council_choices())
    assert {"940", "941"} <= set(dict(council_choices()))


def test_the_command_without_a_store_says_so_plainly(tmp_path, capsys):
    assert main(["stats", "councils", "--store", str(tmp_path / "none.duckdb")]) == 2
    assert "There is no statistics store" in capsys.readouterr().err
