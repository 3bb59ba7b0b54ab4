"""Build and measure the text each network gets: defaults, hashtags, counts and limits.

static/crossposting/crosspost.js counts the same way, so the live counts in the editor and
the checks on saving agree.
"""

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote, urljoin

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from .clients.base import Image
from .models import Network

X_LIMIT = 280
X_URL_LENGTH = 23
INSTAGRAM_LIMIT = 2200
INSTAGRAM_HASHTAG_LIMIT = 30
TELEGRAM_MESSAGE_LIMIT = 4096
TELEGRAM_CAPTION_LIMIT = 1024
FACEBOOK_LIMIT = 63206

URL_RE = re.compile(r"https?://[^\s]+")
TRAILING_PUNCTUATION = ".,;:!?)]}\"'"
# X counts these code point ranges as one and everything else (CJK, emoji) as two.
X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
# Instagram accepts JPEG photos between 4:5 (portrait) and 1.91:1 (landscape).
MIN_RATIO, MAX_RATIO = 4 / 5, 1.91


def urls_in(text):
    return [match.rstrip(TRAILING_PUNCTUATION) for match in URL_RE.findall(text)]


def x_length(text):
    """X's weighted length: links count 23, wide characters count 2."""
    text = unicodedata.normalize("NFC", text)
    total = 0
    for url in urls_in(text):
        text = text.replace(url, "", 1)
        total += X_URL_LENGTH
    for char in text:
        code = ord(char)
        total += 1 if any(lo <= code <= hi for lo, hi in X_LIGHT_RANGES) else 2
    return total


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Count:
    used: int
    limit: int
    label: str

    @property
    def over(self):
        return self.used > self.limit


def counts(network, text, *, has_image):
    """The counts the editor shows for a network's text, each against its limit."""
    if network == Network.X:
        return [Count(x_length(text), X_LIMIT, _("characters (links count 23)"))]
    if network == Network.INSTAGRAM:
        return [
            Count(len(text), INSTAGRAM_LIMIT, _("caption characters")),
            Count(len(re.findall(r"#\w+", text)), INSTAGRAM_HASHTAG_LIMIT, _("hashtags")),
        ]
    if network == Network.TELEGRAM:
        result = [Count(utf16_length(text), TELEGRAM_MESSAGE_LIMIT, _("message characters"))]
        if has_image:
            result.append(
                Count(utf16_length(text), TELEGRAM_CAPTION_LIMIT, _("photo caption characters"))
            )
        return result
    if network == Network.FACEBOOK_PAGE:
        return [Count(len(text), FACEBOOK_LIMIT, _("characters"))]
    return [Count(len(text), 65536, _("characters"))]


def problems(network, text, *, link, has_image):
    """Reasons a network would refuse this text, as sentences for the editor."""
    found = []
    if not text.strip():
        found.append(_("Write a text or leave this network's accounts unchosen."))
    if link not in text:
        found.append(_("Keep the link to the post in the text: %(link)s") % {"link": link})
    for count in counts(network, text, has_image=has_image):
        # A Telegram text too long for a caption goes out as a message without the photo.
        if count.over and count.limit != TELEGRAM_CAPTION_LIMIT:
            found.append(
                _("Too long: %(used)s of %(limit)s %(label)s.")
                % {"used": count.used, "limit": count.limit, "label": count.label}
            )
    if network == Network.INSTAGRAM and not has_image:
        found.append(_("Instagram needs a photo: give the post a main photo."))
    return found


def hashtag(name):
    words = re.findall(r"\w+", name)
    return "#" + "".join(w[:1].upper() + w[1:] for w in words) if words else ""


def hashtags(post):
    tags = [hashtag(tag.name) for tag in post.tags.all()]
    return " ".join(dict.fromkeys(tag for tag in tags if tag))


def post_link(post):
    """The post's public address in the portal's default language (Indonesian, no /en/)."""
    with translation.override(settings.LANGUAGE_CODE):
        parts = post.get_url_parts()
    path = parts[2] if parts else post.url_path
    return urljoin(settings.WAGTAILADMIN_BASE_URL + "/", path.lstrip("/"))


def default_text(network, post, *, link=None, tags=None):
    link = link or post_link(post)
    tags = hashtags(post) if tags is None else tags
    title, summary = post.title.strip(), post.summary.strip()
    if network == Network.X:
        for candidate in (f"{title}\n\n{link}\n{tags}", f"{title}\n\n{link}"):
            if x_length(candidate.strip()) <= X_LIMIT:
                return candidate.strip()
        room = X_LIMIT - X_URL_LENGTH - 3
        return f"{title[: room - 1]}…\n\n{link}"
    if network == Network.INSTAGRAM:
        read_more = _("Read more at %(link)s") % {"link": link}
        return "\n\n".join(p for p in (title, summary, read_more, tags) if p)
    if network in (Network.WHATSAPP_GROUP, Network.FACEBOOK_GROUP):
        return "\n\n".join(p for p in (f"*{title}*", summary, link) if p)
    return "\n\n".join(p for p in (title, summary, link, tags) if p)


def whatsapp_link(text):
    return "https://wa.me/?text=" + quote(text, safe="")


def rendition_spec(image):
    ratio = image.width / image.height if image.height else 1
    # A little inside the limits, so that rounding while resizing cannot cross them; the
    # usual 1200x628 link size is 1.911:1, which Instagram refuses.
    if ratio > MAX_RATIO - 0.005:
        size = "fill-1200x630"
    elif ratio < MIN_RATIO + 0.005:
        size = "fill-1080x1350"
    else:
        size = "max-1440x1440"
    return f"{size}|format-jpeg|jpegquality-85"


def post_image(post):
    """A JPEG rendition every network accepts, or None when the post has no photo."""
    if not post.hero_image_id:
        return None
    rendition = post.hero_image.get_rendition(rendition_spec(post.hero_image))
    url = urljoin(settings.WAGTAILADMIN_BASE_URL + "/", rendition.url.lstrip("/"))
    if rendition.url.startswith(("http://", "https://")):
        url = rendition.url
    return Image(
        url=url,
        # A new file object per call: worker threads upload the same photo at once.
        open=lambda: rendition.file.storage.open(rendition.file.name, "rb"),
        width=rendition.width,
        height=rendition.height,
    )
