"""Chart geometry, its one-sentence description and the SVG markup."""

from __future__ import annotations

import pytest

from ehcp.stats import queries
from ehcp.stats.queries import Comparison, Council, Value
from ehcp.web.statistics import charts, svg

from .conftest import BRISTOL, TWENTY_WEEKS

ODD = Council("999", 'Smith & <Jones> "Borough"', None, "E1", "North <East>", 2014, 2024)


def bristol(store, indicator=TWENTY_WEEKS):
    council = queries.find_council(store, BRISTOL)
    return council, queries.compare(store, council, indicator=indicator)


def percent(value):
    return None if value is None else Value(value, None, None, None, 1)


def rows(values, indicator=TWENTY_WEEKS, break_year=None):
    """Comparisons as the store gives them: the council always has a Value, maybe a marker."""
    marked = Value(None, "x", None, None, None)
    return [
        Comparison(
            indicator,
            year,
            str(year),
            percent(c) or marked,
            percent(r),
            percent(e),
            2025,
            "f.csv",
            year == break_year,
            "",
        )
        for year, (c, r, e) in values.items()
    ]


def test_the_description_gives_first_last_region_and_england(store):
    council, found = bristol(store)
    assert charts.describe(council, found) == (
        "Bristol, City of went from 0.0% in 2014 to 17.3% in 2024; "
        "South West was 31.0% and England was 45.9%."
    )


def test_lines_stop_at_the_series_break_and_at_missing_years(store):
    council, found = bristol(store)
    chart = charts.build(council, found)
    council_line = chart.lines[0]
    assert len(council_line.segments) == 2
    assert [len(part.split()) for part in council_line.segments] == [8, 3]
    assert chart.break_x is not None
    gap = rows({2019: (10, 20, 30), 2020: (None, 21, 31), 2021: (12, 22, 32), 2022: (13, 1, 1)})
    line = charts.build(ODD, gap).lines[0]
    assert len(line.points) == 3
    assert len(line.segments) == 1  # 2019 stands alone; 2021 to 2022 is drawn


def test_years_with_nothing_to_chart_are_left_off_the_chart_but_not_the_table(store):
    council, found = bristol(store, "caseload_growth_pct")
    chart = charts.build(council, found)
    assert found[0].year == 2011
    assert chart.x_ticks[0].label == "2016"


def test_the_y_axis_starts_at_zero_unless_figures_go_below_it():
    positive = charts.build(ODD, rows({2020: (12, 30, 45), 2021: (7, 20, 40)}))
    assert [tick.label for tick in positive.y_ticks] == ["0%", "10%", "20%", "30%", "40%", "50%"]
    negative = charts.build(ODD, rows({2020: (12, 30, 45), 2021: (-7, 20, 40)}))
    assert [tick.label for tick in negative.y_ticks] == ["-20%", "0%", "20%", "40%", "60%"]


@pytest.mark.parametrize(
    ("rough", "step"), [(0.3, 0.5), (1, 1), (1.2, 2), (2.2, 2.5), (3, 5), (7, 10), (420, 500)]
)
def test_nice_steps(rough, step):
    assert charts.nice_step(rough) == step


def test_labels_do_not_overlap():
    close = rows({2020: (50, 50.2, 50.1), 2021: (50, 50.2, 50.1)})
    lines = charts.build(ODD, close).lines
    tops = sorted((line.label_y, len(line.label_lines)) for line in lines)
    for (y, count), (next_y, _) in zip(tops, tops[1:], strict=False):
        assert next_y - y >= charts.LABEL_LINE * count


def test_long_names_are_wrapped_for_the_label():
    assert charts.wrap("Bournemouth, Christchurch and Poole") == (
        "Bournemouth,",
        "Christchurch and",
        "Poole",
    )


def test_a_council_with_no_figures_is_said_plainly():
    empty = rows({2020: (None, 30, 45)})
    assert charts.describe(ODD, empty) == f"No figures are published for {ODD.name}."


def test_names_in_the_svg_are_escaped():
    chart = charts.build(ODD, rows({2020: (10, 20, 30), 2021: (11, 21, 31)}))
    markup = svg.render(chart, "x-chart")
    assert "<Jones>" not in markup
    assert "&lt;Jones&gt;" in markup
    assert markup.startswith('<svg class="app-chart__svg" role="img"')
    assert markup.count("<polyline") == 3
