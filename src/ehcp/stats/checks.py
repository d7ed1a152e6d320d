"""Check a release against what it claims to be, before the store keeps any of it.

A release of a given kind (the aggregate layout up to 2022, the person-level layout from
2023) must hold every file the catalogue reads for that kind, each once, each with the
geography columns and the columns the catalogue needs, with at least one row, every row as
wide as its header, and plausible cells: years that parse, council, region and country codes
shaped like codes, percentages from 0 to 100 and counts that are whole and not negative. A
second rule compares the store's rows per year before and after the import: an import that
would leave any year with fewer rows is refused unless the caller says to replace them.

Each problem names the file, the row (counting the header as row 1, as a spreadsheet shows
it) and what is wrong, in one sentence. The store module runs these checks inside the
import's transaction, on the files as read, before it deletes anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import duckdb

from ehcp.stats.catalogue import (
    INDICATORS,
    PERSON_LEVEL,
    TRIBUNAL,
    Era,
    Indicator,
    Source,
    sources_for,
)
from ehcp.stats.errors import StatsError
from ehcp.stats.normalise import COLUMN_ALIASES, GEOGRAPHY, quote, resolve_columns

FIRST_YEAR = 2000  # The aggregate release's new plans go back to 2009.
# Markers DfE prints instead of a number: not available, not applicable, confidential,
# low, unreliable, and the tribunal spreadsheet's dash for nil and two dots for not known.
MARKERS = ("x", "z", "c", "low", "u", "k", ":", "~", "-", "..")
LEVELS = ("National", "Regional", "Local authority")
KIND_NAMES: dict[Era, str] = {"aggregate": "an aggregate", "person-level": "a person-level"}


def expected_files(era: Era) -> frozenset[str]:
    """The files a release of this kind must hold: every one a required catalogue source
    reads."""
    return frozenset(
        source.file
        for entry in INDICATORS
        for source in entry.sources
        if source.era == era and not source.optional
    )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a release file, as one sentence."""

    file: str
    text: str
    row: int | None = None

    def sentence(self, origin: str) -> str:
        where = f"{self.file} in {origin}" if self.file else origin
        if self.row is not None:
            where += f", row {self.row:,}"
        return f"{where}: {self.text}"


