"""Tests for the credit and disclaimer lines a real set of 62 Chinese pages kept in the body (helper
extract-10; see BENCHMARKS.md), each on a page written here: a county media centre's post ends with
its newsroom's review chain (`编 辑:苏 伟`, `一 审:魏 倩`, `总监制：…`, spaces inside role and
name) and a reprint disclaimer; a traditional-script page ends with `免責聲明:…未經許可，請勿轉載。`.
Lines that merely look alike stay: an interview's `记者：…？` question, a sentence naming an editor.
"""

from __future__ import annotations

from monitor.extract import extract

TEXT = ("<p>今年11月8日是中国记者节，上午，县委书记来到县融媒体中心看望慰问新闻工作者，为大家送上节日祝福。</p>"
        "<p>座谈会上，县委书记指出，广大新闻工作者要用真实的情感向外界展示青溪的方方面面，讲好青溪故事。</p>")
TRAD = ("<p>12月21日，副市長一行來青溪召開座談會，就明年的政府工作報告廣泛征求意見和建議。</p>"
        "<p>會上，與會人員暢所欲言、各抒己見，就鄉村振興、人才引進、養老等方面提出了意見和建議。</p>")


def page(article: str) -> str:
    """A plain article page."""
    return ("<html><head><title>县委书记看望慰问新闻工作者</title></head><body><div class='nav'>首页 新闻 政务</div>"
            f"<h1>县委书记看望慰问新闻工作者</h1><div class='article'>{article}</div>"
            "<div class='foot'>青溪县融媒体中心</div></body></html>")


def test_a_newsrooms_review_chain_under_the_post_is_chrome():
    credits = ("<p>县融媒体中心记者:陈庆彬</p><p>编 辑:苏 伟</p><p>一 审:魏 倩</p><p>二 审:罗兴美</p>"
               "<p>三审：罗 华</p><p>总监制：骆世明</p><p>免责声明</p>"
               "<p>本公众号部分转载的文章、图文、视频来自网络，其版权和文责属原作者所有。</p>")
    body = extract(page(TEXT + credits)).body
    assert body.endswith("讲好青溪故事。")
    for gone in ("苏", "魏", "罗兴美", "骆世明", "原作者"):
        assert gone not in body


def test_a_traditional_script_disclaimer_is_chrome():
    notice = "<p>免責聲明:本文來自青溪在線新聞頻道，不代表青溪在線的觀點和立場。未經許可，請勿轉載。</p>"
    body = extract(page(TRAD + notice)).body
    assert body.endswith("提出了意見和建議。") and "免責" not in body


def test_lines_that_only_look_like_credits_stay():
    kept = ("<p>记者：这次活动吸引了多少群众参加？</p><p>编辑：苏伟说，这份稿子改了三遍才定下来。</p>")
    body = extract(page(TEXT + kept)).body
    assert "这次活动吸引了多少群众参加" in body and "这份稿子改了三遍" in body
