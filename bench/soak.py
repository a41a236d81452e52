"""The daemon left running against a growing site, killed at random moments: is every article
stored once, every matching story delivered once, and does its memory level off?

    python bench/soak.py [--minutes M] [--kills] [--step S] [--alike] [--busy] [--keep DIR]

A local news site (a feed, a list page and a mirror that reposts every other story a few
items later) publishes an article every `--step` seconds; half of them are about the
cooperation. `monitor run` polls it every few seconds and sends a digest every minute to a
webhook receiver, both on 127.0.0.1. With `--kills` the daemon is SIGKILLed at random moments
(3-28 s apart) for `--minutes`, restarted each time at once, then left to run two minutes more;
without it, it runs `--minutes` undisturbed and its memory (VmRSS) is sampled beside the
database's size. A last `monitor digest` sends what came after the daemon's last digest.
With `--busy` the store is used while the daemon runs and dies, as colleagues use it: `monitor
search` every few seconds, `monitor serve` read by a browser-like client (search, story and
topic pages), a `monitor import` of a backlog now and then (half of it about the cooperation),
and every fourth stop a SIGTERM instead of a SIGKILL. Each reader's failure is counted and its
first words shown; the backlog's articles are counted with the site's.

Reported: kills; articles the site published and the monitor stored (missing ones named);
stories matched and delivered (a story in two different messages is a duplicate; a message
sent again under its own key is counted apart, since the receiver can drop it).
"""

from __future__ import annotations

import argparse
import collections
import http.server
import json
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

MONITOR = str(Path(sys.executable).with_name("monitor"))
TIE = ("上海市与三明市对口合作座谈会在三明召开", "沪明对口合作共建产业园新签约项目", "上海援派干部在三明永安挂职一年",
       "沪明合作文旅推介会在上海举行")
LOCAL = ("我市召开安全生产工作会议", "全市重点项目建设推进会召开", "城区道路改造工程完工", "秋季农产品展销会开幕")
WORDS = ("今年以来 我市 持续 推进 产业 项目 建设 群众 满意度 不断 提升 乡村 振兴 文旅 融合 发展 取得 新 成效 会议 "
         "强调 坚持 稳中求进 工作 总基调 营商环境 优化 招商 引资 人才 交流 科技 创新 生态 保护 民生 实事 教育 医疗 "
         "养老 就业 增收 农业 特色 茶叶 竹笋 食用菌 旅游 线路 游客 文化 活动 基层 治理 安全 生产 防汛 应急").split()


FILL = ("会议指出，要坚持稳中求进工作总基调，扎实推进各项重点工作落地见效。",
        "今年以来，全市上下聚焦高质量发展，持续优化营商环境，项目建设取得新进展。",
        "与会人员表示，将进一步压实责任，细化措施，确保各项任务按时完成。",
        "据介绍，该项目总投资约三亿元，建成后将带动周边群众就业增收。",
        "下一步，相关部门将加强协调配合，及时解决项目推进中的困难和问题。")


