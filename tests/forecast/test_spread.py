"""Age bands spread over single years of age: the bands add up again, nothing is negative,
and a profile that is a straight line across the ages is recovered exactly."""

from __future__ import annotations

import numpy as np

from ehcp.forecast.cohort import spread_bands
from ehcp.forecast.states import AGES, band_of_age

# England's published bands for January 2022 (2022 release, sen2_age_caseload.csv):
# under 5, 5-10, 11-15, 16-19, 20-25.
ENGLAND_2022 = np.array([18054.0, 154940.0, 167305.0, 98647.0, 34309.0])


def test_the_bands_add_up_again_and_nothing_is_negative() -> None:
    ages = spread_bands(ENGLAND_2022)
    assert ages.shape == (len(AGES),)
    assert (ages >= 0).all()
    assert np.allclose(np.bincount(band_of_age(), weights=ages), ENGLAND_2022)


def test_more_plans_at_four_than_at_two_where_the_next_band_is_fuller() -> None:
    ages = spread_bands(ENGLAND_2022)
    assert ages[AGES.index(2)] < ages[AGES.index(3)] < ages[AGES.index(4)]


def test_a_straight_line_is_recovered() -> None:
    line = 100.0 + 10.0 * np.arange(len(AGES))
    bands = np.bincount(band_of_age(), weights=line)
    assert np.allclose(spread_bands(bands), line)


def test_an_empty_band_stays_empty() -> None:
    bands = np.array([0.0, 600.0, 500.0, 400.0, 0.0])
    ages = spread_bands(bands)
    assert np.allclose(np.bincount(band_of_age(), weights=ages), bands)
    assert (ages[band_of_age() == 0] == 0).all()
    assert (ages[band_of_age() == 4] == 0).all()
