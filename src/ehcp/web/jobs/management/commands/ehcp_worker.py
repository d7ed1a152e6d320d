import threading
import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections, connection

from ehcp.web.jobs import schedule, services

# How often each worker starts what the schedule says is due and sweeps up lost jobs.
HOUSEKEEPING_SECONDS = 30


def housekeeping() -> None:
    close_old_connections()
    schedule.tick()
    services.sweep()


class Command(BaseCommand):
    help = (
        "Run background jobs: imports, letters, the nightly refresh and the digests. Start "
        "one or more (each takes one job at a time); every worker also starts the scheduled "
        "jobs when they are due and marks failed any job whose worker was killed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch", action="store_true", help="Run the jobs waiting now, then stop."
        )
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between looks.")
        parser.add_argument("--max-tasks", type=int, default=None)
        parser.add_argument("--no-schedule", action="store_true", help="Start nothing itself.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_schedule"]:
            if options["batch"]:
                housekeeping()
            else:
                threading.Thread(target=self._keep_house, daemon=True).start()
        worker_options: dict[str, Any] = {
            "interval": options["interval"],
            "reload": False,
            "startup_delay": not options["batch"],
            "verbosity": options["verbosity"],
        }
        if options["batch"]:
            worker_options["batch"] = True
        if options["max_tasks"]:
            worker_options["max_tasks"] = options["max_tasks"]
        call_command("db_worker", **worker_options)

    def _keep_house(self) -> None:
        while True:
            try:
                housekeeping()
            except Exception as error:  # the database was away: try again next time
                self.stderr.write(f"Housekeeping failed: {type(error).__name__}")
            finally:
                connection.close()
            time.sleep(HOUSEKEEPING_SECONDS)
