"""The one-page summary an office sends the family: what has happened, each deadline met or
missed as the clock says, and what happens next. ReportLab, A4, like `ehcp.letters`' PDFs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import Final
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ehcp.letters.filters import long_date
from ehcp.rules import Deadline, Status
from ehcp.web.advocacy.councils import council_name
from ehcp.web.advocacy.models import Correspondence
from ehcp.web.advocacy.services import awaiting_reply, next_chaser, record_for
from ehcp.web.cases import adapters, queries
from ehcp.web.cases.models import Case
from ehcp.web.cases.summary import next_actions, schedule

STATUS_WORDS: Final = {
    Status.MET: "Met",
    Status.MET_LATE: "Missed: done late",
    Status.OVERDUE: "Missed: not done yet",
    Status.TOO_EARLY: "Done before the family's time was up",
    Status.EXCUSED: "An exception applies",
    Status.NOT_YET_DUE: "Not yet due",
    Status.DUE_SOON: "Due soon",
    Status.BEHIND_TARGET: "Behind the planning target",
    Status.WINDOW_OPEN: "The family's time to act is running",
    Status.WINDOW_CLOSED: "The family's time to act has ended",
    Status.PENDING: "Waiting for an earlier step",
    Status.NEEDS_FACTS: "More dates needed to work this out",
}
MOST_ROWS: Final = 14  # keeps the summary to one page
STYLES = getSampleStyleSheet()
BODY = STYLES["BodyText"]
SMALL = STYLES["BodyText"].clone("small", fontSize=8.5, leading=10.5)


@dataclass(frozen=True)
class FamilySummary:
    child: str
    council: str
    prepared_by: str
    today: date
    events: list[tuple[date, str]]
    deadlines: list[tuple[Deadline, str]]
    next_steps: list[str]


def event_words(name: str, kind: str) -> str:
    words = name.replace("_", " ").capitalize()
    return f"{words} ({kind.replace('_', ' ')})" if kind else words


def gather(case: Case, today: date) -> FamilySummary:
    facts = adapters.facts_for(case)
    deadlines = [d for d in schedule(facts, today) if not d.step]
    rows = adapters.live_events(queries.events_of(case))
    steps = [f"{d.title}: due {long_date(d.due)}" for d in next_actions(tuple(deadlines))]
    steps += [
        reply_step(letter, today) for letter in awaiting_reply(Case.objects.filter(pk=case.pk))
    ]
    return FamilySummary(
        child=f"{case.child.first_name} {case.child.last_name}",
        council=council_name(record_for(case).council_code),
        prepared_by=case.organisation.name,
        today=today,
        events=[(row.date, event_words(row.name, row.kind)) for row in rows][-MOST_ROWS:],
        deadlines=[(d, STATUS_WORDS.get(d.status, d.status.value)) for d in deadlines][
            -MOST_ROWS:
        ],
        next_steps=steps or ["Nothing is due from the council at the moment."],
    )


def reply_step(letter: Correspondence, today: date) -> str:
    due = long_date(letter.response_due)
    if letter.response_due and letter.response_due < today:
        return (
            f"No reply yet to '{letter.subject}' (due {due}). Next: {next_chaser(letter, today)}"
        )
    return f"Reply due by {due} to '{letter.subject}'"


def _table(header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    cells = [[Paragraph(escape(text), SMALL) for text in row] for row in [header, *rows]]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f2f1")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def story(summary: FamilySummary) -> list[Flowable]:
    events = [[long_date(day), words] for day, words in summary.events]
    deadlines = [[d.title, long_date(d.due), words] for d, words in summary.deadlines]
    return [
        Paragraph(f"Summary of {escape(summary.child)}'s EHC process", STYLES["Heading1"]),
        Paragraph(
            f"Council responsible: {escape(summary.council)}. Prepared by "
            f"{escape(summary.prepared_by)} on {long_date(summary.today)}.",
            BODY,
        ),
        Paragraph("What has happened", STYLES["Heading2"]),
        _table(
            ["Date", "What happened"],
            events or [["", "Nothing recorded yet"]],
            [45 * mm, 125 * mm],
        ),
        Paragraph("Deadlines", STYLES["Heading2"]),
        _table(
            ["What the council must do", "By", "Met or missed"],
            deadlines,
            [85 * mm, 45 * mm, 40 * mm],
        ),
        Paragraph("Next steps", STYLES["Heading2"]),
        *(Paragraph(f"• {escape(step)}", BODY) for step in summary.next_steps),
        Spacer(1, 4 * mm),
        Paragraph(
            "Dates are worked out from the law in force on the day of this summary. This is "
            "not legal advice: your local SENDIASS, IPSEA and SOS!SEN give free advice.",
            SMALL,
        ),
    ]


def to_pdf(summary: FamilySummary) -> bytes:
    out = BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=f"Summary of {summary.child}'s EHC process",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
    )
    document.build(story(summary))
    return out.getvalue()
