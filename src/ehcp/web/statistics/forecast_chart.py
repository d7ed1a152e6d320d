"""The forecast's fan chart as inline SVG: published plans as a solid line, then the median
forecast as a dashed line inside its 50% and 90% simulation bands. No JavaScript; the page
gives the same figures as a table."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ehcp.web.statistics.charts import Scale, nice_step
from ehcp.web.statistics.forecasts import ForecastResult

WIDTH, HEIGHT = 700, 340
LEFT, RIGHT, TOP, BOTTOM = 72, 680, 24, 290
BLUE, BAND_90, BAND_50 = "#1d70b8", "#d2e2f1", "#8eb8dc"


@dataclass(frozen=True)
class FanChart:
    title: str
    description: str
    svg: SafeString


def build(result: ForecastResult, chart_id: str) -> FanChart:
    years = [y for y, _ in result.history] + [row.year for row in result.years[1:]]
    top = max([p for _, p in result.history] + [row.p95 for row in result.years])
    x_of = Scale(min(years), max(years), LEFT, RIGHT)
    step = nice_step(max(top, 1.0) / 5)
    ceiling = math.ceil(top / step) * step
    y_of = Scale(0.0, ceiling, BOTTOM, TOP)
    rows = result.years
    band_90 = _band([(r.year, r.p5, r.p95) for r in rows], x_of, y_of)
    band_50 = _band([(r.year, r.p25, r.p75) for r in rows], x_of, y_of)
    history = " ".join(f"{x_of(y)},{y_of(p)}" for y, p in result.history)
    median = " ".join(f"{x_of(r.year)},{y_of(r.median)}" for r in rows)
    ident = escape(chart_id)
    parts = [
        f'<svg class="app-chart__svg" role="img" aria-labelledby="{ident}-title" '
        f'aria-describedby="{ident}-description" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'focusable="false">',
        *_y_ticks(ceiling, step, y_of),
        *_x_ticks(years, x_of),
        f'<polygon points="{band_90}" fill="{BAND_90}"/>',
        f'<polygon points="{band_50}" fill="{BAND_50}"/>',
        f'<polyline points="{history}" fill="none" stroke="#0b0c0c" stroke-width="3"/>',
        f'<polyline points="{median}" fill="none" stroke="{BLUE}" stroke-width="3" '
        'stroke-dasharray="8 5"/>',
        "</svg>",
    ]
    last = rows[-1]
    title = f"{result.name}: EHC plans each January, published and forecast"
    description = (
        f"Published plans went from {_count(result.history[0][1])} in January "
        f"{result.history[0][0]} to {_count(result.history[-1][1])} in January "
        f"{result.origin}. The forecast for January {last.year} is {_count(last.median)}, "
        f"with half of the simulations between {_count(last.p25)} and {_count(last.p75)} "
        f"and 9 in 10 between {_count(last.p5)} and {_count(last.p95)}."
    )
    return FanChart(title, description, mark_safe("\n".join(parts)))  # noqa: S308 - escaped


def _count(value: float) -> str:
    return f"{round(value):,}"


def _band(points: list[tuple[int, float, float]], x_of: Scale, y_of: Scale) -> str:
    upper = [f"{x_of(year)},{y_of(high)}" for year, _, high in points]
    lower = [f"{x_of(year)},{y_of(low)}" for year, low, _ in reversed(points)]
    return " ".join(upper + lower)


def _y_ticks(ceiling: float, step: float, y_of: Scale) -> list[str]:
    parts = []
    for i in range(round(ceiling / step) + 1):
        value = i * step
        y = y_of(value)
        parts.append(
            f'<line x1="{LEFT}" x2="{RIGHT}" y1="{y}" y2="{y}" stroke="#b1b4b6" '
            'stroke-width="1"/>'
            f'<text x="{LEFT - 8}" y="{y}" dy="4" text-anchor="end" '
            f'class="app-chart__tick">{value:,.0f}</text>'
        )
    return parts


def _x_ticks(years: list[int], x_of: Scale) -> list[str]:
    return [
        f'<text x="{x_of(year)}" y="{BOTTOM + 22}" text-anchor="middle" '
        f'class="app-chart__tick">{year}</text>'
        for year in years
    ]
