"""Turn query results into text: an aligned table for people, CSV and JSON for programs."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from ehcp.csvcells import safe_row
from ehcp.stats.breakdowns import Breakdown, Share
from ehcp.stats.catalogue import BY_ID, INDICATORS, SERIES_BREAK_NOTE
from ehcp.stats.queries import ENGLAND, REGION, Comparison, Council, Ranked, Value

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


# DfE's precision in its own tables: percentages and weeks to 1 decimal place, counts whole.
PRECISION = {"percent": 1, "weeks": 1, "count": 0}
# Rates on fewer cases than this are flagged: one case moves them by more than 3 points.
SMALL_BASE = 30


def precision(unit: str, published: int | None = None) -> int:
    """Decimal places to show: DfE's for the unit, or fewer if the cell was printed with fewer
    (a count is never given decimals it was not published with)."""
    places = PRECISION.get(unit, 1)
    if unit == "count" and published is not None:
        return min(places, published)
    return places


def rounded(number: float, places: int) -> Decimal:
    """Rounded half up, as DfE rounds, from the shortest decimal form of the float."""
    return Decimal(repr(float(number))).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def shown(value: Value | None, unit: str) -> str:
    """A value as a person reads it: 1,234 or 21.5%; the marker when there is no number.

    Rates published with more decimals than DfE's tables use (the 2022 release prints some at
    six) are rounded to DfE's precision; the store keeps the published figure.
    """
    if value is None:
        return "-"
    if value.value is None:
        return value.marker or ""
    text = f"{rounded(value.value, precision(unit, value.decimals)):,}"
    return text + "%" if unit == "percent" else text


def base(value: Value | None) -> str:
    """The number a rate is out of, as 'n = 1,234'; empty when there is none."""
    if value is None or value.value is None or value.denominator is None:
        return ""
    return f"n = {rounded(value.denominator, 0):,}"


def small_base(value: Value | None) -> bool:
    """A rate on fewer than SMALL_BASE cases."""
    return bool(value and value.value is not None and value.denominator is not None
                and value.denominator < SMALL_BASE)  # fmt: skip


def with_base(value: Value | None, unit: str) -> str:
    """A rate with its base beside it, '21.5% (n = 1,234)'; other figures as `shown`."""
    found = base(value) if unit == "percent" else ""
    return f"{shown(value, unit)} ({found})" if found else shown(value, unit)


def show(council: Council, comparisons: Sequence[Comparison], style: Format) -> str:
    """A place's figures: a council beside its region and England, a region beside England."""
    if style == "json":
        return json.dumps(_show_json(council, comparisons), indent=2) + "\n"
    if style == "csv":
        return _csv(SHOW_CSV_HEADER, [_show_csv_row(c) for c in comparisons])
    shown_columns = columns(council)
    rows = [
        [
            BY_ID[c.indicator].title,
            _period(c),
            *(with_base(pick(c), BY_ID[c.indicator].unit) for _, pick in shown_columns),
            "series break" if c.series_break else "",
        ]
        for c in comparisons
    ]
    header = ["Indicator", "Period", *(name for name, _ in shown_columns), "Note"]
    return f"{_title(council)}\n\n{_table(header, rows)}\n{_footnotes(comparisons)}"


def _title(place: Council) -> str:
    if not place.is_council:
        return f"{place.name} ({place.la_code})"
    region = place.region_name or "region unknown"
    return f"{place.name} ({place.la_code}, {place.new_la_code or 'no GSS code'}), {region}"


def columns(place: Council) -> list[tuple[str, Callable[[Comparison], Value | None]]]:
    """The value columns shown for a place: itself, then its region and England if it has them."""
    found: list[tuple[str, Callable[[Comparison], Value | None]]] = [
        (place.name, lambda c: c.council)
    ]
    if place.is_council:
        found.append(("Region", lambda c: c.region))
    if place.level != ENGLAND:
        found.append(("England", lambda c: c.england))
    return found


def _period(comparison: Comparison) -> str:
    census = BY_ID[comparison.indicator].timing == "census"
    return f"Jan {comparison.year}" if census else str(comparison.year)


