"""A site serving large pages (here 3.5 MB of text each, up to fetch.max_bytes, 8 MB) faster than
they are read: every link a poll chose (up to fetch.max_articles_per_poll, 50) was asked for at
once, and the pages fetched waited, whole, for the one thread that reads them, so a poll held
nearly all of them at once (50 pages of 7.4 MB: `monitor poll` peaked at 490 MB, 60 MB more for
each hostile source polled beside it). Now a source has at most eight links asked for whose
pages are not yet read; the host's own turns, one request at a time, pace the rest, so the
poll takes as long as before."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from hostile import Site, _send, article_html
from test_sitemap_bombs import CHILD

PARA = "<p>" + "上海市与三明市召开沪明对口合作联席会议，双方就产业协作、文旅交流和人才培养达成多项共识。" * 20 + "</p>\n"
PAGE = article_html("沪明合作新闻", "x").replace("<p>x</p>", PARA * (3_500_000 // len(PARA.encode()))).encode()


def _peak(tmp_path: Path, site: Site, links: int) -> tuple[int, str]:
    """`monitor poll` of a list of `links` large pages, in its own process: its peak memory in MB."""
    site.listing(f"/list{links}.html", [f"/{links}/{i}.html" for i in range(links)])
    (tmp_path / "monitor.toml").write_text(
        'include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\ntimeout = 60\nallow_private = ["127.0.0.1"]\n'
        f'[[sources]]\nname = "big"\nkind = "html"\nurl = "{site.url(f"/list{links}.html")}"\n'
        'link_selector = "ul.news a"\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", CHILD, "--config", str(tmp_path / "monitor.toml"),
                           "--db", str(tmp_path / f"m{links}.db"), "poll"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=300)
    peak = re.search(r"peak_kb (\d+)", done.stderr)
    assert done.returncode == 0 and peak, done.stderr[-2000:]
    return int(peak.group(1)) // 1024, done.stdout


def test_a_poll_of_many_large_pages_holds_a_few_at_once(tmp_path):
    with Site() as a:
        def page(h) -> None:
            number = h.path.rsplit("/", 1)[1].split(".")[0]
            _send(h, 200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.replace(b"</title>", f"{number}</title>".encode()))
        for links in (1, 50):
            for i in range(links):
                a.routes[f"/{links}/{i}.html"] = page
        one, _ = _peak(tmp_path, a, 1)
        many, table = _peak(tmp_path, a, 50)
    assert re.search(r"\nbig\s+ok\s+50\s+50\s", table), table  # every page stored
    # 50 pages of 3.5 MB: most held at once, 124 MB over one page's poll here; now 41 MB
    assert many - one < 80, f"one page: {one} MB; fifty: {many} MB"
