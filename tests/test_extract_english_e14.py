"""English bodies on a ninth outside set (helper english-14): each test a kind of failure found on
real pages of that set, reproduced on a page written for it in tests/fixtures/extract/en_e14_*.html.

- Closing lines of a tech-news post kept as text: a paragraph signed as an ad (`… — *ad.`), an
  affiliate disclosure (`FTC: We use income earning auto affiliate links.`), a call to subscribe
  to the site's video channel and podcast, and a `Most Read Today` heading over a list.
- Prompts in a blog post: `Download a PDF version of this post.` and a closing pointer to the
  companion podcast episode (`Listen to the … podcast episode for this essay here.`).
- A paywall teaser where the free part ends (`Access Full Article`, `… Subscribe to access the full
  article.`) and a widget's title (`<h4 class="widget-title">Toolkits</h4>` over an image link).
- A support appeal under an editorial (`… please support us so that we can keep up our work and
  stay independent.`) and a `SUGGESTED CITATION` line under it.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_ad_disclosure_and_channel_prompts_closing_a_post_are_not_text() -> None:
    body = paragraphs("en_e14_promo_tail.html")
    assert body[0].startswith("The company that runs the harbour crossing")
    assert body[-1].startswith("The remaining four ferries are due")
    assert "Charging at both ends" in body
    assert len(body) == 6


def test_pdf_and_podcast_prompts_in_a_blog_post_are_not_text() -> None:
    body = paragraphs("en_e14_blog_prompts.html")
    assert body[0].startswith("When a city narrows a busy road")
    assert body[-1].startswith("None of this means every street")
    assert len(body) == 4


def test_a_paywall_teaser_and_a_widget_title_are_not_text() -> None:
    body = paragraphs("en_e14_paywall_teaser.html")
    assert body[-1].startswith("A save bar fixed to the bottom")
    assert "Keep the action in view" in body
    assert len(body) == 4


def test_a_support_appeal_and_a_citation_under_an_editorial_are_not_text() -> None:
    body = paragraphs("en_e14_support_box.html")
    assert body[-1].startswith("That is all for now.")
    assert len(body) == 4


def test_prompt_phrases_leave_sentences_of_text_alone() -> None:
    from monitor.extract.boiler import is_chrome, is_stop
    assert is_stop("Most Read Today")
    assert is_stop("Most read this week")
    assert is_chrome("Download a PDF version of this post.")
    assert is_chrome("Listen to the companion Main Street Notes podcast episode for this essay here.")
    assert not is_chrome("Listen to the voters, she said, and the podcast host nodded before the episode ended in a row.")
    assert not is_chrome("The regulator said the company had used affiliate marketing to reach younger customers.")
    assert not is_chrome("Officials said they would subscribe to the new standard once the podcast industry agreed.")


def test_a_licensed_chart_caption_and_an_edit_note_are_not_text() -> None:
    body = paragraphs("en_e14_caption_notes.html")
    assert body[0].startswith("Across the county, village libraries")
    assert body[-1].startswith("The county plans to add bicycle repair kits")
    assert not any("CC BY-SA" in text for text in body)
    assert len(body) == 4


def test_notes_and_licences_are_read_only_where_they_belong() -> None:
    from monitor.extract.boiler import is_chrome, trim_tail
    assert is_chrome("The same map after the change, with every label in the reader's language. Map by Jo Marsh, CC BY 2.0.")
    assert not is_chrome("The licence, known as CC BY 4.0, lets anyone reuse the pictures as long as they credit the author.")
    text = ["First paragraph of the story.", "Second paragraph of the story.",
            "An earlier version of this article misstated the year the bridge opened."]
    assert trim_tail(text) == text[:2]
    assert trim_tail(text[:2]) == text[:2]
