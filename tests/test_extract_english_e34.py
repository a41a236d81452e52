"""English bodies on extract-34's outside set (news and blog pages; see BENCHMARKS.md): each test a kind of failure
found while measuring it, reproduced on a page written for it in tests/fixtures/extract/en_e34_*.html.
"""

from __future__ import annotations

from pathlib import Path

from extractkit import paragraphs

from monitor.extract import extract

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def test_a_reposts_via_line_naming_a_site_is_not_text() -> None:
    """A blog reposting a story closes with `via <a>coastnews.com</a>` and a `Source:` line: credits, not text
    (`via NBC News` was dropped already; a site's name with dots was read as a sentence's end)."""
    body = paragraphs("en_e34_via_credit.html")
    assert body[-1].startswith("“We are grateful")
    assert not any(line.lower().startswith(("via ", "source")) for line in body)


def test_a_lists_linked_items_after_plain_ones_are_kept() -> None:
    """A list closing the text whose first item is plain and whose later items are one link each (the writer linked
    the names that have a site): the whole list is the text's, not a row of links."""
    body = paragraphs("en_e34_list_links.html")
    assert body[-3:] == ["Cedar Hollow School District", "Cedar Ridge Unified School District", "Pine Falls Public Schools"]
    assert not any("Water main" in line or "Tags" in line for line in body)


def test_a_menus_current_entry_or_a_pagers_number_does_not_make_its_links_text() -> None:
    """Links after a plain one-word item (a menu's current entry), a page number or a label stay links: the rows
    they make are dropped as before (a guard: main drops them too)."""
    lead = "".join(f"<p>{line}</p>" for line in (
        "The council approved the harbour budget on Tuesday after a debate that ran past midnight, its third this month.",
        "Members agreed to fund the new pier lights but put off a decision on the dredging contract until the autumn."))
    for row in ("<li>News</li><li><a href='/sport'>Sport and Leisure Section</a></li><li><a href='/arts'>Arts and Culture Section</a></li>",
                "<li>1</li><li><a href='?p=2'>Page two of this story</a></li><li><a href='?p=3'>Page three of this story</a></li>",
                "<li>Related:</li><li><a href='/a'>Mayor names new harbour master</a></li>"
                "<li><a href='/b'>Pier lights get a date</a></li>"):
        html = (f"<html><head><title>Harbour budget approved</title></head><body><article><h1>Harbour budget approved</h1>"
                f"{lead}<ul>{row}</ul></article></body></html>")
        body = " ".join(extract(html, "https://news.example.com/a/1.html").paragraphs)
        assert "Members agreed" in body, row
        assert not any(link in body for link in ("Section", "Page two", "Page three", "harbour master", "get a date")), row


def test_a_short_pull_quote_in_quote_marks_is_not_text() -> None:
    """A pull quote under 40 characters (`<blockquote><p><em>“the dredging could wait one more season”</em>`) that
    the next paragraph says again: set large beside the text, not a line of it."""
    body = paragraphs("en_e34_short_pull_quote.html")
    assert len(body) == 4
    assert not any(line.startswith("“the dredging") for line in body)


def test_a_blogs_picture_credit_via_a_site_is_not_text() -> None:
    """`Top image via <a>Flickr</a>` closing a post: the picture's credit, not the text's last line."""
    body = paragraphs("en_e34_image_via.html")
    assert body[-1].startswith("The museum plans")
    assert not any("via" in line for line in body)
