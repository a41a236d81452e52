"""The search page's `since` and `until` (and `--since`/`--until`) as a colleague types a period in
Chinese: 近一周, 最近7天, 三天内, 过去24小时, 半年, 一个月以来, 两周, 12月1日. Each was refused with
"neither a duration nor a date" on the web page, though 7天 and 2026年12月1日 were taken: the office
had to learn which of its own ways of saying it the box knew."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import quote

import pytest

from monitor.errors import InputError
from monitor.timespec import SHANGHAI, parse_since, parse_until

NOW = datetime(2026, 12, 2, 10, 30, tzinfo=SHANGHAI).astimezone(timezone.utc)  # a Wednesday in Shanghai


def sh(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI).astimezone(timezone.utc)


@pytest.mark.parametrize(("text", "when"), [
    ("近一周", NOW - timedelta(weeks=1)), ("最近7天", NOW - timedelta(days=7)), ("三天内", NOW - timedelta(days=3)),
    ("过去24小时", NOW - timedelta(hours=24)), ("两周", NOW - timedelta(weeks=2)), ("十五天", NOW - timedelta(days=15)),
    ("近二十天", NOW - timedelta(days=20)), ("一个星期", NOW - timedelta(weeks=1)), ("半个月", NOW - timedelta(days=15)),
    ("半年", sh(2026, 6, 2, 10, 30)), ("一个月以来", sh(2026, 11, 2, 10, 30)), ("近三个月", sh(2026, 9, 2, 10, 30)),
    ("近一年", sh(2025, 12, 2, 10, 30)),
])
def test_a_period_said_in_chinese_is_that_long_ago(text, when):
    assert parse_since(text, "since", now=NOW) == when
    assert parse_until(text, "until", now=NOW) == when


@pytest.mark.parametrize(("text", "start", "end"), [
    ("12月1日", sh(2026, 12, 1), sh(2026, 12, 2)), ("12月1号", sh(2026, 12, 1), sh(2026, 12, 2)),
    ("11月份", sh(2026, 11, 1), sh(2026, 12, 1)),
    ("12月25日", sh(2025, 12, 25), sh(2025, 12, 26)),  # not yet come this year: last year's
    ("2026年以来", sh(2026, 1, 1), sh(2027, 1, 1)),
])
def test_a_day_or_month_without_its_year_is_the_latest_one(text, start, end):
    assert parse_since(text, "since", now=NOW) == start
    assert parse_until(text, "until", now=NOW) == end


@pytest.mark.parametrize("text", ["7天", "2026年", "3个月", "2026年12月1日"])
def test_what_was_read_before_reads_the_same(text):
    """Guards: the forms already taken are unchanged."""
    assert parse_since(text, "since", now=NOW) is not None


@pytest.mark.parametrize("text", ["百天", "13月份", "2月30日", "三天半前后", "3月", "三月"])
def test_what_is_no_period_is_still_refused(text):
    """Guards: no guess at what is not a period."""
    with pytest.raises(InputError):
        parse_since(text, "since", now=NOW)


def test_the_search_page_takes_a_period_said_in_chinese(tmp_path):
    """On the page: since=近一周 found last week's article, where it was an error in red."""
    import json

    from click.testing import CliRunner
    from test_web import Served, get

    from monitor import config as config_mod
    from monitor.cli import main
    from monitor.pipeline.base import Context
    from monitor.store import Store
    from monitor.web import create_app

    cfg = tmp_path / "m.toml"
    cfg.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    line = {"url": "https://a.example.cn/1.html", "source": "甲报", "title": "沪明对口合作项目签约",
            "body": "上海市与三明市签署沪明对口合作协议，共建产业园区。",
            "published": (datetime.now(timezone.utc) - timedelta(days=2)).isoformat()}
    done = CliRunner().invoke(main, ["--config", str(cfg), "--db", str(tmp_path / "m.db"), "import", "-"],
                              input=json.dumps(line, ensure_ascii=False) + "\n")
    assert done.exit_code == 0, done.output
    store = Store.open(tmp_path / "m.db")
    try:
        with Served(create_app(Context(config_mod.load(cfg, tmp_path / "m.db"), store), auth="")) as site:
            for since in ("近一周", "三天内"):
                page = get(site, "/search?since=" + quote(since))
                assert page.status_code == 200 and 'class="result"' in page.text, since
    finally:
        store.close()
