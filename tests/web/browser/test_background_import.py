"""A manager uploads a large CSV file: it is imported in the background while its page shows
how far it has got, refreshing itself, until it says how many cases were imported.

On PostgreSQL a real worker process imports 50,000 rows while the browser watches. On SQLite
(whose in-memory test database no other process can open) the job runs in the test's own
thread while the browser is away, and the page it comes back to has finished."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from playwright.sync_api import Error as PlaywrightError

from ehcp.web.cases.models import Case

from ..conftest import make_member
from ..queue import run_queued_jobs
from .conftest import run_axe
from .test_journey import sign_in

pytestmark = pytest.mark.browser

HEADER = "reference,first_name,last_name,date_of_birth,event,event_date,kind\n"


def write_file(path: Path, cases: int) -> Path:
    """Two rows a case: a request on Mon 1 Jun 2026 and the decision to assess on Fri 10 Jul."""
    with path.open("w", encoding="utf-8") as file:
        file.write(HEADER)
        for n in range(1, cases + 1):
            file.write(f"BIG-{n},Child{n},Testington,2015-03-02,request_received,2026-06-01,\n")
            file.write(f"BIG-{n},,,,decision_to_assess_notified,2026-07-10,assess\n")
    return path


@pytest.fixture
def manager(transactional_db: Any, council: Any) -> Any:
    return make_member(council, "manager", "manager@browser.example")


def upload(page: Any, manager: Any, path: Path) -> None:
    sign_in(page, manager)
    page.goto("/import/")
    page.get_by_label("CSV file").set_input_files(str(path))
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/jobs/*/")


def watch(page: Any, seconds: float) -> list[str]:
    """What the job's page said about its progress, in order, until it finished."""
    seen: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if page.get_by_test_id("job-done").count():
                return seen
            texts = page.get_by_test_id("job-progress").all_inner_texts()
        except PlaywrightError:  # the page reloaded itself as it was read
            continue
        seen += [text for text in texts if not seen or seen[-1] != text]
        page.wait_for_timeout(250)
    raise AssertionError(f"not finished after {seconds} s; last seen: {seen[-3:]}")


def finished(page: Any, cases: int, javascript: bool = True) -> None:
    panel = page.get_by_test_id("job-done")
    assert f"{cases:,} cases imported" in panel.inner_text()
    assert f"Imported {cases:,} of {cases:,} cases." in page.content()
    assert page.locator("[data-job-refresh]").count() == 0
    if javascript:  # axe is itself a script
        assert [v["id"] for v in run_axe(page)] == []
    assert Case.objects.filter(reference__startswith="BIG-").count() == cases


@pytest.fixture(params=["with JavaScript", "without JavaScript"])
def any_page(request, browser, live_server, _assets):
    """A page in a browser with JavaScript (the status is fetched and replaced) or without
    it (the page reloads itself)."""
    javascript = request.param == "with JavaScript"
    context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page, javascript
    context.close()


def test_an_import_runs_in_the_background_and_its_page_shows_the_end(
    any_page, manager, tmp_path, request
):
    page, javascript = any_page
    cases = 500
    path = write_file(tmp_path / "cases.csv", cases)
    if connection.vendor == "postgresql":
        request.getfixturevalue("start_worker")()
        upload(page, manager, path)
    else:
        upload(page, manager, path)
        assert "waiting its turn" in page.get_by_test_id("job-progress").inner_text()
        assert page.locator("[data-job-refresh]").count() == 1
        # Without JavaScript the page reloads itself; with it the refresh is never parsed.
        assert page.locator("meta[http-equiv=refresh]").count() == (0 if javascript else 1)
        status = page.url
        page.goto("about:blank")  # nothing else may use the database while the job runs
        assert run_queued_jobs() == 1
        page.goto(status)
    watch(page, 120)
    finished(page, cases, javascript)


@pytest.mark.postgres
def test_a_50000_row_import_completes_in_the_background_with_progress(
    page, manager, tmp_path, start_worker
):
    cases = 25_000
    start_worker()
    upload(page, manager, write_file(tmp_path / "cases.csv", cases))
    seen = watch(page, 1800)
    # Its 25,000 cases are 50,000 rows. It was seen part of the way through importing them
    # (the reading and checking before that can pass between two looks on a quiet machine).
    partway = [text for text in seen if text.startswith("Imported ")]
    assert partway, seen
    assert partway[0] != f"Imported {cases:,} of {cases:,} cases", seen
    finished(page, cases)
