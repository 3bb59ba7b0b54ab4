import shutil

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import translation


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    """Give every test its own media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture(autouse=True)
def _default_language():
    """Start every test in the default language, whatever an earlier test's request chose.

    A request activates its language in the thread and leaves it there; page URLs (and so
    page-cache keys) made by the next test would otherwise carry, say, the /en/ prefix.
    """
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Start every test with empty caches: Wagtail keeps site roots and renditions there."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def region_tree(db):
    from tests.factories import region_tree

    return region_tree()


@pytest.fixture
def superuser(db):
    from tests.factories import UserFactory

    return UserFactory(username="admin-diskominfo", superuser=True)


@pytest.fixture
def admin_client(client, superuser):
    """A client signed in to the Wagtail admin as a superuser."""
    client.force_login(superuser)
    return client
