"""/metrics' monitor_last_success_timestamp_seconds for a source that polls without working.

The series is what an alert on a source's age reads (`time() - ... > 6h`). It was set at every
poll whose status was not `error`: a feed moved away (404 three times: `gone`), a site asking
for a day's pause (429 with a long Retry-After: resting), a listing turned into a WAF page,
a selector matching nothing: each looked fresh at every poll while no article came, and the
alert never fired, though `monitor health` and `monitor sources` (the database's last success)
said otherwise. A real `monitor run` with --metrics-port against sites on 127.0.0.1."""

from __future__ import annotations

import re

from conftest import free_port
from test_daemon import HEAD, _listening, get, start, stop, wait_for
from test_daemon_failing_sources import LocalSite


class Answering(LocalSite):
    """A site answering every request but robots.txt (a plain 404) with one code and headers."""

    def __init__(self, code: int, headers: dict[str, str] | None = None) -> None:
        body = b"<html><body>no</body></html>"
        super().__init__(lambda path: (404 if path == "/robots.txt" else code, "text/html", body), headers)


def test_a_source_gone_or_resting_gets_no_last_success_in_metrics(tmp_path):
    moved, resting = Answering(404), Answering(429, {"Retry-After": "86400"})
    path, db, port = tmp_path / "monitor.toml", tmp_path / "m.db", free_port()
    path.write_text(HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]\nretries = 0")
                    + f'[[sources]]\nname = "moved"\nkind = "feed"\nurl = "{moved.base}/feed.xml"\ninterval = "1s"\n'
                    + f'[[sources]]\nname = "resting"\nkind = "feed"\nurl = "{resting.base}/feed.xml"\n'
                      'interval = "1s"\n', encoding="utf-8")
    proc = start(path, db, "--metrics-port", str(port))
    url = f"http://127.0.0.1:{port}/metrics"
    try:
        wait_for(lambda: _listening(port) and 'monitor_polls_total{source="moved",status="gone"}' in get(url)[1]
                 and 'monitor_polls_total{source="resting",status="rate_limited"}' in get(url)[1],
                 timeout=60, what="a gone poll and a resting one")
        text = get(url)[1]
    finally:
        _, err = stop(proc)
        moved.close()
        resting.close()
    assert "Traceback" not in err, err
    assert not re.search(r'^monitor_last_success_timestamp_seconds\{source="(moved|resting)"\}', text, re.M), text
