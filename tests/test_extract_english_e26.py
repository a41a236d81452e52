"""English bodies on a twenty-first outside set (helper english-26): each test a kind of failure
found while measuring that set (news and blog pages of 2015-2025 saved by a reader view's test
suite: a paper's business column, an aggregator's copy of a network story, a trade site's news
post, …), reproduced on a page written for it in tests/fixtures/extract/en_e26_*.html.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_the_text_before_an_ad_interrupter_in_the_same_wrappers_is_kept() -> None:
    """A paper sets its text in blocks of the same wrappers (`<div class=body-group><div
    class=story-text>`) cut by an ad interrupter whose screen-reader labels (`Advertisement`,
    `Continue reading the main story`) are over 40 characters; the first block, beside a related
    rail, scored under a fifth of the long second one: the story's first three paragraphs were lost."""
    body = paragraphs("en_e26_twin_before_interrupter.html")
    assert body[0].startswith("The new winter timetable for the island ferries")
    assert body[-1].startswith("For now, the eleven minutes stay.")
    assert len(body) == 10


def test_a_subhead_naming_the_headlines_subject_is_text() -> None:
    """A trade site's bold subhead over the text (`Harbourline Opens Three Routes for Small
    Shippers`) opens with a word of the headline (`… Harbourline Introduces New Routes …`): eight
    Latin characters found anywhere in the title made it the headline in other words, and it was
    dropped. Half its words at least must be the title's."""
    body = paragraphs("en_e26_subhead_names_subject.html")
    assert body[0] == "Harbourline Opens Three Routes for Small Shippers"
    assert body[1].startswith("Harbourline announced three new coastal routes")
    assert len(body) == 5


def test_an_ad_label_and_a_learn_more_link_line_are_not_text() -> None:
    """`Advertising` over an ad slot in the text (as `Advertisement` already was) and `Learn More:
    <a>another story</a>` between paragraphs (as `Read more:` already was): neither is text."""
    body = paragraphs("en_e26_label_lines.html")
    assert "Advertising" not in body
    assert not any(line.startswith("Learn More") for line in body)
    assert body[-1] == "A decision on whether to apply will be made after the summer, he said."
    assert len(body) == 5


def test_two_headlines_in_title_case_linked_between_paragraphs_are_not_text() -> None:
    """Two lines in a row, each a link filling it with another story's headline in title case
    (`School Choir Sings for Night Shift Station Staff`), their addresses not spelling them: the
    related links a syndicated copy sets in the text. One or two link lines were kept as the text's
    own; a sentence with a link in it still is."""
    body = paragraphs("en_e26_teaser_headlines.html")
    assert not any(line.startswith(("School Choir", "Harbour Lights")) for line in body)
    assert "Read the council's guidance on the flag for more." in body
    assert len(body) == 6


def test_a_box_asking_for_contributions_beside_the_text_is_not_text() -> None:
    """A paper's appeal under the text, a `<div class=contributions__epic>` sibling of the text's
    block with a heading and two paragraphs of prose: it scored just over a fifth of the text and was
    kept as more of it. A sibling whose class asks for contributions or donations is not."""
    body = paragraphs("en_e26_appeal_box_sibling.html")
    assert body[-1].startswith("The ferry still runs every hour in summer")
    assert not any("small request" in line or "Every gift" in line or "More people than ever" in line for line in body)
    assert len(body) == 7


def test_lines_linking_to_story_pages_by_number_are_not_text() -> None:
    """Lines each filled by one link to another story whose address ends in a section and a long
    number (`/news/local-politics-48201755`), the headline in sentence case, between paragraphs: a
    broadcaster's related stories and its `Read the full interview` link, as links to dated story
    paths already were."""
    body = paragraphs("en_e26_story_id_links.html")
    assert not any(line.startswith(("Read the full interview", "Five things", "The bus routes")) for line in body)
    assert body[-1].startswith("She will present a smaller version")
    assert len(body) == 6


def test_the_writers_handle_closing_the_text_is_not_text() -> None:
    """`Mara Quill is on Twitter at maraquill.` in italics under a review: the writer's handle, as
    `Follow her on Twitter` already was; the line before it stays."""
    body = paragraphs("en_e26_handle_line.html")
    assert body[-1] == "The writer's sister says the salt one is better, but she is wrong."
    assert not any("is on Twitter" in line for line in body)


def test_a_first_section_with_one_more_class_is_a_chunk_of_the_text() -> None:
    """A blog platform sets the text in sections of the same wrappers, the first one's class with
    one word more (`section section--body section--first`): the chunks were matched on the exact
    class, so the first section, its title and the two opening paragraphs, was lost."""
    body = paragraphs("en_e26_first_section_class.html")
    assert any(line.startswith("I started cooking slowly by accident") for line in body)
    assert body[-1].startswith("We fixed the oven in March.")
    assert len([line for line in body if line != "Notes From a Slow Kitchen"]) == 7


def test_an_article_over_its_header_and_text_section_is_not_the_texts_other_half() -> None:
    """A paper's `<article>` holds a header (headline, summary, date, a picture) and a `<section>` of
    text in column blocks, the writer's bio under it; the article, scored from the header's lines,
    ranked within three quarters of the section and was taken for a rival half of a split text, so
    the headline, the summary, the date and the bio came with the text. A candidate above the best
    one is not a rival half."""
    body = paragraphs("en_e26_article_over_section.html")
    assert body[0].startswith("Can reach the berths the harbour board")
    assert "March 2, 2026" not in body
    assert not any(line.startswith(("The harbour board could soon pay", "On its loans than it spends")) for line in body)
    assert len(body) == 17
