"""Flatten the supporting file "SEND Tribunals and appeal rate 2014-2024.csv".

It is a spreadsheet saved as CSV: title rows, a row of years over triples of columns
(appeals registered, appealable decisions, appeal rate), region headings in capitals, council
rows, an "England Total" row and footnotes. We rewrite it as a tidy CSV with the usual EES
geography columns so the ordinary normaliser can read it. Cells keep their published text,
less thousands separators and the % sign.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from ehcp.stats.errors import StatsError
from ehcp.stats.normalise import GEOGRAPHY

MEASURES = ("Appeals registered", "Total Appealable Decisions", "SEND Tribunal Appeal Rate")
ENGLAND = ("E92000001", "England")
REGION_CODES = {
    "NORTH EAST": ("E12000001", "North East"),
    "NORTH WEST": ("E12000002", "North West"),
    "YORKSHIRE AND THE HUMBER": ("E12000003", "Yorkshire and The Humber"),
    "EAST MIDLANDS": ("E12000004", "East Midlands"),
    "WEST MIDLANDS": ("E12000005", "West Midlands"),
    "EAST OF ENGLAND": ("E12000006", "East of England"),
    "LONDON": ("E12000007", "London"),
    "INNER LONDON": ("E12000007", "London"),
    "OUTER LONDON": ("E12000007", "London"),
    "SOUTH EAST": ("E12000008", "South East"),
    "SOUTH WEST": ("E12000009", "South West"),
}
# Councils listed without a code: they had ceased to exist by the time of publication.
CODES_BY_NAME = {"Bournemouth": "837", "Poole": "836"}
# Codes printed against the wrong council in "SEND Tribunals and appeal rate 2014-2024.csv":
# Northamptonshire as 892 (Nottingham's), Nottingham as 891 (Nottinghamshire's) and
# Nottinghamshire as 928 (Northamptonshire's). Every other file of both releases has
# 928 Northamptonshire, 892 Nottingham and 891 Nottinghamshire.
CODE_FIXES = {
    ("Northamptonshire", "892"): "928",
    ("Nottingham", "891"): "892",
    ("Nottinghamshire", "928"): "891",
}
HEADER = (
    "source_row",
    *GEOGRAPHY,
    *MEASURES,
)
_FOOTNOTE = re.compile(r"[\d,]+$")


def flatten(source: Path, target: Path) -> None:
    """Write the tidy version of the tribunal file at `source` to `target`."""
    try:
        with source.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (UnicodeDecodeError, csv.Error) as error:
        raise StatsError(f"{source.name} cannot be read as CSV ({error}).") from error
    years = _years(rows, source.name)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(_tidy_rows(rows, years))


def _years(rows: list[list[str]], name: str) -> list[tuple[int, str]]:
    """(first column, year) for each year's triple, from the row that starts 'Local Authority'."""
    for row in rows[:10]:
        if row and row[0].strip() == "Local Authority":
            return [
                (place, cell.strip())
                for place, cell in enumerate(row)
                if re.fullmatch(r"\d{4}", cell.strip())
            ]
    raise StatsError(f"{name} does not have the expected 'Local Authority' header row.")


def _tidy_rows(rows: list[list[str]], years: list[tuple[int, str]]) -> Iterator[list[str]]:
    region = ("", "")
    for number, row in enumerate(rows):
        label = _FOOTNOTE.sub("", row[0].strip()) if row else ""
        code = row[1].strip() if len(row) > 1 else ""
        if label.upper() in REGION_CODES and not code:
            region = REGION_CODES[label.upper()]
            continue
        if label == "England Total":
            place = ("National", *ENGLAND, "", "", "", "", "")
        elif code.isdigit() or label in CODES_BY_NAME:
            code = CODE_FIXES.get((label, code), code) or CODES_BY_NAME[label]
            place = ("Local authority", *ENGLAND, *region, "", code, label)
        else:
            continue
        for first, year in years:
            cells = [_clean(cell) for cell in row[first : first + len(MEASURES)]]
            yield [str(number), year, "Calendar year", *place, *cells]


def _clean(cell: str) -> str:
    return cell.strip().replace(",", "").removesuffix("%")
