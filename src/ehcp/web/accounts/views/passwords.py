"""Changing a password, resetting a forgotten one by email, and accepting an invitation:
Django's own views, with the service's templates and errors, audited."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth
from django.forms import Form
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.views.generic import TemplateView

from ehcp.web.accounts.forms import ChangePasswordForm, NewPasswordForm, ResetPasswordForm
from ehcp.web.accounts.invitations import invitation_tokens
from ehcp.web.accounts.permissions import Perm, requires
from ehcp.web.audit.services import record as audit
from ehcp.web.frontend.components import form_errors


class GovForm:
    """The GOV.UK error summary's entries, and a 400 for a form with errors."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        form = context.get("form")
        if form is not None and form.is_bound:
            context["errors"] = form_errors(form)
        return context

    def form_invalid(self, form: Form) -> HttpResponse:
        response = super().form_invalid(form)  # type: ignore[misc]
        response.status_code = 400
        return response


class ChangePassword(GovForm, auth.PasswordChangeView):
    form_class = ChangePasswordForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("password-change-done")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        audit(self.request.user, "change", "Changed their password")  # type: ignore[arg-type]
        return response


class ResetPassword(GovForm, auth.PasswordResetView):
    form_class = ResetPasswordForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("password-reset-done")


class SetNewPassword(GovForm, auth.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password-reset-complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        audit(form.user, "change", "Reset their password from an emailed link")
        return response


class AcceptInvitation(GovForm, auth.PasswordResetConfirmView):
    """An invitation's link: choose a password, then sign in (and set up a second factor)."""

    form_class = NewPasswordForm
    token_generator = invitation_tokens
    template_name = "accounts/accept_invitation.html"
    post_reset_login = True
    success_url = reverse_lazy("dashboard")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        audit(form.user, "change", "Accepted their invitation and chose a password")
        return response


def page(template: str) -> Any:
    return TemplateView.as_view(template_name=template)


signed_in = requires(Perm.VIEW_CASES)
public = requires(Perm.PUBLIC)

change_password = signed_in(ChangePassword.as_view())
password_changed = signed_in(page("accounts/password_change_done.html"))
reset_password = public(ResetPassword.as_view())
reset_sent = public(page("accounts/password_reset_done.html"))
set_new_password = public(SetNewPassword.as_view())
password_reset = public(page("accounts/password_reset_complete.html"))
accept_invitation = public(AcceptInvitation.as_view())
