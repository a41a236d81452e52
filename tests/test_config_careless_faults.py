"""A careless user's config, database and queries (session 29): each mistake is one `error:`
line naming the thing and the fix, exit 2, no traceback, nothing written, no secret printed."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from monitor.cli import main

CONFIG = """
include = ["monitor:topics/hu-ming.toml"]
[storage]
path = "{db}"
"""

STORY = {"url": "https://sm.example.cn/a/t20261120_1.htm", "title": "沪明对口合作推进会在三明召开",
         "published": "2026-11-20T09:00:00+08:00",
         "body": "上海市与三明市对口合作推进会20日在三明召开，两地签署产业园区共建协议。"}


@pytest.fixture
def world(tmp_path):
    db = tmp_path / "m.db"
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(CONFIG.format(db=db.as_posix()), encoding="utf-8")
    runner = CliRunner()

    def run(*args, extra="", input=None):
        if extra:
            cfg.write_text(CONFIG.format(db=db.as_posix()) + extra, encoding="utf-8")
        return runner.invoke(main, ["--config", str(cfg), *args], input=input)

    return run, db, tmp_path


def _one_line_error(res, *words):
    assert res.exit_code == 2, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert "Traceback" not in res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


def test_a_database_of_a_newer_monitor_is_refused_in_one_line_and_left_as_it_was(world):
    run, db, _ = world
    assert run("import", "-", input=json.dumps(STORY, ensure_ascii=False) + "\n").exit_code == 0
    with sqlite3.connect(db) as conn:  # a later version's migration, unknown to this one
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('monitor', 'm999_from_the_future', '2030-01-01')")
    conn.close()
    before = db.read_bytes()
    other = dict(STORY, url="https://sm.example.cn/a/t20261121_2.htm", title="三明新闻另一篇")
    line = _one_line_error(run("import", "-", input=json.dumps(other, ensure_ascii=False) + "\n"),
                           str(db), "newer", "m999_from_the_future")
    assert "upgrade" in line or "backup" in line
    _one_line_error(run("search", "三明"), "newer")
    assert db.read_bytes() == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    conn.close()


@pytest.mark.parametrize("url", [
    "ftp://hooks.example.com/send?access_token=S3CRETtoken42",  # a scheme not allowed
    "https://hooks.example.com/send?access_token=S3CRETtoken42&x=1 2",  # a space pasted in
    "https://bot:S3CRETtoken42@hooks.example.com:99999/send",  # a password in it, a port out of range
    "bot:S3CRETtoken42@hooks.example.com/send",  # the scheme left out: its password was printed (session 30)
    "https:/bot:S3CRETtoken42@hooks.example.com/send",  # one slash lost: the same
])
def test_a_webhook_address_with_its_token_in_it_is_refused_without_printing_the_token(world, url):
    run, _, _ = world
    extra = f'''
[[subscribers]]
name = "desk"
topics = ["hu-ming"]
[[subscribers.channels]]
kind = "webhook"
url = "{url}"
'''
    res = run("check-config", "--no-secrets", extra=extra)
    assert res.exit_code == 2, res.output
    assert "S3CRETtoken42" not in res.output
    assert "subscribers.desk.channels[0].url" in res.output
    assert "hooks.example.com" in res.output  # the address is still named, its secret masked


@pytest.mark.parametrize("path", ["digests/{subscriber}-{day}.md", "digests/{name}-{date}.md",
                                  "digests/{subscriber}-{date.md"])
def test_a_file_channel_with_a_mistyped_placeholder_is_said_at_check_time(world, path):
    """`{day}` was written literally: each digest replaced the one before it (digests lost)."""
    run, _, _ = world
    extra = f'''
[[subscribers]]
name = "desk"
topics = ["hu-ming"]
[[subscribers.channels]]
kind = "file"
path = "{path}"
'''
    res = run("check-config", "--no-secrets", extra=extra)
    assert res.exit_code == 2, res.output
    assert "subscribers.desk.channels[0].path" in res.stderr
    assert "{subscriber}" in res.stderr and "{date}" in res.stderr


def test_a_file_channel_with_the_two_placeholders_is_fine(world):
    run, _, _ = world
    extra = '''
[[subscribers]]
name = "desk"
topics = ["hu-ming"]
[[subscribers.channels]]
kind = "file"
path = "digests/{subscriber}-{date}.md"
'''
    res = run("check-config", "--no-secrets", extra=extra)
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("query,option", [("topic:hu-ming", "--topic"), ("三明 source:sm", "--source"),
                                          ("三明 since:2026-11-01", "--since"), ("三明 before:2026", "--until")])
def test_a_filter_written_as_a_word_that_finds_nothing_says_which_option_filters(world, query, option):
    run, _, _ = world
    assert run("import", "-", input=json.dumps(STORY, ensure_ascii=False) + "\n").exit_code == 0
    res = run("search", query)
    assert res.exit_code == 0, res.output
    assert "nothing found" in res.output
    assert option in res.stderr, res.stderr


@pytest.mark.parametrize("query,said", [("content:三明", "title and the body alike"), ("三明 body:永安", "title and the body alike"),
                                        ("正文:三明", "title and the body alike"), ("title:title:三明", "title: is written once"),
                                        ("标题:三明", "title: is written once")])
def test_a_body_field_or_a_doubled_title_scope_that_finds_nothing_says_how_fields_work(world, query, said):
    run, _, _ = world
    assert run("import", "-", input=json.dumps(STORY, ensure_ascii=False) + "\n").exit_code == 0
    res = run("search", query)
    assert res.exit_code == 0, res.output
    assert "nothing found" in res.output
    assert said in res.stderr, res.stderr


@pytest.mark.parametrize("args", [("search", "--upto-id", "abc", "三明"), ("search", "--limit", "ten", "三明"),
                                  ("feed", "--limit", "1.5")])
def test_a_count_that_is_no_number_is_called_a_whole_number_not_a_range(world, args):
    run, _, _ = world
    res = run(*args)
    assert res.exit_code == 2, res.output
    assert "is not a valid whole number" in res.stderr and "range" not in res.stderr, res.stderr


def test_ctrl_c_exits_130_as_an_interrupted_program_does_without_a_traceback(world, monkeypatch):
    run, _, _ = world
    assert run("import", "-", input=json.dumps(STORY, ensure_ascii=False) + "\n").exit_code == 0

    def pressed(*_args, **_kwargs):
        raise KeyboardInterrupt  # the user's Ctrl-C while the query is read

    monkeypatch.setattr("monitor.querylang.parse", pressed)
    res = run("search", "三明")
    assert res.exit_code == 130, (res.exit_code, res.output)
    assert "Traceback" not in res.output


@pytest.mark.parametrize("value,shown", [("true", "true"), ("1979-05-27T07:32:00", "1979-05-27T07:32:00"),
                                         ("07:30:00", "07:30:00")])
def test_a_value_of_the_wrong_type_is_shown_as_written_in_toml_not_as_python_writes_it(world, value, shown):
    run, _, _ = world
    extra = f'''
[[sources]]
name = "sm"
kind = "feed"
url = "https://sm.example.cn/rss.xml"
interval = {value}
[fetch]
timeout = {value}
'''
    res = run("check-config", "--no-secrets", extra=extra)
    assert res.exit_code == 2, res.output
    assert "datetime." not in res.output and "True" not in res.output
    assert f"sources.sm.interval: {shown} is not a duration" in res.output
    assert f"fetch.timeout: {shown} is not a duration" in res.output


def _source(url, allow=""):
    fetch = f"\n[fetch]\nallow_private = [{allow}]\n" if allow else ""
    return f'{fetch}\n[[sources]]\nname = "a"\nurl = "{url}"\n'


@pytest.mark.parametrize(("url", "shown"), [
    ("http://127.0.0.1:8080/rss", "127.0.0.1"), ("http://localhost/feed", "localhost"),
    ("http://[::1]/rss", "::1"), ("http://10.1.2.3/news/", "10.1.2.3"), ("http://news.localhost/", "news.localhost")])
def test_a_source_at_an_address_the_fetcher_refuses_is_said_at_check_time(world, url, shown):
    """Was: `ok`, then every poll of the source failed 'refused to connect' (loopback or private
    address, not in [fetch] allow_private). Now check-config says so, naming the fix."""
    run, db, _ = world
    res = run("check-config", "--no-secrets", extra=_source(url))
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "sources.a.url" in lines[0] and shown in lines[0] and "fetch.allow_private" in lines[0], lines[0]
    assert not db.exists()


@pytest.mark.parametrize(("url", "allow"), [
    ("http://127.0.0.1:8080/rss", '"127.0.0.1"'), ("http://127.0.0.1:8080/rss", '"127.0.0.1:8080"'),
    ("http://10.1.2.3/news/", '"10.0.0.0/8"'), ("http://localhost:8080/feed", '"127.0.0.1"'),
    ("https://例子.中国/rss", ""), ("https://www.example.cn/rss", "")])
def test_a_source_the_fetcher_may_reach_passes_check_config(world, url, allow):
    run, _, _ = world
    res = run("check-config", "--no-secrets", extra=_source(url, allow))
    assert res.exit_code == 0, res.output
    assert ": ok: 1 source" in res.stdout


def test_a_private_address_allowed_on_another_port_is_still_said(world):
    run, _, _ = world
    res = run("check-config", "--no-secrets", extra=_source("http://127.0.0.1:9090/rss", '"127.0.0.1:8080"'))
    assert res.exit_code == 2 and "127.0.0.1" in res.stderr and "allow_private" in res.stderr, res.output


@pytest.mark.parametrize("content", [b"not a database, a note someone saved here\n", b"SQLite format 3\x00" + b"\x07" * 200,
                                     b"\x00" * 4096])
def test_a_db_option_naming_a_file_that_is_not_a_database_is_one_line_exit_2_and_the_file_kept(world, content):
    """Was: exit 1 and 'cannot open database …: file is not a database (check the path and its
    permissions …)': a mistaken --db is a usage mistake (exit 2), said as one, the file unchanged."""
    run, _, tmp = world
    other = tmp / "notes.db"
    other.write_bytes(content)
    before = sorted(p.name for p in tmp.iterdir())
    res = run("--db", str(other), "search", "合作")
    line = _one_line_error(res, "notes.db", "not a")
    assert "--db" in line, line
    assert other.read_bytes() == content
    assert sorted(p.name for p in tmp.iterdir()) == before


