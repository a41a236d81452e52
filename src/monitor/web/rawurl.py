"""A request whose address holds raw UTF-8 (`GET /search?q=三明`, as curl sends what it is given,
or a script writing its request line by hand) read as if it had been percent-encoded.

In: the bytes of an HTTP/1.1 connection. Out: the same bytes, with every byte past ASCII in a
request line written `%XX`, for uvicorn's h11 parser, which refuses them (RFC 9112 allows only
visible ASCII in a request target): such a search got uvicorn's plain-text "Invalid HTTP request
received." with a 400. A browser encodes the address itself, so its requests are unchanged;
headers are never touched (their values may hold such bytes). A request line is known by where it
comes: at the start of a connection's data while h11 waits for a request, so a request pipelined
behind another not yet answered keeps h11's 400 (neither browsers nor curl pipeline).
"""

from __future__ import annotations

import re

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

_HIGH = re.compile(rb"[\x80-\xff]")


def quoted(line: bytes) -> bytes:
    """`line` with each byte past ASCII percent-encoded."""
    return _HIGH.sub(lambda m: b"%%%02X" % m[0][0], line)


class RawUrlProtocol(H11Protocol):
    """uvicorn's h11 protocol, a request line's bytes past ASCII encoded before h11 reads them."""

    _in_line = False  # the request line began in an earlier read and has not ended yet

    def data_received(self, data: bytes) -> None:
        if self._in_line or (self.conn.their_state is h11.IDLE and not self.conn.trailing_data[0]):
            end = data.find(b"\n")  # a request line starts the data: h11 holds nothing of this request yet
            self._in_line = end < 0
            data = quoted(data) if end < 0 else quoted(data[:end]) + data[end:]
        super().data_received(data)
