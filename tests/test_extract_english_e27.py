"""English bodies on a twenty-second outside set (helper english-27): each test a kind of failure
found while measuring that set (blog and news pages of 2013-2023 kept as a content extractor's test
cache: a group blog's short post, a tech blog's interview, a paper's letters page, …), reproduced on
a page written for it in tests/fixtures/extract/en_e27_*.html.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_a_short_post_is_not_lost_to_one_card_of_the_next_posts_under_it() -> None:
    """A group blog's one-paragraph post over a block of next-post cards (`<div class=nextcard>`
    three times, each a linked headline, a picture and a longer excerpt): one card outscored the
    post and became the page's text. A card in a run of its like, in a block of such cards, is no
    candidate when another block is."""
    body = paragraphs("en_e27_short_post_next_cards.html")
    assert body[0].startswith("The county archive has scanned forty years")
    assert not any("rowing race" in line or "seal pups" in line or "ferry company" in line for line in body)
