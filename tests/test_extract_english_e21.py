"""English bodies on a sixteenth outside set (helper english-21): each test a kind of failure found
while measuring that set, reproduced on a page written for it in tests/fixtures/extract/en_e21_*.html.

- A blog's closing promo of many calls at once (`Like <blog>? Consider making a … donation to support
  our work. You can also follow us on Twitter, like us on Facebook, add us to your RSS reader, …`),
  longer than the prompt lines judged so far: not text. A sentence of the text naming the same
  networks stays.
- A closing prompt to pass the post on (`If you liked this article, be sure to recommend it …`,
  `Enjoyed this post? Give it a clap and follow …`): not text; a sentence of the text opening with
  `If you liked this …` and going on about the text stays.
- A subhead whose class names the block set before it (`graf-after--pullquote`, as Medium marks
  every block with its predecessor) is not a pull quote: it stays, and the pull quote goes.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_a_blogs_closing_promo_of_many_calls_is_not_text() -> None:
    body = paragraphs("en_e21_support_promo.html")
    assert body[0].startswith("At the end of a seminar last spring")
    assert body[-1].startswith("Ambry and a colleague have since written")
    assert not any("Consider making" in line or "follow us" in line for line in body)
    assert any("on Twitter and Facebook last year" in line for line in body)


def test_a_prompt_to_pass_the_post_on_is_not_text() -> None:
    body = paragraphs("en_e21_liked_prompt.html")
    assert body[-1].startswith("They also test small ideas first")
    assert not any("be sure to recommend" in line or "Give it a clap" in line for line in body)
    assert any(line.startswith("If you liked this walk through the yard") for line in body)


def test_a_subhead_after_a_pull_quote_stays() -> None:
    body = paragraphs("en_e21_after_pullquote.html")
    assert "Water in the morning" in body
    assert "Start small" in body and "Write it down" in body
    assert not any(line.startswith("The weeds do not care") for line in body)
    assert body[-1].startswith("A notebook of what went in where")
