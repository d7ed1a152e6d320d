"""The case page's visual timeline: recorded events and the statutory schedule on one
line, in date order. Every deadline and status shown comes from `ehcp.rules`.

The items are written as HTML here, with every value escaped, rather than in the template: a
case can have a hundred of them, and the template language's cost for each tag and variable
made the timeline most of the case page's rendering time."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from django.utils.safestring import SafeString

from ehcp.rules import Deadline
from ehcp.rules.wording import status_phrase, what_missing_it_means
from ehcp.web.cases.queries import CaseView
from ehcp.web.frontend.templatetags.govuk import humanise, long_date, tag_colour

GREY = "govuk-tag--grey"


def html(template: str, *values: Any) -> SafeString:
    """Django's `format_html` without its checks for lazy strings, which cost more than the
    formatting here: each value is escaped unless it is already safe HTML."""
    safe = (v if isinstance(v, SafeString) else escape(str(v)) for v in values)
    return SafeString(template.format(*safe))


def tag(text: str, colour: str) -> SafeString:
    return html('<strong class="govuk-tag {}">{}</strong>', colour, text)


def event_tags(row: Any, live: bool) -> list[SafeString]:
    tags = [tag("Family reported", "govuk-tag--yellow")] if row.family_reported else []
    if row.retracts_id:
        tags.append(tag("Retraction", GREY))
    elif not live:
        tags.append(tag("Retracted", GREY))
    return tags


def event_text(row: Any) -> str:
    text = humanise(row.name)
    if row.kind:
        text += f" ({humanise(row.kind).lower()})"
    return text + (f", {row.party}" if row.party else "")


def retract_form(row: Any, url: str, csrf_input: str) -> SafeString:
    return html(
        '<form method="post" action="{}" class="app-inline-form">{}<button type="submit" '
        'class="app-link-button govuk-body-s">Retract<span class="govuk-visually-hidden"> '
        "{} on {}</span></button></form>",
        url, csrf_input, humanise(row.name).lower(), long_date(row.date),
    )  # fmt: skip


def event_html(
    row: Any, live: bool, recorder: str, retract_url: str, csrf_input: str
) -> SafeString:
    """One recorded event; `retract_url` is empty when the user may not retract it."""
    detail = f"Recorded by {recorder or 'import'}" + (f". {row.note}" if row.note else "")
    form = retract_form(row, retract_url, csrf_input) if retract_url and live else ""
    return html(
        '<li class="app-timeline__item app-timeline__item--event{}">'
        '<p class="govuk-body govuk-!-margin-bottom-1"><time datetime="{}" '
        'class="govuk-!-font-weight-bold">{}</time>: {}{}</p>'
        '<p class="govuk-body-s app-muted govuk-!-margin-bottom-1">{}</p>{}</li>',
        "" if live else " app-timeline__item--retracted",
        row.date.isoformat(), long_date(row.date), event_text(row),
        SafeString("".join(f" {t}" for t in event_tags(row, live))),
        detail, form,
    )  # fmt: skip


def deadline_html(deadline: Deadline) -> SafeString:
    detail = deadline.explanation
    if deadline.completed_on:
        detail += f" Done on {long_date(deadline.completed_on)}."
    detail += "".join(f" {warning}" for warning in deadline.warnings)
    detail += f" {what_missing_it_means(deadline)}"
    target = deadline.operational_target
    last_working_day = f" (last working day {long_date(target)})" if target != deadline.due else ""
    return html(
        '<li class="app-timeline__item app-timeline__item--deadline">'
        '<p class="govuk-body govuk-!-margin-bottom-1"><time datetime="{}">{}</time>{}: '
        "due – {} {}</p>"
        '<details class="govuk-details govuk-!-margin-bottom-1"><summary '
        'class="govuk-details__summary"><span class="govuk-details__summary-text">How this '
        'date was worked out</span></summary><div class="govuk-details__text">{}</div>'
        "</details></li>",
        deadline.due.isoformat(), long_date(deadline.due), last_working_day, deadline.title,
        tag(status_phrase(deadline).capitalize(), tag_colour(deadline.status)), detail,
    )  # fmt: skip


def timeline_html(view: CaseView, retract_url: str, csrf_input: str) -> SafeString:
    """The `<li>` items of the case's timeline, events before deadlines on the same day.

    `retract_url` is the retract address of event 0 (`.../events/0/retract/`), or empty when
    the user may not retract; each live event gets its own (one `reverse` for the page rather
    than one for each event). `csrf_input` is the hidden token field for those forms."""
    head, _, tail = retract_url.rpartition("/0/")
    items: list[tuple[date, int, SafeString]] = []
    for row, live in view.timeline:
        url = retract_url and f"{head}/{row.pk}/{tail}"
        recorder = view.names.get(row.recorded_by_id, "")
        items.append((row.date, 0, event_html(row, live, recorder, url, csrf_input)))
    items += [(d.due, 1, deadline_html(d)) for d in view.deadlines]
    items.sort(key=lambda item: item[:2])
    return SafeString("".join(item for *_, item in items))
