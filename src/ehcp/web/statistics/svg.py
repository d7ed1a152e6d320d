"""A `charts.Chart` as inline SVG markup. Built in Python rather than a template: a profile
page draws 26 charts, and a template loop over every point took most of the page's time.
Every piece of text is escaped; numbers are formatted here."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ehcp.web.statistics.breakdown_charts import Bar, BarChart
from ehcp.web.statistics.charts import Chart, Line, Point

NEXT_LINE = ' dy="15"'
MARKERS = {
    "circle": '<circle cx="{x}" cy="{y}" r="4.5"/>',
    "square": '<path transform="translate({x} {y})" d="M-4,-4H4V4H-4Z"/>',
    "diamond": '<path transform="translate({x} {y})" d="M0,-6L6,0L0,6L-6,0Z"/>',
}


def render(chart: Chart, chart_id: str) -> SafeString:
    """The `<svg>`, named by the figure's title and described by its sentence (both
    elements the template writes with ids `{chart_id}-title` and `{chart_id}-description`)."""
    ident = escape(chart_id)
    parts = [
        f'<svg class="app-chart__svg" role="img" aria-labelledby="{ident}-title" '
        f'aria-describedby="{ident}-description" viewBox="0 0 {chart.width} {chart.height}" '
        'focusable="false">',
        *_axes(chart),
        *_series_break(chart),
        *(_line(line) for line in chart.lines),
        "</svg>",
    ]
    return mark_safe("\n".join(parts))  # noqa: S308 - every text part is escaped above


def _axes(chart: Chart) -> list[str]:
    parts = []
    for tick in chart.y_ticks:
        parts.append(
            f'<line x1="{chart.left}" x2="{chart.right}" y1="{tick.position}" '
            f'y2="{tick.position}" stroke="#b1b4b6" stroke-width="1"/>'
            f'<text x="{chart.left - 8}" y="{tick.position}" dy="4" text-anchor="end" '
            f'class="app-chart__tick">{escape(tick.label)}</text>'
        )
    for tick in chart.x_ticks:
        parts.append(
            f'<text x="{tick.position}" y="{chart.bottom + 22}" text-anchor="middle" '
            f'class="app-chart__tick">{escape(tick.label)}</text>'
        )
    return parts


def _series_break(chart: Chart) -> list[str]:
    if chart.break_x is None:
        return []
    x = chart.break_x
    return [
        f'<line x1="{x}" x2="{x}" y1="{chart.top - 8}" y2="{chart.bottom}" stroke="#505a5f" '
        'stroke-width="2" stroke-dasharray="3 3"/>',
        f'<text x="{x}" y="{chart.top - 12}" text-anchor="middle" '
        'class="app-chart__tick">Series break</text>',
    ]


def _line(line: Line) -> str:
    style = line.style
    dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
    drawn = "".join(
        f'<polyline points="{points}" fill="none" stroke-width="3"{dash}/>'
        for points in line.segments
    )
    start, end = line.sample
    y = line.label_y
    label = "".join(
        f'<tspan x="{line.label_x}"{NEXT_LINE if i else ""}>{escape(text)}</tspan>'
        for i, text in enumerate(line.label_lines)
    )
    return (
        f'<g class="app-chart__line app-chart__line--{style.key}" stroke="{style.colour}" '
        f'fill="{style.colour}">{drawn}{_markers(line.points, style.marker)}'
        f'<line x1="{start}" x2="{end}" y1="{y}" y2="{y}" stroke-width="3"{dash}/>'
        f'<text x="{line.label_x}" y="{y}" dy="5" stroke="none" class="app-chart__label">'
        f"{label}</text></g>"
    )


def _markers(points: tuple[Point, ...], marker: str) -> str:
    shape = MARKERS[marker]
    return "".join(shape.format(x=point.x, y=point.y) for point in points)


def render_bars(chart: BarChart, chart_id: str) -> SafeString:
    """Horizontal bars, each with its category above and its figure at its end."""
    ident = escape(chart_id)
    parts = [
        f'<svg class="app-chart__svg" role="img" aria-labelledby="{ident}-title" '
        f'aria-describedby="{ident}-description" viewBox="0 0 {chart.width} {chart.height}" '
        'focusable="false">',
        *(_bar(bar, chart.left) for bar in chart.bars),
        "</svg>",
    ]
    return mark_safe("\n".join(parts))  # noqa: S308 - every text part is escaped


def _bar(bar: Bar, left: int) -> str:
    return (
        f'<text x="{left}" y="{bar.y + 13}" class="app-chart__tick">{escape(bar.label)}</text>'
        f'<rect x="{left}" y="{bar.y + 18}" width="{bar.width}" height="16" fill="#1d70b8"/>'
        f'<text x="{left + bar.width + 6}" y="{bar.y + 31}" class="app-chart__tick">'
        f"{escape(bar.figure)}</text>"
    )
