"""Tests for English bodies (helper extract-38; see BENCHMARKS.md), each on a page written here: a story whose
text a newspaper CMS cuts into chunks of one class between ad slots keeps a chunk of one paragraph set after an
ad slot and a READ MORE line; a press release's marks (`FOR IMMEDIATE RELEASE`, its press contact, the `###`
closing it), a tag row (`Tagged as: …`) and a page's feedback prompt (`Was this page helpful?`) are no text.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 7, 11, 0, tzinfo=timezone.utc)
ONE = ("The township board agreed on Monday night to rebuild the washed-out footbridge over Mill Creek before the "
       "spring thaw, using money left over from last year's road budget.")
TWO = ("Engineers told the board that the old timber deck could not be patched again, and that a steel span would "
       "last at least forty years with little upkeep.")
FOUR = ("The board also asked the engineers to add a railing low enough for children to hold, and lights along "
        "the approach so that the bridge can be used safely on winter afternoons, when it gets dark before five.")
THREE = ("Residents who walk the trail to the elementary school said they were relieved, since the detour along the "
         "county road has no sidewalk and little shoulder.")


def chunked(chunks: list[list[str]], between: str) -> str:
    """A news CMS's page: the text in `<div class=story-chunk>` blocks, `between` after each of them but the last."""
    blocks = [f"<div class='story-chunk'>{''.join(f'<p>{p}</p>' for p in chunk)}</div>" for chunk in chunks]
    return ("<html><head><title>Township will rebuild Mill Creek footbridge</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sports'>Sports</a></nav>"
            "<h1>Township will rebuild Mill Creek footbridge</h1><div class='byline'>By Staff | March 4, 2024</div>"
            f"<article class='story-body'>{between.join(blocks)}</article>"
            "<div class='site-footer'><p>© 2024 Valley Herald. All rights reserved.</p></div></body></html>")


READ_MORE = ("<div class='ad-slot'><span>Advertisement</span></div>"
             "<p><strong>READ MORE: <a href='/news/2024/03/01/library-hours'>Library adds Sunday hours at two branches</a>"
             "</strong></p>")


def test_a_chunk_of_one_paragraph_after_an_ad_slot_and_a_read_more_line_is_kept():
    for between in (READ_MORE, "<div class='ad-slot'><span>Story continues below advertisement</span></div>" + READ_MORE):
        body = extract(chunked([[ONE, TWO, FOUR], [THREE]], between), None, now=NOW).body
        assert body.split("\n\n") == [ONE, TWO, FOUR, THREE], between
    body = extract(chunked([[ONE], [TWO, FOUR, THREE]], READ_MORE), None, now=NOW).body  # the first chunk alone
    assert body.split("\n\n") == [ONE, TWO, FOUR, THREE]
    # a box of teasers between the chunks is no chunk of the text: its class differs
    teasers = ("<div class='story-promo'><p><a href='/news/2024/02/27/school-budget'>School board adopts a leaner budget "
               "for next year</a></p></div>")
    body = extract(chunked([[ONE, TWO, FOUR], [THREE]], teasers), None, now=NOW).body
    assert "School board" not in body and body.startswith(ONE)


def release(top: str, tail: str) -> str:
    """A government press release: a left menu, the headline, `top` over the text, `tail` after it."""
    return ("<html><head><title>Governor opens footbridge grant round</title></head><body>"
            "<div class='sidenav'><h2>Press Releases</h2><ul><li><a>2024 Releases</a></li><li><a>Media Contacts</a></li></ul></div>"
            "<div class='main'><h1>Governor opens footbridge grant round</h1><p class='date'>Published on March 4, 2024</p>"
            f"<div class='release-body'>{top}<p>{ONE}</p><p>{TWO}</p><p>{THREE}</p>{tail}</div></div>"
            "<div class='footer'><p>An official website of the State.</p></div></body></html>")


