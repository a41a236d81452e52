"""Rows stored before 12fec96 keep a link's user information (http://editor:s3cret@host/...,
http://www.gov.cn@host/...): the fix dropped it from links stored since, but the rows stored before
still showed it, in the digest, the search (and its JSON/CSV export), the web pages and the Atom
feed. It is dropped where links are shown or sent, the stored rows left as they are (no rewrite of
a million rows at start-up); what a delivery records (the URLs of a message sent) is unchanged."""

from __future__ import annotations

import json
from urllib.parse import quote

from click.testing import CliRunner
from delivery_world import write_config
from test_web import Served, get

from monitor import config
from monitor.cli import main
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store
from monitor.web import create_app

BODY = "宁化县与上海市宝山区签订沪明对口合作协议，双方将在文旅康养、农产品进沪和干部人才交流等方面开展合作。"
SHOWN = ["https://www.county.example.cn/n/1.html?id=3", "https://mirror.example.com/a/7.html"]
STORED = ["https://editor:s3cret@www.county.example.cn/n/1.html?id=3", "https://www.gov.cn@mirror.example.com/a/7.html"]


def test_links_stored_with_user_information_before_it_was_dropped_are_shown_without_it(tmp_path):
    channels = [{"kind": "file", "path": str(tmp_path / "out" / f"{{date}}.{fmt}"), "format": fmt}
                for fmt in ("text", "markdown", "html")]
    path = write_config(tmp_path / "monitor.toml", channels)
    db = tmp_path / "m.db"
    ctx = Context(config.load(path, db), Store.open(db))
    lines = [json.dumps({"url": url, "title": "宁化宝山签订对口合作协议", "body": BODY,
                         "published": f"2026-12-0{k + 1} 08:00"}, ensure_ascii=False) for k, url in enumerate(SHOWN)]
    assert import_lines(ctx, lines).reposts == 1
    with ctx.store.transaction():  # as a row stored before 12fec96 holds it
        for shown, stored in zip(SHOWN, STORED, strict=True):
            ctx.store.conn.execute("UPDATE articles SET url = ? WHERE url = ?", [stored, shown])
    said = []
    assert [r.status for r in send_digests(ctx)] == ["sent"] * 3
    said += [out.read_text(encoding="utf-8") for out in (tmp_path / "out").iterdir()]
    runner = CliRunner()
    for fmt in ("table", "json", "csv"):
        found = runner.invoke(main, ["--config", str(path), "--db", str(db), "search", "--format", fmt, "宁化"])
        assert found.exit_code == 0, found.output
        said.append(found.output)
    fed = runner.invoke(main, ["--config", str(path), "--db", str(db), "feed", "--topic", "hu-ming"])
    assert fed.exit_code == 0, fed.output
    said.append(fed.output)
    story = ctx.store.conn.execute("SELECT story_id FROM articles").fetchone()[0]
    with Served(create_app(ctx, auth="")) as site:
        said += [get(site, p).text for p in ("/search?q=" + quote("宁化"), f"/story/{story}",
                                             "/search.atom?q=" + quote("宁化"), "/topic/hu-ming")]
    ctx.store.close()
    for text in said:
        assert "s3cret" not in text and "gov.cn@" not in text and "editor" not in text, text[:3000]
    assert all(SHOWN[0] in t or SHOWN[0].replace("&", "&amp;") in t for t in said[:3]), said[:3]
