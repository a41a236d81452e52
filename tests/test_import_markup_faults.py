"""`monitor import` of exports whose text fields hold HTML that is not a block of paragraphs:
inline tags only (`<b>`, `<font>`, `<i>`), a `<style>` or `<script>` before the text, a comment,
HTML escaped once more (`&lt;p&gt;`), and titles with a search export's `<em>` around the words
it found. Was: stored as written (CSS, JavaScript and tags in the body, shown and searched so).
Real processes and SQLite files."""

from __future__ import annotations

from test_import_keys import BODY, run_import
from test_import_keys import rows as stored


def test_html_with_inline_tags_style_or_script_is_read_as_html(tmp_path):
    lines = [
        {"url": "https://a.example.cn/1.html", "title": "一", "content": f"<style>.t{{color:#333}}</style><script>var n=2;</script>{BODY}"},
        {"url": "https://a.example.cn/2.html", "title": "二", "description": f"<font color=\"blue\">{BODY}</font>"},
        {"url": "https://a.example.cn/3.html", "title": "三", "summary": f"<!-- 正文开始 --><b>{BODY}</b>"},
        {"url": "https://a.example.cn/4.html", "title": "四", "content": f"<blockquote>{BODY}</blockquote>"},
        {"url": "https://a.example.cn/5.html", "title": "五", "content": f"<![CDATA[<style>p{{margin:0}}</style>{BODY}]]>"},
    ]
    result = run_import(tmp_path, lines)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [g[2] for g in stored(tmp_path)] == [BODY] * 5


def test_html_escaped_once_more_is_read_as_html(tmp_path):
    result = run_import(tmp_path, [{"url": "https://a.example.cn/1.html", "title": "一",
                                    "description": f"&lt;p&gt;{BODY}&lt;/p&gt;&lt;p&gt;三明&amp;上海&lt;/p&gt;"}])
    assert result.returncode == 0, result.stdout + result.stderr
    assert stored(tmp_path)[0][2] == f"{BODY}\n\n三明&上海"


def test_tags_in_a_title_are_dropped_and_text_with_angle_brackets_is_kept(tmp_path):
    lines = [
        {"url": "https://a.example.cn/1.html", "title": "<em>上海</em>与<em>三明</em>合作", "body": BODY},
        {"url": "https://a.example.cn/2.html", "title": "沪明合作 x<y", "content": f"{BODY} 当 a<3 且 b>1 时"},
    ]
    result = run_import(tmp_path, lines)
    assert result.returncode == 0, result.stdout + result.stderr
    got = stored(tmp_path)
    assert got[0][1] == "上海与三明合作"
    assert got[1][1:3] == ("沪明合作 x<y", f"{BODY} 当 a<3 且 b>1 时")  # no tag: text as written
