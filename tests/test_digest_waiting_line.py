"""A digest whose receiver answers 503 said `error, 0 stories (HTTP 503 …)`: the stories were not
lost, they wait in the outbox for the retry, but the line read as if there was nothing to send. It
now says how many stories wait, in how many messages, and when the next try is (Shanghai time).
A real webhook receiver on 127.0.0.1, a real SQLite file, the real `monitor digest`."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from click.testing import CliRunner
from delivery_world import news_lines, quick_pacing, write_config

from monitor import config, notify
from monitor.cli import main
from monitor.commands.output import local_time
from monitor.pipeline import Context, import_lines
from monitor.store import Store


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notify.webhook, "POLICY", replace(notify.webhook.POLICY, base=0.0))
    quick_pacing(monkeypatch)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(("n", "said"), [(3, "3 stories in 1 message wait"), (1, "1 story in 1 message waits")])
def test_a_refused_digest_says_how_many_stories_wait_and_when_it_tries_again(tmp_path, webhook_receiver, n, said):
    path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json",
                                                     "url": webhook_receiver.url + "/down"}])
    cfg = config.load(path, tmp_path / "m.db")
    store = Store.open(cfg.db_path)
    assert import_lines(Context(cfg, store), news_lines(n)).matched == n
    webhook_receiver.fail(20, 503)
    ran = CliRunner().invoke(main, ["--config", str(path), "--db", str(cfg.db_path), "digest"])
    assert ran.exit_code == 1, ran.output
    (line,) = [x for x in ran.output.splitlines() if " via webhook:" in x]
    assert "HTTP 503" in line, line
    assert not re.search(r"\b0 stor", line), line
    assert re.search(rf"\b{said}\b", line), line
    (due,) = [r[0] for r in store.db.execute("SELECT min(next_attempt_at) FROM outbox WHERE status != 'sent'")]
    assert due and f"next try {local_time(due)} Shanghai time" in line, line
    assert "wait for the next run" in line or "waits for the next run" in line, line

