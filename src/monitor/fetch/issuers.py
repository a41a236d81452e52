"""A site's missing intermediate certificate, fetched as a browser fetches it.

Many sites send their own certificate without the intermediate one that links it to a root, and
verification fails with "unable to get local issuer certificate". Browsers fill the gap from the
certificate's Authority Information Access: a "CA Issuers" address of the issuer's certificate.
So do we, once per issuer address and process: the site's certificate is read (a second,
unverified handshake, nothing sent), the issuer's certificate fetched over plain HTTP through the
address guard (at most ISSUER_BYTES), added to the TLS context's trusted certificates, and the
handshake made again on a fresh connection, verified as ever: the chain must still reach a root
of the bundle, so a forged issuer certificate earns nothing. `fetch.ca_file` remains for sites
whose certificate names no issuer address.
In: the checked address and port, the TLS context, the server name, a way to open guarded
connections. Out: a verified TLS stream, or None (the caller raises the original error).
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

import httpcore

from .stream import connect, unchecked_context

ISSUER_BYTES = 64 * 1024  # an intermediate certificate is 1-2 KB; PKCS#7 bundles a few more
# id-ad-caIssuers (1.3.6.1.5.5.7.48.2) as DER, followed in an AccessDescription by the [6] URI
_CA_ISSUERS = bytes.fromhex("06082b06010505073002")
MAX_URL = 2048
Opener = Callable[[str, int, float | None], Awaitable[httpcore.AsyncNetworkStream]]


def issuer_url(der: bytes) -> str | None:
    """The first http "CA Issuers" address in a DER certificate's AIA extension, or None."""
    at = der.find(_CA_ISSUERS)
    while at >= 0:
        tag = at + len(_CA_ISSUERS)
        if der[tag:tag + 1] == b"\x86":  # [6] IMPLICIT IA5String: a URI
            size, start = der[tag + 1], tag + 2
            if size & 0x80:  # long form: the next (size & 0x7f) bytes hold the length
                count = size & 0x7F
                size, start = int.from_bytes(der[start:start + min(count, 2)], "big"), start + count
            if size <= MAX_URL:
                url = der[start:start + size].decode("ascii", "replace")
                if url.startswith("http://"):
                    return url
        at = der.find(_CA_ISSUERS, tag)
    return None


async def _peer_certificate(ip: str, port: int, server_hostname: str | None, timeout: float | None) -> bytes | None:
    """The certificate the server sends, read in a handshake that checks nothing (and sends nothing)."""
    stream = await connect(ip, port, timeout)
    try:
        async with asyncio.timeout(timeout):
            await stream.writer.start_tls(unchecked_context(), server_hostname=server_hostname)
        tls = stream.writer.get_extra_info("ssl_object")
        return tls.getpeercert(binary_form=True) if tls is not None else None
    except (OSError, ssl.SSLError, TimeoutError):
        return None
    finally:
        stream.writer.close()


async def _download(url: str, opener: Opener, timeout: float | None) -> bytes | None:
    """The body of a plain HTTP GET of `url` (200 only, at most ISSUER_BYTES), or None."""
    parts = urlsplit(url)
    if not parts.hostname:
        return None
    stream = await opener(parts.hostname, parts.port or 80, timeout)
    try:
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        await stream.write(f"GET {target} HTTP/1.0\r\nHost: {parts.netloc}\r\nAccept: */*\r\n\r\n".encode(), timeout)
        data = b""
        while len(data) <= ISSUER_BYTES + 4096:
            chunk = await stream.read(65536, timeout)
            if not chunk:
                break
            data += chunk
    finally:
        await stream.aclose()
    head, _, body = data.partition(b"\r\n\r\n")
    return body[:ISSUER_BYTES] if head.startswith((b"HTTP/1.0 200", b"HTTP/1.1 200")) and body else None


def _trust(context: ssl.SSLContext, body: bytes) -> bool:
    """Add the certificate (DER or PEM) to the context's verify locations; False when it is neither."""
    try:
        if b"-----BEGIN CERTIFICATE-----" in body:
            context.load_verify_locations(cadata=body.decode("ascii", "replace"))
        else:
            context.load_verify_locations(cadata=body)
    except (ssl.SSLError, ValueError):
        return False
    return True


async def mend(ip: str, port: int, context: ssl.SSLContext, server_hostname: str | None, timeout: float | None,
               opener: Opener, tried: set[str]) -> httpcore.AsyncNetworkStream | None:
    """A verified TLS stream to (ip, port) once the issuer the site left out is trusted, or None."""
    der = await _peer_certificate(ip, port, server_hostname, timeout)
    url = issuer_url(der) if der else None
    if url is None or url in tried:
        return None
    tried.add(url)
    try:
        body = await _download(url, opener, timeout)
    except Exception:  # a refused, failing or slow issuer address: the original error stands
        return None
    if not body or not _trust(context, body):
        return None
    fresh = await connect(ip, port, timeout)
    return await fresh.start_tls(context, server_hostname, timeout)  # verified as ever; no second mend
