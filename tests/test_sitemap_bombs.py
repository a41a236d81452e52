"""Sitemaps built to exhaust memory: a 50 KB `sitemap.xml.gz` that unpacks to 48 MB of empty
elements (twelve million, within the protocol's 50 MB), or a million `<url>` entries. The whole
document was parsed into a tree first: `monitor poll` grew past 1.2 GB for the first (8 s of
CPU), enough for the kernel to kill it on a small server, every poll. Now the entries are read
as the XML streams, no tree kept, and no more than the protocol's 50,000 of them (what search
engines read); a file no XML parser takes is read element by element as before, as far."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from cpuguard import LINEAR, growth
from hostile import BODY, Site

from monitor.config import Source
from monitor.sources import sitemap
from monitor.sources.base import Crawl, Listing, drive

# The child reports VmHWM, its own process image's peak: ru_maxrss (wait4's) keeps the forking
# parent's peak across exec, and pytest's grows past 1 GB over the whole suite (CI measured 1,165 MB).
CHILD = ("import atexit, re, sys\nsys.argv[0] = 'monitor'\n"
         "atexit.register(lambda: print('peak_kb', re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())"
         ".group(1), file=sys.stderr, flush=True))\nfrom monitor.__main__ import run\nrun()\n")
HEAD = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
TITLES = ["三明与上海签约共建产业园区", "沪明两地联合举办文旅推介会", "上海专家团队赴永安开展义诊"]


def _run_measured(tmp_path: Path, url: str) -> tuple[subprocess.CompletedProcess, int]:
    """`monitor poll` in its own process: its outcome and its own peak resident memory in MB."""
    (tmp_path / "monitor.toml").write_text(
        'include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\ntimeout = 20\nallow_private = ["127.0.0.1"]\n'
        f'[[sources]]\nname = "map"\nkind = "sitemap"\nurl = "{url}"\n', encoding="utf-8")
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("w") as o, err.open("w") as e:
        child = subprocess.Popen([sys.executable, "-c", CHILD, "--config", str(tmp_path / "monitor.toml"),
                                  "--db", str(tmp_path / "m.db"), "poll"], stdout=o, stderr=e,
                                 env={**os.environ, "PYTHONIOENCODING": "utf-8"})
        child.wait()
    errors = err.read_text()
    peak = re.search(r"peak_kb (\d+)", errors)
    assert peak, errors[-2000:]
    return subprocess.CompletedProcess(child.args, child.returncode, out.read_text(), errors), int(peak.group(1)) // 1024


def _articles(site: Site) -> str:
    for i, title in enumerate(TITLES):
        site.article(f"/news/{i}.html", title, BODY + "\n" + title)
    return "".join(f"<url><loc>{site.url(f'/news/{i}.html')}</loc></url>" for i in range(len(TITLES)))


def test_a_small_gzip_sitemap_of_millions_of_elements_is_read_in_little_memory(tmp_path):
    with Site() as a:
        xml = HEAD + _articles(a) + "<x/>" * 12_000_000 + "</urlset>"
        a.page("/sitemap.xml.gz", gzip.compress(xml.encode(), 9), content_type="application/x-gzip")
        done, peak = _run_measured(tmp_path, a.url("/sitemap.xml.gz"))
        asked = a.paths()
    assert done.returncode == 0, done.stderr[-2000:]
    assert all(f"/news/{i}.html" in asked for i in range(3)), asked
    assert peak < 600, f"monitor poll peaked at {peak} MB"


def test_a_sitemap_of_a_million_entries_gives_the_first_fifty_thousand():
    xml = HEAD + "".join(f"<url><loc>http://a.cn/{i}.html</loc><lastmod>2026-11-30</lastmod></url>"
                         for i in range(60_000)) + "</urlset>"  # past the cap, as a million are
    kind, entries = sitemap.parse(gzip.compress(xml.encode(), 1), "http://a.cn/sitemap.xml.gz")
    assert (kind, len(entries)) == ("urlset", 50_000)
    assert entries[0].loc == "http://a.cn/0.html" and entries[-1].loc == "http://a.cn/49999.html"
    broken = xml.replace("<urlset", "<br>PHP Warning: x<urlset", 1)  # no XML parser takes it: read element by element
    kind, entries = sitemap.parse(broken.encode(), "http://a.cn/sitemap.xml")
    assert (kind, len(entries)) == ("urlset", 50_000)


def test_an_entry_s_fields_are_read_as_before():
    xml = (HEAD.replace('">', '" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">') +
           "<url> <loc> http://a.cn/1.html </loc><news:news><news:publication_date>2026-11-30T09:00:00+08:00"
           "</news:publication_date><news:title>沪明<![CDATA[合作]]>新闻</news:title></news:news></url>"
           "<url><lastmod>2026-11-29</lastmod></url>"  # no address: no entry
           "<url><loc>/2.html</loc><lastmod>2026-11-29</lastmod><loc>http://a.cn/3.html</loc></url></urlset>")
    kind, entries = sitemap.parse(xml.encode(), "http://a.cn/sitemap.xml")
    assert kind == "urlset" and [e.loc for e in entries] == ["http://a.cn/1.html", "http://a.cn/2.html"]
    assert entries[0].title == "沪明合作新闻" and entries[0].when is not None
    assert entries[0].when.isoformat() == "2026-11-30T01:00:00+00:00"
    assert entries[1].when is not None and entries[1].title is None


def test_an_index_of_indexes_of_fifty_thousand_sitemaps_each_is_walked_in_linear_time(monkeypatch):
    """An index naming ten indexes of 50,000 sitemaps each (the protocol's most): the 500,000
    children queued were taken from the front of a list, each moving the rest: 16 s of CPU and
    over two minutes of a poll on this box for a source that lists nothing. Now a deque.
    The walk's CPU for 8 indexes against its CPU for 2 (tests/cpuguard.py): about 4 now, 16 with
    the list. The indexes come read (as `parse` gives them), so the ratio is the walk's own."""
    read = {f"http://a.cn/i{i}.xml": ("index", [sitemap.Entry(f"http://a.cn/s{i}-{j}.xml") for j in range(20_000)])
            for i in range(8)}
    read |= {f"http://a.cn/top{n}.xml": ("index", [sitemap.Entry(f"http://a.cn/i{i}.xml") for i in range(n)])
             for n in (2, 8)}
    monkeypatch.setattr(sitemap, "parse", lambda content, url, tz="": read.get(url, ("urlset", [])))

    def run(n: int) -> Listing:
        source = Source(name="map", kind="sitemap", url=f"http://a.cn/top{n}.xml")
        return drive(sitemap.walk(source, Crawl()), lambda request: _Answer(request.url))

    listing = run(8)
    assert [p.url for p in listing.pages] == ["http://a.cn/top8.xml"] + [f"http://a.cn/i{i}.xml" for i in range(8)] + [
        "http://a.cn/s0-0.xml", "http://a.cn/s0-1.xml"]  # max_sitemaps (10) asked, newest first
    assert len(listing.dropped) == 8 * 20_000 - 2
    assert (ratio := growth(run, 8)) < LINEAR, f"the walk's CPU grew {ratio:.1f}x for 4x the child sitemaps"


@dataclass
class _Answer:
    """A response as a walk reads it: what the parse (above) gives for its address."""

    url: str
    status: int = 200
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    not_modified: bool = False
