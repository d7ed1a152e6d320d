"""Every change to an advocacy record goes through here, audited as casework is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Final

from django.contrib.auth.models import User
from django.db import models, transaction

from ehcp.rules import EnglandCalendar
from ehcp.rules.calendar import working_days_after
from ehcp.rules.dates import months_after
from ehcp.web.advocacy.councils import council_name, councils
from ehcp.web.advocacy.models import AdvocacyCase, Consent, Correspondence
from ehcp.web.audit.services import record as audit
from ehcp.web.caching import caseload_changed
from ehcp.web.cases import names
from ehcp.web.cases.models import Case, Document
from ehcp.web.cases.services import erase_timeline

CALENDAR: Final = EnglandCalendar()
Kind = Correspondence.Kind
# How long the recipient has to answer each kind of letter (the spec's section 0.6; the
# caseworker may change the date). ("working days", n) or ("months", n) or ("days", n).
RESPONSE_DUE: Final[dict[str, tuple[str, int]]] = {
    Kind.CHASER: ("working days", 5),
    Kind.COMPLAINT_1: ("working days", 10),
    Kind.COMPLAINT_2: ("working days", 20),
    Kind.PRE_ACTION: ("days", 14),
    Kind.SUBJECT_ACCESS: ("months", 1),
    Kind.MP_TO_COUNCIL: ("working days", 10),
    Kind.MP_TO_DEPARTMENT: ("working days", 20),
    Kind.OTHER: ("working days", 10),
}


class AdvocacyError(ValueError):
    """The change is not allowed, said in one plain sentence."""


def record_for(case: Case) -> AdvocacyCase:
    found, _ = AdvocacyCase.objects.get_or_create(case=case)
    return found


def set_council(case: Case, user: User, la_code: str) -> AdvocacyCase:
    if la_code not in councils():
        raise AdvocacyError("Select the council responsible from the list")
    with transaction.atomic():
        found = record_for(case)
        found.council_code = la_code
        found.save(update_fields=["council_code"])
        Case.objects.filter(pk=case.pk).update(council_name=council_name(la_code))
        audit(user, "change", "Council responsible", case.reference)
        transaction.on_commit(partial(caseload_changed, case.organisation_id))
    return found


# Consent ---------------------------------------------------------------------------------


def consent_in_force(case: Case, on: date) -> Consent | None:
    """The latest consent given by `on` and not withdrawn by then."""
    given = case.consents.filter(given_on__lte=on).order_by("-given_on", "-pk")
    return next((c for c in given if c.withdrawn_on is None or c.withdrawn_on > on), None)


def record_consent(case: Case, user: User, consent: Consent, today: date) -> Consent:
    if consent.given_on > today:
        raise AdvocacyError("The date consent was given must be today or in the past")
    consent.case = case
    consent.recorded_by = user
    with transaction.atomic():
        consent.save()
        audit(user, "change", "Consent recorded", case.reference)
    return consent


def withdraw_consent(case: Case, user: User, consent: Consent, on: date, today: date) -> None:
    if consent.withdrawn_on is not None:
        raise AdvocacyError("This consent has already been withdrawn")
    if on > today or on < consent.given_on:
        raise AdvocacyError("The withdrawal date must be between the consent date and today")
    with transaction.atomic():
        Consent.objects.filter(pk=consent.pk).update(withdrawn_on=on)
        audit(user, "change", "Consent withdrawn", case.reference)


def check_may_write(case: Case, on: date) -> None:
    """Nothing goes to the council from a case without consent in force on that day."""
    if consent_in_force(case, on) is None:
        raise AdvocacyError(
            "Record the family's consent before writing to the council: "
            "there is no consent in force on this date"
        )


# Correspondence ---------------------------------------------------------------------------


def default_response_due(kind: str, sent_on: date) -> date | None:
    rule = RESPONSE_DUE.get(kind)
    if rule is None:
        return None
    unit, count = rule
    if unit == "working days":
        return working_days_after(CALENDAR, sent_on, count)
    if unit == "months":
        return months_after(sent_on, count)
    return date.fromordinal(sent_on.toordinal() + count)


@dataclass(frozen=True)
class NewLetter:
    kind: str
    subject: str
    dated: date
    to_council: bool = True
    response_due: date | None = None
    letter: str = ""
    note: str = ""


def record_letter(case: Case, user: User, new: NewLetter, today: date) -> Correspondence:
    if new.dated > today:
        raise AdvocacyError("The date the letter was sent must be today or in the past")
    if new.to_council:
        check_may_write(case, new.dated)
    due = new.response_due or default_response_due(new.kind, new.dated)
    if due is not None and due < new.dated:
        raise AdvocacyError("The reply cannot be due before the letter was sent")
    with transaction.atomic():
        row = Correspondence.objects.create(
            case=case, recorded_by=user, **(vars(new) | {"response_due": due})
        )
        audit(user, "change", "Letter sent recorded", case.reference)
    return row


def record_reply(
    case: Case, user: User, letter: Correspondence, dated: date, note: str, today: date
) -> Correspondence:
    if dated > today or dated < letter.dated:
        raise AdvocacyError("The reply's date must be between the letter's date and today")
    with transaction.atomic():
        row = Correspondence.objects.create(
            case=case,
            kind=Kind.REPLY,
            to_council=False,
            subject=f"Reply to: {letter.subject}"[:200],
            dated=dated,
            answers=letter,
            note=note,
            recorded_by=user,
        )
        audit(user, "change", "Reply recorded", case.reference)
    return row


def awaiting_reply(cases: models.QuerySet[Case]) -> models.QuerySet[Correspondence]:
    """Letters with a response-due date and no reply recorded, soonest first."""
    return (
        Correspondence.objects.filter(case__in=cases, response_due__isnull=False)
        .exclude(kind=Kind.REPLY)
        .filter(replies__isnull=True)
        .select_related("case")
        .order_by("response_due", "pk")
    )


def next_chaser(letter: Correspondence, today: date) -> str:
    """What to send next when `letter` has no reply, in words."""
    if letter.response_due is None or letter.response_due >= today:
        return "None yet: the reply is not due"
    ladder: dict[str, str] = {
        Kind.CHASER: "A formal complaint (stage 1)",
        Kind.COMPLAINT_1: "A formal complaint (stage 2)",
        Kind.COMPLAINT_2: "A complaint to the Local Government and Social Care Ombudsman",
        Kind.MP_TO_COUNCIL: "A chaser to the Director of Children's Services",
    }
    return ladder.get(letter.kind, "A chaser asking for a reply")


# Closing and retention --------------------------------------------------------------------


def close_case(case: Case, user: User, on: date, today: date) -> None:
    if on > today:
        raise AdvocacyError("The date the case closed must be today or in the past")
    with transaction.atomic():
        found = record_for(case)
        found.closed_on = on
        found.save(update_fields=["closed_on"])
        audit(user, "change", "Case closed", case.reference)


def review_date(record: AdvocacyCase, months: int) -> date | None:
    if record.closed_on is None:
        return None
    due = months_after(record.closed_on, months)
    return max(due, record.kept_until) if record.kept_until else due


def due_for_review(cases: models.QuerySet[Case], today: date, months: int) -> list[AdvocacyCase]:
    closed = AdvocacyCase.objects.filter(case__in=cases, closed_on__isnull=False)
    found = closed.select_related("case", "case__child").order_by("closed_on")
    return [r for r in found if (review_date(r, months) or today) <= today]


def delete_case(case: Case, user: User) -> None:
    """Erase a closed case and everything about the child under the retention policy. The
    timeline is append-only against edits; erasure is the one deletion it allows, through a
    plain query set. The audit log keeps only the reference."""
    record = record_for(case)
    if record.closed_on is None:
        raise AdvocacyError("Only a closed case can be deleted")
    reference, child, organisation = case.reference, case.child, case.organisation_id
    with transaction.atomic():
        for document in case.documents.all():
            document.file.delete(save=False)
        erase_timeline(case)
        Document.objects.filter(case=case).delete()
        case.delete()
        if not child.cases.exists():
            child.delete()
        names.forget_unused(case.organisation, [case.first_name_key, case.last_name_key])
        audit(user, "change", "Case deleted under the retention policy", reference)
        transaction.on_commit(partial(caseload_changed, organisation))
