"""Who a letter is from, who it is to, and whom it is about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Party:
    """A sender or a recipient. `address` is the lines of a postal address, in order."""

    name: str
    address: tuple[str, ...] = ()
    email: str = ""
    role: str = ""  # "Director of Children's Services", "Parent", "Member of Parliament"
    organisation: str = ""
    # Named contact details a template may print: ("mediation_adviser", "…"), ("sendiass", "…").
    contacts: tuple[tuple[str, str], ...] = ()

    def contact(self, name: str, otherwise: str) -> str:
        return dict(self.contacts).get(name, otherwise)

    @property
    def address_block(self) -> str:
        lines = [self.name, *([self.role] if self.role else []), *self.address]
        if self.organisation and self.organisation not in lines:
            lines.insert(1, self.organisation)
        return "\n".join(lines + ([self.email] if self.email else []))


@dataclass(frozen=True)
class Child:
    """The child or young person the letter is about."""

    name: str
    date_of_birth: date | None = None
    reference: str = ""  # the council's reference for the case
    setting: str = ""
