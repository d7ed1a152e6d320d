"""The council's letters for a case: the notice that fits what has been recorded, pre-filled
from the clock, with a check before it is sent. Every letter written is audited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from django.http import Http404, HttpResponse
from django.shortcuts import render

from ehcp.letters import (
    Child,
    Letter,
    LetterError,
    Party,
    build_letter,
    load_catalogue,
    to_docx,
    to_pdf,
)
from ehcp.letters.templates import LetterTemplate
from ehcp.web.accounts.permissions import MemberRequest, Perm, requires
from ehcp.web.audit.services import record as audit
from ehcp.web.cases import adapters, queries
from ehcp.web.cases.models import Case
from ehcp.web.cases.summary import CALENDAR
from ehcp.web.cases.views.common import today
from ehcp.web.people.models import Carer

PLACEHOLDER: Final = re.compile(r"\[[^\]]{3,}\]")
FORMATS: Final = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", to_docx),
    "pdf": ("application/pdf", to_pdf),
}


@dataclass(frozen=True)
class Draft:
    """A council letter ready to check: what it says and what to check before sending."""

    template: LetterTemplate
    letter: Letter
    recipient: str
    checks: tuple[tuple[bool, str], ...]
    to_complete: tuple[str, ...]


def _parties(case: Case, carers: list[Carer]) -> tuple[Party, Party, Child]:
    organisation = case.organisation
    sender = Party("SEND team", organisation=organisation.name)
    carer = carers[0] if carers else None
    recipient = (
        Party(carer.name, email=carer.email) if carer else Party("[The parent or young person]")
    )
    child = case.child
    named = Child(f"{child.first_name} {child.last_name}", child.date_of_birth, case.reference)
    return sender, recipient, named


def _checks(letter: Letter, recipient: Party, child: Child) -> tuple[tuple[bool, str], ...]:
    subject = letter.title
    return (
        (
            bool(recipient.email or recipient.address),
            "The family has an address or email on record",
        ),
        (child.name not in subject, "The subject line does not name the child"),
        (not PLACEHOLDER.search(letter.text), "Nothing is left to complete"),
    )


def _drafts(case: Case, kinds: tuple[str, ...] | None = None) -> list[Draft]:
    """The council's letters that fit the case today (of `kinds`, when given). A letter that
    does not fit, or an organisation's own template that cannot be filled in, is left out:
    never a server error."""
    facts = adapters.facts_for(case)
    sender, recipient, child = _parties(case, queries.carers_of(case.child))
    drafts = []
    for template in load_catalogue().values():
        if template.audience != "council" or (kinds is not None and template.id not in kinds):
            continue
        try:
            letter = build_letter(
                template.id,
                facts,
                today=today(),
                calendar=CALENDAR,
                sender=sender,
                recipient=recipient,
                child=child,
            )
        except LetterError:
            continue
        gaps = tuple(dict.fromkeys(PLACEHOLDER.findall(letter.text)))
        drafts.append(
            Draft(template, letter, recipient.name, _checks(letter, recipient, child), gaps)
        )
    return drafts


@requires(Perm.VIEW_CASES)
def case_letters(request: MemberRequest, reference: str) -> HttpResponse:
    case = queries.get_case(request.organisation, reference)
    audit(request.user, "view", "Letters for the case", case.reference)
    return render(request, "cases/letters.html", {"case": case, "drafts": _drafts(case)})


@requires(Perm.EDIT_CASES)
def case_letter(request: MemberRequest, reference: str, kind: str, format_: str) -> HttpResponse:
    case = queries.get_case(request.organisation, reference)
    if format_ not in FORMATS:
        raise Http404("Letters come as .docx or .pdf")
    drafts = _drafts(case, kinds=(kind,))
    if not drafts:
        raise Http404("That letter does not fit this case today")
    draft = drafts[0]
    audit(request.user, "export", f"{kind} written as {format_}", case.reference)
    mime, write = FORMATS[format_]
    response = HttpResponse(write(draft.letter), content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{case.reference}-{kind}.{format_}"'
    response["Cache-Control"] = "no-store"
    return response
