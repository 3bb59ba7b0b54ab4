"""Illustrations drawn with Pillow for the demo: nothing is downloaded.

Each category has a motif (rice terraces, a road, a market stall...) drawn in a few colour
variants, with a label that says it is an illustration, so that nobody mistakes demo pictures
for photos of real events.
"""

import colorsys
import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1440, 810
SCALE = 2  # Drawn at twice the size and reduced, for smooth edges.
LOGO_SIZE = 256


def _font(size):
    return ImageFont.load_default(size=size)


def _shift(rgb, hue=0.0, light=0.0):
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in rgb))
    h = (h + hue) % 1.0
    lightness = min(1.0, max(0.0, lightness + light))
    return tuple(round(c * 255) for c in colorsys.hls_to_rgb(h, lightness, s))


def _gradient(draw, top, bottom, box):
    x0, y0, x1, y1 = box
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0 - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(x0, y), (x1, y)], fill=colour)


class Canvas:
    """A drawing surface in 'design units' (1440x810) that renders at SCALE."""

    def __init__(self, rng, hue):
        self.rng = rng
        self.hue = hue
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE))
        self.draw = ImageDraw.Draw(self.image)

    def c(self, rgb, light=0.0):
        return _shift(rgb, self.hue, light)

    def s(self, *values):
        return [round(v * SCALE) for v in values]

    def pts(self, points):
        return [(round(x * SCALE), round(y * SCALE)) for x, y in points]

    def sky(self, top, bottom, until=HEIGHT):
        _gradient(self.draw, self.c(top), self.c(bottom), self.s(0, 0, WIDTH, until))

    def rect(self, box, fill, radius=0):
        self.draw.rounded_rectangle(self.s(*box), radius=radius * SCALE, fill=fill)

    def ellipse(self, box, fill, outline=None, width=0):
        self.draw.ellipse(self.s(*box), fill=fill, outline=outline, width=width * SCALE)

    def polygon(self, points, fill):
        self.draw.polygon(self.pts(points), fill=fill)

    def line(self, points, fill, width):
        self.draw.line(self.pts(points), fill=fill, width=width * SCALE, joint="curve")

    def finish(self):
        return self.image.reduce(SCALE)


def _hills(cv, base_y, colour, amplitude, waves, phase):
    points = [(0, HEIGHT)]
    for i in range(0, 61):
        x = WIDTH * i / 60
        y = base_y - amplitude * (
            0.6 * _wave(i / 60 * waves + phase) + 0.4 * _wave(i / 60 * waves * 2.3 + phase * 2)
        )
        points.append((x, y))
    points.append((WIDTH, HEIGHT))
    cv.polygon(points, colour)


def _wave(t):
    import math

    return math.sin(t * math.tau)


def _sun(cv, x, y, r, colour):
    cv.ellipse((x - r * 1.5, y - r * 1.5, x + r * 1.5, y + r * 1.5), cv.c(colour, 0.12))
    cv.ellipse((x - r, y - r, x + r, y + r), cv.c(colour))


def _tree(cv, x, ground, size, leaf):
    cv.rect((x - size * 0.08, ground - size, x + size * 0.08, ground), (110, 78, 50))
    cv.ellipse((x - size * 0.45, ground - size * 1.5, x + size * 0.45, ground - size * 0.7), leaf)


def _house(cv, x, ground, w, wall, roof):
    h = w * 0.6
    cv.rect((x, ground - h, x + w, ground), wall)
    cv.polygon(
        [
            (x - w * 0.12, ground - h),
            (x + w / 2, ground - h - w * 0.45),
            (x + w * 1.12, ground - h),
        ],
        roof,
    )
    cv.rect((x + w * 0.4, ground - h * 0.6, x + w * 0.6, ground), cv.c((90, 60, 40)))


