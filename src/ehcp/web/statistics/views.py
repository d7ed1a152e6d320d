"""The public statistics pages. No sign-in, no case data and nothing written to the audit log:
these views read only the statistics store, through `services`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from ehcp.forecast import ForecastError
from ehcp.stats import breakdowns, hexlayout
from ehcp.stats import comparators as comparator
from ehcp.stats import headline as headlines
from ehcp.stats import render as text
from ehcp.stats.catalogue import BY_ID, INDICATORS, SERIES_BREAK_NOTE, Indicator, Source
from ehcp.stats.councils import alias_key
from ehcp.stats.docs import DIRECTION, TIMING
from ehcp.stats.errors import StatsError
from ehcp.stats.queries import (
    ENGLAND,
    REGION,
    Comparison,
    Council,
    Ranked,
    Value,
    known_indicator,
)
from ehcp.web.accounts.permissions import Perm, requires
from ehcp.web.statistics import (
    breakdown_charts,
    charts,
    forecast_chart,
    forecasts,
    hexmap,
    league,
    scenario_jobs,
    services,
    svg,
)


class BadRequestError(Exception):
    """A query parameter we do not offer, described for the person who sent it."""


def public_page(view: Callable[..., Any]) -> Callable[..., Any]:
    """A deliberately public GET page, with GOV.UK pages for the problems a visitor can hit."""

    @functools.wraps(view)
    def page(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except services.NoStatisticsError:
            return render(request, "statistics/empty.html", {"store": _store_hint()})
        except services.UnavailableError:
            return _problem(request, 503, "Statistics are not available at the moment", "")
        except BadRequestError as error:
            return _problem(request, 400, "There is a problem with the web address", str(error))
        except StatsError as error:
            return _problem(request, 404, "Page not found", str(error))

    return requires(Perm.PUBLIC)(require_safe(page))


def _problem(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    context = {"heading": title, "message": message}
    return render(request, "statistics/problem.html", context, status=status)


def _store_hint() -> str:
    path = services.store_path()
    try:
        return str(path.relative_to(settings.REPO_ROOT))
    except ValueError:
        return '"$EHCP_STATS_STORE"'


def _format(request: HttpRequest) -> str:
    wanted = request.GET.get("format") or "html"
    if wanted not in ("html", "csv"):
        raise BadRequestError("The format must be html or csv.")
    return str(wanted)


def _csv(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _query(**params: Any) -> str:
    kept = {key: value for key, value in params.items() if value}
    return "?" + urlencode(kept) if kept else ""


# The index: choose a council and an indicator.


@public_page
def index(request: HttpRequest) -> HttpResponse:
    councils = services.councils()
    errors: list[tuple[str, str]] = []
    if "council" in request.GET:
        target = _chosen_profile(request, councils)
        if target:
            return redirect(target)
        errors = [("council", "Select a council")]
    context = {
        "regions": _by_region(councils),
        "latest": max(c.last_year for c in councils),
        "indicators": INDICATORS,
        "leagues": _latest_leagues(),
        "region_links": [(region, profile_url(region)) for region in services.regions()],
        "errors": errors,
        "releases": services.releases(),
    }
    return render(request, "statistics/index.html", context, status=400 if errors else 200)


def _chosen_profile(request: HttpRequest, councils: tuple[Council, ...]) -> str | None:
    code = request.GET.get("council", "")
    indicator = request.GET.get("indicator", "")
    if code not in {c.la_code for c in councils}:
        return None
    query = _query(indicator=indicator if indicator in BY_ID else "")
    return reverse("statistics-council", args=[code]) + query


def _by_region(councils: tuple[Council, ...]) -> list[tuple[str, list[Council]]]:
    grouped = groupby(councils, key=lambda c: c.region_name or "Region not published")
    return [(region, list(members)) for region, members in grouped]


def _latest_leagues() -> list[tuple[Indicator, int]]:
    years = services.years()
    return [(i, years[i.id][-1]) for i in INDICATORS if years.get(i.id)]


# A council's profile: a chart and a table for each indicator.


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool
    base: str = ""


@dataclass(frozen=True)
class TableRow:
    period: str
    cells: tuple[Cell, ...]
    series_break: bool


@dataclass(frozen=True)
class Section:
    indicator: Indicator
    chart: charts.Chart
    svg: str
    rows: tuple[TableRow, ...]
    latest_year: int | None


# Each place's pages: "" (headline and key indicators), then SECTIONS.
SECTIONS = {
    "indicators": "All indicators",
    "setting": "By setting",
    "need": "By primary need",
    "age": "By age",
    "sex": "By sex",
    "similar": "Similar councils",
    "forecast": "Forecast",
}
KEY_INDICATORS = (
    "caseload",
    "requests_received",
    "plans_within_20_weeks_pct",
    "requests_refused_pct",
    "appeal_rate_pct",
)


@public_page
def council_profile(request: HttpRequest, code: str, section: str = "") -> HttpResponse:
    council = services.find_council(code)
    if code != council.la_code:
        target = profile_url(council, section)
        return redirect(target + _query(**request.GET.dict()), permanent=True)
    return _place_page(request, council, section)


@public_page
def england_profile(request: Any, section: str = "") -> Any:
    return _place_page(request, services.england(), section)


@public_page
def region_profile(request: Any, name: str, section: str = "") -> Any:
    region = services.find_region(name)
    if name != region_slug(region):
        target = profile_url(region, section)
        return redirect(target + _query(**request.GET.dict()), permanent=True)
    return _place_page(request, region, section)


def region_slug(region: Council) -> str:
    """The region's name in a web address, e.g. 'yorkshire-and-the-humber'."""
    return alias_key(region.name).replace(" ", "-")


