"""What to do when a test's server, browser or assets are missing."""

from __future__ import annotations

import os

import pytest

# `./dev.sh test` sets EHCP_REQUIRE_SERVICES=1 (and CI has always failed for a missing browser):
# then a test that cannot reach what it needs fails instead of skipping.
REQUIRE_SERVICES = os.environ.get("EHCP_REQUIRE_SERVICES") == "1" or bool(os.environ.get("CI"))


def skip_or_fail(reason: str) -> None:
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} (EHCP_REQUIRE_SERVICES=1 or CI is set)", pytrace=False)
    pytest.skip(reason)
