"""The dashboard's and case list's content is cached for each version of an organisation's
caseload; every committed change gives the caseload a new version, in the database, so every
server process sees it at once."""

from __future__ import annotations

import re
from datetime import date

from django.urls import reverse

from ehcp.web import caching
from ehcp.web.cases import services
from ehcp.web.organisations.models import CaseloadVersion

from .conftest import TODAY, make_member, open_case


def counts(client, **query):
    """The whole team's counts (a caseworker's dashboard shows only their own by default)."""
    page = client.get(reverse("dashboard"), {"view": "team", **query}).content.decode()
    found = re.findall(r'data-testid="count-(\w+)"><span class="app-card__number">(\d+)', page)
    total = re.search(r">(\d+) cases in all</a>", page)
    assert total is not None
    return {name: int(number) for name, number in found} | {"total": int(total[1])}


def main(response):
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def references(client, **query):
    page = client.get(reverse("case-list"), query).content.decode()
    return set(re.findall(r'href="/cases/([^/"]+)/"', page)) - {"new"}


def test_a_committed_change_shows_at_once(
    signed_in, council, caseworker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = open_case(council, caseworker)
    assert counts(signed_in)["total"] == 1
    assert references(signed_in) == {case.reference}
    before = caching.caseload_version(council)
    with django_capture_on_commit_callbacks(execute=True):
        second = open_case(council, caseworker, received=date(2026, 10, 20))
        new = services.NewEvent(date(2026, 6, 10), "advice_requested", "health")
        services.record_event(case, caseworker, new, TODAY)
    assert caching.caseload_version(council) != before
    assert counts(signed_in)["total"] == 2
    assert references(signed_in) == {case.reference, second.reference}


def test_the_version_changes_only_once_the_change_is_committed(
    council, caseworker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        open_case(council, caseworker)
    assert not CaseloadVersion.objects.filter(pk=council.pk).exists()
    for callback in callbacks:
        callback()
    assert CaseloadVersion.objects.filter(pk=council.pk).exists()


def test_nothing_is_counted_again_while_nothing_changes(
    signed_in, council, caseworker, django_assert_max_num_queries
):
    open_case(council, caseworker)
    first = main(signed_in.get(reverse("dashboard")))
    signed_in.get(reverse("case-list"))
    # The session, the user with their membership and organisation, the caseload version,
    # and the audit entry for the look (ADR 0028).
    with django_assert_max_num_queries(4):
        assert main(signed_in.get(reverse("dashboard"))) == first
    with django_assert_max_num_queries(4):
        signed_in.get(reverse("case-list"))


def test_each_organisation_and_query_has_its_own_content(
    signed_in, council, other_council, caseworker, django_capture_on_commit_callbacks
):
    other = make_member(other_council, "caseworker")
    with django_capture_on_commit_callbacks(execute=True):
        soon = open_case(council, caseworker, received=date(2026, 10, 20))
        late = open_case(council, caseworker, received=date(2026, 6, 1))
        elsewhere = open_case(other_council, other)
    assert counts(signed_in)["total"] == 2
    assert references(signed_in) == {soon.reference, late.reference}
    assert references(signed_in, due="overdue") == {late.reference}
    signed_in.force_login(other)
    assert counts(signed_in)["total"] == 1
    assert references(signed_in) == {elsewhere.reference}


def test_a_new_team_member_is_in_the_caseworker_filter_at_once(
    client, council, django_capture_on_commit_callbacks
):
    admin = make_member(council, "administrator")
    client.force_login(admin)
    assert "Newly Added" not in client.get(reverse("case-list")).content.decode()
    data = {
        "email": "new@example.org",
        "first_name": "Newly",
        "last_name": "Added",
        "role": "caseworker",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("add-member"), data).status_code == 302
    assert "Newly Added" in client.get(reverse("case-list")).content.decode()
