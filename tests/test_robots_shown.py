"""Links a site's robots.txt keeps out, shown where a user looks for a source's health.

A poll skips the links robots.txt disallows (the site's wish: not an error), and said so only in
that poll's own table. A daemon's user asking why an outlet's articles never arrive saw the
source `ok` in `monitor sources` and on the web's sources page, and no reason. Now both say how
many links robots.txt kept out at the last poll.
"""

from __future__ import annotations

import subprocess
import sys

import httpx
from hostile import Site
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from test_cycle import make_ctx, source_toml  # noqa: F401  (a fixture)
from test_web import Served

from monitor.pipeline import poll
from monitor.web import create_app


def test_links_robots_txt_keeps_out_are_counted_where_a_source_is_looked_at(make_ctx, tmp_path):  # noqa: F811
    with Site() as a:
        a.robots("User-agent: *\nDisallow: /zwgk/\n")
        a.listing("/list.html", ["/news/1.html", "/zwgk/2.html", "/zwgk/3.html"])
        a.article("/news/1.html", "沪明合作新闻一")
        ctx = make_ctx(source_toml("county", a.url("/list.html")))
        report = poll(ctx)[0]
        asked = a.paths()
    assert (report.status, report.new, report.skipped) == ("ok", 1, 2) and "/zwgk/2.html" not in asked
    listed = subprocess.run([sys.executable, "-m", "monitor", "--config", str(tmp_path / "monitor.toml"), "--db",
                             str(tmp_path / "m.db"), "sources"], capture_output=True, text=True, check=False)
    assert listed.returncode == 0, listed.stderr
    head, row = listed.stdout.splitlines()[:2]
    assert dict(zip(head.split("\t"), row.split("\t"), strict=True))["robots.txt"] == "2 links kept out"
    with Served(create_app(ctx, auth="")) as web:
        page = httpx.get(web.url("/sources"), timeout=20).text
    assert "robots.txt kept out 2 links" in page
    # said under the last poll, not as the source's last error: the source is ok, the site's wish no fault of it
    cells = {td.attributes["data-label"]: td.text(strip=True) for td in HTMLParser(page).css("tr td[data-label]")}
    assert cells["last error"] == "", cells
    assert "robots.txt kept out 2 links" in cells["last poll"], cells


def test_a_source_robots_txt_lets_through_shows_nothing(make_ctx, tmp_path):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", ["/news/1.html"])
        a.article("/news/1.html", "沪明合作新闻一")
        ctx = make_ctx(source_toml("county", a.url("/list.html")))
        poll(ctx)
    listed = subprocess.run([sys.executable, "-m", "monitor", "--config", str(tmp_path / "monitor.toml"), "--db",
                             str(tmp_path / "m.db"), "sources"], capture_output=True, text=True, check=False)
    head, row = listed.stdout.splitlines()[:2]
    assert dict(zip(head.split("\t"), row.split("\t"), strict=True))["robots.txt"] == ""
