"""`monitor add-source` against outlets as they are (session 24, faults-sources-2).

- A list address that redirects to another host (or port, or to https) printed a block for where
  it landed, with no word that it was not the address given: the user pasted a source polling
  another site than the one they meant, or never learned the old address had moved.
- A box of "hot"/"recommended" links known only by its heading (an image heading, a heading
  text, no telling class) or kept in a sidebar `<aside>` was taken as the list: its old popular
  stories were suggested as news.
- The same-site rule knew `gov.cn`, `com.cn` … but not the province zones under `.cn`
  (`gd.cn`, `bj.cn`) nor `co.uk`/`co.jp`: a list on one outlet under `gd.cn` counted every
  other outlet under `gd.cn` as its own site.
The CLI runs in its own process against sites on 127.0.0.1; the text is invented."""

from __future__ import annotations

from hostile import BODY, Site
from test_add_source_faults import ARTS, _block, _run

HTML = {"content-type": "text/html; charset=utf-8"}


def _items(paths: list[str], word: str = "新闻") -> str:
    return "".join(f'<li><a href="{p}">{word}{i}</a><span>2026-12-0{i % 9 + 1}</span></li>' for i, p in enumerate(paths))


def test_a_list_that_redirects_to_another_host_says_so(tmp_path):
    with Site() as old, Site() as new:
        for path in ARTS:
            new.article(path, "沪明合作" + path[-7:], BODY)
        new.page("/xw/list.html", f'<html><body><ul class="news">{_items(ARTS[:6])}</ul></body></html>')
        old.redirect("/news/list.html", new.url("/xw/list.html"), status=301)
        result = _run(tmp_path, "add-source", old.url("/news/list.html"))
        assert result.returncode == 0, result.stderr
        assert _block(result.stdout)["url"] == new.url("/xw/list.html")
        told = [line for line in result.stdout.splitlines() if "redirect" in line]
        assert len(told) == 1 and old.netloc in told[0] and new.netloc in told[0], result.stdout
        # a redirect within the host (a moved path) is no news: nothing said
        new.redirect("/old.html", "/xw/list.html")
        same = _run(tmp_path, "add-source", new.url("/old.html"))
        assert "redirect" not in same.stdout, same.stdout


def _box_page(hot: str) -> bytes:
    return (f'<html><body><div class="wrap">{hot}<div class="c2"><h3>本地要闻</h3>'
            f'<ul>{_items(ARTS[10:17])}</ul></div></div></body></html>').encode()


def test_a_hot_box_known_by_its_heading_or_sidebar_is_not_the_list():
    from monitor.sources.detect import detect

    links = "".join(f'<li><a href="{p}">旧闻{i}</a></li>' for i, p in enumerate(ARTS[:9]))
    boxes = [
        f'<div class="c1"><div class="t"><img src="/img/t3.png" alt="热点推荐"></div><ul>{links}</ul></div>',
        f'<div class="c1"><h3>点击排行</h3><ul>{links}</ul></div>',
        f'<div class="c1"><div class="tit"><span>推荐阅读</span></div><ul>{links}</ul></div>',
        f'<aside><div class="c1"><ul>{links}</ul></div></aside>',
    ]
    boxes.append(boxes[0].replace('alt="热点推荐"', 'alt=""').replace("t3.png", "hot_title.png"))  # its file name
    numbered = "".join(f'<li><span class="n">{i}</span><a href="{p}">旧闻{i}</a></li>' for i, p in enumerate(ARTS[:9]))
    boxes.append(f'<div class="c1"><h4>热门文章</h4><ul>{numbered}</ul></div>')  # its items numbered
    for box in boxes:
        guesses = detect(_box_page(box), HTML, "http://127.0.0.1/xw/list.html")
        assert [g.keys.get("link_selector") for g in guesses] == ["div.c2 a"], box


def test_outlets_under_a_province_zone_or_co_uk_are_not_one_site():
    from monitor.sources.detect import detect

    for mine, other in (("www.abc.gd.cn", "www.xyz.gd.cn"), ("news.abc.co.uk", "www.xyz.co.uk"),
                        ("www.abc.bj.cn", "news.xyz.bj.cn")):
        items = _items([f"http://{other}/xw/2026-12/0{i}/content_{4410 + i}.html" for i in range(1, 7)])
        page = f'<html><body><ul class="news">{items}</ul></body></html>'.encode()
        assert detect(page, HTML, f"http://{mine}/xw/list.html") == [], other
        own = page.replace(other.encode(), b"xxgk." + mine.split(".", 1)[1].encode())
        assert [g.keys.get("link_selector") for g in detect(own, HTML, f"http://{mine}/xw/list.html")] == ["ul.news a"]
