"""Open a DfE "Education, health and care plans" release: the zip as downloaded, or a folder.

A release is identified by its reporting year (from data-guidance.txt, else from the archive
name). Each CSV is recognised by name and given its layout era; files the catalogue does not
use are listed but not read.
"""

from __future__ import annotations

import csv
import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ehcp.stats.catalogue import AGGREGATE, PERSON_LEVEL, TRIBUNAL, Era, sources_for
from ehcp.stats.errors import StatsError

AGGREGATE_FILES = frozenset(
    {
        "sen2_mi.csv",
        "sen2_age_caseload.csv",
        "sen2_age_new_plans.csv",
        "sen2_estab_caseload.csv",
        "sen2_estab_new_plans.csv",
        "sen2_wbp_residential_dmo.csv",
    }
)
PERSON_LEVEL_FILES = frozenset(
    {
        "annual_reviews.csv",
        "assessments.csv",
        "caseload.csv",
        "ceased_plans.csv",
        "newplans.csv",
        "personal_budgets.csv",
        "requests.csv",
        "residential_settings.csv",
        "sen_need_newplans.csv",
        "sen_needs_all_plans.csv",
        "timeliness_20_week.csv",
        "work_based_placements.csv",
        "sen2_dmo_dco.csv",
    }
)
TRIBUNAL_PREFIX = "SEND Tribunals and appeal rate"
_REPORTING_YEAR = re.compile(r"reporting[ _-]year[ _-]?(\d{4})|(\d{4}) reporting year", re.I)


@dataclass(frozen=True)
class ReleaseFile:
    name: str
    era: Era
    path: Path

    @property
    def imported(self) -> bool:
        """Every file we know by name is kept as published, whether or not the catalogue
        draws indicators from it."""
        return True

    @property
    def has_indicators(self) -> bool:
        return bool(sources_for(self.era, self.name)) or self.era == TRIBUNAL


@dataclass
class Release:
    origin: Path
    reporting_year: int
    files: list[ReleaseFile] = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)

    @property
    def imported_files(self) -> list[ReleaseFile]:
        return [member for member in self.files if member.imported]


def era_of(name: str) -> Era | None:
    """The release layout a CSV belongs to, judged by its file name."""
    if name in AGGREGATE_FILES:
        return AGGREGATE
    if name in PERSON_LEVEL_FILES:
        return PERSON_LEVEL
    if name.startswith(TRIBUNAL_PREFIX):
        return TRIBUNAL
    return None


def read_header(path: Path) -> list[str]:
    """The column names of a CSV, without the BOM, with repeated names made unique.

    A repeated name gets the suffix `_1`, `_2`, ... as DuckDB's reader does, so the first
    occurrence keeps the published name.
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        try:
            names = next(csv.reader(handle))
        except (StopIteration, UnicodeDecodeError, csv.Error) as error:
            raise StatsError(f"{path.name} has no readable header row ({error}).") from error
    seen: dict[str, int] = {}
    unique = []
    for name in (raw.strip() for raw in names):
        count = seen.get(name, 0)
        seen[name] = count + 1
        unique.append(name if count == 0 else f"{name}_{count}")
    return unique


@contextmanager
def open_release(path: Path) -> Iterator[Release]:
    """Open a release zip or folder; zip members are extracted to a temporary folder."""
    if not path.exists():
        raise StatsError(f"{path} does not exist.")
    if path.is_dir():
        yield _release_from_folder(path)
        return
    if not zipfile.is_zipfile(path):
        raise StatsError(f"{path} is neither a release zip nor a folder of release files.")
    scratch = Path(tempfile.mkdtemp(prefix="ehcp-release-"))
    try:
        yield _release_from_zip(path, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _release_from_folder(folder: Path) -> Release:
    csvs = sorted(folder.rglob("*.csv"))
    guidance = next(iter(sorted(folder.rglob("data-guidance.txt"))), None)
    text = guidance.read_text(encoding="utf-8-sig", errors="replace")[:500] if guidance else ""
    _require_known_files(folder, [p.name for p in csvs])
    release = Release(folder, _reporting_year(text, folder.name))
    for csv_path in csvs:
        _add_member(release, csv_path.name, csv_path)
    return release


def _release_from_zip(archive: Path, scratch: Path) -> Release:
    try:
        with zipfile.ZipFile(archive) as bundle:
            names = [n for n in bundle.namelist() if not n.endswith("/")]
            guidance = [n for n in names if n.endswith("data-guidance.txt")]
            text = (
                bundle.read(guidance[0])[:500].decode("utf-8-sig", "replace") if guidance else ""
            )
            _require_known_files(archive, [PurePosixPath(n).name for n in names])
            release = Release(archive, _reporting_year(text, archive.name))
            for member in (n for n in names if n.lower().endswith(".csv")):
                name = PurePosixPath(member).name
                target = scratch / name
                if era_of(name) is not None:
                    target.write_bytes(bundle.read(member))
                _add_member(release, name, target)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as error:
        raise StatsError(f"{archive} is a damaged zip archive ({error}).") from error
    return release


def _add_member(release: Release, name: str, path: Path) -> None:
    era = era_of(name)
    if era is None:
        release.unrecognised.append(name)
    else:
        release.files.append(ReleaseFile(name, era, path))


def _require_known_files(origin: Path, names: list[str]) -> None:
    if not any(
        ReleaseFile(name, era, Path(name)).has_indicators
        for name in names
        if (era := era_of(name)) is not None
    ):
        listed = ", ".join(sorted(names)[:6]) or "nothing"
        raise StatsError(
            f"{origin} is not a DfE 'Education, health and care plans' release: "
            f"it has no data file we know (found {listed})."
        )


def _reporting_year(guidance: str, origin_name: str) -> int:
    for text in (guidance, origin_name):
        match = _REPORTING_YEAR.search(text)
        if match:
            return int(match.group(1) or match.group(2))
    raise StatsError(
        f"Cannot tell which reporting year {origin_name} is: it has no data-guidance.txt "
        "and its name does not say (e.g. '..._reporting-year-2025.zip')."
    )
