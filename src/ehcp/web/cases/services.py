"""Every change to a case goes through here: checked against the clock's own validation,
written inside one transaction, appended to the timeline, summarised and audited."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from ehcp.rules import CaseFacts, Deadline, Event, RecordedException, find_problems
from ehcp.web.audit.services import forget_changes
from ehcp.web.audit.services import record as audit
from ehcp.web.caching import caseload_changed
from ehcp.web.cases import adapters, names, uploads, validation
from ehcp.web.cases.models import (
    AdviceClock,
    Case,
    CaseClosure,
    CaseEvent,
    CaseException,
    Document,
    ReferenceCounter,
)
from ehcp.web.cases.summary import advice_from, schedule, summarise, with_parties
from ehcp.web.organisations.models import Organisation, Setting
from ehcp.web.people.models import Child


class CaseworkError(ValueError):
    """The change would describe something that cannot have happened."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class NewEvent:
    date: date
    name: str
    kind: str = ""
    party: str = ""
    note: str = ""


@dataclass(frozen=True)
class NewCase:
    """A case as it is first recorded: the child, and the timeline so far (its request for an
    assessment among it). An empty `reference` takes the next in the organisation's series."""

    first_name: str
    last_name: str
    date_of_birth: date
    events: tuple[NewEvent, ...]
    reference: str = ""
    upn: str = ""
    postcode: str = ""
    council_name: str = ""
    caseworker: User | None = None
    setting: Setting | None = None
    requested_by: str = ""


@dataclass(frozen=True)
class NewRequest:
    """A request for an assessment, as the new-request form records it."""

    first_name: str
    last_name: str
    date_of_birth: date
    received_on: date
    upn: str = ""
    postcode: str = ""
    council_name: str = ""
    caseworker: User | None = None
    setting: Setting | None = None
    requested_by: str = ""

    def as_case(self) -> NewCase:
        details = {k: v for k, v in vars(self).items() if k != "received_on"}
        return NewCase(events=(NewEvent(self.received_on, "request_received"),), **details)


@dataclass(frozen=True)
class NewException:
    """An exception to a time limit, as the form records it. `applies_to` lists limit ids
    separated by spaces (empty: every limit the ground can excuse)."""

    code: str
    start: date
    evidence: str
    end: date | None = None
    setting_name: str = ""
    applies_to: str = ""

    def recorded(self) -> RecordedException:
        return RecordedException(
            code=self.code,
            start=self.start,
            end=self.end,
            setting=self.setting_name or None,
            applies_to=tuple(self.applies_to.split()),
            evidence=self.evidence,
        )


def check(facts: CaseFacts, today: date) -> None:
    problems = find_problems(facts, today)
    if problems:
        raise CaseworkError(problems)


def refresh_summary(
    case: Case, today: date, facts: CaseFacts | None = None, *, notify: bool = True
) -> None:
    """Rewrite the case's cached clock answer and advice clocks from its timeline. A caller
    writing many cases in one transaction passes `notify=False` and calls
    `caseload_changed` once itself."""
    facts = facts if facts is not None else adapters.facts_for(case)
    deadlines = schedule(facts, today)
    summary = summarise(facts, today, deadlines)
    for field, value in vars(summary).items():
        setattr(case, field, value)
    case.save(update_fields=list(vars(summary)))
    AdviceClock.objects.filter(case=case).delete()
    AdviceClock.objects.bulk_create(advice_clocks(case, deadlines))
    # Once the change is committed, the dashboard's cached counts are out of date.
    if notify:
        transaction.on_commit(partial(caseload_changed, case.organisation_id))


def advice_clocks(case: Case, deadlines: tuple[Deadline, ...]) -> list[AdviceClock]:
    return [
        AdviceClock(
            case=case,
            organisation_id=case.organisation_id,
            contributor=line.contributor,
            party=line.party,
            requested_on=line.requested_on,
            due=line.due,
            received_on=line.received_on,
            status=line.status,
        )
        for line in with_parties(advice_from(deadlines), case.events.all())
    ]


def record_event(case: Case, user: User, new: NewEvent, today: date) -> CaseEvent:
    """Append `new` to the case timeline, or raise `CaseworkError` saying why it can't be."""
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("child").get(pk=case.pk)
        problems = event_problems(new)
        if problems:
            raise CaseworkError(problems)
        facts = adapters.with_event(
            adapters.facts_for(case), Event(new.date, new.name, new.kind or None)
        )
        check(facts, today)
        row = CaseEvent.objects.create(
            case=case,
            recorded_by=user,
            family_reported=case.source == Case.Source.FAMILY,
            **vars(new),
        )
        refresh_summary(case, today, facts)
        audit(user, "change", f"Recorded {new.name}", case.reference)
    return row


