"""Letter templates: files with a TOML header and a Jinja body, overridable per organisation.

A template file looks like this:

    +++
    id = "F2"
    title = "..."
    ...
    +++
    Body text, with {{ placeholders }} and {% if %} blocks.

An organisation's own folder is searched before the built-in catalogue, so a council can
replace any template, or only the shared letterhead (`_letterhead.txt`) and sign-off
(`_signoff.txt`) that every letter includes.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from jinja2 import FileSystemLoader, StrictUndefined, Template
from jinja2.sandbox import SandboxedEnvironment

from ehcp.letters.filters import FILTERS

BUILT_IN: Final = Path(__file__).with_name("catalogue")
FENCE: Final = "+++"
AUDIENCES: Final = frozenset({"family", "council", "advocate"})
ORDER: Final = re.compile(r"^([A-Za-z]*)(\d*)(.*)$")


class TemplateError(ValueError):
    """A template file that cannot be used, with the file named."""


@dataclass(frozen=True)
class LetterTemplate:
    id: str
    title: str
    audience: str
    to: str
    citations: tuple[str, ...]
    law_from: date
    law_to: date | None
    body: str
    offered_when: tuple[str, ...] = ()  # clock keys: offered once one is an open breach
    needs_events: tuple[str, ...] = ()  # events that must be on record (notices)
    response_working_days: int = 0
    outline_only: bool = False

    def in_force_on(self, day: date) -> bool:
        return self.law_from <= day and (self.law_to is None or day <= self.law_to)


def split_file(text: str, name: str) -> tuple[dict[str, object], str]:
    first, header, rest = (text.split(FENCE, 2) + ["", ""])[:3]
    if first.strip() or not rest:
        raise TemplateError(f"{name} must start with a {FENCE} header and end it with {FENCE}.")
    try:
        return tomllib.loads(header), rest.lstrip("\n")
    except tomllib.TOMLDecodeError as error:
        raise TemplateError(f"The header of {name} is not valid TOML ({error}).") from None


def parse_template(text: str, name: str) -> LetterTemplate:
    header, body = split_file(text, name)
    try:
        template = LetterTemplate(
            id=str(header["id"]),
            title=str(header["title"]),
            audience=str(header["audience"]),
            to=str(header["to"]),
            citations=tuple(str(c) for c in header["citations"]),  # type: ignore[attr-defined]
            law_from=_date(header["law_from"], name),
            law_to=_date(header["law_to"], name) if header.get("law_to") else None,
            body=body,
            offered_when=tuple(header.get("offered_when", ())),  # type: ignore[arg-type]
            needs_events=tuple(header.get("needs_events", ())),  # type: ignore[arg-type]
            response_working_days=int(header.get("response_working_days", 0)),  # type: ignore[call-overload]
            outline_only=bool(header.get("outline_only", False)),
        )
    except KeyError as missing:
        raise TemplateError(f"The header of {name} has no {missing.args[0]}.") from None
    if template.audience not in AUDIENCES:
        raise TemplateError(f"{name}: audience must be one of {', '.join(sorted(AUDIENCES))}.")
    return template


def _date(value: object, name: str) -> date:
    if isinstance(value, date):
        return value
    raise TemplateError(f"{name}: law_from and law_to are dates written as YYYY-MM-DD.")


def template_files(folders: tuple[Path, ...]) -> dict[str, Path]:
    """Template id (file stem) -> file, an organisation's own folders winning."""
    found: dict[str, Path] = {}
    for folder in (*folders, BUILT_IN):
        for path in sorted(folder.glob("*.txt")):
            if not path.name.startswith("_"):
                found.setdefault(path.stem, path)
    return found


def load_catalogue(folders: tuple[Path, ...] = ()) -> dict[str, LetterTemplate]:
    """Every template, keyed by its id (F2, C2 …): an organisation's read again when one of its
    files changes."""
    return dict(_catalogue(folders, _stamp(folders)))


def _stamp(folders: tuple[Path, ...]) -> tuple[tuple[str, int], ...]:
    """Each of an organisation's template files with its modification time, so an edited file
    is read afresh. The built-in catalogue is part of the release and is read once a process:
    checking its files on every call cost about 0.3 ms, as much as the clock, on every page
    that offers letters (ADR 0026)."""
    found = []
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                found += [
                    (e.path, e.stat().st_mtime_ns) for e in entries if e.name.endswith(".txt")
                ]
        except FileNotFoundError:
            continue
    return tuple(sorted(found))


@functools.lru_cache(maxsize=32)
def _catalogue(
    folders: tuple[Path, ...], stamp: tuple[tuple[str, int], ...]
) -> tuple[tuple[str, LetterTemplate], ...]:
    """`stamp` is only part of the cache key: a changed file gives a new one."""
    catalogue = {}
    for path in template_files(folders).values():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise TemplateError(f"{path.name} is not a text file in UTF-8.") from None
        except OSError as error:
            raise TemplateError(f"{path.name} cannot be read ({error.strerror}).") from None
        template = parse_template(text, path.name)
        catalogue[template.id] = template
    return tuple(sorted(catalogue.items(), key=lambda item: _order(item[0])))


def _order(template_id: str) -> tuple[str, int, str]:
    """C2 before C10; a variant (F4P) straight after the letter it varies (F4)."""
    parts = ORDER.match(template_id)  # every id matches: each part may be empty
    letters, number, rest = parts.groups() if parts else (template_id, "", "")
    return letters, int(number) if number else 0, rest


@functools.lru_cache(maxsize=32)
def environment(folders: tuple[Path, ...] = ()) -> SandboxedEnvironment:
    """A sandbox: a council's template can format what it is given, and nothing more. Kept
    per folder list; Jinja itself reloads an included file that has changed."""
    env = SandboxedEnvironment(
        loader=FileSystemLoader([*map(str, folders), str(BUILT_IN)]),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


def compile_body(env: SandboxedEnvironment, template: LetterTemplate) -> Template:
    return _compiled(env, template.body)


@functools.lru_cache(maxsize=256)
def _compiled(env: SandboxedEnvironment, body: str) -> Template:
    return env.from_string(body)
