"""A government information table laid out by columns (信息公开 pages of the 2000s): a row of labels (`索引号`,
`发文字号`, `成文日期`, `发布日期`) over a row of their values, the posting day under its label's column."""

from __future__ import annotations

import re
from datetime import datetime

from . import dates

# A record's labels; the table is read only when a posting label and two others head one row.
_POSTING = ("发布日期", "發布日期", "发布时间", "發布時間", "公开日期", "公開日期")
_OTHERS = ("索引号", "索引號", "发文字号", "發文字號", "文号", "文號", "成文日期", "发布机构", "發布機構", "主题分类", "主題分類",
           "生成日期", "发文机关", "發文機關")
_ROW = re.compile(r"<tr[\s>]", re.I)
_CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_SPAN = 3000  # how far around the first label the table is read


def column_posted(html: str | None, now: datetime) -> datetime | None:
    """The posting day under its label's column in a record table whose labels head one row and whose values fill
    the next (`<tr><th>索引号</th>…<th>发布日期</th></tr><tr><td>…</td>…<td>2009-10-07</td></tr>`)."""
    if not html:
        return None
    at = min((i for label in _OTHERS[:3] if (i := html.find(label)) >= 0), default=-1)
    if at < 0:
        return None
    window = html[max(0, at - 400) : at + _SPAN]
    rows = [m.start() for m in _ROW.finditer(window)] + [len(window)]
    for k in range(len(rows) - 2):
        labels = [_text(c) for c in _CELL.findall(window, rows[k], rows[k + 1])]
        if not labels or any(len(label) > 8 for label in labels):
            continue
        names = [label.rstrip("：:").replace(" ", "").replace("\u3000", "") for label in labels]
        posting = next((i for i, name in enumerate(names) if name in _POSTING), -1)
        if posting < 0 or sum(name in _OTHERS for name in names) < 2:
            continue
        values = [_text(c) for c in _CELL.findall(window, rows[k + 1], rows[k + 2])]
        return dates.parse_date(values[posting], now) if len(values) == len(labels) else None
    return None


def _text(cell: str) -> str:
    return _TAG.sub("", cell).replace("&nbsp;", " ").strip()