def retract_event(case: Case, user: User, event: CaseEvent, today: date) -> CaseEvent:
    """Append a row that takes `event` out of the facts (the original stays on record). An
    event already retracted (the same form sent twice) is left as it is: its retraction is
    returned."""
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("child").get(pk=case.pk)
        earlier = CaseEvent.objects.filter(retracts_id=event.pk).first()
        if earlier is not None:
            return earlier
        rows = [row for row in case.events.all() if row.pk != event.pk]
        facts = adapters.build_facts(
            case.child.date_of_birth, rows, case.exceptions.all(), case.closures.all()
        )
        check(facts, today)
        row = CaseEvent.objects.create(
            case=case,
            recorded_by=user,
            date=event.date,
            name=event.name,
            kind=event.kind,
            retracts=event,
            note="Retracted: recorded in error",
        )
        refresh_summary(case, today, facts)
        audit(user, "change", f"Retracted {event.name}", case.reference)
    return row


def record_exception(case: Case, user: User, new: NewException, today: date) -> None:
    problems = _present(
        validation.date_range_problem("Start date", new.start),
        validation.date_range_problem("End date", new.end) if new.end else None,
        *(validation.text_problem(name, getattr(new, name)) for name in EXCEPTION_TEXT),
    )
    if problems:
        raise CaseworkError(problems)
    recorded = new.recorded()
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("child").get(pk=case.pk)
        current = adapters.facts_for(case)
        facts = CaseFacts(
            events=current.events,
            exceptions=current.exceptions + (recorded,),
            closures=current.closures,
            date_of_birth=current.date_of_birth,
        )
        check(facts, today)
        CaseException.objects.create(
            case=case,
            recorded_by=user,
            code=recorded.code,
            start=recorded.start,
            end=recorded.end,
            setting_name=recorded.setting or "",
            applies_to=" ".join(recorded.applies_to),
            evidence=recorded.evidence,
        )
        refresh_summary(case, today, facts)
        audit(user, "change", f"Recorded exception {recorded.code}", case.reference)


def next_reference(organisation: Organisation, year: int) -> str:
    """The next reference in the organisation's series for `year`. Call it inside the
    transaction that saves the case: the counter row stays locked until it commits."""
    prefix = f"{organisation.la_code or 'ADV'}-{year}-"
    counter = _locked_counter(organisation, year, prefix)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{prefix}{counter.last:05d}"


def _locked_counter(organisation: Organisation, year: int, prefix: str) -> ReferenceCounter:
    counters = ReferenceCounter.objects.select_for_update()
    counter = counters.filter(organisation=organisation, year=year).first()
    if counter is not None:
        return counter
    try:
        with transaction.atomic():
            return ReferenceCounter.objects.create(
                organisation=organisation, year=year, last=_highest_number(organisation, prefix)
            )
    except IntegrityError:  # a colleague's request made it first: wait for theirs
        return counters.get(organisation=organisation, year=year)