class ReleaseRefusedError(StatsError):
    """A release that failed its checks: nothing of it was imported."""

    def __init__(self, origin: str, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        message = problems[0].sentence(origin)
        if len(problems) > 1:
            more = len(problems) - 1
            message += f" ({more} more problem{'s' if more > 1 else ''} found; nothing imported.)"
        else:
            message += " (Nothing imported.)"
        super().__init__(message)


def refuse_if_any(origin: str, problems: Sequence[Problem]) -> None:
    if problems:
        raise ReleaseRefusedError(origin, problems)


def file_set_problems(names: Sequence[tuple[str, Era]]) -> list[Problem]:
    """The release's data files, by name and kind: one kind, each file once, none missing."""
    problems = []
    seen: set[str] = set()
    for name, _ in names:
        if name in seen:
            problems.append(Problem(name, "the release holds two files of this name."))
        seen.add(name)
    # The tribunal file is a supporting file of person-level releases.
    kinds = sorted({PERSON_LEVEL if era == TRIBUNAL else era for _, era in names})
    if len(kinds) > 1:
        problems.append(
            Problem("", "the release mixes files of the aggregate and the person-level layouts.")
        )
    for era in kinds[:1]:
        missing = sorted(expected_files(era) - seen)
        if missing:
            listed = " and ".join(
                [", ".join(missing[:-1]), missing[-1]] if missing[:-1] else missing
            )
            problems.append(
                Problem("", f"it lacks {listed}, which {KIND_NAMES[era]} release must hold.")
            )
    return problems


def header_problems(name: str, era: Era, header: Sequence[str]) -> list[Problem]:
    """The geography columns, and every column the catalogue reads from this file."""
    problems = [
        Problem(name, f"the header has no column '{column}'.")
        for column in GEOGRAPHY
        if column not in header
    ]
    present = {column.lower() for column in header}
    for _, source in sources_for(era, name):
        if source.optional:
            continue
        for column in source.columns:
            spellings = (column, *COLUMN_ALIASES.get(column, ()))
            if not any(spelling.lower() in present for spelling in spellings):
                problems.append(
                    Problem(name, f"the header has no column '{column}', which is needed.")
                )
    return list(dict.fromkeys(problems))


def shape_problems(connection: duckdb.DuckDBPyConnection, name: str) -> list[Problem]:
    """Rows DuckDB's reader set aside (see `read_csv(store_rejects = true)`), then forgets."""
    rows = connection.execute(
        "SELECT line, error_type, error_message FROM reject_errors ORDER BY line"
    ).fetchall()
    connection.execute("DELETE FROM reject_errors")
    connection.execute("DELETE FROM reject_scans")
    return [
        Problem(name, _shape_text(str(kind), str(text)), int(line)) for line, kind, text in rows
    ]


def _shape_text(kind: str, message: str) -> str:
    found = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", message)
    if found:
        return f"the row has {found[2]} values but the header has {found[1]} columns."
    if "UNICODE" in kind:
        return "the row is not text in UTF-8."
    return "the row cannot be read as CSV."


@dataclass(frozen=True)
class _Rule:
    """One check of one column: SQL that is true for a bad cell, and how to say so."""

    column: str
    bad: str
    says: str


class _Cells:
    """Names for each column's trimmed text (t0, t1, ...) and number (n0, ...), so that a
    file's rules read each cell once, however many rules look at it."""

    def __init__(self) -> None:
        self.columns: dict[str, int] = {}
        self.numbers: set[int] = set()

    def text(self, column: str) -> str:
        return f"t{self.columns.setdefault(column, len(self.columns))}"

    def number(self, column: str) -> str:
        self.numbers.add(self.columns.setdefault(column, len(self.columns)))
        return f"n{self.columns[column]}"

    def source(self, table: str) -> str:
        texts = "".join(
            f", coalesce(trim({quote(column)}), '') AS t{number}"
            for column, number in self.columns.items()
        )
        numbers = "".join(f", TRY_CAST(t{n} AS DOUBLE) AS n{n}" for n in sorted(self.numbers))
        return f"(SELECT *{numbers} FROM (SELECT source_row{texts} FROM {table}))"  # noqa: S608


def table_problems(
    connection: duckdb.DuckDBPyConnection,
    table: str,
    name: str,
    era: Era,
    header: Sequence[str],
    reporting_year: int,
) -> list[Problem]:
    """Rows, years, codes and values of one file, read into `table` as text.

    `table` has a `source_row` column numbering the records from the header's 0, so the
    spreadsheet row is one more. One scan finds the first bad row for every rule.
    """
    count = connection.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608
    if count is None or count[0] == 0:
        return [Problem(name, "the file has a header but no rows.")]
    cells = _Cells()
    rules = [
        *_geography_rules(cells, header, reporting_year),
        *_value_rules(cells, era, name, header),
    ]
    if not rules:
        return []
    firsts = ", ".join(f"min(source_row) FILTER (WHERE {rule.bad})" for rule in rules)
    found = connection.execute(f"SELECT {firsts} FROM {cells.source(table)}").fetchone()  # noqa: S608
    assert found is not None
    problems = []
    for rule, row in zip(rules, found, strict=True):
        if row is not None:
            cell = connection.execute(
                f"SELECT {quote(rule.column)} FROM {table} WHERE source_row = ?",  # noqa: S608
                [row],
            ).fetchone()
            text = rule.says.format(column=rule.column, cell=_show(cell[0] if cell else None))
            problems.append(Problem(name, text, int(row) + 1))
    return sorted(problems, key=lambda problem: problem.row or 0)


def _geography_rules(cells: _Cells, header: Sequence[str], reporting_year: int) -> list[_Rule]:
    present = [column for column in GEOGRAPHY if column in header]
    text = {column: cells.text(column) for column in present}
    rules = []
    if "time_period" in text:
        period = text["time_period"]
        first = f"TRY_CAST(left({period}, 4) AS INTEGER)"
        year = (
            f"(CASE WHEN regexp_full_match({period}, '\\d{{4}}') THEN {first} "
            f"WHEN regexp_full_match({period}, '\\d{{6}}') AND "
            f"({first} + 1) % 100 = TRY_CAST(right({period}, 2) AS INTEGER) THEN {first} + 1 END)"
        )
        rules += [
            _Rule(
                "time_period",
                f"{year} IS NULL",
                "the time period {cell} is not a year such as 2024 or an academic year such "
                "as 202425.",
            ),
            _Rule(
                "time_period",
                f"{year} NOT BETWEEN {FIRST_YEAR} AND {reporting_year:d}",
                f"the time period {{cell}} is outside {FIRST_YEAR} to {reporting_year:d}, the "
                "years this release can cover.",
            ),
        ]
    if "geographic_level" not in text:
        return rules
    level = text["geographic_level"]
    rules.append(
        _Rule(
            "geographic_level",
            f"{level} NOT IN ({', '.join(_quoted(level) for level in LEVELS)})",
            "the geographic level {cell} is not National, Regional or Local authority.",
        )
    )
    checks = (
        ("country_code", "TRUE", "[EKNSW]\\d{8}", "a code such as E92000001"),
        (
            "region_code",
            f"{level} IN ('Regional', 'Local authority')",
            "E1[23]\\d{6}",
            "a code such as E12000001 (or E13000001 for inner or outer London)",
        ),
        ("old_la_code", f"{level} = 'Local authority'", "\\d{3}", "three digits such as 801"),
    )
    for column, applies, pattern, shape in checks:
        if column in text:
            what = "the council's LA code" if column == "old_la_code" else column.replace("_", " ")
            rules.append(
                _Rule(
                    column,
                    f"{applies} AND NOT regexp_full_match({text[column]}, '{pattern}')",
                    f"{what} {{cell}} is not {shape}.",
                )
            )
    if "new_la_code" in text:
        code = text["new_la_code"]
        rules.append(
            _Rule(
                "new_la_code",
                f"{level} = 'Local authority' AND {code} <> '' AND "
                f"NOT regexp_full_match({code}, 'E\\d{{8}}')",
                "the council's code {cell} is not a code such as E06000023.",
            )
        )
    return rules


def _value_rules(cells: _Cells, era: Era, name: str, header: Sequence[str]) -> list[_Rule]:
    """Percentages, counts and weeks in the columns the catalogue reads from this file."""
    kinds: dict[str, str] = {}
    for entry, source in sources_for(era, name):
        resolved = resolve_columns(source, list(header), name)
        if resolved is None:
            continue
        for column, kind in _column_kinds(entry, source):
            kinds.setdefault(resolved[column], kind)
    markers = ", ".join(_quoted(marker) for marker in MARKERS)
    rules = []
    for column, kind in kinds.items():
        if kind == "status":
            continue
        text, number = cells.text(column), cells.number(column)
        rules.append(
            _Rule(
                column,
                f"{text} <> '' AND lower({text}) NOT IN ({markers}) "
                f"AND NOT coalesce(isfinite({number}), false)",
                "{column} is {cell}, which is neither a number nor one of DfE's markers "
                "(such as x or z).",
            )
        )
        rules.extend(_range_rules(column, kind, number))
    return rules


def _range_rules(column: str, kind: str, number: str) -> list[_Rule]:
    if kind == "percent":
        return [
            _Rule(
                column,
                f"{number} NOT BETWEEN 0 AND 100",
                "{column} is {cell}, but a percentage must be from 0 to 100.",
            )
        ]
    rules = [_Rule(column, f"{number} < 0", "{column} is {cell}, but it cannot be negative.")]
    if kind == "count":
        rules.append(
            _Rule(
                column,
                f"{number} <> floor({number})",
                "{column} is {cell}, but a count must be a whole number.",
            )
        )
    return rules


def _column_kinds(entry: Indicator, source: Source) -> Iterable[tuple[str, str]]:
    """(catalogue column, what it holds): the value in the indicator's unit, the rest counts."""
    if source.value is not None:
        yield source.value, entry.unit
    for column in (*source.numerator, *source.denominator):
        yield column, "count"


def losses(before: Mapping[int | None, int], after: Mapping[int | None, int]) -> str | None:
    """What an import would take away, year by year, or None when no year loses rows."""
    lost = {
        year: (rows, after.get(year, 0))
        for year, rows in before.items()
        if after.get(year, 0) < rows
    }
    if not lost:
        return None
    parts = [
        f"{'an unknown year' if year is None else year} would go from {rows:,} rows to {left:,}"
        for year, (rows, left) in sorted(lost.items(), key=lambda item: item[0] or 0)
    ]
    return (
        "This import would remove figures the store holds: "
        + "; ".join(parts)
        + ". Nothing was imported; give --replace to import it anyway."
    )


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _show(cell: object) -> str:
    text = "" if cell is None else str(cell).strip()
    if not text:
        return "blank"
    if len(text) > 40:
        text = text[:37] + "..."
    return f"'{text}'"
