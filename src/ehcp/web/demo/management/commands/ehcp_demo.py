from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from ehcp.web.demo.load import ADVOCATES, DEMO_PASSWORD, DEMO_TOTP_SECRET, STAFF, build
from ehcp.web.organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Load a synthetic council (about 3,000 cases over three years) if the database is empty."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--cases", type=int, default=3000)
        parser.add_argument("--caseworkers", type=int, default=10)

    def handle(self, *args: Any, **options: Any) -> None:
        if Organisation.objects.exists():
            self.stdout.write("The database already has data: demo not loaded again.")
        else:
            made = build(timezone.localdate(), options["cases"], options["caseworkers"])
            self.stdout.write(f"Loaded a synthetic council with {made['cases']} cases.")
        self.stdout.write(f"Demo logins (all with password {DEMO_PASSWORD}):")
        for email, _, _, role in STAFF:
            self.stdout.write(f"  {email}  ({role.replace('_', ' ')})")
        for _, email, role in ADVOCATES:
            self.stdout.write(f"  {email}  ({role})")
        self.stdout.write(
            "The council's logins then ask for a code from an authenticator app set up with the"
            f" demo secret {DEMO_TOTP_SECRET}; or run `python -m ehcp.web.manage ehcp_demo_code`"
            " for the code it shows now."
        )