def draw_farm(cv):
    rng = cv.rng
    cv.sky((120, 190, 235), (250, 236, 200), 520)
    _sun(cv, rng.uniform(900, 1250), rng.uniform(120, 220), 70, (255, 200, 70))
    _hills(cv, 430, cv.c((95, 125, 150)), 90, 1.2, rng.random())
    greens = [(60, 140, 60), (88, 165, 70), (120, 185, 80), (70, 150, 65), (140, 195, 95)]
    y = 470
    for i, green in enumerate(greens):
        _hills(cv, y, cv.c(green), 18, 2 + i * 0.4, rng.random())
        for x in range(40, WIDTH, 70):
            cv.line([(x, y + 40), (x + 8, y + 18)], cv.c(green, -0.15), 3)
        y += 75


def draw_health(cv):
    rng = cv.rng
    cv.sky((210, 240, 238), (150, 210, 215))
    for _ in range(14):
        r = rng.uniform(20, 90)
        x, y = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT)
        cv.ellipse((x - r, y - r, x + r, y + r), cv.c((240, 255, 255), 0.02))
    cx, cy = rng.uniform(380, 560), 380
    cv.rect((cx - 220, cy - 220, cx + 220, cy + 220), (255, 255, 255), radius=60)
    red = cv.c((210, 60, 70))
    cv.rect((cx - 55, cy - 160, cx + 55, cy + 160), red, radius=18)
    cv.rect((cx - 160, cy - 55, cx + 160, cy + 55), red, radius=18)
    hx, hy = cx + 520, cy - 20
    heart = cv.c((235, 110, 120))
    cv.ellipse((hx - 150, hy - 130, hx + 10, hy + 30), heart)
    cv.ellipse((hx - 10, hy - 130, hx + 150, hy + 30), heart)
    cv.polygon([(hx - 147, hy - 30), (hx + 147, hy - 30), (hx, hy + 170)], heart)
    cv.line(
        [
            (hx - 330, hy + 260),
            (hx - 200, hy + 260),
            (hx - 160, hy + 190),
            (hx - 110, hy + 330),
            (hx - 60, hy + 230),
            (hx + 300, hy + 230),
        ],
        cv.c((40, 130, 140)),
        10,
    )


def draw_education(cv):
    rng = cv.rng
    cv.sky((255, 226, 180), (250, 245, 230))
    cv.rect((0, 640, WIDTH, HEIGHT), cv.c((170, 120, 80)))
    x = rng.uniform(180, 320)
    colours = [(200, 70, 60), (60, 110, 190), (70, 160, 110), (235, 170, 60), (130, 80, 170)]
    y = 640
    for i in range(5):
        w = rng.uniform(420, 560)
        h = rng.uniform(44, 70)
        offset = rng.uniform(-30, 30)
        cv.rect((x + offset, y - h, x + offset + w, y), cv.c(colours[i]), radius=8)
        cv.rect((x + offset + 20, y - h + 12, x + offset + 40, y - 12), (250, 245, 230))
        y -= h + 4
    px, py = x + 760, 300
    cv.polygon(
        [(px, py), (px + 420, py + 220), (px + 390, py + 270), (px - 30, py + 50)],
        cv.c((245, 190, 60)),
    )
    cv.polygon([(px + 420, py + 220), (px + 500, py + 290), (px + 390, py + 270)], (245, 220, 180))
    cv.polygon([(px + 470, py + 263), (px + 500, py + 290), (px + 460, py + 282)], (60, 60, 60))
    cv.ellipse(
        (px + 700, 90, px + 880, 270), cv.c((255, 250, 240)), outline=cv.c((200, 70, 60)), width=10
    )


