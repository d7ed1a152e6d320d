"""Known problems in the published figures are raised as warnings, never dropped silently."""

import pytest

from ehcp.forecast import DataQualityWarning, Figures
from ehcp.forecast.data import warn_quality


def test_data_quality_warnings(figures: Figures) -> None:
    with pytest.warns(DataQualityWarning) as caught:
        skipped = warn_quality(figures)
    messages = " | ".join(str(w.message) for w in caught)
    for text in (
        "Cumbria changed boundaries",
        "Northamptonshire changed boundaries",
        "Bournemouth, Christchurch and Poole changed boundaries",
        "Dorset changed boundaries",
        "Hackney published no ages for January 2024",
        "Peterborough published no ages for January 2024",
        "Cambridgeshire's January 2025 placements are mostly not recorded",
        "North East Lincolnshire's January 2025 placements are mostly not recorded",
        "Newham's January 2025 caseload",
        "series breaks in January 2023",
    ):
        assert text in messages
    assert {"909", "928", "839", "316"} <= skipped
    assert "204" not in skipped
