"""Tests for chrome that the outlets a Shanghai-Sanming monitor polls keep inside the article's own
block (helper extract-13; see BENCHMARKS.md), each on a page written here: vote, paging and
font-size widgets; breadcrumbs typed with `>>`; captions labelled `图说`, credited `…供图` or
`摄影：…`, given twice, or listed under a gallery; credit lines (`文|…`, `…记者 | …`, `报道员：` with
spaced names, `监制/…`, `…部制作`); a byline of names alone; a subtitle opening `——`; the page's
`…正文` label; app prompts, CMS debris, 报料 lines, a law database's fields. Lines that merely look
alike stay: headings, sentences, a poem's attribution, a closing table of figures.
"""

from __future__ import annotations

from monitor.extract import extract

TEXT = ("<p>近日，青溪县沙溪乡举办农民丰收节，来自全县的二十多家合作社带来了茶叶、笋干和菌菇等特色农产品。</p>"
        "<p>乡里有关负责人介绍，今年全乡茶园面积达到一万二千亩，带动五百多户茶农增收，户均增收三千余元。</p>")
FIRST, LAST = "近日", "三千余元。"


def page(article: str, title: str = "沙溪乡举办农民丰收节") -> str:
    """A plain article page with everything inside the article's own block."""
    return (f"<html><head><title>{title}</title></head><body><div class='nav'>首页 新闻 乡镇</div>"
            f"<h1>{title}</h1><div class='content'>{article}</div>"
            "<div class='foot'>青溪县融媒体中心</div></body></html>")


def body_of(article: str) -> str:
    return extract(page(article)).body


def test_widget_rows_are_chrome():
    for row in ("点赞 128 | 收藏 | 分享", "第1页 2 3 下一页 尾页", "共4页 1 2 3 4", "字体:【", "小字號", "放大", "上一版",
                "电脑版", "圖片", "无障碍"):
        body = body_of(TEXT + f"<p>{row}</p>")
        assert body.endswith(LAST), row
        body = body_of(f"<p>{row}</p>" + TEXT)
        assert body.startswith(FIRST), row
    kept = "<p>活动现场，不少市民拿出手机拍照分享，为家乡的好产品点赞。</p>"
    assert "点赞。" in body_of(TEXT + kept)


def test_breadcrumbs_with_arrows_are_chrome():
    for crumb in ("青溪新闻网 >> 新闻频道 >> 要闻快讯", "人民網>>上海頻道", "乡镇> 正文", "你的位置:首页 > 乡镇动态"):
        assert body_of(f"<p>{crumb}</p>" + TEXT).startswith(FIRST), crumb
    kept = "<p>全乡茶叶产值由去年的1.2亿元增至1.5亿元，增幅 > 20%，创历史新高。</p>"
    assert "增幅" in body_of(TEXT + kept)


def test_captions_with_labels_and_credits_are_chrome():
    captions = (
        "图说:今天上午，丰收节在沙溪乡文化广场开幕，合作社的社员们把新茶摆上展台 青溪日报记者 林青 摄(下同)",
        "9月23日，来自全县的二十多家合作社在沙溪乡文化广场展示特色农产品。青溪县融媒体中心供图",
        "沙溪乡的茶园。摄影:陈晓燕",
        "“青溪发布”微信公号留言截图",
        "晨报记者林青摄影报道",
    )
    for caption in captions:
        body = body_of(f"<p>{TEXT[3:-4]}</p><p>{caption}</p><p>{TEXT[3:-4].split('</p><p>')[1]}</p>")
        assert body.startswith(FIRST) and body.endswith(LAST) and caption[:6] not in body, caption


def test_a_caption_given_twice_is_chrome_both_times():
    body = body_of("<p>茶园一景</p><p>茶园一景</p>" + TEXT)
    assert body.startswith(FIRST)
    kept = body_of(TEXT + "<p>好！</p><p>好！</p>")  # a line with a sentence end is said twice on purpose
    assert kept.endswith("好！")


