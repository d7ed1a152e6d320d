"""Errors the statistics library raises for problems a user can fix."""


class StatsError(Exception):
    """A bad path, file, council or indicator, described in one plain sentence."""