class Site:
    """Article n is published at start + n * step; the feed and the list show the newest 30.
    `alike`: bodies drawn from five stock sentences, so many reports fold and stories merge."""

    def __init__(self, step: float, alike: bool = False) -> None:
        self.start, self.step, self.alike = time.time(), step, alike

    def count(self) -> int:
        return int((time.time() - self.start) / self.step) + 1

    def article(self, n: int) -> tuple[str, list[str]]:
        rng = random.Random(n)
        tie = n % 2 == 0
        title = f"{(TIE if tie else LOCAL)[n % 4]}（第{n}期）"
        paras = [rng.choice(FILL) + rng.choice(FILL) for _ in range(rng.randint(3, 6))] if self.alike else [
                 "，".join("".join(rng.choice(WORDS) for _ in range(4)) for _ in range(rng.randint(6, 12))) + "。"
                 for _ in range(rng.randint(3, 6))]  # word salad: no two articles alike
        if tie:
            paras.insert(1, f"第{n}期：{TIE[n % 4]}，双方就产业协作、人才交流等事项深入交流。")
        else:
            paras.insert(1, f"第{n}期：{LOCAL[n % 4]}，市有关部门负责同志参加。")
        return title, paras

    def page(self, n: int, mirror: bool) -> str:
        title, paras = self.article(n)
        when = time.strftime("%Y-%m-%d %H:%M", time.gmtime(self.start + n * self.step + 8 * 3600))
        body = "".join(f"<p>{p}</p>" for p in paras) + ("<p>（来源：三明日报）</p>" if mirror else "")
        return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><div class='nav'>"
                f"<a href='/'>首页</a></div><h1>{title}</h1><div class='info'>发布时间：{when}</div>"
                f"<div class='content'>{body}</div><div class='foot'>版权所有</div></body></html>")

    def answer(self, path: str, host: str) -> tuple[int, str, str]:
        c = self.count()
        if path == "/robots.txt":
            return 200, "text/plain", "User-agent: *\nAllow: /\n"
        if path == "/feed.xml":
            items = "".join(
                f"<item><title>{self.article(n)[0]}</title><link>http://{host}/a/{n}.html</link><pubDate>"
                f"{time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime(self.start + n * self.step))}</pubDate></item>"
                for n in range(c, max(0, c - 30), -1) if n % 3)
            return 200, "application/rss+xml", ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                                                f"<title>soak</title><link>http://{host}/</link>{items}</channel></rss>")
        if path in ("/list.html", "/mirror.html"):
            mirror = path == "/mirror.html"
            shown = range(c - 4, max(0, c - 34), -1) if mirror else range(c, max(0, c - 30), -1)
            lis = "".join(f"<li><a href='/{'m' if mirror else 'a'}/{n}.html'>{self.article(n)[0]}</a></li>"
                          for n in shown if (n % 2 == 0 if mirror else n % 3 == 0))
            return 200, "text/html; charset=utf-8", f"<html><body><ul class='list'>{lis}</ul></body></html>"
        if m := re.fullmatch(r"/([am])/(\d+)\.html", path):
            n = int(m.group(2))
            if 0 < n <= c:
                return 200, "text/html; charset=utf-8", self.page(n, m.group(1) == "m")
        return 404, "text/plain", "not found"

    def published(self) -> set[str]:
        """Every article a reader could have seen listed (feed, list or mirror) by now."""
        c = self.count()
        return {f"/a/{n}.html" for n in range(1, c + 1)} | {f"/m/{n}.html" for n in range(2, c - 3, 2)}


def serve(handler_of) -> tuple[http.server.ThreadingHTTPServer, int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_of)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def site_handler(site: Site):
    class H(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a: object) -> None:
            pass

        def do_GET(self) -> None:
            status, ctype, text = site.answer(self.path, self.headers.get("Host", ""))
            data = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
    return H


def hook_handler(received: list[dict]):
    class H(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a: object) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            received.append({"key": self.headers.get("Idempotency-Key"), "body": json.loads(body)})
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")
    return H


def config(tmp: Path, site_port: int, hook_port: int) -> Path:
    path = tmp / "soak.toml"
    path.write_text(f"""include = ["monitor:topics/hu-ming.toml"]
[storage]
path = "{tmp / 'soak.db'}"
[fetch]
user_agent = "monitor-soak/0.1"
min_delay = 0
timeout = 5
retries = 1
allow_private = ["127.0.0.1:{site_port}", "127.0.0.1:{hook_port}"]
[schedule]
timezone = "Asia/Shanghai"
jitter = "0s"
[[sources]]
name = "feed"
kind = "feed"
url = "http://127.0.0.1:{site_port}/feed.xml"
interval = "2s"
[[sources]]
name = "list"
kind = "html"
url = "http://127.0.0.1:{site_port}/list.html"
link_selector = "ul.list a"
interval = "3s"
[[sources]]
name = "mirror"
kind = "html"
url = "http://127.0.0.1:{site_port}/mirror.html"
link_selector = "ul.list a"
interval = "5s"
[[subscribers]]
name = "press"
topics = ["hu-ming"]
schedule = "* * * * *"
[[subscribers.channels]]
kind = "webhook"
url = "http://127.0.0.1:{hook_port}/hook"
format = "json"
""", encoding="utf-8")
    return path


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1])
    return 0


def daemon(cfg: Path, log) -> subprocess.Popen:
    return subprocess.Popen([MONITOR, "-v", "--config", str(cfg), "run"], stdout=log, stderr=log)  # -v: each poll