def profile_url(place: Council, section: str = "") -> str:
    """The page of a council, a region or England, or one of its sections."""
    if place.level == ENGLAND:
        args: list[str] = []
        name = "statistics-england"
    elif place.level == REGION:
        args, name = [region_slug(place)], "statistics-region"
    else:
        args, name = [place.la_code], "statistics-council"
    if section:
        return reverse(name, kwargs={**dict(zip(_KEYS[name], args, strict=False)),
                                     "section": section})  # fmt: skip
    return reverse(name, kwargs=dict(zip(_KEYS[name], args, strict=False)))


_KEYS = {"statistics-england": (), "statistics-region": ("name",),
         "statistics-council": ("code",)}  # fmt: skip


def _place_page(request: Any, place: Council, section: str) -> Any:
    if section == "map" and place.level == ENGLAND:
        return _map_page(request)
    if section and section not in SECTIONS:
        known = ", ".join(SECTIONS)
        raise StatsError(f"There is no page '{section}' for {place.name}: try {known}.")
    if section == "similar" and not place.is_council:
        raise StatsError(f"{place.name} is not a council, so it has no similar councils page.")
    if section in breakdowns.TOPICS:
        return _breakdown_page(request, place, breakdowns.known_topic(section))
    if section == "similar":
        return _similar_page(request, place)
    if section == "forecast":
        return _forecast_page(request, place)
    return _profile(request, place, section)


def _navigation(place: Council, current: str) -> list[tuple[str, str, bool]]:
    """(label, address, is this page) for the place's pages."""
    pages = [("", "Summary"), *SECTIONS.items()]
    if place.level == ENGLAND:
        pages.append(("map", "Map of councils"))
    return [
        (label, profile_url(place, key), key == current)
        for key, label in pages
        if key != "similar" or place.is_council
    ]


def _place_context(place: Council, section: str) -> dict[str, Any]:
    return {
        "council": place,
        "profile_url": profile_url(place, section),
        "region_url": _region_url(place),
        "navigation": _navigation(place, section),
        "releases": services.releases(),
    }


