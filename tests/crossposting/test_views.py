"""Admin pages: who manages which accounts, the per-post page, delivery actions."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone

from crossposting import crypto
from crossposting.clients import client_for
from crossposting.clients.base import Outgoing
from crossposting.models import (
    AccountStatus,
    CrossPostPlan,
    Delivery,
    DeliveryStatus,
    ManualShare,
    Network,
    SocialAccount,
)

from .conftest import login_in_english, make_account, publish

pytestmark = pytest.mark.django_db

ALLOW, DENY = True, False


@pytest.fixture
def world(people):
    people.district_fb = make_account(Network.FACEBOOK_PAGE, name="Diskominfo Klaten")
    people.a_telegram = make_account(Network.TELEGRAM, group=people.group_a, name="Kabar Sekar")
    people.a_x = make_account(Network.X, group=people.group_a, name="Sekar di X")
    people.a_whatsapp = make_account(
        Network.WHATSAPP_GROUP, group=people.group_a, name="WA Warga Sengon"
    )
    people.b_telegram = make_account(Network.TELEGRAM, group=people.group_b, name="Kabar Ngudi")
    return people


def denied(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def login(client, user):
    return login_in_english(client, user)


def account_form(group, **changes):
    data = {
        "group": group.pk if group else "",
        "network": Network.TELEGRAM,
        "name": "Baru",
        "remote_id": "@kanalbaru",
        "handle": "",
        "enabled": "on",
        "bot_token": "99:XYZ",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("who", "target", "allowed"),
    [
        ("editor", "district_fb", ALLOW),
        ("editor", "b_telegram", ALLOW),
        ("admin_a", "a_telegram", ALLOW),
        ("admin_a", "b_telegram", DENY),
        ("admin_a", "district_fb", DENY),
        ("member_a", "a_telegram", DENY),
        ("admin_b", "a_telegram", DENY),
    ],
)
def test_who_may_edit_which_account(client, world, who, target, allowed):
    account = getattr(world, target)
    login(client, getattr(world, who))

    response = client.post(
        reverse("crossposting_account_edit", args=[account.pk]),
        account_form(
            account.group,
            network=account.network,
            name="Renamed",
            remote_id=account.remote_id,
            bot_token="",
        ),
    )

    account.refresh_from_db()
    assert (account.name == "Renamed") is allowed, response.status_code
    if not allowed:
        assert denied(response) or response.status_code == 404


def test_group_admin_adds_accounts_only_for_their_own_group(client, world):
    login(client, world.admin_a)

    client.post(reverse("crossposting_account_add"), account_form(world.group_b, name="Sneaky"))
    client.post(reverse("crossposting_account_add"), account_form(None, name="Sneaky too"))
    client.post(reverse("crossposting_account_add"), account_form(world.group_a, name="Ours"))

    assert not SocialAccount.objects.filter(name__startswith="Sneaky").exists()
    assert SocialAccount.objects.get(name="Ours").group == world.group_a


def test_members_cannot_see_the_accounts(client, world):
    login(client, world.member_a)

    for url in (reverse("crossposting_accounts"), reverse("crossposting_account_add")):
        response = client.get(url)
        assert denied(response)
        assert "Kabar Sekar" not in response.content.decode()


def test_editor_adds_a_district_account_with_credentials_encrypted_at_rest(client, world):
    login(client, world.editor)

    client.post(
        reverse("crossposting_account_add"),
        account_form(None, name="Diskominfo TG", bot_token="777:SECRET-TOKEN"),
    )

    account = SocialAccount.objects.get(name="Diskominfo TG")
    assert account.group is None
    assert "SECRET-TOKEN" not in account.credentials_encrypted
    assert account.credentials == {"bot_token": "777:SECRET-TOKEN"}
    page = client.get(reverse("crossposting_account_edit", args=[account.pk])).content.decode()
    assert "SECRET-TOKEN" not in page


def test_saving_without_new_credentials_keeps_the_stored_ones(client, world):
    login(client, world.admin_a)
    account = world.a_telegram

    client.post(
        reverse("crossposting_account_edit", args=[account.pk]),
        account_form(world.group_a, name="Kabar Sekar 2", bot_token=""),
    )

    account.refresh_from_db()
    assert account.name == "Kabar Sekar 2"
    assert account.credentials["bot_token"] == "123456:ABC-fake"


def test_reconnecting_clears_the_warning(client, world):
    account = world.a_telegram
    SocialAccount.objects.filter(pk=account.pk).update(
        status=AccountStatus.NEEDS_RECONNECT, status_reason="Telegram 401: Unauthorized"
    )
    login(client, world.admin_a)
    assert b"Telegram 401" in client.get(reverse("wagtailadmin_home")).content

    client.post(
        reverse("crossposting_account_edit", args=[account.pk]),
        account_form(world.group_a, name=account.name, bot_token="123456:NEW"),
    )

    account.refresh_from_db()
    assert account.status == AccountStatus.CONNECTED
    assert account.credentials["bot_token"] == "123456:NEW"


def test_production_refuses_to_store_credentials_without_a_key(settings):
    settings.CROSSPOSTING_ENCRYPTION_KEY = ""
    settings.CROSSPOSTING_DEV_KEY_ALLOWED = False

    with pytest.raises(ImproperlyConfigured, match="CROSSPOSTING_ENCRYPTION_KEY is not set"):
        crypto.encrypt({"bot_token": "x"})


def test_credentials_from_another_key_are_unreadable(settings):
    token = crypto.encrypt({"bot_token": "x"})
    settings.CROSSPOSTING_ENCRYPTION_KEY = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVowMTIzNDU="

    with pytest.raises(crypto.CredentialsUnreadable):
        crypto.decrypt(token)


# The per-post page ------------------------------------------------------------------------
def post_url(post):
    return reverse("crossposting_post", args=[post.pk])


def test_the_author_chooses_among_the_groups_accounts_and_editors_also_the_districts(client, world):
    post = world.draft()

    author_page = login(client, world.member_a).get(post_url(post)).content.decode()
    editor_page = login(client, world.editor).get(post_url(post)).content.decode()

    assert "Kabar Sekar" in author_page and "Diskominfo Klaten" not in author_page
    assert "Kabar Ngudi" not in author_page
    assert "Kabar Sekar" in editor_page and "Diskominfo Klaten" in editor_page


def test_other_groups_cannot_open_a_posts_page_unless_it_is_a_district_message(client, world):
    post = world.draft()
    login(client, world.admin_b)
    assert denied(client.get(post_url(post)))

    type(post).objects.filter(pk=post.pk).update(is_district_message=True)

    page = client.get(post_url(post)).content.decode()
    assert "Kabar Ngudi" in page and "Kabar Sekar" not in page


def test_the_page_shows_default_texts_counts_hashtags_and_the_link(client, world):
    post = world.draft(tags=["kerja bakti", "Sengon"])
    login(client, world.member_a)

    page = client.get(post_url(post)).content.decode()

    assert "#KerjaBakti #Sengon" in page
    assert f"http://testserver{post.url_path[len('/home') :]}" in page
    assert "/ 280" in page and "/ 4096" in page and "/ 1024" in page


def test_too_long_text_is_refused_but_kept_for_the_author(client, world):
    post = world.draft()
    link = "http://testserver/kelompok/kim-sekar-jagad/" + post.slug + "/"
    long_text = "Kabar panjang sekali " * 20 + link
    login(client, world.member_a)

    response = client.post(
        post_url(post),
        {
            "accounts": [world.a_x.pk],
            "text_x": long_text,
            "text_telegram": f"Kabar singkat {link}",
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Too long" in page and long_text in page and f"Kabar singkat {link}" in page
    assert not CrossPostPlan.objects.exists()


def test_saving_choices_keeps_other_peoples_choices(client, world):
    post = world.draft()
    link = f"http://testserver/kelompok/kim-sekar-jagad/{post.slug}/"
    plan = CrossPostPlan.objects.create(post=post)
    plan.accounts.set([world.district_fb])
    login(client, world.member_a)

    response = client.post(
        post_url(post),
        {
            "accounts": [world.a_telegram.pk],
            "text_telegram": f"Kabar untuk kanal\n\n{link}",
            "text_x": "",
        },
    )

    assert response.status_code == 302
    plan.refresh_from_db()
    assert set(plan.accounts.all()) == {world.district_fb, world.a_telegram}
    assert plan.texts["telegram"] == f"Kabar untuk kanal\n\n{link}"


def test_the_post_edit_page_links_to_cross_posting(client, world):
    post = world.draft()
    login(client, world.member_a)

    page = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk])).content.decode()

    assert post_url(post) in page


def test_manual_share_records_who_shared_and_when(client, world):
    post = world.draft()
    login(client, world.member_a)

    page = client.get(post_url(post)).content.decode()
    client.post(reverse("crossposting_manual_share", args=[post.pk, world.a_whatsapp.pk]))

    assert "https://wa.me/?text=" in page and "data-copy-text" in page
    share = ManualShare.objects.get()
    assert share.shared_by == world.member_a and share.account == world.a_whatsapp


def test_unpublishing_offers_to_delete_the_copies(client, world, telegram):
    post = publish(world.draft(), world.editor)
    delivery = Delivery.objects.create(
        post=post,
        account=world.a_telegram,
        text="x",
        link="http://testserver/x/",
        status=DeliveryStatus.SENT,
        remote_id="5",
    )
    login(client, world.editor)

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[post.pk]))

    assert response["Location"] == reverse("crossposting_unpublished", args=[post.pk])
    page = client.get(response["Location"]).content.decode()
    assert f'value="{delivery.pk}"' in page


def test_choosing_copies_after_unpublishing_deletes_them_from_the_network(
    client, world, telegram, django_capture_on_commit_callbacks
):
    post = publish(world.draft(), world.editor)
    remote = client_for(world.a_telegram).publish(
        Outgoing(text="Kerja bakti http://testserver/x/", link="http://testserver/x/")
    )
    delivery = Delivery.objects.create(
        post=post,
        account=world.a_telegram,
        text="Kerja bakti",
        link="http://testserver/x/",
        status=DeliveryStatus.SENT,
        remote_id=remote.id,
    )
    post.unpublish()
    url = reverse("crossposting_unpublished", args=[post.pk])

    with django_capture_on_commit_callbacks(execute=True):
        assert denied(login(client, world.admin_b).post(url, {"delivery": [delivery.pk]}))
    assert len(telegram.channel_messages("@kabarklaten")) == 1

    with django_capture_on_commit_callbacks(execute=True):
        login(client, world.admin_a).post(url, {"delivery": [delivery.pk]})

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELETED and delivery.deleted_at
    assert telegram.channel_messages("@kabarklaten") == []


def test_retry_needs_a_person_who_manages_the_account(client, world):
    post = world.draft()
    delivery = Delivery.objects.create(
        post=post,
        account=world.a_telegram,
        text="x",
        link="http://testserver/x/",
        status=DeliveryStatus.DEAD,
    )
    url = reverse("crossposting_delivery_action", args=[delivery.pk, "retry"])

    assert denied(login(client, world.admin_b).post(url))
    login(client, world.admin_a).post(url)

    delivery.refresh_from_db()
    assert delivery.status != DeliveryStatus.DEAD


def test_the_post_page_shows_each_accounts_delivery_status(client, world):
    post = publish(world.draft(), world.editor)
    rows = {
        "queued": Delivery.objects.create(
            post=post, account=world.a_telegram, text="x", link="http://testserver/x/"
        ),
        "sent": Delivery.objects.create(
            post=post,
            account=world.a_x,
            text="x",
            link="http://testserver/x/",
            status=DeliveryStatus.SENT,
            remote_id="1850",
            remote_url="https://x.com/sekar/status/1850",
        ),
        "dead": Delivery.objects.create(
            post=post,
            account=world.district_fb,
            text="x",
            link="http://testserver/x/",
            status=DeliveryStatus.DEAD,
            error_kind="transient",
            attempts=6,
            last_error="OAuthException 1: An unknown error has occurred.",
        ),
    }
    login(client, world.editor)

    page = client.get(post_url(post)).content.decode()

    def row(name):
        start = page.index(f'data-delivery="{rows[name].pk}"')
        return page[start : page.index("</tr>", start)]

    assert "Queued" in row("queued") and "Retry" not in row("queued")
    assert "Sent" in row("sent") and 'href="https://x.com/sekar/status/1850"' in row("sent")
    assert "Delete from the network" in row("sent")
    assert "Gave up" in row("dead") and "An unknown error has occurred." in row("dead")
    assert "Retry" in row("dead")
    # The author sees their group's deliveries, not the district's.
    author_page = login(client, world.member_a).get(post_url(post)).content.decode()
    assert f'data-delivery="{rows["sent"].pk}"' in author_page
    assert f'data-delivery="{rows["dead"].pk}"' not in author_page


def test_the_retry_button_queues_a_dead_delivery_again_and_it_is_sent(
    client, world, telegram, django_capture_on_commit_callbacks
):
    post = publish(world.draft(), world.editor)
    delivery = Delivery.objects.create(
        post=post,
        account=world.a_telegram,
        text=f"Kerja bakti {post.title}\n\nhttp://testserver/x/",
        link="http://testserver/x/",
        status=DeliveryStatus.DEAD,
        attempts=4,
        last_error="Telegram 502",
    )
    login(client, world.admin_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("crossposting_delivery_action", args=[delivery.pk, "retry"]))

    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT and delivery.last_error == ""
    assert len(telegram.channel_messages("@kabarklaten")) == 1


def uncertain_delivery(world, post, **fields):
    return Delivery.objects.create(
        post=post,
        account=world.a_telegram,
        text="Kerja bakti http://testserver/x/",
        link="http://testserver/x/",
        status=DeliveryStatus.UNCERTAIN,
        uncertain=True,
        last_error="Connection dropped after sending",
        **fields,
    )


def test_marking_as_sent_asks_for_the_copys_address_and_keeps_its_id(client, world):
    post = publish(world.draft(), world.editor)
    delivery = uncertain_delivery(world, post)
    url = reverse("crossposting_delivery_action", args=[delivery.pk, "mark-sent"])
    login(client, world.admin_a)

    response = client.post(url, {"remote": "kemarin"}, follow=True)

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.UNCERTAIN
    assert "neither an address nor an ID" in response.content.decode()

    client.post(url, {"remote": "https://t.me/kabarklaten/4321"})

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT and delivery.marked_by_hand
    assert delivery.remote_id == "4321" and delivery.can_delete_remote


def test_an_uncertain_delivery_shows_the_accounts_page_and_its_actions(client, world):
    post = publish(world.draft(), world.editor)
    uncertain_delivery(world, post)
    login(client, world.admin_a)

    page = client.get(reverse("crossposting_post", args=[post.pk])).content.decode()

    assert "Uncertain: check the network" in page
    assert 'href="https://t.me/kabarklaten"' in page
    assert 'name="remote"' in page and "Retry" in page


def test_the_unpublish_page_lists_every_copy_that_may_exist(client, world):
    post = publish(world.draft(), world.editor)
    uncertain = uncertain_delivery(world, post)
    by_hand = Delivery.objects.create(
        post=post,
        account=world.a_x,
        text="x",
        link="http://testserver/x/",
        status=DeliveryStatus.SENT,
        remote_id="99",
        marked_by_hand=True,
    )
    queued = Delivery.objects.create(
        post=post,
        account=world.b_telegram,
        text="x",
        link="http://testserver/x/",
        next_attempt_at=timezone.now() + timedelta(hours=1),
    )
    login(client, world.editor)

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[post.pk]))

    assert response["Location"] == reverse("crossposting_unpublished", args=[post.pk])
    page = client.get(response["Location"]).content.decode()
    assert f'data-delivery="{uncertain.pk}"' in page and "may have been posted" in page
    assert f'value="{by_hand.pk}"' in page and "marked as sent by hand" in page
    queued.refresh_from_db()
    assert queued.status == DeliveryStatus.CANCELLED
    assert f'data-delivery="{queued.pk}"' not in page


def test_a_network_text_with_gambling_or_a_nik_is_refused_with_the_number_masked(client, world):
    post = world.draft()
    link = f"http://testserver/kelompok/kim-sekar-jagad/{post.slug}/"
    login(client, world.member_a)

    response = client.post(
        post_url(post),
        {
            "accounts": [world.a_telegram.pk],
            "text_telegram": f"Daftar slot gacor maxwin, NIK 3310150101010003 {link}",
            "text_x": "",
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "gambling" in page and "3310 15** **** **03" in page
    assert not CrossPostPlan.objects.exists()
