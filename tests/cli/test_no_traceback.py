"""No input gives `ehcp` a traceback: odd dates, unknown councils, broken files, unicode.

Each test generates arguments and files for one subcommand, runs the command in-process and
checks that it ends with status 0 or 2 (1 is allowed for a failure that is not the user's),
says what went wrong in one line, and never prints "Traceback". EHCP_FUZZ_SCALE multiplies
the number of examples, e.g. `EHCP_FUZZ_SCALE=20` for a longer run.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shlex
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ehcp.cli import CLOSED_PIPE, main
from ehcp.stats.store import import_releases

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dfe-ehcp-statistics"
SCALE = float(os.environ.get("EHCP_FUZZ_SCALE", "1"))


def fuzz(examples: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return settings(
        max_examples=max(1, round(examples * SCALE)),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def run(argv: list[str]) -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse: --help, or arguments it cannot take
            code = exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 2
    return Outcome(code, out.getvalue(), err.getvalue())


def assert_tidy(argv: list[str], outcome: Outcome) -> None:
    shown = f"{argv!r} gave {outcome.code}: {outcome.err[-500:]!r}"
    assert "Traceback" not in outcome.err + outcome.out, shown
    assert outcome.code in (0, 1, 2), shown
    if outcome.code:
        # The forecast's progress bar (redrawn with carriage returns) is not a message.
        lines = [line for line in outcome.err.splitlines() if line.strip() and "\r" not in line]
        assert len(lines) == 1, shown
        assert not lines[0].startswith("usage:"), shown


# Values -----------------------------------------------------------------------------------

ODD_DATES = (
    "2024-02-30", "2023-02-29", "2024-02-29", "0001-01-01", "9999-12-31", "2024-13-01",
    "24-01-08", "2024-1-8", "20240108", "2024-W02-1", "yesterday", "", " ", "2024-01-08T10:00",
    "١٩٩٩-٠١-٠١", "2024-01-08\u200b", "-1", "1e309", "NaN", "0000-00-00",
)  # fmt: skip
ODD_NAMES = (
    "Atlantis", "", " ", "801", "E06000023", "E12000002", "999", "England", "north west",
    "Bristol, City of", "Ynys Môn", "東京", "x" * 500, "%", "'; DROP TABLE observation; --",
    "\u0000", "\N{RIGHT-TO-LEFT OVERRIDE}Leeds", "Stockport",
)  # fmt: skip
ODD_NUMBERS = ("0", "-1", "1", "2", "2023", "99999999999999999999", "1.5", "", "two", "１")
INDICATORS = (
    "plans_within_20_weeks_pct",
    "caseload",
    "nothing",
    "",
    "PLANS",
    "caseload_growth_pct",
)

some_text = st.text(max_size=20)
dates = st.one_of(st.sampled_from(ODD_DATES), some_text)
names = st.one_of(st.sampled_from(ODD_NAMES), some_text)
numbers = st.one_of(st.sampled_from(ODD_NUMBERS), some_text)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | some_text
    | st.sampled_from(ODD_DATES),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(some_text, inner, max_size=4),
    max_leaves=12,
)
EVENT_NAMES = (
    "request_received",
    "decision_to_assess_notified",
    "advice_requested",
    "plan_issued",
)
fact_keys = st.sampled_from(("events", "exceptions", "closures", "date_of_birth", "child"))
facts_documents = st.dictionaries(
    fact_keys,
    st.one_of(
        json_values,
        st.lists(
            st.fixed_dictionaries(
                {"event": st.sampled_from(EVENT_NAMES) | some_text, "date": dates},
                optional={"kind": json_values, "code": json_values, "start": dates,
                          "setting": json_values, "applies_to": json_values,
                          "first_closed_day": dates, "reopening_day": dates},
            ),
            max_size=4,
        ),
    ),
    max_size=5,
)  # fmt: skip


# Files ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileSpec:
    """A file (or folder, or nothing) to make for one example, named by its kind."""

    kind: str
    content: bytes = b""
    members: tuple[tuple[str, bytes], ...] = ()


RELEASE_MEMBERS = (
    "data/caseload.csv", "data/timeliness_20_week.csv", "data/sen2_mi.csv",
    "data-guidance/data-guidance.txt", "supporting-files/SEND Tribunals and appeal rate.csv",
    "data/other.csv", "../escape.csv",
)  # fmt: skip
CSV_LIKE = (
    b"", b"time_period,geographic_level\n", b"time_period\n2024\n", b"\xef\xbb\xbf\r\n",
    b"time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    b"region_name,new_la_code,old_la_code,la_name,ehcplans\n2024,Calendar year,National,"
    b"E92000001,England,,,,,,12\n",
    b'"unclosed,quote\n', b"a,b\n1,2,3\n", b"\x00\x01\xff\xfe", b"Reporting year 2025\n",
)  # fmt: skip
member_contents = st.one_of(st.sampled_from(CSV_LIKE), st.binary(max_size=200))
file_specs = st.one_of(
    st.builds(FileSpec, st.just("missing")),
    st.builds(FileSpec, st.just("folder")),
    st.builds(FileSpec, st.just("huge")),
    st.builds(FileSpec, st.just("bytes"), st.binary(max_size=300)),
    st.builds(FileSpec, st.just("bytes"), some_text.map(str.encode)),
    st.builds(FileSpec, st.just("bytes"), facts_documents.map(lambda d: json.dumps(d).encode())),
    st.builds(FileSpec, st.just("bytes"), json_values.map(lambda d: json.dumps(d).encode())),
    st.builds(
        FileSpec,
        st.just("zip"),
        members=st.lists(
            st.tuples(st.sampled_from(RELEASE_MEMBERS), member_contents), max_size=4
        ).map(tuple),
    ),
)


@pytest.fixture(scope="module")
def huge_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight megabytes of a CSV-looking line, the same for every example."""
    path = tmp_path_factory.mktemp("huge") / "huge.csv"
    path.write_bytes(b"2024,Calendar year,National,E92000001,England,,,,,,1\n" * 150_000)
    return path


