"""Who may do what. Every view declares its permission with `@requires`; a test walks the
URL conf and fails on any view that doesn't."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Any, Final

from django.contrib.auth.models import AnonymousUser, User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from ehcp.web.accounts import second_factor
from ehcp.web.audit.services import Unreachable
from ehcp.web.audit.services import record as audit
from ehcp.web.organisations.models import Membership, Organisation


class MemberRequest(HttpRequest):
    """A request `requires` let through to a view: a signed-in member, with their
    organisation on `request.organisation` for the view to scope every query by."""

    user: User
    organisation: Organisation


class Perm(StrEnum):
    PUBLIC = "public"
    VIEW_CASES = "view_cases"
    EDIT_CASES = "edit_cases"
    READ_AUDIT = "read_audit"
    IMPORT_CASES = "import_cases"
    MANAGE_TEAM = "manage_team"
    MANAGE_RECORDS = "manage_records"  # retention review: delete or export closed cases
    ASSIGN_CASES = "assign_cases"  # hand a caseworker's whole caseload to colleagues
    MANAGE_SETTINGS = "manage_settings"  # load the register of schools and settings


# Keys are the `Role` values.
ROLE_PERMISSIONS: Final[dict[str, frozenset[Perm]]] = {
    "read_only": frozenset({Perm.VIEW_CASES}),
    "caseworker": frozenset({Perm.VIEW_CASES, Perm.EDIT_CASES}),
    "manager": frozenset(
        {
            Perm.VIEW_CASES,
            Perm.EDIT_CASES,
            Perm.READ_AUDIT,
            Perm.IMPORT_CASES,
            Perm.MANAGE_RECORDS,
            Perm.ASSIGN_CASES,
        }
    ),
    "administrator": frozenset(Perm) - {Perm.PUBLIC},
}


def membership_of(user: User | AnonymousUser) -> Membership | None:
    """The member's membership (read with the user by `MemberBackend`), or None."""
    if not user.is_authenticated or not user.is_active:
        return None
    try:
        return user.membership
    except Membership.DoesNotExist:
        return None


def permissions_of(user: User | AnonymousUser) -> frozenset[Perm]:
    """What `user`'s role allows, besides public pages (nothing without a membership)."""
    membership = membership_of(user)
    return ROLE_PERMISSIONS[membership.role] if membership is not None else frozenset()


def allowed(user: User | AnonymousUser, perm: Perm) -> bool:
    return perm is Perm.PUBLIC or perm in permissions_of(user)


def second_factor_step(request: Any, then: str | None = None) -> HttpResponse | None:
    """Where a signed-in member must go before any other page (and then on to `then`, by
    default the page asked for): to give their second factor, or to set one up (ADR 0021);
    None if they need not."""
    if second_factor.verified(request) or not second_factor.required_for(request.user):
        return None
    step = "second-factor" if second_factor.has_app(request.user) else "set-up-second-factor"
    return redirect(f"{reverse(step)}?{urlencode({'next': then or request.get_full_path()})}")


def requires(
    perm: Perm, second_factor_needed: bool = True
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Let the view run only for a signed-in member whose role grants `perm` and who has
    given their second factor if they need one (the pages that set one up or ask for it pass
    `second_factor_needed=False`). The member's organisation is on `request.organisation`
    for the view to scope every query by."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def guarded(request: Any, *args: Any, **kwargs: Any) -> Any:
            if perm is not Perm.PUBLIC:
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                if second_factor_needed and (step := second_factor_step(request)) is not None:
                    return step
                if not allowed(request.user, perm):
                    reference = str(kwargs.get("reference", ""))
                    audit(request.user, "denied", f"{perm.value} at {request.path}", reference)
                    raise PermissionDenied
                request.organisation = request.user.membership.organisation
            try:
                return view(request, *args, **kwargs)
            except Unreachable as attempt:
                what = attempt.describe(request.path)
                audit(request.user, attempt.action, what, attempt.reference)
                raise

        guarded.ehcp_permission = perm  # type: ignore[attr-defined]
        return guarded

    return decorate
