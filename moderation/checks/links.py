"""Classify links: shorteners, look-alike government domains, risky downloads, gambling sites."""

import ipaddress
import re
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

SHORTENERS = frozenset(
    "bit.ly s.id tinyurl.com cutt.ly shorturl.at t.ly rb.gy is.gd v.gd ow.ly goo.gl tiny.cc "
    "bit.do adf.ly shorte.st t.co buff.ly rebrand.ly short.io shorturl.asia lnkd.in trib.al "
    "tiny.one s.coop clck.ru u.to 0x0.st qr.id link.id bitly.com shorturl.ws urlz.fr "
    "kutt.it".split()
)
# Government domains that impostors copy; a .go.id name one letter away from these is a fake.
OFFICIAL_DOMAINS = (
    "klatenkab.go.id",
    "karanganyarkab.go.id",
    "slemankab.go.id",
    "jatengprov.go.id",
    "jogjaprov.go.id",
    "komdigi.go.id",
    "kominfo.go.id",
    "kemkes.go.id",
    "covid19.go.id",
    "bps.go.id",
    "kemendagri.go.id",
    "kemensos.go.id",
    "bkn.go.id",
    "lapor.go.id",
    "prakerja.go.id",
    "polri.go.id",
    "bssn.go.id",
    "pu.go.id",
    "kemenkeu.go.id",
    "pajak.go.id",
    "bpjs-kesehatan.go.id",
    "bmkg.go.id",
    "bnpb.go.id",
    "kemdikbud.go.id",
)
EXECUTABLE_EXTENSIONS = frozenset("apk xapk apks exe msi bat cmd scr jar vbs ps1 com".split())
DOWNLOAD_EXTENSIONS = frozenset("zip rar 7z pdf doc docx xls xlsx ppt pptx".split())
GAMBLING_WORDS = (
    "gacor",
    "togel",
    "judi",
    "maxwin",
    "sbobet",
    "casino",
    "kasino",
    "jackpot",
    "pragmaticplay",
    "pgsoft",
    "situstoto",
    "dominoqq",
    "bandarqq",
    "pkv",
    "rtplive",
    "mahjong",
    "slotonline",
    "slot88",
    "akunpro",
    "sugarrush",
)
GAMBLING_TOKENS = frozenset("slot toto bet qq poker domino hoki rtp 4d scatter".split())
BRAND = re.compile(r"^[a-z]{3,}(?:88|77|99|777|4d|303|138|168|234|365|808|888)$")
CHEAP_TLDS = frozenset(
    "xyz top site online vip win bet club live fun icu lol pro store shop cc bid casino "
    "games game world today link click buzz rest monster cyou sbs cfd quest cam tk ml ga cf "
    "gq work fit space website digital".split()
)
# Hosting anyone can put a page on in minutes, under the host's name.
FREE_HOSTS = (
    "blogspot.com",
    "wordpress.com",
    "weebly.com",
    "wixsite.com",
    "000webhostapp.com",
    "github.io",
    "netlify.app",
    "vercel.app",
    "web.app",
    "firebaseapp.com",
    "glitch.me",
    "pages.dev",
    "herokuapp.com",
    "site123.me",
    "carrd.co",
    "my.id",
    "biz.id",
)
# Official suffixes and sites that are not under .go.id.
OFFICIAL_SUFFIXES = (".go.id", ".desa.id", ".ac.id", ".sch.id", ".mil.id", ".polri.go.id")
OFFICIAL_OTHER = (
    "bri.co.id",
    "bni.co.id",
    "bankmandiri.co.id",
    "bca.co.id",
    "btn.co.id",
    "pln.co.id",
    "posindonesia.co.id",
    "bi.go.id",
    "kemkes.go.id",
)
# Names of offices, programmes and banks that impostors put in an address.
OFFICE_WORDS = (
    "dukcapil",
    "capil",
    "dinkes",
    "dinsos",
    "disdik",
    "disperta",
    "dinkop",
    "dinas",
    "kemensos",
    "kemenkes",
    "kemendagri",
    "kemenag",
    "kemnaker",
    "kemdikbud",
    "kominfo",
    "komdigi",
    "bpjs",
    "pemkab",
    "pemkot",
    "pemprov",
    "pemda",
    "pemdes",
    "bansos",
    "prakerja",
    "samsat",
    "korlantas",
    "polri",
    "pajak",
    "atrbpn",
    "sertifikat",
    "kartutani",
    "subsidi",
    "bantuan",
    "cpns",
    "kependudukan",
)
OFFICE_TOKENS = frozenset(
    "bri bni bca btn pln bpn bkn blt pkh ktp ikd ptsl bpum pbi jkn kip".split()
)
BARE_URL = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s<>\"'()\[\]{}]+|"
    r"\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:id|com|net|org|xyz|info|top|site|online|co|"
    r"me|ly|at|gd|cc|io|link|club|vip|live|app|win|bet|pro|biz|asia|click|shop|store|icu|fun|"
    r"lol)\b(?:/[^\s<>\"'()\[\]{}]*)?",
    re.I,
)


