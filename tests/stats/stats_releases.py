"""Where the shared DfE releases live: next to the repository, never copied into it."""

from pathlib import Path

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dfe-ehcp-statistics"
RELEASE_2022 = DATA / "education-health-and-care-plans_reporting-year-2022.zip"
RELEASE_2025 = DATA / "education-health-and-care-plans_reporting-year-2025.zip"
