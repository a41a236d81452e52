"""A site's missing intermediate certificate, fetched as a browser fetches it.

Many sites send their own certificate without the intermediate one that links it to a root, and
verification fails with "unable to get local issuer certificate". Browsers fill the gap from the
certificate's Authority Information Access: a "CA Issuers" address of the issuer's certificate.
So do we, once per issuer address and process: the site's certificate is read (a second,
unverified handshake, nothing sent), the issuer's certificate fetched over plain HTTP through the
address guard (at most ISSUER_BYTES), added to the TLS context's trusted certificates, and the
handshake made again on a fresh connection, verified as ever: the chain must still reach a root
of the bundle, so a forged issuer certificate earns nothing; a self-issued one (a root of the
site's own making, which the trusted store would take as a root) is never added. `fetch.ca_file` remains for sites
whose certificate names no issuer address.
In: the checked address and port, the TLS context, the server name, a way to open guarded
connections. Out: a verified TLS stream, or None (the caller raises the original error).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import re
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
    """Add the intermediate certificates of `body` (DER, or PEM blocks) to the context's verify
    locations; False when it holds none. A self-issued certificate (a root: its issuer named as
    its subject) is left out: in the trusted store it would be a root itself, and any site could
    vouch for itself, and for every host its root signs, by naming its own root as its issuer."""
    try:
        found = [base64.b64decode(block) for block in _PEM.findall(body)] if b"-----BEGIN CERTIFICATE-----" in body \
            else _certificates(body)
    except binascii.Error:
        return False
    kept = b"".join(der for der in found if _names(der) is not None and not _self_issued(der))
    if not kept:
        return False
    try:
        context.load_verify_locations(cadata=kept)
    except (ssl.SSLError, ValueError):
        return False
    return True


_PEM = re.compile(rb"-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----")


def _tlv(data: bytes, at: int) -> tuple[int, int, int]:
    """(tag, start, end) of the DER element at `at` (ValueError when cut short or too long)."""
    if at + 2 > len(data):
        raise ValueError("short")
    tag, size, start = data[at], data[at + 1], at + 2
    if size & 0x80:
        count = size & 0x7F
        if not 0 < count <= 4:
            raise ValueError("length")
        size, start = int.from_bytes(data[start:start + count], "big"), start + count
    if start + size > len(data):
        raise ValueError("short")
    return tag, start, start + size


def _certificates(body: bytes) -> list[bytes]:
    """The DER certificates one after another in `body` ([] when it is not that)."""
    out, at = [], 0
    try:
        while at < len(body):
            tag, _, end = _tlv(body, at)
            if tag != 0x30:
                return []
            out.append(body[at:end])
            at = end
    except ValueError:
        return []
    return out


def _names(der: bytes) -> tuple[bytes, bytes] | None:
    """(issuer, subject) of a DER certificate, each a Name's DER, or None when it is none."""
    try:
        _, start, _ = _tlv(der, 0)  # Certificate
        _, at, _ = _tlv(der, start)  # TBSCertificate
        fields: list[bytes] = []
        while len(fields) < 6:
            tag, _, end = _tlv(der, at)
            if not (tag == 0xA0 and not fields):  # the version, when present, is no field counted here
                fields.append(der[at:end])
            at = end
    except ValueError:
        return None
    return fields[2], fields[4]  # serial, signature algorithm, issuer, validity, subject


def _self_issued(der: bytes) -> bool:
    """Whether a certificate names itself as its issuer, its names compared as OpenSSL compares
    them or more loosely (case, blanks and string types aside): a root, in a trusted store."""
    names = _names(der)
    return names is not None and _canonical(names[0]) == _canonical(names[1])


def _canonical(name: bytes) -> list[str]:
    """A Name's attribute values, each decoded, case-folded and without blanks, sorted."""
    values: list[str] = []
    try:
        _, at, end = _tlv(name, 0)
        while at < end:  # RDNs (SETs) of attribute type-and-value SEQUENCEs
            _, inner, at = _tlv(name, at)
            while inner < at:
                _, pair, inner = _tlv(name, inner)
                _, _, value_at = _tlv(name, pair)  # the attribute's OID
                tag, start, stop = _tlv(name, value_at)
                raw = name[start:stop]
                text = raw.decode("utf-16-be", "replace") if tag == 0x1E else \
                    raw.decode("utf-32-be", "replace") if tag == 0x1C else raw.decode("utf-8", "replace")
                values.append("".join(text.casefold().split()))
    except ValueError:
        return ["?"]  # unreadable: compared as equal to any other unreadable one
    return sorted(values)


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
