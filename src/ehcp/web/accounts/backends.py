"""Sign-in backend: Django's own, but the signed-in user is read on each request together
with their membership and organisation (every page needs both) in one query, and with the
organisation's caseload version (the dashboard and case list need it) when not cached.

Where the server processes share a cache (`EHCP_CACHE_URL`), the member is kept there for a
minute, as reading it was the largest fixed cost of every page. Saving or deleting a user or
a membership (a new role, a deactivation, a new password) forgets the kept copy at once, in
every process; see `ehcp.web.caching.forget_member`. A per-process cache is never used
for this: another process could not forget its copy."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache

from ehcp.web.caching import MEMBER_CACHE_SECONDS, member_key


def load_member(user_id: Any, *, with_caseload_version: bool) -> Any:
    """The caseload version changes with every committed change to a case, so it is read
    with the member only when the member will not be kept."""
    related = "membership__organisation" + ("__caseload_version" if with_caseload_version else "")
    users = get_user_model()._default_manager.select_related(related)
    # A slice, not `first()`, which would add an ORDER BY to build and plan.
    return next(iter(users.filter(pk=user_id)[:1]), None)


class MemberBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        shared = settings.SHARED_CACHE
        user = cache.get(member_key(user_id)) if shared else None
        if user is None:
            user = load_member(user_id, with_caseload_version=not shared)
            if user is not None and shared:
                cache.set(member_key(user_id), user, MEMBER_CACHE_SECONDS)
        return user if user is not None and self.user_can_authenticate(user) else None
