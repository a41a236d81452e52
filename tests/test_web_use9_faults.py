"""`monitor serve` used as colleagues use it, ninth round: a saved search link whose topic filter
names a topic since taken out of the config answered 400 with 'unknown topic' (the bookmark of a
topic's own page said so in words since session 32). The search page now shows every topic's
results with a line saying the topic is not in the config; its feed, which must not send a reader
every topic's news unasked, is a 404 saying the same."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from test_web import get
from test_web_use3_faults import _lines, _text, served_after_a_topic_removed


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """The archive matched under a config with the topic 园区旧题, served with the config without it."""
    with served_after_a_topic_removed(tmp_path_factory.mktemp("use9"), _lines()) as both:
        yield both


def test_a_saved_search_of_a_topic_taken_out_of_the_config_still_finds(town):
    site, _ = town
    # a topic no stored verdict names (one that never matched, or mistyped): every topic's results;
    # one whose verdicts are stored (园区旧题) lists its own stories (test_web_use10_faults)
    r = get(site, "/search?q=" + quote("擂茶") + "&topic=" + quote("园区新题"))
    assert r.status_code == 200, r.status_code
    main = _text(r.text.split("<main", 1)[1])
    assert "The topic 园区新题 is not in the config" in main and "every topic" in main, main
    assert "将乐擂茶列入省级非遗名录" in main and "unknown topic" not in main, main
    assert "topic=" + quote("园区新题") not in r.text  # the next page's link asks no more for it
    feed = get(site, "/search.atom?q=" + quote("擂茶") + "&topic=" + quote("园区旧题"))
    assert feed.status_code == 404 and "not in the config" in feed.text and "hu-ming" in feed.text, feed.text
    assert get(site, "/search?q=" + quote("擂茶") + "&topic=hu-ming").status_code == 200  # a topic there is: as before
