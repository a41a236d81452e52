"""English bodies on an eighth outside set (helper english-13): each test a kind of failure found
on real pages (that set, and english-12's held-back pages, read as tuning material this round),
reproduced on a page written for it in tests/fixtures/extract/en_e13_*.html.

- An author box (`<div id="authorbox">`: the writer's books and talks) and a tag box
  (`MORE: animation loops`) inside a short blog post's container were kept as text.
- Link cards set between paragraphs (`<a><div><img></div><p>Site</p><p>Headline</p></a>`): the
  card's title and headline were kept as two lines of text.
- A `Posted by Name, Role, Team` line closing a blog post was kept.
- A table of contents at the top of a post: its title line (`Table of Contents`, `In this article`)
  was kept, in a contents plugin's box (`ez-toc-container`) or over a plain list of in-page links.
- Two embedded posts by one account on one day: the second post's credit line
  (`— Name (@handle) March 18, 2024`) was dropped as a repeat (scrapinghub's truth keeps each).
- A 2005 news page: a byline with the date first in figures (`12/28/2005 1:06:32 PM, by Name`) and
  the `Recent News:` / `Recent Journal Posts:` headings over link lists below the text were kept.
- A 2013 news page: a `STORY HIGHLIGHTS` box kept (an empty ad slot stood between it and the first
  paragraph), and paragraphs that are one link each to another dated story (`/2013/09/02/…`), set
  between the paragraphs, kept as text.
- A contributor's byline over the text, `Name, Special for The Ledger 6:29 p.m. EST March 12, 2024`
  (the name span and the time span run together), was kept as the first paragraph.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_an_author_box_and_a_tag_box_inside_the_post_are_not_text() -> None:
    body = paragraphs("en_e13_author_box.html")
    assert body[0].startswith("Somebody sent me this hypnotic loop")
    assert body[-1].startswith("Update: A reader tells me")
    assert len(body) == 2


def test_link_cards_between_paragraphs_are_not_text() -> None:
    body = paragraphs("en_e13_link_cards.html")
    assert body[0].startswith("Parliament passed a budget law")
    assert body[-1].startswith("Health cover premiums.")
    assert not any(text == "The Ledger" or "when you should claim" in text or "Pension age is the number" in text
                   for text in body)
    assert len(body) == 4


def test_a_posted_by_line_closing_a_blog_post_is_not_text() -> None:
    body = paragraphs("en_e13_byline_span.html")
    assert not any(text.startswith("Posted by") for text in body)
    assert body[-2] == "Wishing every shop owner a busy and profitable week!"
    assert body[-1].startswith("PS: Share your own quick fixes")


def test_a_sentence_that_opens_with_posted_by_stays() -> None:
    from monitor.extract.boiler import is_chrome
    assert is_chrome("Posted by Priya Nandakumar, Community Manager, Toolmakers Small Business Team")
    assert is_chrome("Posted by Sam Ortiz at 10:15 AM")
    assert not is_chrome("Posted by the council on Monday, the notice said the bridge would close for two weeks.")


def test_a_contents_box_title_is_not_text() -> None:
    body = paragraphs("en_e13_contents_box.html")
    assert body[0].startswith("Three winters after the worst flood")
    assert body[1] == "What went wrong in 2021"
    assert "Table of Contents" not in body
    assert body[-1].startswith("The council now plans")


def test_a_plain_list_of_in_page_links_under_a_heading_is_a_contents_box() -> None:
    body = paragraphs("en_e13_contents_list.html")
    assert body[0].startswith("Sleeper trains, written off a decade ago")
    assert body[1] == "The routes that run again"
    assert body[-1].startswith("A couchette sleeps six")
    assert len(body) == 7


def test_each_embedded_posts_credit_line_stays_when_two_are_alike() -> None:
    body = paragraphs("en_e13_post_credits.html")
    credits = [text for text in body if text.startswith("— Mayor Ines Calder (@MayorCalder)")]
    assert len(credits) == 2
    assert body[-1].startswith("The county board said")


def test_a_figures_dated_byline_and_recent_lists_headings_are_not_text() -> None:
    body = paragraphs("en_e13_dated_byline.html")
    assert body[0].startswith("The two largest makers")
    assert body[-1].startswith("If the reports hold")
    assert len(body) == 3


def test_a_dated_byline_with_a_nickname_names_the_writer() -> None:
    from monitor.extract.paragraphs import _EN_DATED_BYLINE
    found = _EN_DATED_BYLINE.match('12/28/2005 1:06:32 PM, by Ken "Caesar" Fisher')
    assert found is not None and found.group(1) == 'Ken "Caesar" Fisher'
    assert _EN_DATED_BYLINE.match("12/28/2005 the board met and voted by a show of hands") is None


def test_a_highlights_box_before_an_empty_ad_slot_and_lone_story_links_are_not_text() -> None:
    body = paragraphs("en_e13_story_links.html")
    assert body[0].startswith("Port Avel (Coastline) -- Dredging work")
    assert body[-1].startswith("Local historians said")
    assert not any("HIGHLIGHTS" in text or text.startswith(("Dredgers struck", "Why the port", "Port Avel dredging"))
                   for text in body)
    assert len(body) == 5


def test_a_lone_link_to_a_guide_or_a_report_stays_a_line_of_the_text() -> None:
    # english-5's kept line (`Get the walking guide at the county library for $5`) links to a shop.
    body = paragraphs("en_inline_links.html")
    assert body[1] == "Get the walking guide at the county library for $5"


def test_a_special_for_byline_over_the_text_is_not_text() -> None:
    body = paragraphs("en_e13_special_byline.html")
    assert body[0].startswith("Parliament passed a budget law")
    assert len(body) == 3
