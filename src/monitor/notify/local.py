"""File and stdout channels: the rendered text written atomically to a path, or to a stream.

In: a file or stdout `Channel` and an `Outgoing` with `text`. Out: one line saying where it went.
A path with `{date}` keeps every digest of the day: a second, different one goes to `NAME-2.md`
(then -3 …) instead of replacing the first, whose stories are recorded as delivered; the same
text again (a retry after a crash between writing and recording) is not written twice. A path
without `{date}` is the latest digest, replaced each time.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import TextIO

from ..config import Channel
from ..errors import NotifyError
from ..models import Outgoing
from ..plural import counted


def _text(channel: Channel, message: Outgoing) -> str:
    if message.text is None:
        raise NotifyError(f"{channel.kind} channel has no {message.format!r} rendering",
                          hint="use text, markdown, html or json")
    return message.text


def _stories(n: int) -> str:
    return counted(n, "story")


def file_path(channel: Channel, message: Outgoing) -> Path:
    """`channel.path` with {subscriber} and {date} (Asia/Shanghai YYYY-MM-DD) filled in."""
    # A subscriber name must not walk the path: keep letters (Chinese too), digits, . and -.
    name = re.sub(r"[^\w.-]+", "_", message.subscriber).strip(".") or "subscriber"
    path = (channel.path or "").replace("{subscriber}", name).replace("{date}", message.day)
    return Path(path).expanduser()


def _atomic_write(path: Path, text: str) -> None:
    """Write via a temp file in the same directory and rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _day_slot(path: Path, text: str) -> Path:
    """`path`, or the first of `stem-2.ext`, `stem-3.ext` … that is free or already holds `text`."""
    for n in range(1, 10_000):
        slot = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        try:
            if slot.read_text(encoding="utf-8") == text:
                return slot
        except FileNotFoundError:
            return slot
        except (OSError, UnicodeDecodeError):
            continue  # not ours to replace: try the next name
    return path


def send_file(channel: Channel, message: Outgoing) -> str:
    if not channel.path:
        raise NotifyError("file channel needs a path", hint='e.g. path = "digests/{subscriber}-{date}.txt"')
    path, text = file_path(channel, message), _text(channel, message)
    try:
        if "{date}" in channel.path:
            path = _day_slot(path, text)
        _atomic_write(path, text)
    except OSError as exc:
        raise NotifyError(f"cannot write {path}: {exc.strerror or exc}",
                          hint="check the channel's path and the directory's permissions") from exc
    return f"file {path} ({len(text.encode())} bytes, {_stories(message.stories)})"


def send_stdout(channel: Channel, message: Outgoing, out: TextIO) -> str:
    fmt, text = message.format, _text(channel, message)
    try:
        out.write(text)
        out.flush()
    except OSError as exc:  # e.g. a closed pipe
        raise NotifyError(f"cannot write the digest to stdout: {exc.strerror or exc}") from exc
    return f"stdout ({fmt}, {_stories(message.stories)})"
