"""English bodies on an eighth outside set (helper english-12): each test a kind of failure found
there, reproduced on a page written for it in tests/fixtures/extract/en_e12_*.html.

- A `Read More` expander inside the text: the first paragraphs, a button line, and the rest of the
  text in a sibling wrapper. The button line ended the text (it reads like a `Read more` heading).
- A `Story highlights` box headed by an <h3> above the first paragraph was kept as text.
- A syndication disclaimer (`… provided by an independent third party and … is not responsible`)
  and a send-to-a-friend form's labels under a short story were kept.
- A line labelled `[advertisement]` closing a blog post was kept.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_a_read_more_expander_inside_the_text_does_not_end_it() -> None:
    body = paragraphs("en_e12_read_more_expander.html")
    assert body[0].startswith("(Valley Wire) The pilots who guide cargo ships")
    assert body[-1].startswith("Shipping lines have warned")
    assert not any(text.lower() == "read more" for text in body)


def test_a_highlights_box_under_a_heading_above_the_text_is_not_text() -> None:
    body = paragraphs("en_e12_read_more_expander.html")
    assert not any("highlights" in text.lower() or text.startswith("Pilots say one night crew") for text in body)


def test_a_syndication_disclaimer_and_a_send_to_friend_form_are_not_text() -> None:
    body = paragraphs("en_e12_disclaimer_form.html")
    assert body[0].startswith("A judge has ruled")
    assert body[-1].startswith("The county said the barrier")
    assert len(body) == 3


def test_a_line_labelled_advertisement_is_not_text() -> None:
    body = paragraphs("en_e12_ad_label_line.html")
    assert body[-1].startswith("Adding a cache cut the build")


def test_an_embedded_posts_credit_line_is_chrome_a_sentence_about_a_photo_stays() -> None:
    from monitor.extract.boiler import is_chrome
    assert is_chrome("A photo posted by Rowan Pike (@rowanpike) on Mar 2, 2024 at 9:10am PST")
    assert is_chrome("A post shared by Harbour Swim Club (@harbourswim) on Jun 5, 2023 at 6:02pm PDT")
    assert not is_chrome("A photo posted by the council on Monday showed the bridge closed to traffic, "
                         "and residents said the detour added twenty minutes to their journeys.")


def test_a_wires_name_and_a_dateline_word_above_the_first_paragraph_are_not_text() -> None:
    # `Associated Press` on a line of its own and the deck's `VALLETTA` above `VALLETTA (AP) — …`.
    body = paragraphs("en_e12_wire_head.html")
    assert body[0].startswith("VALLETTA (AP)")
    assert len(body) == 3


def test_an_embedded_posts_text_linked_whole_stays_its_credit_line_goes() -> None:
    body = paragraphs("en_e12_embedded_post.html")
    assert any(text.startswith("Hello everyone, a quick note") for text in body)
    assert not any(text.startswith("A photo posted by") for text in body)
    assert body[-1] == "The final will go ahead with seven swimmers."


def test_a_reader_prompt_opening_with_what_do_you_think_is_chrome_a_question_in_the_text_stays() -> None:
    from monitor.extract.boiler import is_chrome
    assert is_chrome("What do you think about the new timetable? Join our live Q&A on Friday from 3pm "
                     "on our Facebook page, with the paper's transport editor.")
    assert is_chrome("What do you think? Let us know in the comments below.")
    assert not is_chrome("What do you think happens when the river floods twice in a year? The answer, "
                         "the engineers said, is that the banks give way a little more each time.")


def test_captions_and_photo_sources_in_spans_beside_a_picture_are_not_text() -> None:
    # `<img><span class="source">…</span><span class="caption">…</span>`, in a picture box and
    # deep in spans inside a paragraph.
    body = paragraphs("en_e12_inline_captions.html")
    assert body[0].startswith("Card readers in most big shops")
    assert not any("Photo Desk" in text or "Card Co." in text or "chip" in text for text in body)
    assert body[-1].startswith("The group said the average sale")
