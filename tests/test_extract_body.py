"""Tests for which blocks the body keeps (monitor.extract.body, .paragraphs and .boiler).

Each fixture page in tests/fixtures/extract/ is written for one kind of page whose body lost
paragraphs or kept boilerplate: a first half sitting one level above the wrapped rest of the
article, a "Trending News" box inside the article with the story going on after it, and
"You might also like" teasers and comments inside the article's own container (English and
Chinese), social-follow and letters prompts, BBC-style `Image caption` lines and a wire copyright
notice in an English body, a Chinese portal's video placeholder, `展开全文`, platform notice
and `举报/反馈`, audio, gallery, video and affiliate widgets' lines, and a page whose class names
are hashes, where a long reader comment outscored the short article beside the headline, and
an opinion column whose `commentary` and `football` class names read as comment and footer, a
photo essay whose paragraphs sit in `caption-text` boxes (a gallery caption still dropped), a
lone link line between paragraphs (kept) beside teaser, shouted, ad-row and share links (not), a
caption credited `(Agency/Agency)`, a lone `SUBSCRIBE`, a `… Gallery` link, `You may also like...`,
an old portal's article as loose text inside an unknown CMS tag,
paragraphs under `subscriber-content` and `share-price-analysis` read as chrome, and a WeChat-style
post's follow prompt, `- END -` mark, `编辑｜…` credits and app prompt; an old page's header lines
(breadcrumb, headline, an untimed `发布时间:` byline) typed into the article's cell above the text;
sentences that report a reading count (`阅读量已经超过两千万。`) beside the page's own counter;
`Further reading` / `STORY HIGHLIGHTS` boxes headed by plain lines, a video box's time-coded
transcript, a pull quote, and `Via …` / `Source …` lines; wire credits under the text (`With
reporting by …`, the wire's name on a line of its own, a `First posted <date>` stamp); a caption
beside its picture that repeats the picture's alt text.
"""

from __future__ import annotations

from extractkit import FIXTURES, paragraphs

from monitor.extract import extract, extract_bytes


def test_first_half_beside_the_wrapped_rest_is_kept() -> None:
    body = paragraphs("en_split_wrapped.html")
    assert body[0].startswith("The ferry company that links the harbour")
    assert body[-1].startswith("The harbour authority said")
    assert len(body) == 8
    assert not any("Most read" in p or "Harbour car park" in p for p in body)


def test_a_trending_box_inside_the_article_is_dropped_and_the_article_goes_on() -> None:
    body = paragraphs("en_inline_related_box.html")
    assert len(body) == 6
    assert body[-1] == "The water authority said it would publish a full report on the closure within a month."
    assert not any("Trending" in p or "Ferries cancelled" in p or "mountain pass" in p for p in body)


def test_teasers_and_comments_in_the_article_container_end_the_body() -> None:
    body = paragraphs("en_comments_also_like.html")
    assert body[-1].startswith("Children have started running a lending desk")
    assert len(body) == 4


def test_chinese_recommendations_and_a_comment_count_heading_end_the_body() -> None:
    body = paragraphs("zh_recommend_inside.html")
    assert body[-1].startswith("孩子们还自己办起了借阅台")
    assert not any("古驿道" in p or "网友评论" in p for p in body)


def test_a_stop_heading_before_any_paragraph_is_skipped_not_the_end() -> None:
    html = ("<html><body><div class='post'><h1>Road works start</h1><div>0 Comments</div>"
            "<p>Road works on the high street start on Monday and will last for about six weeks, the council said.</p>"
            "<p>Buses will use the ring road while the works go on, adding a few minutes to most journeys.</p>"
            "</div></body></html>")
    body = extract(html).paragraphs
    assert len(body) == 2 and body[0].startswith("Road works on the high street")


def test_english_prompts_captions_and_wire_notices_are_dropped() -> None:
    body = paragraphs("en_boiler_prompts.html")
    assert len(body) == 4
    assert body[0].startswith("The night market on the old quay")
    assert body[-1].startswith('"We never sold the grill,"')


def test_chinese_portal_placeholders_and_platform_notices_are_dropped() -> None:
    body = paragraphs("zh_portal_prompts.html")
    assert len(body) == 3
    assert body[0].startswith("本周五晚")
    assert not any(word in p for p in body for word in ("加载中", "展开全文", "信息存储", "举报"))


