"""A configured source URL holding a password (a members' feed, `http://editor:s3cret@host/rss.xml`,
the user's own config) was printed as written by `monitor sources`, and by its last error where
the poll's error names the address: a terminal shared on a screen or a table pasted into a chat
showed the password. The table and the error show the user's name and `***` for the password,
as error lines already mask a webhook's token."""

from __future__ import annotations

import subprocess
import sys

from hostile import Site
from test_cycle import make_ctx, source_toml  # noqa: F401  (a fixture)

from monitor.pipeline import poll


def test_monitor_sources_hides_the_password_of_a_configured_url(make_ctx, tmp_path):  # noqa: F811
    with Site() as a:
        a.page("/rss.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
               content_type="application/rss+xml")
        good = f"http://editor:s3cret@{a.netloc}/rss.xml"
        gone = f"http://desk:hunter2pw@{a.netloc}/gone.xml"  # a 404: the poll's error names the address
        ctx = make_ctx(source_toml("members", good, kind="feed") + source_toml("old", gone, kind="feed"))
        poll(ctx)
    listed = subprocess.run([sys.executable, "-m", "monitor", "--config", str(tmp_path / "monitor.toml"), "--db",
                             str(tmp_path / "m.db"), "sources"], capture_output=True, text=True, check=False)
    said = listed.stdout + listed.stderr
    assert listed.returncode == 0, said
    assert "s3cret" not in said and "hunter2pw" not in said, said
    assert f"http://editor:***@{a.netloc}/rss.xml" in said and f"http://desk:***@{a.netloc}/gone.xml" in said, said
