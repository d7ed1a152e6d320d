"""Every URL declares its permission, and each role gets exactly what it should."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, get_resolver, reverse

from ehcp.web.accounts.permissions import ROLE_PERMISSIONS, Perm
from ehcp.web.organisations.models import Role

# Every named URL: the permission it must declare, and whether GET shows a page.
EXPECTED = {
    "home": Perm.PUBLIC,
    "sign-in": Perm.PUBLIC,
    "sign-out": Perm.PUBLIC,
    "health": Perm.PUBLIC,
    "dashboard": Perm.VIEW_CASES,
    "case-list": Perm.VIEW_CASES,
    "new-request": Perm.EDIT_CASES,
    "case": Perm.VIEW_CASES,
    "record-event": Perm.EDIT_CASES,
    "retract-event": Perm.EDIT_CASES,
    "record-exception": Perm.EDIT_CASES,
    "export-case": Perm.VIEW_CASES,
    "export-cases": Perm.VIEW_CASES,
    "print-case": Perm.VIEW_CASES,
    "correct-details": Perm.EDIT_CASES,
    "reassign": Perm.EDIT_CASES,
    "add-carer": Perm.EDIT_CASES,
    "edit-carer": Perm.EDIT_CASES,
    "remove-carer": Perm.EDIT_CASES,
    "hand-over": Perm.ASSIGN_CASES,
    "settings-register": Perm.MANAGE_SETTINGS,
    "upload-document": Perm.EDIT_CASES,
    "document": Perm.VIEW_CASES,
    "search": Perm.VIEW_CASES,
    "advice": Perm.VIEW_CASES,
    "audit": Perm.READ_AUDIT,
    "import": Perm.IMPORT_CASES,
    "team": Perm.MANAGE_TEAM,
    "add-member": Perm.MANAGE_TEAM,
    "edit-member": Perm.MANAGE_TEAM,
    "invite-again": Perm.MANAGE_TEAM,
    "reset-second-factor": Perm.MANAGE_TEAM,
    # Passwords and the second factor: a member's own account, or an emailed link.
    "signed-out": Perm.PUBLIC,
    "password-reset": Perm.PUBLIC,
    "password-reset-done": Perm.PUBLIC,
    "password-reset-confirm": Perm.PUBLIC,
    "password-reset-complete": Perm.PUBLIC,
    "accept-invitation": Perm.PUBLIC,
    "oidc-sign-in": Perm.PUBLIC,
    "oidc-callback": Perm.PUBLIC,
    "account": Perm.VIEW_CASES,
    "password-change": Perm.VIEW_CASES,
    "password-change-done": Perm.VIEW_CASES,
    "second-factor": Perm.VIEW_CASES,
    "set-up-second-factor": Perm.VIEW_CASES,
    "new-recovery-codes": Perm.VIEW_CASES,
    # The advocate's workspace (MPs' offices and SENDIASS).
    "advocacy-dashboard": Perm.VIEW_CASES,
    "advocacy-figures": Perm.VIEW_CASES,
    "advocacy-case": Perm.VIEW_CASES,
    "advocacy-summary": Perm.VIEW_CASES,
    "advocacy-council": Perm.EDIT_CASES,
    "advocacy-consent": Perm.EDIT_CASES,
    "advocacy-withdraw-consent": Perm.EDIT_CASES,
    "advocacy-letter": Perm.EDIT_CASES,
    "advocacy-letter-pdf": Perm.EDIT_CASES,
    "advocacy-reply": Perm.EDIT_CASES,
    "advocacy-close": Perm.EDIT_CASES,
    "advocacy-retention": Perm.MANAGE_RECORDS,
    "advocacy-delete": Perm.MANAGE_RECORDS,
    # DfE's published statistics: deliberately public, and they never show case data.
    "statistics": Perm.PUBLIC,
    "statistics-council": Perm.PUBLIC,
    "statistics-england": Perm.PUBLIC,
    "statistics-region": Perm.PUBLIC,
    "statistics-indicators": Perm.PUBLIC,
    "statistics-indicator": Perm.PUBLIC,
    "statistics-league": Perm.PUBLIC,
    # Check your child's EHC dates: deliberately public, and it keeps nothing.
    "case-letters": Perm.VIEW_CASES,
    "case-letter": Perm.EDIT_CASES,
    "check": Perm.PUBLIC,
    "check-question": Perm.PUBLIC,
    "check-calendar": Perm.PUBLIC,
    "check-answers": Perm.PUBLIC,
    "check-load": Perm.PUBLIC,
    "check-letter": Perm.PUBLIC,
    # Calendar feeds and planning. The feed is opened by its secret address alone, for
    # calendar apps that cannot sign in (tests/web/reminders).
    "calendar-subscription": Perm.VIEW_CASES,
    "calendar-revoke": Perm.VIEW_CASES,
    "calendar-feed": Perm.PUBLIC,
    "case-calendar": Perm.VIEW_CASES,
    "review-planning": Perm.VIEW_CASES,
    "review-letters": Perm.EDIT_CASES,
    "transfer-planning": Perm.VIEW_CASES,
    # A background job's page: the job itself says which role may see it (tests/web/jobs).
    "job": Perm.VIEW_CASES,
    "retry-job": Perm.VIEW_CASES,
    "job-download": Perm.VIEW_CASES,
}
# Answers only a live secret address: any other is "Page not found" (tests/web/reminders).
FEED = {"calendar-feed"}
CHECKER_POST_ONLY = {"check-calendar", "check-answers", "check-load", "check-letter"}
POST_ONLY = {
    "sign-out",
    "retract-event",
    "remove-carer",
    "invite-again",
    "reset-second-factor",
    "new-recovery-codes",
    "calendar-revoke",
    "review-letters",
    "retry-job",
    *CHECKER_POST_ONLY,
}
# A job that has written no file has nothing to download.
NOTHING_TO_DOWNLOAD = {"job-download"}
# Pages that send a member who may open them on elsewhere: the second step of signing in,
# once the session has given its second factor.
REDIRECTS = {"second-factor"}
EMAILED_LINK = {"uidb64": "MQ", "token": "set-password"}
# Single sign-on answers "Page not found" unless it is configured (tests/web/accounts).
OFF_BY_DEFAULT = {"oidc-sign-in", "oidc-callback"}
PUBLIC_PAGES = {name for name, perm in EXPECTED.items() if perm is Perm.PUBLIC} - {"sign-out"}
STATISTICS_KWARGS = {
    "statistics-council": {"code": "801"},
    "statistics-region": {"name": "north-west"},
    "statistics-indicator": {"indicator_id": "caseload"},
    "statistics-league": {"indicator_id": "caseload", "year": 2024},
    "case-letter": {"kind": "C1", "format_": "pdf"},
    "advocacy-withdraw-consent": {"consent_id": 1},
    "advocacy-reply": {"letter_id": 1},
    "advocacy-letter-pdf": {"kind": "F12"},
    "accept-invitation": EMAILED_LINK,
    "password-reset-confirm": EMAILED_LINK,
    "calendar-feed": {"token": "not-a-live-address"},
}
# The advocate's pages, for a council's member whose role allows them: "Page not found"
# (tests/web/advocacy opens them as an advocacy organisation's members).
ADVOCACY = {name for name in EXPECTED if name.startswith("advocacy-")}


@pytest.fixture(autouse=True)
def _no_statistics_store(settings, tmp_path):
    """The statistics pages answer "not imported yet" here; tests/web/statistics imports."""
    settings.STATS_STORE = tmp_path / "absent.duckdb"


def all_patterns(resolver=None):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLPattern):
            yield entry
        else:
            yield from all_patterns(entry)


def test_every_view_declares_a_permission():
    missing = [
        str(p.pattern) for p in all_patterns() if not hasattr(p.callback, "ehcp_permission")
    ]
    assert missing == []


def test_every_url_is_in_the_permission_table():
    declared = {p.name: p.callback.ehcp_permission for p in all_patterns()}
    assert declared == EXPECTED


def url_for(name, case, member_id, token):
    kwargs = dict(STATISTICS_KWARGS.get(name, {}))
    if "reference" in str(_pattern(name).pattern):
        kwargs["reference"] = case.reference
    if name == "retract-event":
        kwargs["event_id"] = case.events.first().pk
    if name in ("edit-member", "invite-again", "reset-second-factor"):
        kwargs["member_id"] = member_id
    if name == "document":
        kwargs["token"] = token
    if name in ("edit-carer", "remove-carer"):
        kwargs["carer_id"] = case.child.carers.get_or_create(name="Sam Carer")[0].pk
    if name in ("job", "retry-job", "job-download"):
        kwargs["job_id"] = _job(case.organisation).pk
    return reverse(name, kwargs=kwargs)


def _job(organisation):
    from ehcp.web.jobs.models import Job

    return Job.objects.get_or_create(
        organisation=organisation, kind="import", defaults={"title": "Import cases"}
    )[0]


def _pattern(name):
    return next(p for p in all_patterns() if p.name == name)


@pytest.fixture
def document(case, caseworker):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ehcp.web.cases.services import store_document

    upload = SimpleUploadedFile("report.txt", b"advice", content_type="text/plain")
    return store_document(case, caseworker, "EP report", upload)


@pytest.mark.parametrize("name", sorted(set(EXPECTED) - PUBLIC_PAGES))
def test_signed_out_visitors_are_sent_to_sign_in(client, case, document, name):
    url = url_for(name, case, 1, document.token)
    response = client.post(url) if name in POST_ONLY else client.get(url)
    if name == "sign-out":
        assert response.status_code == 302
        return
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


# Who may open (GET) or submit (POST) each casework page, written out so that a change to
# the roles' permissions fails here rather than being read back from the code under test.
# R = read only, C = caseworker, M = manager, A = administrator.
R, C, M, A = "read_only", "caseworker", "manager", "administrator"
ROLE_PAGES = {
    "dashboard": {R, C, M, A},
    "case-list": {R, C, M, A},
    "case": {R, C, M, A},
    "export-case": {R, C, M, A},
    "export-cases": {R, C, M, A},
    "print-case": {R, C, M, A},
    "correct-details": {C, M, A},
    "reassign": {C, M, A},
    "add-carer": {C, M, A},
    "edit-carer": {C, M, A},
    "remove-carer": {C, M, A},
    "hand-over": {M, A},
    "settings-register": {A},
    "case-letters": {R, C, M, A},
    "case-letter": {C, M, A},
    "document": {R, C, M, A},
    "search": {R, C, M, A},
    "advice": {R, C, M, A},
    "new-request": {C, M, A},
    "record-event": {C, M, A},
    "retract-event": {C, M, A},
    "record-exception": {C, M, A},
    "upload-document": {C, M, A},
    "audit": {M, A},
    "import": {M, A},
    "team": {A},
    "add-member": {A},
    "edit-member": {A},
    "invite-again": {A},
    "reset-second-factor": {A},
    "account": {R, C, M, A},
    "password-change": {R, C, M, A},
    "password-change-done": {R, C, M, A},
    "second-factor": {R, C, M, A},
    "set-up-second-factor": {R, C, M, A},
    "new-recovery-codes": {R, C, M, A},
    "advocacy-dashboard": {R, C, M, A},
    "advocacy-figures": {R, C, M, A},
    "advocacy-case": {R, C, M, A},
    "advocacy-summary": {R, C, M, A},
    "advocacy-council": {C, M, A},
    "advocacy-consent": {C, M, A},
    "advocacy-withdraw-consent": {C, M, A},
    "advocacy-letter": {C, M, A},
    "advocacy-letter-pdf": {C, M, A},
    "advocacy-reply": {C, M, A},
    "advocacy-close": {C, M, A},
    "advocacy-retention": {M, A},
    "advocacy-delete": {M, A},
    "calendar-subscription": {R, C, M, A},
    "calendar-revoke": {R, C, M, A},
    "case-calendar": {R, C, M, A},
    "review-planning": {R, C, M, A},
    "review-letters": {C, M, A},
    "transfer-planning": {R, C, M, A},
    "job": {R, C, M, A},
    "retry-job": {R, C, M, A},
    "job-download": {R, C, M, A},
}
# Pages that take a form: a POST from a role the page refuses must be refused the same way
# (an empty form, so an allowed POST shows its errors or does nothing harmful).
POST_PAGES = {
    "new-request",
    "correct-details",
    "reassign",
    "add-carer",
    "edit-carer",
    "remove-carer",
    "hand-over",
    "settings-register",
    "record-event",
    "retract-event",
    "record-exception",
    "upload-document",
    "import",
    "add-member",
    "edit-member",
    "invite-again",
    "reset-second-factor",
    "new-recovery-codes",
    "advocacy-council",
    "advocacy-consent",
    "advocacy-withdraw-consent",
    "advocacy-letter",
    "advocacy-reply",
    "advocacy-close",
    "advocacy-delete",
    "calendar-subscription",
    "calendar-revoke",
    "review-letters",
    "retry-job",
}


def test_the_role_table_covers_every_page_that_needs_a_role():
    assert set(ROLE_PAGES) == {name for name, perm in EXPECTED.items() if perm is not Perm.PUBLIC}
    assert set(ROLE_PERMISSIONS) == {R, C, M, A}


@pytest.mark.parametrize("role", [R, C, M, A])
@pytest.mark.parametrize("name", sorted(set(ROLE_PAGES) - POST_ONLY))
def test_each_role_opens_exactly_its_pages(client, members, case, document, role, name):
    member = members[Role.ADMINISTRATOR].membership.pk
    client.force_login(members[role])
    response = client.get(url_for(name, case, member, document.token))
    not_found = ADVOCACY | NOTHING_TO_DOWNLOAD
    allowed_code = 404 if name in not_found else 302 if name in REDIRECTS else 200
    assert response.status_code == (allowed_code if role in ROLE_PAGES[name] else 403)


@pytest.mark.parametrize("role", [R, C, M, A])
@pytest.mark.parametrize("name", sorted(POST_PAGES))
def test_each_role_submits_exactly_its_forms(client, members, case, document, role, name):
    member = members[Role.ADMINISTRATOR].membership.pk
    client.force_login(members[role])
    response = client.post(url_for(name, case, member, document.token), {})
    if role in ROLE_PAGES[name]:
        assert response.status_code in ((404,) if name in ADVOCACY else (200, 302, 400))
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("name", sorted(PUBLIC_PAGES - POST_ONLY - OFF_BY_DEFAULT - FEED))
def test_public_pages_open_for_every_role(client, members, case, document, name):
    for role in (R, C, M, A):
        client.force_login(members[role])
        assert client.get(url_for(name, case, 1, document.token)).status_code in (200, 302)


@pytest.mark.parametrize("name", sorted(CHECKER_POST_ONLY))
def test_the_checkers_downloads_answer_a_post_from_anyone(client, name):
    url = reverse(name, kwargs=STATISTICS_KWARGS.get(name))
    assert client.get(url).status_code == 405
    assert client.post(url, {}).status_code in (200, 400)


def test_a_user_without_an_organisation_sees_nothing(client, django_user_model, case):
    stray = django_user_model.objects.create_user("stray@example.com", password="x" * 12)
    client.force_login(stray)
    assert client.get(reverse("dashboard")).status_code == 403
    assert client.get(reverse("case", args=[case.reference])).status_code == 403
