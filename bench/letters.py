"""Benchmark: letters per second as DOCX and PDF, and the family date checker under load.

Each round builds the F2 chaser afresh for a different case (the clock, the template and the
rendering all run) and writes it in one format. Targets: DOCX >= 100 letters/s and PDF >= 10
letters/s on the project's 2-core machine. Then `checker_load.py`'s run: the checker's result
page against the trivial page, 20 clients, gunicorn sync workers; target: the result page's
p95 at most 2x the trivial page's. Ends with one RESULT line.

    .venv/bin/python bench/letters.py [--letters N] [--clients 20] [--seconds 30]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from ehcp.letters import Child, Letter, Party, build_letter, to_docx, to_pdf, to_text
from ehcp.rules import CaseFacts, EnglandCalendar, Event

sys.path.insert(0, str(Path(__file__).parent))
import checker_load  # noqa: E402

CALENDAR = EnglandCalendar()
TODAY = date(2026, 12, 2)
FAMILY = Party("Sam Example", ("1 Demo Street", "Demoton", "ZZ99 9ZZ"), email="sam@example.org")
COUNCIL = Party("Director of Children's Services", ("Demo Council", "Town Hall", "Demoton"))


def chaser(n: int) -> Letter:
    received = TODAY - timedelta(days=60 + n % 200)
    facts = CaseFacts(events=(Event(received, "request_received"),))
    child = Child(f"Alex Example {n}", date(2015, 5, 1), f"EHC-{n:05d}", "Oak Primary")
    return build_letter(
        "F2", facts, today=TODAY, calendar=CALENDAR, sender=FAMILY, recipient=COUNCIL, child=child
    )


def rate(write: Callable[[Letter], object], count: int) -> float:
    write(chaser(0))  # warm up: imports, fonts, the template cache
    started = time.perf_counter()
    for n in range(count):
        write(chaser(n))
    return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--letters", type=int, default=300)
    checker_load.arguments(parser)
    args = parser.parse_args()
    count = args.letters
    text = rate(to_text, count)
    docx = rate(to_docx, count)
    pdf = rate(to_pdf, count)
    print(f"text {text:.0f}/s, docx {docx:.0f}/s, pdf {pdf:.0f}/s over {count} letters each")
    found = checker_load.run(args.clients, args.seconds, args.workers, args.port)
    print(
        f"checker result page {found.checker_per_s:.0f} req/s, trivial page "
        f"{found.baseline_per_s:.0f} req/s, p95 ratio "
        f"{found.checker_p95_ms / found.baseline_p95_ms:.2f}, errors {found.errors}"
    )
    print(
        f"RESULT docx_per_s={docx:.0f} pdf_per_s={pdf:.0f} "
        f"checker_p95_ms={found.checker_p95_ms:.0f} baseline_p95_ms={found.baseline_p95_ms:.0f}"
    )


if __name__ == "__main__":
    main()
