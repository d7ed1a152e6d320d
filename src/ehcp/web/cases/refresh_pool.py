"""What each process of the nightly refresh's pool runs. A new process imports this module
before Django is set up, so it imports nothing of Django's until `set_up` has run."""

from __future__ import annotations

from datetime import date


def set_up(database: str) -> None:
    import django

    django.setup()
    from django.db import connections

    connections["default"].settings_dict["NAME"] = database


def refresh_chunk(ids: list[int], today: date) -> int:
    from ehcp.web.cases.refresh import refresh_chunk as refresh

    return refresh(ids, today)
