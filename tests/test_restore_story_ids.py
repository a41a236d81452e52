"""A story id is never given twice, across a restore either.

A database restored from an older backup gave its next stories the ids the lost ones had had
(its own highest id plus one): a topic feed's entry `urn:monitor:topic:hu-ming:story:4`, read by
a feed reader before the restore, then named another story, which the reader skipped as already
read, and a digest's old `/story/4` link led to it. `monitor restore` carries the replaced
database's highest story id over to the restored one. Real `monitor` processes, real SQLite files."""

from __future__ import annotations

import re
import sqlite3

from delivery_world import monitor_cli, news_lines, write_config


def _news(tmp_path, n: int, start: int) -> str:
    path = tmp_path / f"news{start}.jsonl"
    path.write_text("\n".join(news_lines(n, start)) + "\n", encoding="utf-8")
    return str(path)


def _ids(tmp_path) -> dict[str, int]:
    """Each stored story's id by its first article's URL."""
    with sqlite3.connect(tmp_path / "m.db") as con:
        return dict(con.execute("SELECT a.url, s.id FROM stories s JOIN articles a ON a.id = s.first_article_id"))


def _feed_ids(tmp_path) -> dict[str, str]:
    """The topic feed's entry ids by their link."""
    out = monitor_cli(tmp_path, "feed", "--topic", "hu-ming")
    assert out.returncode == 0, out.stderr
    entries = re.findall(r"<entry>(.*?)</entry>", out.stdout, re.S)
    return {re.search(r"<link[^>]*href=\"([^\"]+)\"", e).group(1): re.search(r"<id>([^<]+)</id>", e).group(1)
            for e in entries}


def test_stories_stored_after_a_restore_take_ids_no_story_had_before_it(tmp_path, webhook_receiver):
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"}])
    assert monitor_cli(tmp_path, "import", _news(tmp_path, 3, 0)).returncode == 0
    backed = monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db"))
    assert backed.returncode == 0, backed.stderr
    assert monitor_cli(tmp_path, "import", _news(tmp_path, 3, 3)).returncode == 0  # stored after the backup
    before = _ids(tmp_path)
    feed_before = set(_feed_ids(tmp_path).values())
    assert len(before) == 6 and len(feed_before) == 6

    restored = monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db"))
    assert restored.returncode == 0, restored.stderr
    assert len(_ids(tmp_path)) == 3
    assert monitor_cli(tmp_path, "import", _news(tmp_path, 2, 10)).returncode == 0  # new stories after it

    after = _ids(tmp_path)
    new = {url: i for url, i in after.items() if url not in before}
    assert len(new) == 2
    assert min(new.values()) > max(before.values()), (new, before)  # no id a lost story had
    feed_new = {link: i for link, i in _feed_ids(tmp_path).items() if any(u in link for u in new)}
    assert len(feed_new) == 2 and not set(feed_new.values()) & feed_before, (feed_new, feed_before)


def test_a_backup_restored_over_no_database_keeps_its_own_ids(tmp_path, webhook_receiver):
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"}])
    assert monitor_cli(tmp_path, "import", _news(tmp_path, 3, 0)).returncode == 0
    assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0
    kept = _ids(tmp_path)
    for name in ("m.db", "m.db-wal", "m.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)  # the disk died with it
    restored = monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db"))
    assert restored.returncode == 0, restored.stderr
    assert _ids(tmp_path) == kept
    assert monitor_cli(tmp_path, "import", _news(tmp_path, 1, 10)).returncode == 0
    assert max(_ids(tmp_path).values()) == max(kept.values()) + 1
