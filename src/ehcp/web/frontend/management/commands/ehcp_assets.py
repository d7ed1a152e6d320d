from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ehcp.web.frontend import assets


class Command(BaseCommand):
    help = (
        "Copy GOV.UK Frontend's assets from node_modules, then collect every static file under "
        "its hashed name (collectstatic)."
    )
    # The static-files check would warn that the directory this command creates is missing.
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            target = assets.install()
        except assets.AssetsMissingError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"GOV.UK Frontend assets copied to {target}")
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Static files collected in {settings.STATIC_ROOT}")