class Busy:
    """Colleagues using the store while the daemon runs: searches, web pages, imports."""

    def __init__(self, cfg: Path, tmp: Path) -> None:
        self.cfg, self.tmp, self.imported, self.failures = cfg, tmp, set(), collections.Counter()
        self.first: dict[str, str] = {}
        self.runs = collections.Counter()
        self.stop = threading.Event()
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.web = subprocess.Popen([MONITOR, "--config", str(cfg), "serve", "--port", str(self.port)],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 60  # its start (imports, the store) before the first reader
        while time.time() < deadline and self.web.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        self.threads = [threading.Thread(target=f, daemon=True) for f in (self._search, self._browse, self._import)]
        for t in self.threads:
            t.start()

    def _failed(self, what: str, text: str) -> None:
        self.failures[what] += 1
        if self.failures[what] <= 3:
            self.first[f"{what} #{self.failures[what]}"] = text.strip()[-300:]

    def _run(self, what: str, args: list[str], stdin: bytes | None = None) -> None:
        self.runs[what] += 1
        done = subprocess.run([MONITOR, "--config", str(self.cfg), *args], input=stdin, capture_output=True,
                              timeout=300, check=False)
        err = done.stderr.decode("utf-8", "replace")
        if done.returncode or "Traceback" in err:
            self._failed(what, f"rc={done.returncode} {err}")

    def _search(self) -> None:
        rng = random.Random(7)
        while not self.stop.wait(rng.uniform(1, 4)):
            self._run("search", ["search", rng.choice(["沪明", "对口合作", "三明 上海", "产业园", "第1期"]),
                                 "--format", rng.choice(["table", "json", "csv"])])

    def _browse(self) -> None:
        import urllib.error
        import urllib.request
        rng = random.Random(8)
        while not self.stop.wait(rng.uniform(0.5, 2)):
            path = rng.choice(["/", "/search?q=%E6%B2%AA%E6%98%8E", "/topic/hu-ming", "/sources",
                               f"/story/{rng.randint(1, 400)}", "/topic/hu-ming.atom", "/search.atom?q=%E4%B8%89%E6%98%8E"])
            self.runs["web"] += 1
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=30) as r:
                    r.read()
            except urllib.error.HTTPError as e:
                if e.code not in (404, 503):  # a story id not given yet; busy, said so
                    self._failed("web", f"{path} {e.code} {e.read()[:200]!r}")
            except OSError as e:
                if self.web.poll() is None:
                    self._failed("web", f"{path} {e}")

    def _import(self) -> None:
        rng, batch = random.Random(9), 0
        while not self.stop.wait(rng.uniform(20, 40)):
            batch += 1
            lines = []
            for i in range(30):
                url = f"http://backlog.example.cn/b/{batch}/{i}.html"
                tie = i % 2 == 0
                title = f"{'沪明对口合作回顾' if tie else '本地旧闻'}（第{batch}批第{i}篇）"
                body = (f"第{batch}批第{i}篇：" + ("上海与三明对口合作结出硕果，两地干部交流频繁。" if tie else "县里召开春耕生产会议。")
                        + "".join(rng.choice(FILL) for _ in range(4)))
                lines.append(json.dumps({"url": url, "title": title, "body": body}, ensure_ascii=False))
                self.imported.add(url)
            self._run("import", ["import", "-"], "\n".join(lines).encode("utf-8"))

    def close(self) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(timeout=310)
        self.web.terminate()
        try:
            _, err = self.web.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.web.kill()
            _, err = self.web.communicate()
        if "Traceback" in err.decode("utf-8", "replace"):
            self._failed("serve", err.decode("utf-8", "replace"))

    def report(self) -> int:
        print("readers: " + ", ".join(f"{k} {v} runs, {self.failures[k]} failed" for k, v in sorted(self.runs.items())))
        for what, text in self.first.items():
            print(f"  {what} failure: {text}")
        return 1 if self.failures else 0