def test_a_galleries_captions_under_the_text_are_chrome():
    gallery = "".join(f"<p>{line}</p>" for line in ("挑担而过的茶农", "舒心", "见了生人的小姑娘", "孩子是村里的未来", "撸起袖子干"))
    assert body_of(TEXT + gallery).endswith(LAST)
    table = "".join(f"<p>{line}</p>" for line in ("茶叶 1.2 1.5", "笋干 0.3 0.4", "菌菇 0.8 0.9", "合计 2.3 2.8"))
    assert body_of(TEXT + table).endswith("合计 2.3 2.8")  # figures: a table that is the text
    verse = "".join(f"<p>{line}</p>" for line in ("山下茶园", "茶园人家", "人家欢笑"))
    assert body_of(TEXT + verse).endswith("人家欢笑")  # three lines are too few to call a gallery


def test_credit_lines_are_chrome():
    credits = ("文|林青 青溪大学公共管理学院", "青溪新闻记者 | 林青 实习记者 陈晓", "青溪新闻编辑 | 吴晓燕",
               "报道员:刘芯玮 陈晓铮 吴宗祥 陈飞翔", "本期监制/唐怡 主编/李浙 侯振海", "编辑/王兴栋", "县融媒体中心视频部制作")
    for credit in credits:
        body = body_of(f"<p>{credit}</p>" + TEXT)
        assert body.startswith(FIRST), credit
        body = body_of(TEXT + f"<p>{credit}</p>")
        assert body.endswith(LAST), credit
    kept = "<p>制作一杯好茶，要经过采摘、萎凋、揉捻和烘焙。</p>"
    assert "揉捻" in body_of(TEXT + kept)


def test_a_byline_of_names_alone_is_chrome():
    for names in ("林津津", "□ 田静 殷莹 韩勇 赵彤云 周齐璇子", "王 福", "李佳敏(青溪网)"):
        assert body_of(f"<p>{names}</p>" + TEXT).startswith(FIRST), names
    # under a sub-headline, not only at the top
    body = body_of("<p>丰收节上的茶香</p><p>林津津</p>" + TEXT)
    assert "林津津" not in body and "茶香" in body
    for heading in ("总则", "引言", "起点", "周宁概况"):
        assert heading in body_of(f"<p>{heading}</p>" + TEXT), heading
    assert "林青" in body_of(TEXT + "<p>林青</p><p>她说，明年还要来。</p>")  # after a sentence: a name in the text


def test_a_subtitle_and_the_pages_kind_over_the_text_are_chrome():
    body = body_of("<p>——2026年青溪县农民丰收节在沙溪乡举行</p>" + TEXT)
    assert body.startswith(FIRST)
    body = body_of("<p>青溪新闻正文</p>" + TEXT)
    assert body.startswith(FIRST)
    kept = body_of("<p>“采茶忙，茶香飘四方。”</p><p>——（宋）陆游</p>" + TEXT)
    assert "陆游" in kept  # a quoted poem's attribution
    kept = body_of(TEXT + "<p>——青溪县沙溪乡茶农林青的心里话</p>")
    assert "心里话" in kept  # below the text


def test_prompts_debris_and_fields_are_chrome():
    lines = ("打开青溪新闻APP，阅读体验更佳", "展开剩余91%", "{jz:field.toptypename/}", "青溪新闻报料:0598-1234567",
             "相关专题:乡村振兴 沙溪在行动", "颁布单位:青溪县人民代表大会常务委员会", "实施日期:", "时 效 性:有效")
    for line in lines:
        body = body_of(f"<p>{line}</p>" + TEXT)
        assert body.startswith(FIRST), line
    kept = "<p>乡里还将在明年实施日期更长的茶园保护计划。</p>"
    assert "保护计划" in body_of(TEXT + kept)