def _profile(request: Any, council: Council, section: str) -> Any:
    indicator = request.GET.get("indicator") or None
    if indicator is not None and indicator not in BY_ID:
        raise BadRequestError(f"There is no indicator '{indicator}'.")
    shape = _format(request)
    comparisons = services.compare(council, indicator)
    summary = not section and indicator is None
    if summary:
        comparisons = tuple(c for c in comparisons if c.indicator in KEY_INDICATORS)
    if shape == "csv":
        body = text.show(council, comparisons, "csv")
        name = indicator or ("key" if summary else "all")
        return _csv(body, f"ehcp-statistics-{_file_code(council)}-{name}.csv")
    context = {
        **_place_context(council, section),
        "columns": [name for name, _ in text.columns(council)],
        "sections": _sections(council, comparisons),
        "summary": summary,
        "headline": services.headline(council) if summary else "",
        "setting": _setting_figure(council) if summary else None,
        "setting_url": profile_url(council, "setting"),
        "all_url": profile_url(council, "indicators"),
        "similar_url": profile_url(council, "similar"),
        "chosen": indicator,
        "indicators": INDICATORS,
        "csv_query": _query(indicator=indicator, format="csv"),
        "series_break_note": SERIES_BREAK_NOTE,
    }
    return render(request, "statistics/council.html", context)


@dataclass(frozen=True)
class BreakdownFigure:
    found: breakdowns.Breakdown
    chart: Any
    svg: str
    chart_id: str
    rows: tuple[tuple[str, tuple[str, ...]], ...]


def _breakdown_figure(found: breakdowns.Breakdown) -> BreakdownFigure:
    chart = breakdown_charts.build(found)
    chart_id = f"{found.topic}-chart"
    if isinstance(chart, breakdown_charts.BarChart):
        drawn = svg.render_bars(chart, chart_id)
    else:
        drawn = svg.render(chart, chart_id)
    rows = tuple(
        (category, tuple(text.breakdown_cell(found.share(category, y)) for y in found.years))
        for category in found.categories
    )
    base = ("All plans (the base)", tuple(text.base_cell(found.base(y)) for y in found.years))
    return BreakdownFigure(found, chart, drawn, chart_id, (*rows, base))


def _setting_figure(place: Council) -> BreakdownFigure | None:
    try:
        return _breakdown_figure(services.breakdown(place, "setting"))
    except StatsError:
        return None


def _breakdown_page(request: Any, place: Council, topic: breakdowns.Topic) -> Any:
    shape = _format(request)
    found = services.breakdown(place, topic)
    if shape == "csv":
        return _csv(text.breakdown(found, "csv"), f"ehcp-{topic}-{_file_code(place)}.csv")
    context = {
        **_place_context(place, topic),
        "figure": _breakdown_figure(found),
        "csv_query": _query(format="csv"),
    }
    return render(request, "statistics/breakdown.html", context)


def _file_code(place: Council) -> str:
    return place.la_code if place.is_council else alias_key(place.name).replace(" ", "-")


def _region_url(council: Council) -> str:
    if not council.is_council or not council.region_code:
        return ""
    found = next((r for r in services.regions() if r.la_code == council.region_code), None)
    return profile_url(found) if found else ""


def _sections(council: Council, comparisons: tuple[Comparison, ...]) -> list[Section]:
    years = services.years()
    sections = []
    for indicator_id, rows in groupby(comparisons, key=lambda c: c.indicator):
        found = list(rows)
        entry = BY_ID[indicator_id]
        table = tuple(_table_row(council, row, entry) for row in found)
        latest = years.get(indicator_id, ())
        chart = charts.build(council, found)
        drawn = svg.render(chart, f"{indicator_id}-chart")
        sections.append(Section(entry, chart, drawn, table, latest[-1] if latest else None))
    return sections


def _table_row(council: Council, row: Comparison, entry: Indicator) -> TableRow:
    period = f"January {row.year}" if entry.timing == "census" else str(row.year)
    cells = tuple(_cell(pick(row), entry.unit) for _, pick in text.columns(council))
    return TableRow(period, cells, row.series_break)


def _cell(value: Value | None, unit: str) -> Cell:
    if value is None:
        return Cell("not published", False)
    if value.value is None:
        marker = value.marker or ""
        return Cell(text.MARKERS.get(marker, marker or "not published"), False)
    return Cell(text.shown(value, unit), True, text.base(value) if unit == "percent" else "")


# League tables.


@dataclass(frozen=True)
class Header:
    column: str
    label: str
    numeric: bool
    href: str
    aria_sort: str


@dataclass(frozen=True)
class LeagueRow:
    ranked: Ranked
    value: str
    mark: str
    base: str = ""
    small_base: bool = False


