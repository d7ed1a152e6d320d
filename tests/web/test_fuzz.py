"""Fuzzing every form a signed-in member can post, the public checker's pages and the CSV
importer: arbitrary unicode, NULs, huge numbers, long strings, odd encodings, fields missing
and fields repeated. Whatever comes in, the answer is never a server error and never a
traceback in the logs; a refusal is a page that names the field in GOV.UK words.

The normal run tries about 1,200 inputs on each database; `EHCP_FUZZ_SCALE=10` tries ten
times as many."""

from __future__ import annotations

import csv
import io
import logging
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ehcp.rules import EVENT_TYPES
from ehcp.web.cases import corrections, importer
from ehcp.web.check.questions import QUESTIONS
from ehcp.web.organisations.models import Organisation, Role

from .conftest import make_member, open_case

SCALE = float(os.environ.get("EHCP_FUZZ_SCALE", "1"))

FUZZING = settings(
    deadline=None,
    database=None,  # nothing kept between runs: each run explores afresh
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)

# Django's own words, which no page should show (the forms speak GOV.UK; see
# `frontend.forms.GovukMessages`).
DJANGO_WORDS = (
    "Ensure this value",
    "Null characters are not allowed",
    "This field is required",
    "is not one of the available choices",
    "Enter a valid",
)

# --- What is typed ---------------------------------------------------------------------------

NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "\x00" * 50,
        "\u202eevil",
        "\ufeffbom",
        "\r\n\r\n",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "{{ 7*7 }}",
        "%s%s%n",
        "%00",
        "../../etc/passwd",
        "²",
        "١٢",
        "９",
        "Ⅻ",
        "½",
        "-1",
        "0",
        "00",
        "1e309",
        "NaN",
        "inf",
        "9" * 40,
        "-" + "9" * 30,
        "2026-02-30",
        "31",
        "13",
        "😀" * 20,
        "Zoë Ñúñez-O'Brien",
        "İıŞş",
        "e\u0301",
    ]
)
UNICODE = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
LONG = st.builds(
    lambda piece, times: (piece * times)[:12_000],
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=3),
    st.integers(min_value=100, max_value=6000),
)
HUGE = st.integers(min_value=-(10**40), max_value=10**40).map(str)
TEXT = st.one_of(NASTY, UNICODE, LONG, HUGE)


def value(good: str | None = None) -> st.SearchStrategy[Any]:
    """A field's value: often a good one (so that the checks behind the first are reached),
    else anything, or the field given twice or more."""
    one = st.one_of(st.just(good), TEXT) if good is not None else TEXT
    return st.one_of(one, st.lists(one, min_size=2, max_size=3))


def form_data(good: dict[str, str]) -> st.SearchStrategy[dict[str, Any]]:
    """Any of the form's fields (each may be missing), and perhaps a stray one."""
    known = st.fixed_dictionaries({}, optional={name: value(v) for name, v in good.items()})
    stray = st.dictionaries(UNICODE.filter(bool), value(), max_size=2)
    return st.builds(lambda a, b: b | a, known, stray)


def dated(prefix: str, day: date) -> dict[str, str]:
    return {
        f"{prefix}_0": str(day.day),
        f"{prefix}_1": str(day.month),
        f"{prefix}_2": str(day.year),
    }


# --- Who posts, and where ------------------------------------------------------------------


@dataclass
class World:
    """A council with a case and a carer, and an advocacy office with a case, each with a
    signed-in member allowed everything their organisation does."""

    council: Client
    office: Client
    case: Any
    office_case: Any
    carer_id: int
    member_ids: list[int] = field(default_factory=list)
    logged: list[logging.LogRecord] = field(default_factory=list)


class Catch(logging.Handler):
    def __init__(self, into: list[logging.LogRecord]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record)


@pytest.fixture
def world(council: Organisation, advocacy: Organisation) -> Iterator[World]:
    admin = make_member(council, Role.ADMINISTRATOR)
    colleague = make_member(council, Role.CASEWORKER)
    case = open_case(council, admin)
    carer = corrections.add_carer(case, admin, corrections.CarerDetails(name="Pat Parent"))
    adviser = make_member(advocacy, Role.ADMINISTRATOR)
    office_case = open_case(advocacy, adviser)
    clients = []
    for user in (admin, adviser):
        client = Client()
        client.force_login(user)
        clients.append(client)
    logged: list[logging.LogRecord] = []
    catch = Catch(logged)
    loggers = [logging.getLogger(), logging.getLogger("django"), logging.getLogger("ehcp")]
    for logger in loggers:
        logger.addHandler(catch)
    yield World(*clients, case, office_case, carer.pk, [admin.pk, colleague.pk], logged)
    for logger in loggers:
        logger.removeHandler(catch)


