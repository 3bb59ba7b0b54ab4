"""Small bar charts drawn as inline SVG on the server: no script, no outside service."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

BAR_COLOUR = "#2e6f95"
TEXT_COLOUR = "#1d1d1d"


def column_chart(items, *, title, width=560, height=180):
    """Vertical bars, one per (label, value), e.g. posts per month."""
    items = list(items)
    if not items:
        return ""
    top = max((value for _label, value in items), default=0) or 1
    left, bottom, gap = 28, 34, 4
    plot_h = height - bottom - 16
    slot = (width - left) / len(items)
    bar_w = max(slot - gap, 2)
    bars = []
    for index, (label, value) in enumerate(items):
        h = plot_h * value / top
        x = left + index * slot
        y = 16 + plot_h - h
        bars.append((x, y, bar_w, h, label, value, x + bar_w / 2, height - bottom + 14, y - 3))
    body = format_html_join(
        "",
        '<g><title>{4}: {5}</title><rect x="{0}" y="{1}" width="{2}" '
        'height="{3}" fill="' + BAR_COLOUR + '"></rect>'
        '<text x="{6}" y="{7}" text-anchor="middle" font-size="10">{4}</text>'
        '<text x="{6}" y="{8}" text-anchor="middle" font-size="10">{5}</text></g>',
        bars,
    )
    return _svg(title, width, height, body)


def bar_chart(items, *, title, width=560, row=22, label_width=230):
    """Horizontal bars, one per (label, value), e.g. the most common rejection reasons."""
    items = list(items)
    if not items:
        return ""
    top = max(value for _label, value in items) or 1
    height = row * len(items) + 8
    plot_w = width - label_width - 40
    rows = []
    for index, (label, value) in enumerate(items):
        y = 4 + index * row
        short = label if len(label) <= 38 else label[:37] + "…"
        length = plot_w * value / top
        rows.append(
            _numbers(y, y + row * 0.65)
            + (short,)
            + _numbers(label_width, length, row - 6, label_width + length + 4)
            + (value, label)
        )
    body = format_html_join(
        "",
        "<g><title>{8}: {7}</title>"
        '<text x="0" y="{1}" font-size="11">{2}</text>'
        '<rect x="{3}" y="{0}" width="{4}" height="{5}" fill="' + BAR_COLOUR + '"></rect>'
        '<text x="{6}" y="{1}" font-size="11">{7}</text></g>',
        rows,
    )
    return _svg(title, width, height, body)


def _numbers(*values):
    return tuple(f"{value:.1f}" for value in values)


def _svg(title, width, height, body):
    return format_html(
        '<svg class="ws-chart" role="img" viewBox="0 0 {0} {1}" width="100%" '
        'style="max-width:{0}px" fill="' + TEXT_COLOUR + '" '
        'xmlns="http://www.w3.org/2000/svg"><title>{2}</title>{3}</svg>',
        width,
        height,
        title,
        mark_safe(body),  # noqa: S308 (built with format_html_join)
    )
