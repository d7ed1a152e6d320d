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
MEDIATION = Party("Demo Mediation", ("2 Demo Road", "Demoton", "ZZ99 2ZZ"))
DATA_PROTECTION = Party("Data Protection Officer", ("Demo Council", "Town Hall", "Demoton"))
MP_OFFICE = Party(
    "Jo Example MP",
    ("House of Commons", "London", "SW1A 0AA"),
    role="Member of Parliament for Demoton",
    contacts=(("constituent", "Sam Example"),),
)


def letter(
    kind: str,
    *events: Event,
    today: str,
    sender: Party | None = None,
    recipient: Party | None = None,
    child: Child = CHILD,
    **options: object,
) -> Letter:
    """The letter for these events; a council's letter goes to the family, the others to the
    council, unless a sender or recipient is given."""
    default_sender, default_recipient = (
        (COUNCIL, FAMILY) if kind.startswith("C") else (FAMILY, COUNCIL)
    )
    sender, recipient = sender or default_sender, recipient or default_recipient
    return build_letter(
        kind,
        CaseFacts(events=events),
        today=day(today),
        calendar=CALENDAR,
        sender=sender,
        recipient=recipient,
        child=child,
        **options,  # type: ignore[arg-type]
    )
