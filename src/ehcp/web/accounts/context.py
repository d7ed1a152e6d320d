"""Template context: the signed-in member's organisation, what their role allows, and the
service navigation links it gives them."""

from __future__ import annotations

from typing import Any, Final

from django.http import HttpRequest

from ehcp.web.accounts.permissions import Perm, membership_of, permissions_of

# (URL name, link text, the permission that shows the link), in the order shown.
NAVIGATION: Final = (
    ("dashboard", "Dashboard", Perm.VIEW_CASES),
    ("case-list", "Cases", Perm.VIEW_CASES),
    ("search", "Search", Perm.VIEW_CASES),
    ("advice", "Advice tracker", Perm.VIEW_CASES),
    ("new-request", "New request", Perm.EDIT_CASES),
    ("import", "Import", Perm.IMPORT_CASES),
    ("audit", "Audit log", Perm.READ_AUDIT),
    ("team", "Team", Perm.MANAGE_TEAM),
    ("account", "Your account", Perm.VIEW_CASES),
)


def membership(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None:
        return {}
    granted = permissions_of(user)
    return {
        "membership": membership_of(user),
        "can": {perm.value: perm is Perm.PUBLIC or perm in granted for perm in Perm},
        # URL names: the layout writes their addresses (and keeps them for each role).
        "nav": [(name, text) for name, text, perm in NAVIGATION if perm in granted],
    }
