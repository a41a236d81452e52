"""`monitor import` of exports whose bodies are Markdown (a reader service's `content`, a
crawler's `markdown` field): headings, links, images, bold and quotes read as their text. Was:
'# ', '[words](https://…)', '![](https://…png)' and '**' stored in the body, shown in digests and
searched (an image's address matched as text); a line with only `markdown` skipped as lacking a
body. Real processes and SQLite files."""

from __future__ import annotations

from test_import_keys import BODY, SECOND, run_import
from test_import_keys import rows as stored

MD = (f"# 沪明合作新进展\n\n{BODY}\n\n![现场图片](https://img.example.cn/a/1.png \"签约现场\")\n\n"
      f"> {SECOND}\n\n详见[三明市人民政府网](https://www.example.gov.cn/x.html)。**来源：三明日报**\n\n---\n")
TEXT = f"{BODY}\n\n{SECOND}\n\n详见三明市人民政府网。来源：三明日报"


def test_markdown_bodies_are_stored_as_their_text(tmp_path):
    lines = [
        {"url": "https://a.example.cn/1.html", "title": "一", "content": MD},
        {"url": "https://a.example.cn/2.html", "title": "二", "markdown": MD},
        {"url": "https://a.example.cn/3.html", "title": "三", "body": MD},
    ]
    result = run_import(tmp_path, lines)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [g[2] for g in stored(tmp_path)] == [f"沪明合作新进展\n\n{TEXT}"] * 3


def test_text_with_a_hash_tag_brackets_or_stars_is_kept_as_written(tmp_path):
    text = f"#沪明合作# {BODY}\n\n据[1]报道，增长 3*4 倍，*注* 以 ** 为准。"
    result = run_import(tmp_path, [{"url": "https://a.example.cn/1.html", "title": "一", "content": text}])
    assert result.returncode == 0, result.stdout + result.stderr
    assert stored(tmp_path)[0][2] == text
