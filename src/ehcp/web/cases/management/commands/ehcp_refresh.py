from typing import Any

from django.core.management.base import BaseCommand

from ehcp.web.cases.refresh import refresh_stale
from ehcp.web.cases.views.common import today


class Command(BaseCommand):
    help = (
        "Work out every case's stored deadlines again where they were worked out before today "
        "or by another rules version. The worker (`ehcp_worker`) runs it every night."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = refresh_stale(today())
        self.stdout.write(f"Refreshed {count} cases.")
