"""Letters for fixed facts: a family, a council and a child, all obviously fake."""

from __future__ import annotations

from ehcp.letters import Child, Letter, Party, build_letter
from ehcp.rules import CaseFacts, Event

from ..rules.helpers import CALENDAR, day

FAMILY = Party("Sam Example", ("1 Demo Street", "Demoton", "ZZ99 9ZZ"), email="sam@example.org")
COUNCIL = Party(
    "Director of Children's Services",
    ("Demo Council", "Town Hall", "Demoton", "ZZ99 1ZZ"),
    contacts=(("mediation_adviser", "Demo Mediation, 0800 000 0000"),),
)
CHILD = Child("Alex Example", day("Fri 1 May 2015"), "EHC-0001", "Oak Primary")


def letter(kind: str, *events: Event, today: str, **options: object) -> Letter:
    sender, recipient = (COUNCIL, FAMILY) if kind.startswith("C") else (FAMILY, COUNCIL)
    return build_letter(
        kind,
        CaseFacts(events=events),
        today=day(today),
        calendar=CALENDAR,
        sender=sender,
        recipient=recipient,
        child=CHILD,
        **options,  # type: ignore[arg-type]
    )
