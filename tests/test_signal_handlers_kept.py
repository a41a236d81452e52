"""`monitor import` and `monitor digest` run in a caller's process (a script driving the CLI,
a notebook, a test) took over Ctrl-C and SIGTERM for good: after they returned, a SIGTERM meant
for the caller set a flag of a finished import, or raised 'digest stopped ... with no message
under way' inside whatever the caller was doing. `monitor poll` put them back already; these
two now do too."""

from __future__ import annotations

import json
import re
import signal

from click.testing import CliRunner
from test_outbox import write_config

from monitor.cli import main

BODY = "三明市沙县区与上海市普陀区签订对口合作协议，双方将在农产品进沪、文旅和干部交流方面合作。" * 3


def _mine(signum, frame):  # the caller's own handler, which must be in place again afterwards
    raise AssertionError("not called")


def _handlers():
    return signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)


def _run(tmp_path, webhook_receiver, *args: str, stdin: str | None = None):
    cfg = write_config(tmp_path / "monitor.toml",
                       [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/ok"}])
    before = _handlers()
    signal.signal(signal.SIGINT, _mine)
    signal.signal(signal.SIGTERM, _mine)
    try:
        done = CliRunner().invoke(main, ["--config", str(cfg), "--db", str(tmp_path / "m.db"), *args], input=stdin)
        after = _handlers()
    finally:
        signal.signal(signal.SIGINT, before[0])
        signal.signal(signal.SIGTERM, before[1])
    return done, after


def _lines(n: int) -> str:
    return "".join(json.dumps({"url": f"https://news.example.cn/a/{i}.html", "title": f"沙县普陀对口合作第{i}项",
                               "body": f"第{i}项。" + BODY, "published": "2026-11-20 08:00"},
                              ensure_ascii=False) + "\n" for i in range(n))


def test_an_import_gives_back_the_callers_signal_handlers(tmp_path, webhook_receiver):
    done, after = _run(tmp_path, webhook_receiver, "import", "-", stdin=_lines(3))
    assert done.exit_code == 0, done.output
    assert re.search(r"\b3 lines: .*\b3 matched a topic, 0 skipped", done.output), done.output
    assert after == (_mine, _mine)


def test_a_digest_gives_back_the_callers_signal_handlers(tmp_path, webhook_receiver):
    imported, _ = _run(tmp_path, webhook_receiver, "import", "-", stdin=_lines(2))
    assert imported.exit_code == 0, imported.output
    done, after = _run(tmp_path, webhook_receiver, "digest")
    assert done.exit_code == 0, done.output
    assert "sent" in done.output and webhook_receiver.requests  # it did send, then gave the handlers back
    assert after == (_mine, _mine)
