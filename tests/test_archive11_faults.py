"""Commands a person runs against a big archive load only what they use.

`monitor backup` (and `restore`) copy a file and never match: they compiled the topics' rules
all the same, ~1.5 s CPU of every backup whatever the archive's size (most of a small one's).
`monitor digest --dry-run` of a subscriber without two email channels imported the notify
package (httpx with it) to tell mailboxes apart, which only two email channels need: ~0.2 s
CPU of a preview. Behaviour is checked here (what each process imported, what it wrote); the
CPU figures are in BENCHMARKS.md ("Archive scale at 200k: every command").
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from monitor.models import Article, Match
from monitor.store import Store

CONFIG = """include = ["monitor:topics/hu-ming.toml"]
[storage]
path = "{db}"
[[subscribers]]
name = "desk"
topics = ["hu-ming"]
[[subscribers.channels]]
kind = "file"
path = "{out}/{{subscriber}}-{{date}}.txt"
"""

EMAILS = """
[[subscribers]]
name = "{name}"
topics = ["hu-ming"]
[[subscribers.channels]]
kind = "email"
to = ["{to}"]
from = "monitor@example.org"
smtp_host = "127.0.0.1"
smtp_port = 9
security = "none"
"""


@pytest.fixture
def archive(tmp_path):
    store = Store.open(tmp_path / "m.db")
    base = datetime(2026, 11, 1, tzinfo=timezone.utc)
    for i in range(6):
        art = Article(url=f"http://d.example/{i}", title=f"沪明对口合作第{i}次会议", published=base + timedelta(hours=i),
                      paragraphs=(f"上海与三明签约第{i}个项目。",))
        aid, _ = store.add_article(art, source="sm", canonical_url=art.url, content_hash=str(i), story_id=None,
                                   band_keys=[])
        if i % 3:  # four of six matched
            store.set_match(aid, Match(topic="hu-ming", matched=True, score=1.0))
    store.close()
    out = tmp_path / "out"
    out.mkdir()
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(CONFIG.format(db=(tmp_path / "m.db").as_posix(), out=out.as_posix()), encoding="utf-8")
    return cfg, out


def _monitor(cfg, *args: str) -> subprocess.CompletedProcess[str]:
    """`monitor --config cfg ARGS` in a fresh interpreter; on stderr the matcher's and the notify
    package's modules it imported (`LOADED [...]`)."""
    code = ("import sys\nfrom monitor.cli import main\n"
            f"sys.argv = ['monitor', '--config', {str(cfg)!r}, *{list(args)!r}]\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    print('EXIT', exc.code, file=sys.stderr)\n"
            "print('LOADED', sorted(m for m in sys.modules if m.startswith(('monitor.match', 'monitor.notify'))),"
            " file=sys.stderr)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False)


def _titles(db) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM articles ORDER BY id")]
    finally:
        conn.close()


def test_a_backup_and_a_restore_never_compile_the_rules(archive, tmp_path):
    cfg, _ = archive
    copy = tmp_path / "copy.db"
    done = _monitor(cfg, "backup", str(copy))
    assert "LOADED []" in done.stderr and "EXIT 0" in done.stderr, done.stderr[-2000:]
    assert "backed up" in done.stdout, done.stdout
    assert _titles(copy) == _titles(tmp_path / "m.db") and len(_titles(copy)) == 6

    store = Store.open(tmp_path / "m.db")  # written after the backup: the restore takes it back out
    art = Article(url="http://d.example/late", title="后来的文章", paragraphs=("正文。",))
    store.add_article(art, source="sm", canonical_url=art.url, content_hash="late", story_id=None, band_keys=[])
    store.close()
    assert len(_titles(tmp_path / "m.db")) == 7
    back = _monitor(cfg, "restore", str(copy))
    assert "LOADED []" in back.stderr and "EXIT 0" in back.stderr, back.stderr[-2000:]
    assert "restored" in back.stdout, back.stdout
    assert _titles(tmp_path / "m.db") == _titles(copy)


def test_a_backup_still_refuses_a_config_naming_an_unknown_topic(archive, tmp_path):
    """The topics' names are still checked: a subscriber of a topic that is not there is refused in
    one line, and nothing is written."""
    cfg, _ = archive
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('topics = ["hu-ming"]', 'topics = ["hu-mign"]'),
                   encoding="utf-8")
    done = _monitor(cfg, "backup", str(tmp_path / "copy.db"))
    assert "EXIT 2" in done.stderr and "hu-mign" in done.stderr and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert not (tmp_path / "copy.db").exists()


def test_a_dry_run_without_two_email_channels_never_loads_the_senders(archive):
    cfg, out = archive
    preview = _monitor(cfg, "digest", "--dry-run")
    assert "LOADED []" in preview.stderr, preview.stderr[-2000:]
    assert "dry-run, 4 stories" in preview.stderr, preview.stderr[-2000:]
    assert all(f"第{i}次会议" in preview.stdout for i in (1, 2, 4, 5)) and "第3次会议" not in preview.stdout
    assert not list(out.iterdir())

    cfg.write_text(cfg.read_text(encoding="utf-8") + EMAILS.format(name="office", to="Desk@Sanming.example.cn"),
                   encoding="utf-8")
    one = _monitor(cfg, "digest", "--dry-run")  # one email channel: no other to have had the stories
    assert "LOADED []" in one.stderr and one.stderr.count("dry-run, 4 stories") == 2, one.stderr[-2000:]


def test_two_email_channels_of_one_reader_still_leave_out_what_the_other_had(archive, tmp_path):
    """Two email channels naming one mailbox (in other letter cases): a story one of them was sent
    is left out of the other's preview, as before the senders' package was loaded later."""
    cfg, _ = archive
    cfg.write_text(cfg.read_text(encoding="utf-8") + EMAILS.format(name="office", to="Desk@Sanming.example.cn")
                   + EMAILS.format(name="press", to="desk@sanming.example.cn"), encoding="utf-8")
    store = Store.open(tmp_path / "m.db")
    sid = store.db.execute("SELECT story_id FROM articles WHERE title LIKE '%第1次%'").fetchone()[0]
    key = "email:desk@sanming.example.cn"
    store.db.execute("INSERT INTO deliveries (subscriber, channel, story_id, delivered_at) VALUES (?, ?, ?, ?)",
                     ["press", key, sid, "2026-11-02T00:00:00+00:00"])
    store.conn.commit()
    store.close()
    preview = _monitor(cfg, "digest", "--dry-run", "--subscriber", "office")
    assert "dry-run, 3 stories" in preview.stderr, preview.stderr[-2000:]
    assert "monitor.notify.smtp" in preview.stderr  # the mailboxes told apart by the senders' own rule
    assert "第1次会议" not in preview.stdout and all(f"第{i}次会议" in preview.stdout for i in (2, 4, 5)), preview.stdout