def test_without_class_names_the_article_beside_the_headline_beats_a_longer_comment() -> None:
    body = paragraphs("en_hashed_classes_long_comment.html")
    assert len(body) == 4
    assert body[0].startswith("The central library will open until six")
    assert not any("I have been asking" in p for p in body)


def test_audio_gallery_video_and_affiliate_widgets_are_not_paragraphs() -> None:
    body = paragraphs("en_widget_chrome.html")
    assert len(body) == 4
    assert body[0].startswith("Spring is the best time")
    assert body[-1].startswith("Both walks are busy")


def test_class_words_that_only_begin_like_chrome_are_not_chrome() -> None:
    # `commentary`, `commentator` and `football` hold `comment` and `foot`: an opinion column's
    # standfirst and a quote box inside its body were dropped as comment threads and footers.
    body = paragraphs("en_class_words.html")
    assert body[0].startswith("Players, coaches and even most supporters")
    assert any(p.startswith('"The break saved our season,"') for p in body)
    assert len(body) == 6


def test_blocks_of_article_text_under_a_chrome_like_class_are_kept() -> None:
    # `subscriber-content` (a paywalled rest) and `share-price-analysis` hold `subscribe` and
    # `share`; the share bar between them is still chrome.
    body = paragraphs("en_paywall_classes.html")
    assert len(body) == 7
    assert body[-1].startswith("One pointed out that the company's debt")
    assert not any("Facebook" in p for p in body)


def test_wechat_style_prompts_end_marks_and_pipe_credits() -> None:
    # `点击上方蓝字关注我们`, `- END -`, `文字｜…`, `编辑｜… 审核｜…`, an app prompt, `分享、点赞、在看`.
    article = extract_bytes((FIXTURES / "zh_wechat_credits.html").read_bytes(), "https://mp.example.com/s/abc")
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("本周六、周日下午")
    assert article.paragraphs[-1] == "演出免费，不需预约，建议提前半小时到场。"
    assert (article.author, article.editor) == ("林小溪", "陈默")


def test_article_text_under_a_caption_class_is_kept_and_a_gallery_caption_is_not() -> None:
    # A photo essay sets its paragraphs in `caption-text` boxes beside its pictures: several
    # sentences of prose. A gallery's one long caption, shown twice (full and truncated), is a
    # caption still.
    body = paragraphs("en_caption_classes.html")
    assert len(body) == 5
    assert body[1].startswith("The walk starts at the third lock")
    assert body[3].startswith("The last stretch runs under the railway viaduct")
    assert body[-1].startswith("The trust says the path is flat")
    assert not any("Volunteers from the canal trust" in p or "Image 1 of 12" in p for p in body)


def test_a_lone_link_line_between_paragraphs_is_kept_teasers_and_ad_rows_are_not() -> None:
    # A one-item list linking where to buy the guide sits between two paragraphs: article text.
    # `Related: …`, a headline shouted in capitals, a row of ad links, a share prompt and a
    # link after the last paragraph are not.
    body = paragraphs("en_inline_links.html")
    assert body[1] == "Get the walking guide at the county library for $5"
    assert not any(word in p for p in body for word in ("Related", "HARBOUR", "Thermal", "WhatsApp", "timetable"))
    assert body[-1].startswith("Dogs are welcome")
    assert len(body) == 8


def test_a_credited_caption_a_lone_subscribe_a_gallery_link_and_an_ellipsis_teaser_heading() -> None:
    # `(Lake Trust/Valley University)` ends a caption; `SUBSCRIBE` heads a box; `… Gallery` links a
    # gallery; `You may also like...` opens the teasers.
    body = paragraphs("en_small_chrome.html")
    assert len(body) == 3
    assert body[-1].startswith("The trust plans a second survey")


def test_text_loose_in_an_unknown_element_is_scored() -> None:
    # An old portal's CMS include tag (`<cms_include:articlefrag1>`, closed by another name, so it
    # holds the rest of the cell) carries the article as loose text between <br><br>.
    body = paragraphs("zh_custom_element.html")
    assert len(body) == 4
    assert body[0].startswith("记者昨日从三明海关获悉")
    assert body[-1].startswith("目前，该企业已与日本客商")


