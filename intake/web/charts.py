"""Small charts as inline SVG, drawn on the server: no JavaScript library, no CDN, and they
print. Labels are escaped; numbers are laid out on a fixed grid so the page does not jump.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH = 720
BAR_COLOUR = "#1f6fb2"


def columns(points: Sequence[tuple[str, int]], height: int = 180, title: str = "") -> Markup:
    """Vertical bars, one per label (e.g. per day), with the count above each bar."""
    n = max(1, len(points))
    top = max([v for _, v in points] + [1])
    slot = (WIDTH - 40) / n
    bar = max(2.0, slot * 0.7)
    base = height - 24
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="30" y1="{base}" x2="{WIDTH - 10}" y2="{base}" stroke="#999"/>',
    ]
    label_every = max(1, round(n / 15))
    for i, (label, value) in enumerate(points):
        x = 30 + i * slot + (slot - bar) / 2
        h = (base - 20) * value / top
        parts.append(
            f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
            f'fill="{BAR_COLOUR}"><title>{escape(label)}: {value}</title></rect>'
        )
        if value:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{base - h - 4:.1f}" font-size="11" '
                f'text-anchor="middle">{value}</text>'
            )
        if i % label_every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - 8}" font-size="11" '
                f'text-anchor="middle" fill="#444">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def bars(rows: Sequence[tuple[str, float, str]], title: str = "") -> Markup:
    """Horizontal bars: (label, value in 0..max, text shown after the bar)."""
    row_h, label_w = 26, 300
    height = max(1, len(rows)) * row_h + 10
    top = max([v for _, v, _ in rows] + [1e-9])
    span = WIDTH - label_w - 80
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, value, text) in enumerate(rows):
        y = 5 + i * row_h
        w = span * value / top if top else 0
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 17}" font-size="12" text-anchor="end">'
            f"{escape(label[:48])}</text>"
            f'<rect x="{label_w}" y="{y + 4}" width="{max(w, 1):.1f}" height="{row_h - 10}" '
            f'fill="{BAR_COLOUR}"/>'
            f'<text x="{label_w + max(w, 1) + 6:.1f}" y="{y + 17}" font-size="12">'
            f"{escape(text)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
