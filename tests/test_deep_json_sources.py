"""A JSON Feed or a JSON API answer nested past Python's depth (`[[[…]]]` 200,000 deep: a hostile
site, or a serializer looping on itself). The poll failed cleanly, but its line was Python's own
words cut at 80 characters: `the answer is not JSON (maximum recursion depth exceeded while
decoding a JSON object from a unicode str)` for an answer that is JSON, `… from a unicode stri`
for a feed. Each now says the JSON is nested too deeply. Hosts on 127.0.0.1."""

from __future__ import annotations

from hostile import Site
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

DEEP = "[" * 200_000 + "]" * 200_000


def test_json_nested_past_pythons_depth_is_said_so(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/feed.json", '{"version": "https://jsonfeed.org/version/1.1", "title": "沪明", "items": [{"id": "1", '
               f'"url": "{a.url("/1.html")}", "title": "沪明合作", "extra": {DEEP}}}]}}', content_type="application/feed+json")
        a.page("/api", f'{{"data": {{"list": [], "extra": {DEEP}}}}}', content_type="application/json")
        api = source_toml("api", a.url("/api"), kind="json-api") + 'items = "data.list"\nlink = "url"\n'
        ctx = make_ctx(source_toml("feed", a.url("/feed.json"), kind="feed") + api)
        reports = {r.source: r for r in poll(ctx)}
    for name in ("feed", "api"):
        (line,) = reports[name].errors
        assert reports[name].status == "error", reports[name]
        assert "nested too deeply" in line and "recursion" not in line and "\n" not in line, line  # main: Python's words
