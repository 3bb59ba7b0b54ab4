"""Alternative text that helps nobody."""

import re

GENERIC_ALT = frozenset(
    "foto gambar image photo img picture pic dokumentasi dok untitled screenshot ilustrasi".split()
) | {"tanpa judul", "tangkapan layar"}
FILE_NAME = re.compile(
    r"^[\w\s().-]*\.(?:jpe?g|png|gif|webp|heic|bmp)$|^(?:img|dsc|pxl|wa)[-_\d]", re.I
)


def alt_problem(alt):
    """Return 'missing', 'generic' or '' for an image's alternative text."""
    alt = (alt or "").strip()
    if not alt:
        return "missing"
    if FILE_NAME.match(alt) or alt.lower().strip(" .") in GENERIC_ALT:
        return "generic"
    return ""
