"""English bodies on english-12's set of session 36 (real news texts in twelve CMS templates; see BENCHMARKS.md):
each test a kind of failure found while measuring it, reproduced on a page written for it in
tests/fixtures/extract/en_s36_*.html or inline.
"""

from __future__ import annotations

from extractkit import paragraphs

from monitor.extract import extract


def test_a_related_to_this_story_box_between_paragraphs_is_dropped_and_the_text_goes_on() -> None:
    """A news CMS's `Related to this story` box (a heading over two linked headlines) set inside the text, with the
    story's next photo under it: the box is chrome, and the paragraphs after the photo are still the text (the box's
    lines were kept as text; a stop heading there must not end the body either)."""
    body = paragraphs("en_s36_related_box.html")
    assert body[0].startswith("The morning ferry")
    assert body[-2:] == [
        "Whitcombe said the county will keep a spare shaft on hand from now on, and commissioners agreed last week "
        "to start saving for a second, smaller boat.",
        "The ferry runs four round trips a day through the winter, weather permitting.",
    ]
    assert not any("Related" in line or "breaks down" in line or "closes early" in line for line in body)


def test_a_related_box_closing_the_text_still_ends_it() -> None:
    """A guard: the same box with only a photo after it (no paragraph) closes the text; its links stay out."""
    html = ("<html><head><title>Pier lights switched on</title></head><body><article><h1>Pier lights switched on</h1>"
            "<div class='body'><p>The new lights along the town pier were switched on Friday evening after a year of delays "
            "caused by a shortage of poles.</p><p>The harbor board paid for them from a state grant and expects to save on "
            "power bills within five years.</p>"
            "<div class='inline-asset'><h4>Related to this story</h4><ul><li><a href='/a/'>Pier repairs run over budget again</a>"
            "</li><li><a href='/b/'>Harbor board names a new chair</a></li></ul></div>"
            "<figure><img src='/p.jpg'><figcaption>The pier at dusk.</figcaption></figure></div></article></body></html>")
    body = extract(html, "https://news.example.com/a/2.html").paragraphs
    assert body[-1].startswith("The harbor board paid")
    assert not any("over budget" in line or "new chair" in line for line in body)


def test_a_stations_sign_off_and_a_video_modules_label_are_not_text() -> None:
    """A TV station's page: `Recommended Videos` (a video module's label) between paragraphs and the closing
    `For the latest news, weather, sports, and streaming video, head to …` are chrome; the text around them stays."""
    body = paragraphs("en_s36_station_signoff.html")
    assert len(body) == 4
    assert body[-1] == "Residents can leave branches at the curb through Friday for pickup, the city said."
    assert not any(line.startswith(("Recommended", "For the latest")) for line in body)


def test_a_promo_shouting_click_here_is_not_text_and_an_exclaimed_sentence_is() -> None:
    """`Markets are at 5-year highs! … Click here for our newest stock pick now!` between paragraphs: an ad for
    another page. An exclaimed sentence of the text without such a link call stays (a guard)."""
    lead = ("<p>The chain's third-quarter profit rose 12 percent on stronger holiday orders, beating what analysts had "
            "expected for the period.</p>")
    promo = "<p>Markets are at record highs! See which stocks our editors like. Click here for our newest stock pick now!</p>"
    cheer = "<p>What a quarter it was for the company, the chief executive told staff in a memo on Tuesday!</p>"
    tail = "<p>Revenue rose 4 percent to $2.1 billion, and the board raised its dividend by two cents a share.</p>"
    html = (f"<html><head><title>Chain's profit rises 12 percent</title></head><body><article><h1>Chain's profit rises "
            f"12 percent</h1><div class='story'>{lead}{promo}{cheer}{tail}</div></article></body></html>")
    body = extract(html, "https://news.example.com/a/3.html").paragraphs
    assert len(body) == 3
    assert not any("Click here" in line for line in body)
    assert body[1].startswith("What a quarter")


def test_a_stories_parts_in_subscriber_blocks_are_text_and_a_paywall_pitch_is_not() -> None:
    """A news CMS sets a premium story's lead in `<div class=subscriber-preview>` and the rest in
    `<div class=subscriber-only>` (a related box may sit inside it): short blocks of the story's own sentences, not
    a sign-up box (both were dropped as `subscribe` chrome, losing the lead or the last paragraph). A
    `subscriber-only` line asking to log in, and the support card's `Subscribe today for unlimited access …`, stay
    out."""
    body = paragraphs("en_s36_subscriber_parts.html")
    assert body == [
        "The county library board named Wilma Okafor its new director on Monday.",
        "Okafor has run the branch in Dell Creek for six years.",
        "She starts in January and will oversee four branches and a bookmobile.",
        "The board's vote was unanimous.",
    ]


def test_a_site_builders_text_blocks_around_a_sign_up_block_and_a_picture_are_all_text() -> None:
    """A site builder's post: the text in a run of `sqs-block html-block` blocks, two paragraphs each, a newsletter
    block set between them. Every text block is the post's (the two after the sign-up box were lost: a block of the
    text's class right after the one chosen was read as the CMS's boilerplate component); the sign-up box is not."""
    body = paragraphs("en_s36_builder_blocks.html")
    assert len(body) == 8
    assert body[0].startswith("Forty-two volunteers")
    assert body[-1].startswith("Results from both counts")
    assert not any("Sign up" in line or "Subscribe" in line or "respect your privacy" in line for line in body)


def test_a_paywall_pitch_is_not_text_and_a_sentence_about_subscribing_is() -> None:
    """`Subscribe today for unlimited access …` with what it costs is a pitch; a sentence telling readers how to
    subscribe to a county's alerts, with no offer, is the text's (a guard)."""
    lead = ("<p>The county opened its new flood warning system on Monday, with sirens at six river crossings and text "
            "alerts for anyone who signs up.</p>")
    alerts = "<p>Residents can subscribe now to the alerts by texting the word FLOOD to the county's number.</p>"
    pitch = ("<p>Reporting like this takes time and money. Subscribe today for unlimited access to local news, starting "
             "at 99 cents a week.</p>")
    tail = "<p>The system cost $310,000, most of it paid by a state grant, officials said.</p>"
    html = (f"<html><head><title>County opens flood warning system</title></head><body><article><h1>County opens flood "
            f"warning system</h1><div class='story'>{lead}{alerts}{pitch}{tail}</div></article></body></html>")
    body = extract(html, "https://news.example.com/a/4.html").paragraphs
    assert len(body) == 3
    assert body[1].startswith("Residents can subscribe now")
    assert not any("unlimited access" in line for line in body)