def test_an_old_pages_cell_keeps_its_article_without_the_chrome_around_it() -> None:
    # Older pages type everything into one cell between <br>s: a menu row between bars, a
    # `本页位置` breadcrumb, the site search label, font-size buttons, a photo credit ending `摄`,
    # a picture copyright notice and a `友情链接` footer, none of them the article's.
    article = extract_bytes((FIXTURES / "zh_old_cell_chrome.html").read_bytes(), "https://www.example.cn/a/1.htm")
    assert article.paragraphs == (
        "入春以来，山区几个乡镇的茶园陆续开采，茶农们一大早就背着竹篓上山，赶在露水干之前采下第一批嫩芽。",
        "过去茶叶只能卖给上门的收购商，价格由人家说了算。这两年村里办起合作社，统一加工、统一品牌，收入比往年多了三成。",
        "合作社负责人说，下一步还要在网上开店，把山里的好茶卖到更远的地方。",
    )
    assert article.published is not None and article.published.isoformat() == "2009-03-05T02:04:00+00:00"


def test_an_e_papers_page_labels_and_font_buttons_are_chrome() -> None:
    html = ("<html><head><title>县里新建三座便民桥</title></head><body><div>第03版：县域新闻<br>2009年03月05日 星期四<br>"
            "放大 缩小 默认<br>县里新建三座便民桥<br>"
            "　　本报讯 今年以来，县交通部门在偏远山村新建三座便民桥，解决了两千多名群众的出行难题。<br>"
            "　　据了解，三座桥梁均已通过验收，下一步还将对沿线道路进行硬化。<br>"
            "第01版：要闻<br>第02版：综合新闻<br>第03版：县域新闻</div></body></html>")
    assert extract(html, "https://epaper.example.cn/html/2009-03/05/content_1.htm").paragraphs == (
        "本报讯 今年以来，县交通部门在偏远山村新建三座便民桥，解决了两千多名群众的出行难题。",
        "据了解，三座桥梁均已通过验收，下一步还将对沿线道路进行硬化。",
    )


def test_a_lead_before_a_share_bar_and_a_picture_is_kept() -> None:
    body = paragraphs("en_lead_across_image.html")
    assert body[0].startswith("A valley that grows only a few thousand bottles")
    assert body[1].startswith("The path out of the old town")
    assert len(body) == 7
    assert not any("cookies" in p or "Cider makers" in p for p in body)
    # The same layout without the wrapper around the text: the lead is found among the siblings.
    html = (FIXTURES / "en_lead_across_image.html").read_text(encoding="utf-8")
    flat = html.replace('<div class="group">', "").replace("</div>\n    </div>\n    <h4>", "</div>\n    <h4>")
    flat_body = list(extract(flat, "https://news.example.com/a/1.html").paragraphs)
    assert flat_body[0].startswith("A valley that grows only a few thousand bottles")
    assert len(flat_body) == 7


def test_teaser_cards_after_a_short_post_are_not_its_text() -> None:
    body = paragraphs("en_teaser_cards.html")
    assert body[0].startswith("The public library on the harbour front")
    assert "Borrow a rod, return a fish story" in body
    assert not any("[…]" in p or "[...]" in p or "READ THE REST" in p or "Ann Reyes" in p or "Follow Us" in p
                   or "tide table" in p for p in body)


def test_a_short_unpunctuated_line_boxed_with_a_picture_is_its_caption() -> None:
    body = paragraphs("en_picture_box_captions.html")
    assert body[0].startswith("Before dawn on Saturday")
    assert not any("first flocks arrive" in p or "led the count for eleven" in p for p in body)
    # a box whose text is sentences (a caption that goes on into prose) is kept
    assert any(p.startswith("A walker on the sea wall.") for p in body)
    assert len(body) == 7


def test_a_multi_page_articles_page_links_are_chrome() -> None:
    body = paragraphs("en_page_links.html")
    assert body[0].startswith("The boatyard hands over the keys")
    assert body[-1].startswith("By the third day the rhythm settles")
    assert len(body) == 3


def test_header_lines_above_a_dated_byline_in_one_cell_are_not_text() -> None:
    # The cell holds the site's notice, the breadcrumb, the headline and an untimed byline, one
    # <br> apart and none ending in punctuation: read as the body's first paragraph before.
    article = extract_bytes((FIXTURES / "zh_cell_header_lines.html").read_bytes(), "https://www.example.gov.cn/d.aspx?id=7")
    assert article.paragraphs[0].startswith("9月28日，副县长带领")
    assert len(article.paragraphs) == 3
    assert article.published is not None and article.published.isoformat() == "2014-09-27T16:00:00+00:00"


