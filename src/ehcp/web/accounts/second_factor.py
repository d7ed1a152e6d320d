"""The second factor (ADR 0021): a time-based code from an authenticator app (django-otp's
TOTP device) and 10 single-use recovery codes (its static device).

Every member of a council must use one. A member of an advocacy organisation may choose to;
once they have, their sign-in asks for it too."""

from __future__ import annotations

import base64
from importlib import import_module
from typing import Final

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ehcp.web.audit.services import record as audit
from ehcp.web.organisations.models import Organisation

RECOVERY_CODES: Final = 10
APP_NAME: Final = "Authenticator app"
RECOVERY_NAME: Final = "Recovery codes"
# In the session: the council's identity provider checked its own second factor (`oidc`).
PROVIDER_MFA: Final = "ehcp_provider_mfa"


def required_for(user: User) -> bool:
    """Whether `user` must give a second factor: every council member, and anyone who has
    set one up."""
    membership = getattr(user, "membership", None)
    if membership is not None and membership.organisation.kind == Organisation.Kind.COUNCIL:
        return True
    return user_has_device(user, confirmed=True)


def verified(request: HttpRequest) -> bool:
    """Whether this session's sign-in included a second factor: an app's or recovery code
    (django-otp keeps the device's id in the session), or the council's identity provider's
    own (`oidc`). The session is trusted without reading the device again on every request:
    removing a member's devices (`reset`) ends their sessions instead."""
    return DEVICE_ID_SESSION_KEY in request.session or PROVIDER_MFA in request.session


def given_to_provider(request: HttpRequest) -> None:
    """Record that this session's sign-in gave the identity provider's second factor."""
    request.session[PROVIDER_MFA] = True


def forget_verification(request: HttpRequest) -> None:
    """A new sign-in gives the second factor again, even in a session that had given it."""
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    request.session.pop(PROVIDER_MFA, None)


def has_app(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_app(user: User) -> TOTPDevice:
    """The authenticator app `user` is setting up: the same secret until they confirm it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret as people type it into an app: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The app's set-up address as an inline SVG QR code (drawn here: nothing is fetched)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


def confirm_app(request: HttpRequest, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm `device` with a code from the app; sign the session in with it and return new
    recovery codes (shown once), or None if the code is wrong."""
    if not device.verify_token(_digits(code)):
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = new_recovery_codes(device.user)
        audit(device.user, "change", "Set up a second factor")
    otp_login(request, device)
    return codes


def new_recovery_codes(user: User) -> list[str]:
    """Replace `user`'s recovery codes with 10 new ones and return them."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": RECOVERY_NAME, "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def check_code(request: HttpRequest, code: str) -> bool:
    """Verify the signed-in user's code from their app, or one of their recovery codes (used
    up by this); sign the session in with the device on success."""
    device = match_token(request.user, _digits(code) if _looks_numeric(code) else code.strip())
    if device is None:
        return False
    otp_login(request, device)
    return True


def reset(user: User, by: User) -> None:
    """Remove all of `user`'s second factors and sign them out everywhere: they set up a new
    one at their next sign-in."""
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=None):
            device.delete()
        audit(by, "change", f"Reset the second factor of team member {user.pk}")
    end_sessions(user)


def end_sessions(user: User) -> int:
    """Sign `user` out of every session (read from the database, which every session engine
    this app uses writes to); return how many ended. Sessions are not indexed by user, so each
    unexpired one is read: an administrator's occasional action, not a page's."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            store(session.session_key).delete()
            ended += 1
    return ended


def _digits(code: str) -> str:
    return "".join(code.split())


def _looks_numeric(code: str) -> bool:
    return _digits(code).isdigit()