def draw_infrastructure(cv):
    rng = cv.rng
    cv.sky((140, 200, 240), (230, 240, 250), 430)
    _hills(cv, 420, cv.c((120, 170, 110)), 25, 1.5, rng.random())
    cv.rect((0, 430, WIDTH, HEIGHT), cv.c((110, 170, 90)))
    vx = rng.uniform(620, 820)
    cv.polygon(
        [(vx - 20, 430), (vx + 20, 430), (WIDTH * 0.85, HEIGHT), (WIDTH * 0.15, HEIGHT)],
        (70, 72, 78),
    )
    for i in range(8):
        t0, t1 = (i + 0.2) / 8, (i + 0.6) / 8
        y0, y1 = 430 + (HEIGHT - 430) * t0**1.6, 430 + (HEIGHT - 430) * t1**1.6
        w0, w1 = 2 + 10 * t0, 2 + 10 * t1
        cx0 = vx + (WIDTH / 2 - vx) * t0**1.6
        cx1 = vx + (WIDTH / 2 - vx) * t1**1.6
        cv.polygon(
            [(cx0 - w0, y0), (cx0 + w0, y0), (cx1 + w1, y1), (cx1 - w1, y1)], (250, 250, 240)
        )
    for side in (-1, 1):
        for k in range(4):
            t = 0.15 + k * 0.25
            x = vx + side * (60 + 900 * t**1.4)
            top = 430 - 40 - 220 * t
            cv.line([(x, 430 + 340 * t**1.6), (x, top)], (90, 90, 95), max(2, round(10 * t)))
            cv.ellipse((x - 18 * t - 6, top - 10, x + 18 * t + 6, top + 10), cv.c((255, 230, 140)))
    cv.draw.arc(cv.s(80, 300, 520, 700), 180, 360, fill=cv.c((200, 90, 60)), width=14 * SCALE)


def draw_culture(cv):
    rng = cv.rng
    cv.sky((80, 60, 130), (245, 150, 90))
    _sun(cv, rng.uniform(300, 500), 300, 110, (255, 210, 120))
    _hills(cv, 620, cv.c((60, 40, 80)), 30, 1.1, rng.random())
    x0 = rng.uniform(700, 900)
    dark = cv.c((45, 30, 60))
    base = 700
    for i, (w, h) in enumerate([(420, 90), (340, 80), (270, 70), (200, 60), (140, 55), (90, 50)]):
        cv.rect((x0 - w / 2, base - h, x0 + w / 2, base), dark)
        cv.rect(
            (x0 - w / 2 + 12, base - h + 14, x0 - w / 2 + 30, base - 14),
            cv.c((245, 150, 90), -0.25 + i * 0.03),
        )
        base -= h
    cv.polygon([(x0 - 40, base), (x0 + 40, base), (x0, base - 130)], dark)
    cv.rect((0, 700, WIDTH, HEIGHT), cv.c((40, 28, 55)))
    for gx in (180, 330, 1250):
        cv.ellipse((gx - 55, 690, gx + 55, 760), cv.c((200, 150, 60)))
        cv.ellipse((gx - 22, 705, gx + 22, 745), cv.c((150, 100, 40)))


def draw_market(cv):
    rng = cv.rng
    cv.sky((255, 240, 220), (250, 215, 180))
    stripe_a, stripe_b = cv.c((210, 60, 60)), (255, 250, 245)
    x = 120
    n = 10
    w = (WIDTH - 240) / n
    for i in range(n):
        cv.polygon(
            [(x + i * w, 140), (x + (i + 1) * w, 140), (x + (i + 1) * w, 270), (x + i * w, 270)],
            stripe_a if i % 2 == 0 else stripe_b,
        )
        cv.ellipse((x + i * w, 230, x + (i + 1) * w, 310), stripe_a if i % 2 == 0 else stripe_b)
    cv.rect((140, 560, WIDTH - 140, 640), cv.c((150, 95, 60)))
    cv.rect((160, 640, WIDTH - 160, 800), cv.c((120, 75, 45)))
    cv.line([(150, 300), (150, 800)], cv.c((120, 75, 45)), 18)
    cv.line([(WIDTH - 150, 300), (WIDTH - 150, 800)], cv.c((120, 75, 45)), 18)
    px = 220
    while px < WIDTH - 300:
        kind = rng.choice(["jar", "basket", "bag"])
        colour = cv.c(rng.choice([(235, 170, 60), (90, 160, 90), (200, 90, 70), (120, 90, 170)]))
        if kind == "jar":
            cv.rect((px, 430, px + 110, 560), colour, radius=24)
            cv.rect((px + 20, 405, px + 90, 435), cv.c((80, 60, 50)), radius=6)
            cv.rect((px + 15, 470, px + 95, 520), (255, 250, 240), radius=6)
        elif kind == "basket":
            cv.draw.chord(cv.s(px - 10, 420, px + 150, 620), 0, 180, fill=cv.c((190, 140, 80)))
            for k in range(4):
                cv.ellipse((px + 10 + k * 30, 470, px + 50 + k * 30, 510), colour)
        else:
            cv.polygon([(px, 560), (px + 20, 440), (px + 120, 440), (px + 140, 560)], colour)
        px += rng.uniform(170, 230)