@dataclass(frozen=True)
class Target:
    """A form to fuzz: where it is, whose client posts it, and a good value for each field."""

    url: Callable[[World], str]
    good: dict[str, str]
    office: bool = False
    method: str = "post"
    examples: int = 60
    summary: bool = True  # a refusal shows the GOV.UK error summary


def case_url(name: str, *extra: Any) -> Callable[[World], str]:
    return lambda w: reverse(name, args=[w.case.reference, *extra])


def office_url(name: str) -> Callable[[World], str]:
    return lambda w: reverse(name, args=[w.office_case.reference])


CHILD = {
    "first_name": "Sam",
    "last_name": "Sampleford",
    "upn": "A123456789012",
    "postcode": "AB1 2CD",
}
EVENT_NAMES = sorted(EVENT_TYPES)

TARGETS = {
    "new request": Target(
        lambda w: reverse("new-request"),
        CHILD
        | dated("date_of_birth", date(2016, 2, 1))
        | dated("received_on", date(2026, 6, 1))
        | {"council_name": "Council A", "requested_by": "parent", "not_duplicate": "on"},
        examples=80,
    ),
    "event": Target(
        case_url("record-event"),
        {"name": "advice_requested", "kind": "health", "party": "NHS", "note": "Asked"}
        | dated("date", date(2026, 6, 10)),
        examples=100,
    ),
    "exception": Target(
        case_url("record-exception"),
        {"code": "E5", "setting_name": "Oak School", "applies_to": "A6", "evidence": "Closed"}
        | dated("start", date(2026, 7, 20))
        | dated("end", date(2026, 9, 1)),
        examples=70,
    ),
    "correction": Target(
        case_url("correct-details"),
        CHILD | dated("date_of_birth", date(2015, 5, 1)) | {"requested_by": "school"},
        examples=70,
    ),
    "caseworker": Target(case_url("reassign"), {"caseworker": "1"}, examples=30),
    "new carer": Target(
        case_url("add-carer"),
        {
            "name": "Pat Parent",
            "relationship": "Mother",
            "parental_responsibility": "yes",
            "email": "pat@example.com",
            "phone": "01234 567890",
            "address": "1 High Street",
            "preferred_contact": "email",
        },
        examples=60,
    ),
    "carer": Target(
        lambda w: reverse("edit-carer", args=[w.case.reference, w.carer_id]),
        {"name": "Pat Parent", "parental_responsibility": "no", "email": "p@example.com"},
        examples=40,
    ),
    "hand over": Target(
        lambda w: reverse("hand-over"), {"leaver": "1", "colleagues": "2"}, examples=40
    ),
    "search": Target(lambda w: reverse("search"), {"q": "Sam", "page": "1"}, method="get"),
    "dashboard filters": Target(
        lambda w: reverse("dashboard"),
        {"view": "team", "stage": "Assessing", "due": "overdue", "sort": "name", "page": "2"},
        method="get",
        examples=40,
    ),
    "case list filters": Target(
        lambda w: reverse("case-list"),
        {"caseworker": "1", "stage": "Assessing", "due": "7", "sort": "-due", "page": "1"},
        method="get",
        examples=40,
    ),
    "audit filter": Target(
        lambda w: reverse("audit"), {"case": "X", "page": "1"}, method="get", examples=20
    ),
    "invitation": Target(
        lambda w: reverse("add-member"),
        {
            "email": "new@example.com",
            "first_name": "New",
            "last_name": "Member",
            "role": "caseworker",
        },
        examples=50,
    ),
    "member": Target(
        lambda w: reverse("edit-member", args=[w.member_ids[1]]),
        {"role": "read_only", "active": "on"},
        examples=30,
    ),
    "council": Target(
        office_url("advocacy-council"), {"la_code": "302"}, office=True, examples=20
    ),
    "consent": Target(
        office_url("advocacy-consent"),
        {
            "given_by": "Pat",
            "relationship": "parent",
            "given_for": "child",
            "how": "signed",
            "scope": "All",
            "basis": "explicit_consent",
            "capacity_note": "",
        }
        | dated("given_on", date(2026, 7, 1)),
        office=True,
        examples=50,
    ),
    "letter": Target(
        office_url("advocacy-letter"),
        {"kind": "chaser", "subject": "AB, reference 1", "to_council": "yes", "note": "Sent"}
        | dated("dated", date(2026, 8, 1))
        | dated("response_due", date(2026, 9, 1)),
        office=True,
        examples=40,
    ),
    "close": Target(
        office_url("advocacy-close"), dated("on", date(2026, 10, 1)), office=True, examples=20
    ),
}

