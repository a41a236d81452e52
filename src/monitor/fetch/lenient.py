"""Response heads read as a browser reads them, not refused for a line a browser skips.

In: the header lines of an HTTP/1.1 answer, as h11 (under httpcore and httpx) splits them.
Out: the same lines with those h11 would refuse mended or left out, before h11 reads them:
- a name with a space before its colon (`Content-Type : text/html`): the space dropped;
- a line that is no header at all (a firewall's `get-ban-to-cache-result/forum.php: …`, a
  name with a space in it, a line without a colon, with its folded continuation): left out;
- `Transfer-Encoding` said twice, or `chunked, chunked`: once; one naming no `chunked`
  (`identity`) left out, as Chromium ignores it;
- a `Content-Length` that is no number (`abc`, `-1`, empty): left out, the body read to the close;
- a chunk's size followed by blanks (`819b   `, `79 ;ext`): the blanks dropped, as Chromium
  drops them.
An answer h11 refused for any of these was "a malformed HTTP answer", robots.txt's too, so the
whole site was out of reach while browsers showed it. The status line is read as Chromium
reads it, too: blank lines before it skipped, `http/1.1` in any case, blanks between its parts
however many, and a version that is no HTTP/1.x (`HTTP/2 200` on a plain connection, `HTTP/1`)
read as HTTP/1.0; the reason phrase, which nothing reads, dropped when h11 would refuse it. An
answer that is not HTTP (no `http` first, no three-digit status) is still refused. `install()`
wraps h11's reader of a server's answer: a head it refuses is read once more, mended; idempotent.
"""

from __future__ import annotations

import re
from typing import Any, cast

from h11._abnf import status_line as _STATUS_ABNF  # the status line h11 reads unmended

_FIELD = re.compile(rb"[-!#$%&'*+.^_`|~0-9A-Za-z]+:")  # a token (RFC 9110's tchar) and its colon
_SPACED = re.compile(rb"([-!#$%&'*+.^_`|~0-9A-Za-z]+)[ \t]+:")
_FRAMING = re.compile(rb"(transfer-encoding|content-length):", re.I)
_STATUS = re.compile(_STATUS_ABNF.encode("ascii"))
_BLANKS = 4  # blank lines skipped before a status line (Chromium looks 4 bytes in for it)


def status(line: Any) -> Any:
    """The status line as h11 reads it: unchanged when h11 takes it; else its version, code and
    reason rebuilt as Chromium reads them (see the module's docstring); unchanged when it is no
    status line at all, for h11 to refuse."""
    if _STATUS.fullmatch(line):
        return line
    parts = bytes(line).split(None, 2)  # runs of blanks, however many; none before the first part
    if len(parts) < 2 or parts[0][:4].lower() != b"http" or len(parts[1]) != 3 or not parts[1].isdigit():
        return line
    version = parts[0][4:].lstrip(b"/")
    major, dot, minor = version.partition(b".")
    new = b"HTTP/1.1 " if dot and major.isdigit() and minor.isdigit() and (int(major), int(minor)) >= (1, 1) \
        else b"HTTP/1.0 "
    new += parts[1]
    if len(parts) > 2 and _STATUS.fullmatch(new + b" " + parts[2]):
        new += b" " + parts[2]
    return new


def mend(lines: list[Any]) -> list[Any]:
    """The status line, then the header lines h11 can read (see the module's docstring)."""
    if not lines:
        return lines
    out: list[Any] = [status(lines[0])]
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
        framing = _FRAMING.match(line) if keep else None
        if framing and framing.group(1)[:1] in b"tT":
            codings = {c.strip().lower() for c in bytes(line[framing.end():]).split(b",")}
            # one `Transfer-Encoding: chunked`, however often said; a coding list without chunked
            # (`identity`) frames nothing: the body goes by its length, or to the close
            keep, chunked = b"chunked" in codings and not chunked, chunked or b"chunked" in codings
            line = b"Transfer-Encoding: chunked"
        elif framing:  # a length no number (`abc`, `-1`, `+5`, empty): the body goes to the close
            keep = all(n.strip().isdigit() for n in bytes(line[framing.end():]).split(b","))
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


def chunk_line(line: Any) -> Any:
    """A chunk's size line as h11 reads it: blanks after the size dropped (`819b   `, `79 ;ext`),
    as Chromium drops them; any other line unchanged."""
    size, semi, rest = bytes(line[:-2]).partition(b";")
    trimmed = size.rstrip(b" \t")
    return line if trimmed == size else bytearray(trimmed + semi + rest + b"\r\n")


class _ChunkLines:
    """h11's receive buffer, each chunk-size line mended as it is taken (`chunk_line`)."""

    def __init__(self, buf: Any) -> None:
        self._buf = buf

    def maybe_extract_next_line(self) -> Any:
        line = self._buf.maybe_extract_next_line()
        return None if line is None else chunk_line(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._buf, name)


def _chunks(reader: type) -> type:
    """h11's chunked body reader, each chunk-size line mended as it is taken."""

    class Chunks(reader):
        mended = True

        def __call__(self, buf: Any) -> Any:
            return super().__call__(_ChunkLines(buf))

    return Chunks


def install() -> None:
    """Read every answer's head as h11 reads it, and one h11 refuses once more, mended (once per
    process): an answer h11 takes is read exactly as before, at the cost of one call. Chunk-size
    lines are mended as they are taken."""
    from h11 import LocalProtocolError, _readers
    from h11._state import IDLE, SEND_BODY, SEND_RESPONSE, SERVER

    bodies = cast(dict[str, Any], _readers.READERS[SEND_BODY])
    if not getattr(bodies["chunked"], "mended", False):
        bodies["chunked"] = _chunks(bodies["chunked"])

    for state in (IDLE, SEND_RESPONSE):
        reader = _readers.READERS.get((SERVER, state))
        if reader is None or getattr(reader, "mended", False):
            continue

        def mended(buf: Any, _read: Any = reader) -> Any:
            kept = _Kept(buf)
            try:
                return _read(kept)
            except LocalProtocolError:
                lines = kept.lines
                for _ in range(_BLANKS):  # blank lines before the status line, as Chromium skips them
                    if lines != []:
                        break
                    lines = buf.maybe_extract_lines()
                if lines is None:  # the status line is still to come
                    return None
                if not lines:
                    raise
                return _read(_Given(buf, mend(lines)))

        mended.mended = True  # type: ignore[attr-defined]
        _readers.READERS[(SERVER, state)] = mended