def draw_village(cv):
    rng = cv.rng
    cv.sky((150, 205, 240), (235, 245, 235), 450)
    _sun(cv, rng.uniform(150, 400), 150, 60, (255, 220, 90))
    _hills(cv, 380, cv.c((90, 140, 110)), 70, 0.9, rng.random())
    _hills(cv, 470, cv.c((110, 170, 90)), 35, 1.6, rng.random())
    river = [(WIDTH * 0.55, 480), (WIDTH * 0.5, 600), (WIDTH * 0.62, 700), (WIDTH * 0.55, 810)]
    cv.line(river, cv.c((80, 150, 210)), 60)
    for _ in range(5):
        x = rng.uniform(60, WIDTH * 0.42)
        _house(
            cv,
            x,
            rng.uniform(600, 760),
            rng.uniform(90, 140),
            cv.c((240, 225, 200)),
            cv.c((190, 80, 50)),
        )
    for _ in range(7):
        x = rng.uniform(WIDTH * 0.65, WIDTH - 40)
        _tree(cv, x, rng.uniform(600, 780), rng.uniform(90, 140), cv.c((50, 120, 60)))


def draw_news(cv):
    rng = cv.rng
    cv.sky((225, 232, 242), (190, 205, 225))
    px, py = rng.uniform(140, 260), 110
    cv.rect((px + 16, py + 16, px + 736, py + 616), (150, 160, 180), radius=10)
    cv.rect((px, py, px + 720, py + 600), (252, 252, 250), radius=10)
    ink = cv.c((40, 60, 100))
    cv.rect((px + 40, py + 40, px + 680, py + 100), ink, radius=6)
    cv.rect((px + 40, py + 130, px + 330, py + 330), cv.c((120, 170, 210)), radius=6)
    cv.polygon(
        [
            (px + 60, py + 320),
            (px + 170, py + 200),
            (px + 250, py + 280),
            (px + 290, py + 240),
            (px + 320, py + 320),
        ],
        cv.c((80, 140, 90)),
    )
    for k in range(6):
        cv.rect(
            (px + 360, py + 135 + k * 34, px + 680 - (k % 3) * 40, py + 151 + k * 34),
            (170, 175, 185),
            radius=4,
        )
    for k in range(6):
        cv.rect(
            (px + 40, py + 370 + k * 34, px + 680 - (k % 2) * 60, py + 386 + k * 34),
            (170, 175, 185),
            radius=4,
        )
    mx, my = px + 980, 380
    orange = cv.c((235, 120, 50))
    cv.polygon(
        [(mx - 160, my - 50), (mx + 120, my - 170), (mx + 120, my + 170), (mx - 160, my + 50)],
        orange,
    )
    cv.rect((mx - 220, my - 60, mx - 150, my + 60), cv.c((60, 60, 70)), radius=10)
    for k, r in enumerate((60, 110, 160)):
        cv.draw.arc(
            cv.s(mx + 120 + 20 * k - r, my - r, mx + 120 + 20 * k + r, my + r),
            -40,
            40,
            fill=orange,
            width=10 * SCALE,
        )


