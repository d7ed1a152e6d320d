"""Reads. Every query starts from the signed-in user's organisation, so no URL can reach
another organisation's cases."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from functools import reduce
from operator import or_
from typing import Any, Final, TypeVar

from django.contrib.auth import get_user_model
from django.contrib.postgres.lookups import TrigramSimilar
from django.db import connection, transaction
from django.db.models import Case as DbCase
from django.db.models import Count, F, IntegerField, Q, QuerySet, Value, When

from ehcp.rules import Deadline
from ehcp.web.audit.services import Unreachable
from ehcp.web.caching import cached, member_names
from ehcp.web.cases import adapters, names
from ehcp.web.cases.lookups import AnyOf
from ehcp.web.cases.models import (
    AdviceClock,
    Case,
    CaseClosure,
    CaseEvent,
    CaseException,
    Document,
    SearchName,
)
from ehcp.web.cases.summary import advice_from, next_actions, schedule, with_parties
from ehcp.web.organisations.models import Organisation
from ehcp.web.people.models import Carer, Child

T = TypeVar("T")

SORTS = {
    "due": (F("next_due").asc(nulls_last=True), "reference"),
    "-due": (F("next_due").desc(nulls_last=True), "reference"),
    "reference": ("reference",),
    "name": ("child__last_name", "child__first_name"),
    "stage": ("stage", "next_due"),
}


def cases_for(organisation: Organisation) -> QuerySet[Case]:
    return Case.objects.filter(organisation=organisation)


REFERENCE_LENGTH: Final = Case._meta.get_field("reference").max_length or 30


def get_case(organisation: Organisation, reference: str) -> Case:
    """The case, with its child and setting, or 404 (`Unreachable`, which the attempt is
    audited by) when it does not exist in `organisation`, whoever else has it."""
    if not _could_be_stored(reference, REFERENCE_LENGTH):
        raise Unreachable("case", reference)
    try:
        return cases_for(organisation).select_related("child", "setting").get(reference=reference)
    except Case.DoesNotExist:
        others = Case.objects.filter(reference=reference).exclude(organisation=organisation)
        raise Unreachable(
            "case", reference, "another organisation" if others.exists() else ""
        ) from None


def get_document(case: Case, token: str) -> Document:
    """One of the case's documents, or 404 (`Unreachable`, audited) for any other token."""
    if not _could_be_stored(token, Document._meta.get_field("token").max_length or 40):
        raise Unreachable("document", case.reference)
    try:
        return case.documents.get(token=token)
    except Document.DoesNotExist:
        others = Document.objects.filter(token=token).exists()
        raise Unreachable(
            "document", case.reference, "another case or organisation" if others else ""
        ) from None


def _could_be_stored(text: str, longest: int) -> bool:
    """Whether a column of `longest` characters could hold `text` (PostgreSQL's text refuses
    a NUL outright)."""
    return len(text) <= longest and "\x00" not in text


@dataclass(frozen=True)
class Filters:
    caseworker: str = ""
    stage: str = ""
    due: str = ""
    sort: str = "due"


def due_window(today: date, due: str) -> Q:
    windows = {
        "overdue": Q(open_breaches__gt=0),
        "behind": Q(behind_target__gt=0),
        "7": Q(next_due__gte=today, next_due__lte=today + timedelta(days=7)),
        "14": Q(next_due__gte=today, next_due__lte=today + timedelta(days=14)),
    }
    return windows.get(due, Q())


# What a row of the case table shows.
ROW_FIELDS: Final = (
    "reference",
    "stage",
    "next_title",
    "next_due",
    "child__first_name",
    "child__last_name",
    "caseworker__first_name",
    "caseworker__last_name",
)


# What a row of the case list's CSV holds.
EXPORT_FIELDS: Final = (
    "reference",
    "child__first_name",
    "child__last_name",
    "child__date_of_birth",
    "stage",
    "next_title",
    "next_due",
    "caseworker__first_name",
    "caseworker__last_name",
)


