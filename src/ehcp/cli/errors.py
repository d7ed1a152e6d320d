"""Errors a user can fix: printed as one plain sentence, never as a traceback."""


class UserError(Exception):
    """Bad input from the command line or a file, with a message a caseworker understands."""
