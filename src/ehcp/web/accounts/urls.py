"""Signing in and out, passwords, the second factor, invitations and the team pages."""

from django.urls import path

from ehcp.web.accounts import oidc
from ehcp.web.accounts.views import passwords, second_factor, sign_in, team

urlpatterns = [
    path("sign-in/", sign_in.sign_in, name="sign-in"),
    path("sign-in/code/", second_factor.verify, name="second-factor"),
    path("sign-in/council/", oidc.sign_in, name="oidc-sign-in"),
    path("sign-in/council/callback/", oidc.callback, name="oidc-callback"),
    path("sign-out/", sign_in.sign_out, name="sign-out"),
    path("signed-out/", sign_in.signed_out, name="signed-out"),
    path("account/", second_factor.account, name="account"),
    path("account/second-factor/", second_factor.set_up, name="set-up-second-factor"),
    path("account/recovery-codes/", second_factor.new_recovery_codes, name="new-recovery-codes"),
    path("account/password/", passwords.change_password, name="password-change"),
    path("account/password/changed/", passwords.password_changed, name="password-change-done"),
    path("password-reset/", passwords.reset_password, name="password-reset"),
    path("password-reset/sent/", passwords.reset_sent, name="password-reset-done"),
    path(
        "password-reset/<uidb64>/<token>/",
        passwords.set_new_password,
        name="password-reset-confirm",
    ),
    path("password-reset/done/", passwords.password_reset, name="password-reset-complete"),
    path("invitation/<uidb64>/<token>/", passwords.accept_invitation, name="accept-invitation"),
    path("team/", team.team, name="team"),
    path("team/new/", team.add_member, name="add-member"),
    path("team/<int:member_id>/", team.edit_member, name="edit-member"),
    path("team/<int:member_id>/invite/", team.invite_again, name="invite-again"),
    path(
        "team/<int:member_id>/second-factor/",
        team.reset_second_factor,
        name="reset-second-factor",
    ),
]
