"""English bodies on a twelfth outside set (helper english-17): each test a kind of failure found on
real pages of that set (news pages of 2017 from a content-extraction research set), reproduced on a
page written for it in tests/fixtures/extract/en_e17_*.html.

- A picture set between paragraphs in a wrapper of its own (`<div class="img-wrap"><img></div>`)
  with its caption in a caption-classed span beside that wrapper, not beside the picture: the
  caption is not text (one set right after the picture already was not).
- A summary box above the text (`<h5>In Brief</h5>` over a few sentences), and a `Key points:` box
  with a list set after the first paragraph, where an empty `<p> </p>` comes between the box and
  the next paragraph: neither box is text.
- An embedded post whose class says `twitter-video`, its text all hashtags and a picture link: it
  is kept as an embedded post (the other embedded posts of the page already were).
- A `Contact the writer(s) at …` line closing a story (a built page in a Chinese outlet's English
  template): not text.
- A photo's caption of two sentences (over 200 characters) set as a paragraph under the picture and
  closing with the agency's credit in brackets, `(Xinhua/Name)`: not text (shorter ones were not).
"""

from __future__ import annotations

from extractkit import paragraphs


def test_a_caption_beside_a_pictures_own_wrapper_is_not_text() -> None:
    body = paragraphs("en_e17_embed_caption.html")
    assert body[0].startswith("The harbour authority opened a new deep-water berth")
    assert body[-1].startswith("The authority said a second berth would follow")
    assert not any("crane lifts" in line or "Trucks queue" in line or "seen from the water" in line for line in body)
    assert "Traders wait" in body
    assert len(body) == 5


def test_an_in_brief_box_and_a_key_points_box_are_not_text() -> None:
    body = paragraphs("en_e17_summary_boxes.html")
    assert body[0].startswith("Two passenger ferries collided in thick fog")
    assert body[1].startswith("The smaller ferry, carrying 140 passengers")
    assert body[-1] == "Ferry services on the route were suspended for the rest of the day."
    assert not any("In Brief" in line or "Key points" in line or "treated for minor" in line for line in body)
    assert "An inquiry begins" in body
    assert len(body) == 7


def test_an_embedded_video_post_of_hashtags_stays_with_the_text() -> None:
    body = paragraphs("en_e17_video_post.html")
    assert body[0].startswith("#Storm warning sirens just sounded")
    assert any(line.startswith("— Jo Reed (@joreed_news)") for line in body)
    assert body[-1].startswith("More than 20,000 households lost power")


def test_a_contact_the_writer_line_under_the_text_is_not_text() -> None:
    body = paragraphs("en_e17_contact_line.html")
    assert body[0].startswith("A hill county in northern Fujian opened its first night market")
    assert body[-1].startswith("Stall rents are waived for the first three months")
    assert len(body) == 4


def test_a_long_caption_closing_with_an_agency_photographer_credit_is_not_text() -> None:
    body = paragraphs("en_e17_long_credited_caption.html")
    assert body[0].startswith("KUNMING, May 2 (EW) -- Farmers in Yuanyang County")
    assert body[-1].startswith("A new footpath now links four of the largest terrace areas")
    assert not any("repair the earth walls" in line for line in body)
    assert len(body) == 4
