from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ehcp.stats.errors import StatsError
from ehcp.stats.store import import_releases
from ehcp.web.statistics import services


class Command(BaseCommand):
    help = (
        "Import DfE release zips into the statistics store the public pages read "
        "(settings.STATS_STORE), unless it already holds figures. Each release is checked "
        "first, as `ehcp stats import` checks it."
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
            return
        try:
            imported = import_releases(store, options["paths"], replace=options["replace"])
        except StatsError as error:
            raise CommandError(str(error)) from error
        years = ", ".join(str(release.reporting_year) for release in imported)
        self.stdout.write(f"Imported DfE statistics (reporting years {years}) into {store}")
