"""Topic matching: rules compiled once from TOML, applied to articles, evaluated.

In: `[topics.NAME]` tables (docs/rules.md; the default topic is data/topics/hu-ming.toml),
an article's original title and body, labelled items. Out: `Topic`, `models.Match` (matched,
score, hits with offsets in the original text, rules fired, a one-line reason), `EvalReport`.
Never does I/O except `load_topics` reading its file; never prints.

rules.py compiles the rule language, engine.py applies it (spans.py: where one group hits),
report.py measures it.
"""

from .engine import match_article, match_topics
from .report import EvalReport, evaluate, evaluate_halves, held_out
from .rules import Group, Rule, Topic, compile_topic, default_topics_path, load_topics

__all__ = ["EvalReport", "Group", "Rule", "Topic", "compile_topic", "default_topics_path", "evaluate",
           "evaluate_halves", "held_out", "load_topics", "match_article", "match_topics"]