# The checker's questions: a question's key, a choice, a date, and earlier answers carried.
CHECK_FIELDS = (
    {
        "q": QUESTIONS[0].key,
        "answer": QUESTIONS[0].choices[0][0],
        "change": QUESTIONS[1].key,
        "day_0": "8",
        "day_1": "12",
        "day_2": "2025",
        "print": "1",
        "your_name": "Sam",
        "child_name": "Alex",
    }
    | {f"a:{q.key}": q.choices[0][0] for q in QUESTIONS}
    | {"a:sent_on": "2025-12-08"}
)

CHECKER = {
    "question": Target(
        lambda w: reverse("check-question"), CHECK_FIELDS, examples=100, summary=False
    ),
    "calendar": Target(
        lambda w: reverse("check-calendar"), CHECK_FIELDS, examples=30, summary=False
    ),
    "saved answers": Target(
        lambda w: reverse("check-answers"), CHECK_FIELDS, examples=20, summary=False
    ),
    "letter": Target(
        lambda w: reverse("check-letter"),
        CHECK_FIELDS | {"letter": "F2.docx"},
        examples=20,
        summary=False,
    ),
}


def scaled(count: int) -> int:
    return max(1, round(count * SCALE))


def examples(target: Target) -> int:
    return scaled(target.examples)


# --- What must hold of every answer ---------------------------------------------------------

ERROR_LINK = re.compile(r'<a href="#([^"]+)"')


def check_answer(response: Any, world: World, summary: bool) -> None:
    assert response.status_code < 500
    assert response.status_code in (200, 302, 400, 404), response.status_code
    problems = [r for r in world.logged if r.levelno >= logging.ERROR or r.exc_info]
    assert not problems, [r.getMessage() for r in problems]
    world.logged.clear()
    if "html" not in response.get("Content-Type", ""):
        return
    body = response.content.decode()
    for words in DJANGO_WORDS:
        assert words not in body, words
    if response.status_code == 400 and summary:
        assert "govuk-error-summary" in body
        summary_html = body.split("govuk-error-summary", 1)[1].split("</ul>", 1)[0]
        for anchor in ERROR_LINK.findall(summary_html):
            assert f'id="{anchor}"' in body, f"the error links to #{anchor}, not on the page"


def send(world: World, target: Target, data: dict[str, Any]) -> Any:
    client = world.office if target.office else world.council
    url = target.url(world)
    if target.method == "get":
        return client.get(url, data)
    return client.post(url, data)


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz_casework_forms(world, name):
    target = TARGETS[name]

    @settings(FUZZING, max_examples=examples(target))
    @given(form_data(target.good))
    def post(data: dict[str, Any]) -> None:
        check_answer(send(world, target, data), world, target.summary)

    post()


@pytest.mark.parametrize("name", sorted(CHECKER))
def test_fuzz_the_checker(world, name):
    target = CHECKER[name]

    @settings(FUZZING, max_examples=examples(target))
    @given(form_data(target.good))
    def post(data: dict[str, Any]) -> None:
        # The checker is public: a signed-in member's client reaches it as anyone would.
        check_answer(send(world, target, data), world, target.summary)

    post()


ODD_BODIES = st.one_of(
    st.binary(max_size=300),
    st.builds(
        lambda text, codec: text.encode(codec, "replace"),
        UNICODE,
        st.sampled_from(["latin-1", "utf-16", "cp1252", "utf-8"]),
    ),
)
CHARSETS = st.sampled_from(
    ["", "; charset=utf-8", "; charset=latin-1", "; charset=no-such", "; charset=utf-16"]
)