def matching(organisation: Organisation, filters: Filters, today: date) -> QuerySet[Case]:
    """The cases that pass `filters`, in no order."""
    cases = cases_for(organisation).filter(due_window(today, filters.due))
    if filters.caseworker == "none":
        cases = cases.filter(caseworker__isnull=True)
    elif is_id(filters.caseworker):
        cases = cases.filter(caseworker_id=int(filters.caseworker))
    if filters.stage:
        cases = cases.filter(stage=filters.stage)
    return cases


def is_id(text: str) -> bool:
    """Whether `text` could be a row's id: ASCII digits that fit the database's integers."""
    return text.isascii() and text.isdigit() and len(text) <= 18


def filtered(organisation: Organisation, filters: Filters, today: date) -> QuerySet[Case]:
    cases = matching(organisation, filters, today)
    if filters.sort == "name":
        # A child belongs to its case's organisation; saying so lets the database walk the
        # children's name index instead of sorting the whole caseload.
        cases = cases.filter(child__organisation=organisation)
    order = SORTS.get(filters.sort, SORTS["due"])
    return cases.select_related("child", "caseworker").only(*ROW_FIELDS).order_by(*order)


def count_matching(organisation: Organisation, filters: Filters, today: date, version: str) -> int:
    """How many cases pass `filters` (counted once for each version of the caseload)."""
    name = f"count:{filters.caseworker}:{filters.stage}:{filters.due}"
    return cached(organisation, version, today, name, matching(organisation, filters, today).count)


def overview(
    organisation: Organisation, today: date, version: str, worker: Any = None
) -> dict[str, Any]:
    """The dashboard's counts by stage and by caseworker, and their totals: the whole
    team's, or only `worker`'s cases ("My cases", with no breakdown by caseworker)."""

    def compute() -> dict[str, Any]:
        everything = cases_for(organisation)
        if worker is not None:
            everything = everything.filter(caseworker=worker)
        stages = by_stage(everything, today)
        return {
            "counts": totals(stages),
            "by_stage": stages,
            "by_caseworker": by_caseworker(everything, today) if worker is None else [],
        }

    name = "overview" if worker is None else f"overview:{worker.pk}"
    return cached(organisation, version, today, name, compute)


def _counts(today: date) -> dict[str, Count]:
    return {
        "total": Count("pk"),
        "overdue": Count("pk", filter=due_window(today, "overdue")),
        "behind_target": Count("pk", filter=due_window(today, "behind")),
        "due_7": Count("pk", filter=due_window(today, "7")),
        "due_14": Count("pk", filter=due_window(today, "14")),
    }


def headline_counts(cases: QuerySet[Any], today: date) -> dict[str, int]:
    return cases.aggregate(**_counts(today))


def by_stage(cases: QuerySet[Any], today: date) -> list[dict[str, Any]]:
    return list(cases.values("stage").annotate(**_counts(today)).order_by("stage"))


