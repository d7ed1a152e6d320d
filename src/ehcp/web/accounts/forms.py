"""Sign-in and team forms, with GOV.UK error messages."""

from __future__ import annotations

from django import forms

from ehcp.web.organisations.models import Role


class MemberForm(forms.Form):
    email = forms.EmailField(error_messages={"required": "Enter an email address"})
    first_name = forms.CharField(max_length=100)
    last_name = forms.CharField(max_length=100)
    role = forms.ChoiceField(choices=Role.choices)


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)
    active = forms.BooleanField(required=False)


class SignInForm(forms.Form):
    email = forms.CharField(max_length=200, error_messages={"required": "Enter your email"})
    password = forms.CharField(
        widget=forms.PasswordInput, error_messages={"required": "Enter your password"}
    )
