"""Fetch the public site as a crawler does and report what an injection leaves behind.

Gambling defacements are links hidden in pages that look normal: in an element styled out of
sight, in text a reader cannot see, or simply to a domain the district never links to. The
scan reads the sitemap, fetches every page it lists over HTTP (what a search engine sees,
whatever put it there: the database, a template, a proxy), and reports
- every link, frame, script, image or form pointing at a domain outside the allow-list
  (editors keep it in the admin: operations.AllowedDomain; the site's own hosts always pass);
- every hidden element holding text or a link (inline display:none, visibility:hidden,
  opacity:0, font-size:0, off-screen positions, zero size, text coloured like its background,
  the hidden attribute, or a <style> element in the page hiding it), and zero-width
  characters in the text.
"""

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
from bs4 import BeautifulSoup, Comment
from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Site

from .models import AllowedDomain, normalise_domain

TIMEOUT = (5, 20)  # seconds to connect, to read
USER_AGENT = "PortalKIM-scan/1 (+scan_public_pages)"
MAX_SITEMAPS = 50
LOC = re.compile(r"<loc>\s*(.*?)\s*</loc>", re.IGNORECASE | re.DOTALL)
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u180e]")
# Attributes that make the browser fetch or navigate to another address.
LINK_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "iframe": "src",
    "frame": "src",
    "script": "src",
    "img": "src",
    "embed": "src",
    "object": "data",
    "form": "action",
    "link": "href",
    "source": "src",
}
OFF_SCREEN = re.compile(r"(?:^|;)(?:left|top|right|text-indent|margin-left|margin-top):-\d{3,}")
ZERO_SIZE = re.compile(r"(?:^|;)(?:width|height|max-width|max-height):0(?:px|em|rem|%)?(?:;|$)")
HIDING_DECLARATIONS = re.compile(
    r"display:none|visibility:hidden|opacity:0(?:\.0+)?(?:;|$|})|font-size:0(?:px|em|rem|pt|%)?(?:;|$|})"
    r"|clip:rect\(0|(?:left|top|text-indent):-\d{3,}"
)
COLOUR = re.compile(r"(?:^|;)color:([^;]+)")
BACKGROUND = re.compile(r"(?:^|;)background(?:-color)?:([^;]+)")
STYLE_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


@dataclass
class Finding:
    page: str
    kind: str  # outbound_link() or hidden_content(), in the active language
    detail: str

    def __str__(self):
        return f"{self.page}: {self.kind}: {self.detail}"


@dataclass
class ScanReport:
    pages: list = field(default_factory=list)
    findings: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def clean(self):
        return not self.findings and not self.errors


def outbound_link():
    return _("outbound link")


def hidden_content():
    return _("hidden content")


def own_hosts(base_url):
    hosts = {urlsplit(base_url).hostname, urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname}
    hosts |= set(Site.objects.values_list("hostname", flat=True))
    return {normalise_domain(host) for host in hosts if host}


def allowed_domains():
    return AllowedDomain.objects.hosts() | {
        normalise_domain(domain) for domain in settings.SCAN_ALLOWED_DOMAINS
    }


def is_allowed(host, allowed):
    host = normalise_domain(host)
    return any(host == domain or host.endswith(f".{domain}") for domain in allowed)


