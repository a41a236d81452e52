"""The JSON log's fields: an error's text is whole. `error=database is locked` gave the field
"database" alone, so a log query on the error (a container's log shipped to a search tool)
found every database fault alike and lost what it was."""

from __future__ import annotations

import json
import logging

from monitor.logs import JsonFormatter


def _fields(message: str, *args: object) -> dict:
    record = logging.LogRecord("monitor", logging.WARNING, __file__, 1, message, args, None)
    return json.loads(JsonFormatter().format(record))


def test_an_error_s_words_are_its_field():
    out = _fields("digest subscriber=%s status=error error=%s; it runs again at the first retry after %.0f s",
                  "press", "database is locked", 20.0)
    assert out["error"] == "database is locked"
    assert (out["subscriber"], out["status"]) == ("press", "error")


def test_an_error_before_other_fields_ends_where_they_start():
    out = _fields("source=%s status=error error=%s new=%d", "sanming-gov", "HTTP 503 from the site (server error)", 0)
    assert out["error"] == "HTTP 503 from the site (server error)" and out["new"] == 0


def test_one_word_fields_are_as_before():
    out = _fields("source=sanming-gov status=ok new=3 duration_ms=41 error=none")
    assert (out["source"], out["new"], out["duration_ms"], out["error"]) == ("sanming-gov", 3, 41, "none")


def test_an_error_s_own_semicolons_inside_brackets_or_quotes_stay_in_it():
    # The fetcher's 503 says "(the site is failing; it will be retried next cycle)": the field was cut
    # at its "; " to "HTTP 503 (the site is failing", brackets unclosed.
    out = _fields("source=%s is failing: status=error error=%s", "county",
                  "GET http://127.0.0.1/feed.xml: HTTP 503 (the site is failing; it will be retried next cycle)")
    assert out["error"] == "GET http://127.0.0.1/feed.xml: HTTP 503 (the site is failing; it will be retried next cycle)"
    assert out["status"] == "error"


def test_an_error_quoting_a_page_keeps_its_html_and_lends_no_fields():
    said = "'<div style=\"color: red; margin: 0\">系统维护中 new=1 status=ok</div>'"
    out = _fields("source=%s status=blocked error=GET http://x/a.html: a page saying %s instead of the page; "
                  "retried next poll", "county", said)
    assert out["error"] == f"GET http://x/a.html: a page saying {said} instead of the page"
    assert out["status"] == "blocked" and "new" not in out  # words inside the quoted page are not fields


def test_a_bracket_never_closed_ends_the_error_at_the_line_s_comment_as_before():
    out = _fields("digest subscriber=%s status=error error=%s; it runs again after %d s", "press", "HTTP 500 (from [x", 20)
    assert out["error"] == "HTTP 500 (from [x" and out["subscriber"] == "press"
