"""English bodies on an eleventh outside set (helper english-16): each test a kind of failure found on
real pages of that set (dragnet's 2020 pages as python-readability keeps them), reproduced on a page
written for it in tests/fixtures/extract/en_e16_*.html.

- An art blog's post: the writer's name alone in a heading whose class says `author`, over the text;
  a view counter under it (`(Visited 12 times, 3 visits today)`); a membership pitch closing the post
  (`… Become a … Member and support independent arts publishing.`); an `Also on <Site>` box of related
  posts.
- An essay republished from a blog: an ad slot's upsell between paragraphs (`Don’t like ads? Become a
  supporter and enjoy … ad free`) and a rule drawn in dashes (`—`) over the `Previously Published on
  <Blog>` line that closes it (the credit stays: scrapinghub's truth keeps such lines).
- A `READ MORE:` or `【Related】` label inside the text of an English page of a Chinese outlet, over a
  link to another story, with the text going on below: the label and its link are not text.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_an_art_posts_byline_counter_pitch_and_also_box_are_not_text() -> None:
    body = paragraphs("en_e16_art_post.html")
    assert body[0].startswith("In a converted boathouse on the north shore")
    assert body[-1].startswith("His new series opens at a small gallery")
    assert len(body) == 3


def test_a_reposted_essays_ad_upsell_and_repost_credit_are_not_text() -> None:
    body = paragraphs("en_e16_repost_tail.html")
    assert body[0].startswith("For years I treated my first drafts")
    assert body[-2].startswith("So now the first draft is a map")
    assert body[-1] == "Previously Published on Tidewater Notes"  # a repost's credit is text (scrapinghub keeps it)
    assert not any("ad free" in line or line == "—" for line in body)
    assert len(body) == 5


def test_a_read_more_or_related_label_inside_the_text_goes_with_its_link() -> None:
    body = paragraphs("en_e16_inbody_related.html")
    assert body[0].startswith("QINGSHAN, June 10 (CN) -- A hill county")
    assert body[-1].startswith("Organizers said they would add a children's corner")
    assert not any("Hill towns bet" in line or "County roads" in line or "Related" in line for line in body)
    assert len(body) == 4
