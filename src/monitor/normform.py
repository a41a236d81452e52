"""Which normal form a store's search index and fingerprints were made from: its version.

In: nothing (the code and data installed). Out: `index_version()`, a digest of what decides an
article's FTS tokens (textnorm's character table, whole, and what `textnorm.normalize` and
`ftstokens.document_tokens` make of written probe texts), and `fingerprint_version()`, the
same for repost fingerprints and content hashes (`scriptfold.fingerprint_text`, its OpenCC
word and variant tables, and the signature, band keys and hash `dedup` makes of it). The store
records the versions its rows were made with; a writer that finds another rebuilds them
(`pipeline.reindex`), a reader warns. Never touches the database.

Why a digest of behaviour and not of source text: a comment or a speed-up in textnorm must
not cost a user an hour of re-indexing a million articles, and a change of OpenCC's data
(a new package version) must be noticed although no file of ours changed. Both digests are
cached on disk (`tablecache`) keyed by the bytes of the files they depend on, so one is
computed (~1 s: tables, numpy) only after an upgrade; reading it costs well under 1 ms.
What the probes cannot see is covered by the version numbers (`ftstokens.VERSION`,
`textnorm.NORMAL_FORM`, `FINGERPRINT_RULES`), bumped by hand with such a change.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from . import tablecache

FINGERPRINT_RULES = 1  # bump when fingerprints change in a way the probes below cannot show

# Written for this module (our words): each line exercises one step of the normal form.
PROBES = (
    "沪明对口合作：上海市与三明市签署新一轮协作协议",
    "滬明對口合作 臺灣 裡面 頭髮 後來 乾坤 發展 雲計算",  # traditional → simplified
    "ＡＢＣ１２３，　全角字符　Ｓａｎｍｉｎｇ！",  # full width, ideographic space
    "網(wǎng)站 對(dui4)口 好（hǎo）人 CMO(fan) 完(完)",  # inline pinyin, and brackets that stay
    "三明；び茶叶ゅ市场ぇ销售旺盛",  # stray kana in Chinese text (mojibake)
    "今日は東京で会議があります",  # Japanese keeps its kana
    "cafe\u0301 e\u0301te\u0301 pi\u0304n yi\u0304n",  # combining marks
    "\U00020000\U0002a6d6 字 \U0002b740 扩展区",  # Han beyond the BMP
    "서울과 상하이 한국어 Hangul",
    "private\ue000use zero\u200bwidth\ufeff bom\ufffd replacement\x07bell",
    "tabs\tand\n\nline   breaks\r\n many  spaces",
    "① ½ ™ … ㈠ ℃ ｱｲｳ ﬁ İstanbul Straße",
    "軟體 資訊 網際網路 藉助 著作 麪條 臺灣 裏面",  # regional words and variants (fingerprints)
    "首页 > 新闻中心 > 正文\n责任编辑：李四\n相关新闻：\n上海援建三明项目\n三明文旅推介会",
    ("三明市沙县区与上海市闵行区签订对口合作框架协议。双方将在产业协作、文旅融合、科技创新"
     "和人才交流等方面深化合作，共同推动沪明对口合作高质量发展。\n\n会上，两地还发布了第一批"
     "合作项目清单，涉及农产品进沪、生态旅游线路和园区共建。The agreement covers tourism, "
     "industry and talent exchange for 2024-2026.\n\n编辑：张三\n来源：三明日报"),
)


# Probes for the fingerprints only: one added to PROBES changes the index version too, and every
# store re-indexes its whole archive (26 min at 1M) for a change that touched no search token.
FINGERPRINT_PROBES = (
    "一千二百户 1,200户 1 200户 百分之六点三 2.1亿吨 二〇二六年 三个",  # numbers by value
)


def _package() -> Path:
    return Path(__file__).parent


def _index_inputs() -> list[bytes]:
    """What the index version depends on: the character table's own inputs and the code."""
    from .textnorm import chartable

    pkg = _package()
    return [*chartable._table_inputs(), *(p.read_bytes() for p in (
        pkg / "textnorm" / "__init__.py", pkg / "ftstokens.py", Path(__file__)))]


def _fingerprint_inputs() -> list[bytes]:
    """The index version's inputs, the fingerprint code and the OpenCC files scriptfold reads."""
    from . import scriptfold
    from .textnorm import chartable

    pkg, opencc = _package(), chartable._opencc_path().parent
    names = [*scriptfold._CHAR_TABLES, *(name for name, _ in scriptfold._PHRASE_TABLES)]
    return [*_index_inputs(), *(p.read_bytes() for p in (pkg / "scriptfold.py", pkg / "dedup.py")),
            *((opencc / f"{name}.txt").read_bytes() for name in names)]


def _digest(parts: list[Any]) -> str:
    """A stable 80-bit hex digest of the reprs of `parts` (reprs of str, bytes, ints, tuples
    and sorted lists do not vary by process)."""
    return tablecache._hash(repr(parts).encode("utf-8", "surrogatepass"))


def _table_parts() -> list[Any]:
    """The whole character table, in a form whose repr is stable."""
    from .textnorm import chartable

    tables = chartable._tables()
    return [tables["bmp1"], *(sorted(tables[k].items()) for k in ("bmp_other", "astral1", "astral_other"))]


def _compute_index_version() -> str:
    from . import ftstokens, textnorm

    made = [ftstokens.article_tokens(p.split("\n")[0], p) for p in PROBES]
    return _digest(["index", ftstokens.VERSION, textnorm.NORMAL_FORM, _table_parts(), made])


def _compute_fingerprint_version() -> str:
    from . import dedup, scriptfold

    made = []
    for probe in PROBES + FINGERPRINT_PROBES:
        text = scriptfold.fingerprint_text(probe)
        fp = dedup.fingerprint(text)
        made.append((text, fp.count, fp.packed(), fp.keys(), dedup.content_hash(text) if text else ""))
    return _digest(["fingerprints", FINGERPRINT_RULES, index_version(), sorted(scriptfold.char_variants().items()),
                    sorted(scriptfold.word_variants().items()), made])


@functools.cache
def index_version() -> str:
    """The version of the search index's normal form (cached on disk per installed code)."""
    return tablecache.load_or_build("normform-index", _index_inputs(), _compute_index_version, keep=4)


@functools.cache
def fingerprint_version() -> str:
    """The version of the fingerprints' normal form (cached on disk per installed code)."""
    return tablecache.load_or_build("normform-fingerprints", _fingerprint_inputs(), _compute_fingerprint_version,
                                    keep=4)


def forget() -> None:
    """Drop the in-process versions (a test that changes the normal form in-process)."""
    index_version.cache_clear()
    fingerprint_version.cache_clear()
