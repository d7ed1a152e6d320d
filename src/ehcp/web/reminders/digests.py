"""What the digests say: a caseworker's overdue deadlines and those due this week (from the
clock), and a manager's team view (from the stored case summaries).

Each names a case by the child's initials and its reference only, in the subject and the
body alike: an email can be forwarded, and a subject line is shown in places a body is not."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from ehcp.letters.filters import long_date
from ehcp.rules import Deadline, Status
from ehcp.web.cases.models import Case
from ehcp.web.cases.queries import due_window
from ehcp.web.organisations.models import Organisation
from ehcp.web.reminders.schedules import CaseSchedule, schedules

WEEK: Final = timedelta(days=6)  # today and the 6 days after it


@dataclass(frozen=True)
class Digest:
    subject: str
    body: str


@dataclass(frozen=True)
class Line:
    label: str
    deadline: Deadline
    url: str

    def text(self) -> str:
        d = self.deadline
        return f"- {self.label}: {d.title}, due {long_date(d.due)} ({d.citation}). {self.url}"


def case_url(reference: str) -> str:
    return settings.EHCP_SITE_URL.rstrip("/") + reverse("case", args=[reference])


def needing_attention(user: User, today: date) -> QuerySet[Case]:
    """The member's cases whose stored summary shows something overdue, behind target or due
    within the week: the only ones whose schedules a daily digest needs."""
    soon = Q(open_breaches__gt=0) | Q(behind_target__gt=0) | Q(next_due__lte=today + WEEK)
    return (
        Case.objects.filter(organisation=user.membership.organisation, caseworker=user)
        .filter(soon)
        .select_related("child")
        .order_by("next_due", "reference")
    )


def _sections(found: Iterable[CaseSchedule], today: date) -> dict[str, list[Line]]:
    sections: dict[str, list[Line]] = {"overdue": [], "week": [], "behind": []}
    for item in found:
        url = case_url(item.case.reference)
        for deadline in item.actions:
            if deadline.status is Status.OVERDUE:
                sections["overdue"].append(Line(item.label, deadline, url))
            elif deadline.status is Status.BEHIND_TARGET:
                sections["behind"].append(Line(item.label, deadline, url))
            elif today <= deadline.due <= today + WEEK:
                sections["week"].append(Line(item.label, deadline, url))
    return sections


HEADINGS: Final = {
    "overdue": "Overdue (a breach of the law)",
    "week": "Due in the next 7 days",
    "behind": "Behind guidance or a planning target",
}


def daily(user: User, today: date) -> Digest | None:
    """The caseworker's daily digest, or None when nothing is overdue or due this week."""
    sections = _sections(schedules(needing_attention(user, today), today), today)
    if not any(sections.values()):
        return None
    overdue, week = len(sections["overdue"]), len(sections["week"])
    subject = f"Your EHC deadlines on {long_date(today)}: {overdue} overdue, {week} due this week"
    parts = [f"Hello {user.first_name or user.username},", ""]
    for key, lines in sections.items():
        if lines:
            parts += [f"{HEADINGS[key]}:", *(line.text() for line in lines), ""]
    parts += [
        "Cases are named by the child's initials and the case reference.",
        "Every date comes from the statutory clock.",
    ]
    return Digest(subject, "\n".join(parts))


def team_rows(organisation: Organisation, today: date) -> list[dict[str, object]]:
    """Cases, overdue, due in 7 days and behind target for each caseworker (and unassigned),
    from the stored summaries."""
    rows = list(
        Case.objects.filter(organisation=organisation)
        .values("caseworker", "caseworker__first_name", "caseworker__last_name")
        .annotate(
            total=Count("pk"),
            overdue=Count("pk", filter=due_window(today, "overdue")),
            due_7=Count("pk", filter=due_window(today, "7")),
            behind=Count("pk", filter=due_window(today, "behind")),
        )
        .order_by("caseworker__last_name", "caseworker__first_name")
    )
    for row in rows:
        name = f"{row['caseworker__first_name']} {row['caseworker__last_name']}".strip()
        row["name"] = name if row["caseworker"] else "Not assigned"
    return rows


def cases(count: int) -> str:
    return f"{count} case" if count == 1 else f"{count} cases"


def weekly(user: User, today: date) -> Digest | None:
    """The manager's weekly view of the team's caseload, or None for an empty caseload."""
    organisation = user.membership.organisation
    rows = team_rows(organisation, today)
    if not rows:
        return None
    overdue = sum(int(str(row["overdue"])) for row in rows)
    due = sum(int(str(row["due_7"])) for row in rows)
    subject = f"Team EHC deadlines, week of {long_date(today)}: {cases(overdue)} overdue"
    parts = [
        f"Hello {user.first_name or user.username},",
        "",
        f"{organisation.name}: {cases(overdue)} overdue and {due} with a deadline in the next "
        "7 days.",
        "",
        "By caseworker (cases, overdue, due in 7 days, behind target):",
    ]
    parts += [
        f"- {row['name']}: {row['total']}, {row['overdue']}, {row['due_7']}, {row['behind']}"
        for row in rows
    ]
    dashboard = settings.EHCP_SITE_URL.rstrip("/") + reverse("dashboard")
    parts += ["", f"The dashboard: {dashboard}"]
    return Digest(subject, "\n".join(parts))
