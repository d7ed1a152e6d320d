"""An administrator invites a colleague, who follows the emailed link, chooses a password,
sets up an authenticator app and lands signed in; every page on the way passes axe."""

from __future__ import annotations

import base64

import pytest
from django_otp.oath import totp

from ehcp.web.organisations.models import Organisation

from ..accounts.conftest import app_code, emailed_link, give_app
from ..conftest import PASSWORD, make_member
from .conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("real_second_factor")]

NEW_PASSWORD = "a-long-new-password-2026"  # noqa: S105


def code_for(secret_text: str) -> str:
    return f"{totp(base64.b32decode(secret_text.replace(' ', ''))):06d}"


def test_an_invited_colleague_sets_a_password_and_a_second_factor(
    page, transactional_db, mailoutbox
):
    council = Organisation.objects.create(name="Browser Council", kind="council", la_code="905")
    admin = make_member(council, "administrator", "admin@browser.example")
    admin_app = give_app(admin)
    problems = {}

    page.goto("/sign-in/")
    page.get_by_label("Email address").fill(admin.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/sign-in/code/**")
    problems["code"] = run_axe(page)
    page.get_by_label("Enter the code from your authenticator app").fill(app_code(admin_app))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/dashboard/")

    page.goto("/team/")
    page.get_by_role("link", name="Add a team member").click()
    page.get_by_label("Email address").fill("robin.new@browser.example")
    page.get_by_label("First name").fill("Robin")
    page.get_by_label("Last name").fill("New")
    page.get_by_label("Role").select_option("caseworker")
    page.get_by_role("button", name="Send invitation").click()
    page.wait_for_url("**/team/")
    assert "We have sent an invitation to robin.new@browser.example" in page.content()
    problems["team"] = run_axe(page)
    page.get_by_role("button", name="Sign out").click()

    (message,) = mailoutbox
    assert message.to == ["robin.new@browser.example"]
    page.goto(emailed_link(message))
    page.get_by_role("heading", name="Choose a password").wait_for()
    problems["choose a password"] = run_axe(page)
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm new password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save password and continue").click()

    page.wait_for_url("**/account/second-factor/**")
    assert page.locator("svg").count() >= 1
    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator("#secret-key").inner_text()
    problems["set up"] = run_axe(page)
    page.get_by_label("Code from the app").fill(code_for(secret))
    page.get_by_role("button", name="Continue").click()

    page.get_by_role("heading", name="Your recovery codes").wait_for()
    assert page.locator("#recovery-codes li").count() == 10
    problems["recovery codes"] = run_axe(page)
    page.get_by_role("link", name="I have kept my codes – continue").click()

    page.wait_for_url("**/dashboard/")
    assert "Signed in as robin.new@browser.example (caseworker)" in page.content()
    page.goto("/account/")
    problems["account"] = run_axe(page)
    assert problems == {key: [] for key in problems}


def test_the_password_and_sign_out_pages_pass_axe(page, transactional_db):
    problems = {}
    for path in ("/signed-out/", "/password-reset/", "/sign-in/?single-sign-on=failed"):
        page.goto(path)
        problems[path] = run_axe(page)
    page.goto("/password-reset/")
    page.get_by_role("button", name="Send the link").click()
    page.get_by_text("Enter your email address").first.wait_for()
    problems["reset with an error"] = run_axe(page)
    page.goto("/invitation/MQ/not-a-token/")
    page.get_by_role("heading", name="This invitation does not work").wait_for()
    problems["a link that does not work"] = run_axe(page)
    assert problems == {key: [] for key in problems}