def report(site: Site, db: Path, received: list[dict], kills: int, imported: set[str] = frozenset()) -> int:
    conn = sqlite3.connect(db)
    every = [u for (u,) in conn.execute("SELECT url FROM articles")]
    stored = [re.sub(r"^http://[^/]+", "", u) for u in every if u not in imported]
    missing = sorted(site.published() - set(stored)) + sorted(imported - set(every))
    twice = [u for u, k in collections.Counter(every).items() if k > 1]
    matched = {sid for (sid,) in conn.execute(
        "SELECT DISTINCT a.story_id FROM articles a JOIN article_topics t ON t.article_id = a.id")}
    keys = collections.Counter(m["key"] for m in received)
    try:  # a story merged into an older one (m021): its messages count for the story it joined
        merged = dict(conn.execute("SELECT gone, kept FROM story_merges"))
    except sqlite3.OperationalError:
        merged = {}
    in_messages = collections.defaultdict(set)
    for m in received:
        for s in m["body"]["stories"]:
            in_messages[s["id"]].add(m["key"])
    dup = sorted(s for s, k in in_messages.items() if len(k) > 1)
    lost = sorted(matched - {merged.get(s, s) for s in in_messages})
    print(f"kills: {kills}")
    print(f"articles: {len(site.published())} published and listed and {len(imported)} imported, {len(every)} stored, "
          f"missing {len(missing)} {missing[:10]}, stored twice {len(twice)}")
    print(f"stories: {len(matched)} matched, {len(in_messages)} delivered ({len(merged)} merged into another since), "
          f"in two messages {len(dup)} {dup[:10]}, never delivered {len(lost)} {lost[:10]}")
    print(f"messages: {len(received)} received, {len(keys)} distinct keys, "
          f"{sum(v - 1 for v in keys.values())} sent again under their own key")
    return 1 if missing or twice or dup or lost else 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=5)
    ap.add_argument("--kills", action="store_true", help="SIGKILL the daemon at random moments")
    ap.add_argument("--step", type=float, default=1.0, help="seconds between the site's articles")
    ap.add_argument("--alike", action="store_true", help="template-like reports: many fold, stories merge")
    ap.add_argument("--busy", action="store_true", help="searches, web pages and imports beside the daemon")
    ap.add_argument("--keep", type=Path, help="copy the database, log and received messages here")
    args = ap.parse_args(argv)
    site, received = Site(args.step, args.alike), []
    site_srv, site_port = serve(site_handler(site))
    hook_srv, hook_port = serve(hook_handler(received))
    rng = random.Random(24)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        cfg, db, kills = config(tmp, site_port, hook_port), tmp / "soak.db", 0
        end = time.time() + args.minutes * 60
        busy = None
        with open(tmp / "daemon.log", "ab") as log:
            if args.kills:
                while time.time() < end:
                    proc = daemon(cfg, log)
                    if args.busy and busy is None:
                        time.sleep(2)  # the store made by the daemon's start
                        busy = Busy(cfg, tmp)
                    time.sleep(rng.uniform(3, 28))
                    proc.send_signal(signal.SIGTERM if args.busy and kills % 4 == 3 else signal.SIGKILL)
                    try:
                        proc.wait(timeout=120)
                    except subprocess.TimeoutExpired:
                        print("the daemon did not stop within 120 s of SIGTERM", flush=True)
                        proc.kill()
                        proc.wait()
                    kills += 1
                end = time.time() + 120
            proc = daemon(cfg, log)
            print("minute  VmRSS MiB  database MiB")
            began = time.time()
            while time.time() < end:
                time.sleep(min(60, max(0.1, end - time.time())))
                size = sum(p.stat().st_size for p in tmp.glob("soak.db*") if p.is_file())
                print(f"{(time.time() - began) / 60:6.1f}  {rss_kib(proc.pid) / 1024:9.1f}  {size / 2**20:12.1f}", flush=True)
            if busy is not None:
                busy.close()
            frozen = site.count()  # nothing new from here: the last polls take in what was listed
            site.count = lambda: frozen  # type: ignore[method-assign]
            time.sleep(12)
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=120)
            subprocess.run([MONITOR, "--config", str(cfg), "digest"], stdout=log, stderr=log, check=False)
        code = report(site, db, received, kills, busy.imported if busy else set())
        code |= busy.report() if busy else 0
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for p in tmp.iterdir():
                if p.is_file():
                    (args.keep / p.name).write_bytes(p.read_bytes())
            with open(args.keep / "received.jsonl", "w", encoding="utf-8") as f:
                f.writelines(json.dumps(m, ensure_ascii=False) + "\n" for m in received)
    site_srv.shutdown()
    hook_srv.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
