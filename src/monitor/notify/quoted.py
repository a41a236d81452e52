"""What a receiver said, quoted in one line of our own: a mail server's reply, a webhook's error.

A server's words come over several lines (an SMTP reply's continuation lines, a robot's errmsg,
an error page), with control characters (an ESC sequence from a hostile server, bidirectional
controls) and of any length; quoted as they came, they broke the digest's line of error, its log
line and the JSON a script reads, and reached the terminal. `one_line` folds them. Pure.
"""

from __future__ import annotations

import re

MAX_QUOTED = 300  # characters of a receiver's words kept in a line of error

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def one_line(text: str, limit: int = MAX_QUOTED) -> str:
    """`text` in one line: its lines joined by a space, control characters made spaces, runs of
    white space one, at most `limit` characters (then '…')."""
    folded = " ".join(_CONTROLS.sub(" ", text).split())
    return folded[:limit] + "…" if len(folded) > limit else folded
