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


@pytest.fixture(autouse=True)
def _force_login_gives_the_second_factor(request, monkeypatch):
    """Make Client.force_login sign in as if the second factor had been given too.

    force_login skips the sign-in form, where a real sign-in ends with the code; without this
    every test of an editor's screen would meet the code page. Tests of the second factor
    itself sign in through the forms, or are marked `real_second_factor`.
    """
    if request.node.get_closest_marker("real_second_factor"):
        yield
        return
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    from signin.second_factor import requires_second_factor
    from tests.factories import verified_device

    force_login = Client.force_login

    def force_login_verified(self, user, backend=None):
        force_login(self, user, backend)
        if requires_second_factor(user):
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = verified_device(user).persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login_verified)
    yield


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