def _league_row(ranked: Ranked, entry: Indicator, mark: str) -> LeagueRow:
    rate = entry.unit == "percent"
    base = text.base(ranked.value).removeprefix("n = ") if rate else ""
    small = rate and text.small_base(ranked.value)
    return LeagueRow(ranked, text.shown(ranked.value, entry.unit), mark, base, small)


ORDERING = {
    True: "ranked highest first, because higher is better",
    False: "ranked lowest first, because lower is better",
    None: "ranked largest first: neither higher nor lower is better",
}
COLUMNS = (
    ("rank", "Rank", True),
    ("council", "Council", False),
    ("region", "Region", False),
    ("value", "Value", True),
)


@public_page
def league_table(request: HttpRequest, indicator_id: str, year: int) -> HttpResponse:
    entry = known_indicator(indicator_id)
    sorting = league.parse_sorting(request.GET.get("sort"), request.GET.get("order"))
    if sorting is None:
        raise BadRequestError("Sort by rank, council, region or value, ascending or descending.")
    chosen = _highlighted_council(request.GET.get("highlight"))
    shape = _format(request)
    ranked = services.rank(indicator_id, year)
    rows = league.sort(ranked, sorting)
    if shape == "csv":
        body = text.league(indicator_id, year, rows, "csv")
        return _csv(body, f"ehcp-league-{indicator_id}-{year}.csv")
    marks = league.neighbours(ranked, chosen) if chosen else {}
    context = {
        "entry": entry,
        "year": year,
        "years": services.years().get(indicator_id, ()),
        "count": len(ranked),
        "ordering": ORDERING[entry.higher_is_better],
        "headers": _headers(sorting, chosen),
        "rows": [_league_row(r, entry, marks.get(r.council.la_code, "")) for r in rows],
        "rate": entry.unit == "percent",
        "small_base": text.SMALL_BASE,
        "small_count": _small_count(ranked, entry),
        "chosen": chosen,
        **_chosen_place(ranked, chosen, entry),
        "sorting": sorting,
        "councils": sorted((r.council for r in ranked), key=lambda c: c.name),
        "csv_query": _league_query(sorting, chosen, format="csv"),
        "releases": services.releases(),
    }
    return render(request, "statistics/league.html", context)


def _small_count(ranked: tuple[Ranked, ...], entry: Indicator) -> int:
    if entry.unit != "percent":
        return 0
    return sum(text.small_base(r.value) for r in ranked)


def _chosen_place(
    ranked: tuple[Ranked, ...], chosen: Council | None, entry: Indicator
) -> dict[str, Any]:
    place = next((r for r in ranked if chosen and r.council == chosen), None)
    value = text.shown(place.value, entry.unit) if place else ""
    return {"chosen_place": place, "chosen_value": value}


def _highlighted_council(code: str | None) -> Council | None:
    if not code:
        return None
    try:
        return services.find_council(code)
    except StatsError as error:
        raise BadRequestError(str(error)) from error


def _league_query(sorting: league.Sorting, chosen: Council | None, **extra: str) -> str:
    default = sorting == league.Sorting()
    return _query(
        sort="" if default else sorting.column,
        order="" if default else sorting.order,
        highlight=chosen.la_code if chosen else "",
        **extra,
    )


def _headers(sorting: league.Sorting, chosen: Council | None) -> list[Header]:
    return [
        Header(
            column,
            label,
            numeric,
            _league_query(sorting.link(column), chosen),
            sorting.aria(column),
        )
        for column, label, numeric in COLUMNS
    ]


@dataclass(frozen=True)
class SimilarRow:
    council: Council
    url: str
    figures: tuple[str, ...]
    distance: str
    measure: str
    own: bool


def _similar_page(request: Any, place: Council) -> Any:
    _format(request)
    try:
        found = services.comparators(place)
    except StatsError as error:
        context = {**_place_context(place, "similar"), "found": None, "reason": str(error)}
        return render(request, "statistics/similar.html", context)
    year = services.years().get(headlines.MEASURE, ())[-1]
    ranked = {r.council.la_code: r for r in services.rank(headlines.MEASURE, year)}
    rows = [_similar_row(found.own, "", ranked, own=True)]
    rows += [_similar_row(c.profile, f"{c.distance:.2f}", ranked) for c in found.closest]
    context = {
        **_place_context(place, "similar"),
        "found": found,
        "rows": rows,
        "features": comparator.FEATURES,
        "measure": BY_ID[headlines.MEASURE],
        "measure_year": year,
        "penalty": comparator.REGION_PENALTY,
        "growth_years": comparator.GROWTH_YEARS,
    }
    return render(request, "statistics/similar.html", context)