def test_a_press_releases_marks_tags_and_feedback_prompt_are_no_text():
    tops = ("<p>FOR IMMEDIATE RELEASE</p>",
            "<p>For Immediate Release: March 4, 2024</p>",
            "<p>Contact: Office of Communications, (555) 010-4477, press@state.example.gov</p>",
            "<p>MEDIA CONTACT: Jane Roe, 555-010-4477</p>")
    tails = ("<p style='text-align:center'>###</p>", "<p>-30-</p>", "<p># # #</p>",
             "<div class='tags'>Tagged as: <a>Grants</a> <a>Trails</a></div>",
             "<div class='feedback'><p>Was this page helpful?</p><button>Yes</button><button>No</button></div>")
    for top in tops:
        assert extract(release(top, ""), None, now=NOW).body.split("\n\n") == [ONE, TWO, THREE], top
    for tail in tails:
        assert extract(release("", tail), None, now=NOW).body.split("\n\n") == [ONE, TWO, THREE], tail
    # the text's own lines that open alike stay
    own = ("<p>Contact the township office at 555-010-4477 to learn when the trail reopens.</p>"
           "<p>Tags on each new plank will name the families who gave to the fund.</p>")
    body = extract(release("", own), None, now=NOW).body
    assert "Contact the township office" in body and "Tags on each new plank" in body


def ghost(kicker: str, after: str) -> str:
    """A Ghost-like post, short: `kicker` over the headline in the post's header, `after` below the text."""
    return ("<html><head><title>Township will rebuild Mill Creek footbridge</title></head><body>"
            "<header class='gh-head'><a>The Ledger</a><nav><a>Home</a><a>About</a></nav></header>"
            f"<main class='gh-main'><article class='gh-article'><header class='gh-article-header'>{kicker}"
            "<h1 class='gh-article-title'>Township will rebuild Mill Creek footbridge</h1>"
            "<div class='gh-article-meta'><span>Jonah Reyes</span> <time datetime='2024-03-04'>March 4, 2024</time> "
            "<span>4 min read</span></div></header>"
            f"<section class='gh-content'><p>{ONE}</p><p>{TWO}</p></section></article>{after}</main>"
            "<footer class='gh-foot'><p>Powered by Ghost</p></footer></body></html>")


def test_a_kicker_over_the_headline_and_a_sign_up_pitch_under_a_short_post_are_no_text():
    pitch = ("<section class='gh-author-card'><h4>Jonah Reyes</h4><p>Jonah is a founding editor of The Ledger. He reported "
             "for papers in three states and teaches a night class in public-records reporting.</p></section>"
             "<section class='gh-cta'><h2>Sign up for The Ledger</h2><p>Independent local news, delivered twice a week. "
             "No spam, ever.</p></section><section class='gh-read-next'><h3>Read next</h3><article class='gh-card'>"
             "<h4>Inside the fight over the old mill site</h4><p>Developers, neighbors and a historian disagree about what "
             "should happen to the last brick building on the river.</p></article></section>")
    for kicker in ("<span class='gh-article-tag'>Local</span>", "<a class='gh-article-tag'>Public Works</a>"):
        assert extract(ghost(kicker, pitch), None, now=NOW).body.split("\n\n") == [ONE, TWO], kicker
    # a short line of the text's own before the text, with no headline after it, stays
    page = ghost("", "").replace(f"<p>{ONE}</p>", f"<p>Update</p><p>{ONE}</p>")
    assert extract(page, None, now=NOW).body.split("\n\n")[0] == "Update"


def test_a_posts_clap_counts_and_a_live_pages_pinned_note_are_no_text():
    for line in ("1.2K", "1.2K14", "3.4K 27", "Pinned: Follow along here for the latest updates. Refresh this page for new posts."):
        page = release("", "").replace(f"<p>{ONE}</p>", f"<p>{line}</p><p>{ONE}</p>")
        assert extract(page, None, now=NOW).body.split("\n\n") == [ONE, TWO, THREE], line
    # a subhead naming a resolution stays
    page = release("", "").replace(f"<p>{TWO}</p>", f"<h3>4K</h3><p>{TWO}</p>")
    assert "4K" in extract(page, None, now=NOW).body.split("\n\n")
