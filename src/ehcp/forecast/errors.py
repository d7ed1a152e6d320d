"""Errors and warnings the forecast raises."""


class ForecastError(Exception):
    """Bad input to the forecast, described in one plain sentence."""


class DataQualityWarning(UserWarning):
    """A known problem in the published figures that the forecast works around."""
