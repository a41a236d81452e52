"""Ctrl-C during `monitor import -` whose very first line never ends (a binary piped in by
mistake, `cat /dev/zero |`): the import said 'the input held no article … nothing imported', as
if the input had been empty, instead of saying it was interrupted (session 30)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import pytest

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'


@pytest.mark.timeout(300)
def test_ctrl_c_inside_an_endless_first_line_says_interrupted_not_empty(tmp_path):
    (tmp_path / "monitor.toml").write_text(CONFIG, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "monitor", "--config", str(tmp_path / "monitor.toml"),
                              "--db", str(tmp_path / "m.db"), "import", "-"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    read = threading.Event()

    def feed() -> None:
        written = 0
        try:
            while True:
                child.stdin.write(b"a" * 65536)  # never a line end
                written += 65536
                if written > 4 * 2**20:  # far past the pipe's buffer: the import is reading
                    read.set()
        except (BrokenPipeError, ValueError, OSError):
            pass

    threading.Thread(target=feed, daemon=True).start()
    assert read.wait(60)
    child.send_signal(signal.SIGINT)
    try:
        child.wait(timeout=120)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise AssertionError("the import went on reading after Ctrl-C") from None
    out, err = child.stdout.read().decode(), child.stderr.read().decode()
    assert "Traceback" not in err, err
    assert "held no article" not in err and "import interrupted" in err, err
    assert "stopped after 0 articles" in out, out
    assert child.returncode == 130, err  # 128 + SIGINT, as a shell reports an interrupted program
