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


def test_closing_prompts_of_a_profile_series_are_not_text() -> None:
    """A blog's interview closes with `Want to know more about <name>? Follow her on …` and `Check
    back soon—we’ll be adding …`: prompts, not the interview."""
    body = paragraphs("en_e27_closing_prompts.html")
    assert body[-1].startswith("Everyone leaves with something")
    assert not any(line.startswith(("Want to know", "Check back")) for line in body)


def test_a_letters_pages_call_for_letters_is_not_text() -> None:
    """A letters page opens with `Submit your letter to the editor via <a>this form</a>. Read more
    …`: the paper's call for letters, not a letter."""
    body = paragraphs("en_e27_letters_prompt.html")
    assert body[0] == "Bus lanes have made the trip to work shorter"
    assert not any(line.startswith("Submit your letter") for line in body)

