"""Tests: fast hashing, in-memory cache and e-mail, tasks run immediately."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "kim.hashers.TemporaryPasswordHasher",
]
CACHES = LOCAL_CACHES  # noqa: F405 (the sizes of production without Redis)
# Off, so tests see what each request does; tests/pagecache switches it on.
PAGECACHE_ENABLED = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Serve static files straight from the app folders: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Each test process (one per pytest-xdist worker) keeps its own page-cache generations, in a
# folder of its own, removed when it ends.
_generation_folder = Path(tempfile.mkdtemp(prefix="portal-pagecache-test-"))
atexit.register(shutil.rmtree, _generation_folder, ignore_errors=True)
PAGECACHE_GENERATION_FILE = _generation_folder / "generation"
