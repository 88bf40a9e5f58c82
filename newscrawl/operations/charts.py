"""Inline SVG line charts for the HTML report: plain strings, no JavaScript, readable offline."""

from __future__ import annotations

import math
from html import escape

PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip
"""Series colours (Tableau 10): distinct on screen and in print."""
MAX_SERIES = len(PALETTE)


def nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5, 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def _fmt(value: float, percent: bool) -> str:
    if percent:
        return f"{value:.0%}"
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def line_chart(
    chart_id: str,
    title: str,
    x_labels: list[str],
    series: dict[str, list[float | None]],
    *,
    percent: bool = False,
    width: int = 760,
    height: int = 280,
) -> str:
    """One SVG line chart: a line per series over ``x_labels``; None leaves a gap.

    Percent charts run from 0 to 100 %; others from 0 to a round maximum. Each point has a
    ``<title>`` (hover text) with series, x label and value.
    """
    left, right, top, bottom = 56, 170, 34, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for vals in series.values() for v in vals if v is not None]
    y_max = 1.0 if percent else nice_max(max(values, default=0.0))
    n = len(x_labels)

    def x_at(i: int) -> float:
        return left + (plot_w / 2 if n == 1 else plot_w * i / (n - 1))

    def y_at(v: float) -> float:
        return top + plot_h * (1 - min(v, y_max) / y_max)

    out = [
        f'<svg id="{escape(chart_id)}" class="chart" xmlns="http://www.w3.org/2000/svg"'
        f' width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img"'
        f' aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<text x="{left}" y="20" class="chart-title">{escape(title)}</text>',
    ]
    for k in range(5):  # horizontal grid with y labels
        v = y_max * k / 4
        y = y_at(v)
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}"'
                   ' class="grid"/>')  # fmt: skip
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end"'
                   f' class="tick">{_fmt(v, percent)}</text>')  # fmt: skip
    step = max(1, math.ceil(n / 8))  # at most about 8 x labels
    for i, label in enumerate(x_labels):
        if i % step == 0 or i == n - 1:
            out.append(f'<text x="{x_at(i):.1f}" y="{top + plot_h + 18}" text-anchor="middle"'
                       f' class="tick">{escape(label)}</text>')  # fmt: skip
    out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}"'
               f' y2="{top + plot_h}" class="axis"/>')  # fmt: skip
    if not values:
        out.append(f'<text x="{left + plot_w / 2}" y="{top + plot_h / 2}" text-anchor="middle"'
                   ' class="tick">no data</text>')  # fmt: skip
    for index, (name, vals) in enumerate(list(series.items())[:MAX_SERIES]):
        colour = PALETTE[index % len(PALETTE)]
        out.append(f'<g class="series" data-series="{escape(name)}">')
        segment: list[str] = []
        for i, v in enumerate([*vals, None]):
            if v is None:
                if len(segment) > 1:
                    out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2"'
                               f' points="{" ".join(segment)}"/>')  # fmt: skip
                segment = []
                continue
            segment.append(f"{x_at(i):.1f},{y_at(v):.1f}")
            out.append(
                f'<circle cx="{x_at(i):.1f}" cy="{y_at(v):.1f}" r="3.5" fill="{colour}">'
                f"<title>{escape(name)} · {escape(x_labels[i])}: {_fmt(v, percent)}</title>"
                "</circle>"
            )
        out.append("</g>")
        ly = top + 6 + 18 * index
        out.append(f'<rect x="{left + plot_w + 14}" y="{ly}" width="12" height="12"'
                   f' fill="{colour}"/>')  # fmt: skip
        out.append(f'<text x="{left + plot_w + 32}" y="{ly + 10}" class="legend">'
                   f"{escape(name[:20])}</text>")  # fmt: skip
    hidden = len(series) - MAX_SERIES
    if hidden > 0:
        out.append(f'<text x="{left + plot_w + 14}" y="{top + 6 + 18 * MAX_SERIES + 10}"'
                   f' class="legend">+{hidden} more (see tables)</text>')  # fmt: skip
    out.append("</svg>")
    return "\n".join(out)
