"""Filters that name something the archive does not have. `monitor search --source sanmig-gov`
(a typo) answered "nothing found", as if the source had written nothing on the subject; and
`monitor digest --status --subscriber ofice` ignored the name and listed every subscriber's
outbox (and exited 1 for another subscriber's failure). Each now names what is there."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone

from monitor.models import Article, Match
from monitor.store import Store

HEAD = '''include = ["monitor:topics/hu-ming.toml"]

[storage]
path = "{db}"
'''
SUBSCRIBER = '''
[[subscribers]]
name = "{name}"
topics = ["hu-ming"]
'''
HOOK = '''[[subscribers.channels]]
kind = "webhook"
url = "{url}"
'''
CONFIG = (HEAD + SUBSCRIBER.format(name="office") + HOOK.format(url="http://127.0.0.1:9/hook")
          + SUBSCRIBER.format(name="press") + HOOK.format(url="http://127.0.0.1:9/press"))


def archive(tmp_path):
    db = tmp_path / "m.db"
    store = Store.open(db)
    for i, source in enumerate(["sanming-gov", "sanming-gov", "fjsen", "imported"]):
        art = Article(url=f"https://news.example.cn/a/{i}.html", title=f"沪明对口合作第{i}项进展",
                      paragraphs=(f"上海市与三明市深化对口合作，第{i}个项目落地。",),
                      published=datetime(2026, 12, 1, 2, i, tzinfo=timezone.utc))
        aid, _ = store.add_article(art, source=source, canonical_url=art.url, content_hash=str(i), story_id=None,
                                   band_keys=[])
        store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))
    store.close()
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(CONFIG.format(db=db.as_posix()), encoding="utf-8")
    return cfg, db


def monitor(cfg, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "monitor", "--config", str(cfg), *args],
                          capture_output=True, text=True, timeout=60)


def test_a_search_from_a_source_the_archive_never_had_says_so(tmp_path):
    cfg, _ = archive(tmp_path)
    done = monitor(cfg, "search", "沪明", "--source", "sanmig-gov")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: search: no stored article is from source 'sanmig-gov'")
    assert "fjsen, imported, sanming-gov" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_search_from_a_known_source_that_finds_nothing_still_says_nothing_found(tmp_path):
    cfg, _ = archive(tmp_path)
    done = monitor(cfg, "search", "疗休养", "--source", "sanming-gov")
    assert done.returncode == 0 and done.stderr.strip() == "nothing found"
    done = monitor(cfg, "search", "沪明", "--source", "imported")  # a source only an import named
    assert done.returncode == 0 and "沪明对口合作第3项进展" in done.stdout


def test_the_outbox_status_of_one_subscriber_shows_that_one(tmp_path):
    cfg, db = archive(tmp_path)
    with sqlite_conn(db) as conn:
        for sub, status, error in (("office", "sent", None), ("press", "failed", "HTTP 500 from the press hook")):
            conn.execute("INSERT INTO outbox (subscriber, channel, key, status, attempts, next_attempt_at, "
                         "last_attempt_at, last_error, message, created_at) VALUES (?, 'webhook', ?, ?, 1, "
                         "'2026-12-01T00:00:00+00:00', '2026-12-01T00:00:00+00:00', ?, '{}', "
                         "'2026-12-01T00:00:00+00:00')", [sub, f"{sub}-1", status, error])
    done = monitor(cfg, "digest", "--status", "--subscriber", "office")
    assert done.returncode == 0, done.stderr  # press's failure is not office's
    rows = [line for line in done.stdout.splitlines()[1:] if line.strip()]
    assert [r.split("\t")[0] for r in rows] == ["office"]
    done = monitor(cfg, "digest", "--status", "--subscriber", "press")
    assert done.returncode == 1 and "HTTP 500 from the press hook" in done.stdout
    done = monitor(cfg, "digest", "--status", "--subscriber", "ofice")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: no subscriber named 'ofice'") and "office, press" in done.stderr
    done = monitor(cfg, "digest", "--status")
    assert done.returncode == 1 and {r.split("\t")[0] for r in done.stdout.splitlines()[1:] if r.strip()} == {"office", "press"}


def sqlite_conn(db):
    import contextlib
    import sqlite3

    @contextlib.contextmanager
    def conn():
        c = sqlite3.connect(db)
        try:
            yield c
            c.commit()
        finally:
            c.close()
    return conn()


HOOKS = (HEAD + SUBSCRIBER.format(name="office")
         + HOOK.format(url="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0f0f-secret") + 'format = "wecom"\n'
         + HOOK.format(url="https://open.feishu.cn/open-apis/bot/v2/hook/secret-token") + 'format = "feishu"\n')


def test_the_outbox_status_says_where_each_webhook_goes_without_its_token(tmp_path):
    """Webhooks were listed by a hash of their URL alone (`webhook:3f2a…`): an office with a
    WeCom and a Feishu robot could not tell which one was failing."""
    from monitor.config import Channel
    from monitor.pipeline.deliver import channel_key

    cfg, db = archive(tmp_path)
    cfg.write_text(HOOKS.format(db=db.as_posix()), encoding="utf-8")
    keys = [channel_key(Channel(kind="webhook", url=u)) for u in (
        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0f0f-secret",
        "https://open.feishu.cn/open-apis/bot/v2/hook/secret-token", "https://old.example.cn/hook")]
    with sqlite_conn(db) as conn:
        for n, (key, status) in enumerate(zip(keys, ("sent", "failed", "failed"), strict=True)):
            conn.execute("INSERT INTO outbox (subscriber, channel, key, status, attempts, message, created_at) "
                         "VALUES ('office', ?, ?, ?, 1, '{}', '2026-12-01T00:00:00+00:00')", [key, f"k{n}", status])
    done = monitor(cfg, "digest", "--status")
    rows = {line.split("\t")[1]: line for line in done.stdout.splitlines()[1:] if line.strip()}
    assert "qyapi.weixin.qq.com (wecom)" in rows[keys[0]] and "open.feishu.cn (feishu)" in rows[keys[1]]
    assert "no longer configured" in rows[keys[2]]
    assert "secret" not in done.stdout  # the tokens stay out of sight
