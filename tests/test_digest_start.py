"""`monitor digest` never compiles the topics' rules: it sends stories matched when they were
stored (their verdicts and hits are in the database) and names topics only. Compiling the
bundled rules was most of a digest's CPU (a dry run at 8,000 articles: ~1.4 s of ~1.5 under load).
"""

from __future__ import annotations

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
    """`monitor --config cfg ARGS` in a fresh interpreter; on stderr the matcher's modules it
    imported (`MATCHER [...]`)."""
    code = ("import sys\nfrom monitor.cli import main\n"
            f"sys.argv = ['monitor', '--config', {str(cfg)!r}, *{list(args)!r}]\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    print('EXIT', exc.code, file=sys.stderr)\n"
            "print('MATCHER', sorted(m for m in sys.modules if m.startswith('monitor.match')), file=sys.stderr)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)


def test_a_digest_never_compiles_the_rules(archive):
    cfg, out = archive
    preview = _monitor(cfg, "digest", "--dry-run")
    assert "MATCHER []" in preview.stderr, preview.stderr[-2000:]
    assert "dry-run, 4 stories" in preview.stderr, preview.stderr[-2000:]
    assert all(f"第{i}次会议" in preview.stdout for i in (1, 2, 4, 5)), preview.stdout
    assert "第0次会议" not in preview.stdout and "第3次会议" not in preview.stdout
    assert not list(out.iterdir())  # a dry run sends nothing

    sent = _monitor(cfg, "digest")
    assert "MATCHER []" in sent.stderr and "EXIT 1" not in sent.stderr, sent.stderr[-2000:]
    written = "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    assert all(f"第{i}次会议" in written for i in (1, 2, 4, 5)) and "第3次会议" not in written, written

    status = _monitor(cfg, "digest", "--status")
    assert "MATCHER []" in status.stderr and "desk" in status.stdout, status.stdout + status.stderr[-2000:]
    again = _monitor(cfg, "digest", "--dry-run")  # what was sent is not planned again
    assert "MATCHER []" in again.stderr and "0 stories" in again.stderr, again.stderr[-2000:]


def test_a_digest_still_refuses_an_unknown_topic(archive, tmp_path):
    """The topics' names are still checked while loading: a subscriber of a topic that is not
    there is refused in one line, as before."""
    cfg, _ = archive
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('topics = ["hu-ming"]', 'topics = ["hu-mign"]'),
                   encoding="utf-8")
    done = _monitor(cfg, "digest", "--dry-run")
    assert "EXIT 2" in done.stderr and "hu-mign" in done.stderr and "Traceback" not in done.stderr, done.stderr[-2000:]
