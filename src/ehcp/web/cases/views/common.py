"""What the casework views share."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone


def today() -> date:
    """Today in England, unless `EHCP_TODAY` fixes the date (tests and demos of a past day)."""
    fixed = getattr(settings, "EHCP_TODAY", None)
    return fixed if fixed is not None else timezone.localdate()
