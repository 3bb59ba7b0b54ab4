"""Static files as whitenoise stores them, each file's address worked out once per process."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Whitenoise's compressed files under hashed names, their addresses kept once found.

    The manifest is read when a process starts and does not change while it runs, and every
    page asks for the same few addresses (Wagtail's admin for dozens): finding one in the
    manifest cost 3% of a post page's instructions.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        key = (name, force)
        if key not in self._urls:
            self._urls[key] = super().url(name, force)
        return self._urls[key]
