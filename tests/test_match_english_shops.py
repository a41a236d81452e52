"""The bundled hu-ming topic on a chain's count of its shops written in English (session 28).

Written for these tests, in our own words. "A Shaxian snack chain opens its 100th store in Shanghai" is a
firm's business, as its Chinese telling (沙县小吃连锁品牌在上海开出第100家门店) already read: the English
words for a shop (store, stores, snack chain) now join `retail` as 门店 and 连锁 do. Guards: a store opened
under the pairing, or selling one side's goods to the other, still counts.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

SHOPS = [
    ("Shaxian snack chain opens its 100th store in Shanghai",
     "A chain selling Shaxian snacks, the dumplings and noodles of Shaxian in Sanming, Fujian, opened its 100th "
     "store in Shanghai on Saturday. Founded by a Shaxian native in 2012, the company plans 50 more stores in the "
     "city next year. Customers queued for peanut noodles, the manager said."),
    ("Sanming snack chain to open 30 stores in Shanghai",
     "A snack chain from Sanming, Fujian province, will open 30 stores across Shanghai this year, its founder told "
     "reporters, after its first store in Jing'an drew long queues."),
]


@pytest.mark.parametrize(("title", "body"), SHOPS)
def test_a_chains_count_of_its_shops_is_its_business(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


GUARDS = [
    ("Sanming opens a store for its farm products in Shanghai",
     "Under the counterpart cooperation between Shanghai and Sanming, a store selling Sanming's farm products "
     "opened in Shanghai's Putuo district on Friday, with officials from both cities present."),
    ("沪明对口合作：三明特产门店在沪开业",
     "在上海与三明对口合作框架下，三明名优特产门店在上海普陀区开业，两地有关部门负责同志出席。"),
]


@pytest.mark.parametrize(("title", "body"), GUARDS)
def test_a_store_opened_under_the_pairing_still_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