def find_urls(text):
    """Return (start, end, url) of each address written in plain text."""
    urls = []
    for m in BARE_URL.finditer(text or ""):
        url = m.group().rstrip(".,;:!?")
        urls.append((m.start(), m.start() + len(url), url))
    return urls


def split_url(url):
    """Return (scheme, host as written, lower-case host, path) or None for non-web links."""
    url = url.strip()
    if re.match(r"^(?:mailto|tel|sms|javascript|data):", url, re.I):
        return ("special", "", "", url)
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I):
        if url.startswith(("/", "#", "?")):
            return None
        url = "//" + url
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    raw_host = netloc.split(":")[0].strip("[]")
    if not raw_host:
        return None
    return (parts.scheme.lower(), raw_host, raw_host.lower().rstrip("."), unquote(parts.path))


def _distance_one(a, b):
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def official_domains():
    return tuple(OFFICIAL_DOMAINS) + tuple(getattr(settings, "MODERATION_OFFICIAL_DOMAINS", ()))


def government_lookalike(raw_host, host):
    """Say why a host imitates a government (.go.id) domain, or return ''."""
    if host.startswith("xn--") or ".xn--" in host or not host.isascii():
        return _("the address uses look-alike letters from another alphabet")
    if host.endswith(".go.id"):
        if "I" in raw_host:
            return _("the address uses a capital I where an l is expected")
        name = host.removesuffix(".go.id").rsplit(".", 1)[-1]
        for official in official_domains():
            official_name = official.removesuffix(".go.id").rsplit(".", 1)[-1]
            if len(official_name) >= 5 and _distance_one(name, official_name):
                return _("the address is one letter away from %(domain)s") % {"domain": official}
        return ""
    if (
        re.search(r"(?:^|[.-])(?:gov?|g0v?)[-.]?id(?:[.-]|$)", host)
        or host.endswith(".gov.id")
        or ".go.id." in host
    ):
        return _("real government addresses end in .go.id")
    return ""


def registrable(host):
    """Return the name a site owner registers: klatenkab.go.id, example.com."""
    labels = host.removeprefix("www.").split(".")
    size = (
        3
        if len(labels) >= 3
        and labels[-2] in ("go", "co", "or", "ac", "web", "my", "sch", "desa", "mil", "net", "biz")
        else 2
    )
    return ".".join(labels[-size:])


def is_official(host):
    host = host.removeprefix("www.")
    return host.endswith(OFFICIAL_SUFFIXES) or any(
        host == d or host.endswith("." + d) for d in (*official_domains(), *OFFICIAL_OTHER)
    )


def free_host(host):
    return next((h for h in FREE_HOSTS if host == h or host.endswith("." + h)), "")


def office_named(host, path=""):
    """Return the office or programme an address names, or ''."""
    lowered = f"{host}/{path}".lower()
    for word in OFFICE_WORDS:
        if word in lowered:
            return word
    return next(iter(sorted(OFFICE_TOKENS & _url_tokens(host, path))), "")


def impersonation(host, path):
    """Say why an address on a cheap, free or short domain poses as an office, or return ''."""
    if is_official(host):
        return ""
    office = office_named(host, path)
    if not office:
        return ""
    cheap = host.rsplit(".", 1)[-1] in CHEAP_TLDS
    hosted = free_host(host)
    if cheap or hosted or host.removeprefix("www.") in SHORTENERS:
        return _(
            "the address names an office or programme (%(office)s) but sits on %(domain)s, "
            "which anyone can register in minutes; official sites end in .go.id"
        ) % {"office": office, "domain": hosted or "." + host.rsplit(".", 1)[-1]}
    return ""


