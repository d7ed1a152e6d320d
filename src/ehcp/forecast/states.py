"""The state space: age at the start of the school year × primary need × setting.

Ages run from 2 (DfE's "under 3") to 25; the national curriculum year is age − 4. A state is
valid when its setting takes children of that age (`SETTING_AGES`). A cohort that ages out of
its setting moves along `AGEING_ROUTE` (early years to mainstream school, school to further
education), or leaves when no setting on the route takes it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

AGES = tuple(range(2, 26))
BANDS = ((2, 4), (5, 10), (11, 15), (16, 19), (20, 25))
BAND_NAMES = ("under 5", "5-10", "11-15", "16-19", "20-25")
NEEDS = (
    "asd",
    "hi",
    "mld",
    "msi",
    "oth",
    "pd",
    "pmld",
    "semh",
    "slcn",
    "sld",
    "spld",
    "vi",
    "unknown",
)
SETTINGS = (
    "mainstream",
    "resourced",
    "special",
    "independent",
    "ap",
    "fe",
    "other",
    "early_years",
)
SETTING_AGES = {
    "mainstream": (2, 19),
    "resourced": (2, 19),
    "special": (2, 19),
    "independent": (2, 25),
    "ap": (4, 19),
    "fe": (16, 25),
    "other": (2, 25),
    "early_years": (2, 5),
}
AGEING_ROUTE = {
    "mainstream": "fe",
    "resourced": "fe",
    "special": "fe",
    "ap": "fe",
    "early_years": "mainstream",
}

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def ncy(age: int) -> int:
    """National curriculum year for an age at the start of the school year."""
    return age - 4


@dataclass(frozen=True)
class StateSpace:
    """Valid (age, need, setting) cells numbered 0..S-1, with their ageing and move maps."""

    valid: BoolArray  # [A, N, K]
    index: IntArray  # [A, N, K] -> state number, -1 when invalid
    age: IntArray  # [S] age index
    need: IntArray  # [S]
    setting: IntArray  # [S]
    aged: IntArray  # [S] state a year older, -1 when the cohort leaves
    moved: IntArray  # [S, K] same age and need in setting k, -1 when invalid or the same

    @property
    def size(self) -> int:
        return int(self.age.size)


def build_states(closed: frozenset[str] = frozenset()) -> StateSpace:
    """The state space, with `closed` settings taking nobody."""
    shape = (len(AGES), len(NEEDS), len(SETTINGS))
    valid = np.zeros(shape, dtype=bool)
    for k, setting in enumerate(SETTINGS):
        low, high = SETTING_AGES[setting]
        if setting not in closed:
            valid[AGES.index(low) : AGES.index(high) + 1, :, k] = True
    index = np.full(shape, -1, dtype=np.int64)
    cells = np.argwhere(valid)
    index[valid] = np.arange(len(cells))
    return StateSpace(
        valid=valid,
        index=index,
        age=cells[:, 0].astype(np.int64),
        need=cells[:, 1].astype(np.int64),
        setting=cells[:, 2].astype(np.int64),
        aged=_aged(index, cells),
        moved=_moved(index, cells),
    )


def _aged(index: IntArray, cells: IntArray) -> IntArray:
    out = np.full(len(cells), -1, dtype=np.int64)
    for s, (a, n, k) in enumerate(cells):
        if a + 1 >= len(AGES):
            continue
        target = int(index[a + 1, n, k])
        route = AGEING_ROUTE.get(SETTINGS[k])
        if target < 0 and route is not None:
            target = int(index[a + 1, n, SETTINGS.index(route)])
        if target < 0:
            target = int(index[a + 1, n, SETTINGS.index("other")])
        out[s] = target
    return out


def _moved(index: IntArray, cells: IntArray) -> IntArray:
    out = index[cells[:, 0], cells[:, 1], :].copy()
    out[np.arange(len(cells)), cells[:, 2]] = -1
    return out


def band_of_age() -> IntArray:
    """Band number for each age index."""
    return np.array(
        [next(b for b, (lo, hi) in enumerate(BANDS) if lo <= age <= hi) for age in AGES],
        dtype=np.int64,
    )
