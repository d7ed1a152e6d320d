from typing import Any

from django.core.management.base import BaseCommand

from ehcp.web.demo.load import demo_code


class Command(BaseCommand):
    help = (
        "Print the code an authenticator app set up with the demo's published secret shows now"
        " (for signing in to the demo council without a phone)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(demo_code())