@pytest.mark.parametrize("retries", ["1000000000", "11", "100"])
def test_retries_past_ten_are_refused_at_load(world, retries):
    """Was: `retries = 1000000000` (zeros slipped) passed: a failing host was asked again and
    again, each poll waiting out its backoffs. Now one line naming fetch.retries and the range."""
    run, _, _ = world
    res = run("check-config", "--no-secrets", extra=f"\n[fetch]\nretries = {retries}\n")
    assert res.exit_code == 2, res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "fetch.retries" in lines[0] and "10" in lines[0], lines


@pytest.mark.parametrize("retries", ["0", "2", "10"])
def test_retries_up_to_ten_are_fine(world, retries):
    run, _, _ = world
    res = run("check-config", "--no-secrets", extra=f"\n[fetch]\nretries = {retries}\n")
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("written", ["${SMTP_PASSWORD}", "$SMTP_PASSWORD"])
def test_a_secret_named_as_a_shell_reads_it_is_said_with_the_name_to_write(world, written):
    """`password_env = "${SMTP_PASSWORD}"`: was 'not an environment variable name (not shown: it
    may be the secret itself)', a puzzle; the name is in it, so the fix names it."""
    run, _, _ = world
    extra = f'''
[[subscribers]]
name = "desk"
[[subscribers.channels]]
kind = "email"
to = ["desk@example.org"]
from = "monitor@example.org"
smtp_host = "smtp.example.org"
username = "monitor"
password_env = "{written}"
'''
    res = run("check-config", "--no-secrets", extra=extra)
    assert res.exit_code == 2, res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "password_env" in lines[0] and 'write "SMTP_PASSWORD"' in lines[0], lines


