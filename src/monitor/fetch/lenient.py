"""Response heads read as a browser reads them, not refused for a line a browser skips.

In: the header lines of an HTTP/1.1 answer, as h11 (under httpcore and httpx) splits them.
Out: the same lines with those h11 would refuse mended or left out, before h11 reads them:
- a name with a space before its colon (`Content-Type : text/html`): the space dropped;
- a line that is no header at all (a firewall's `get-ban-to-cache-result/forum.php: …`, a
  name with a space in it, a line without a colon, with its folded continuation): left out;
- `Transfer-Encoding` said twice, or `chunked, chunked`: once.
An answer h11 refused for any of these was "a malformed HTTP answer", robots.txt's too, so the
whole site was out of reach while browsers showed it. The status line and everything else are
read by h11 as before (an answer that is not HTTP is still refused). `install()` wraps h11's
reader of a server's answer: a head it refuses is read once more, mended; idempotent.
"""

from __future__ import annotations

import re
from typing import Any

_FIELD = re.compile(rb"[-!#$%&'*+.^_`|~0-9A-Za-z]+:")  # a token (RFC 9110's tchar) and its colon
_SPACED = re.compile(rb"([-!#$%&'*+.^_`|~0-9A-Za-z]+)[ \t]+:")
_TE = re.compile(rb"transfer-encoding:", re.I)


def mend(lines: list[Any]) -> list[Any]:
    """The status line, then the header lines h11 can read (see the module's docstring)."""
    if not lines:
        return lines
    out: list[Any] = [lines[0]]
    keep, chunked = True, False
    for line in lines[1:]:
        if line[:1] in (b" ", b"\t"):  # a folded continuation goes with the line it continues
            if keep:
                out.append(line)
            continue
        spaced = _SPACED.match(line)
        if spaced:
            line = spaced.group(1) + b":" + line[spaced.end():]
        keep = _FIELD.match(line) is not None
        if keep and _TE.match(line):
            codings = {c.strip().lower() for c in bytes(line[len(b"transfer-encoding:"):]).split(b",")}
            if codings == {b"chunked"}:
                keep, chunked = not chunked, True  # one `Transfer-Encoding: chunked`, however often said
                line = b"Transfer-Encoding: chunked"
        if keep:
            out.append(line)
    return out


class _Kept:
    """h11's receive buffer, keeping the head's lines it hands out (to read them again mended)."""

    def __init__(self, buf: Any) -> None:
        self._buf = buf
        self.lines: list[Any] | None = None

    def maybe_extract_lines(self) -> list[Any] | None:
        self.lines = self._buf.maybe_extract_lines()
        return None if self.lines is None else list(self.lines)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._buf, name)


class _Given:
    """A receive buffer whose head is `lines` (already taken from the real one)."""

    def __init__(self, buf: Any, lines: list[Any]) -> None:
        self._buf, self._lines = buf, lines

    def maybe_extract_lines(self) -> list[Any]:
        return self._lines

    def __getattr__(self, name: str) -> Any:
        return getattr(self._buf, name)


def install() -> None:
    """Read every answer's head as h11 reads it, and one h11 refuses once more, mended (once per
    process): an answer h11 takes is read exactly as before, at the cost of one call."""
    from h11 import LocalProtocolError, _readers
    from h11._state import IDLE, SEND_RESPONSE, SERVER

    for state in (IDLE, SEND_RESPONSE):
        reader = _readers.READERS.get((SERVER, state))
        if reader is None or getattr(reader, "mended", False):
            continue

        def mended(buf: Any, _read: Any = reader) -> Any:
            kept = _Kept(buf)
            try:
                return _read(kept)
            except LocalProtocolError:
                if not kept.lines:
                    raise
                return _read(_Given(buf, mend(kept.lines)))

        mended.mended = True  # type: ignore[attr-defined]
        _readers.READERS[(SERVER, state)] = mended
