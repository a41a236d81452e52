"""A cookie jar with a browser's limits, for a fetcher that lives as long as the daemon.

The standard jar keeps every cookie it is given. A site that sets a new cookie in each answer
(a visit counter, a WAF token under a fresh name) would have each request to it carry all of
them: a Cookie header of tens of kilobytes after a few hundred pages, which servers refuse
(400, 431), so the source fails until a restart. Here, as browsers do, a cookie over 4 KB is not
kept, and a host keeps at most HOST_COOKIES cookies and HOST_BYTES of them: past either, its
cookies set longest ago go first (one set again counts as new, so a session cookie a site renews
stays). The whole jar keeps at most TOTAL cookies.

A cookie whose Domain is a registry's suffix (`.sh.cn`, `com.cn`, `gov.cn`, `com.hk`, `org.tw`,
`co.uk`) is refused, as a browser's Public Suffix List refuses it: kept, it would go to every
site under the suffix, one site's cookie planted in all the others' requests.
"""

from __future__ import annotations

import itertools
from http.cookiejar import Cookie, CookieJar

COOKIE_BYTES = 4096  # name + value, as browsers count a cookie's size
HOST_COOKIES = 50
HOST_BYTES = 4096  # what one host's cookies may add to a request's Cookie header
TOTAL = 3000

# Second-level names open to anyone under the Chinese-language TLDs (the Public Suffix List's
# entries for them, the IDN ones in Punycode: 公司 网络 網絡 個人 組織 政府 教育 …), beside the
# standard library's heuristic for the rest (`com`, `co`, `org`, … under any two-letter TLD).
_REGISTRY_SUFFIXES = frozenset(
    [f"{p}.cn" for p in ("ac com edu gov mil net org ah bj cq fj gd gs gz gx ha hb he hi hl hn jl js jx ln "
                         "mo nm nx qh sc sd sh sn sx tj tw xj xz yn zj hk xn--55qx5d xn--io0a7i xn--od0alg").split()]
    + [f"{p}.hk" for p in ("com edu gov idv net org xn--55qx5d xn--wcvs22d xn--lcvr32d xn--mxtq1m xn--gmqw5a "
                           "xn--ciqpn xn--gmq050i xn--zf0avx xn--io0a7i xn--mk0axi xn--od0alg xn--od0aq3b "
                           "xn--tn0ag xn--uc0atv xn--uc0ay4a").split()]
    + [f"{p}.mo" for p in "com edu gov net org".split()]
    + [f"{p}.tw" for p in "club com ebiz edu game gov idv mil net org xn--czrw28b xn--uc0atv xn--zf0ao64a".split()])
_GENERIC_SLD = frozenset("co ac com edu org net gov mil int aero biz cat coop info jobs mobi museum name pro travel eu".split())


def registry_suffix(domain: str) -> bool:
    """Whether a cookie's Domain (`.sh.cn`, `gov.cn`) names a suffix anyone registers under."""
    name = domain.strip(".").lower()
    if name in _REGISTRY_SUFFIXES:
        return True
    sld, _, tld = name.rpartition(".")
    return len(tld) == 2 and sld in _GENERIC_SLD


class BoundedJar(CookieJar):
    """`CookieJar` that forgets the oldest cookies past the limits above."""

    def __init__(self) -> None:
        super().__init__()
        self._order = itertools.count()
        self._set_at: dict[tuple[str, str, str], int] = {}
        self.changes = 0  # cookies set so far: a request asked again after one is another request

    def set_cookie(self, cookie: Cookie) -> None:
        if len(cookie.name) + len(cookie.value or "") > COOKIE_BYTES:
            return
        if cookie.domain_specified and registry_suffix(cookie.domain):
            return
        with self._cookies_lock:  # type: ignore[attr-defined]  # the jar's own lock (an RLock)
            super().set_cookie(cookie)
            self.changes += 1
            self._set_at[(cookie.domain, cookie.path, cookie.name)] = next(self._order)
            self._trim(cookie.domain)

    def clear(self, domain: str | None = None, path: str | None = None, name: str | None = None) -> None:
        super().clear(domain, path, name)
        self._set_at = {k: v for k, v in self._set_at.items()
                        if not ((domain is None or k[0] == domain) and (path is None or k[1] == path)
                                and (name is None or k[2] == name))}

    def _trim(self, domain: str) -> None:
        mine = sorted(self._in(domain), key=lambda c: self._set_at.get((c.domain, c.path, c.name), -1))  # oldest first
        size = sum(_size(c) for c in mine)
        while mine and (len(mine) > HOST_COOKIES or size > HOST_BYTES):
            old = mine.pop(0)
            size -= _size(old)
            self._forget((old.domain, old.path, old.name))
        if len(self._set_at) > TOTAL:
            for key, _ in sorted(self._set_at.items(), key=lambda kv: kv[1])[: len(self._set_at) - TOTAL]:
                self._forget(key)

    def _forget(self, key: tuple[str, str, str]) -> None:
        try:
            self.clear(*key)
        except KeyError:  # gone already (expired and cleared by the jar itself)
            self._set_at.pop(key, None)

    def _in(self, domain: str) -> list[Cookie]:
        return [c for by_name in self._cookies.get(domain, {}).values() for c in by_name.values()]  # type: ignore[attr-defined]


def _size(cookie: Cookie) -> int:
    """What the cookie adds to a Cookie header: `name=value; `."""
    return len(cookie.name) + len(cookie.value or "") + 3
