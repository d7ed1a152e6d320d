"""Setting up the second factor, giving it at sign-in, and new recovery codes (ADR 0021)."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ehcp.web.accounts import second_factor, services
from ehcp.web.accounts.forms import CodeForm
from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.accounts.views.sign_in import client_address, next_url
from ehcp.web.audit.services import record as audit
from ehcp.web.frontend.components import form_errors

WRONG_SET_UP = "The code is not right. Enter the 6-digit code your authenticator app shows now"
WRONG_CODE = (
    "The code is not right. Enter the code your authenticator app shows now, or a recovery code"
)


@requires(Perm.VIEW_CASES, second_factor_needed=False)
def set_up(request: MemberRequest) -> HttpResponse:
    """Scan the QR code (or type the secret) into an app, then confirm with a code from it."""
    if second_factor.has_app(request.user) and not second_factor.verified(request):
        # Replacing an app needs the current one first (or an administrator's reset).
        return redirect(f"{reverse('second-factor')}?next={request.path}")
    device = second_factor.pending_app(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = second_factor.confirm_app(request, device, form.cleaned_data["code"])
        if codes is not None:
            done = {"codes": codes, "next": next_url(request)}
            return render(request, "accounts/recovery_codes.html", done)
        form.add_error("code", WRONG_SET_UP)
    errors = form_errors(form)
    context = {
        "form": form,
        "errors": errors,
        "qr_code": second_factor.qr_code_svg(device),
        "secret": second_factor.secret_text(device),
        "next": next_url(request),
    }
    return render(
        request, "accounts/set_up_second_factor.html", context, status=400 if errors else 200
    )


@requires(Perm.VIEW_CASES, second_factor_needed=False)
def verify(request: MemberRequest) -> HttpResponse:
    """The second step of signing in."""
    if second_factor.verified(request):
        return redirect(next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if second_factor.check_code(request, form.cleaned_data["code"]):
            audit(request.user, "sign_in", "Gave their second factor")
            return redirect(next_url(request))
        services.record_failed_sign_in(
            request.user.username, client_address(request), "Wrong second factor code"
        )
        form.add_error("code", WRONG_CODE)
    errors = form_errors(form)
    context = {"form": form, "errors": errors, "next": next_url(request)}
    return render(request, "accounts/second_factor.html", context, status=400 if errors else 200)


@requires(Perm.VIEW_CASES)
@require_POST
def new_recovery_codes(request: MemberRequest) -> HttpResponse:
    with transaction.atomic():
        codes = second_factor.new_recovery_codes(request.user)
        audit(request.user, "change", "Made new recovery codes")
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": "/account/"})


@requires(Perm.VIEW_CASES)
def account(request: MemberRequest) -> HttpResponse:
    context = {
        "has_app": second_factor.has_app(request.user),
        "required": second_factor.required_for(request.user),
    }
    return render(request, "accounts/account.html", context)
