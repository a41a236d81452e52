"""Log output: readable lines on a terminal, JSON lines everywhere else (containers, files, pipes).

In: the verbosity and the stream. Out: the root logger configured once. A JSON line holds
`time` (UTC ISO 8601), `level`, `logger`, `message`, every `key=value` field the message
carries (`source=sanming-gov status=ok new=3` → "source": "sanming-gov", …; an `error=` or
`reason=` with its words) and, for an error,
its traceback as `exc`. Never prints anything itself.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timezone
from typing import TextIO

DAEMON = "monitor.daemon"  # the logger of the daemon's start and stop lines, said without -v too
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
_FIELD = re.compile(r"(?<![\w.])([a-z][a-z0-9_]*)=(\S+)")
# An error's or a reason's text has spaces ("error=database is locked"): it runs to the next field,
# to a "; " that starts the line's own comment, or to the end, and neither ends it inside brackets
# or quotes (a 503's "(the site is failing; retried next cycle)", a quoted page's `style="a: b; c: d"`).
_PLAIN_END = re.compile(r";\s|\s[a-z][a-z0-9_]*=|$")
_TEXT_START = re.compile(r"(?<![\w.])(error|reason)=")
_NEXT_FIELD = re.compile(r"\s[a-z][a-z0-9_]*=")
_CLOSE = {"(": ")", "[": "]", "{": "}", "（": "）", "“": "”"}
_RESERVED = {"time", "level", "logger", "message", "exc"}


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line."""

    def format(self, record: logging.LogRecord) -> str:
        import json  # on the first record: a command that logs nothing never loads it

        message = record.getMessage()
        out: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name, "message": message}
        texts, rest = _texts(message)
        for key, value in _FIELD.findall(rest):  # a quoted page's `new=1` inside an error is not a field
            value = value.rstrip(":,")  # 'source=x: could not …' names x, not 'x:'
            if key not in _RESERVED and value:
                out.setdefault(key, _number(value))
        out.update(texts)
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


def _texts(message: str) -> tuple[dict[str, str], str]:
    """The `error=`/`reason=` texts of a message, and the message without them."""
    out: dict[str, str] = {}
    rest, pos = [], 0
    for m in _TEXT_START.finditer(message):
        if m.start() < pos:
            continue
        end = _text_end(message, m.end())
        out[m.group(1)] = message[m.end():end].strip()
        rest.append(message[pos:m.start()])
        pos = end
    rest.append(message[pos:])
    return out, "".join(rest)


def _text_end(s: str, i: int) -> int:
    """Where a text starting at `i` ends: a "; " or the next field outside brackets and quotes; a bracket
    or quote never closed reads as the plain rule (the first "; " or field) instead."""
    start, closers, quote = i, [], ""
    while i < len(s):
        c = s[i]
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"" and (i == start or not s[i - 1].isalnum()):  # it's, don't: not a quote
            quote = c
        elif c in _CLOSE:
            closers.append(_CLOSE[c])
        elif closers and c == closers[-1]:
            closers.pop()
        elif not closers and (s.startswith("; ", i) or (c.isspace() and _NEXT_FIELD.match(s, i))):
            return i
        i += 1
    if quote or closers:
        return _PLAIN_END.search(s, start + 1).start()  # type: ignore[union-attr]  # `$` always matches
    return len(s)


def _number(value: str) -> object:
    # Counts and durations become numbers, so `new > 0` works in a log query.
    return int(value) if re.fullmatch(r"-?\d{1,18}", value) else value


def setup(level: int, stream: TextIO) -> None:
    """Configure the root logger (once per process, as logging.basicConfig does): JSON unless `stream` is a TTY."""
    handler = logging.StreamHandler(stream)
    tty = getattr(stream, "isatty", lambda: False)()
    handler.setFormatter(logging.Formatter(TEXT_FORMAT) if tty else JsonFormatter())
    logging.basicConfig(level=level, handlers=[handler])
    # The daemon's start and stop (`scheduler.run`: what it will poll, where its database is, and
    # by what it stopped) at every level: without -v a `monitor run` said nothing at all, so
    # whether it had started, and on which database, was not to be told from its log.
    logging.getLogger(DAEMON).setLevel(min(level, logging.INFO))
    # Two lines a job run ("Running job", "executed successfully", said of a failed poll too)
    # were two thirds of the daemon's -v log; its warnings (a run missed or skipped) stay.
    logging.getLogger("apscheduler.executors").setLevel(max(level, logging.WARNING))
    # and two lines a job at each start ("Adding job tentatively -- it will be properly scheduled
    # ...", "Added job ..."; 400 for 200 sources), two more at each SIGHUP: 'daemon started: N poll
    # jobs' and 'config reloaded ... added= changed= removed=' say it; the scheduler's warnings stay.
    logging.getLogger("apscheduler.scheduler").setLevel(max(level, logging.WARNING))
