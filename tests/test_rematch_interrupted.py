"""`monitor rematch` stopped by Ctrl-C printed click's bare "Aborted!", though each batch it had
written was kept: the user could not tell what was done nor what to do. It now says how many
articles it re-matched and kept and how to go on, exit 130 (as `reindex`). The CLI in-process
over a real SQLite file made by `monitor import`; the Ctrl-C raised where the third article's
verdict is made, batches of one."""

from __future__ import annotations

import json
import sqlite3

from test_config_careless_faults import STORY, world  # noqa: F401 (fixture)


def test_ctrl_c_in_rematch_says_what_was_kept_and_how_to_go_on(world, monkeypatch):  # noqa: F811
    run, db, _ = world
    lines = [json.dumps({**STORY, "url": STORY["url"].replace("_1", f"_{i}"), "title": f"{STORY['title']}（{i}）"},
                        ensure_ascii=False) for i in range(1, 4)]
    assert run("import", "-", input="\n".join(lines) + "\n").exit_code == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(DISTINCT article_id) FROM article_topics").fetchone()[0] == 3
        conn.execute("DELETE FROM article_topics")  # the verdicts a rematch makes again

    from monitor.pipeline import checks

    made = checks._verdicts
    calls = []

    def pressed(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the user's Ctrl-C at the third article
        return made(*args, **kwargs)

    monkeypatch.setattr(checks, "REMATCH_BATCH", 1, raising=False)  # (main had none)
    monkeypatch.setattr(checks, "_verdicts", pressed)
    res = run("rematch")
    assert res.exit_code == 130, (res.exit_code, res.output)
    assert "Aborted!" not in res.output and "Traceback" not in res.output, res.output
    assert res.stderr.startswith("error: rematch stopped by Ctrl-C after 2 articles: their verdicts are kept"), res.stderr
    assert "run monitor rematch again" in res.stderr.lower(), res.stderr
    with sqlite3.connect(db) as conn:  # the two batches written before it are there
        assert conn.execute("SELECT count(DISTINCT article_id) FROM article_topics").fetchone()[0] == 2
