"""Which candidate above the best one is still taken when it scores near it (body._promote).

d43b8de stopped counting any candidate above the best one as a rival (english-26: a paper's <article>
over its header and its text <section>). extract-23's held part lost two dates with it (two undated
page-and-template pairs given a date; its templates are <div> boxes holding the title bar, the date
line, the text and its tools); the cause was not found on tuning pages. Only an <article> above the best
candidate is passed over now; a <div> box is taken as before.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from monitor.extract import body


def _promoted(outer_tag: str) -> str:
    html = (f"<html><body><{outer_tag} id='box'><h2>标题</h2><div id='line'>来源：本站</div>"
            f"<div id='text'><p>正文第一段。</p><p>正文第二段。</p></div></{outer_tag}></body></html>")
    tree = LexborHTMLParser(html)
    text = tree.css_first("#text")
    box = tree.css_first("#box")
    assert text is not None and box is not None
    scores = {text: 10.0, box: 9.0}  # the box scored from the text's own lines and a few more
    return body._promote([(10.0, text), (9.0, box)], scores).attributes.get("id") or ""


def test_a_div_box_over_the_text_scoring_near_it_is_taken() -> None:
    assert _promoted("div") == "box"


def test_an_article_over_the_text_scoring_near_it_is_not_a_rival_half() -> None:
    assert _promoted("article") == "text"
