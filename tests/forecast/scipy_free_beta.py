"""Beta interval by Monte Carlo (the project has no SciPy)."""

import numpy as np


def beta_interval(alpha: float, beta: float, level: float) -> tuple[float, float]:
    draws = np.random.default_rng(0).beta(alpha, beta, size=200_000)
    tail = (1 - level) / 2
    return float(np.quantile(draws, tail)), float(np.quantile(draws, 1 - tail))
