"""What `monitor run --once` says without -v (a deployment tested by hand, a cron line): nothing
at all, where the daemon says its start and its stop. A user could not tell it had run, on which
database, what it polled nor what it sent. Now one line at its start and one at its end. A real
`monitor run --once`, a site on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

import json
import re

from test_daemon import FEED, GBK, QUICK, site, start  # noqa: F401 (fixture)


def test_run_once_says_its_start_and_its_end_without_v(tmp_path, site):  # noqa: F811
    path, db, out = tmp_path / "monitor.toml", tmp_path / "m.db", tmp_path / "digest.txt"
    path.write_text(QUICK + FEED.format(base=site.base_url, interval="30m") + GBK.format(base=site.base_url)
                    + '[[subscribers]]\nname = "desk"\ntopics = ["hu-ming"]\nschedule = "0 8 * * *"\n'
                    + f'[[subscribers.channels]]\nkind = "file"\npath = "{out.as_posix()}"\n', encoding="utf-8")
    proc = start(path, db, "--once", verbose=False)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and "Traceback" not in err, err[-2000:]
    assert "三明" in out.read_text(encoding="utf-8")
    records = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    begun = [r for r in records if r["message"].startswith("run --once started")]
    ended = [r for r in records if r["message"].startswith("run --once done")]
    assert len(begun) == len(ended) == 1, [r["message"][:120] for r in records]
    assert records.index(begun[0]) == 0 and records.index(ended[0]) == len(records) - 1, records
    assert begun[0]["level"] == ended[0]["level"] == "info"
    assert begun[0]["pid"] == ended[0]["pid"] == proc.pid
    assert begun[0]["db"] == ended[0]["db"] == str(db.resolve())
    assert begun[0]["config"] == str(path.resolve())
    assert "2 sources to poll, then 1 digest job" in begun[0]["message"], begun
    said = ended[0]["message"]
    assert re.search(r"2 sources polled \(2 ok\), \d+ new articles? \(\d+ matched\); 1 digest channel \(1 sent\)",
                     said), said
    assert int(re.search(r"(\d+) new article", said).group(1)) > 0, said