@settings(FUZZING, max_examples=scaled(60))
@given(
    name=st.sampled_from(sorted(TARGETS)),
    body=ODD_BODIES,
    charset=CHARSETS,
)
def test_fuzz_odd_encodings(world, name, body, charset):
    """A form's body in any bytes, under any declared character set."""
    target = TARGETS[name]
    client = world.office if target.office else world.council
    content_type = "application/x-www-form-urlencoded" + charset
    response = client.generic("POST", target.url(world), body, content_type)
    # A form in another character set is refused whole, before any field is read.
    refused_whole = charset.endswith(("latin-1", "utf-16"))
    check_answer(response, world, summary=target.summary and not refused_whole)


def test_a_form_in_another_character_set_is_refused_calmly(world):
    body = "first_name=Zo\u00eb".encode("latin-1")
    content_type = "application/x-www-form-urlencoded; charset=latin-1"
    response = world.council.generic("POST", reverse("new-request"), body, content_type)
    assert response.status_code == 400
    assert "Sorry, there is a problem with what was sent" in response.content.decode()
    check_answer(response, world, summary=False)


# --- The CSV importer --------------------------------------------------------------------------

CELL = st.one_of(
    st.sampled_from(["R-1", "R-2", "request_received", "2026-06-01", "2015-05-01", "Sam", "x"]),
    st.sampled_from(EVENT_NAMES),
    TEXT,
)
HEADER = st.one_of(
    st.just(list(importer.COLUMNS)),
    st.lists(st.sampled_from([*importer.COLUMNS, "", "junk", "reference"]), max_size=14),
)
CODECS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"])


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=500))
    out = io.StringIO()
    writer = csv.writer(out)
    header = draw(HEADER)
    writer.writerow(header)
    for row in draw(st.lists(st.lists(CELL, max_size=len(header) + 2), max_size=6)):
        writer.writerow(row)
    return out.getvalue().encode(draw(CODECS), "replace")


@settings(FUZZING, max_examples=scaled(100))
@given(content=csv_files(), action=st.sampled_from(["check", "import", "", "other"]))
def test_fuzz_the_importer(world, content, action):
    upload = SimpleUploadedFile("cases.csv", content, content_type="text/csv")
    response = world.council.post(reverse("import"), {"file": upload, "action": action})
    check_answer(response, world, summary=True)


@settings(FUZZING, max_examples=scaled(30))
@given(content=csv_files(), action=st.sampled_from(["check", "load"]))
def test_fuzz_the_settings_register(world, content, action):
    upload = SimpleUploadedFile("settings.csv", content, content_type="text/csv")
    response = world.council.post(reverse("settings-register"), {"file": upload, "action": action})
    check_answer(response, world, summary=True)


# Any name a file could have on the client's disk (no folder in it: Django's test client
# refuses to send one that has).
FILE_NAMES = UNICODE.map(lambda name: name.replace("/", "_").replace("\\", "_")).filter(
    lambda name: name not in ("", ".", "..")
)


@settings(FUZZING, max_examples=scaled(50))
@given(data=form_data({"title": "Plan"}), name=FILE_NAMES, content=st.binary(max_size=200))
def test_fuzz_an_uploads_text_fields(world, data, name, content):
    """The title, and the file's name and bytes (a plain text file is accepted)."""
    upload = SimpleUploadedFile(name, b"text " + content, content_type="text/plain")
    response = world.council.post(
        reverse("upload-document", args=[world.case.reference]), data | {"file": upload}
    )
    check_answer(response, world, summary=True)


@settings(FUZZING, max_examples=scaled(20))
@given(
    content=st.one_of(st.binary(max_size=300), TEXT.map(lambda t: t.encode("utf-8", "replace")))
)
def test_fuzz_the_checkers_saved_answers(world, content):
    upload = SimpleUploadedFile("answers.json", content, content_type="application/json")
    response = world.council.post(reverse("check-load"), {"answers": upload})
    check_answer(response, world, summary=False)


def test_the_checks_can_fail(world):
    # The control: the check above does see a server error and a traceback in the log.
    class Boom:
        status_code = 500

        def get(self, *_):
            return "text/html"

    with pytest.raises(AssertionError):
        check_answer(Boom(), world, summary=True)
    logging.getLogger("django.request").error("Internal Server Error", exc_info=True)
    ok = type("Ok", (), {"status_code": 200, "get": lambda *_: "text/csv"})()
    with pytest.raises(AssertionError):
        check_answer(ok, world, summary=True)
