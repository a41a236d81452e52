"""`monitor import` of a long file on a terminal: it says how far it is. Real processes, a pty.

Was: a backfill of 200,000 lines (five minutes and more) printed nothing until its summary, so
a user at a terminal could not tell it from a hung one (nor how long it had to go), and pressed
Ctrl-C. On a terminal a progress line on stderr now names the line reached, what was stored
and how much of the file is read; piped or redirected, stderr gets no such line.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from delivery_world import news_lines

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'


def start(tmp_path: Path, path: Path, stderr: int) -> subprocess.Popen:
    (tmp_path / "monitor.toml").write_text(CONFIG, encoding="utf-8")
    return subprocess.Popen([sys.executable, "-c", "from monitor.cli import main; main()", "--config",
                             str(tmp_path / "monitor.toml"), "--db", str(tmp_path / "m.db"), "import", str(path)],
                            stdout=subprocess.PIPE, stderr=stderr,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8", "TERM": "xterm", "COLUMNS": "120"})


def test_a_long_import_on_a_terminal_says_how_far_it_is_and_nothing_when_piped(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(news_lines(700)) + "\n", encoding="utf-8")
    (tmp_path / "tty").mkdir()
    main, other = pty.openpty()
    proc = start(tmp_path / "tty", path, other)
    os.close(other)
    shown = b""
    while True:  # until the child's end closes the terminal (EIO on Linux)
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    out = proc.stdout.read().decode()
    assert proc.wait(timeout=300) == 0 and "700 lines: 700 new" in out, out + shown.decode(errors="replace")
    said = shown.decode(errors="replace")
    assert "importing archive.jsonl" in said and "line " in said, said
    (tmp_path / "piped").mkdir()
    piped = start(tmp_path / "piped", path, subprocess.PIPE)
    out, err = piped.communicate(timeout=300)
    assert piped.returncode == 0 and b"700 lines: 700 new" in out, out + err
    assert b"importing" not in err and b"\x1b[" not in err, err
