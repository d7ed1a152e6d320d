"""Helpers for the accounts tests: codes from an authenticator app, and emailed links."""

from __future__ import annotations

import re
from typing import Any

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..conftest import PASSWORD


def app_code(device: TOTPDevice) -> str:
    """The code the member's authenticator app shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def give_app(user: Any) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def emailed_link(message: Any) -> str:
    """The path of the one link in an email."""
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def sign_in(client: Any, user: Any, password: str = PASSWORD) -> Any:
    return client.post("/sign-in/", {"email": user.email, "password": password})
