"""Path converters for the public addresses that are not Wagtail pages."""


class RegionCodeConverter:
    """A Kemendagri region code: digits in dot-separated groups (33, 33.10, 33.10.01.2001).

    Anything else cannot name a region, so it is a 404 before any query: a NUL byte in a
    `str` segment reached PostgreSQL, which refuses it with an error (a 500).
    """

    regex = r"[0-9]{2}(?:\.[0-9]{2,4}){0,3}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
