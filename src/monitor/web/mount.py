"""Where the pages live: at the host's root, or under a path of a shared host behind a reverse
proxy (https://intranet.example.cn/monitor/).

In: the config's `[web] base_url` (its path) and, per request, a proxy's `X-Forwarded-Prefix`
header or the ASGI server's root path. Out: `Mounted`, an ASGI middleware that takes the path off a request a proxy passed on
whole (`/monitor/search` → `/search`; a proxy that strips it sends `/search` already) and sets
`root()` for the request, which every link of the pages starts with.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

_ROOT: ContextVar[str] = ContextVar("root", default="")
# A path of plain segments: no "..", no query, no host (a header is not trusted to be more).
_PATH = re.compile(r"(?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,63}){1,8}")


def root() -> str:
    """The path the pages live under for this request ("" at the host's root)."""
    return _ROOT.get()


def prefix_of(base_url: str | None) -> str:
    """The path of the configured base URL, without its last slash ("" for none or the root)."""
    path = urlsplit(base_url or "").path.rstrip("/")
    return path if _PATH.fullmatch(path) else ""


class Mounted:
    """The app under `prefix` (the config's), or under the path a proxy names in its header."""

    def __init__(self, app: ASGIApp, prefix: str) -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        named = dict(scope["headers"]).get(b"x-forwarded-prefix", b"").decode("latin-1").rstrip("/")
        # the server's own root path (`uvicorn --root-path /m`, which puts it before the path too)
        given = scope.get("root_path", "").rstrip("/")
        prefix = named if _PATH.fullmatch(named) else given if _PATH.fullmatch(given) else self.prefix
        path = scope["path"]
        if prefix and (path == prefix or path.startswith(prefix + "/")):  # the proxy passed its path on
            raw = scope.get("raw_path") or b""
            scope = {**scope, "path": path[len(prefix):] or "/", "root_path": "",  # routed as at the host's root
                     "raw_path": raw[len(prefix):] or b"/" if raw.startswith(prefix.encode()) else raw}
        token = _ROOT.set(prefix)
        try:
            await self.app(scope, receive, send)
        finally:
            _ROOT.reset(token)