def test_a_short_item_without_sentence_ends_keeps_its_lines() -> None:
    # Lines without sentence ends before a dated byline are dropped only when text follows them.
    html = ("<html><head><title>图片新闻</title></head><body><div>山区茶园迎来采茶季 茶农忙着上山采摘头茬新芽<br>"
            "发布时间:2014-09-28</div></body></html>")
    assert extract(html, "https://www.example.gov.cn/d.aspx?id=8").paragraphs == ("山区茶园迎来采茶季 茶农忙着上山采摘头茬新芽",)


def test_a_sentence_reporting_reading_counts_is_text() -> None:
    # `阅读量` / `点击量` are a page's counters as lines of their own, but an article about a
    # campaign reports them in its sentences: those were dropped as chrome.
    body = paragraphs("zh_counts_in_text.html")
    assert any(p.startswith("截至昨天下午") for p in body)
    assert any(p.startswith("短片上线二十个小时") for p in body)
    assert len(body) == 4
    assert not any("3021" in p for p in body)


def test_an_english_byline_that_opens_with_its_date_is_not_a_paragraph() -> None:
    # `Sunday 4 April 2021 by Mara Quinlan` above a blog post and `March 12, 2021 by …` under it:
    # a byline written date first was kept as the article's first and last line (a reader view's
    # test page, a personal blog). A sentence that opens with a date and `by` stays text.
    article = extract_bytes((FIXTURES / "en_dated_bylines.html").read_bytes(), "https://news.example.com/a/1.html")
    body = list(article.paragraphs)
    assert body[0].startswith("The river path between the mill")
    assert body[-1].startswith("The county says it will check the piles")
    assert any(p.startswith("On 4 April 2021 by late evening") for p in body)
    assert len(body) == 4
    assert article.author == "Mara Quinlan"


def test_a_list_typed_with_single_breaks_keeps_one_item_a_line() -> None:
    # Release notes typed as `+ Added …<br />* Fixed …<br />- Removed …` in one paragraph were
    # joined into long lines of several items (a reader view's test page, a changelog post).
    body = paragraphs("en_br_list.html")
    assert body[0].startswith("Version 3.2 of the timetable app")
    assert body[1] == "+ Added live positions for the night boats"
    assert "- Removed the old paper-ticket scanner" in body
    assert body[-1] == "Thanks to everyone who sent in reports from the piers."
    assert len(body) == 10


def test_a_short_line_centred_with_a_picture_is_its_caption() -> None:
    # Older portals set a picture and its caption in a <center> block or a centred <p>, under no
    # caption class (found on two real portal pages); a longer centred line beside a picture stays.
    body = paragraphs("zh_centred_captions.html")
    assert body[0].startswith("示例网讯 周末的古镇")
    assert not any(p in ("歌手在石桥上对唱", "古镇夜景") or "宣传照" in p for p in body)
    assert any(p.startswith("夜幕降临后，对歌从石桥") for p in body)
    # a picture box whose one line is a single Chinese sentence is its caption too (BBC Chinese's
    # captions once their class names are gone); a box with two sentences is text
    assert not any(p.startswith("青年组的中学生") for p in body)
    assert any(p.startswith("镇文化站站长说") for p in body)
    # a blog's `相关日志` heading closes the article like `相关文章`
    assert body[-1].startswith("据悉，山歌会的录音")
    assert len(body) == 5


def test_paragraphs_typed_as_divs_in_split_blocks_are_all_kept() -> None:
    # An opinion piece whose paragraphs are <div>s in three sibling column blocks between ad
    # slots (div-soup markup, hashed class names): each <div> scored as a candidate of its own, so
    # only its longest paragraph was kept. A <div> holding only text and inline tags now scores
    # into its block as a <p> would, and the three blocks are halves of one article.
    body = paragraphs("en_div_paragraphs_split.html")
    assert body[0].startswith("For eleven years the last bus")
    assert body[-1].startswith("Until then, the people who cook")
    assert len(body) == 7
    assert not any("Harbour ferry" in p for p in body)


def test_a_related_box_between_div_paragraphs_does_not_end_the_article() -> None:
    # A `More from …` box inside the article, followed by paragraphs typed as <div>s: the box was
    # dropped and the story went on only when a <p> followed it; here the body ended at the box.
    body = paragraphs("en_div_paragraphs_related.html")
    assert body[0].startswith("A walker missing on the high moor")
    assert body[-1].startswith("The rescue service asked walkers")
    assert len(body) == 4
    assert not any("More from" in p or "new vehicle" in p for p in body)


