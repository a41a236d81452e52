"""A cookie jar with a browser's limits, for a fetcher that lives as long as the daemon.

The standard jar keeps every cookie it is given. A site that sets a new cookie in each answer
(a visit counter, a WAF token under a fresh name) would have each request to it carry all of
them: a Cookie header of tens of kilobytes after a few hundred pages, which servers refuse
(400, 431), so the source fails until a restart. Here, as browsers do, a cookie over 4 KB is not
kept, and a host keeps at most HOST_COOKIES cookies and HOST_BYTES of them: past either, its
cookies set longest ago go first (one set again counts as new, so a session cookie a site renews
stays). The whole jar keeps at most TOTAL cookies.
"""

from __future__ import annotations

import itertools
from http.cookiejar import Cookie, CookieJar

COOKIE_BYTES = 4096  # name + value, as browsers count a cookie's size
HOST_COOKIES = 50
HOST_BYTES = 4096  # what one host's cookies may add to a request's Cookie header
TOTAL = 3000


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
