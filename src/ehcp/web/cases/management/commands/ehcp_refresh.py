from typing import Any

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from ehcp.rules import RULES_VERSION
from ehcp.web.cases.models import Case
from ehcp.web.cases.services import refresh_summary


class Command(BaseCommand):
    help = (
        "Work out every case's stored deadlines again where they were worked out before today "
        "or by another rules version. Run it daily (e.g. from cron, just after midnight)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        stale = Case.objects.filter(~Q(rules_version=RULES_VERSION) | ~Q(summarised_on=today))
        count = 0
        for case in stale.select_related("child").iterator(chunk_size=500):
            refresh_summary(case, today)
            count += 1
        self.stdout.write(f"Refreshed {count} cases.")