class Files:
    """Makes each example's files in its own temporary folder."""

    def __init__(self, folder: Path, huge: Path) -> None:
        self.folder, self.huge, self.count = folder, huge, 0

    def make(self, spec: FileSpec, suffix: str = "") -> Path:
        self.count += 1
        path = self.folder / f"f{self.count}-reporting-year-2025{suffix}"
        if spec.kind == "folder":
            path.mkdir()
        elif spec.kind == "huge":
            return self.huge
        elif spec.kind == "bytes":
            path.write_bytes(spec.content)
        elif spec.kind == "zip":
            with zipfile.ZipFile(path, "w") as bundle:
                for name, content in dict(spec.members).items():
                    bundle.writestr(name, content)
        return path


@contextlib.contextmanager
def example_files(huge: Path) -> Iterator[Files]:
    with tempfile.TemporaryDirectory() as folder:
        yield Files(Path(folder), huge)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2025 release alone: every subcommand's figures, imported in half the time."""
    path = tmp_path_factory.mktemp("fuzz-store") / "stats.duckdb"
    import_releases(path, [DATA / "education-health-and-care-plans_reporting-year-2025.zip"])
    return path


def store_choice(files: Files, real: Path, choice: str) -> str:
    """The real store, or one that is missing, a folder, not a database or an empty one."""
    if choice == "real":
        return str(real)
    if choice == "empty-database":
        import duckdb

        path = files.folder / f"empty{files.count}.duckdb"
        files.count += 1
        duckdb.connect(str(path)).close()
        return str(path)
    return str(files.make(FileSpec(choice, b"not a database" * 50)))


stores = st.sampled_from(("real", "empty-database", "real", "missing", "folder", "bytes", "real"))


