"""A JSON API answering as a script, as outlets' APIs do (session 24, faults-sources-2).

Only `name({…})` was unwrapped: JSONP as Express and Spring write it (`/**/ typeof cb ===
'function' && cb({…});`), behind a byte-order mark, inside `try{…}catch(e){}`, with a comment
after it, or a script assigning the data (`var data = {…};`) failed every poll with "the answer
is not JSON". The text is invented."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from monitor.errors import ExtractError
from monitor.sources.jsonapi import decode

DATA = '{"list": [{"title": "沪明合作（一）", "url": "/a/1.html"}], "total": 1}'


@pytest.mark.parametrize("answer", [
    f"/**/ typeof cb === 'function' && cb({DATA});",
    f"/**/cb({DATA});",
    f"\ufeffjQuery18301234_1765000000000({DATA})",
    f"try{{cb({DATA});}}catch(e){{}}",
    f"cb({DATA}) // end\n",
    f"var data = {DATA};",
    f"window.newsData={DATA}\n",
])
def test_a_script_answer_gives_its_json(answer):
    page = SimpleNamespace(content=answer.encode(), headers={"content-type": "application/javascript"}, url="http://127.0.0.1/api")
    assert decode(page) == {"list": [{"title": "沪明合作（一）", "url": "/a/1.html"}], "total": 1}


def test_a_page_that_is_not_json_still_says_so():
    for answer in (b"<html><body>404</body></html>", b"alert('busy')", b""):
        with pytest.raises(ExtractError, match="not JSON"):
            decode(SimpleNamespace(content=answer, headers={}, url="http://127.0.0.1/api"))
