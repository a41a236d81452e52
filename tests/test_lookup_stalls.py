"""Host names whose name servers never answer: a list page linking pages on hosts under a domain
whose DNS is gone (a lapsed county site, a hostile operator's black-hole zone).

The system resolver waits its timeout on each such name (glibc: 5 s, twice) and the lookups ran
outside `fetch.timeout`, on asyncio's default executor (a handful of threads: six on two cores),
one lookup per link even for links to one host. A list of 24 such links (eight hosts) held every
thread for the resolver's whole wait, and another source's host names waited behind them: with
20 s lookups here, a good source's three articles came 80 s late and
the poll took 86 s. Now a lookup is part of the request's time budget, one
lookup serves every link to its host (a failure is remembered for a minute), and lookups run on
threads of their own that hold up no other host's lookup and no exit: the same poll takes
seconds, its exit not waiting for the stuck lookups.

`monitor poll` runs in its own process; its resolver is the system's, except that names under
`.dead.test` go to a resolver on 127.0.0.1 that takes every query and never answers (the
child's `socket.getaddrinfo` sends the query there and waits, as glibc does). Nothing leaves
127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from hostile import BODY, Site

WAIT = 300.0  # the stand-in resolver's timeout per try (two tries, as glibc's attempts:2): a lookup takes 10 min,
# a stall without end for the poll, so the bounds below can be generous (a loaded machine stretches a
# `monitor` call to 30 s) and still far from what waiting for one lookup costs
CHILD = """
import os, socket, struct, sys
sink = ("127.0.0.1", int(os.environ["BLACK_HOLE_PORT"]))
real = socket.getaddrinfo

def lookup(host, port, *args, **kw):
    if isinstance(host, str) and host.endswith(".dead.test"):
        name = b"".join(bytes([len(p)]) + p.encode() for p in host.split("."))
        query = struct.pack(">HHHHHH", 7, 0x100, 1, 0, 0, 0) + name + b"\\0\\0\\1\\0\\1"
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(float(os.environ["BLACK_HOLE_WAIT"]))
            for _ in range(2):
                s.sendto(query, sink)
                try:
                    s.recv(512)
                except TimeoutError:
                    pass
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
    return real(host, port, *args, **kw)

socket.getaddrinfo = lookup
sys.argv[0] = "monitor"
from monitor.__main__ import run
run()
"""


class BlackHole:
    """A DNS resolver on 127.0.0.1 (UDP) that records every query's name and answers none."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.names: list[str] = []
        self.thread = threading.Thread(target=self._drain, daemon=True)

    def _drain(self) -> None:
        while True:
            try:
                data = self.sock.recv(2048)
            except OSError:
                return
            labels, i = [], 12
            while i < len(data) and data[i]:
                labels.append(data[i + 1:i + 1 + data[i]].decode())
                i += 1 + data[i]
            self.names.append(".".join(labels))

    def __enter__(self) -> BlackHole:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.sock.close()


def _poll(tmp_path: Path, hole: BlackHole, sources: str) -> tuple[subprocess.CompletedProcess, float]:
    (tmp_path / "monitor.toml").write_text(
        'include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\ntimeout = 1\nretries = 0\n'
        'allow_private = ["127.0.0.1", "::1"]\n' + sources, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "BLACK_HOLE_PORT": str(hole.port), "BLACK_HOLE_WAIT": str(WAIT)}
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, "--config", str(tmp_path / "monitor.toml"),
                               "--db", str(tmp_path / "m.db"), "poll"], capture_output=True, text=True, env=env,
                              timeout=110)
    except subprocess.TimeoutExpired:
        raise AssertionError("monitor poll did not end in 110 s: it waits for the stuck lookups") from None
    return done, time.monotonic() - started


def _source(name: str, url: str) -> str:
    return f'[[sources]]\nname = "{name}"\nkind = "html"\nurl = "{url}"\nlink_selector = "ul.news a"\n'


def test_links_to_hosts_whose_dns_never_answers_hold_up_no_other_source(tmp_path):
    with BlackHole() as hole, Site() as a, Site() as b:
        dead = [f"http://n{i % 8}.dead.test/news/{i}.html" for i in range(24)]  # eight hosts, three links each
        a.listing("/list.html", dead)
        # b's articles are on a host name (not an IP literal): each needs a lookup, after a's are asked
        b.listing("/list.html", [f"http://localhost:{b.port}/news/{i}.html" for i in range(3)])
        for i in range(3):
            b.article(f"/news/{i}.html", f"沪明合作新闻{i}", BODY + f"\n第{i}条。")
        done, took = _poll(tmp_path, hole, _source("a", a.url("/list.html")) + _source("b", b.url("/list.html")))
        asked = list(hole.names)
    rows = {line.split("\t")[0]: line.split("\t") for line in done.stdout.splitlines()[1:]}
    assert done.returncode == 0 and set(rows) == {"a", "b"}, done.stdout + done.stderr[-3000:]
    assert rows["b"][1:4] == ["ok", "3", "3"] and int(rows["b"][10]) < 60_000, done.stdout  # not behind a's lookups
    assert sorted(p for p in b.paths() if p.startswith("/news/")) == [f"/news/{i}.html" for i in range(3)]
    assert rows["a"][1] == "partial" and rows["a"][9] == "24", done.stdout
    assert "no answer within 1s" in rows["a"][11], done.stdout  # the request's budget covers its lookup
    assert took < 100, f"monitor poll took {took:.1f}s"  # its exit does not wait for the stuck lookups (10 min)
    # one lookup (its two tries) per host, however many links it has
    assert sorted(set(asked)) == [f"n{i}.dead.test" for i in range(8)] and len(asked) <= 16, asked
