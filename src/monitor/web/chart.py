"""The coverage chart of a topic page: stories per week per source, an SVG drawn on the server.

In: (week, source, stories) rows. Out: SVG markup as text, every label escaped. Pure.
"""

from __future__ import annotations

from html import escape

from .lang import zh

# Colour-blind-safe palette (Okabe-Ito). A colour names one source: past eight, the sources with
# the most stories keep seven and the rest share OTHER, said so in the legend (reused colours made
# two sources one in the reader's eye).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
OTHER = "#888888"
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 220, 32, 36, 12
# The dates and the count are drawn larger as the picture shrinks (base.html: 11 units wide,
# up to 23 on a phone, where the 640 units are some 340 px): at most eight dates, each centred
# under its bar and left out when half of one ('11-23' at 23 units) would pass the picture's edge.
MOST_DATES, LABEL_HALF = 8, 36
YEAR_ROW = 30  # under the dates, when the period runs across a new year


def coverage_svg(rows: list[tuple[str, str, int]], weeks: list[str] | None = None,
                 stories: dict[str, int] | None = None) -> str:
    """A stacked bar per week, one colour per source, with a legend below (an HTML list, readable
    at any width). `weeks` (week starts, oldest first) gives every slot of the period, so a week
    without stories shows as a gap and rows outside it (an article dated in the future) are left
    out; by default the rows' weeks."""
    weeks = sorted({w for w, _, _ in rows}) if weeks is None else weeks
    rows = [r for r in rows if r[0] in set(weeks)]
    sources = sorted({s for _, s, _ in rows})
    if not rows:
        return '<p class="muted">No matched stories in this period.</p>'
    counts = {(w, s): n for w, s, n in rows}
    colour = _colours(rows, sources)
    others = [source for source in sources if colour[source] == OTHER]
    own = [source for source in sources if colour[source] != OTHER]  # then the shared grey on top, as one
    totals = [sum(counts.get((w, s), 0) for s in sources) for w in weeks]
    top = max(totals) or 1
    plot_h = HEIGHT - BOTTOM - TOP
    step = (WIDTH - LEFT) / len(weeks)
    bar = max(2.0, step * 0.7)
    every = -(-len(weeks) // MOST_DATES)  # a date under every `every`th bar: at most eight, apart at any size
    # a period across a new year names the year under its first date and each date in a new year
    # (a two-year chart's '12-09' was there twice, either year)
    years = len({w[:4] for w in weeks}) > 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT + YEAR_ROW * years}" '
             f'role="img" aria-label="chart of stories per week per source (its figures follow as a table)" class="chart">',
             f'<text x="0" y="{TOP + 4}" class="axis">{top}</text>',
             f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH}" y2="{HEIGHT - BOTTOM}" stroke="#999"/>']
    shown_year = ""
    for i, week in enumerate(weeks):
        x, y = LEFT + i * step, float(HEIGHT - BOTTOM)
        # the sources sharing the grey are one segment: a rect each made a topic of 400 sources a
        # 1 MB page (10,000 rects over 26 weeks), drawn as one anyway
        rest = [n for source in others if (n := counts.get((week, source), 0))]
        segments = [(source, counts.get((week, source), 0), colour[source]) for source in own]
        segments += [(f"{len(rest)} other{'s' if len(rest) > 1 else ''}", sum(rest), OTHER)] if rest else []
        for name, n, fill in segments:
            if n:
                h = plot_h * n / top
                y -= h
                parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                             f'fill="{fill}"><title>{escape(week)} {escape(name)}: {n}</title></rect>')
        middle = x + bar / 2
        if i % every == 0 and LABEL_HALF <= middle <= WIDTH - LABEL_HALF:
            year = (f'<tspan x="{middle:.1f}" dy="1.15em">{escape(week[:4])}</tspan>'
                    if years and week[:4] != shown_year else "")
            shown_year = week[:4]
            parts.append(f'<text x="{middle:.1f}" y="{HEIGHT - BOTTOM + 4}" text-anchor="middle" '
                         f'dominant-baseline="hanging" class="axis">{escape(week[5:])}{year}</text>')
    # The legend is page text below the drawing: inside the SVG it scaled with it, to 6 px on a phone.
    keys = "".join(f'<li{zh(source)}><span class="key" style="background:{colour[source]}"></span>{escape(source)}</li>'
                   for source in sources if colour[source] != OTHER)
    if others:  # counted, their names a click away: a hundred county sites' names were a wall of text on a phone
        keys += (f'<li><details><summary><span class="key" style="background:{OTHER}"></span>{len(others)} others'
                 f'</summary><span{zh(" ".join(others))}>{escape(", ".join(others))}</span></details></li>')
    return "".join(parts) + f'</svg><ul class="legend">{keys}</ul>' + _figures(weeks, counts, sources, stories)


def _figures(weeks: list[str], counts: dict[tuple[str, str], int], sources: list[str],
             stories: dict[str, int] | None = None) -> str:
    """The chart's figures as a table for screen readers (hidden on the screen): a picture's bars
    said nothing but 'stories per week per source' to a colleague who cannot see them. Each week
    with stories, its count and its sources (the most first, ten named). The count is the week's
    `stories`, each once, when given: the bar's height adds each source's, and a week of one
    story sixty sites carried was said to have 60."""
    rows = []
    for week in weeks:
        by = sorted(((n, s) for s in sources if (n := counts.get((week, s), 0))), key=lambda x: (-x[0], x[1]))
        if by:
            named = ", ".join(f"{s} {n}" for n, s in by[:10]) + (f" and {len(by) - 10} more" if len(by) > 10 else "")
            n = stories.get(week, 0) if stories is not None else sum(n for n, _ in by)
            rows.append(f'<tr><td>{escape(week)}</td><td>{n}</td><td{zh(named)}>{escape(named)}</td></tr>')
    quiet = len(weeks) - len(rows)
    # in a hidden box, not a hidden table: a table is as wide as its rows whatever width it is
    # given, and the page of a phone scrolled sideways to its ~1,000 px
    return ('<div class="sr-only"><table><caption>The chart\'s figures: stories per week'
            + (f" ({quiet} week{'s' if quiet != 1 else ''} of the {len(weeks)} without any)" if quiet else "")
            + '</caption><thead><tr><th>week from</th><th>stories</th><th>by source</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table></div>")


def _colours(rows: list[tuple[str, str, int]], sources: list[str]) -> dict[str, str]:
    """Each source's colour, in the order of their names: all their own when the palette has
    enough; else the seven with the most stories in the period theirs, the rest OTHER."""
    if len(sources) <= len(PALETTE):
        return {source: PALETTE[j] for j, source in enumerate(sources)}
    totals: dict[str, int] = {}
    for _, source, n in rows:
        totals[source] = totals.get(source, 0) + n
    kept = set(sorted(sources, key=lambda s: (-totals[s], s))[: len(PALETTE) - 1])
    named = iter(PALETTE)
    return {source: next(named) if source in kept else OTHER for source in sources}
