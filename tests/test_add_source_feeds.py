"""add-source and a feed as outlets serve it (session 24, faults-sources-2).

A feed was known by `<rss`/`<feed`/`<urlset` in its first 2,000 bytes: a feed opening with a long
comment (a generator's banner, a licence), a stylesheet instruction and a doctype, or a blank
run, was read as an HTML page: served as text/html (as many CMSs serve their RSS), add-source said
"no feed, sitemap or list of article links found" about a working feed. The root element is now
found past the prolog. The CLI runs against a site on 127.0.0.1; the text is invented."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hostile import Site

from monitor.sources.detect import sniff

SRC = str(Path(__file__).resolve().parents[1] / "src")
HEAD = 'include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\nallow_private = ["127.0.0.1"]\n'
BANNER = "<!-- " + "本站信息由内容管理系统生成，转载请注明出处。" * 120 + " -->\n"
ITEMS = "".join(f"<item><title>沪明合作{i}</title><link>/xw/2026/12/art_{i}.html</link></item>" for i in range(5))
RSS = f'<?xml version="1.0" encoding="utf-8"?>\n{BANNER}<rss version="2.0"><channel><title>要闻</title>{ITEMS}</channel></rss>'
PROLOG = '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="/s.xsl"?>\n' + " \n" * 1200


@pytest.mark.parametrize(("body", "kind"), [
    (RSS, "feed"),
    (PROLOG + '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', "feed"),
    (PROLOG + BANNER + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', "sitemap"),
    (f"<!DOCTYPE html>\n{BANNER}<html><body><p>说 &lt;rss&gt; 的页面</p></body></html>", "html"),
])
def test_the_root_element_past_the_prolog_says_what_the_answer_is(body, kind):
    assert sniff(body.encode(), {"content-type": "text/html; charset=utf-8"}) == kind


def test_add_source_on_a_feed_served_as_a_web_page(tmp_path):
    path = tmp_path / "cli.toml"
    path.write_text(HEAD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.environ.get("MONITOR_SRC", SRC)}
    with Site() as site:
        site.page("/rss/xw.xml", RSS, content_type="text/html; charset=utf-8")
        result = subprocess.run([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(tmp_path / "c.db"),
                                 "add-source", site.url("/rss/xw.xml")], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    active = "\n".join(line for line in result.stdout.splitlines() if not line.startswith("#"))
    assert tomllib.loads(active)["sources"][0]["kind"] == "feed", result.stdout
