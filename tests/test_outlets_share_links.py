"""The same article as a mirror's or a aggregator's list links it from a WeChat share: its address
and the share's parameters (`mpshare=1`, `srcid=1206…`, `exportkey=…`, `pass_ticket=…`, `subscene`,
`ascene`, `devicetype`, `nettype`, `wx_header`), or a Toutiao share's clock (`wid=1701234567890`).
Each share gave the article an address of its own: fetched and stored once per share, one story
holding the outlet's article twice or more. They leave the address as `chksm` and `scene` do; a
parameter that names something (`idx`, `mid`, `sn`, a short `wid`) stays. The addresses are invented.
"""

from __future__ import annotations

import pytest

from monitor.dedup import canonical_url

ARTICLE = "https://mp.weixin.qq.com/s?__biz=MzA3NjY0MTAxMg==&mid=2650001234&idx=1&sn=0a1b2c3d4e5f60718293a4b5c6d7e8f9"


@pytest.mark.parametrize("shared", [
    ARTICLE + "&chksm=8491a2b3&mpshare=1&scene=1&srcid=1206abcdEFgh&sharer_shareinfo=x&sharer_shareinfo_first=y#rd",
    ARTICLE + "&exportkey=n_ChQIAhIQ&acctmode=0&pass_ticket=Zx9%2Fk&wx_header=0",
    ARTICLE + "&subscene=10000&ascene=1&devicetype=android-31&nettype=WIFI&clicktime=1701234567&enterid=1701234567",
])
def test_a_wechat_shares_parameters_leave_the_address(shared):
    assert canonical_url(shared) == canonical_url(ARTICLE), canonical_url(shared)


def test_a_share_clock_leaves_and_a_name_stays():
    assert canonical_url("https://a.cn/article/7312345678901234567/?wid=1701234567890") == \
        canonical_url("https://a.cn/article/7312345678901234567/")
    assert canonical_url("https://a.cn/show.php?wid=12") != canonical_url("https://a.cn/show.php")
    assert canonical_url(ARTICLE.replace("idx=1", "idx=2")) != canonical_url(ARTICLE)
