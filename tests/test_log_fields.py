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
