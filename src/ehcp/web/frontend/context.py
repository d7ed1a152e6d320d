"""Template context: the signed-in member's organisation and what their role allows."""

from __future__ import annotations

from typing import Any

from ehcp.web.frontend.permissions import Perm, membership_of, permissions_of


def membership(request: Any) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None:
        return {}
    granted = permissions_of(user)
    return {
        "membership": membership_of(user),
        "can": {perm.value: perm is Perm.PUBLIC or perm in granted for perm in Perm},
    }