def test_a_reposts_credits_and_figure_notes_are_not_text() -> None:
    # A portal's repost (found on a real page): `图注：…` captions, then `原标题：…` and
    # `出品︱…` / `作者︱…` credit lines after the last paragraph. A sentence about an author stays.
    body = paragraphs("zh_repost_credits.html")
    assert body[0].startswith("镇上的石拱桥已经走过了")
    assert body[-1].startswith("桥在三月初重新开放")
    assert not any(p.startswith(("图注", "原标题", "出品", "作者︱")) for p in body)
    assert any(p.startswith("作者在修缮日志里") for p in body)
    assert len(body) == 5


def test_paragraphs_wrapped_one_to_a_component_are_all_kept() -> None:
    # Each <p> alone in its own <div class="cmp-text"> (one CMS component per paragraph), the
    # article split over column blocks with a `More from …` box in the last one: the wrappers
    # took the paragraphs' scores and only the longest paragraph was kept. A <div> wrapping one
    # <p> alone now passes the score on to its container, as readability unwraps it.
    body = paragraphs("en_wrapped_paragraphs.html")
    assert body[0].startswith("For nine years the morning ferry")
    assert body[-1].startswith("Until then, the people who teach")
    assert len(body) == 7
    assert not any("More from" in p or "new roof" in p for p in body)


def test_an_article_cut_into_chunks_between_ad_rails_is_kept_whole() -> None:
    # A template that sets the text in chunks, each in its own grid of wrappers beside an ad rail
    # (found on a magazine's page: the body kept only its first chunk, a third of the article).
    # Blocks with the container's class in the same wrappers up to a shared block are more of it.
    body = paragraphs("en_chunked_body.html")
    assert body[0].startswith("At ten past two on a wet Tuesday")
    assert body[-1].startswith("The union has asked for a third count")
    assert len(body) == 7
    assert not any("More from" in p or "ferry pier" in p for p in body)


def test_a_lone_print_link_and_a_long_copyright_notice_are_not_text() -> None:
    # A `Print` link above the text and a wire's notice of 90+ characters (`… © 2014 …, a …
    # company. All rights reserved.`) under it: a copyright line was chrome only up to 80
    # characters. The contributors' line stays (it is part of the story as wires send it).
    body = paragraphs("en_print_copyright_lines.html")
    assert body[0].startswith("Drivers in the county will need a permit")
    assert body[-1] == "Staff writers Ana Ruiz and Tom Beck contributed to this report."
    assert not any(p == "Print" or "rights reserved" in p for p in body)
    assert len(body) == 4


def test_a_dateline_above_the_text_a_continued_pager_and_a_mail_prompt_are_not_text() -> None:
    # An old wire page: `Tue Mar 4, 9:15 AM ET` alone above the first paragraph (kept as the
    # body's first line), `CONTINUED 1 | 2 Next` under the last one, a `Read on:` label and a
    # `… delivered via email.` prompt. The date line gives the byline's date instead.
    article = extract((FIXTURES / "en_dateline_pager_prompts.html").read_text(encoding="utf-8"),
                      "https://news.example.com/a/1.html")
    body = list(article.paragraphs)
    assert body[0].startswith("PORT ELLEN - Fares on the island ferries")
    assert body[-1].startswith("Islanders' groups said")
    assert len(body) == 4
    assert article.published is not None and (article.published.month, article.published.day) == (3, 4)


def test_a_bylines_agency_line_a_slideshow_and_a_tool_row_are_not_text() -> None:
    # An old wire page: `The Associated Press` under `By NORA EASTWOOD`, a slideshow of captioned
    # photos (`<cite>` captions in a `…Slideshow` box) and `Comments Print Email` inside the
    # story's own block. The agency line goes with the byline; the box and the row are chrome.
    article = extract_bytes((FIXTURES / "en_byline_role_slideshow.html").read_bytes(), "https://news.example.com/a/1.html")
    body = list(article.paragraphs)
    assert body[0].startswith("The coast road stayed closed")
    assert body[-1].startswith("Drivers were sent on a twenty-minute detour")
    assert len(body) == 3
    assert article.author == "NORA EASTWOOD"


