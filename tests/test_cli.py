"""The CLI contract: help for every command, one-line errors, import/search/match/extract/digest."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.store import Store

CONFIG = """
include = ["monitor:topics/hu-ming.toml"]
[storage]
path = "{db}"
[[subscribers]]
name = "desk"
topics = ["hu-ming"]
[[subscribers.channels]]
kind = "file"
path = "{out}/{{subscriber}}-{{date}}.txt"
"""

RELEVANT = {"url": "https://sm.example.cn/a/t20261120_1.htm", "source": "sm",
            "title": "滬明對口合作推進會在三明召開", "published": "2026-11-20T09:00:00+08:00",
            "body": "上海市與三明市對口合作推進會20日在三明召開，兩地簽署產業園區共建協議。\n"
                    "上海閔行區與明溪縣將共建人才飛地，首批十家企業入駐。"}
OTHER = {"url": "https://sh.example.cn/b/2.html", "title": "三明治专卖店在上海开业",
         "body": "一家主打三明治的连锁店本周在上海静安区开出首店。店方说，面包每天现烤。"}


@pytest.fixture
def env(tmp_path):
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(CONFIG.format(db=(tmp_path / "m.db").as_posix(), out=tmp_path.as_posix()), encoding="utf-8")
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(main, ["--config", str(cfg), *args], input=input, catch_exceptions=False)

    run.tmp = tmp_path
    return run


def lines(*objs) -> str:
    return "\n".join(json.dumps(o, ensure_ascii=False) for o in objs) + "\n"


@pytest.mark.parametrize("command", ["poll", "run", "search", "import", "digest", "extract", "match", "rematch",
                                     "sources", "test-source", "health", "demo", "check-config", "feed", "reindex"])
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Usage: main " + command in result.output.replace("monitor", "main")


def test_help_lists_each_command_by_the_summary_its_own_help_gives():
    """`monitor --help` lists commands from commands.SUMMARIES without importing them: the table
    must name every command, in its module, with the first sentence of its own help."""
    import importlib

    from monitor import commands

    found = {}
    for module in sorted({m for m, _ in commands.SUMMARIES.values()}):
        for cmd in importlib.import_module(f"monitor.commands.{module}").COMMANDS:
            found[cmd.name] = (module, cmd.get_short_help_str(10**6))
    assert found == commands.SUMMARIES
    listed = CliRunner().invoke(main, ["--help"], terminal_width=400).output
    assert all(f"{name}  " in listed and summary in listed for name, (_, summary) in found.items())


def test_bad_config_is_one_line_per_problem_exit_2(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[sources]]\nname = "x"\nkind = "rss"\nurl = "ftp://x"\n[fetch]\ntimeout = "slow"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(bad), "check-config"])
    assert result.exit_code == 2
    errors = result.output.strip().splitlines()
    assert len(errors) == 3 and all(e.startswith(f"{bad}: ") for e in errors)
    assert "Traceback" not in result.output


def test_bad_config_on_other_commands_is_an_error_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[storage\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(bad), "search", "x"])
    assert result.exit_code == 2 and result.output.startswith("error: ") and "not valid TOML" in result.output


def test_import_search_and_digest(env):
    result = env("import", "-", input=lines(RELEVANT, OTHER) + "{broken\n" + lines({"title": "no url"}))
    assert result.exit_code == 1  # some lines were skipped: the good ones still land
    assert "4 lines: 2 new, 0 reposts, 0 already stored, 1 matched a topic, 2 skipped" in result.output
    assert "skipped: line 3: not JSON" in result.output and "skipped: line 4: missing \"url\"" in result.output

    found = json.loads(env("search", "沪明对口合作", "--format", "json").output)
    assert [r["title"] for r in found] == [RELEVANT["title"]]
    assert set(found[0]) >= {"id", "title", "url", "source", "published", "topics", "snippet"}
    assert found[0]["topics"] == ["hu-ming"] and found[0]["published"] == "2026-11-20T09:00:00+08:00"
    assert "上海市與三明市對口合作" in found[0]["snippet"]
    # newest first: OTHER has no date, so its fetch time (now) counts
    assert [r["title"] for r in json.loads(env("search", "三明", "--format", "json").output)] == \
        [OTHER["title"], RELEVANT["title"]]
    assert json.loads(env("search", "三明 -三明治", "--format", "json").output)[0]["title"] == RELEVANT["title"]
    csv_out = env("search", "--topic", "hu-ming", "--format", "csv").output.splitlines()
    assert csv_out[0].startswith("id,title,url") and len(csv_out) == 2

    result = env("digest")
    assert result.exit_code == 0, result.output
    written = list(env.tmp.glob("desk-*.txt"))
    assert len(written) == 1 and RELEVANT["title"] in written[0].read_text(encoding="utf-8")
    again = env("digest")
    assert "empty" in again.output and len(list(env.tmp.glob("desk-*.txt"))) == 1

    # the same lines again are recognised, not stored twice
    assert "0 new, 0 reposts, 2 already stored" in env("import", "-", input=lines(RELEVANT, OTHER)).output


def test_the_console_script_exits_quickly_with_its_status_output_and_exit_handlers(env):
    """`monitor` (monitor.__main__.run) skips the interpreter's teardown: the status, every line of output
    and the exit handlers (log handlers, temporary files) must survive that."""
    import subprocess
    import sys

    env("import", "-", input=lines(RELEVANT, OTHER))
    config = str(env.tmp / "monitor.toml")

    def script(*args: str) -> subprocess.CompletedProcess:
        code = ("import atexit, sys\natexit.register(lambda: print('exit handler ran'))\n"
                f"sys.argv = ['monitor', '--config', {config!r}, *{args!r}]\n"
                "from monitor.__main__ import run\nrun()")
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)

    found = script("search", "三明", "--format", "json", "--limit", "0")
    assert found.returncode == 0, found.stderr
    body, handler = found.stdout.rsplit("]", 1)
    assert [r["title"] for r in json.loads(body + "]")] == [OTHER["title"], RELEVANT["title"]]
    assert handler.strip() == "exit handler ran"
    bad = script("search", "--no-such-option")
    assert bad.returncode == 2 and bad.stderr.startswith("error: search: no such option") and "exit handler" in bad.stdout


def test_search_errors_are_one_line(env):
    result = env("search", '"unbalanced')
    assert result.exit_code == 2 and result.output.startswith("error: query") and result.output[-1] == "\n"
    assert env("search", "x", "--since", "yesterday-ish").output.startswith("error: --since")
    assert "unknown topic" in env("search", "--topic", "nope").output
    assert env("search", "--format", "json", "--", "三明", "-三明治").output.startswith("error: no database at")
    env("import", "-", input=lines(RELEVANT))
    assert env("search", "--format", "json", "--", "三明", "-三明治").exit_code == 0


def test_exclusions_are_words_not_options(env):
    """`monitor search 三明 -三明治`, typed as two shell words, is a query, not an unknown option."""
    env("import", "-", input=lines(RELEVANT, OTHER))
    both = json.loads(env("search", "三明", "--format", "json").output)
    result = env("search", "三明", "-三明治", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [r["title"] for r in json.loads(result.output)] == [RELEVANT["title"]] and len(both) == 2
    first = env("search", "-三明治", "三明", "--format", "json")
    assert [r["title"] for r in json.loads(first.output)] == [RELEVANT["title"]]
    # real options still work, and a mistyped long option is still refused
    assert env("search", "三明", "--limit", "1", "--format", "json").exit_code == 0
    mistyped = env("search", "三明", "--limt", "1")
    assert mistyped.exit_code == 2 and mistyped.output.startswith("error: search: no such option --limt")


def test_match_writes_one_line_per_input(env):
    result = env("match", "--topic", "hu-ming", input=lines({"id": "a", **RELEVANT}) + "not json\n"
                 + lines({"id": "b", **OTHER}))
    assert result.exit_code == 1 and "skipped: line 2: not JSON" in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["id"], o["topic"], o["matched"]) for o in out] == [("a", "hu-ming", True), ("b", "hu-ming", False)]
    assert out[0]["hits"] and {"term", "field", "start", "end"} <= set(out[0]["hits"][0])
    hit = out[0]["hits"][0]
    text = RELEVANT["title"] if hit["field"] == "title" else RELEVANT["body"]
    assert text[hit["start"]:hit["end"]]


def test_match_eval_reports_precision_recall(env, tmp_path):
    labels = tmp_path / "labels.jsonl"
    labels.write_text(lines({"id": "a", "label": "relevant", **RELEVANT}, {"id": "b", "label": "irrelevant", **OTHER}),
                      encoding="utf-8")
    result = env("match", "--eval", str(labels))
    assert result.exit_code == 0 and "precision" in result.output.lower() and "recall" in result.output.lower()
    # of ids "a" and "b", match.held_out keeps "b" apart
    assert "tuning part (1 item)" in result.output and "held-out fifth (1 item)" in result.output


def test_match_eval_of_an_empty_file_is_an_error_not_a_perfect_score(env, tmp_path):
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n", encoding="utf-8")
    result = env("match", "--eval", str(labels))
    assert result.exit_code != 0 and "no labelled items" in result.output, result.output
    assert "1.000" not in result.output and "Traceback" not in result.output


def test_extract_streams_json_lines_and_reports_bad_inputs(tmp_path):
    page = tmp_path / "p.html"
    page.write_bytes("<html><head><title>沪明合作_三明网</title></head><body><h1>沪明合作</h1>"
                     "<p>2026年11月20日 来源：三明日报</p><p>上海与三明签署对口合作协议，共建产业园区，推动人才交流和文旅合作。</p>"
                     "</body></html>".encode("gb18030"))
    result = CliRunner().invoke(main, ["extract", str(page), str(tmp_path / "missing.html")])
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["title"] == "沪明合作" and first["published"] == "2026-11-20T00:00:00+08:00"
    assert "上海与三明签署对口合作协议" in first["body"]
    assert "cannot read" in second["error"]


def test_demo_runs_the_whole_pipeline_offline(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["demo", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "22 articles, 21 stories, 13 topic matches" in out
    assert "shanghai-hzb · " in out and "sm-zwgk-api · " in out and "bing-hu-ming · " in out  # the other kinds
    # the repost folded into its story (which of the two arrives first depends on the concurrent fetches)
    assert "also reported by: fjsen-sm" in out or "also reported by: sanming-gov" in out
    assert "滬明結對再擴容" in out and "沪明临港产业园新增12家入驻企业" in out
    assert "三明治" not in out.split("== 2.")[1]  # the digest and searches carry no decoys
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"  # nothing else touched


def test_extract_of_a_url_follows_the_configs_fetch_settings(tmp_path):
    """`monitor extract URL` uses [fetch] from the config (here: allow_private for a local
    server); without it a local address is refused, as in polling."""
    from hostile import Site

    with Site() as site:
        site.article("/a.html", "沪明合作共建产业园")
        cfg = tmp_path / "m.toml"
        cfg.write_text(f'[fetch]\nmin_delay = 0\nallow_private = ["{site.netloc}"]\n', encoding="utf-8")
        allowed = CliRunner().invoke(main, ["--config", str(cfg), "extract", site.url("/a.html")])
        cfg.write_text("[fetch]\nmin_delay = 0\n", encoding="utf-8")
        refused = CliRunner().invoke(main, ["--config", str(cfg), "extract", site.url("/a.html")])
    assert allowed.exit_code == 0, allowed.output
    assert json.loads(allowed.stdout)["title"] == "沪明合作共建产业园"
    assert refused.exit_code == 1 and "refused" in refused.output and site.paths() == ["/robots.txt", "/a.html"]


@pytest.mark.parametrize(("args", "words"), [
    (["search", "三明", "--limit", "abc"], ["--limit", "abc"]),
    (["search", "三明", "--format", "xml"], ["--format", "xml", "table"]),
    (["serch", "三明"], ["serch", "monitor --help"]),
    (["digest", "--nope"], ["--nope", "monitor digest --help"]),
    (["extract"], ["monitor extract --help"]),
    (["--verbose=3", "sources"], ["--verbose"]),
])
def test_a_mistyped_command_line_is_one_line_naming_the_mistake(tmp_path, args, words):
    """Wrong values, unknown commands and options printed click's four-line usage block; every
    other mistake is one `error:` line."""
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "m.db"), *args])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error: ") and result.output.count("\n") == 1, result.output
    assert "Usage:" not in result.output and all(w in result.output for w in words), result.output


def test_match_reads_its_lines_as_import_does(env):
    """GBK, UTF-16 with a byte order mark, and bytes that are no text at all: each line is read
    as `monitor import` reads it or named as skipped; a traceback before (the file was opened
    as UTF-8 text)."""
    line = json.dumps({"id": "g", "title": "沪明对口合作推进会", "body": "上海市与三明市签署协议。"}, ensure_ascii=False)
    for data in (line.encode("gbk") + b"\n", b"\xff\xfe" + (line + "\n").encode("utf-16-le")):
        result = env("match", "-", input=data)
        assert result.exit_code == 0 and json.loads(result.output.splitlines()[0])["matched"] is True, result.output
    result = env("match", "-", input=b"\x81\x30\xff\xfe\xfd\n" + line.encode("utf-8") + b"\n")
    assert result.exit_code == 1 and "skipped: line 1: not UTF-8" in result.output and '"id": "g"' in result.output
    labelled = env("match", "--eval", "-", input=b"\x80\n")
    assert labelled.exit_code != 0 and labelled.output.startswith("error: line 1: not UTF-8")


def test_extract_reads_a_file_no_further_than_a_page_may_be(env, tmp_path):
    """`monitor extract /dev/zero` read until memory ran out; a file past `fetch.max_bytes` is
    now refused in one line, as a fetched page past it is."""
    cfg = tmp_path / "small.toml"
    cfg.write_text("[fetch]\nmax_bytes = 4000\n", encoding="utf-8")
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + "沪明对口合作。".encode() * 1000 + b"</p>")
    result = CliRunner().invoke(main, ["--config", str(cfg), "extract", str(big)])
    assert "over 4,000 bytes" in result.output and "Traceback" not in result.output


def test_scraped_text_cannot_drive_the_terminal(env, monkeypatch):
    """A title holding rich's markup (`[/]` raised MarkupError on a terminal; `[link=…]` made a
    link) or escape sequences (retitle the terminal, clear it): shown as text, escapes removed,
    in the table on a terminal and in plain lines, urls and CSV."""
    from monitor.commands import output

    title = "沪明[/]合作[bold red]红[link=https://evil.example]点我[/link]\x1b]0;pwned\x07\x1b[2J\x9b31m"
    env("import", "-", input=lines({"url": "https://x.example.cn/1", "title": title, "body": "上海与三明签约。"}))
    for fmt in ("table", "csv", "urls"):
        out = env("search", "沪明", "--format", fmt).output
        assert not any(c in out for c in "\x1b\x07\x9b"), (fmt, out)
    assert "沪明[/]合作[bold red]红" in env("search", "沪明").output
    monkeypatch.setattr(output, "_tty", lambda: True)
    shown = env("search", "沪明")
    assert shown.exit_code == 0 and "pwned" in shown.output and "\x1b]0" not in shown.output


def test_health_names_a_mistyped_stale_after(env):
    """`monitor health --stale-after soon` was a traceback (the config's duration check raised)."""
    result = env("health", "--stale-after", "soon")
    assert result.exit_code == 2 and result.output == "error: --stale-after 'soon' is not a duration (use e.g. 90m, 6h or 1d)\n"


def test_feed_output_to_a_place_it_cannot_write_is_one_line(env, tmp_path):
    Store.open(tmp_path / "m.db").close()  # an archive there (with none, the feed says so first)
    result = env("feed", "--output", str(tmp_path / "no-such-dir" / "feed.xml"))
    assert result.exit_code == 2 and result.output.startswith("error: --output ") and "cannot write" in result.output
    assert not (tmp_path / "no-such-dir").exists()


def test_demo_into_a_directory_it_cannot_make_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    result = CliRunner().invoke(main, ["demo", "--dir", str(blocker / "demo")])
    assert result.exit_code == 2 and result.output.startswith(f"error: --dir {blocker / 'demo'}: ")


def test_serve_on_a_port_in_use_is_one_line(env):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = env("serve", "--port", str(port))
    assert result.exit_code == 2 and result.output.startswith(f"error: cannot listen on 127.0.0.1:{port}: ")
    # already on 127.0.0.1: the way out is another port, not the host it is on
    assert "choose another --port" in result.output and "--host" not in result.output, result.output


def test_serve_on_a_host_that_is_no_address_here_names_the_host_option(env):
    result = env("serve", "--host", "192.0.2.1", "--port", "8080")  # TEST-NET-1: never an address of this machine
    assert result.exit_code == 2 and result.output.startswith("error: cannot listen on 192.0.2.1:8080: ")
    assert "--host 127.0.0.1" in result.output and "--port" not in result.output, result.output
