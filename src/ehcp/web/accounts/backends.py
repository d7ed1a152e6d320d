"""Sign-in backend: Django's own, but the signed-in user is read on each request together
with their membership and organisation (every page needs both) in one query.

Where the server processes share a cache (`EHCP_CACHE_URL`), the member is kept there for a
minute as a small `MemberRecord` (reading it was the largest fixed cost of every page).
Saving or deleting a user or a membership (a new role, a deactivation, a new password)
forgets the kept record at once, in every process; see `ehcp.web.caching.forget_member`. A
per-process cache is never used for this: another process could not forget its copy."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from ehcp.web.caching import MemberRecord, keep_member, kept_member


def load_member(user_id: Any) -> Any:
    users = get_user_model()._default_manager.select_related("membership__organisation")
    return users.filter(pk=user_id).first()


class MemberBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        if not settings.SHARED_CACHE:
            user = load_member(user_id)
        elif (record := kept_member(user_id)) is not None:
            user = record.user()
        else:
            user = load_member(user_id)
            if user is not None and hasattr(user, "membership"):
                keep_member(MemberRecord.of(user))
        return user if user is not None and self.user_can_authenticate(user) else None
