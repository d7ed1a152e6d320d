"""The generated reference page of the letter catalogue (docs/letters.md)."""

from __future__ import annotations

from ehcp.letters.templates import load_catalogue


def letters_markdown() -> str:
    lines = [
        "# Letter catalogue",
        "",
        "Generated from the templates in `src/ehcp/letters/catalogue/` (a test keeps it in step).",
        "A letter with a clock condition is offered only when the schedule shows it (a bare id",
        "means that limit is overdue with no exception); a notice only once its event is on",
        "record. Write one with `ehcp letter ID --facts case.json`.",
        "",
        "| id | letter | from | to | offered when | needs on record | law |",
        "|---|---|---|---|---|---|---|",
    ]
    for template in load_catalogue().values():
        offered = ", ".join(f"`{c}`" for c in template.offered_when) or "—"
        needs = ", ".join(f"`{e}`" for e in template.needs_events) or "—"
        title = template.title + (" (outline only)" if template.outline_only else "")
        lines.append(
            f"| {template.id} | {title} | {template.audience} | {template.to} | {offered} "
            f"| {needs} | {'; '.join(template.citations)} |"
        )
    return "\n".join(lines) + "\n"
