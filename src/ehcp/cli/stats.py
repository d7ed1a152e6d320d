"""`ehcp stats`: DfE's published EHC plan statistics, imported and compared.

ehcp stats import PATH...            release zips or extracted folders, both eras, checked
ehcp stats import PATH... --replace  even if a year would be left with fewer rows
ehcp stats show --la NAME_OR_CODE    a council beside its region and England (or England itself)
ehcp stats show --region NAME        a region beside England
ehcp stats show --la NAME --by setting|need|age|sex   plans broken down, year by year
ehcp stats rank --indicator ID --year Y
ehcp stats indicators                the catalogue
ehcp stats councils --format csv     every council in the store: LA code, name, region
ehcp stats download                  the latest release from Explore Education Statistics
"""

from __future__ import annotations

import argparse
import csv
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ehcp.cli import forecast
from ehcp.cli.errors import UserError
from ehcp.forecast import ForecastError
from ehcp.stats import breakdowns, queries, render
from ehcp.stats import download as fetching
from ehcp.stats.docs import catalogue_markdown
from ehcp.stats.errors import StatsError
from ehcp.stats.store import connect, default_store_path, import_releases

Handler = Callable[[argparse.Namespace], int]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="DfE published EHC plan statistics",
        description="Import DfE 'Education, health and care plans' releases and compare "
        "councils with their region and England.",
    )
    commands = parser.add_subparsers(dest="stats_command", required=True, metavar="ACTION")
    _add_import(commands)
    _add_show(commands)
    _add_rank(commands)
    _add_indicators(commands)
    _add_councils(commands)
    _add_download(commands)


def _user_errors(handler: Handler) -> Handler:
    @functools.wraps(handler)
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except StatsError as error:
            raise UserError(str(error)) from error

    return wrapped


def _store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        type=Path,
        default=None,
        help="statistics store file (default: $EHCP_STATS_STORE or "
        "$XDG_DATA_HOME/ehcp/stats.duckdb, i.e. ~/.local/share/ehcp/stats.duckdb)",
    )


def _store(args: argparse.Namespace) -> Path:
    return Path(args.store) if args.store else default_store_path()


def _format_option(parser: argparse.ArgumentParser, choices: tuple[str, ...]) -> None:
    parser.add_argument("--format", choices=choices, default="table", help="output format")


def _add_import(commands: Any) -> None:
    parser = commands.add_parser("import", help="import release zips or folders")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _replace_option(parser)
    _store_option(parser)
    _no_forecasts_option(parser)
    parser.set_defaults(handler=_import)


def _replace_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--replace",
        action="store_true",
        help="import even if a year would be left with fewer rows than the store holds now",
    )


def _no_forecasts_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-forecasts",
        action="store_true",
        help="do not fit the forecasts the statistics pages show "
        "(`ehcp forecast --all --save` makes them later)",
    )


def _forecasts(args: argparse.Namespace, store: Path) -> None:
    if args.no_forecasts:
        return
    try:
        print(forecast.save_page_forecasts(store))
    except ForecastError as error:
        print(f"No forecasts were made: {error}")


@_user_errors
def _import(args: argparse.Namespace) -> int:
    store = _store(args)
    for release in import_releases(store, args.paths, replace=args.replace):
        print(
            f"Imported reporting year {release.reporting_year} from {release.origin.name}: "
            f"{len(release.files)} files, {release.rows:,} figures."
        )
        if release.kept_only:
            names = ", ".join(release.kept_only)
            print(f"  Kept as published, no catalogue indicators yet: {names}")
        if release.skipped:
            print(f"  Not imported (not a file we know): {', '.join(release.skipped)}")
    print(f"Store: {store}")
    _forecasts(args, store)
    return 0


def _add_show(commands: Any) -> None:
    parser = commands.add_parser(
        "show", help="a council beside its region and England; a region; England"
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--la",
        metavar="NAME_OR_CODE",
        help="council name, 3-digit LA code or 9-character GSS code; also a region or England",
    )
    where.add_argument(
        "--region",
        metavar="NAME_OR_CODE",
        help="region name or GSS code, e.g. 'North West' or E12000002",
    )
    parser.add_argument("--year", type=int, help="only this year (default: every year)")
    parser.add_argument("--indicator", metavar="ID", help="only this indicator")
    parser.add_argument(
        "--by",
        metavar="TOPIC",
        help="plans by setting, need, age or sex, instead of the indicators",
    )
    _format_option(parser, render.FORMATS)
    _store_option(parser)
    parser.set_defaults(handler=_show)


