"""The project's own error tree.

In: nothing. Out: exception classes. Library errors are wrapped into these at the module
boundary that met them, so the CLI can print one line with a hint and never a traceback.
"""

from __future__ import annotations

import re

# `user:password@` after a scheme's `//` (the password up to the last `@` before the path): a
# configured source's members' feed; `www.gov.cn@` (no password) is left as it is
_PASSWORD = re.compile(r"(?<=//)([^/?#@\s:]*):[^/?#\s]*@")


def without_password(text: str) -> str:
    """`text` with the password of any address in it shown as `***` (`http://editor:***@host/`),
    the user's name kept to tell the account by: a source URL as the user wrote it in the config,
    printed in a table or an error line a screen or a chat may show."""
    return _PASSWORD.sub(r"\1:***@", text) if "@" in text else text


class MonitorError(Exception):
    """Base of every error a user can cause or fix; `hint` says how."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        message = without_password(message)  # a configured URL's password, named in an error about it
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigError(MonitorError):
    """The configuration (file, key or value) is wrong. `built`: the config as far as it could be
    built (every table valid, a check across them failed), for check-config's other checks."""

    def __init__(self, message: str, hint: str | None = None, problems: list[str] | None = None) -> None:
        super().__init__(message, hint)
        self.problems = problems or [str(self)]
        self.built: object = None


class FetchError(MonitorError):
    """A URL could not be fetched, or its bytes could not be decoded; `status` is the HTTP
    status when the server answered; `kind` says what went wrong so callers can decide whether
    to try again: http, transport, timeout, refused (address policy), robots, redirect (loop or
    too many hops), too_large, blocked (a WAF or JS challenge page), deferred (the host asked
    us to come back later), encoding (a body in a compression we never asked for and cannot undo),
    malformed (an answer that is no HTTP a browser reads: asked once)."""

    def __init__(self, message: str, hint: str | None = None, status: int | None = None,
                 kind: str = "http") -> None:
        super().__init__(message, hint)
        self.status = status
        self.kind = kind


class ExtractError(MonitorError):
    """A page held no article we could read."""


class StoreError(MonitorError):
    """The database could not be opened, migrated or written."""


class NotifyError(MonitorError):
    """A digest could not be delivered through a channel. `waiting`, when set, names the
    recipients still to have it: the others took it, so a retry is for those only.
    `retry_after`: the seconds the receiver asked to be left alone (its Retry-After). `unsure`:
    the receiver had the whole message and never answered: it may have it. `too_large`: the
    receiver refused the message for its size (`size` bytes as sent) and takes at most this many.
    `silent`: no answer came at all (the receiver unreachable, stalling, or quiet once it had the
    message): the next message to it would likely wait as long. `took`: with `waiting`, the
    recipients who have it."""

    def __init__(self, message: str, hint: str | None = None, waiting: tuple[str, ...] = (),
                 retry_after: float | None = None, unsure: bool = False, too_large: int = 0, size: int = 0,
                 silent: bool = False, took: tuple[str, ...] = ()) -> None:
        super().__init__(message, hint)
        self.waiting, self.retry_after, self.unsure, self.too_large = waiting, retry_after, unsure, too_large
        self.size, self.silent, self.took = size, silent or unsure, took


class InputError(MonitorError):
    """A user-supplied input (query, JSON line, file) is malformed."""


class LockBusy(MonitorError):
    """Another process holds a lock this one needs (a second daemon on one database); exit status 2."""

    def __init__(self, message: str, hint: str | None = None, pid: int | None = None) -> None:
        super().__init__(message, hint)
        self.pid = pid
