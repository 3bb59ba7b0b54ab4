"""Bar charts drawn as SVG on the server: no JavaScript library, readable on a phone."""

from django.utils.html import format_html, format_html_join

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 140
BAR_WIDTH = 180
WIDTH = LABEL_WIDTH + BAR_WIDTH + 50


def bar_chart(items, *, title):
    """Horizontal bars for ``[(label, value), ...]``, scaled to the largest value."""
    items = list(items)
    largest = max((value for _label, value in items), default=0) or 1
    height = len(items) * (BAR_HEIGHT + GAP) + GAP
    rows = []
    for index, (label, value) in enumerate(items):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = round(BAR_WIDTH * value / largest)
        rows.append(
            (
                y + BAR_HEIGHT * 0.7,
                label,
                LABEL_WIDTH,
                y,
                width,
                BAR_HEIGHT,
                LABEL_WIDTH + width + 6,
                y + BAR_HEIGHT * 0.7,
                value,
            )
        )
    body = format_html_join(
        "",
        '<text x="0" y="{}" font-size="13">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#1d6fa5"></rect>'
        '<text x="{}" y="{}" font-size="13">{}</text>',
        rows,
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {w} {h}" '
        'width="100%" style="max-width:{w}px" aria-label="{t}"><title>{t}</title>{b}</svg>',
        w=WIDTH,
        h=height,
        t=title,
        b=body,
    )
