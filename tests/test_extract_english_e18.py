"""English bodies on a thirteenth outside set (helper english-18): each test a kind of failure found
while measuring that set, reproduced on a page written for it in tests/fixtures/extract/en_e18_*.html.

- A related heading (`More on this story`, or a paragraph line `You may also like:`) set straight in
  the article's container between paragraphs, over a list of links, with the article going on after
  the list: the heading and its list are not text, and the paragraphs after them are (the heading
  ended the body there, losing the rest). The same heading over a list at the end still ends it.
- Numbered subheads in capitals, each set as one link (`<h2><a>2. OLD FIRE STATION</a></h2>`): a
  listicle's headings, kept as text (they were taken for related links).
- A `Read more on this story: <link>` line, and a `MORE COVERAGE` line over a list of links between
  paragraphs: not text (`Read more:` and `Related coverage` already were not).
- An older page's labelled byline over the text (`Author: Name Published: 14th March 2006`), a
  caption in italics under a picture in a `<center>` box (a sentence, so it was taken for text), and
  the writer's contact line under the text (`Name: 555-213-0147 or name@site`): none is text.
- On a page in a Chinese outlet's English template: a caption closing with a credit whose name
  holds a site's dots (`[Photo by Name/example-daily.cn]`), and an `(Example App Download)` line
  closing the text: neither is text.
- A staff byline with a numeric date over the text (`Weekly Staff | 06/12/24`) in a byline field
  of a CMS: not text.

Probed and left as they were: a live blog's time stamps (`4:14 p.m.` over an entry) stay text, as the
benchmark's own truth keeps them on AP's `The Latest` pages.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_a_related_list_set_loose_between_paragraphs_does_not_end_the_body() -> None:
    body = paragraphs("en_e18_related_split.html")
    assert body[0].startswith("The cable ferry between Millbrook and Eastford")
    assert "Without the ferry, drivers from Millbrook faced a detour" in body[3]
    assert body[-1] == "A crossing costs five dollars for a car and is free for people on foot or on bicycles."
    assert not any("More on this story" in line or "You may also like" in line or "Floods close" in line
                   or "budget sets aside" in line or "Fishing season" in line for line in body)
    assert len(body) == 7


def test_numbered_subheads_in_capitals_set_as_links_are_text() -> None:
    body = paragraphs("en_e18_numbered_subheads.html")
    assert body[0].startswith("Big city museums get the crowds")
    assert "1. THE BUTTON MUSEUM, ASHFORD" in body
    assert "4. VILLAGE SCHOOLHOUSE, MARLOW END" in body
    assert body.index("2. OLD FIRE STATION, KELLBY") == 3
    assert body[-1].startswith("Children can sit at the old desks")
    assert len(body) == 9


def test_a_read_more_on_this_story_line_and_a_more_coverage_list_are_not_text() -> None:
    body = paragraphs("en_e18_more_coverage.html")
    assert body[0].startswith("Northfield's central library reopened on Monday")
    assert body[-1].startswith("Opening hours are back to normal")
    assert not any("Read more" in line or "MORE COVERAGE" in line or "Water damages" in line
                   or "Mobile library filled" in line for line in body)
    assert len(body) == 4


def test_an_older_pages_labelled_byline_centred_italic_caption_and_contact_line_are_not_text() -> None:
    body = paragraphs("en_e18_old_template.html")
    assert body[0].startswith("A small firm on the edge of town has spent thirty years")
    assert body[-1] == '"People think it is a dying craft, but we have never been busier," Elsa said.'
    assert not any("Author" in line or "Steady hands" in line or "555-213" in line for line in body)
    assert len(body) == 5


def test_a_caption_credited_to_a_site_name_and_an_app_download_line_are_not_text() -> None:
    body = paragraphs("en_e18_outlet_credits.html")
    assert body[0].startswith("A riverside county in northern Fujian opened a night market")
    assert body[-1] == '"Buyers can talk to the growers directly and taste before they buy," said bureau official Lu Xin.'
    assert not any("pours tea" in line or "App Download" in line for line in body)
    assert len(body) == 4


def test_a_staff_byline_with_a_numeric_date_is_not_text() -> None:
    body = paragraphs("en_e18_staff_byline.html")
    assert body[0].startswith("The town council voted five to two on Tuesday")
    assert len(body) == 3
