"""Who carried a version of a story, as readers are shown it. Apart from `models` so that a
search (store.browse) names outlets without creating the models' dataclasses at start-up."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

IMPORTED = "import"  # the source name of an imported article whose line names none


def outlet(source: str, url: str | None) -> str:
    """Who carried a version, to show: its source's name, or for an article imported without one
    (every such line is stored under one name, `import`) its address's host: the versions of a
    story imported from two exports read 'also at: sanming.example.cn, mirror.example.com', not
    'import, import'."""
    if source != IMPORTED or not url:
        return source
    try:
        host = urlsplit(url).hostname if url[:8].lower().startswith(("http://", "https://")) else None
    except ValueError:  # 'http://[oops': an address no parser takes
        host = None
    return (host[4:] if host.startswith("www.") else host) if host else source


_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/\\?#]*@")  # a URL's user information, to its last '@'


def shown_url(url: str) -> str:
    """A stored link as readers are shown or sent it: without user information (`user:password@`,
    or `www.gov.cn@` hiding the real host), which links stored before 12fec96 may keep (links
    stored since are stored without it: `dedup.strip_tracking`)."""
    return _USERINFO.sub(r"\1", url, count=1) if url and "@" in url else url
