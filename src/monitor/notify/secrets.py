"""Secrets for channels: read from the environment variable the config names, never from config.

In: a variable name. Out: its value, or NotifyError naming the variable.
"""

from __future__ import annotations

import os

from ..config.checks import blank_secret, unset_env
from ..errors import NotifyError


def env(name: str | None, what: str) -> str | None:
    """The secret held by environment variable `name`; None when no variable is configured."""
    if not name:
        return None
    value = os.environ.get(name)
    if blank_secret(value):
        missing, fix = unset_env(name, value)
        raise NotifyError(missing, hint=f"{fix} with the {what}")
    return value
