from functools import cached_property

import pytest
from django.contrib.auth.models import Group

from crossposting.models import Network, SocialAccount
from crossposting.testing.fakes import FakeGraphAPI, FakeTelegramAPI, FakeXAPI
from kim.models import ContributorGroup, GroupStatus, RegionLevel
from kim.roles import Role
from kim.services import group_sync, member_create
from tests.factories import PhotoFactory, PostPageFactory, RegionFactory, UserFactory

PAGE_ID, PAGE_TOKEN = "111222333", "EAAB-page-token"
IG_USER, IG_TOKEN = "17841400000000001", "EAAB-ig-token"
BOT_TOKEN = "123456:ABC-fake"
CHANNEL = "kabarklaten"


@pytest.fixture(autouse=True)
def _fast_network(settings):
    """Short timeouts so that the fakes' 'slow' faults cost a second, not half a minute."""
    settings.CROSSPOSTING_CONNECT_TIMEOUT = 0.5
    settings.CROSSPOSTING_READ_TIMEOUT = 1.0
    settings.CROSSPOSTING_MAX_ATTEMPTS = 4
    settings.WAGTAILADMIN_BASE_URL = "http://testserver"


def media_fetcher(settings):
    """Stand in for Facebook's servers fetching a photo from the portal's public address."""

    def fetch(url):
        prefix = settings.WAGTAILADMIN_BASE_URL + settings.MEDIA_URL
        if not url.startswith(prefix):
            return None
        path = settings.MEDIA_ROOT / url[len(prefix) :]
        return path.read_bytes() if path.exists() else None

    return fetch


@pytest.fixture
def graph(settings):
    with FakeGraphAPI(
        version=settings.CROSSPOSTING_GRAPH_API_VERSION, image_fetcher=media_fetcher(settings)
    ) as server:
        server.timeout_sleep = 1.5
        server.add_page(PAGE_ID, PAGE_TOKEN)
        server.add_instagram(IG_USER, IG_TOKEN)
        settings.CROSSPOSTING_GRAPH_API_URL = server.url
        settings.CROSSPOSTING_INSTAGRAM_API_URL = server.url
        yield server


@pytest.fixture
def x_api(settings):
    with FakeXAPI() as server:
        server.timeout_sleep = 1.5
        settings.CROSSPOSTING_X_API_URL = server.url
        yield server


@pytest.fixture
def telegram(settings):
    with FakeTelegramAPI(bot_token=BOT_TOKEN) as server:
        server.timeout_sleep = 1.5
        server.add_channel(-1001234567890, username=CHANNEL)
        settings.CROSSPOSTING_TELEGRAM_API_URL = server.url
        yield server


@pytest.fixture
def fakes(graph, x_api, telegram):
    return {"graph": graph, "x": x_api, "telegram": telegram}


def make_account(network, *, group=None, save=True, **fields):
    defaults = {
        Network.FACEBOOK_PAGE: ({"remote_id": PAGE_ID}, {"page_access_token": PAGE_TOKEN}),
        Network.INSTAGRAM: ({"remote_id": IG_USER}, {"access_token": IG_TOKEN}),
        Network.X: (
            {"handle": "diskominfo"},
            {
                "consumer_key": "ck",
                "consumer_secret": "cs",
                "access_token": "at",
                "access_token_secret": "ats",
            },
        ),
        Network.TELEGRAM: ({"remote_id": f"@{CHANNEL}"}, {"bot_token": BOT_TOKEN}),
        Network.WHATSAPP_GROUP: ({"handle": "https://chat.whatsapp.com/AbCdEf"}, {}),
        Network.FACEBOOK_GROUP: ({"handle": "https://www.facebook.com/groups/infoklaten"}, {}),
    }
    attrs, credentials = defaults[network]
    credentials = fields.pop("credentials", credentials)
    account = SocialAccount(
        network=network, group=group, name=fields.pop("name", f"{network} account"), **attrs
    )
    for key, value in fields.items():
        setattr(account, key, value)
    account.set_credentials(credentials)
    if save:
        account.save()
    return account


def make_group(name, *, code):
    region = RegionFactory(code=code, name=f"Desa {name}", level=RegionLevel.VILLAGE)
    group = ContributorGroup.objects.create(name=name, region=region, status=GroupStatus.ACTIVE)
    return group_sync(group=group)


def role_user(username, role):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=role))
    return user


class People:
    """Group A with an admin and a member, an editor; group B and its admin when asked for."""

    def __init__(self):
        self.group_a = make_group("KIM Sekar Jagad", code="33.10.11.2001")
        self.admin_a = self.member(
            "Budi Santoso", "budi", self.group_a, as_admin=True, email="budi@kim.test"
        )
        self.member_a = self.member("Sri Lestari", "sri", self.group_a)
        self.editor = role_user("editor", Role.EDITOR)
        self.editor.email = "editor@diskominfo.test"
        self.editor.save()

    @staticmethod
    def member(full_name, username, group, **kwargs):
        user, _ = member_create(group=group, full_name=full_name, username=username, **kwargs)
        user.member_profile.must_change_password = False
        user.member_profile.save()
        return user

    @cached_property
    def group_b(self):
        return make_group("KIM Ngudi Kawruh", code="33.10.11.2002")

    @cached_property
    def admin_b(self):
        return self.member("Wati", "wati", self.group_b, as_admin=True)

    def draft(self, group=None, *, owner=None, photo=True, **fields):
        group = group or self.group_a
        owner = owner or self.member_a
        extra = {"hero_image": PhotoFactory(), "hero_alt": "Warga bekerja bakti."} if photo else {}
        post = PostPageFactory(parent=group.page, owner=owner, draft=True, **extra, **fields)
        post.save_revision(user=owner)
        return post


@pytest.fixture
def people(db):
    return People()


def publish(post, user=None):
    """Publish the post's latest revision, as the workflow's last step does (without the
    reviewer's publish right, which nobody holds for posts)."""
    post.get_latest_revision().publish(user=user, skip_permission_checks=True)
    post.refresh_from_db()
    return post


def login_in_english(client, user):
    """Sign in with the admin in English, so tests read the same words whatever is translated."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def accounts(people):
    """One account of group A on each network the portal posts to by itself."""
    networks = [Network.FACEBOOK_PAGE, Network.INSTAGRAM, Network.X, Network.TELEGRAM]
    return {network: make_account(network, group=people.group_a) for network in networks}
