"""Invitations: a new member gets an email with a link to set their own password. The link
is Django's password-reset token under its own salt, so it expires with
`PASSWORD_RESET_TIMEOUT` and stops working once a password is set (the token covers the
password), and a reset link is never an invitation link or the other way round."""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ehcp.web.accounts.services import TeamError


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "ehcp.web.accounts.invitations.InvitationTokenGenerator"


invitation_tokens = InvitationTokenGenerator()


def invitation_link(request: HttpRequest, user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("accept-invitation", args=[uid, invitation_tokens.make_token(user)])
    return request.build_absolute_uri(path)


NOT_SENT = "The invitation could not be sent. Check the email address is right, or try again later"


def send_invitation(request: HttpRequest, user: User, by: User) -> None:
    """Email `user` their invitation link (no password is ever sent or shown). Raise
    `TeamError` if the email server refuses it or cannot be reached."""
    context = {
        "user": user,
        "by": by,
        "organisation": user.membership.organisation,
        "link": invitation_link(request, user),
        "days": settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60),
    }
    try:
        send_mail(
            subject=f"You have been invited to {user.membership.organisation.name} on Open EHCP",
            message=render_to_string("accounts/email/invitation.txt", context),
            from_email=None,
            recipient_list=[user.email],
        )
    except (smtplib.SMTPException, OSError) as error:
        raise TeamError("email", NOT_SENT) from error
