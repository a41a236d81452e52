"""A response body read under a size cap, decompressed as it streams.

In: an httpx response opened with `stream`, the cap in bytes, the URL (for messages). Out: the
decoded body bytes, or `FetchError(kind="too_large")` as soon as either the bytes on the wire or
the bytes after decompression pass the cap. We read raw bytes and inflate them ourselves with a
bound on each step's output (`decompressobj.decompress(data, max_length)`), so a gzip bomb never
holds more than the cap in memory, whatever its ratio. Content-Encoding gzip, x-gzip, deflate
(zlib or raw), one or several (at most MAX_CODINGS: a header naming thousands held a
decompressor each, 182 MB for one answer of 222 KB), and identity; we only ask for those. A value that names no
compression at all (`utf-8`) is passed through, as browsers do. Never decodes text (see decode.py).

A page whose bytes have reached `</html>` and then stop coming, the connection held open (an
HTTP/1.0 answer without Content-Length, a chunked one without its last chunk, a Content-Length
larger than what is sent), is what a browser shows once the rest stays away for `ENDED_GRACE`
seconds: it was "no complete answer" at the end of the request's whole budget, the article lost
at every poll. So is a page whose `</html>` is followed by a little more (a comment, a stats
script: up to `_AFTER_END` bytes) before the stall, one that ends at `</body>` (HTML lets a
page leave `</html>` out), and one whose server keeps sending a byte now and then after its
end: what comes in the `ENDED_GRACE` seconds after the end is the page's.
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import cast

import httpx

from ..errors import FetchError
from .transport import Answer

ACCEPT_ENCODING = "gzip, deflate"
_CUT_SHORT = "peer closed connection without sending complete message body"  # h11's words
_EITHER = 47  # zlib's 32 + 15: a gzip or a zlib header, whichever came
_WBITS = {"gzip": _EITHER, "x-gzip": _EITHER, "deflate": _EITHER}
_AS_IS = 0  # an `_Inflater` passing its body through
_WINDOW = 4_096  # input bytes handed to zlib at a time (see _Inflater.feed)
_GZIP = b"\x1f\x8b\x08"  # a gzip member's first bytes (its magic and deflate)
_PACKED_TYPES = frozenset({"application/gzip", "application/x-gzip", "application/octet-stream", "application/zip",
                           "application/x-compressed", "application/x-tar", "application/x-gtar"})
_JOIN_EVERY = 1024  # pieces kept apart at most
ENDED_GRACE = 2.0  # seconds more waited for bytes after a page's `</html>`, in all
_AFTER_END = 1_024  # bytes after a `</html>` that still read as its page's tail (a comment, a stats script)
MAX_CODINGS = 5  # compressions undone in turn for one answer (urllib3's bound on a decoding chain too)
_UNDONE = frozenset({"br", "zstd", "compress", "x-compress", "dcb", "dcz", "pack200-gzip", "exi", "bzip2", "x-bzip2",
                     "lzma", "xz"})  # compressions we never ask for and cannot undo


class _Inflater:
    """Incremental inflate with bounded output per call; a new member after one ends (gzip).
    What the label names is not taken on trust (a misconfigured server's body is read as a
    browser would rather show it): a gzip or a zlib header, whichever comes, under either label;
    no header (raw deflate); and a body that opens as plain markup or JSON and no compression
    reads (a plain page labelled gzip) passed through as it came. Each of these was "corrupt gzip
    body" (retried, and the article lost at every poll); any other body that does not inflate
    still is, a gzip failing its checksum too (its text may be garbled)."""

    def __init__(self, encoding: str, *, lenient: bool = True) -> None:
        self.wbits = _WBITS[encoding]
        self.z = zlib.decompressobj(self.wbits)
        self.started = self.members = 0
        self.lenient = lenient
        self.held = b""  # a body's first bytes, too few yet to tell plain text from compressed

    def feed(self, data: bytes, room: int, *, last: bool = False) -> bytes:
        """Inflate `data`, stopping once the output passes `room` bytes (`last`: the body ends
        here). Past a body's first gzip member the input goes to zlib a window at a time: at each
        member's end zlib copies the input after it (`unused_data`), so a body of empty members
        (20 bytes each) handed over whole copied the rest of it once a member, quadratic: 1.6 MB
        took 2.4 s of CPU, 8 MB a minute. A body's first bytes that could open plain text are
        held until there are enough to tell (a server sending `<ht`, then the rest: the rest was
        "corrupt gzip body"), or until the body ends (`[]` labelled gzip read as one garbled byte)."""
        if self.wbits == _AS_IS:
            return data[: room + 1]
        if self.lenient and not self.started:
            data, self.held = self.held + data, b""
            if _undecided(data):
                if not last:
                    self.held = data
                    return b""
                self.wbits = _AS_IS  # the whole body: a few bytes of plain text
                return data[: room + 1]
        out = bytearray()
        view, pos = memoryview(data), 0
        while pos < len(data) and len(out) <= room:
            window = view[pos : pos + _WINDOW] if self.members else view[pos:]  # one member: all at once
            try:
                out += self.z.decompress(window, room - len(out) + 1)
            except zlib.error:
                if self.members:  # trailing junk after a complete member: ignore it
                    break
                if self.started or not self.lenient:
                    raise
                if _plain(data):  # no compression at all (nothing came out yet: not started)
                    self.wbits = _AS_IS
                    return data[: room + 1]
                if self.wbits != _EITHER or data[:3] == _GZIP:  # a gzip that fails its checksum: garbled
                    raise
                self.wbits, self.z = -15, zlib.decompressobj(-15)  # a deflate stream sent without a header
                continue
            self.started = 1
            pos += len(window) - len(self.z.unconsumed_tail) - len(self.z.unused_data)
            if self.z.eof:
                self.members += 1
                self.z = zlib.decompressobj(self.wbits)
        return bytes(out)


_PRINTED = frozenset(range(0x20, 0x7F)) | {9, 10, 13}
_LEADING = b"\xef\xbb\xbf \t\r\n"  # a BOM's bytes and blanks, before a plain body's first character
_OPENERS = (b"<", b"{", b"[")
_TOLD = 6  # a plain body's first bytes that tell it from a compressed one


def _plain(data: bytes) -> bool:
    """Whether a body opens as plain markup or JSON does (`<`, `{` or `[`, then printable ASCII):
    compressed bytes (raw deflate has no header to tell it by) almost never do."""
    head = data[:64].lstrip(_LEADING)
    return head[:1] in _OPENERS and len(head) >= _TOLD and all(b in _PRINTED for b in head[:_TOLD])


def _undecided(data: bytes) -> bool:
    """Whether a body's first bytes so far are too few for `_plain` to tell, yet open as plain
    text could (nothing but a BOM or blank bytes yet, or an opener and printable bytes)."""
    head = data.lstrip(_LEADING)
    return len(data) < 64 and len(head) < _TOLD and (not head or head[:1] in _OPENERS) and all(b in _PRINTED for b in head)


def compressions(encoding: str, url: str) -> list[str]:
    """The compressions a Content-Encoding value names, in the order applied. A value that names
    none (a charset such as `utf-8`, `none`, `text`: a misconfigured server) is passed through
    as browsers pass it; a compression we did not ask for and cannot undo (`br`, `zstd`) is an
    error, since its bytes would be read as text: kind "encoding", not asked again within the
    fetch (each of three asks had the same answer)."""
    codings = []
    named = encoding.split(",")
    if len(named) > MAX_CODINGS:  # a decompressor each: 17,000 fit in a header's 100 KB
        raise FetchError(f"GET {url}: Content-Encoding names {len(named):,} compressions, more than {MAX_CODINGS}",
                         hint="a broken or hostile server", kind="too_large")
    for coding in (c.strip() for c in named):
        if coding in _WBITS:
            codings.append(coding)
        elif coding in _UNDONE:
            raise FetchError(f"GET {url}: unsupported Content-Encoding {encoding!r}",
                             hint="the server ignored our Accept-Encoding", kind="encoding")
    return codings


def content_length(headers: httpx.Headers) -> int | None:
    """The declared body size, or None when absent or not a plain number."""
    value = (headers.get("content-length") or "").split(",")[0].strip()
    return int(value) if value.isdigit() and len(value) < 19 else None


@dataclass
class Reading:
    """One body's read as it went: `peek`, when set, is shown the body's first `at` bytes once, and
    its True stops the read there (`stopped`: a sitemap over the cap whose first entries show it
    lists its oldest first wants its end instead, within the same cap); `wire`, the bytes that came."""

    peek: Callable[[bytes], bool] | None = None
    at: int = 0
    stopped: bool = False
    wire: int = 0


async def read_body(resp: httpx.Response | Answer, cap: int, url: str, *, truncate: bool = False,
                    reading: Reading | None = None) -> bytes:
    """The decoded body, at most `cap` bytes; FetchError past the cap (or, with `truncate`, its
    first `cap` bytes) or for an unknown encoding. `reading` (with `truncate`): see `Reading`."""
    encoding = (resp.headers.get("content-encoding") or "identity").strip().lower()
    codings = compressions(encoding, url)
    inflaters = [_Inflater(c) for c in reversed(codings)]  # the last applied is undone first
    # The pieces as they came, joined a thousand at a time: a body sent a byte a chunk held a bytes
    # object a byte (a bytearray grown piece by piece costs 30x a join for an ordinary page's two).
    chunks: list[bytes] = []
    blocks: list[bytes] = []
    wire = size = 0
    # The transport's own stream: httpx's `aiter_raw` re-chunks and re-wraps each piece for
    # nothing we use (the transport already turns httpcore's errors into httpx's).
    stream: AsyncIterator[bytes] = aiter(cast(httpx.AsyncByteStream, resp.stream))
    loop = asyncio.get_running_loop()
    ended_at: float | None = None  # when the page's `</html>` (or `</body>`) came, if little has come after it
    since_end = _AFTER_END + 1  # bytes after the last end tag seen (past _AFTER_END: none near)
    carry = b""  # the last bytes before this piece: `</ht` in one piece, `ml>` in the next
    try:
        while (raw := await (anext(stream, None) if ended_at is None
                             else _soon(stream, ended_at + ENDED_GRACE - loop.time()))) is not None:
            wire += len(raw)
            try:
                piece = raw
                for inflater in inflaters:  # each step's output bounded by what the cap leaves
                    piece = inflater.feed(piece, cap - size)
            except zlib.error:
                raise FetchError(f"GET {url}: corrupt {encoding} body", hint="a broken server or proxy",
                                 kind="transport") from None
            size += len(piece)
            if size > cap or wire > cap:
                if ended_at is not None:  # past the page's end: the page is what came before
                    break
                if not truncate:
                    raise too_large(url, cap)
                chunks.append(piece[:max(0, cap - size + len(piece))])
                break
            chunks.append(piece)
            if reading is not None and reading.peek is not None and size >= reading.at:
                peek, reading.peek = reading.peek, None
                if peek(b"".join(blocks + chunks)):
                    reading.stopped = True
                    break
            if len(chunks) >= _JOIN_EVERY:
                blocks.append(b"".join(chunks))
                chunks.clear()
            look = carry + piece if len(piece) <= _AFTER_END else piece[-_AFTER_END:]
            lowered = look.lower()
            at = max(lowered.rfind(b"</html"), lowered.rfind(b"</body"))  # a page may leave out `</html>`
            since_end = len(look) - at if at >= 0 else since_end + len(piece)
            carry = look[-8:]
            if since_end > _AFTER_END:  # much after it: a `</html>` inside the page, which goes on
                ended_at = None
            elif at >= 0 and ended_at is None:
                ended_at = loop.time()
    except zlib.error:
        raise FetchError(f"GET {url}: corrupt {encoding} body", hint="a broken server or proxy",
                         kind="transport") from None
    except httpx.RemoteProtocolError as exc:
        # The server closed the connection before the end it announced (a Content-Length too
        # large, no last chunk, gzip cut off): a browser shows what came, and so do we.
        if not wire or not str(exc).startswith(_CUT_SHORT):
            raise
    if any(inflater.held for inflater in inflaters):  # a body of a few bytes, plain or not: what they were
        piece = b""
        try:
            for inflater in inflaters:
                piece = inflater.feed(piece, cap - size, last=True)
        except zlib.error:
            raise FetchError(f"GET {url}: corrupt {encoding} body", hint="a broken server or proxy",
                             kind="transport") from None
        chunks.append(piece[: max(0, cap - size)])
    body = b"".join(blocks + chunks) if blocks else b"".join(chunks)
    if reading is not None:
        reading.wire = wire
    return unwrapped(body, cap, resp.headers.get("content-type") or "", len(codings)) if body[:3] == _GZIP else body


def unwrapped(body: bytes, cap: int, content_type: str, undone: int) -> bytes:
    """A page that is still gzip once its Content-Encoding is undone (compressed twice, by the
    application and again by its server, which says so once; or sent compressed with no
    Content-Encoding at all), unpacked as long as what comes out fits in `cap`, up to
    MAX_CODINGS compressions in all. Such an article was "not a web page (application/gzip)",
    given up for good. A body its Content-Type calls a gzip file or a download (a sitemap.xml.gz,
    whose reader unpacks it within its own bound) is left as it came, as is one that does not
    unpack or would pass the cap."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in _PACKED_TYPES:
        return body
    while body[:3] == _GZIP and undone < MAX_CODINGS:
        try:
            inner = _Inflater("gzip", lenient=False).feed(body, cap)
        except zlib.error:
            return body
        if not inner or len(inner) > cap:
            return body
        body, undone = inner, undone + 1
    return body


async def _soon(stream: AsyncIterator[bytes], wait: float) -> bytes | None:
    """The stream's next piece, or None at its end, when none comes within `wait` seconds, or when
    what comes after the page's end is broken (trailer lines after a chunked body's last chunk
    without end, a connection reset): a browser has shown the page, and the page is what came."""
    try:
        async with asyncio.timeout(wait):  # no task made, as wait_for makes one (a page's end is read so)
            return await anext(stream)
    except (StopAsyncIteration, TimeoutError, httpx.TransportError):
        return None


def too_large(url: str, cap: int) -> FetchError:
    """The error for a body over the cap."""
    return FetchError(f"GET {url}: body over fetch.max_bytes ({cap} bytes)",
                      hint="raise fetch.max_bytes if this page is wanted", kind="too_large")