@pytest.mark.parametrize("content", ["会议纪要：沪明对口合作，明年重点工作。\n".encode(), b"PK\x03\x04 a zip archive, say"],
                         ids=["text", "zip"])
def test_a_backup_onto_a_file_that_is_no_database_is_refused_and_the_file_kept(world, content):
    """`monitor backup notes.txt` (arguments mixed up, a name mistyped): was 'backed up … to
    notes.txt' over the user's own file, lost. A file already there is replaced only when it is
    a database (the last backup)."""
    run, _, tmp = world
    assert run("import", "-", input=json.dumps(STORY, ensure_ascii=False) + "\n").exit_code == 0
    mine = tmp / "notes.txt"
    mine.write_bytes(content)
    res = run("backup", str(mine))
    line = _one_line_error(res, "notes.txt", "not a")
    assert "nothing was written" in line, line
    assert mine.read_bytes() == content


def test_a_backup_onto_the_last_backup_replaces_it(world):
    run, _, tmp = world
    assert run("import", "-", input=json.dumps(STORY, ensure_ascii=False) + "\n").exit_code == 0
    last = tmp / "last.db"
    assert run("backup", str(last)).exit_code == 0
    res = run("backup", str(last))
    assert res.exit_code == 0, res.output
    conn = sqlite3.connect(last)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        conn.close()


