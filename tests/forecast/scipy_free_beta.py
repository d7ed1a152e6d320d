"""Beta intervals by Monte Carlo (the project has no SciPy)."""

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]


def beta_intervals(alpha: Floats, beta: Floats, level: float) -> tuple[Floats, Floats]:
    """Central `level` intervals of Beta(alpha, beta), one per pair, from 40,000 draws each
    (quantile error well under a tenth of the interval width)."""
    draws = np.random.default_rng(0).beta(alpha, beta, size=(40_000, len(alpha)))
    tail = (1 - level) / 2
    low, high = np.quantile(draws, [tail, 1 - tail], axis=0)
    return low, high