def scan_site(base_url=None, *, session=None):
    """Fetch the sitemap at `base_url` and every page it lists; return a ScanReport."""
    base_url = (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    session = session or requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    allowed = allowed_domains() | own_hosts(base_url)
    report = ScanReport()
    addresses = [f"{base_url}/"] + [
        address for address in page_addresses(session, base_url, report) if address
    ]
    for address in dict.fromkeys(addresses):
        try:
            response = session.get(address, timeout=TIMEOUT)
        except requests.RequestException as error:
            report.errors.append(f"{address}: {error}")
            continue
        if response.status_code != 200:
            report.errors.append(f"{address}: HTTP {response.status_code}")
            continue
        report.pages.append(address)
        if "html" in response.headers.get("Content-Type", ""):
            report.findings += inspect_page(address, response.text, allowed)
    return report


def page_addresses(session, base_url, report):
    """Every <loc> of the sitemap (and of the sitemaps it indexes), fetched at base_url.

    Listed addresses carry the public host; the scan may run against another address of the
    same site (an internal one, a test server), so only their path is kept.
    """
    queue, seen = [f"{base_url}/sitemap.xml"], set()
    while queue and len(seen) < MAX_SITEMAPS:
        sitemap = queue.pop(0)
        if sitemap in seen:
            continue
        seen.add(sitemap)
        try:
            response = session.get(sitemap, timeout=TIMEOUT)
            response.raise_for_status()
        except requests.RequestException as error:
            report.errors.append(f"{sitemap}: {error}")
            continue
        is_index = "<sitemapindex" in response.text[:500]
        for loc in LOC.findall(response.text):
            parts = urlsplit(html.unescape(loc))
            address = f"{base_url}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
            if is_index:
                queue.append(address)
            else:
                yield address


def inspect_page(address, text, allowed):
    """Findings in one page's HTML."""
    soup = BeautifulSoup(text, "html.parser")
    findings = []
    for tag_name, attribute in LINK_ATTRIBUTES.items():
        for element in soup.find_all(tag_name, attrs={attribute: True}):
            target = urljoin(address, element[attribute].strip())
            parts = urlsplit(target)
            if parts.scheme in {"http", "https"} and parts.hostname:
                if not is_allowed(parts.hostname, allowed):
                    detail = _("<%(tag)s> to %(url)s") % {"tag": tag_name, "url": target}
                    findings.append(Finding(address, outbound_link(), detail))
            elif parts.scheme == "javascript":
                detail = _("<%(tag)s> runs %(url)s") % {"tag": tag_name, "url": target}
                findings.append(Finding(address, outbound_link(), detail))
    for element, reason in hidden_elements(soup):
        content = visible_content(element)
        if content:
            findings.append(Finding(address, hidden_content(), f"{reason}: {content}"))
    body = soup.body or soup
    for string in body.find_all(string=ZERO_WIDTH):
        if not isinstance(string, Comment):
            excerpt = ZERO_WIDTH.sub("\u2423", str(string).strip())[:80]
            detail = _("zero-width characters in %(text)s") % {"text": repr(excerpt)}
            findings.append(Finding(address, hidden_content(), detail))
    return findings


def hidden_elements(soup):
    """(element, reason) for each element the page hides from readers."""
    for element in soup.find_all(True):
        if element.has_attr("hidden"):
            yield element, _("hidden attribute")
            continue
        style = re.sub(r"\s+", "", element.get("style", "")).lower()
        reason = hiding_reason(style) if style else None
        if reason:
            yield element, reason
    body = soup.body or soup
    for style_element in body.find_all("style"):
        for selectors, declarations in STYLE_RULE.findall(style_element.get_text()):
            compact = re.sub(r"\s+", "", declarations).lower()
            if not HIDING_DECLARATIONS.search(compact):
                continue
            for selector in selectors.split(","):
                try:
                    matched = soup.select(selector.strip())
                except Exception:  # an odd selector: the rule is reported by what it hides
                    matched = []
                for element in matched:
                    rule = repr(selector.strip())
                    yield element, _("hidden by <style> rule %(rule)s") % {"rule": rule}


def hiding_reason(style):
    if "display:none" in style:
        return "display:none"
    if "visibility:hidden" in style or "visibility:collapse" in style:
        return "visibility:hidden"
    if re.search(r"(?:^|;)opacity:0(?:\.0+)?(?:;|$)", style):
        return "opacity:0"
    if re.search(r"(?:^|;)font-size:0(?:px|em|rem|pt|%)?(?:;|$)", style):
        return "font-size:0"
    if OFF_SCREEN.search(style) or "clip:rect(0" in style:
        return _("off-screen")
    if ZERO_SIZE.search(style) and "overflow:hidden" in style:
        return _("zero size")
    colour, background = COLOUR.search(style), BACKGROUND.search(style)
    if colour and background and colour.group(1) == background.group(1):
        return _("text coloured like its background")
    return None


def visible_content(element):
    """What a hidden element would show: its links and text, less buttons (scripts reveal those)."""
    links = [a["href"] for a in element.find_all("a", href=True)]
    if element.name == "a" and element.has_attr("href"):
        links.insert(0, element["href"])
    texts = [
        str(string).strip()
        for string in element.find_all(string=True)
        if str(string).strip()
        and not isinstance(string, Comment)
        and string.find_parent(["button", "script", "template"]) is None
    ]
    if element.name in {"script", "template", "style", "button"}:
        texts = []
    parts = [_("link to %(url)s") % {"url": link} for link in links] + (
        [" ".join(texts)[:120]] if texts else []
    )
    return "; ".join(parts)
