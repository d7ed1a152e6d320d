"""Sign-in backend: Django's own, but the signed-in user is read on each request together
with their membership, organisation and its caseload version, in one query instead of four
(every page needs the membership and organisation; the dashboard and case list the version)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class MemberBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        users = get_user_model()._default_manager.select_related(
            "membership__organisation__caseload_version"
        )
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
