"""A photo story whose text is its captions (fold-6): each line says what a picture shows and ends
with its photographer's credit, which extraction drops beside a text as chrome. On a page with
no other readable text the captions are the article, so the story is stored and its reposts on
other sites fold with it; beside a text they are still left out."""

from __future__ import annotations

import json

from test_dedup import _opened

from monitor import extract
from monitor.pipeline import Context, import_lines

_CAPTIONS = [
    "3月12日，在漳浦县一处育苗基地，工人把嫁接好的芦柑苗搬上运输车。本报记者 林晓 摄",
    "3月12日，育苗基地的技术员在大棚里检查新一批苗木的根系。本报记者 林晓 摄",
    "3月13日，漳浦县赤岭乡的果农在山地上栽种芦柑苗，准备迎接春雨。本报记者 林晓 摄",
    "3月13日，村里的合作社用无人机给新栽的果园喷洒营养液。本报记者 林晓 摄",
    "这是3月13日拍摄的漳浦县赤岭乡新建的高标准果园（无人机照片）。本报记者 林晓 摄",
]


def _gallery(title: str, captions: list[str], site: str) -> str:
    figures = "".join(f'<p><img src="/p/{i}.jpg"></p><p>{c}</p>' for i, c in enumerate(captions))
    return (f"<html><head><title>{title}_{site}</title></head><body><div class='nav'>{site} 首页 新闻 图片 视频</div>"
            f"<h1>{title}</h1><div class='gallery'>{figures}</div><div class='foot'>{site} 版权所有</div></body></html>")


def test_a_page_of_photos_keeps_its_captions_as_its_text():
    article = extract.extract(_gallery("春种芦柑", _CAPTIONS, "闽南网"), "https://pic.example.cn/1.html")
    assert article.paragraphs == tuple(_CAPTIONS)


def test_captions_beside_a_text_are_still_left_out():
    text = ("漳浦县今年新栽芦柑三千亩，县里组织技术员到各村指导嫁接和栽种，合作社统一采购苗木，"
            "果农以土地入股，收益按股分红。",
            "县农业农村局介绍，芦柑是当地的传统优势产业，全县种植面积已恢复到两万亩以上，带动近万户果农增收。",
            "下一步，县里将继续做好技术服务和产销对接，推动芦柑产业提质增效。")
    page = (f"<html><body><h1>漳浦春种</h1><div class='content'><p>{text[0]}</p><p>{_CAPTIONS[0]}</p>"
            f"<p>{text[1]}</p><p>{_CAPTIONS[1]}</p><p>{text[2]}</p></div></body></html>")
    assert extract.extract(page, "https://news.example.cn/2.html").paragraphs == text


def test_a_lead_over_more_captions_is_a_story_told_in_them():
    # A short lead, then the captions (extract-25): the captions tell the story, in their places.
    lead = "漳浦县今年新栽芦柑三千亩，县里组织技术员到各村指导嫁接和栽种。"
    page = (f"<html><body><h1>漳浦春种</h1><div class='content'><p>{lead}</p>"
            f"<p>{_CAPTIONS[0]}</p><p>{_CAPTIONS[1]}</p><p>{_CAPTIONS[2]}</p></div></body></html>")
    assert extract.extract(page, "https://news.example.cn/2.html").paragraphs == (lead, *_CAPTIONS[:3])


def test_a_photo_story_and_its_repost_on_another_site_fold(tmp_path):
    lines = [{"url": "https://pic.example.cn/1.html", "html": _gallery("春种芦柑", _CAPTIONS, "闽南网")},
             {"url": "https://m.example.com/p/9", "html": _gallery("组图：漳浦果农忙春种", _CAPTIONS[1:], "海峡视界")}]
    cfg, store = _opened(tmp_path)
    try:
        import_lines(Context(cfg, store), [json.dumps(x, ensure_ascii=False) for x in lines])
        stories = [r[0] for r in store.db.execute("SELECT story_id FROM articles ORDER BY id")]
    finally:
        store.close()
    assert len(stories) == 2 and stories[0] == stories[1]