def test_a_byline_with_its_date_and_no_mark_between_is_lifted() -> None:
    # `By THE ASSOCIATED PRESS January 7, 2008` (name and date joined in one line): kept as the
    # body's first paragraph; now the author and the byline's date.
    article = extract_bytes((FIXTURES / "en_byline_name_date.html").read_bytes(), "https://news.example.com/a/1.html")
    body = list(article.paragraphs)
    assert body[0].startswith("NEW YORK — Two late-night hosts")
    assert len(body) == 3
    assert article.author == "THE ASSOCIATED PRESS"
    assert article.published is not None and (article.published.year, article.published.month) == (2008, 1)


def test_a_further_reading_box_and_highlights_headed_by_plain_lines_do_not_end_the_text() -> None:
    # `<p>Further reading</p>` over a list of links between two paragraphs ended the body there
    # (a news site's analysis page kept 2 of 21 paragraphs); `<div><b>STORY HIGHLIGHTS</b></div>`
    # over a list kept the list as text, and `RELATED TOPICS` with a comment before the next
    # paragraph ended the body. Such a line heads a box with a list: the box goes, the text goes on.
    body = paragraphs("en_listed_boxes.html")
    assert body[0].startswith("THE HARBOUR BOARD has backed")
    assert body[-1].startswith("The board will vote on the final scheme")
    assert "What it costs" in body
    assert len(body) == 6
    assert not any("toll would cover" in p or "Ferry fares" in p or "Bridges" in p for p in body)


def test_a_video_players_transcript_and_share_notes_are_not_text() -> None:
    # A video box inside the story with its description, `Video Transcript` and time-coded lines
    # (`00:01  Officials say …`), a share box's `Posted!` / `A link has been posted to your
    # Facebook feed.`, `[+] Enlarge` and a `… Video: <title>` line. A paragraph with three clock
    # times of its own (no video box around it) stays.
    body = paragraphs("en_video_transcript.html")
    assert body[0].startswith("The county airport began taking")
    assert body[-1].startswith("The health board said")
    assert any(p.startswith("On the first morning the desks opened at 06:15") for p in body)
    assert len(body) == 4


def test_a_pull_quote_and_via_and_source_lines_are_not_text() -> None:
    # A sentence of the text set large beside it (`<q class="pull">`, its case changed) and the
    # `Via …` / `Source …` lines under the article: the quote stays where the text says it.
    body = paragraphs("en_pull_quote.html")
    assert body[0].startswith("The town library has said")
    assert body[-1].startswith("Marsh said volunteers")
    assert len(body) == 4
    assert sum("borrowing as children" in p for p in body) == 1


def test_a_linked_byline_a_tools_heading_and_a_reviews_disclosure_are_not_text() -> None:
    # `By <a>Rosa Venn</a>` alone under the deck was kept as a lone link line of the text, as was
    # the tools box's `Story Tools` heading; the review's disclosure (`… was reviewed using a
    # retail copy provided by …`) and a `Questions? Comments? Email us at …` prompt closed the text.
    article = extract_bytes((FIXTURES / "en_byline_link_tools.html").read_bytes(), "https://news.example.com/a/1.html")
    body = list(article.paragraphs)
    assert body[-1].startswith("It is not a long game")
    assert not any(p in ("By Rosa Venn", "Story Tools") or "reviewed using" in p or "Questions?" in p for p in body)
    assert any(p.startswith("Night Ferry is a puzzle game") for p in body)
    assert article.author == "Rosa Venn"


def test_wire_credits_under_the_text_are_not_text() -> None:
    # Under the last paragraph: a `With reporting by …` line set as a heading, the wire's name on a
    # line of its own (`AP`) and a `First posted <date>` stamp. A sentence that names the wire stays.
    body = paragraphs("en_wire_credit_lines.html")
    assert body[0].startswith("A flood barrier that took six years")
    assert body[-1].startswith("The board plans a second, smaller gate")
    assert len(body) == 5
    assert any("told AP the project" in p for p in body)


def test_a_caption_that_repeats_the_pictures_alt_text_is_not_text() -> None:
    # An embed box: a picture in a textless wrapper and, beside it, a line that says the picture's
    # alt text again (a full sentence, so no short-caption rule catches it). A line beside another
    # picture that says something else stays.
    body = paragraphs("en_alt_captions.html")
    assert body[0].startswith("The ferry line to the outer islands")
    assert body[-1].startswith("The operator said a second boat")
    assert not any(p.startswith("The new ferry leaves the north quay") for p in body)
    assert any(p.startswith("Fares stay the same until the autumn") for p in body)
    assert len(body) == 5
