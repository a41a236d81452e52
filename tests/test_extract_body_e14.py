"""Tests for English bodies on pages nobody here had tuned on (helper extract-14; see
BENCHMARKS.md), on a page written here: a local paper's byline line over the text that names a
desk before the writer and runs on to the posting and update times (`Metro Desk By Metro Desk,
The Evening Ledger on December 27, 2014 at 12:06 PM, updated …`).
"""

from __future__ import annotations

from datetime import datetime, timezone

import datekit

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
PARAGRAPHS = ("<p>The county opened forty-two kilometres of new rural road this year, linking eight villages "
              "to the market town and cutting the trip to the county seat by half.</p>"
              "<p>Farmers said the road lets trucks reach their tea gardens for the first time, and a cooperative "
              "reported orders up by a third since the spring.</p>")


def page(byline: str) -> str:
    return ("<html><head><title>New road links eight villages | Evening Ledger</title></head><body>"
            "<h1>New road links eight villages</h1>"
            f"<div class='entry'><p>{byline}</p>{PARAGRAPHS}</div><div class='ft'>About us</div></body></html>")


def test_a_desk_byline_with_posting_and_update_times_is_no_text():
    article = extract(page("Metro Desk By Metro Desk, The Evening Ledger on December 27, 2014 at 12:06 PM, "
                           "updated December 27, 2014 at 12:10 PM"), "https://www.example.com/news/new-road.html", now=NOW)
    assert "Metro Desk" not in article.body
    assert article.body.startswith("The county opened")
    assert datekit.day(article) == "2014-12-27"
    article = extract(page("By Ann Rowe, The Evening Ledger on March 3, 2013 at 8:15 AM"), None, now=NOW)
    assert article.body.startswith("The county opened")
    assert datekit.day(article) == "2013-03-03"


def test_a_sentence_naming_a_writer_and_a_day_stays_text():
    line = "Written by Ann Rowe on March 3, 2013, the report found that the road cut travel times by half."
    article = extract(page(line), None, now=NOW)
    assert article.body.startswith("Written by Ann Rowe")
