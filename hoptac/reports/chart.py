"""A grouped bar chart drawn twice: SVG for the PDF and PNG (Pillow) for the DOCX."""

from __future__ import annotations

import io
from html import escape
from pathlib import Path

from hoptac.reports.blocks import Chart
from hoptac.reports.numbers import fmt_number

COLOURS = ["#9aa9bd", "#1f4e79"]  # previous year, this year
WIDTH, HEIGHT = 900, 420
LEFT, RIGHT, TOP, BOTTOM = 60, 20, 50, 110

_FONT_DIRS = [
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/truetype/dejavu",
]
_FONT_FILES = ["LiberationSerif-Regular.ttf", "DejaVuSerif.ttf", "DejaVuSans.ttf"]


def _layout(chart: Chart):
    """Yield (category index, series index, x, y, w, h, value) for each bar."""
    top = max([v for _, vals in chart.series for v in vals] + [1])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n_cat, n_ser = len(chart.categories), len(chart.series)
    slot = plot_w / max(n_cat, 1)
    bar_w = slot * 0.7 / max(n_ser, 1)
    for ci in range(n_cat):
        for si, (_, values) in enumerate(chart.series):
            v = values[ci]
            h = plot_h * v / top
            x = LEFT + ci * slot + slot * 0.15 + si * bar_w
            yield ci, si, x, TOP + plot_h - h, bar_w, h, v


def _wrap(text: str, width: int = 18) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line][:4]


def chart_svg(chart: Chart) -> str:
    """Return the chart as an SVG element (text in the report's font)."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" aria-label="{escape(chart.title)}" '
        'font-family="Times New Roman, Liberation Serif, serif" font-size="16">',
        f'<text x="{WIDTH / 2}" y="24" text-anchor="middle" font-weight="bold">'
        f"{escape(chart.title)}</text>",
        f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" '
        f'y2="{HEIGHT - BOTTOM}" stroke="#000"/>',
    ]
    slot = (WIDTH - LEFT - RIGHT) / max(len(chart.categories), 1)
    for _ci, si, x, y, w, h, v in _layout(chart):
        out.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{COLOURS[si % 2]}"/>'
        )
        out.append(
            f'<text x="{x + w / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">{fmt_number(v)}</text>'
        )
    for ci, cat in enumerate(chart.categories):
        cx = LEFT + ci * slot + slot / 2
        for li, line in enumerate(_wrap(cat)):
            out.append(
                f'<text x="{cx:.1f}" y="{HEIGHT - BOTTOM + 20 + li * 18}" '
                f'text-anchor="middle" font-size="14">{escape(line)}</text>'
            )
    for si, (legend, _) in enumerate(chart.series):
        lx = LEFT + si * 120
        out.append(f'<rect x="{lx}" y="34" width="14" height="14" fill="{COLOURS[si % 2]}"/>')
        out.append(f'<text x="{lx + 20}" y="46">{escape(legend)}</text>')
    out.append("</svg>")
    return "".join(out)


def _font(size: int):
    from PIL import ImageFont

    for d in _FONT_DIRS:
        for name in _FONT_FILES:
            path = Path(d) / name
            if path.exists():
                return ImageFont.truetype(str(path), size)
    return ImageFont.load_default()


def chart_png(chart: Chart, scale: int = 2) -> bytes:
    """Return the chart as PNG bytes, drawn with Pillow at `scale` times the SVG size."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (WIDTH * scale, HEIGHT * scale), "white")
    draw = ImageDraw.Draw(img)
    font, small, bold = _font(16 * scale), _font(14 * scale), _font(17 * scale)
    s = scale
    draw.text((WIDTH * s / 2, 12 * s), chart.title, fill="black", font=bold, anchor="mt")
    base = (HEIGHT - BOTTOM) * s
    draw.line([(LEFT * s, base), ((WIDTH - RIGHT) * s, base)], fill="black", width=s)
    for _ci, si, x, y, w, h, v in _layout(chart):
        draw.rectangle([x * s, y * s, (x + w) * s, (y + h) * s], fill=COLOURS[si % 2])
        draw.text(
            ((x + w / 2) * s, (y - 4) * s), fmt_number(v), fill="black", font=font, anchor="mb"
        )
    slot = (WIDTH - LEFT - RIGHT) / max(len(chart.categories), 1)
    for ci, cat in enumerate(chart.categories):
        cx = LEFT + ci * slot + slot / 2
        for li, line in enumerate(_wrap(cat)):
            draw.text(
                (cx * s, (HEIGHT - BOTTOM + 8 + li * 18) * s),
                line,
                fill="black",
                font=small,
                anchor="mt",
            )
    for si, (legend, _) in enumerate(chart.series):
        lx = LEFT + si * 120
        draw.rectangle([lx * s, 34 * s, (lx + 14) * s, 48 * s], fill=COLOURS[si % 2])
        draw.text(((lx + 20) * s, 41 * s), legend, fill="black", font=font, anchor="lm")
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()
