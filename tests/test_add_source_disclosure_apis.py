"""`monitor add-source` on a JSON API whose items carry several dates: a county portal's 政府信息公开
back end (`BT` 标题, `CWRQ` 成文日期 the day a document was written, `FBRQ` 发布日期 the day it was
published, pinyin initials as such systems name fields), an app's (`createTime`, `updateTime`,
`publishTime`).

The block took the first dated field: CWRQ, createTime. Documents written a week or a month before
they are published were stored under that day (an article page without its own date), and
max_age_days judged them by it (a document published today but written 40 days ago never
fetched). The field named as the publication's (pub…, release, 发布 as fbrq/fbsj, issue) is now
chosen over a creation's, an update's or a writing's. The text is invented.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from monitor.sources.detect import detect

SHANGHAI = timezone(timedelta(hours=8))
TITLES = ["三明市人民政府关于印发沪明对口合作实施方案的通知", "关于做好2026年冬季森林防火工作的通知",
          "三明市关于公布第一批产业协作重点项目名单的通知", "三明市2026年第三季度政府信息公开工作情况"]


def day(back: int) -> str:
    return (datetime.now(SHANGHAI) - timedelta(days=back)).strftime("%Y-%m-%d %H:%M:%S")


SHAPES = {
    "pinyin": ([{"BT": t, "WH": f"明政〔2026〕{n}号", "CWRQ": day(40 + n), "FBRQ": day(n), "URL": f"/xxgk/content_{8800 + n}.htm"}
                for n, t in enumerate(TITLES)], "FBRQ"),
    "app": ([{"id": n, "title": t, "createTime": day(30 + n), "updateTime": day(0), "publishTime": day(n),
              "url": f"/a/{n}.html"} for n, t in enumerate(TITLES)], "publishTime"),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_publications_date_field_is_chosen(shape):
    rows, field = SHAPES[shape]
    body = json.dumps({"total": 40, "rows": rows}, ensure_ascii=False).encode()
    guesses = detect(body, {"content-type": "application/json"}, "http://127.0.0.1:9/api/list?page=1")
    assert guesses and guesses[0].kind == "json-api", guesses
    assert guesses[0].keys["date"] == field, guesses[0].keys
