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

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
_FIELD = re.compile(r"(?<![\w.])([a-z][a-z0-9_]*)=(\S+)")
# An error's or a reason's text has spaces ("error=database is locked"): it runs to the next field,
# to a "; " that starts the line's own comment, or to the end.
_TEXT = re.compile(r"(?<![\w.])(error|reason)=(.+?)(?=;\s|\s[a-z][a-z0-9_]*=|$)")
_RESERVED = {"time", "level", "logger", "message", "exc"}


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line."""

    def format(self, record: logging.LogRecord) -> str:
        import json  # on the first record: a command that logs nothing never loads it

        message = record.getMessage()
        out: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name, "message": message}
        for key, value in _FIELD.findall(message):
            if key not in _RESERVED:
                out.setdefault(key, _number(value))
        for key, value in _TEXT.findall(message):
            out[key] = value.strip()
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


def _number(value: str) -> object:
    # Counts and durations become numbers, so `new > 0` works in a log query.
    return int(value) if re.fullmatch(r"-?\d{1,18}", value) else value


def setup(level: int, stream: TextIO) -> None:
    """Configure the root logger (once per process, as logging.basicConfig does): JSON unless `stream` is a TTY."""
    handler = logging.StreamHandler(stream)
    tty = getattr(stream, "isatty", lambda: False)()
    handler.setFormatter(logging.Formatter(TEXT_FORMAT) if tty else JsonFormatter())
    logging.basicConfig(level=level, handlers=[handler])
    # Two lines a job run ("Running job", "executed successfully", said of a failed poll too)
    # were two thirds of the daemon's -v log; its warnings (a run missed or skipped) stay.
    logging.getLogger("apscheduler.executors").setLevel(max(level, logging.WARNING))