def _similar_row(
    profile: comparator.Profile, distance: str, ranked: dict[str, Ranked], *, own: bool = False
) -> SimilarRow:
    figure = ranked.get(profile.council.la_code)
    measure = text.shown(figure.value, "percent") if figure else "no figure"
    figures = (f"{profile.plans:,.0f}", f"{profile.growth:.1f}%", f"{profile.mainstream:.1f}%",
               f"{profile.special:.1f}%")  # fmt: skip
    return SimilarRow(profile.council, profile_url(profile.council), figures, distance,
                      measure, own)  # fmt: skip


# The hex map of England.

MAP_DEFAULT = "plans_within_20_weeks_pct"


def _map_page(request: Any) -> Any:
    """England's map of councils (`/statistics/england/map/`)."""
    entry, year = _map_choice(request)
    try:
        ranked = services.rank(entry.id, year)
    except StatsError as error:
        raise BadRequestError(str(error)) from error
    councils = services.councils()
    drawn = hexmap.build(services.hex_layout(), ranked, councils, entry.unit)
    links = {c.la_code: profile_url(c) for c in councils}
    context = {
        **_place_context(services.england(), "map"),
        "entry": entry,
        "year": year,
        "map": drawn,
        "svg": hexmap.render(drawn, "map-title", links),
        "rows": [_league_row(r, entry, "") for r in sorted(ranked, key=lambda r: r.council.name)],
        "rate": entry.unit == "percent",
        "small_base": text.SMALL_BASE,
        "indicators": [i for i in INDICATORS if i.unit != "status" and services.years().get(i.id)],
        "years": services.years().get(entry.id, ()),
        "attribution": hexlayout.ATTRIBUTION,
    }
    context["map_url"] = context["profile_url"]
    return render(request, "statistics/map.html", context)


def _map_choice(request: Any) -> tuple[Indicator, int]:
    indicator_id = request.GET.get("indicator") or MAP_DEFAULT
    if indicator_id not in BY_ID:
        raise BadRequestError(f"There is no indicator '{indicator_id}'.")
    entry = BY_ID[indicator_id]
    if entry.unit == "status":
        raise BadRequestError(f"{entry.title} is a status (Yes, No and so on): it is not mapped.")
    years = services.years().get(indicator_id, ())
    if not years:
        raise BadRequestError(f"No council figures are published for {entry.title}.")
    wanted = request.GET.get("year") or str(years[-1])
    if not wanted.isdigit():
        raise BadRequestError("The year must be a number, such as 2024.")
    if int(wanted) not in years:
        raise BadRequestError(
            f"{entry.title} has council figures for {years[0]} to {years[-1]}, not {wanted}."
        )
    return entry, int(wanted)


# Indicator definitions.


@public_page
def indicator_list(request: HttpRequest) -> HttpResponse:
    years = services.years()
    rows = [(i, TIMING[i.timing], years.get(i.id, ())) for i in INDICATORS]
    return render(request, "statistics/indicators.html", {"rows": rows})


@public_page
def indicator_detail(request: HttpRequest, indicator_id: str) -> HttpResponse:
    entry = known_indicator(indicator_id)
    context = {
        "entry": entry,
        "direction": DIRECTION[entry.higher_is_better],
        "timing": TIMING[entry.timing],
        "parts": [BY_ID[i] for i in (entry.numerator_id, entry.denominator_id) if i],
        "sources": [_source_text(source) for source in entry.sources],
        "years": services.years().get(entry.id, ()),
    }
    return render(request, "statistics/indicator.html", context)


def _source_text(source: Source) -> str:
    where = f"{source.file} ({source.era} release layout)"
    if source.value:
        return f"{where}, column {source.value}"
    numerator = " + ".join(source.numerator)
    if source.denominator:
        denominator = " + ".join(source.denominator)
        return f"{where}: 100 × ({numerator}) ÷ ({denominator}), to 1 decimal place"
    return f"{where}: {numerator}"


