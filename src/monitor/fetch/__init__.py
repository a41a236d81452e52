"""HTTP fetching with manners and a guard: the only package besides notify that opens sockets.

In: URLs (plus the ETag / Last-Modified remembered for listings). Out: `Response` (final URL,
status, bytes, headers, text decoded once) or `FetchError` with a `kind`. `client` holds the
`Fetcher`; its policies are small modules: `guard` (which addresses we may connect to),
`robots` (robots.txt per RFC 9309), `hosts` (one request at a time per host, adaptive delay),
`body` (size cap while decompressing), `signals` (WAF stubs, canonical links), `transport`
(httpx on the guarded backend). Never parses articles, never touches the store.
"""

from .client import MAX_HOPS, Fetcher, Response
from .guard import AddressPolicy, parse_rule
from .hosts import fetching_for, given_up_on

__all__ = ["MAX_HOPS", "AddressPolicy", "Fetcher", "Response", "fetching_for", "given_up_on", "parse_rule"]
