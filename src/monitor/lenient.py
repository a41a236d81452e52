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
  drops them; a chunk's size line, or the line ending its data, ended by a bare LF: read as a
  line, as Chromium reads it;
- a NUL in a header line: dropped, and a bare CR in one: a line break (what follows it, no
  header, left out), as Chromium reads them.
A head may be 256 KB, as Chromium's (httpcore stopped at 100 KB).
An answer h11 refused for any of these was "a malformed HTTP answer", robots.txt's too, so the
whole site was out of reach while browsers showed it. The status line is read as Chromium
reads it, too: blank lines before it skipped, `http/1.1` in any case, blanks between its parts
however many, and a version that is no HTTP/1.x (`HTTP/2 200` on a plain connection, `HTTP/1`)
read as HTTP/1.0; the reason phrase, which nothing reads, dropped when h11 would refuse it. An
answer that is not HTTP (no `http` first, no three-digit status) is still refused. Past
`MAX_INFORMATIONAL` informational answers (`100 Continue`, `103 Early Hints`) before a final one,
the answer is refused: httpcore reads them in a loop of its own, and a server sending them for
ever kept a core busy for the request's whole budget. An answer whose first bytes are no status
line (HTTP/0.9's bare page) is refused as soon as they come, not at the end of the budget. `install()`
wraps h11's reader of a server's answer: a head it refuses is read once more, mended; idempotent.
Both HTTP clients install it: the fetcher (pages, robots.txt) and the webhook sender (a
receiver's answer; `monitor digest` alone never loads the fetcher).
"""

from __future__ import annotations

import re
from typing import Any, cast

from h11 import InformationalResponse, LocalProtocolError
from h11._abnf import status_line as _STATUS_ABNF  # the status line h11 reads unmended

_FIELD = re.compile(rb"[-!#$%&'*+.^_`|~0-9A-Za-z]+:")  # a token (RFC 9110's tchar) and its colon
_SPACED = re.compile(rb"([-!#$%&'*+.^_`|~0-9A-Za-z]+)[ \t]+:")
_FRAMING = re.compile(rb"(transfer-encoding|content-length):", re.I)
_STATUS = re.compile(_STATUS_ABNF.encode("ascii"))
_CHUNK_LINE = 4_096  # a chunk's size line is a few bytes; past this h11 reads (and refuses) it
_HEAD = 256 * 1024  # the largest head Chromium reads
_BLANKS = 4  # blank lines skipped before a status line (Chromium looks 4 bytes in for it)
MAX_INFORMATIONAL = 20  # 1xx answers before a final one (a server sends one or two early hints)


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
    for line in _split(lines[1:]):
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


def _split(lines: list[Any]) -> list[Any]:
    """The header lines with each NUL dropped and each bare CR a line break (Chromium's reading)."""
    if not any(b"\0" in line or b"\r" in line for line in lines):
        return lines
    return [part for line in lines for part in bytes(line).replace(b"\0", b"").split(b"\r")]


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
    """h11's receive buffer, each chunk-size line mended as it is taken (`chunk_line`), one that
    ends in a bare LF taken as a line (h11 looks for CR LF only)."""

    def __init__(self, buf: Any) -> None:
        self._buf = buf

    def maybe_extract_next_line(self) -> Any:
        data: Any = getattr(self._buf, "_data", b"")
        end = data.find(b"\n", 0, _CHUNK_LINE)
        if end < 0 or data[end - 1:end] == b"\r":  # no line yet, a long one for h11 to refuse, or CR LF
            line = self._buf.maybe_extract_next_line()
        else:
            line = self._buf.maybe_extract_at_most(end + 1)
            line[-1:] = b"\r\n"
        return None if line is None else chunk_line(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._buf, name)


def _chunks(reader: type) -> type:
    """h11's chunked body reader, each chunk-size line mended as it is taken."""

    class Chunks(reader):
        mended = True

        def __call__(self, buf: Any) -> Any:
            # a chunk's data ended by a bare LF instead of CR LF: the LF ends it, as in Chromium
            if getattr(self, "_bytes_to_discard", b"") == b"\r\n" and bytes(getattr(buf, "_data", b"")[:1]) == b"\n":
                buf.maybe_extract_at_most(1)
                self._bytes_to_discard = b""
            return super().__call__(_ChunkLines(buf))

    return Chunks


def _no_status_line(buf: Any) -> bool:
    """Whether the answer begun in `buf` can open with no status line: its first bytes past blank
    lines are not `HTTP` in any case (a page sent bare, as HTTP/0.9 did, or another protocol's
    greeting). Chromium refuses such an answer at once (but on port 80); h11 waited for the end of
    a head that never comes, the whole request's budget when the server keeps the connection."""
    start = bytes(getattr(buf, "_data", b"")[:64]).lstrip()
    return len(start) >= 4 and start[:4].lower() != b"http"


def _head(buf: Any, read: Any) -> Any:
    """The head `read` (h11's reader) takes from `buf`; one it refuses read once more, mended."""
    kept = _Kept(buf)
    try:
        return read(kept)
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
        return read(_Given(buf, mend(lines)))


def install() -> None:
    """Read every answer's head as h11 reads it, and one h11 refuses once more, mended (once per
    process): an answer h11 takes is read exactly as before, at the cost of one call. Chunk-size
    lines are mended as they are taken."""
    import httpcore
    from h11 import _readers
    from h11._state import IDLE, SEND_BODY, SEND_RESPONSE, SERVER

    for connection in (httpcore.AsyncHTTP11Connection, httpcore.HTTP11Connection):
        connection.MAX_INCOMPLETE_EVENT_SIZE = max(connection.MAX_INCOMPLETE_EVENT_SIZE, _HEAD)

    bodies = cast(dict[str, Any], _readers.READERS[SEND_BODY])
    if not getattr(bodies["chunked"], "mended", False):
        bodies["chunked"] = _chunks(bodies["chunked"])

    for state in (IDLE, SEND_RESPONSE):
        reader = _readers.READERS.get((SERVER, state))
        if reader is None or getattr(reader, "mended", False):
            continue

        def mended(buf: Any, _read: Any = reader) -> Any:
            head = _head(buf, _read)
            if type(head) is InformationalResponse:  # counted on the connection's buffer
                buf.informational = seen = getattr(buf, "informational", 0) + 1
                if seen > MAX_INFORMATIONAL:
                    raise LocalProtocolError(f"over {MAX_INFORMATIONAL} informational answers and no final one")
            elif head is not None:
                buf.informational = 0
            elif _no_status_line(buf):
                raise LocalProtocolError("an answer without a status line (HTTP/0.9, or no HTTP at all)")
            return head

        mended.mended = True  # type: ignore[attr-defined]
        _readers.READERS[(SERVER, state)] = mended