def options(**choices: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """Any subset of the given options, each with a generated value, in a random order."""
    pairs = [st.tuples(st.just(flag), value) for flag, value in choices.items()]
    return st.lists(st.one_of(pairs), max_size=len(pairs) + 1).map(
        lambda chosen: [part for flag, value in chosen for part in (flag, value)]
    )


# Tests ------------------------------------------------------------------------------------


@fuzz(60)
@given(
    argv=options(
        **{"--received": dates, "--dob": dates, "--today": dates, "--exception": some_text,
           "--closure": some_text}
    ),
    events=st.lists(st.tuples(st.sampled_from(EVENT_NAMES) | some_text, dates), max_size=3),
    facts=st.none() | file_specs,
    flags=st.lists(st.sampled_from(("--json", "--list-events", "--ics")), max_size=2),
    ics=file_specs,
)  # fmt: skip
def test_clock(
    huge_file: Path,
    argv: list[str],
    events: list[tuple[str, str]],
    facts: FileSpec | None,
    flags: list[str],
    ics: FileSpec,
) -> None:
    with example_files(huge_file) as files:
        full = ["clock", *argv, *[f"--event={name}={day}" for name, day in events]]
        if facts is not None:
            full += ["--facts", str(files.make(facts, ".json"))]
        for flag in flags:
            full += [flag, str(files.make(ics, ".ics"))] if flag == "--ics" else [flag]
        assert_tidy(full, run(full))


@fuzz(40)
@given(
    kind=st.none() | st.sampled_from(("F2", "C2", "Z9", "", "f2")) | some_text,
    argv=options(**{"--today": dates, "--details": some_text, "--format": st.sampled_from(
        ("txt", "pdf", "docx", "rtf"))}),
    facts=st.none() | file_specs,
    out=st.none() | file_specs,
    templates=st.none() | st.lists(st.tuples(some_text, member_contents), max_size=2),
    listing=st.booleans(),
)  # fmt: skip
def test_letter(
    huge_file: Path,
    kind: str | None,
    argv: list[str],
    facts: FileSpec | None,
    out: FileSpec | None,
    templates: list[tuple[str, bytes]] | None,
    listing: bool,
) -> None:
    with example_files(huge_file) as files:
        full = ["letter", *([kind] if kind is not None else []), *argv]
        if facts is not None:
            full += ["--facts", str(files.make(facts, ".json"))]
        if out is not None:
            full += ["--out", str(files.make(out, ".out"))]
        if templates is not None:
            folder = files.make(FileSpec("folder"))
            for number, (name, content) in enumerate(templates):
                safe = "".join(char for char in name if char not in "/\0")[:20]
                (folder / f"{number}{safe}.txt").write_bytes(content)
            full += ["--templates", str(folder)]
        if listing:
            full.append("--list")
        assert_tidy(full, run(full))


@fuzz(60)
@given(
    where=st.sampled_from(("--la", "--region")),
    place=names,
    argv=options(**{"--year": numbers, "--indicator": st.sampled_from(INDICATORS) | some_text,
                    "--by": st.sampled_from(("setting", "need", "age", "sex", "colour", "")),
                    "--format": st.sampled_from(("table", "json", "csv", "xml"))}),
    store_kind=stores,
)  # fmt: skip
def test_stats_show(
    huge_file: Path, store: Path, where: str, place: str, argv: list[str], store_kind: str
) -> None:
    with example_files(huge_file) as files:
        full = [
            "stats",
            "show",
            where,
            place,
            *argv,
            "--store",
            store_choice(files, store, store_kind),
        ]
        assert_tidy(full, run(full))


@fuzz(40)
@given(
    indicator=st.sampled_from(INDICATORS) | some_text,
    year=numbers,
    style=st.sampled_from(("table", "json", "csv", "markdown")),
    store_kind=stores,
)
def test_stats_rank(
    huge_file: Path, store: Path, indicator: str, year: str, style: str, store_kind: str
) -> None:
    with example_files(huge_file) as files:
        full = ["stats", "rank", "--indicator", indicator, "--year", year, "--format", style]
        full += ["--store", store_choice(files, store, store_kind)]
        assert_tidy(full, run(full))


@fuzz(40)
@given(
    paths=st.lists(file_specs, min_size=1, max_size=3),
    suffixes=st.sampled_from(("", ".zip", ".csv")),
    replace=st.booleans(),
)
def test_stats_import(
    huge_file: Path, paths: list[FileSpec], suffixes: str, replace: bool
) -> None:
    with example_files(huge_file) as files:
        full = ["stats", "import", *[str(files.make(spec, suffixes)) for spec in paths]]
        full += ["--store", str(files.folder / "store.duckdb")]
        full += ["--replace"] if replace else []
        assert_tidy(full, run(full))


@fuzz(15)
@given(
    place=names,
    years=st.sampled_from(("1", "2", "0", "16", "-1", "x")) | numbers,
    sims=st.sampled_from(("1", "2", "3", "0", "-5", "100001", "lots", "")),
    argv=options(**{"--seed": numbers}),
    csv_file=st.none() | file_specs,
    store_kind=stores,
)
def test_forecast(
    huge_file: Path,
    store: Path,
    place: str,
    years: str,
    sims: str,
    argv: list[str],
    csv_file: FileSpec | None,
    store_kind: str,
) -> None:
    with example_files(huge_file) as files:
        full = ["forecast", "--la", place, "--years", years, "--sims", sims, *argv]
        if csv_file is not None:
            full += ["--csv", str(files.make(csv_file, ".csv"))]
        full += ["--store", store_choice(files, store, store_kind)]
        assert_tidy(full, run(full))


# A closed pipe ----------------------------------------------------------------------------

EHCP = [os.environ.get("PYTHON", sys.executable), "-m", "ehcp.cli"]


@pytest.mark.parametrize(
    "argv",
    [
        ["clock", "--received", "2024-01-08"],  # Monday
        ["stats", "indicators", "--format", "markdown"],
    ],
)
def test_a_closed_pipe_ends_quietly(argv: list[str]) -> None:
    """The reader goes away before the command writes: the status a shell shows for SIGPIPE."""
    child = subprocess.Popen(
        [*EHCP, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
    )
    assert child.stdout is not None
    assert child.stderr is not None
    child.stdout.close()
    with child.stderr:
        err = child.stderr.read().decode()
    assert child.wait(timeout=60) == CLOSED_PIPE
    assert err == ""


def test_show_into_head_prints_one_line_and_no_error(store: Path) -> None:
    command = [*EHCP, "stats", "show", "--la", "Stockport", "--store", str(store)]
    shell = " ".join(shlex.quote(part) for part in command) + " | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.count("\n") == 1
    assert done.stderr == ""
    assert done.returncode in (0, CLOSED_PIPE)


def test_a_line_break_typed_by_the_user_is_spelt_out() -> None:
    outcome = run(["stats", "rank", "--indicator", "one\rtwo\x1b[31m", "--year", "2024"])
    assert outcome.code == 2
    assert outcome.err == "ehcp stats: There is no indicator 'one\\rtwo\\x1b[31m'.\n"


def test_argument_errors_are_one_line_not_the_usage() -> None:
    unknown = run(["clock", "--received", "2024-01-08", "--bogus"])  # Monday
    assert (unknown.code, unknown.err) == (
        2,
        "ehcp: unrecognized arguments: --bogus (see 'ehcp --help').\n",
    )
    bad_year = run(["stats", "rank", "--indicator", "caseload", "--year", "20x4"])
    assert (bad_year.code, bad_year.err) == (
        2,
        "ehcp stats rank: argument --year: invalid int value: '20x4' "
        "(see 'ehcp stats rank --help').\n",
    )