def _show_json(place: Council, comparisons: Sequence[Comparison]) -> dict[str, object]:
    """Each figure under `place` and under its level's key: council, region or england."""
    about: dict[str, object] = {
        "name": place.name,
        "level": place.level,
        "la_code": place.la_code if place.is_council else None,
        "new_la_code": place.new_la_code,
        "region": place.region_name,
    }
    document: dict[str, object] = {"place": about}
    if place.is_council:
        document["council"] = about
    document["figures"] = [_figure_json(place, c) for c in comparisons]
    return document


def _figure_json(place: Council, c: Comparison) -> dict[str, object]:
    own = _value_json(c.council)
    region = own if place.level == REGION else _value_json(c.region)
    return {
        "indicator": c.indicator,
        "title": BY_ID[c.indicator].title,
        "unit": BY_ID[c.indicator].unit,
        "year": c.year,
        "place": own,
        "council": own if place.is_council else None,
        "region": region,
        "england": own if place.level == ENGLAND else _value_json(c.england),
        "release": c.release,
        "source_file": c.source_file,
        "series_break": c.series_break,
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
            "small_base": small_base(r.value),
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
    header = ["Rank", "Quartile", "Council", "Region", "Value"]
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
    if entry.unit == "percent":
        header += ["Base", "Note"]
        for row, r in zip(rows, ranked, strict=True):
            flag = "small base" if small_base(r.value) else ""
            row += [base(r.value).removeprefix("n = "), flag]
    note = f"\nsmall base = fewer than {SMALL_BASE} cases: one case moves the rate a lot\n"
    flagged = entry.unit == "percent" and any(small_base(r.value) for r in ranked)
    return f"{title}\n\n{_table(header, rows)}" + (note if flagged else "")


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
        if value is not None
        and value.value is None
        and value.marker
        and BY_ID[c.indicator].unit != "status"
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
    writer.writerow(safe_row(header))
    writer.writerows(safe_row(row) for row in rows)
    return buffer.getvalue()


def breakdown_cell(share: Share | None) -> str:
    """'1,234 (21.5%)': plans and their share of all plans; the marker if neither is known."""
    if share is None:
        return "-"
    plans = f"{rounded(share.count, 0):,}" if share.count is not None else ""
    percent = f"{rounded(share.percent, 1)}%" if share.percent is not None else ""
    if plans and percent:
        return f"{plans} ({percent})"
    return plans or percent or MARKERS.get(share.marker or "", share.marker or "-")


def base_cell(plans: float | None) -> str:
    return "-" if plans is None else f"{rounded(plans, 0):,}"


def breakdown(found: Breakdown, style: Format) -> str:
    """A place's plans by setting, need, age or sex: a category-by-year table, CSV or JSON."""
    records = [_share_record(found, share) for share in found.shares]
    if style == "json":
        document = {
            "place": found.place.name,
            "area_code": found.place.la_code,
            "breakdown": found.topic,
            "notes": list(found.notes),
            "figures": records,
        }
        return json.dumps(document, indent=2) + "\n"
    if style == "csv":
        header = ["area_code", "place", "breakdown", "category", "year", "plans", "percent",
                  "base", "marker"]  # fmt: skip
        return _csv(
            header, [[found.place.la_code, found.place.name, *r.values()] for r in records]
        )
    header = ["", *(f"Jan {year}" for year in found.years)]
    rows = [
        [category, *(breakdown_cell(found.share(category, year)) for year in found.years)]
        for category in found.categories
    ]
    rows.append(["All plans (the base)", *(base_cell(found.base(year)) for year in found.years)])
    title = f"{found.title}: {found.place.name} (plans, and share of all plans)"
    return f"{title}\n\n{_table(header, rows)}\n" + "\n".join(found.notes) + "\n"


def _share_record(found: Breakdown, share: Share) -> dict[str, object]:
    return {
        "breakdown": found.topic,
        "category": share.category,
        "year": share.year,
        "plans": number(share.count),
        "percent": number(share.percent),
        "base": number(share.base),
        "marker": share.marker,
    }
