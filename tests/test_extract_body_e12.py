"""Tests for lines that reposted journal articles, mobile mirrors and blogs (helper extract-12; see
BENCHMARKS.md) kept in the body, each on a page written here: a keywords line, an author note, a
citation line and a first-printed line around a journal article's text; WeChat's `原创 <name>
<account>` line; an agency's or a paper's reporter credit in traditional script or with a trainee
(`記者傅人意 實習生王偉君`, `新華社記者`, `■本報見習記者 …`); a supplier's credit in brackets
(`（…管理局供稿）`); a breadcrumb typed into the text (`首頁>…`); a blog's `沒有留言：` over the
next post. Lines that merely look alike stay: a sentence about keywords, a sentence naming a reporter.
"""

from __future__ import annotations

from monitor.extract import extract

TEXT = ("<p>近年来，青溪县依托数字平台推进基层治理，网格员通过手机终端上报问题，处置时间由三天缩短到一天。</p>"
        "<p>县委政法委有关负责人介绍，全县已划分综合网格五百四十三个，专属网格五十三个，实现村居全覆盖。</p>")
TRAD = ("<p>按照市紀委的安排，管理局於1月20日上線《民聲熱線》，向市民宣傳風景名勝區管理的政策。</p>"
        "<p>上線當晚，共收到群眾、聽眾建議和反映的問題十余個，管理局上線領導均一一作出答復。</p>")


def page(article: str, title: str = "数字平台赋能基层治理") -> str:
    """A plain article page."""
    return (f"<html><head><title>{title}</title></head><body><div class='nav'>首页 新闻 学术</div>"
            f"<h1>{title}</h1><div class='article'>{article}</div>"
            "<div class='foot'>青溪在线</div></body></html>")


def test_a_journal_articles_repost_credits_are_chrome():
    credits_before = ("<p>关键词：网格化治理；智能化</p><p>本文刊发于《青溪经济探讨》2021年10月</p>"
                      "<p>作者简介：林青，青溪大学公共管理学院教授、博士生导师。</p>")
    credits_after = "<p>论文引用格式：林青. 数字平台赋能基层治理[J]. 青溪经济探讨, 2021,48(1):69-74.</p>"
    body = extract(page(credits_before + TEXT + credits_after)).body
    assert body.startswith("近年来") and body.endswith("实现村居全覆盖。")
    for gone in ("关键词", "刊发于", "作者简介", "引用格式"):
        assert gone not in body
    kept = "<p>关键词：这是今年群众说得最多的一个词，网格员每天都要回答十几遍。</p>"
    assert "关键词" in extract(page(TEXT + kept)).body  # a paragraph long, a sentence: text


def test_a_wechat_original_line_is_chrome():
    body = extract(page("<p>原创 林青 青溪发布</p>" + TEXT)).body
    assert body.startswith("近年来")


def test_reporter_credits_with_trainees_and_agencies_are_chrome():
    for credit in ("記者傅人意 實習生王偉君", "新華社記者", "■本報見習記者 朱凌君 鞏持平"):
        article = extract(page(f"<p>{credit}</p>" + TRAD, "管理局上線民聲熱線"))
        assert article.body.startswith("按照"), credit
    sentence = "<p>新華社記者在青溪走訪時看到，上線當晚熱線電話響個不停，工作人員一一記錄。</p>"
    assert "走訪" in extract(page(TRAD + sentence, "管理局上線民聲熱線")).body


def test_a_suppliers_credit_in_brackets_is_chrome():
    body = extract(page(TRAD + "<p>（市風景名勝區管理局供稿）</p>", "管理局上線民聲熱線")).body
    assert body.endswith("作出答復。")


def test_a_breadcrumb_in_the_text_is_chrome():
    body = extract(page("<p>首頁>單位政務公開</p>" + TRAD, "管理局上線民聲熱線")).body
    assert body.startswith("按照")


def test_a_blogs_no_comments_line_ends_the_post():
    after = "<p>沒有留言：</p><p>青溪爆報／官方籲：7月1日至8月31日禁止採捕小海膽 請民眾務必配合</p>"
    body = extract(page(TRAD + after, "管理局上線民聲熱線")).body
    assert body.endswith("作出答復。")
