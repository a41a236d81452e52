"""A site that sends its own certificate without the intermediate one that links it to a root:
common on government sites. Browsers fill the gap from their cache or the certificate's
download link; we did not, and the source failed with "TLS certificate not accepted (unable to
get local issuer certificate)" and no way out short of replacing the whole CA bundle.

Now, as a browser does, the issuer's certificate is fetched from the address the site's
certificate names (Authority Information Access, through the address guard); a certificate
naming none fails with an error naming the cause and the fix: `fetch.ca_file`, a PEM file of
extra certificates (the missing intermediate, saved once) trusted on top of the usual ones. The
chain is still checked up to a trusted root either way: these add links, not trust in the site.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path

import pytest
from hostile import Site

from monitor import config
from monitor.errors import ConfigError, FetchError
from monitor.fetch import Fetcher


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """root.pem (a CA), inter.pem (signed by the root), leaf.pem for IP 127.0.0.1 (signed by the
    intermediate) and leaf.key, in one directory."""
    if not shutil.which("openssl"):
        pytest.skip("openssl command not available to make test certificates")
    d = tmp_path_factory.mktemp("chain")
    (d / "ca.ext").write_text("basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
                              "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n")
    (d / "leaf.ext").write_text("basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\n"
                                "extendedKeyUsage=serverAuth\nauthorityKeyIdentifier=keyid\n")
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Monitor Test Root",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
             "-keyout", "root.key", "-out", "root.pem", cwd=d)
    _openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=Monitor Test Intermediate",
             "-keyout", "inter.key", "-out", "inter.csr", cwd=d)
    _openssl("x509", "-req", "-in", "inter.csr", "-CA", "root.pem", "-CAkey", "root.key", "-CAcreateserial",
             "-days", "2", "-extfile", "ca.ext", "-out", "inter.pem", cwd=d)
    _openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
             "-keyout", "leaf.key", "-out", "leaf.csr", cwd=d)
    _openssl("x509", "-req", "-in", "leaf.csr", "-CA", "inter.pem", "-CAkey", "inter.key", "-CAcreateserial",
             "-days", "2", "-extfile", "leaf.ext", "-out", "leaf.pem", cwd=d)
    return d


def _fetcher(tmp_path: Path, site: Site, extra: str = "", allow: tuple[str, ...] = ()) -> Fetcher:
    path = tmp_path / "monitor.toml"
    allowed = ", ".join(f'"{a}"' for a in (site.netloc, *allow))
    path.write_text(f'[fetch]\nmin_delay = 0\nrespect_robots = false\nallow_private = [{allowed}]\n{extra}',
                    encoding="utf-8")
    return Fetcher(config.load(path, tmp_path / "m.db").fetch)


def _leaf_naming_its_issuer(chain: Path, url: str, name: str) -> tuple[Path, Path]:
    """A leaf for 127.0.0.1 signed by the intermediate, its AIA naming `url` as the issuer's address."""
    (chain / f"{name}.ext").write_text("basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\n"
                                        f"authorityInfoAccess=caIssuers;URI:{url}\n")
    _openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
             "-keyout", f"{name}.key", "-out", f"{name}.csr", cwd=chain)
    _openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "inter.pem", "-CAkey", "inter.key", "-CAcreateserial",
             "-days", "2", "-extfile", f"{name}.ext", "-out", f"{name}.pem", cwd=chain)
    return chain / f"{name}.pem", chain / f"{name}.key"


@pytest.mark.parametrize("form", ["der", "pem"])
def test_the_missing_intermediate_is_fetched_from_the_address_the_certificate_names(chain, tmp_path, monkeypatch,
                                                                                  form):
    monkeypatch.setenv("SSL_CERT_FILE", str(chain / "root.pem"))
    if not (chain / "inter.der").exists():
        _openssl("x509", "-in", "inter.pem", "-outform", "DER", "-out", "inter.der", cwd=chain)
    with Site() as issuer, Site() as site:
        issuer.page("/ca/inter.crt", (chain / f"inter.{form}").read_bytes(), content_type="application/pkix-cert")
        leaf, key = _leaf_naming_its_issuer(chain, issuer.url("/ca/inter.crt"), f"leaf-{form}")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(leaf, key)
        site.server.socket = context.wrap_socket(site.server.socket, server_side=True)
        site.article("/a.html", "沪明合作")
        url = f"https://127.0.0.1:{site.port}/a.html"
        with _fetcher(tmp_path, site) as f, pytest.raises(FetchError, match="intermediate"):
            f.get(url)  # the issuer's address is a private one nobody allowed: the guard holds
        assert issuer.paths() == []
        with _fetcher(tmp_path, site, allow=(issuer.netloc,)) as f:
            for _ in range(2):
                assert "沪明合作" in f.get(url).text
        assert issuer.paths() == ["/ca/inter.crt"]  # once a process


