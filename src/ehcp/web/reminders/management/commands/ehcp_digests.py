from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ehcp.web.cases.views.common import today
from ehcp.web.reminders.services import KINDS, send_digests


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--today must be a date written as YYYY-MM-DD, not {text!r}") from None


class Command(BaseCommand):
    help = (
        "Email the digests: 'daily' to each caseworker (overdue and due this week), "
        "'weekly' to each manager (the team's caseload). A digest already sent that day is "
        "not sent again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("--today", help="The day to send for, YYYY-MM-DD (default: today)")

    def handle(self, *args: Any, **options: Any) -> None:
        day = _day(options["today"]) if options["today"] else today()
        run = send_digests(options["kind"], day)
        self.stdout.write(
            f"Sent {run.sent} {options['kind']} digests on {day.isoformat()}: "
            f"{run.nothing_to_say} with nothing to report, {run.already_sent} already sent, "
            f"{run.failed} failed."
        )
        if run.failed:
            raise CommandError(f"{run.failed} digests could not be sent.")
