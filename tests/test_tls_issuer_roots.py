"""A site whose certificate names, as its missing issuer's address, a certificate of its own
making: a self-signed root. The issuer fetched from that address (issuers.py) was added to the
TLS context's trusted certificates, and a self-signed certificate there is a root: the site's own
certificate, which no trusted root vouches for, was then accepted, and so, for the rest of the
process (the daemon's life), was any certificate that root signs, on any host: a hostile page
bought trust in every site it can intercept. Only an intermediate (a CA certificate issued by
another) is taken from such an address now: the chain must still reach a root of the bundle."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
from hostile import Site
from test_tls_chain import _fetcher, _openssl, chain  # noqa: F401  (chain is a fixture)

from monitor.errors import FetchError


def _own_root_leaf(d: Path, name: str, aia: str | None) -> tuple[Path, Path]:
    """A leaf for 127.0.0.1 signed by a self-made root (evil.pem), its AIA naming `aia`."""
    if not (d / "evil.pem").exists():
        _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Self Made Root",
                 "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                 "-keyout", "evil.key", "-out", "evil.pem", cwd=d)
        _openssl("x509", "-in", "evil.pem", "-outform", "DER", "-out", "evil.der", cwd=d)
    ext = "basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\n"
    (d / f"{name}.ext").write_text(ext + (f"authorityInfoAccess=caIssuers;URI:{aia}\n" if aia else ""))
    _openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
             "-keyout", f"{name}.key", "-out", f"{name}.csr", cwd=d)
    _openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "evil.pem", "-CAkey", "evil.key", "-CAcreateserial",
             "-days", "2", "-extfile", f"{name}.ext", "-out", f"{name}.pem", cwd=d)
    return d / f"{name}.pem", d / f"{name}.key"


def _serve_tls(site: Site, leaf: Path, key: Path) -> None:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(leaf, key)
    site.server.socket = context.wrap_socket(site.server.socket, server_side=True)
    site.article("/a.html", "沪明合作")


@pytest.mark.parametrize("form", ["der", "pem"])
def test_a_self_made_root_at_the_issuer_address_earns_no_trust(chain, tmp_path, monkeypatch, form):  # noqa: F811
    monkeypatch.setenv("SSL_CERT_FILE", str(chain / "root.pem"))  # the bundle: our root only
    with Site() as issuer, Site() as site, Site() as other:
        issuer.page("/ca/root.crt", b"", content_type="application/pkix-cert")
        leaf, key = _own_root_leaf(chain, f"evil-leaf-{form}", issuer.url("/ca/root.crt"))
        issuer.page("/ca/root.crt", (chain / f"evil.{form}").read_bytes(), content_type="application/pkix-cert")
        _serve_tls(site, leaf, key)
        _serve_tls(other, *_own_root_leaf(chain, f"evil-other-{form}", None))  # the same root, no issuer address
        with _fetcher(tmp_path, site, allow=(issuer.netloc, other.netloc)) as f:
            with pytest.raises(FetchError, match="not accepted"):
                f.get(f"https://127.0.0.1:{site.port}/a.html")
            with pytest.raises(FetchError, match="not accepted"):  # nor, afterwards, any host that root vouches for
                f.get(f"https://127.0.0.1:{other.port}/a.html")
        assert issuer.paths() in ([], ["/ca/root.crt"])


def _der(tag: int, content: bytes) -> bytes:
    size = len(content)
    head = bytes([size]) if size < 0x80 else bytes([0x82]) + size.to_bytes(2, "big")
    return bytes([tag]) + head + content


def _name(*values: tuple[int, bytes]) -> bytes:
    cn = _der(0x06, bytes.fromhex("550403"))  # commonName
    return _der(0x30, b"".join(_der(0x31, _der(0x30, cn + _der(tag, value))) for tag, value in values))


def _certificate(issuer: bytes, subject: bytes) -> bytes:
    tbs = (_der(0xA0, _der(0x02, b"\x02")) + _der(0x02, b"\x01") + _der(0x30, b"") + issuer + _der(0x30, b"") +
           subject + _der(0x30, b""))
    return _der(0x30, _der(0x30, tbs) + _der(0x30, b"") + _der(0x03, b"\x00"))


def test_a_root_is_known_however_its_names_are_written():
    from monitor.fetch.issuers import _self_issued

    utf8, printable, bmp = 0x0C, 0x13, 0x1E
    assert _self_issued(_certificate(_name((utf8, b"Self Made Root")), _name((utf8, b"Self Made Root"))))
    assert _self_issued(_certificate(_name((printable, b"SELF  made root")), _name((utf8, b"self made Root"))))
    assert _self_issued(_certificate(_name((bmp, "Self Made Root".encode("utf-16-be"))), _name((utf8, b"self made root"))))
    assert not _self_issued(_certificate(_name((utf8, b"Monitor Test Root")), _name((utf8, b"Monitor Test Intermediate"))))
