"""Review invitation letters (C11) for every review due at one setting, in one download."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from datetime import date
from typing import Final

from django.contrib.auth.models import User

from ehcp.letters import Child, LetterError, Party, build_letter, to_docx
from ehcp.web.audit.services import record as audit
from ehcp.web.cases import adapters, queries
from ehcp.web.cases.summary import CALENDAR
from ehcp.web.organisations.models import Organisation
from ehcp.web.reminders.planning import Row

INVITATION: Final = "C11"


def invitation(organisation: Organisation, reference: str, today: date) -> bytes | None:
    """The case's review invitation as a Word file, or None when the clock shows no review
    to invite anyone to."""
    case = queries.get_case(organisation, reference)
    carers = queries.carers_of(case.child)
    recipient = Party(carers[0].name) if carers else Party("[The parent or young person]")
    child = case.child
    named = Child(
        child.full_name,
        child.date_of_birth,
        case.reference,
        case.setting.name if case.setting else "",
    )
    try:
        letter = build_letter(
            INVITATION,
            adapters.facts_for(case),
            today=today,
            calendar=CALENDAR,
            sender=Party("SEND team", organisation=organisation.name),
            recipient=recipient,
            child=named,
        )
    except LetterError:
        return None
    return to_docx(letter)


def invitations_zip(
    organisation: Organisation,
    user: User,
    rows: Sequence[Row],
    today: date,
    progress: Callable[[str, int, int, str], None] | None = None,
) -> tuple[bytes, int]:
    """A zip of the invitations for `rows`, and how many it holds. Each letter written is
    audited against its case."""
    buffer, written = io.BytesIO(), 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, row in enumerate(rows, start=1):
            if progress is not None:
                progress("Written", number - 1, len(rows), "letters")
            body = invitation(organisation, row.reference, today)
            if body is None:
                continue
            archive.writestr(f"{row.reference}-{INVITATION}.docx", body)
            audit(
                user, "letter", f"{INVITATION} written as docx (with a setting's)", row.reference
            )
            written += 1
    if progress is not None:
        progress("Written", len(rows), len(rows), "letters")
    return buffer.getvalue(), written
