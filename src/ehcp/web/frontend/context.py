"""Template context: the signed-in member's organisation and what their role allows."""

from __future__ import annotations

from typing import Any

from ehcp.web.frontend.permissions import Perm, allowed, membership_of


def membership(request: Any) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {
        "membership": membership_of(user),
        "can": {perm.value: allowed(user, perm) for perm in Perm},
    }