def test_a_config_saved_as_gbk_names_the_line_and_the_encoding(world):
    """A config saved by a Chinese editor as GBK: was 'not UTF-8 at byte 122', a count of bytes
    nobody can find; now the line, and that it reads as GBK, with the fix."""
    _, db, tmp = world
    cfg = tmp / "gbk.toml"
    text = (CONFIG.format(db=db.as_posix()) + '\n[[sources]]\nname = "三明日报"\nurl = "https://www.example.cn/rss"\n')
    cfg.write_bytes(text.encode("gbk"))
    res = CliRunner().invoke(main, ["--config", str(cfg), "check-config", "--no-secrets"])
    assert res.exit_code == 2, res.output
    lines = res.stderr.strip().splitlines()
    line_no = text.splitlines().index('name = "三明日报"') + 1
    assert len(lines) == 1 and f"line {line_no}" in lines[0] and "GBK" in lines[0] and "UTF-8" in lines[0], lines


@pytest.mark.parametrize(("var", "args"), [("MONITOR_CONFIG", ["check-config", "--no-secrets"]),
                                           ("MONITOR_DB", ["search", "沪明"])])
def test_a_directory_in_an_environment_variable_is_named_as_that_variable(tmp_path, var, args):
    # MONITOR_CONFIG=/some/dir was reported as "Invalid value for '--config'", an option the user never typed
    res = CliRunner().invoke(main, args, env={var: str(tmp_path)})
    assert res.exit_code == 2
    assert res.output.strip().splitlines() == [
        f"error: monitor: {var}={tmp_path} (from the environment): File '{tmp_path}' is a directory; "
        f"set {var} to a file or unset it (see monitor --help)"]
    typed = CliRunner().invoke(main, ["--config" if var == "MONITOR_CONFIG" else "--db", str(tmp_path), *args])
    assert typed.exit_code == 2 and "Invalid value for '--" in typed.output and var not in typed.output


def _checked_with_db(tmp_path, db):
    cfg = tmp_path / "placed.toml"
    cfg.write_text(CONFIG.format(db=db), encoding="utf-8")
    return CliRunner().invoke(main, ["--config", str(cfg), "check-config", "--no-secrets"])


@pytest.mark.parametrize("place,said", [("/proc/monitor-nowhere/m.db", "cannot make /proc/monitor-nowhere"),
                                        ("{tmp}/notes.txt/m.db", "notes.txt is a file, not a directory"),
                                        ("{tmp}/adir", "adir is a directory, not a database file")])
def test_check_config_refuses_a_database_place_every_command_would_fail_on(tmp_path, place, said):
    (tmp_path / "notes.txt").write_text("a file", encoding="utf-8")
    (tmp_path / "adir").mkdir()
    res = _checked_with_db(tmp_path, place.format(tmp=tmp_path.as_posix()))
    assert res.exit_code == 2, res.output
    assert said in res.stderr and "storage.path" in res.stderr and "Traceback" not in res.output, res.output


def test_check_config_on_a_database_still_to_be_made_says_ok_and_leaves_nothing_behind(tmp_path):
    (tmp_path / "data").mkdir()
    res = _checked_with_db(tmp_path, (tmp_path / "data" / "new" / "m.db").as_posix())
    assert res.exit_code == 0 and "ok:" in res.output, res.output
    assert list((tmp_path / "data").iterdir()) == []  # the probe's directory is gone, nothing made


def test_ctrl_c_in_reindex_says_what_is_kept_and_how_to_go_on_not_a_bare_aborted(world, monkeypatch):
    run, _, _ = world
    assert run("import", "-", input=json.dumps(STORY, ensure_ascii=False) + "\n").exit_code == 0

    def pressed(*_args, **_kwargs):
        raise KeyboardInterrupt  # the user's Ctrl-C half-way through the rebuild

    monkeypatch.setattr("monitor.pipeline.reindex.bring_up_to_date", pressed)
    res = run("reindex", "--force")
    assert res.exit_code == 130, (res.exit_code, res.output)
    assert "Aborted!" not in res.output and "Traceback" not in res.output, res.output
    assert res.stderr.startswith("error: reindex stopped by Ctrl-C") and "run monitor reindex again" in res.stderr