def totals(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Headline counts added up from grouped rows (saves a second scan of the cases)."""
    keys = ("total", "overdue", "behind_target", "due_7", "due_14")
    return {key: sum(row[key] for row in rows) for key in keys}


def by_caseworker(cases: QuerySet[Any], today: date) -> list[dict[str, Any]]:
    """Cases and overdue cases per caseworker (grouped on the id alone, then named: much
    faster than grouping on a join with the users table)."""
    rows = list(
        cases.values("caseworker")
        .annotate(total=Count("pk"), overdue=Count("pk", filter=due_window(today, "overdue")))
        .order_by()
    )
    ids = [row["caseworker"] for row in rows if row["caseworker"] is not None]
    users = get_user_model().objects.filter(pk__in=ids).only("first_name", "last_name")
    names = {user.pk: user.get_full_name() for user in users}
    for row in rows:
        row["name"] = names.get(row["caseworker"], "")
    return sorted(rows, key=lambda row: (row["caseworker"] is not None, row["name"]))


@dataclass(frozen=True)
class CaseView:
    case: Case
    timeline: list[Any]  # (named row with TIMELINE_FIELDS, whether it is live)
    deadlines: tuple[Deadline, ...]
    actions: list[Deadline]
    advice: list[Any]
    exceptions: list[Any]
    documents: list[Any]
    names: dict[int, str]  # full names of the caseworker and of whoever recorded an event
    carers: list[Any]  # named rows with CARER_FIELDS

    @property
    def caseworker_name(self) -> str:
        return self.names.get(self.case.caseworker_id or 0, "")


def case_view(case: Case, today: date) -> CaseView:
    """Everything the case page shows, with the schedule worked out afresh by the clock."""
    rows = events_of(case)
    has_exceptions, has_closures, has_documents = sections_with_rows(case)
    exceptions = list(case.exceptions.all()) if has_exceptions else []
    closures = list(case.closures.all()) if has_closures else []
    facts = adapters.build_facts(case.child.date_of_birth, rows, exceptions, closures)
    deadlines = schedule(facts, today)
    live = {row.pk for row in adapters.live_events(rows)}
    people = {case.caseworker_id} | {row.recorded_by_id for row in rows}
    return CaseView(
        case=case,
        timeline=[(row, row.pk in live) for row in rows],
        deadlines=deadlines,
        actions=next_actions(deadlines),
        advice=with_parties(advice_from(deadlines), rows),
        exceptions=exceptions,
        documents=list(case.documents.order_by("-uploaded_at")) if has_documents else [],
        names=member_names(case.organisation_id, {pk for pk in people if pk is not None}),
        carers=carers_of(case.child),
    )


# What the case page reads of each timeline row and each carer.
TIMELINE_FIELDS: Final = (
    "pk",
    "date",
    "name",
    "kind",
    "party",
    "note",
    "family_reported",
    "retracts_id",
    "recorded_by_id",
)
CARER_FIELDS: Final = (
    "pk",
    "name",
    "relationship",
    "parental_responsibility",
    "email",
    "phone",
    "address",
    "preferred_contact",
)


def events_of(case: Case) -> list[Any]:
    """The case's timeline rows, retractions included, in the order they happened: named
    rows with `TIMELINE_FIELDS` (the page only reads them, so no model instances are built;
    building them cost a few per cent of the case page)."""
    rows = CaseEvent.objects.filter(case_id=case.pk).order_by("date", "id")
    return list(rows.values_list(*TIMELINE_FIELDS, named=True))


def carers_of(child: Child) -> list[Any]:
    """The child's parents and carers, in the order recorded, as named rows."""
    carers = Carer.objects.filter(child_id=child.pk).order_by("id")
    return list(carers.values_list(*CARER_FIELDS, named=True))


def sections_with_rows(case: Case) -> tuple[bool, bool, bool]:
    """Whether the case has any exceptions, closures and documents: most have none, so the
    page reads each only when it has some.

    Plain SQL, with the names taken from the models: the same question through the ORM
    (three `Exists` annotations) cost 1.2 ms of CPU a view against 0.1 ms, about a sixth of
    the whole case page (ADR 0010). `test_case_page` checks it against the ORM's answers."""
    models, quoted = (CaseException, CaseClosure, Document), connection.ops.quote_name
    exists = [
        f"EXISTS (SELECT 1 FROM {quoted(model._meta.db_table)} "  # noqa: S608
        f"WHERE {quoted(model._meta.get_field('case').column)} = %s)"
        for model in models
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(exists), [case.pk] * len(models))
        row = cursor.fetchone()
    return bool(row[0]), bool(row[1]), bool(row[2])


def search(organisation: Organisation, text: str) -> QuerySet[Case]:
    """Cases matching `text`, best first (`ranked`), with their children."""
    return ranked(organisation, text).select_related("child").only(*SEARCH_FIELDS)


def search_page(
    organisation: Organisation, text: str, number: str | None
) -> tuple[list[Case], int, int]:
    """Page `number` of `search`'s results (the last page for a number past it, the first
    for anything not a number): its cases, its number and how many cases match in all.

    The count and the page come from the cases alone, through the name keys' indexes (the
    count of a name search from the indexes only); the 25 cases' children are read
    afterwards. Joining every match to its child first cost 70 ms for a name shared by
    7,000 children (ADR 0031)."""
    wanted = page_number(number)
    terms = SearchTerms.of(text)
    keys = NameKeys.of(organisation, terms)
    ranks = _ranked(organisation, terms, keys).values_list("pk", flat=True)
    with custom_plans():
        total = _count(organisation, terms, keys, ranks)
        wanted = min(wanted, max(1, -(-total // PER_PAGE)))
        ids = list(ranks[(wanted - 1) * PER_PAGE : wanted * PER_PAGE])
    order = {pk: n for n, pk in enumerate(ids)}
    chosen = cases_for(organisation).filter(pk__in=order).select_related("child")
    cases = sorted(chosen.only(*SEARCH_FIELDS), key=lambda case: order[case.pk])
    return cases, wanted, total


def page_number(asked: str | None) -> int:
    """The page asked for: 1 for anything not a whole number from 1 (the last page stands in
    for any past it, and `FURTHEST_PAGE` for any further still)."""
    text = asked or ""
    if not (text.isascii() and text.isdigit()) or not text.strip("0"):
        return 1
    return min(int(text), FURTHEST_PAGE) if len(text) <= len(str(FURTHEST_PAGE)) else FURTHEST_PAGE


def _count(
    organisation: Organisation, terms: SearchTerms, keys: NameKeys, ranks: QuerySet[Any]
) -> int:
    """How many cases match. A search by names alone is counted as those with a first name
    among them and those with only their surname among them, each read from the name keys'
    indexes alone: for a name 7,000 children share, 1.5 ms once the cases table has been
    vacuumed (6 ms before), against 9 ms for counting the rows."""
    if terms.numbers or terms.born is not None or not terms.text:
        return ranks.count()
    cases, every = cases_for(organisation), keys.every
    by_first_name = cases.filter(AnyOf(F("first_name_key"), every)).values("first_name_key")
    by_surname = cases.filter(AnyOf(F("last_name_key"), every))
    by_surname = by_surname.exclude(AnyOf(F("first_name_key"), every))
    return by_first_name.union(by_surname.values("last_name_key"), all=True).count()


@contextmanager
def custom_plans() -> Iterator[None]:
    """On PostgreSQL, plan each query in the block for the values it is given. A prepared
    statement's generic plan cannot know that the names searched for are a few of the
    organisation's 60,000 cases, and read all 60,000 (42 ms instead of 11)."""
    if connection.vendor != "postgresql":  # where a transaction would take the write lock
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL plan_cache_mode = force_custom_plan")
        yield


def ranked(organisation: Organisation, text: str) -> QuerySet[Case]:
    """Cases matching `text`, best first: an exact full name or reference; then the same UPN
    or date of birth (YYYY-MM-DD or DD/MM/YYYY); then an exact surname, with a first name
    that is another word typed, then with one like another word, then the rest of that
    surname; an exact first name with a surname like another word, then the rest of that
    first name; part of a reference or UPN; both names like words typed; and last one name
    like one. A name is "like" a word when it holds it, or (on PostgreSQL) is spelt nearly the
    same (trigram similarity). Within each, by surname, first name and reference. See
    docs/adr/0031-search-by-name-keys.md."""
    terms = SearchTerms.of(text)
    return _ranked(organisation, terms, NameKeys.of(organisation, terms))


def _ranked(organisation: Organisation, terms: SearchTerms, keys: NameKeys) -> QuerySet[Case]:
    if not terms.text:
        return cases_for(organisation).none()
    cases = cases_for(organisation).filter(_matches(organisation, terms, keys))
    return cases.alias(tier=_tier(organisation, terms, keys)).order_by(
        "tier", "last_name_key", "first_name_key", "reference"
    )


PER_PAGE: Final = 25
FURTHEST_PAGE: Final = 10**12  # any page past the last is the last; this keeps OFFSET in range
SEARCH_FIELDS: Final = (
    "reference",
    "stage",
    "next_title",
    "next_due",
    "child__first_name",
    "child__last_name",
    "child__date_of_birth",
)
SHORTEST_PART: Final = 2  # letters of a name searched for within names
SHORTEST_NUMBER_PART: Final = 3  # characters of a reference or UPN searched for within them
MOST_WORDS: Final = 6


@dataclass(frozen=True)
class SearchTerms:
    """What was typed, split into the words of a name (no digits in them) and the rest
    (references, UPNs and dates, which have digits)."""

    text: str
    words: tuple[str, ...]
    numbers: tuple[str, ...]
    born: date | None

    @classmethod
    def of(cls, text: str) -> SearchTerms:
        text = " ".join(text.replace(",", " ").split())
        tokens = text.split()[:MOST_WORDS]
        words = tuple(names.name_key(t) for t in tokens if not any(ch.isdigit() for ch in t))
        numbers = tuple(t for t in tokens if any(ch.isdigit() for ch in t))
        return cls(text, words, numbers, parse_date(text))

    def full_names(self) -> list[tuple[str, str]]:
        """(first name, surname) keys the words could be in full, either way round."""
        words = self.words
        if len(words) < 2:
            return []
        first, rest = words[0], " ".join(words[1:])
        head, last = " ".join(words[:-1]), words[-1]
        return [(head, last), (first, rest), (rest, first)]


@dataclass(frozen=True)
class NameKeys:
    """The organisation's names that are a word typed (`exact`), and those like one
    (`like`): holding a word of two letters or more, or on PostgreSQL spelt nearly the
    same. Found in `SearchName`, a row per distinct name, so that the cases are then
    matched on their name keys alone."""

    exact: frozenset[str]
    like: frozenset[str]
    whole: frozenset[str]  # the parts of a full name of several words (`full_names`)

    @classmethod
    def of(cls, organisation: Organisation, terms: SearchTerms) -> NameKeys:
        found = Q(pk__in=[])
        for word in terms.words:
            if len(word) >= SHORTEST_PART:
                found |= Q(name__contains=word)
                if connection.vendor == "postgresql":
                    found |= Q(TrigramSimilar(F("name"), Value(word)))
        known = SearchName.objects.filter(organisation=organisation).filter(found)
        exact = frozenset(terms.words)
        like = frozenset(known.values_list("name", flat=True)) - exact
        return cls(exact, like, frozenset(part for pair in terms.full_names() for part in pair))

    @property
    def every(self) -> list[str]:
        """Every name a matching case has as its first name or surname."""
        return sorted(self.exact | self.like | self.whole)


def _matches(organisation: Organisation, terms: SearchTerms, keys: NameKeys) -> Q:
    """Which cases match at all. Each way of matching is one an index serves: the name
    keys, the children's date of birth and UPN (trigram index for part of a UPN, people/0004)
    and part of a reference (cases/0007). More than one way is put together as a UNION of
    case ids, because one OR across the cases and children made the database join every
    case to its child first (140 ms against 8 ms for part of a reference on the
    60,000-case council)."""
    ways = _ways(organisation, terms, keys)
    if not ways:
        return Q(pk__in=[])
    if len(ways) == 1:
        return ways[0]
    cases = cases_for(organisation)
    first, *rest = (cases.filter(way).values("pk") for way in ways)
    return Q(pk__in=first.union(*rest))


def _ways(organisation: Organisation, terms: SearchTerms, keys: NameKeys) -> list[Q]:
    """Each way a case can match `terms`, as a condition one index serves."""
    every = keys.every
    parts = [n for n in terms.numbers if len(n) >= SHORTEST_NUMBER_PART]
    on_child = Q(child__organisation=organisation)  # lets the database start from the child
    ways = []
    if every:
        ways.append(Q(AnyOf(F("first_name_key"), every)) | Q(AnyOf(F("last_name_key"), every)))
    if terms.born is not None:
        ways.append(on_child & Q(child__date_of_birth=terms.born))
    if terms.numbers:
        by_upn = [Q(child__upn__in=_upns(terms))] + [Q(child__upn__icontains=n) for n in parts]
        ways.append(on_child & reduce(or_, by_upn))
    if parts:
        ways.append(reduce(or_, [Q(reference__icontains=n) for n in parts]))
    return ways


def _upns(terms: SearchTerms) -> set[str]:
    """The UPNs `terms` could be, as typed or in capitals."""
    return {n for number in terms.numbers for n in (number, number.upper())}


def _tier(organisation: Organisation, terms: SearchTerms, keys: NameKeys) -> DbCase:
    """0 for the best matches, 9 for the weakest: the order `ranked` describes. Only the
    cases' own columns are compared, except for UPNs, looked up as sets of case ids."""
    exact, like = list(keys.exact), list(keys.like)
    full_name = Q(reference__iexact=terms.text)
    for first, last in terms.full_names():
        full_name |= Q(first_name_key=first, last_name_key=last)
    same = Q(pk__in=[])
    cases = cases_for(organisation).filter(child__organisation=organisation)
    if terms.numbers:
        same |= Q(pk__in=cases.filter(child__upn__in=_upns(terms)).values("pk"))
    if terms.born is not None:
        same |= Q(pk__in=cases.filter(child__date_of_birth=terms.born).values("pk"))
    part = Q(pk__in=[])
    for number in terms.numbers:
        part |= Q(reference__icontains=number)
        part |= Q(pk__in=cases.filter(child__upn__icontains=number).values("pk"))

    def among(column: str, names: list[str]) -> Q:
        return Q(AnyOf(F(column), names))

    surname, first_name = among("last_name_key", exact), among("first_name_key", exact)
    first_like, surname_like = among("first_name_key", like), among("last_name_key", like)
    return DbCase(
        When(full_name, then=Value(0)),
        When(same, then=Value(1)),
        When(surname & first_name, then=Value(2)),
        When(surname & first_like, then=Value(3)),
        When(surname, then=Value(4)),
        When(first_name & surname_like, then=Value(5)),
        When(first_name, then=Value(6)),
        When(part, then=Value(7)),
        When(first_like & surname_like, then=Value(8)),
        default=Value(9),
        output_field=IntegerField(),
    )


def parse_date(text: str) -> date | None:
    for parts in (text.split("-"), list(reversed(text.split("/")))):
        if len(parts) == 3 and all(p.isascii() and p.isdigit() and len(p) <= 4 for p in parts):
            try:
                return date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                return None
    return None


def advice_by_service(organisation: Organisation, today: date) -> list[dict[str, Any]]:
    """Advice requests per contributor and service: how many are open, late, or were late."""
    late = Q(status__in=("overdue", "met late"))
    open_late = Q(received_on__isnull=True, due__lt=today) & ~Q(status="excused")
    return list(
        AdviceClock.objects.filter(organisation=organisation)
        .values("contributor", "party")
        .annotate(
            total=Count("pk"),
            waiting=Count("pk", filter=Q(received_on__isnull=True)),
            overdue_now=Count("pk", filter=open_late),
            late=Count("pk", filter=late | open_late),
        )
        .order_by("contributor", "party")
    )


def overdue_advice(organisation: Organisation, today: date) -> QuerySet[AdviceClock]:
    return (
        AdviceClock.objects.filter(organisation=organisation, received_on__isnull=True)
        .filter(due__lt=today)
        .exclude(status="excused")
        .select_related("case", "case__child")
        .order_by("due")
    )
