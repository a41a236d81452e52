"""Tests for Chinese paragraphs typed as <div>s and for comments under a heading (monitor.extract.divs, .body).

Fixture pages in tests/fixtures/extract/ (our own text): an article split over sibling column
blocks whose paragraphs are <div>s and whose class names are hashes (div-soup; English pages had
this rule, Chinese ones kept only the first block); a short article followed by a `网友评论（6）`
heading and a flat run of reader comments as <div>s, which outscored it; a longer article with
comments under `热门评论` (must stay out); paragraphs each wrapped alone in a component <div>
(`index-module_textWrap` style), most shorter than 40 characters; a channel label `评论` above the
headline of an article whose comments follow under `热门评论`.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_chinese_div_paragraphs_split_over_blocks_are_kept_whole() -> None:
    # Before: the first column block alone (two of seven paragraphs) was the body.
    body = paragraphs("zh_div_paragraphs_split.html")
    assert body[0].startswith("十一年来，车站发出的末班车")
    assert body[-1].startswith("在此之前，那些为我们做饭")
    assert len(body) == 7
    assert not any("轮渡" in p or "版权所有" in p for p in body)


def test_a_flat_run_of_comments_under_their_heading_is_not_the_article() -> None:
    # Before: the six comments (a run of <div> sentences) outscored the two-paragraph article and
    # were kept after it.
    body = paragraphs("zh_flat_comments.html")
    assert body[0].startswith("河西社区的长者食堂")
    assert body[-1].startswith("社区工作人员说")
    assert len(body) == 2


def test_comments_under_a_heading_stay_out_of_a_div_paragraph_article() -> None:
    body = paragraphs("zh_comments_after_heading.html")
    assert body[0].startswith("城北纺织厂闲置多年")
    assert body[-1].startswith("图书馆每天早上九点开放")
    assert len(body) == 5
    assert not any("停车位" in p or "热门评论" in p for p in body)


def test_short_chinese_paragraphs_each_wrapped_alone_are_kept() -> None:
    body = paragraphs("zh_wrapped_short.html")
    assert body[0].startswith("修缮了大半年的老街夜市")
    assert body[-1].startswith("附近居民希望")
    assert len(body) == 7
    assert not any("更多精彩" in p or "荷花" in p or "本地生活资讯" in p for p in body)


def test_an_article_holding_a_near_equal_candidate_is_not_promoted_past() -> None:
    # The block holding the headline and the article's <div> paragraphs scored about as high as the
    # paragraphs' own box inside it, and that inner box, taken for another half of a split article,
    # moved the body up to the page's wrapper: the nav line came first and the `评论` channel label
    # above the headline then ended the body after it.
    body = paragraphs("zh_label_before_headline.html")
    assert body[0].startswith("城北纺织厂闲置多年")
    assert body[-1].startswith("图书馆每天早上九点开放")
    assert len(body) == 5
