"""Where a search result's snippet centres: the first occurrence of a query term in the original
text, found through the normal form (滬明 finds 沪明), at a bounded cost on long bodies."""

from __future__ import annotations

from monitor import snippets


def test_the_first_span_is_found_through_the_normal_form() -> None:
    text = "本报讯　滬明兩地簽約。沪明合作持续深化。"
    assert snippets.first_span(text, ["沪明"]) == (4, 6)
    assert snippets.first_span(text, ["对口"]) is None


def test_a_term_after_hundreds_of_near_misses_is_still_found() -> None:
    """三 starts 三明 but also 三元: past 200 near misses the rest is read a window at a time."""
    near = "三元区" * 5000  # 15,000 characters, 5,000 near misses
    text = f"{near}上海与三明签约"
    start, end = snippets.first_span(text, ["三明"])
    assert text[start:end] == "三明" and start == len(near) + 3


def test_a_term_straddling_two_windows_is_found() -> None:
    near = "三元区" * 300
    for pad in range(snippets.WINDOW - 4, snippets.WINDOW + 4):  # the match crosses a window's end
        text = near + "x" * (pad - len(near) % snippets.WINDOW) + "三明市"
        start, end = snippets.first_span(text, ["三明"])
        assert text[start:end] == "三明", pad


def test_past_the_farthest_reach_the_snippet_shows_the_start_instead_of_reading_everything() -> None:
    """A 1M-character body of near misses was normalised whole for every result it appeared
    in (~0.5 s each); now a term that far in gives no span, and the snippet opens the text."""
    near = "三元区" * ((snippets.FARTHEST + 3 * snippets.WINDOW) // 3)
    text = f"{near}三明"
    assert snippets.first_span(text, ["三明"]) is None
    assert snippets.cut(text, []).startswith("三元区三元区")
