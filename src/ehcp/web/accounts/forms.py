"""Sign-in, password and team forms, with GOV.UK error messages (Django's own password
forms, with its checks, in the service's words)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm

from ehcp.web.frontend.forms import GovForm, GovukMessages
from ehcp.web.organisations.models import Role


class MemberForm(GovForm):
    email = forms.EmailField(error_messages={"required": "Enter an email address"})
    first_name = forms.CharField(max_length=100)
    last_name = forms.CharField(max_length=100)
    role = forms.ChoiceField(choices=Role.choices)


class RoleForm(GovForm):
    role = forms.ChoiceField(choices=Role.choices)
    active = forms.BooleanField(required=False)


class SignInForm(GovForm):
    email = forms.CharField(max_length=200, error_messages={"required": "Enter your email"})
    password = forms.CharField(
        widget=forms.PasswordInput, error_messages={"required": "Enter your password"}
    )


class CodeForm(GovForm):
    code = forms.CharField(
        max_length=40,
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )


class InviteForm(GovForm):
    """Nothing to fill in: the button sends a new invitation."""


MISMATCH = "The passwords do not match. Enter the same new password twice"
REQUIRED = {
    "old_password": "Enter your current password",
    "new_password1": "Enter a new password",
    "new_password2": "Enter the new password again",
    "email": "Enter your email address",
}


def _in_our_words(form: forms.Form) -> None:
    for name, message in REQUIRED.items():
        if name in form.fields:
            form.fields[name].error_messages["required"] = message


class NewPasswordForm(GovukMessages, SetPasswordForm):  # type: ignore[type-arg]
    error_messages = {"password_mismatch": MISMATCH}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _in_our_words(self)


class ChangePasswordForm(GovukMessages, PasswordChangeForm):
    error_messages = {
        "password_mismatch": MISMATCH,
        "password_incorrect": "Your current password is not right. Enter it again",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _in_our_words(self)


class ResetPasswordForm(GovukMessages, PasswordResetForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _in_our_words(self)
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.com"
        )