# The forecast: a fan chart, its table, the setting and need mix, a scenario and accuracy.


def _forecast_page(request: Any, place: Council) -> Any:
    wanted, errors = _forecast_request(request, place)
    try:
        result = forecasts.forecast(wanted)
    except forecasts.ForecastsNotReadyError:
        context = {**_place_context(place, "forecast"), "store": _store_hint()}
        return render(request, "statistics/forecast_not_ready.html", context, status=503)
    except ForecastError as error:
        raise StatsError(f"There is no forecast for {place.name}: {error}") from None
    context = {
        **_place_context(place, "forecast"),
        "result": result,
        "chart": forecast_chart.build(result, "forecast-chart"),
        "errors": errors,
        "error_for": dict(errors),
        "needs": forecasts.NEED_NAMES.items(),
        "settings": [(code, forecasts.SETTING_NAMES[code], forecasts.SETTING_NAMES[to[0]])
                     for code, to in forecasts.OVERFLOW.items()],
        "form": request.GET,
        "sims": forecasts.PAGE_SIMS,
        "last_year": result.years[-1].year,
        "mixes": [("Plans by setting", result.settings), ("Plans by primary need", result.needs)],
        "accuracy_rows": _accuracy_rows(result.accuracy),
        "scenario_not_run": result.request != wanted,
        "scenario_queued": result.request != wanted and scenario_jobs.ask_for(wanted),
        "need_name": forecasts.NEED_NAMES.get(wanted.need, ""),
        "capacity_name": forecasts.SETTING_NAMES.get(wanted.capacity_setting, ""),
    }  # fmt: skip
    return render(request, "statistics/forecast.html", context)


def _accuracy_rows(accuracy: forecasts.Accuracy | None) -> list[dict[str, Any]]:
    if accuracy is None:
        return []
    own = dict(accuracy.place_errors)
    model, growth = dict(accuracy.model_mape), dict(accuracy.growth_mape)
    return [
        {
            "year": accuracy.origin + h,
            "own": _signed(own[accuracy.origin + h]) if accuracy.origin + h in own else "–",
            "model": f"{model[h]:.1f}%",
            "growth": f"{growth[h]:.1f}%",
        }
        for h in sorted(model)
    ]


def _signed(value: float) -> str:
    return f"+{value:.1f}%" if value >= 0 else f"−{-value:.1f}%"


def _forecast_request(
    request: Any, place: Council
) -> tuple[forecasts.ForecastRequest, list[tuple[str, str]]]:
    """The scenario asked for, or the baseline with (field id, message) for each problem."""
    query = request.GET
    errors: list[tuple[str, str]] = []
    need = query.get("need", "")
    if need and need not in forecasts.NEED_NAMES:
        errors.append(("need", "Choose a primary need from the list"))
    joiners = _whole_number(query.get("joiners", ""), 100)
    if joiners is None or not 0 <= joiners <= 300:
        errors.append(("joiners", "Enter new plans as a whole number between 0 and 300, "
                                  "for example 110"))  # fmt: skip
    setting = query.get("setting", "")
    if setting and setting not in forecasts.OVERFLOW:
        errors.append(("setting", "Choose a setting from the list"))
    places = _whole_number(query.get("places", ""), None)
    if query.get("places", "").strip() and (places is None or not 0 <= places <= 100_000):
        errors.append(("places", "Enter the number of places as a whole number between 0 "
                                 "and 100,000, for example 450"))  # fmt: skip
    elif setting and places is None:
        errors.append(("places", "Enter the number of places in the setting you chose"))
    elif places is not None and not setting:
        errors.append(("setting", "Choose the setting the places are for"))
    if errors:
        return forecasts.ForecastRequest(place.la_code), errors
    chosen = forecasts.ForecastRequest(
        place.la_code,
        need=need,
        joiners_percent=joiners or 0,
        capacity_setting=setting,
        places=places,
    )
    return chosen, errors


def _whole_number(text: str, default: int | None) -> int | None:
    text = text.strip().replace(",", "")
    if not text:
        return default
    try:
        return int(text)
    except ValueError:
        return None
