"""Dev-time check: the project's seed page, served as HTML over local HTTP, goes through the
whole pipeline, matches `hu-ming`, and is found by `monitor search 沪明对口合作` and `滬明`.

Reads ../shared/seeds/*.txt when present (a new clone has none: it then says so and exits 0).
The seed is plain text scraped from a 中新網福建 page; this script wraps it in a minimal HTML
page (title line → <h1>, other lines → <p>), served big5-free as UTF-8 with a lying gb2312
header, plus a list page linking to it.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from monitor.replay import ReplayServer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def page(text: str) -> str:
    lines = [s.strip() for s in text.splitlines() if s.strip()]
    title, paras = lines[1], lines[2:]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return (f"<html><head><meta charset='gb2312'><title>{html.escape(title)}-中新網</title></head><body>"
            f"<div class='nav'><a href='/'>首頁</a> <a href='/fj/'>福建</a></div><h1>{html.escape(title)}</h1>"
            f"<div class='left_zw'>{body}</div><div class='footer'>版權所有 中新網</div></body></html>")


def monitor(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "monitor", *args], capture_output=True, text=True,
                          cwd=ROOT)


def main() -> int:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        print("skipped: no seed pages (../shared/seeds is absent)")
        return 0
    failures = 0
    for seed in seeds:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            (site / "fj" / "2023" / "11-08").mkdir(parents=True)
            (site / "fj" / "2023" / "11-08" / "seed.shtml").write_text(page(seed.read_text(encoding="utf-8")),
                                                                      encoding="utf-8")
            (site / "fj" / "list.html").write_text("<ul class='news'><li><a href='2023/11-08/seed.shtml'>seed</a></li></ul>",
                                                   encoding="utf-8")
            (site / "_headers.toml").write_text('"/fj/*" = {"Content-Type" = "text/html; charset=gb2312"}\n',
                                                encoding="utf-8")
            with ReplayServer(site) as server:
                cfg = Path(tmp) / "seed.toml"
                host = server.base_url.split("://", 1)[1]
                cfg.write_text('include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\n'
                               f'allow_private = ["{host}"]\n'
                               f'[[sources]]\nname = "seed"\nkind = "html"\nurl = "{server.base_url}/fj/list.html"\n'
                               'link_selector = "ul.news a"\n', encoding="utf-8")
                db = str(Path(tmp) / "seed.db")
                polled = monitor("--config", str(cfg), "--db", db, "poll")
            found = {q: json.loads(monitor("--config", str(cfg), "--db", db, "search", q, "--format", "json").stdout)
                     for q in ("沪明对口合作", "滬明")}
        ok = all(len(rows) == 1 and rows[0]["topics"] == ["hu-ming"] for rows in found.values())
        failures += not ok
        print(f"{seed.name}: {'ok' if ok else 'FAILED'}: "
              + "; ".join(f"search {q} → {len(rows)} hit(s), topics {rows[0]['topics'] if rows else []}"
                          for q, rows in found.items()))
        if not ok:
            print(polled.stdout, polled.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
