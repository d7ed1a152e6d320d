"""Small releases built from the real ones: each file's header and its England rows only.

The real files are read with the standard library, line by line, so a test can change a
line, drop a file or a year, and know which row of which file it changed.
"""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

from stats_releases import RELEASE_2025

Lines = list[bytes]


@functools.cache
def england_lines(archive: Path = RELEASE_2025) -> dict[str, Lines]:
    """Every member of the archive, as lines with their endings: a CSV's header and England
    rows (the first councils' where it has none), the tribunal spreadsheet and the guidance
    whole."""
    members: dict[str, Lines] = {}
    with zipfile.ZipFile(archive) as bundle:
        for name in bundle.namelist():
            lines = bundle.read(name).splitlines(keepends=True)
            if name.endswith(".csv") and "Tribunals" not in name:
                england = [line for line in lines[1:] if b",National," in line]
                lines = lines[:1] + (england or _first_council(lines))
            members[name] = lines
    return members


def _first_council(lines: Lines) -> Lines:
    """Every year's row for the first council, for a file with no England rows
    (sen2_dmo_dco.csv)."""
    code_and_name = ",".join(cells(lines[1])[8:10]).encode()
    return [line for line in lines[1:] if b"," + code_and_name + b"," in line + b","]


def build_release(
    folder: Path,
    *,
    drop: tuple[str, ...] = (),
    change: Mapping[str, Callable[[Lines], Lines]] | None = None,
    keep: Callable[[bytes], bool] | None = None,
    source: Path = RELEASE_2025,
) -> Path:
    """A zip named as DfE names the release, from the England rows of `source`.

    `drop` leaves out the members whose file name is given; `change` maps a file name to a
    function from its lines to new lines; `keep` filters the data rows of every CSV.
    """
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / source.name
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, lines in england_lines(source).items():
            file = name.rsplit("/", 1)[-1]
            if file in drop:
                continue
            if keep is not None and name.endswith(".csv") and "Tribunals" not in name:
                lines = lines[:1] + [line for line in lines[1:] if keep(line)]
            if change and file in change:
                lines = change[file](list(lines))
            bundle.writestr(name, b"".join(lines))
    return archive


def cells(line: bytes) -> list[str]:
    """The cells of a line of a DfE file (they quote no commas in these files' England rows)."""
    return line.decode("utf-8-sig").rstrip("\r\n").split(",")


def joined(values: list[str], ending: bytes = b"\r\n") -> bytes:
    return ",".join(values).encode() + ending