def test_a_forged_issuer_certificate_earns_nothing(chain, tmp_path, monkeypatch):
    """An issuer address serving a certificate that does not reach a trusted root: still refused."""
    monkeypatch.setenv("SSL_CERT_FILE", str(chain / "root.pem"))
    with Site() as issuer, Site() as site:
        issuer.page("/ca/inter.crt", (chain / "leaf.pem").read_bytes(), content_type="application/pkix-cert")
        leaf, key = _leaf_naming_its_issuer(chain, issuer.url("/ca/inter.crt"), "leaf-forged")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(leaf, key)
        site.server.socket = context.wrap_socket(site.server.socket, server_side=True)
        site.article("/a.html", "沪明合作")
        with _fetcher(tmp_path, site, allow=(issuer.netloc,)) as f, pytest.raises(FetchError, match="not accepted"):
            f.get(f"https://127.0.0.1:{site.port}/a.html")


def _serving_only_the_leaf(site: Site, chain: Path) -> None:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(chain / "leaf.pem", chain / "leaf.key")
    site.server.socket = context.wrap_socket(site.server.socket, server_side=True)
    site.article("/a.html", "沪明合作")


def test_a_site_missing_its_intermediate_certificate_says_so_and_fetch_ca_file_mends_it(chain, tmp_path, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(chain / "root.pem"))  # the root is trusted, as a public one is
    with Site() as site:
        _serving_only_the_leaf(site, chain)
        url = f"https://127.0.0.1:{site.port}/a.html"
        with _fetcher(tmp_path, site) as f, pytest.raises(FetchError) as err:
            f.get(url)
        assert "intermediate certificate" in str(err.value) and "fetch.ca_file" in err.value.hint, (err.value,
                                                                                                  err.value.hint)
        with _fetcher(tmp_path, site, f'ca_file = "{(chain / "inter.pem").as_posix()}"\n') as f:
            assert "沪明合作" in f.get(url).text


def test_fetch_ca_file_adds_links_not_trust(chain, tmp_path, monkeypatch):
    """With the root not trusted, naming the intermediate does not make the site trusted."""
    monkeypatch.setenv("SSL_CERT_FILE", str(chain / "leaf.pem"))  # some bundle without our root
    with Site() as site:
        _serving_only_the_leaf(site, chain)
        with _fetcher(tmp_path, site, f'ca_file = "{(chain / "inter.pem").as_posix()}"\n') as f, \
                pytest.raises(FetchError, match="TLS certificate not accepted"):
            f.get(f"https://127.0.0.1:{site.port}/a.html")


def test_a_ca_file_that_is_missing_or_not_pem_is_a_config_error(tmp_path):
    path = tmp_path / "monitor.toml"
    for body, why in ((None, "not found"), ("not a certificate", "no PEM certificate")):
        ca = tmp_path / "extra.pem"
        if body is not None:
            ca.write_text(body, encoding="utf-8")
        path.write_text(f'[fetch]\nca_file = "{ca.as_posix()}"\n', encoding="utf-8")
        with pytest.raises(ConfigError, match=why):
            config.load(path, tmp_path / "m.db")


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """own.pem / own.key: a certificate for 127.0.0.1 signed by itself (as many county sites' are,
    or expired, or for another name: a browser shows a warning a person may click through)."""
    if not shutil.which("openssl"):
        pytest.skip("openssl command not available to make test certificates")
    d = tmp_path_factory.mktemp("own")
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", "own.key", "-out", "own.pem", cwd=d)
    return d


def test_a_site_whose_certificate_nobody_vouches_for_is_reached_only_when_its_host_is_named(self_signed, tmp_path):
    with Site() as site, Site() as other:
        for s in (site, other):
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(self_signed / "own.pem", self_signed / "own.key")
            s.server.socket = context.wrap_socket(s.server.socket, server_side=True)
            s.article("/a.html", "沪明合作")
        url = f"https://127.0.0.1:{site.port}/a.html"
        with _fetcher(tmp_path, site) as f, pytest.raises(FetchError) as err:
            f.get(url)
        assert "TLS certificate not accepted" in str(err.value) and "fetch.unverified_hosts" in err.value.hint
        with _fetcher(tmp_path, site, 'unverified_hosts = ["127.0.0.1"]\n') as f:
            assert "沪明合作" in f.get(url).text
        with _fetcher(tmp_path, site, 'unverified_hosts = ["www.example.cn"]\n', allow=(other.netloc,)) as f, \
                pytest.raises(FetchError, match="TLS certificate not accepted"):
            f.get(f"https://127.0.0.1:{other.port}/a.html")  # another host's name changes nothing here


@pytest.mark.parametrize("bad", ["https://www.example.cn", "www.example.cn/news", "", "two words"])
def test_unverified_hosts_are_host_names(tmp_path, bad):
    path = tmp_path / "monitor.toml"
    path.write_text(f'[fetch]\nunverified_hosts = ["{bad}"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unverified_hosts.*not a host name"):
        config.load(path, tmp_path / "m.db")
    path.write_text('[fetch]\nunverified_hosts = ["www.sm.gov.cn", "10.0.0.7"]\n', encoding="utf-8")
    assert config.load(path, tmp_path / "m.db").fetch.unverified_hosts == ("www.sm.gov.cn", "10.0.0.7")