@_user_errors
def _show(args: argparse.Namespace) -> int:
    if args.indicator:
        queries.known_indicator(args.indicator)
    topic = breakdowns.known_topic(args.by) if args.by is not None else None
    if topic and args.indicator:
        raise StatsError("Give either --by or --indicator, not both.")
    with connect(_store(args), read_only=True) as connection:
        if args.region is not None:
            council = queries.find_region(connection, args.region)
        else:
            council = queries.find_place(connection, args.la)
        if topic:
            split = breakdowns.breakdown(connection, council, topic, args.year)
            sys.stdout.write(render.breakdown(split, args.format))
            return 0
        found = queries.compare(connection, council, year=args.year, indicator=args.indicator)
    sys.stdout.write(render.show(council, found, args.format))
    return 0


def _add_rank(commands: Any) -> None:
    parser = commands.add_parser("rank", help="every council on one indicator, with quartiles")
    parser.add_argument("--indicator", required=True, metavar="ID")
    parser.add_argument("--year", type=int, required=True)
    _format_option(parser, render.FORMATS)
    _store_option(parser)
    parser.set_defaults(handler=_rank)


@_user_errors
def _rank(args: argparse.Namespace) -> int:
    queries.known_indicator(args.indicator)
    with connect(_store(args), read_only=True) as connection:
        ranked = queries.rank(connection, args.indicator, args.year)
    sys.stdout.write(render.league(args.indicator, args.year, ranked, args.format))
    return 0


def _add_indicators(commands: Any) -> None:
    parser = commands.add_parser("indicators", help="list the indicator catalogue")
    _format_option(parser, (*render.FORMATS, "markdown"))
    parser.set_defaults(handler=_indicators)


def _indicators(args: argparse.Namespace) -> int:
    if args.format == "markdown":
        sys.stdout.write(catalogue_markdown())
    else:
        sys.stdout.write(render.indicator_list(args.format))
    return 0


def _add_councils(commands: Any) -> None:
    parser = commands.add_parser(
        "councils",
        help="every council in the store, as the advocates' council list is written",
        description="Every council in the store with its 3-digit LA code, DfE's latest name "
        "for it, its region and the last year it reported. The CSV is "
        "src/ehcp/web/advocacy/councils.csv.",
    )
    _format_option(parser, ("table", "csv"))
    _store_option(parser)
    parser.set_defaults(handler=_councils)


COUNCIL_COLUMNS = ("la_code", "name", "region", "last_year")


@_user_errors
def _councils(args: argparse.Namespace) -> int:
    with connect(_store(args), read_only=True) as connection:
        rows = connection.execute(
            "SELECT la_code, name, region_name, last_year FROM council ORDER BY name, la_code"
        ).fetchall()
    if not rows:
        raise StatsError("The statistics store has no councils: run 'ehcp stats import' first.")
    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COUNCIL_COLUMNS)
        writer.writerows(rows)
    else:
        for code, name, region, last_year in rows:
            print(f"{code}  {name}, {region} (figures to {last_year})")
    return 0


def _add_download(commands: Any) -> None:
    parser = commands.add_parser(
        "download", help="fetch the latest release from Explore Education Statistics"
    )
    parser.add_argument(
        "--from",
        dest="local",
        type=Path,
        metavar="ZIP",
        help="use a zip already downloaded instead of fetching",
    )
    parser.add_argument("--api", default=fetching.CONTENT_API, help="EES content API address")
    parser.add_argument(
        "--to",
        type=Path,
        metavar="FOLDER",
        help="where to keep the zip (default: next to the store)",
    )
    parser.add_argument("--no-import", action="store_true", help="download only")
    _replace_option(parser)
    _store_option(parser)
    _no_forecasts_option(parser)
    parser.set_defaults(handler=_download)


@_user_errors
def _download(args: argparse.Namespace) -> int:
    store = _store(args)
    folder = args.to or store.parent / "releases"
    if args.local:
        archive = fetching.copy_local(args.local, folder)
    else:
        archive = fetching.download_latest(folder, api=args.api.rstrip("/"))
    print(f"Saved {archive}")
    if args.no_import:
        return 0
    for release in import_releases(store, [archive], replace=args.replace):
        print(f"Imported reporting year {release.reporting_year}: {release.rows:,} figures.")
    _forecasts(args, store)
    return 0
