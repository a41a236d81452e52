"""A digest of stories imported from exports that name no outlet: every such line is stored under
one source name (`import`), and the digest named the story and each copy by it."""

from __future__ import annotations

import json

from delivery_world import write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store

BODY = ("宁化县与上海市宝山区签订沪明对口合作协议，双方将在文旅康养、农产品进沪和干部人才交流等方面"
        "开展合作，首批五个项目当天签约。")
ADDRESSES = ["https://www.county.example.cn/n/1.html", "https://mirror.example.com/a/7.html",
             "https://reprint.example.org/p/3.html"]


def test_a_digest_names_imported_copies_by_their_hosts(tmp_path):
    """'import · 2026-12-01 08:00' and 'also reported by: import, import' in the e-mail, the
    markdown webhook and the text file alike (the web pages and feeds named them by host since
    session 25): a reader of the digest could not tell the county's page from a mirror's."""
    channels = [{"kind": "file", "path": str(tmp_path / "out" / f"{{date}}.{fmt}"), "format": fmt}
                for fmt in ("text", "markdown", "html")]
    path = write_config(tmp_path / "monitor.toml", channels)
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    lines = [json.dumps({"url": url, "title": "宁化宝山签订对口合作协议", "body": BODY,
                         "published": f"2026-12-0{k + 1} 08:00"}, ensure_ascii=False)
             for k, url in enumerate(ADDRESSES)]
    assert import_lines(ctx, lines).reposts == 2
    assert [r.status for r in send_digests(ctx)] == ["sent"] * 3
    for out in (tmp_path / "out").iterdir():
        text = out.read_text(encoding="utf-8")
        assert "county.example.cn · 2026-12-01 08:00" in text, (out.name, text)
        also = text.split("also reported by: ")[1].splitlines()[0]
        assert "mirror.example.com" in also and "reprint.example.org" in also, (out.name, also)
        assert "import" not in also.replace("https://", ""), (out.name, also)
