"""A search written in pinyin (`monitor search sanming`, `shanghai sanming`), as a user without a
Chinese keyboard at hand types it. The archive's articles are found by the words they are
written in, so pinyin finds only a page writing those letters: it found nothing and said nothing,
where an operator or a field written as another engine writes it gets a hint. Now the hint says
why, and what to type. An English page naming Sanming is still found by it. A real SQLite file
made by `monitor import`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from monitor.cli import main

STORIES = [{"url": "https://sm.example.cn/a/t20261120_1.htm", "title": "沪明对口合作推进会在三明召开",
            "published": "2026-11-20T09:00:00+08:00",
            "body": "上海市与三明市对口合作推进会20日在三明召开，两地签署产业园区共建协议。"},
           {"url": "https://en.example.com/news/1", "title": "Shanghai hospital team arrives in Yong'an",
            "published": "2026-11-21T09:00:00+08:00",
            "body": "A medical team from a Shanghai hospital arrived in Yong'an, a city of Fujian, on Friday."}]


@pytest.fixture
def run(tmp_path):
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(f'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{(tmp_path / "m.db").as_posix()}"\n',
                   encoding="utf-8")
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(main, ["--config", str(cfg), *args], input=input)

    lines = "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in STORIES)
    assert run("import", "-", input=lines).exit_code == 0
    return run


@pytest.mark.parametrize("query,named", [("sanming", "'sanming'"), ("shanghai sanming", "'shanghai sanming'"),
                                         ("huming OR sanming", "'huming sanming'"), ("title:yongan", "'yongan'"),
                                         # with its tones, as an input method or a dictionary writes it: said nothing
                                         ("Sānmíng", "'Sānmíng'"), ("hù míng", "'hù míng'"), ("hu3 ming2", "'hu3 ming2'")])
def test_a_pinyin_query_that_finds_nothing_says_to_search_in_characters(run, query, named):
    res = run("search", query)
    assert res.exit_code == 0, res.output
    assert "nothing found" in res.stderr, res.output
    hints = [line for line in res.stderr.splitlines() if line.startswith("hint: ")]
    assert len(hints) == 1 and hints[0].startswith(f"hint: {named} reads as pinyin"), res.stderr
    assert "三明 for sanming" in hints[0], hints[0]
    assert run("search", "三明").output.count("沪明对口合作推进会在三明召开") == 1  # the characters find it


@pytest.mark.parametrize("query", ["shanghai", "yong'an"])
def test_an_english_page_writing_the_letters_is_found_without_a_hint(run, query):
    res = run("search", query)
    assert res.exit_code == 0 and "Shanghai hospital team arrives" in res.output, res.output
    assert "hint:" not in res.stderr, res.stderr


def test_an_english_word_that_finds_nothing_gets_no_pinyin_hint(run):
    res = run("search", "report")
    assert "nothing found" in res.stderr and "pinyin" not in res.stderr, res.stderr
