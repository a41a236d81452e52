"""English bodies on a fifteenth outside set (helper english-20): each test a kind of failure found
while measuring that set, reproduced on a page written for it in tests/fixtures/extract/en_e20_*.html.

- A social prompt set between the paragraphs (`Be the first to know - Join our Facebook page.`), a
  quote line under the text (`Get the latest <company> stock price here.`) and an affiliate pitch
  closing it (`Interested in solar? Get a solar cost estimate and find out …`): not text. Sentences
  of the text that use the same words (an `Interested in …?` inside a paragraph, a stock price
  named in passing) stay.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_a_social_prompt_a_stock_quote_line_and_an_affiliate_pitch_are_not_text() -> None:
    body = paragraphs("en_e20_promo_lines.html")
    assert body[0].startswith("Ferry fares across the harbour will rise")
    assert body[-1].startswith("The operator's shares fell two percent")
    assert any(line.startswith("Weekly passes for students") for line in body)
    assert not any("Facebook" in line or "stock price" in line or "Interested in" in line for line in body)
    assert len(body) == 5


def test_the_same_words_inside_sentences_of_the_text_stay() -> None:
    body = paragraphs("en_e20_promo_guard.html")
    assert len(body) == 4
    assert "Interested in solar? Get a quote" in body[1]
    assert body[3].startswith("Its treasurer said the group would join our region")
