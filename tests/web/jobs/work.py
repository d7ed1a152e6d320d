"""Work for the tests' jobs, named by dotted path as real jobs' work is."""

from __future__ import annotations

from typing import Any


def count_to(job: Any, progress: Any, to: int) -> dict[str, Any]:
    for number in range(1, to + 1):
        progress("Counted", number, to, "numbers")
    return {"summary": f"Counted to {to}"}


def fail(job: Any, progress: Any) -> dict[str, Any]:
    progress("Checked", 1, 2, "rows")
    raise ValueError("Row 2: Amelia Testington, born 2015-05-01, is not valid")


def take(job: Any, progress: Any, seconds: float) -> dict[str, Any]:
    """Work that takes `seconds`, saying so as it goes."""
    import time

    steps = int(seconds * 10)
    for step in range(1, steps + 1):
        time.sleep(0.1)
        progress("Waited", step, steps, "tenths of a second")
    return {"summary": f"Took {seconds} seconds"}
