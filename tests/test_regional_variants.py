"""Hong Kong and Taiwan forms of a character search and match as their simplified character.

OpenCC's traditional → simplified table knows 衛 but not Hong Kong's 衞: a Hong Kong report on
the 衞生署 (or a 衞健委 in a mirror's text) was not found by 卫生 or 卫健委, though 衛生署 was;
likewise 衹 (只), 粧 (妆), 敍 (叙), 枱 (台), 擡 (抬). The pairs come from OpenCC's regional variant
tables; a pair whose two sides are both characters of simplified text (著/着, 么/幺) stays apart."""

from __future__ import annotations

import json

from click.testing import CliRunner

from monitor import textnorm
from monitor.cli import main


def test_regional_forms_normalise_as_their_simplified_character():
    for regional, plain in [("衞生署", "卫生署"), ("衹有一個", "只有一个"), ("粧容", "妆容"), ("敍述", "叙述"),
                            ("枱面", "台面"), ("擡頭", "抬头"), ("衞健委", "卫健委")]:
        assert textnorm.normalize(regional) == textnorm.normalize(plain), regional


def test_two_characters_of_simplified_text_stay_two():
    assert textnorm.normalize("著名") != textnorm.normalize("着名")
    assert textnorm.normalize("什么") != textnorm.normalize("什幺")


def test_a_hong_kong_report_is_found_by_the_simplified_words(tmp_path):
    cfg = tmp_path / "m.toml"
    cfg.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    line = json.dumps({"url": "https://hk.example.com/news/1.html", "title": "衞生署與三明醫療機構交流",
                       "body": "香港衞生署代表團到訪三明，了解當地醫改經驗。"}, ensure_ascii=False)
    base = ["--config", str(cfg), "--db", str(tmp_path / "m.db")]
    done = CliRunner().invoke(main, [*base, "import", "-"], input=line + "\n")
    assert done.exit_code == 0, done.output
    for query in ("卫生署", "衞生署", "衛生署"):
        found = CliRunner().invoke(main, [*base, "search", query, "--format", "urls"])
        assert found.exit_code == 0 and found.output.strip() == "https://hk.example.com/news/1.html", (query, found.output)
