"""English bodies on an eighth outside set (helper english-13): each test a kind of failure found
on real pages (that set, and english-12's held-back pages, read as tuning material this round),
reproduced on a page written for it in tests/fixtures/extract/en_e13_*.html.

- An author box (`<div id="authorbox">`: the writer's books and talks) and a tag box
  (`MORE: animation loops`) inside a short blog post's container were kept as text.
- Link cards set between paragraphs (`<a><div><img></div><p>Site</p><p>Headline</p></a>`): the
  card's title and headline were kept as two lines of text.
- A `Posted by Name, Role, Team` line closing a blog post was kept.
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
