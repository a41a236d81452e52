"""Tests for bodies (helper extract-36; see BENCHMARKS.md), each on a page written here: a CMS's status box
inside the text (Drupal's `messages error`) is no text; a government document's number under its headline
(`某政辦〔2019〕26號`) is the document's first line; a note on the writers closing an essay (a name, where the
writer works and a post, `…大学经济学院教授;…副研究员`) is no text.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 7, 8, 0, tzinfo=timezone.utc)
ONE = ("The county library board voted on Tuesday to keep its three branch libraries open on Sundays through the "
       "winter, after a survey found that most weekend visitors came with school-age children.")
TWO = ("The board will pay for the extra hours from a reserve fund set aside for building repairs, which the "
       "treasurer said could be refilled next spring when the new levy comes in.")
THREE = ("Librarians said the Sunday reading hour for toddlers, started as a trial in October, drew more families "
         "than any other program the branches offered this year.")


def english(status: str) -> str:
    return ("<html><head><title>Library keeps Sunday hours</title></head><body><div class='header'><a>Home</a></div>"
            "<h1>Library keeps Sunday hours</h1><p class='date'>Nov. 3, 2021</p>"
            f"<div class='field-body'><p>{ONE}</p>{status}<p>{TWO}</p><p>{THREE}</p></div>"
            "<div class='footer'>© County News</div></body></html>")


def test_a_cms_status_box_in_the_text_is_no_text():
    boxes = ("<div class='messages error'><h2 class='element-invisible'>Error message</h2>"
             "<p>To sort this view by the weight field you first need to add the Nodequeue relationship.</p></div>",
             "<div class='messages status'><h2>Status message</h2>Your vote on this poll has been saved.</div>",
             "<div class='messages messages--warning' role='contentinfo'><h2 class='visually-hidden'>Warning message</h2>"
             "<ul><li>The page you asked for was moved; this is its new address.</li></ul></div>")
    for box in boxes:
        assert extract(english(box), None, now=NOW).body.split("\n\n") == [ONE, TWO, THREE], box
    # a box of the text's own whose class names messages without a kind stays
    kept = "<div class='key-messages'><p>Key point: the three branches stay open on Sundays until March.</p></div>"
    assert "Key point" in extract(english(kept), None, now=NOW).body


FIRST = "為落實省市關於政務數據共享的要求，加快推進全縣政務信息系統互聯互通，打破信息壁壘，現將有關工作通知如下。"
SECOND = "各部門形成的政務信息資源原則上都應予共享，涉及國家秘密的，按有關法律法規執行，並於每季度末報送共享目錄。"
THIRD = "縣大數據中心負責共享平臺的日常運行維護，各部門確定一名聯絡員，於本月底前報縣政府辦公室備案。"


def notice(number: str) -> str:
    title = "某某縣人民政府辦公室關於推進政務數據共享工作的通知"
    return (f"<html><head><title>{title}_某某縣人民政府</title></head><body><div class='nav'><a>首頁</a><a>政務公開</a></div>"
            f"<div class='article'><h1>{title}</h1><div class='info'><span>時間:2019年06月17日</span>"
            "<span>點擊次數:1024</span><span>【字體：大 中 小】</span></div>"
            f"<div class='TRS_Editor'><p>{number}</p><p>各鄉(鎮)人民政府,縣政府各部門:</p><p>{FIRST}</p><p>{SECOND}</p>"
            f"<p>{THIRD}</p></div></div><div class='footer'><p>主辦單位：某某縣人民政府辦公室</p></div></body></html>")


def test_a_documents_number_under_its_headline_is_its_first_line():
    for number in ("某政辦〔2019〕26號", "某政办〔2019〕26号", "某政辦[2019]26號"):
        article = extract(notice(number), None, now=NOW)
        assert article.body.split("\n\n") == [number, "各鄉(鎮)人民政府,縣政府各部門:", FIRST, SECOND, THIRD], number
        assert article.published is not None and article.published.isoformat()[:10] == "2019-06-16"  # Shanghai midnight


A = "小城镇发展到一定规模以后，面临的已经不是镇的问题，而是城市的问题：人口、产业和公共服务都需要城市的管理方式。"
B = "从各地的实践看，赋予特大镇与其人口和经济规模相适应的管理权限，是破解这一难题的关键，也需要配套的财政安排。"


def essay(*tail: str) -> list[str]:
    html = ("<html><head><title>从小城镇到小城市</title></head><body><h1>从小城镇到小城市</h1>"
            "<div class='info'><span>发布日期：2020-05-12</span><span>作者：城镇化课题组</span></div>"
            "<div class='content'>" + "".join(f"<p>{line}</p>" for line in (A, B, *tail)) + "</div>"
            "<div class='foot'>版权所有</div></body></html>")
    return extract(html, None, now=NOW).body.split("\n\n")


def test_a_note_on_the_writers_closing_an_essay_is_no_text():
    for note in ("林一舟,某某财经大学经济研究院教授;周青禾,某某社会科学院农村发展研究所副研究员",
                 "林一舟，某某财经大学经济研究院教授、博士生导师。",
                 "周青禾 某某社会科学院研究员"):
        assert essay(note) == [A, B], note
        assert essay(note, "来源:某某大学学报(哲学社会科学版)") == [A, B], note
    # a closing sentence naming a professor, and one quoting one, stay
    for line in ("林一舟说，某某财经大学教授周青禾的判断得到了调查数据的支持。",
                 "课题组组长、某某财经大学经济研究院教授林一舟认为，改革的路径还需要进一步探索。"):
        assert essay(line) == [A, B, line], line
