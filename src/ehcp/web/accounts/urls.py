"""Signing in and out, and the team pages."""

from django.urls import path

from ehcp.web.accounts.views import sign_in, team

urlpatterns = [
    path("sign-in/", sign_in.sign_in, name="sign-in"),
    path("sign-out/", sign_in.sign_out, name="sign-out"),
    path("team/", team.team, name="team"),
    path("team/new/", team.add_member, name="add-member"),
    path("team/<int:member_id>/", team.edit_member, name="edit-member"),
]
