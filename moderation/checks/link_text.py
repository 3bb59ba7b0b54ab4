"""A link whose text shows one address while it leads to another."""

from .links import find_urls, split_url


def _host(url):
    split = split_url(url)
    if split is None or split[0] == "special":
        return ""
    return split[2].removeprefix("www.")


def _same_site(shown, target):
    """The same host, or one inside the other (dinkes.klatenkab.go.id and klatenkab.go.id)."""
    return shown == target or shown.endswith("." + target) or target.endswith("." + shown)


def shown_domain_mismatch(text, url):
    """Return the domain a link's text names when the link leads elsewhere, or ''.

    Readers trust the address they see; phishing and defacement rely on a link that shows
    an office's address and leads to another site. No exception: the text must name the
    site the link opens, or no site at all.
    """
    target = _host(url)
    if not target or not text:
        return ""
    for _start, _end, shown_url in find_urls(text):
        shown = _host(shown_url)
        if shown and not _same_site(shown, target):
            return shown
    return ""
