"""Turn query results into text: an aligned table for people, CSV and JSON for programs."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Literal

from ehcp.stats.catalogue import BY_ID, INDICATORS, SERIES_BREAK_NOTE
from ehcp.stats.queries import Comparison, Council, Ranked, Value

Format = Literal["table", "csv", "json"]
FORMATS: tuple[Format, ...] = ("table", "csv", "json")
MARKERS = {
    "x": "not available",
    "z": "not applicable",
    "..": "not available",
    "~": "suppressed",
    "c": "confidential",
}


def number(value: float | None) -> int | float | None:
    """A JSON-friendly number: whole numbers as int."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def shown(value: Value | None, unit: str) -> str:
    """A value as a person reads it: 1,234 or 21.5%; the marker when there is no number."""
    if value is None:
        return "-"
    if value.value is None:
        return value.marker or ""
    places = value.decimals if value.decimals is not None else 0
    if unit == "percent":
        places = max(places, 1)
    text = f"{value.value:,.{places}f}"
    return text + "%" if unit == "percent" else text


def show(council: Council, comparisons: Sequence[Comparison], style: Format) -> str:
    if style == "json":
        return json.dumps(_show_json(council, comparisons), indent=2) + "\n"
    if style == "csv":
        return _csv(SHOW_CSV_HEADER, [_show_csv_row(c) for c in comparisons])
    region = council.region_name or "region unknown"
    title = f"{council.name} ({council.la_code}, {council.new_la_code or 'no GSS code'}), {region}"
    rows = [
        [
            BY_ID[c.indicator].title,
            _period(c),
            shown(c.council, BY_ID[c.indicator].unit),
            shown(c.region, BY_ID[c.indicator].unit),
            shown(c.england, BY_ID[c.indicator].unit),
            "series break" if c.series_break else "",
        ]
        for c in comparisons
    ]
    header = ["Indicator", "Period", council.name, "Region", "England", "Note"]
    return f"{title}\n\n{_table(header, rows)}\n{_footnotes(comparisons)}"


def _period(comparison: Comparison) -> str:
    census = BY_ID[comparison.indicator].timing == "census"
    return f"Jan {comparison.year}" if census else str(comparison.year)


def _show_json(council: Council, comparisons: Sequence[Comparison]) -> dict[str, object]:
    return {
        "council": {
            "name": council.name,
            "la_code": council.la_code,
            "new_la_code": council.new_la_code,
            "region": council.region_name,
        },
        "figures": [
            {
                "indicator": c.indicator,
                "title": BY_ID[c.indicator].title,
                "unit": BY_ID[c.indicator].unit,
                "year": c.year,
                "council": _value_json(c.council),
                "region": _value_json(c.region),
                "england": _value_json(c.england),
                "release": c.release,
                "source_file": c.source_file,
                "series_break": c.series_break,
            }
            for c in comparisons
        ],
    }


def _value_json(value: Value | None) -> dict[str, object] | None:
    if value is None:
        return None
    return {
        "value": number(value.value),
        "numerator": number(value.numerator),
        "denominator": number(value.denominator),
        "marker": value.marker,
    }


SHOW_CSV_HEADER = [
    "indicator",
    "year",
    "time_period",
    "unit",
    "council_value",
    "council_marker",
    "council_numerator",
    "council_denominator",
    "region_value",
    "region_marker",
    "england_value",
    "england_marker",
    "release",
    "source_file",
    "series_break",
]


def _show_csv_row(c: Comparison) -> list[object]:
    region = c.region or Value(None, None, None, None, None)
    england = c.england or Value(None, None, None, None, None)
    return [
        c.indicator,
        c.year,
        c.time_period,
        BY_ID[c.indicator].unit,
        number(c.council.value),
        c.council.marker,
        number(c.council.numerator),
        number(c.council.denominator),
        number(region.value),
        region.marker,
        number(england.value),
        england.marker,
        c.release,
        c.source_file,
        c.series_break,
    ]


def league(indicator_id: str, year: int, ranked: Sequence[Ranked], style: Format) -> str:
    entry = BY_ID[indicator_id]
    records = [
        {
            "rank": r.rank,
            "quartile": r.quartile,
            "la_code": r.council.la_code,
            "new_la_code": r.council.new_la_code,
            "council": r.council.name,
            "region": r.council.region_name,
            "value": number(r.value.value),
            "numerator": number(r.value.numerator),
            "denominator": number(r.value.denominator),
        }
        for r in ranked
    ]
    if style == "json":
        document = {"indicator": indicator_id, "year": year, "councils": records}
        return json.dumps(document, indent=2) + "\n"
    if style == "csv":
        return _csv(list(records[0]), [list(record.values()) for record in records])
    order = {True: "highest is best", False: "lowest is best", None: "largest first"}
    title = f"{entry.title}, {year} ({order[entry.higher_is_better]}; quartile 1 = top)"
    rows = [
        [
            str(r.rank),
            str(r.quartile),
            r.council.name,
            r.council.region_name or "",
            shown(r.value, entry.unit),
        ]
        for r in ranked
    ]
    return f"{title}\n\n{_table(['Rank', 'Quartile', 'Council', 'Region', 'Value'], rows)}"


def indicator_list(style: Format) -> str:
    records = [
        {"id": i.id, "unit": i.unit, "title": i.title, "definition": i.definition}
        for i in INDICATORS
    ]
    if style == "json":
        return json.dumps(records, indent=2) + "\n"
    if style == "csv":
        return _csv(list(records[0]), [list(record.values()) for record in records])
    return _table(["Id", "Unit", "Title"], [[i.id, i.unit, i.title] for i in INDICATORS])


def _footnotes(comparisons: Sequence[Comparison]) -> str:
    markers = {
        value.marker
        for c in comparisons
        for value in (c.council, c.region, c.england)
        if value is not None and value.value is None and value.marker
    }
    notes = [f"{m} = {MARKERS.get(m, 'no figure published')}" for m in sorted(markers)]
    if any(c.series_break for c in comparisons):
        notes.append(SERIES_BREAK_NOTE)
    notes.append("- = no figure published for this area")
    return "\n".join(notes) + "\n"


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    numeric = [i for i in range(len(header)) if i > 0 and all(_numeric(r[i]) for r in rows)]

    def line(cells: list[str]) -> str:
        padded = [
            cell.rjust(width) if i in numeric else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)]) + "\n"


def _numeric(cell: str) -> bool:
    return cell.replace(",", "").replace(".", "").replace("%", "").lstrip("-").isdigit()


def _csv(header: list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()
