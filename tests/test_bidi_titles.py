"""Bidirectional-text controls in a page's headline or text: RIGHT-TO-LEFT OVERRIDE (U+202E)
and its kin (embeddings U+202A–U+202D, isolates U+2066–U+2069), which a hostile page writes
to show one text and hold another, or a CMS pastes in from a word processor. Zero-width
characters were dropped from what is stored, these were not: a title stored as
`\\u202e闻新作合明沪` shows as 沪明合作新闻 while it reads (and matches) backwards, and an override
left open reverses whatever follows it on a line: the source, date and link after the headline
in a digest message, `monitor search`'s row, the web page's list item. They are formatting with
no meaning in a one-line headline or in Chinese text, so they are left out of what is stored,
as zero-width characters are (matching never saw them: the normal form drops them).
The marks (LRM U+200E, RLM U+200F, ALM U+061C) were kept for right-to-left text, where they place
digits and brackets, and so were kept in a Chinese or English headline too (a CMS's RLM before
it): an invisible character the same headline from another site lacks. They are left out of text
holding no Hebrew or Arabic now, and kept in text that holds some."""

from __future__ import annotations

from hostile import BODY, Site
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor.extract.text import clean
from monitor.pipeline import poll

CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _stored(ctx) -> dict[str, tuple[str, str]]:
    return {r["url"].rsplit("/", 1)[1]: (r["title"], r["body"])
            for r in ctx.store.db.query("SELECT url, title, body FROM articles")}


def test_no_bidi_control_is_stored_in_a_title_or_a_body(make_ctx):  # noqa: F811
    with Site() as a:
        a.article("/1.html", "沪明合作\u202e新闻标题", BODY.replace("三明市", "三明\u2067市\u2069", 1))
        a.article("/2.html", "\u202d三明\u202c与上海\u2066签约\u2069共建产业园区", BODY + "\n第二条\u202b消息\u202c。")
        a.article("/3.html", "\u2068\u202e闻新作合明沪", BODY + "\n第三条。")  # shows as 沪明合作新闻
        a.listing("/list.html", ["/1.html", "/2.html", "/3.html"])
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    stored = _stored(ctx)
    assert report.new == 3 and set(stored) == {"1.html", "2.html", "3.html"}, (report, stored)
    for title, body in stored.values():
        assert not any(c in title + body for c in CONTROLS), (title, body)
    assert stored["1.html"][0] == "沪明合作新闻标题" and stored["2.html"][0] == "三明与上海签约共建产业园区"
    assert "三明市" in stored["1.html"][1] and "第二条消息。" in stored["2.html"][1]
    assert stored["3.html"][0] == "闻新作合明沪"  # what it holds, as it reads


MARKS = "\u200e\u200f\u061c"


def test_no_directional_mark_is_stored_in_a_chinese_or_english_title_or_body(make_ctx):  # noqa: F811
    with Site() as a:
        a.article("/1.html", "\u200f沪明合作\u200e新闻标题\u061c", BODY.replace("三明市", "三明\u200f市", 1))
        a.article("/2.html", "\u200eShanghai and Sanming sign a \u200fpaired cooperation pact\u200e",
                  "Shanghai and Sanming\u200e signed a paired cooperation pact on Monday.\u200f " * 8)
        a.listing("/list.html", ["/1.html", "/2.html"])
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
        headlines = [r["title"] for r in ctx.store.db.query("SELECT title FROM stories")]
    stored = _stored(ctx)
    assert report.new == 2 and set(stored) == {"1.html", "2.html"}, (report, stored)
    for title, body in stored.values():
        assert not any(c in title + body for c in MARKS), (title, body)
    assert stored["1.html"][0] == "沪明合作新闻标题" and "三明市" in stored["1.html"][1]
    assert stored["2.html"][0] == "Shanghai and Sanming sign a paired cooperation pact"
    assert not any(c in "".join(headlines) for c in MARKS), headlines


def test_marks_stay_in_text_that_holds_right_to_left_script_only():
    assert clean("\u200f三明\u200e新闻\u061c") == "三明新闻"
    assert clean("שלום \u200e(2026)") == "שלום \u200e(2026)"
    assert clean("\u061c\u200f") == ""  # a mark is no right-to-left text of its own


def test_display_text_keeps_other_right_to_left_text_and_marks():
    assert clean("خبر \u200f(2026)\u200e وا") == "خبر \u200f(2026)\u200e وا"  # marks stay: they hold no state
    assert clean("标题\u202e" + "html.1/a" + "\u202c") == "标题html.1/a"
