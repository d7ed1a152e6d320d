from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ehcp.forecast import ForecastError
from ehcp.stats.errors import StatsError
from ehcp.stats.store import import_releases
from ehcp.web.statistics import forecasts, services


class Command(BaseCommand):
    help = (
        "Import DfE release zips into the statistics store the public pages read "
        "(settings.STATS_STORE), unless it already holds figures (each release is checked "
        "first, as `ehcp stats import` checks it); then make the forecast pages' forecasts, "
        "unless they are kept for these figures already."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="import even if a year would be left with fewer rows than the store holds",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        store = services.store_path()
        if services.has_figures():
            self.stdout.write(f"The statistics store {store} already holds figures.")
        else:
            try:
                imported = import_releases(store, options["paths"], replace=options["replace"])
            except StatsError as error:
                raise CommandError(str(error)) from error
            years = ", ".join(str(release.reporting_year) for release in imported)
            self.stdout.write(f"Imported DfE statistics (reporting years {years}) into {store}")
        self._forecasts(store)

    def _forecasts(self, store: Path) -> None:
        try:
            made = forecasts.prepare(store)
        except (ForecastError, StatsError) as error:
            self.stdout.write(f"No forecasts were made: {error}")
            return
        if made is None:
            self.stdout.write("The forecasts for these figures are kept already.")
        else:
            places, seconds = made
            noun = "place" if places == 1 else "places"
            self.stdout.write(f"Made the forecasts for {places} {noun} in {seconds:.0f} s.")
