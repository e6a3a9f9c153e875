"""Errors that are not bugs (qutebrowser's split): the environment or the user's input is
wrong, and ``str(err)`` tells the user, in their language, what to do."""


class KnownError(Exception):
    pass
