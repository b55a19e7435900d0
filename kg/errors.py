"""Errors caused by user input: reported as one line on stderr, never as a traceback."""


class UserError(Exception):
    """A mistake in the user's input (missing file, bad query, bad gold file...)."""
