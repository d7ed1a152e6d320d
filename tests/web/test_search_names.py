"""Search by name keys and the table of names (ADR 0031): the keys follow the child's names
through every way they are written, names no case has are forgotten, and the ranking and
pages are what the search page promises."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from ehcp.web.audit.models import AuditEntry
from ehcp.web.cases import corrections, names, queries, services
from ehcp.web.cases.background import refresh_cases
from ehcp.web.cases.models import Case, SearchName
from ehcp.web.jobs.progress import unwatched

from .conftest import TODAY, make_member

BORN = date(2015, 5, 1)  # Friday 1 May 2015


def named(council, user, first, last, born=BORN):
    new = services.NewRequest(first, last, born, date(2026, 6, 1))  # Monday 1 June 2026
    return services.open_request(council, user, new, TODAY)


def names_of(organisation):
    return set(SearchName.objects.filter(organisation=organisation).values_list("name", flat=True))


def test_a_name_key_is_upper_case_with_single_spaces():
    assert names.name_key("  Mary   jane ") == "MARY JANE"
    assert names.name_key("o'brien-smith") == "O'BRIEN-SMITH"
    assert names.name_key("Zoë") == "ZOË"


def test_a_new_case_has_its_childs_name_keys_and_its_names_are_kept(council, caseworker):
    case = named(council, caseworker, "Robin", "de la Cruz")
    assert (case.first_name_key, case.last_name_key) == ("ROBIN", "DE LA CRUZ")
    assert names_of(council) == {"ROBIN", "DE LA CRUZ"}


def test_a_name_two_children_share_is_kept_once(council, caseworker):
    named(council, caseworker, "Robin", "Specimen")
    named(council, caseworker, "Kit", "Specimen")
    assert SearchName.objects.filter(organisation=council, name="SPECIMEN").count() == 1


def test_a_corrected_name_moves_the_keys_and_forgets_the_old_name(council, caseworker):
    case = named(council, caseworker, "Robin", "Specimen")
    child = case.child
    new = corrections.ChildDetails("Ezra", "Specimen", child.date_of_birth, child.upn)
    corrections.correct_details(case, caseworker, new, TODAY)
    case.refresh_from_db()
    assert case.first_name_key == "EZRA"
    assert names_of(council) == {"EZRA", "SPECIMEN"}
    assert list(queries.search(council, "Ezra Specimen")) == [case]
    assert list(queries.search(council, "Robin")) == []


def test_a_corrected_name_another_child_still_has_is_kept(council, caseworker):
    case = named(council, caseworker, "Robin", "Specimen")
    other = named(council, caseworker, "Robin", "Fakeley")
    child = case.child
    new = corrections.ChildDetails("Kit", "Specimen", child.date_of_birth, child.upn)
    corrections.correct_details(case, caseworker, new, TODAY)
    assert "ROBIN" in names_of(council)
    assert list(queries.search(council, "Robin")) == [other]


def test_the_nightly_refresh_forgets_names_no_case_has(council, caseworker):
    named(council, caseworker, "Robin", "Specimen")
    SearchName.objects.create(organisation=council, name="LEFTOVER")
    refresh_cases(None, unwatched, TODAY.isoformat())
    assert names_of(council) == {"ROBIN", "SPECIMEN"}


def test_the_nightly_refresh_puts_back_a_name_a_case_has(council, caseworker):
    named(council, caseworker, "Robin", "Specimen")
    SearchName.objects.filter(name="ROBIN").delete()  # as a correction racing a new request
    assert list(queries.search(council, "Robi")) == []
    refresh_cases(None, unwatched, TODAY.isoformat())
    assert names_of(council) == {"ROBIN", "SPECIMEN"}
    assert len(list(queries.search(council, "Robi"))) == 1


def test_names_are_kept_for_each_organisation_apart(council, other_council, caseworker):
    named(council, caseworker, "Robin", "Specimen")
    assert names_of(other_council) == set()
    assert list(queries.search(other_council, "Robin")) == []


# Ranking (the same on both databases, ADR 0031)


def test_a_surname_with_a_first_name_like_the_word_comes_before_the_rest_of_it(
    council, caseworker
):
    jesse = named(council, caseworker, "Jesse", "Demoson")
    alex = named(council, caseworker, "Alex", "Demoson")
    jesse_mae = named(council, caseworker, "Jesse-Mae", "Demoson")
    other_jesse = named(council, caseworker, "Jesse", "Fakeley")
    jesse_ann_fakeley = named(council, caseworker, "Jesseann", "Fakeleys")
    found = list(queries.search(council, "Jesse Demoson"))
    assert found == [jesse, jesse_mae, alex, other_jesse, jesse_ann_fakeley]


def test_a_first_name_with_a_surname_like_the_word_comes_before_the_rest_of_it(
    council, caseworker
):
    first_only = named(council, caseworker, "Robin", "Fakeley")
    close = named(council, caseworker, "Robin", "Specimens")
    assert list(queries.search(council, "Robin Specimen")) == [close, first_only]


def test_within_a_tier_cases_go_by_surname_then_first_name(council, caseworker):
    b = named(council, caseworker, "Alex", "Beta")
    a2 = named(council, caseworker, "Kit", "Alpha")
    a1 = named(council, caseworker, "Alex", "Alpha")
    assert list(queries.search(council, "Alex Kit")) == [a1, a2, b]


def test_a_name_of_one_letter_matches_only_exactly(council, caseworker):
    jo = named(council, caseworker, "J", "Specimen")
    named(council, caseworker, "Jo", "Fakeley")
    assert list(queries.search(council, "J")) == [jo]


def test_a_multi_word_first_name_is_found_in_full(council, caseworker):
    mary_jane = named(council, caseworker, "Mary Jane", "Specimen")
    mary = named(council, caseworker, "Mary", "Specimen")
    assert list(queries.search(council, "mary jane specimen"))[0] == mary_jane
    assert mary in queries.search(council, "mary jane specimen")


@pytest.mark.postgres
def test_on_postgres_both_names_misspelt_come_before_one(council, caseworker):
    if connection.vendor != "postgresql":
        pytest.skip("trigram similarity is PostgreSQL's (pg_trgm)")
    jesse = named(council, caseworker, "Jesse", "Demoson")
    alex = named(council, caseworker, "Alex", "Demoson")
    assert list(queries.search(council, "Jessie Demosen")) == [jesse, alex]


# Pages and the count


@pytest.fixture
def thirty(council, caseworker):
    return [
        named(council, caseworker, f"Kit{chr(65 + n // 26)}{chr(65 + n % 26)}", "Specimen")
        for n in range(30)
    ]


def test_a_page_and_its_count_come_together(council, thirty):
    cases, number, total = queries.search_page(council, "Specimen", None)
    assert (number, total, len(cases)) == (1, 30, 25)
    assert cases == list(queries.search(council, "Specimen"))[:25]
    cases, number, total = queries.search_page(council, "Specimen", "2")
    assert (number, total) == (2, 30)
    assert cases == list(queries.search(council, "Specimen"))[25:]


@pytest.mark.parametrize("asked", ["3", "99", "999999999999999999999"])
def test_a_page_past_the_last_gives_the_last(council, thirty, asked):
    cases, number, total = queries.search_page(council, "Specimen", asked)
    assert (number, total, len(cases)) == (2, 30, 5)


@pytest.mark.parametrize("asked", ["0", "-1", "two", "", None, "1.5"])
def test_a_page_that_is_not_a_number_gives_the_first(council, thirty, asked):
    cases, number, total = queries.search_page(council, "Specimen", asked)
    assert (number, total, len(cases)) == (1, 30, 25)


def test_nothing_found_is_page_one_of_none(council, thirty):
    assert queries.search_page(council, "Nobody", "4") == ([], 1, 0)


def test_the_search_page_shows_the_second_page_and_the_true_total(signed_in, thirty):
    page = signed_in.get(reverse("search"), {"q": "Specimen", "page": 2}).content.decode()
    assert "30 cases found" in page
    last = sorted(thirty, key=lambda c: (c.first_name_key, c.reference))[-1]
    assert last.reference in page


def test_a_case_written_without_keys_is_not_found_by_name(council, caseworker):
    case = named(council, caseworker, "Robin", "Specimen")
    Case.objects.filter(pk=case.pk).update(first_name_key="", last_name_key="")
    assert list(queries.search(council, "Robin Specimen")) == []
    assert list(queries.search(council, case.reference)) == [case]


@pytest.mark.parametrize(
    "text",
    ["Jesse Demoson", "Demoson Jesse", "jesse", "Jesse Jesse", "Mary Jane Specimen", "je", "J"],
)
def test_the_count_of_a_name_search_is_the_number_of_cases_it_finds(council, caseworker, text):
    for first, last in [
        ("Jesse", "Demoson"),
        ("Demoson", "Jesse"),
        ("Jesse", "Jesse"),
        ("Alex", "Demoson"),
        ("Mary Jane", "Specimen"),
        ("J", "Fakeley"),
        ("Jesse-Mae", "Specimen"),
    ]:
        named(council, caseworker, first, last)
    cases, _, total = queries.search_page(council, text, None)
    found = list(queries.search(council, text))
    assert total == len(found) == queries.search(council, text).count()
    assert cases == found[:25]


# The results are kept for each version of the caseload, as the case list is


def test_a_search_shows_a_correction_made_since_it_was_last_run(
    signed_in, council, caseworker, django_capture_on_commit_callbacks
):
    case = named(council, caseworker, "Robin", "Specimen")
    assert case.reference in signed_in.get(reverse("search"), {"q": "Robin"}).content.decode()
    child = case.child
    new = corrections.ChildDetails("Ezra", "Specimen", child.date_of_birth, child.upn)
    with django_capture_on_commit_callbacks(execute=True):
        corrections.correct_details(case, caseworker, new, TODAY)
    again = signed_in.get(reverse("search"), {"q": "Robin"}).content.decode()
    assert "0 cases found" in again
    assert case.reference in signed_in.get(reverse("search"), {"q": "Ezra"}).content.decode()


def test_a_case_opened_since_a_search_was_run_is_found(
    signed_in, council, caseworker, django_capture_on_commit_callbacks
):
    first = named(council, caseworker, "Robin", "Specimen")
    signed_in.get(reverse("search"), {"q": "Specimen"})
    with django_capture_on_commit_callbacks(execute=True):
        second = named(council, caseworker, "Kit", "Specimen")
    page = signed_in.get(reverse("search"), {"q": "Specimen"}).content.decode()
    assert "2 cases found" in page
    assert first.reference in page
    assert second.reference in page


def test_every_search_is_audited_even_when_its_results_were_kept(signed_in, council, caseworker):
    named(council, caseworker, "Robin", "Specimen")
    for _ in range(2):
        signed_in.get(reverse("search"), {"q": "Robin"})
    assert AuditEntry.objects.filter(action="search", what="Search (1 results)").count() == 2


def test_kept_results_hold_nothing_of_the_member_who_searched_first(
    client, council, caseworker, signed_in
):
    named(council, caseworker, "Robin", "Specimen")
    first = signed_in.get(reverse("search"), {"q": "Robin"})
    colleague = make_member(council, "manager", "colleague@example.org")
    client.force_login(colleague)
    second = client.get(reverse("search"), {"q": "Robin"})
    results = second.context["results"]
    assert results == first.context["results"]
    assert caseworker.email not in results
    assert "csrf" not in results


# Found in review


def test_exact_names_typed_come_before_names_like_them(council, caseworker):
    ann = named(council, caseworker, "Ann", "Smith")
    anna = named(council, caseworker, "Anna", "Smith")
    maryam = named(council, caseworker, "Maryam", "Smith")
    mary = named(council, caseworker, "Mary", "Smith")
    assert list(queries.search(council, "Mary Ann Smith")) == [ann, mary, anna, maryam]


def test_on_sqlite_a_search_opens_no_transaction(council, caseworker):
    """A transaction on SQLite takes the write lock (`IMMEDIATE`), so a search would wait
    for an import to finish, and fail after 20 s."""
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's transaction sets the planning mode and takes no lock")
    named(council, caseworker, "Robin", "Specimen")
    before = list(connection.savepoint_ids)
    with queries.custom_plans():
        assert connection.savepoint_ids == before
        assert queries.search_page(council, "Robin", None)[2] == 1


@pytest.mark.postgres
def test_a_fragment_matching_more_names_than_a_query_has_parameters(council, caseworker):
    named(council, caseworker, "Robin", "Specimen")
    SearchName.objects.bulk_create(
        SearchName(organisation=council, name=f"AN{n:05d}") for n in range(12_000)
    )
    assert queries.search_page(council, "an", None)[2] == 0
    assert queries.search_page(council, "ro", None)[2] == 1


@pytest.mark.parametrize("page", ["9" * 5000, "01", "0" * 40, "１"])
def test_any_page_number_gives_a_page(signed_in, council, caseworker, page):
    named(council, caseworker, "Robin", "Specimen")
    response = signed_in.get(reverse("search"), {"q": "Robin", "page": page})
    assert response.status_code == 200
    assert "1 case found" in response.content.decode()


def test_pages_asked_for_in_different_ways_share_their_kept_results(
    signed_in, council, caseworker
):
    named(council, caseworker, "Robin", "Specimen")
    first = signed_in.get(reverse("search"), {"q": "Robin", "page": "1"}).context["results"]
    with_zero = signed_in.get(reverse("search"), {"q": "Robin", "page": "01"}).context["results"]
    assert first == with_zero
    assert queries.page_number("01") == queries.page_number("1") == queries.page_number("x") == 1


def test_the_nightly_refresh_gives_the_caseload_a_new_version_when_names_change(
    council, caseworker
):
    from ehcp.web.caching import caseload_version

    named(council, caseworker, "Robin", "Specimen")
    refresh_cases(None, unwatched, TODAY.isoformat())
    before = caseload_version(council)
    refresh_cases(None, unwatched, TODAY.isoformat())
    assert caseload_version(council) == before  # nothing changed
    SearchName.objects.filter(name="ROBIN").delete()
    refresh_cases(None, unwatched, TODAY.isoformat())
    assert caseload_version(council) != before