CREDENTIALS = re.compile(
    r"\b(?:NIK|nomor\s+(?:KK|rekening|kartu|induk)|no\.?\s*(?:KK|rek)|kartu\s+keluarga|KTP|"
    r"(?:kode\s+)?OTP|kode\s+(?:verifikasi|rahasia|aktivasi)|PIN|kata\s+sandi|password|CVV|"
    r"nama\s+ibu\s+kandung|foto\s+selfie)\b",
    re.I,
)


def asks_for_credentials(text):
    """Say whether a text asks for ID numbers, one-time codes, PINs or passwords."""
    return bool(CREDENTIALS.search(text or ""))


def credential_bait(url):
    """Say why a link to collect ID numbers or codes is not an office's own, or return ''."""
    split = split_url(url)
    if not split or split[0] == "special":
        return ""
    _scheme, _raw, host, path = split
    if is_official(host):
        return ""
    office = office_named(host, path)
    if office:
        return _(
            "the post asks for ID numbers, codes or PINs through an address that names an "
            "office or programme (%(office)s) but is not an official site"
        ) % {"office": office}
    return ""


def shown_domain_mismatch(text, url):
    """Say why a link's text shows one site while it leads to another, or return ''."""
    target = split_url(url)
    if not target or target[0] == "special" or not text:
        return ""
    for _start, _end, shown_url in find_urls(text):
        shown = split_url(shown_url)
        if not shown or shown[0] == "special":
            continue
        if registrable(shown[2]) != registrable(target[2]):
            return _("the link shows %(shown)s but leads to %(host)s") % {
                "shown": shown[2].removeprefix("www."),
                "host": target[2],
            }
    return ""


def _url_tokens(host, path):
    words = re.split(r"[^a-z0-9]+", f"{host} {path}".lower())
    tokens = set()
    for word in words:
        tokens.add(word)
        tokens.update(re.findall(r"[a-z]+|\d+[a-z]?", word))
    return tokens


NEWS_PATH = re.compile(
    r"berita|news|artikel|siaran-?pers|pemberantasan|berantas|bahaya|stop|lawan|cegah|"
    r"sosialisasi|tangkap|ringkus|blokir",
    re.I,
)


def gambling_site(host, path):
    """Say whether a link's address points at online gambling."""
    labels = host.split(".")
    lowered = f"{host}/{path}".lower()
    if is_official(host) and NEWS_PATH.search(path):
        # A news page about gambling on an official site ("/berita/berantas-judi-online").
        return False
    if any(word in lowered for word in GAMBLING_WORDS):
        return True
    if GAMBLING_TOKENS & _url_tokens(host, "") and not host.endswith(".go.id"):
        return True
    name = labels[-2] if len(labels) >= 2 else labels[0]
    if BRAND.match(name) and (labels[-1] in CHEAP_TLDS or GAMBLING_TOKENS & _url_tokens(name, "")):
        return True
    return False


def link_problems(url):
    """Return a list of (kind, reason) for one link; kind is 'gambling' or 'suspicious'."""
    split = split_url(url)
    if split is None or split[0] == "special":
        return []
    scheme, raw_host, host, path = split
    problems = []
    if gambling_site(host, path):
        problems.append(("gambling", _("the address points at an online gambling site")))
    bare = host.removeprefix("www.")
    if bare in SHORTENERS:
        problems.append(
            (
                "suspicious",
                _("%(host)s is a link shortener that hides where the link goes") % {"host": bare},
            )
        )
    try:
        ipaddress.ip_address(host)
        problems.append(("suspicious", _("the address is a bare IP number, not a named site")))
    except ValueError:
        pass
    lookalike = government_lookalike(raw_host, host)
    if lookalike:
        problems.append(("suspicious", lookalike))
    posing = impersonation(host, path)
    if posing:
        problems.append(("suspicious", posing))
    extension = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    secure = scheme == "https"
    if extension in EXECUTABLE_EXTENSIONS and not (secure and host.endswith(".go.id")):
        problems.append(
            (
                "suspicious",
                _("the link downloads an app or program (.%(ext)s), a common way to spread malware")
                % {"ext": extension},
            )
        )
    elif extension in DOWNLOAD_EXTENSIONS and not secure:
        problems.append(
            (
                "suspicious",
                _("the link downloads a file (.%(ext)s) without a secure https:// connection")
                % {"ext": extension},
            )
        )
    return problems
