"""Sign in and sign out, with failed attempts throttled."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ehcp.web.accounts import second_factor, services, throttle
from ehcp.web.accounts.forms import SignInForm
from ehcp.web.accounts.permissions import Perm, requires, second_factor_step
from ehcp.web.audit.services import record as audit
from ehcp.web.frontend.components import form_errors

WRONG = "Enter a correct email address and password"
SSO_FAILED = (
    "You could not be signed in with your council account. Ask your administrator to check"
    " that this service has an account for your email address"
)
LOCKED = "You have tried to sign in too many times. Wait 15 minutes, then try again."


def next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if target and safe else "/dashboard/"


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def _attempt(request: HttpRequest, email: str, password: str) -> str | None:
    address = client_address(request)
    if throttle.locked(email, address):
        services.record_failed_sign_in(email, address, "Refused: too many attempts")
        return LOCKED
    user = authenticate(request, username=email.strip().lower(), password=password)
    if user is None or getattr(user, "membership", None) is None:
        throttle.failed(email, address)
        services.record_failed_sign_in(email, address, "Wrong email address or password")
        return WRONG
    throttle.succeeded(email)
    second_factor.forget_verification(request)
    login(request, user)
    audit(user, "sign_in", "Signed in with a password")
    return None


@requires(Perm.PUBLIC)
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None)
    errors = form_errors(form) if request.method == "POST" else []
    if request.method == "POST" and form.is_valid():
        problem = _attempt(request, form.cleaned_data["email"], form.cleaned_data["password"])
        if problem is None:
            step = second_factor_step(request, next_url(request))
            return step or redirect(next_url(request))
        errors = [("id_email", problem)]
    if request.GET.get("single-sign-on") == "failed" and not errors:
        errors = [("", SSO_FAILED)]
    context = {
        "form": form,
        "errors": errors,
        "next": next_url(request),
        "single_sign_on": settings.EHCP_OIDC,
    }
    return render(request, "accounts/sign_in.html", context, status=400 if errors else 200)


@requires(Perm.PUBLIC)
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit(request.user, "sign_out", "Signed out")
    logout(request)
    return redirect("sign-in")


@requires(Perm.PUBLIC)
def signed_out(request: HttpRequest) -> HttpResponse:
    """Where an idle session ends (`IdleTimeoutMiddleware`)."""
    minutes = settings.EHCP_IDLE_TIMEOUT_SECONDS // 60
    return render(request, "accounts/signed_out.html", {"minutes": minutes})
