"""Chinese set out one character at a time for layout, read by the matcher as written together.

Pages space a headline's characters ("三 明 与 上 海"), with spaces, ideographic spaces (U+3000)
or a line break falling between two of them; 三 明 was no hit for 三明, so such a story was
missed (two cases of a fifth blind set's held part, match-9). The matcher now joins runs of
lone characters in its own view of the text, the store's normal form is unchanged, and hits
still point at the spaced characters of the page. Two words with a space between them
(上海 三明治店) stay apart. The texts are written for these tests.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article
from monitor.match.spaced import joined
from monitor.textnorm import normalize, normalize_lines


@pytest.mark.parametrize(("title", "body"), [
    ("上 海 杨 浦 区 与 三 明 市 大 田 县 签 署 对 口 合 作 协 议", "两地将在茶产业、文旅和干部交流方面加强协作。"),
    ("沪\u3000明\u3000合\u3000作\u3000十\u3000年", "两地干部座谈，回顾十年来共建园区、互派挂职的成果。"),
    ("图片新闻", "上 海 市 对 口 支 援 三\n明 市 将 乐 县 工 作 组 来 访\n工作组一行参观了当地的竹木加工企业。"),
    ("专题", "沪\n明\n对\n口\n合\n作\n两地今年共建产业园区三个，引进企业二十家。"),
    ("滬  明  協  作  再  添  新  項  目", "雙方簽約後，首批項目將在今年年底前開工。"),
])
def test_spaced_out_names_are_read(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_hits_point_at_the_spaced_characters(hu_ming: match.Topic) -> None:
    title = "三 明 与 上 海 共 建 人 才 飞 地"
    body = "近日，\u3000上\u3000海\u3000闵\u3000行\u3000区\u3000与三明市签约，共建人才飞地。"
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    seen = {(h.field, h.term): (title if h.field == "title" else body)[h.start : h.end] for h in m.hits}
    assert seen[("title", "三明")] == "三 明"
    assert seen[("title", "上海")] == "上 海"
    assert seen[("body", "上海")] == "上\u3000海"
    assert seen[("body", "三明市")] == "三明市"
    for (_, term), text in seen.items():  # every hit is its term with the separators taken out
        assert normalize(text).replace(" ", "") == term
    assert "[三明 上海" in m.reason  # the explanation names the joined words


def test_a_hit_across_a_line_break_spans_it(hu_ming: match.Topic) -> None:
    body = "沪 明 两 地 签 约 三\n明 市 与 上 海 市 共 建 园 区\n签约仪式在三元区举行。"
    m = match_article(hu_ming, "签约仪式举行", body)
    assert m.matched, m.reason
    spans = {body[h.start : h.end] for h in m.hits if h.field == "body"}
    assert "三\n明 市" in spans


def test_the_body_after_a_spaced_title_keeps_its_offsets(hu_ming: match.Topic) -> None:
    body = "上海市与三明市签署对口合作协议。\n两地将共建产业园区。"
    plain = match_article(hu_ming, "沪明合作签约", body)
    spaced = match_article(hu_ming, "沪 明 合 作 签 约", body)
    assert [h for h in spaced.hits if h.field == "body"] == [h for h in plain.hits if h.field == "body"]
    assert spaced.score == plain.score


@pytest.mark.parametrize(("title", "body"), [
    # two words, a space between them: no 海三, no 三明
    ("上海 三明治店周末开业", "店主来自浦东，面包每天现烤，周末门口排起长队。"),
    ("上海 三明治 热卖", "写字楼里的上班族 三明治 咖啡 成了标配。"),
    # a sandwich set out one character at a time is still a sandwich
    ("三 明 治 走 红 上 海 街 头", "这种夹着火腿和生菜的面包在上海的写字楼里卖得很好。"),
    # English is left alone
    ("Sanming sandwich shop opens in Shanghai", "A sandwich shop named after a Fujian town opened on Nanjing Road."),
])
def test_words_with_a_space_between_stay_apart(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert not any(h.term in ("三明", "海三") for h in m.hits), m.hits


def _view(title: str, body: str) -> str:
    text = normalize(title) + "\n" + normalize_lines(body)
    return joined(text, text.find("\n"))[0]


@pytest.mark.parametrize(("title", "body", "view"), [
    ("三 明 与 上 海", "", "三明与上海\n"),
    ("上海 三明治店", "三 明治", "上海 三明治店\n三 明治"),
    ("Shanghai and Sanming sign a deal", "Yong'an and Shaxian too.", "shanghai and sanming sign a deal\nyong'an and shaxian too."),
    ("记者 王 明", "2024年 5月 3日 三 明", "记者 王明\n2024年 5月 3日 三明"),
    # never across the title's end; a line break only inside a spaced run, never after a sentence
    ("合 作", "三 明", "合作\n三明"),
    ("签约", "两地签约。\n三 明 上 海", "签约\n两地签约。\n三明上海"),
    ("新闻", "三明市召开会议\n上海代表团来访", "新闻\n三明市召开会议\n上海代表团来访"),
    ("新闻", "上 海 三\n明 合 作", "新闻\n上海三明合作"),
    # a character lost in decoding stands in a run like any other
    ("上 \ufffd 与 三 明", "", "上\u3013与三明\n"),
])
def test_the_matchers_view(title: str, body: str, view: str) -> None:
    if "\ufffd" in title:  # the engine writes 〓 for a lost character before normalising
        title = title.replace("\ufffd", "\u3013")
    assert _view(title, body) == view


def test_nothing_joined_leaves_the_text_itself() -> None:
    text = "上海市与三明市签约\n两地共建园区。"
    out, offsets = joined(text, text.find("\n"))
    assert out is text and offsets is None
