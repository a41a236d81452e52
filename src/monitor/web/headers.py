"""What every answer of `monitor serve` tells the browser about itself.

In: an ASGI app. Out: `Guarded`, a middleware adding to each answer (a page, a feed, a 404, the
401 of basic auth, the 503 before the database is there) the headers that keep a page of
scraped text from being more than text: a Content-Security-Policy running no script and loading
nothing but the page's own inline CSS, not to be framed by another site (a click on a framed
search page is a click for that site); nosniff (a feed or a plain-text answer is never read as
HTML); and addresses, which carry a desk's searches, sent as a referrer to the pages' own host
alone. The pages need none of what is refused: no script, no image, no font, no frame.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
          "frame-ancestors 'none'; base-uri 'none'")
HEADERS = [(b"content-security-policy", POLICY.encode()), (b"x-content-type-options", b"nosniff"),
           (b"x-frame-options", b"DENY"), (b"referrer-policy", b"same-origin")]


class Guarded:
    """`app` with HEADERS on every HTTP answer (any it set itself kept)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = _vary_once(message.get("headers", []))
                have = {name.lower() for name, _ in headers}
                message = {**message, "headers": [*headers, *((n, v) for n, v in HEADERS if n not in have)]}
            await send(message)

        await self.app(scope, receive, guarded)


def _vary_once(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """`headers` with one Vary naming each field once: a feed's own `Vary: Accept-Encoding` and the
    compressing middleware's were sent as `Accept-Encoding, Accept-Encoding` on a plain feed."""
    varies = [v for n, v in headers if n.lower() == b"vary"]
    if not varies:
        return headers
    fields = {f.strip().lower(): f.strip() for v in varies for f in v.split(b",") if f.strip()}
    kept = [(n, v) for n, v in headers if n.lower() != b"vary"]
    return [*kept, (b"vary", b", ".join(fields.values()))]
