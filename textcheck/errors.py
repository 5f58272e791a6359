"""Errors that become one clear line for the user, never a traceback."""


class TextcheckError(Exception):
    """Base class: the message is shown to the user as is."""


class ReadError(TextcheckError):
    """An input could not be read (empty, binary, encrypted, corrupt …)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(TextcheckError):
    """Invalid configuration; the message names the key."""


class OutputError(TextcheckError):
    """A report or export cannot be written where the user asked (one line, exit 2)."""