def draw_notice(cv):
    rng = cv.rng
    cv.sky((236, 230, 220), (220, 210, 195))
    cv.rect((120, 80, WIDTH - 120, 730), (140, 95, 60), radius=14)
    cv.rect((150, 110, WIDTH - 150, 700), (200, 160, 110), radius=8)
    for k in range(5):
        x = 200 + k * 230 + rng.uniform(-20, 20)
        y = 150 + rng.uniform(0, 120)
        w, h = rng.uniform(170, 210), rng.uniform(220, 330)
        paper = rng.choice([(255, 255, 250), (255, 245, 180), (210, 235, 255), (255, 220, 220)])
        cv.rect((x, y, x + w, y + h), paper, radius=4)
        for line in range(5):
            cv.rect(
                (x + 20, y + 50 + line * 34, x + w - 20 - (line % 2) * 30, y + 62 + line * 34),
                (160, 160, 170),
                radius=3,
            )
        cv.ellipse((x + w / 2 - 14, y - 6, x + w / 2 + 14, y + 22), cv.c((210, 50, 60)))


MOTIFS = {
    "farm": (draw_farm, "Ilustrasi sawah berundak hijau di kaki gunung pada pagi hari"),
    "health": (draw_health, "Ilustrasi tanda palang kesehatan dan gambar hati berwarna merah"),
    "education": (draw_education, "Ilustrasi tumpukan buku berwarna dan sebatang pensil"),
    "infrastructure": (
        draw_infrastructure,
        "Ilustrasi jalan beraspal baru dengan marka putih dan lampu jalan",
    ),
    "culture": (draw_culture, "Ilustrasi siluet candi dan gamelan saat senja berwarna jingga"),
    "market": (draw_market, "Ilustrasi lapak UMKM beratap kain garis merah dengan aneka produk"),
    "village": (draw_village, "Ilustrasi desa dengan rumah beratap genteng, sungai dan pepohonan"),
    "news": (draw_news, "Ilustrasi halaman koran dan pengeras suara berwarna jingga"),
    "notice": (draw_notice, "Ilustrasi papan pengumuman dengan kertas-kertas yang disematkan"),
}


def _label(image, title, subtitle):
    draw = ImageDraw.Draw(image, "RGBA")
    big, small = _font(44), _font(26)
    pad = 28
    width = max(draw.textlength(title, font=big), draw.textlength(subtitle, font=small)) + pad * 2
    x0, y0 = 48, HEIGHT - 48 - 130
    draw.rounded_rectangle((x0, y0, x0 + width, y0 + 130), radius=18, fill=(20, 24, 32, 200))
    draw.text((x0 + pad, y0 + 22), title, font=big, fill=(255, 255, 255))
    draw.text((x0 + pad, y0 + 82), subtitle, font=small, fill=(225, 230, 240))


def illustration(motif, variant, label):
    """Return (JPEG bytes, alt text) for a motif in one of its colour variants."""
    draw_fn, alt = MOTIFS[motif]
    rng = random.Random(f"{motif}-{variant}")  # noqa: S311 - illustration layout, not security
    hue = ((variant * 0.13) % 0.3) - 0.1 if variant else 0.0
    canvas = Canvas(rng, hue)
    draw_fn(canvas)
    image = canvas.finish()
    _label(image, label, "Ilustrasi · data demo Portal KIM")
    out = BytesIO()
    image.save(out, "JPEG", quality=88, optimize=True, progressive=True)
    return out.getvalue(), alt


def logo(initials, seed):
    """Return PNG bytes of a round group logo with the group's initials."""
    rng = random.Random(seed)  # noqa: S311 - colour choice, not security
    base = colorsys.hls_to_rgb(rng.random(), 0.38, 0.55)
    colour = tuple(round(c * 255) for c in base)
    size = LOGO_SIZE * SCALE
    image = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), fill=colour)
    draw.ellipse((40, 40, size - 40, size - 40), outline=(255, 255, 255), width=10)
    font = _font(round(size * 0.34))
    draw.text((size / 2, size / 2), initials, font=font, fill=(255, 255, 255), anchor="mm")
    image = image.reduce(SCALE)
    out = BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
