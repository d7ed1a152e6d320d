"""The demo's advocacy records: each office's cases spread across several councils, with
consent on record and letters sent, one of them waiting past its reply date (a chaser due)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from django.contrib.auth.models import User

from ehcp.web.advocacy import services
from ehcp.web.advocacy.councils import council_name
from ehcp.web.advocacy.models import AdvocacyCase, Consent
from ehcp.web.cases.models import Case
from ehcp.web.organisations.models import Organisation

# Bristol, Barnet, Leeds, Kent, Manchester.
DEMO_COUNCILS: Final = ("801", "302", "383", "886", "352")


def office_records(office: Organisation, worker: User, today: date) -> None:
    basis = Consent.Basis.ELECTED if "MP" in office.name else Consent.Basis.EXPLICIT
    cases = list(Case.objects.filter(organisation=office).select_related("child"))
    for number, case in enumerate(cases):
        code = DEMO_COUNCILS[number % len(DEMO_COUNCILS)]
        AdvocacyCase.objects.create(case=case, council_code=code)
        Case.objects.filter(pk=case.pk).update(council_name=council_name(code))
        if number % 3 == 0:
            continue  # no consent yet: letters to the council are blocked
        _consent(case, worker, basis, today - timedelta(days=40))
        if number % 3 == 1:
            _chaser(case, worker, today - timedelta(days=14 + number), today)


def _consent(case: Case, worker: User, basis: str, on: date) -> None:
    Consent.objects.create(
        case=case,
        given_by=f"Parent {case.child.last_name}",
        relationship="parent",
        given_for=Consent.For.CHILD,
        given_on=on,
        how=Consent.How.EMAIL,
        scope="Contact the council's SEN team about the EHC process",
        basis=basis,
        recorded_by=worker,
    )


def _chaser(case: Case, worker: User, sent: date, today: date) -> None:
    subject = f"{case.child.first_name[:1]}{case.child.last_name[:1]}, reference {case.reference}"
    letter = services.NewLetter(kind="mp_to_council", subject=subject, dated=sent)
    services.record_letter(case, worker, letter, today)
