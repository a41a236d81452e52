"""A request whose address holds raw UTF-8 (`GET /search?q=三明`, as curl sends what it is given,
or a script writing its request line by hand) read as if it had been percent-encoded.

In: the bytes of an HTTP/1.1 connection. Out: the same bytes, with every byte past ASCII in a
request line written `%XX`, for uvicorn's h11 parser, which refuses them (RFC 9112 allows only
visible ASCII in a request target): such a search got uvicorn's plain-text "Invalid HTTP request
received." with a 400. A browser encodes the address itself, so its requests are unchanged;
headers are never touched (their values may hold such bytes). A request line is known by where it
comes: each request's head and body are followed as h11 reads them, so a request pipelined behind
another not yet answered (a script's client, a load tester) has its line encoded too; a body is
never touched.
"""

from __future__ import annotations

import re

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

_HIGH = re.compile(rb"[\x80-\xff]")


def quoted(line: bytes) -> bytes:
    """`line` with each byte past ASCII percent-encoded."""
    return _HIGH.sub(lambda m: b"%%%02X" % m[0][0], line)


_LINE, _HEAD, _BODY, _OPAQUE = range(4)
_MOST_HEAD_LINE = 65_536  # h11 refuses a head past 16 KB: past this the scan stops reading, h11 answers


class RequestLines:
    """Where each request line of a connection's data is, read as h11 reads it: a request line, its
    header lines up to the empty one, then a body of its Content-Length. A request with a body of
    another kind (`Transfer-Encoding`) or a switch of protocol (`Upgrade`) leaves the rest as it is
    (`resync` starts again once h11 waits for a request with nothing held)."""

    def __init__(self) -> None:
        self.mode, self.blank, self.carry, self.length, self.opaque, self.left = _LINE, True, b"", 0, False, 0

    def resync(self) -> None:
        if self.mode == _OPAQUE:
            self.mode, self.blank, self.carry = _LINE, True, b""

    def quote(self, data: bytes) -> bytes:
        """`data`, the next bytes of the connection, with the request lines' bytes past ASCII encoded."""
        out, pos, n = [], 0, len(data)
        while pos < n:
            if self.mode == _OPAQUE:
                out.append(data[pos:])
                break
            if self.mode == _BODY:
                take = min(self.left, n - pos)
                out.append(data[pos:pos + take])
                pos, self.left = pos + take, self.left - take
                self.mode = _BODY if self.left else _LINE
                continue
            end = data.find(b"\n", pos)
            piece = data[pos:] if end < 0 else data[pos:end + 1]
            pos += len(piece)
            if self.mode == _LINE:
                out.append(quoted(piece))
                self.blank = self.blank and not piece.strip(b"\r\n")
                if end >= 0:  # an empty line before a request is read past (RFC 9112 2.2), as h11 does
                    self.mode = _LINE if self.blank else _HEAD
                    self.blank, self.length, self.opaque = True, 0, False
                continue
            out.append(piece)  # a header line: never touched (a value may hold such bytes)
            self.carry += piece
            if end < 0:
                if len(self.carry) > _MOST_HEAD_LINE:
                    self.mode = _OPAQUE
                continue
            self._header(self.carry.rstrip(b"\r\n"))
            self.carry = b""
        return b"".join(out)

    def _header(self, line: bytes) -> None:
        if not line:  # the head's end
            self.mode = _OPAQUE if self.opaque else _BODY if self.length else _LINE
            self.left = self.length
            return
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            try:
                self.length = int(value.strip())
            except ValueError:
                self.opaque = True  # h11 refuses it
        elif name in (b"transfer-encoding", b"upgrade"):
            self.opaque = True


class RawUrlProtocol(H11Protocol):
    """uvicorn's h11 protocol, a request line's bytes past ASCII encoded before h11 reads them."""

    _lines: RequestLines | None = None

    def data_received(self, data: bytes) -> None:
        if self._lines is None:
            self._lines = RequestLines()
        if self.conn.their_state is h11.IDLE and not self.conn.trailing_data[0]:
            self._lines.resync()
        super().data_received(self._lines.quote(data))
