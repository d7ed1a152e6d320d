"""Single sign-on with a council's own identity provider (OpenID Connect, for example Entra
ID), through mozilla-django-oidc, when `EHCP_OIDC=1` (ADR 0021).

Only people who already have an account here (invited by an administrator) can sign in this
way: the provider's email claim must match one member. The provider's own second factor
counts as this service's when its ID token says one was used (`amr` holds "mfa");
otherwise the member gives the authenticator app's code as after a password."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from ehcp.web.accounts import second_factor, services
from ehcp.web.accounts.backends import MemberBackend
from ehcp.web.accounts.permissions import Perm, requires, second_factor_step
from ehcp.web.audit.services import record as audit


class CouncilOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        email = str(claims.get("email") or "").strip().lower()
        if not email:
            return User.objects.none()
        users = User.objects.select_related("membership__organisation")
        return users.filter(username=email, membership__isnull=False, is_active=True)

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is not None:
            user.ehcp_provider_mfa = "mfa" in (payload.get("amr") or [])
        return user

    def get_user(self, user_id: Any) -> Any:
        return MemberBackend().get_user(user_id)


class SignIn(OIDCAuthenticationRequestView):  # type: ignore[misc]
    pass


class Callback(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    def login_success(self) -> HttpResponse:
        second_factor.forget_verification(self.request)
        response = super().login_success()
        if getattr(self.user, "ehcp_provider_mfa", False):
            second_factor.given_to_provider(self.request)
        audit(self.user, "sign_in", "Signed in through the council's identity provider")
        step = second_factor_step(self.request, response["Location"])
        return step or response

    def login_failure(self) -> HttpResponse:
        address = str(self.request.META.get("REMOTE_ADDR", ""))
        services.record_failed_sign_in("", address, "Single sign-on refused")
        return super().login_failure()


def _when_enabled(view: Any) -> Any:
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not settings.EHCP_OIDC:
            raise Http404
        return view(request, *args, **kwargs)

    return requires(Perm.PUBLIC)(guarded)


sign_in = _when_enabled(SignIn.as_view())
callback = _when_enabled(Callback.as_view())