def _highest_number(organisation: Organisation, prefix: str) -> int:
    """The highest number already used in the series (cases made before the counter)."""
    last = (
        Case.objects.filter(organisation=organisation, reference__regex=rf"^{prefix}\d{{5}}$")
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    return int(last.rsplit("-", 1)[1]) if last else 0


def case_problems(new: NewCase, today: date) -> list[str]:
    """Why `new` cannot be recorded as it stands: the clock's own checks of its timeline, and
    the few facts about the child only a new case has (none: it can be recorded)."""
    problems = details_problems(new)
    if problems:  # the clock is only asked about a case whose fields are sound
        return problems
    if new.date_of_birth > today:
        problems.append("Date of birth must be in the past.")
    received = [e.date for e in new.events if e.name == "request_received"]
    if not received:
        problems.append("It has no request_received event.")
    elif len(received) > 1:
        problems.append("It has more than one request_received event: keep only the first.")
    else:
        problems += _present(validation.age_problem(new.date_of_birth, received[0]))
    return problems + find_problems(facts_of(new), today)


def _present(*problems: str | None) -> list[str]:
    return [problem for problem in problems if problem]


def details_problems(new: NewCase) -> list[str]:
    """The field rules (`validation`) for the child's details, the reference and events."""
    problems = _present(
        validation.reference_problem(new.reference) if new.reference else None,
        validation.upn_problem(new.upn),
        validation.date_range_problem("Date of birth", new.date_of_birth),
        *(validation.text_problem(name, getattr(new, name)) for name in CASE_TEXT),
    )
    if new.requested_by and new.requested_by not in Case.Requester.values:
        problems.append("Select who made the request: a parent, the young person or a setting")
    for event in new.events:
        problems += event_problems(event)
    return problems


EXCEPTION_TEXT = ("setting_name", "applies_to", "evidence")
CASE_TEXT = ("first_name", "last_name", "postcode", "council_name")


def event_problems(new: NewEvent) -> list[str]:
    return _present(
        validation.date_range_problem("Event date", new.date),
        *(validation.text_problem(name, getattr(new, name)) for name in ("kind", "party", "note")),
    )


def facts_of(new: NewCase) -> CaseFacts:
    events = tuple(Event(e.date, e.name, e.kind or None) for e in new.events)
    return CaseFacts(events=events, date_of_birth=new.date_of_birth)


@dataclass(frozen=True)
class PreparedCase:
    """A new case checked against the clock, as rows not yet written."""

    child: Child
    case: Case
    events: list[CaseEvent]
    facts: CaseFacts


def prepare_case(
    organisation: Organisation, user: User | None, new: NewCase, today: date
) -> PreparedCase:
    """Check `new` (raising `CaseworkError` with every problem) and build its rows, unsaved.
    `create_case` writes them; the demo loader writes thousands at once in bulk."""
    problems = case_problems(new, today)
    if problems:
        raise CaseworkError(problems)
    child = Child(
        organisation=organisation,
        first_name=new.first_name,
        last_name=new.last_name,
        date_of_birth=new.date_of_birth,
        upn=new.upn,
        postcode=new.postcode,
    )
    case = Case(
        organisation=organisation,
        reference=new.reference,
        child=child,
        council_name=new.council_name,
        caseworker=new.caseworker,
        setting=new.setting,
        requested_by=new.requested_by,
        source=Case.Source.FAMILY if organisation.is_advocacy else Case.Source.COUNCIL,
    )
    names.set_keys(case, child)
    events = [
        CaseEvent(case=case, recorded_by=user, family_reported=organisation.is_advocacy, **vars(e))
        for e in new.events
    ]
    return PreparedCase(child, case, events, facts_of(new))


def create_case(
    organisation: Organisation,
    user: User,
    new: NewCase,
    today: date,
    action: str = "Opened a new request",
    *,
    notify: bool = True,
) -> Case:
    """The one way a case is created: checked, written with its timeline in one transaction,
    summarised and audited (as `action`). `notify` as for `refresh_summary`."""
    prepared = prepare_case(organisation, user, new, today)
    case = prepared.case
    with transaction.atomic():
        prepared.child.save()
        case.child = prepared.child
        if not case.reference:
            received = min(e.date for e in new.events if e.name == "request_received")
            case.reference = next_reference(organisation, received.year)
        case.save()
        names.keep(organisation, [case])
        for row in prepared.events:
            row.case = case
        CaseEvent.objects.bulk_create(prepared.events)
        refresh_summary(case, today, prepared.facts, notify=notify)
        audit(user, "change", action, case.reference)
    return case


def open_request(organisation: Organisation, user: User, new: NewRequest, today: date) -> Case:
    """Start a case with the request for an assessment as its first timeline event."""
    return create_case(organisation, user, new.as_case(), today)


def store_document(case: Case, user: User, title: str, upload: Any) -> Document:
    """Keep `upload` if its content is a kind we accept (raising `CaseworkError` if not),
    stored and served under the type and extension its bytes show."""
    kind = uploads.kind_of(upload)
    problems = _present(validation.text_problem("title", title))
    if kind is None or upload.size > uploads.LARGEST:
        problems.append("The selected file must be a PDF, DOCX, image or plain text file")
    if problems or kind is None:
        raise CaseworkError(problems)
    with transaction.atomic():
        document = Document(
            case=case,
            title=title,
            original_name=uploads.safe_name(upload.name or "", kind),
            content_type=kind.mime,
            size=upload.size,
            token=secrets.token_urlsafe(24),
            uploaded_by=user,
        )
        document.file.save(f"{document.token}.{kind.extension}", upload, save=False)
        document.save()
        audit(user, "change", "Uploaded a document", case.reference)
    return document


def erase_timeline(case: Case) -> None:
    """Erase a case's timeline under a retention policy: the one deletion the append-only
    rows allow, through Django's base manager (their own managers refuse to delete)."""
    events = CaseEvent._base_manager.filter(case=case)
    events.filter(retracts__isnull=False).delete()  # retractions first: they protect
    events.delete()
    CaseException._base_manager.filter(case=case).delete()
    CaseClosure._base_manager.filter(case=case).delete()
    forget_changes(case.organisation_id, case.reference)
