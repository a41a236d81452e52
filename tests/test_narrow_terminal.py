"""Tables on a terminal too narrow for their columns (session 38): `monitor sources` has twelve
columns, so on an 80-column terminal rich folded every cell to four or five characters (a name
in three pieces, an address in eight); such a table is shown one record a row, each field on
its own line beside its name. A terminal wide enough still gets the table."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.commands import output

URLS = ["https://www.example.cn/xwzx/sanming-news/index.html", "https://news.example.org/hu-ming/rss.xml"]


@pytest.fixture
def sources(tmp_path, monkeypatch):
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(f'[storage]\npath = "{(tmp_path / "m.db").as_posix()}"\n'
                   f'[[sources]]\nname = "sanming-county-news"\nkind = "html"\nurl = "{URLS[0]}"\nlink_selector = "a"\n'
                   f'[[sources]]\nname = "hu-ming-feed"\nkind = "feed"\nurl = "{URLS[1]}"\n', encoding="utf-8")
    monkeypatch.setattr(output, "_tty", lambda: True)

    def run(columns: int) -> str:
        monkeypatch.setenv("COLUMNS", str(columns))
        result = CliRunner().invoke(main, ["--config", str(cfg), "sources"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    return run


def test_on_an_80_column_terminal_each_source_is_a_record_with_its_name_and_address_whole(sources):
    shown = sources(80)
    out = [line.rstrip() for line in shown.splitlines()]
    assert "-[ sources: 1 of 2 ]-" in out and "-[ sources: 2 of 2 ]-" in out, shown
    for name, url in zip(["sanming-county-news", "hu-ming-feed"], URLS, strict=True):
        assert any(line.split() == ["name", name] for line in out), shown
        assert any(line.split() == ["url", url] for line in out), shown
    assert any(line.split() == ["kind", "html"] for line in out) and not any("┃" in line for line in out), shown


def test_a_terminal_wide_enough_still_gets_the_table(sources):
    shown = sources(240)
    header = next(line for line in shown.splitlines() if "┃" in line)
    assert header.split("┃")[1].strip() == "name" and "url" in header and "-[ sources" not in shown, shown
    assert all(url in shown for url in URLS), shown
