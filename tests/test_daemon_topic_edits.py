"""A topic file (included by the config) edited on a daemon left running, with a slip in its
syntax, then SIGHUP: the running config is kept, in one line that says what to mend."""

from __future__ import annotations

import json
import signal

from test_daemon import FEED, lines_until, site, start, stop, wait_for  # noqa: F401 (fixture)

from monitor.config.files import BUNDLED

TOPIC = (BUNDLED / "topics" / "hu-ming.toml").read_text(encoding="utf-8")


def test_a_slip_in_an_included_topic_file_names_the_syntax_not_the_path(tmp_path, site):  # noqa: F811
    # The line said "include: .../topics.toml: not valid TOML: ... (check the path; it is
    # relative to this file)": the path was right, the file a bracket short.
    path, db, topics = tmp_path / "monitor.toml", tmp_path / "m.db", tmp_path / "topics.toml"
    topics.write_text(TOPIC, encoding="utf-8")
    path.write_text('include = ["topics.toml"]\n[fetch]\nmin_delay = 0\nallow_private = ["127.0.0.1"]\n'
                    + FEED.format(base=site.base_url, interval="1h"), encoding="utf-8")
    proc = start(path, db)
    seen: list[str] = []
    try:
        wait_for(lambda: "/feed/rss.xml" in site.paths_requested(), what="the first poll")
        topics.write_text(TOPIC + '\n[topics.more\n', encoding="utf-8")  # a bracket short
        proc.send_signal(signal.SIGHUP)
        lines_until(proc, "reload failed", seen)  # its line, not 3 s of sleep a loaded machine can outlast
    finally:
        _, err = stop(proc)
    err = "".join(seen) + err
    said = [json.loads(line)["message"] for line in err.splitlines() if "reload failed" in line]
    assert len(said) == 1, err[-1500:]
    assert "topics.toml: not valid TOML" in said[0] and f"line {TOPIC.count(chr(10)) + 2}" in said[0], said
    assert "fix the syntax" in said[0] and "check the path" not in said[0], said
    assert proc.returncode == 0 and "Traceback" not in err
