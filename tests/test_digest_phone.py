"""The digest e-mail read on a phone: its HTML part in Chromium at 375 px."""

from __future__ import annotations

import json

from delivery_world import write_config
from test_web_use2_faults import _too_wide

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store

BODY = ("三明市与上海市闵行区签订沪明对口合作协议，双方将在文旅康养、农产品进沪、干部人才交流等方面开展合作，"
        "首批八个项目当天签约。")


def test_a_digest_email_with_a_long_unbroken_title_stays_inside_a_phone_screen(tmp_path):
    """A title of one unbroken Latin run (a page whose <title> is its file name, a wire code) or
    a long outlet name ran past a phone's screen in the digest's HTML: the mail app scrolled the
    whole message sideways, or shrank it all to fit, to 6 px text. The web pages wrap such text
    (session 25); the e-mail wraps it too, and says it is made for a phone's width."""
    path = write_config(tmp_path / "monitor.toml", [
        {"kind": "file", "path": str(tmp_path / "out" / "{date}.html"), "format": "html"}])
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    lines = [{"url": "https://long.example.cn/" + "a" * 200 + ".html", "source": "长名" + "N" * 80,
              "title": "沪明合作" + "X" * 200, "body": BODY + "Y" * 300, "published": "2026-12-01 08:00"},
             {"url": "https://copy.example.com/1.html", "source": "Z" * 90, "title": "沪明合作" + "X" * 200,
              "body": BODY + "Y" * 300, "published": "2026-12-01 09:00"}]
    assert import_lines(ctx, [json.dumps(x, ensure_ascii=False) for x in lines]).matched >= 1
    assert [r.status for r in send_digests(ctx)] == ["sent"]
    (html,) = [p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir()]
    wide = _too_wide(html, tmp_path)
    assert wide == [], wide
    assert 'name="viewport"' in html
