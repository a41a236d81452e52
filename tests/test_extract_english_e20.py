"""English bodies on a fifteenth outside set (helper english-20): each test a kind of failure found
while measuring that set, reproduced on a page written for it in tests/fixtures/extract/en_e20_*.html.

- A social prompt set between the paragraphs (`Be the first to know - Join our Facebook page.`), a
  quote line under the text (`Get the latest <company> stock price here.`) and an affiliate pitch
  closing it (`Interested in solar? Get a solar cost estimate and find out …`): not text. Sentences
  of the text that use the same words (an `Interested in …?` inside a paragraph, a stock price
  named in passing) stay.
- A list of one to three items between paragraphs, each item one link worded like a headline
  (`<ul><li><a><strong>Coastal towns brace for …</strong></a></li></ul>`): another story, not text;
  and a wire credit under the text (`With files from The Canadian Press`) with a `Report Typo` link.
  Lists of the text's own (short links to its documents, items in words) stay.
- Found on a probe page written last (not the measured set): a picture's caption buttons with its
  credit (`hide caption`, `toggle caption`, as one line), an `Article continues below` slot and an
  ad-block notice (`We've noticed that you're using an ad blocker. …`): not text.
- On a second probe page: a `FILE PHOTO: … REUTERS/…/File Photo` caption set as a paragraph, a share
  row of the networks' names (`Facebook Twitter LinkedIn Email`), an Instagram embed's `View this
  post on Instagram` button, and closing prompts (`Get push notifications …`, `Want more stories like
  this? Sign up here.`, `Thank you for reading! Please consider subscribing …`, `Have something to
  add to this story? …`, a comment policy, `… Followed categories will be added to My News.`): not
  text. The same words inside sentences of the text stay, and so does the embedded post's own text.
- A subscription link set as a paragraph between paragraphs (`Keep up with this story and more by
  subscribing now`): not text (a lone link line between paragraphs is otherwise kept).
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


def test_a_headline_bullet_between_paragraphs_and_a_wire_credit_are_not_text() -> None:
    body = paragraphs("en_e20_headline_bullets.html")
    assert body[0].startswith("A late-season storm knocked out power")
    assert body[-1].startswith("Residents were asked to keep away")
    assert not any("brace for second storm" in line or "With files from" in line or "Typo" in line for line in body)
    assert len(body) == 5


def test_lists_of_the_text_stay() -> None:
    body = paragraphs("en_e20_text_lists.html")
    assert "The spending review" in body
    assert "Annex on road repairs" in body
    assert any(line.startswith("close the two smallest depots") for line in body)
    assert body[-1].startswith("Residents can send comments")


def test_caption_buttons_a_continues_below_line_and_an_ad_block_notice_are_not_text() -> None:
    body = paragraphs("en_e20_caption_buttons.html", "https://valleypost.example.com/2024/05/02/ferry/")
    assert body[0].startswith("Residents of Millbrook voted on Tuesday")
    assert body[-1].startswith("The council will now seek bids")
    assert not any("caption" in line or "continues below" in line or "ad blocker" in line
                   or "Valley Post" in line for line in body)
    assert len(body) == 5


def test_closing_prompts_a_share_row_an_instagram_button_and_a_file_photo_line_are_not_text() -> None:
    body = paragraphs("en_e20_closing_prompts.html", "https://news.example.com/business/2024/03/10/port-strike")
    assert body[0].startswith("Dock workers at Eastport voted")
    assert body[-1] == "The port authority's chair called the deal fair to both sides."
    assert "Back to work tomorrow. Proud of this crew." in body  # the embedded post's own text stays
    assert not any(line.startswith(("FILE PHOTO", "Facebook Twitter", "View this post", "Get push", "Want more",
                                    "Thank you for reading", "Have something", "Our goal", "Don't miss"))
                   for line in body)
    assert len(body) == 6


def test_the_prompts_words_inside_sentences_of_the_text_stay() -> None:
    body = paragraphs("en_e20_prompt_words.html")
    assert len(body) == 4
    assert body[1].startswith("Readers who want the alerts can get push notifications")
    assert body[3].startswith("\u201cThank you for reading with us") or body[3].startswith('"Thank you for reading with us')


def test_a_subscription_link_set_as_a_paragraph_is_not_text() -> None:
    body = paragraphs("en_e20_subscribe_link.html")
    assert body[0].startswith("The town of Holm still pays")
    assert body[-1].startswith("Council members said")
    assert not any("subscribing" in line for line in body)
    assert len(body) == 4
