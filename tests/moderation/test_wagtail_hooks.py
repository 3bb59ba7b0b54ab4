import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["wordrule", "debunkedclaim", "flagpolicy"])
def test_editors_manage_the_rules_in_the_admin(admin_client, model):
    response = admin_client.get(reverse(f"wagtailsnippets_moderation_{model}:list"))
    assert response.status_code == 200


def test_word_list_can_be_filtered_by_flag(admin_client):
    response = admin_client.get(
        reverse("wagtailsnippets_moderation_wordrule:list"), {"code": "gambling"}
    )
    content = response.content.decode()
    assert "maxwin" in content and "goblok" not in content


def test_a_claim_can_be_added(admin_client):
    from moderation.models import DebunkedClaim

    response = admin_client.post(
        reverse("wagtailsnippets_moderation_debunkedclaim:add"),
        {
            "claim": "Jembatan Dengkeng ambruk",
            "variants": "",
            "correction": "Masih dibuka.",
            "source_name": "",
            "source_url": "",
            "active": "on",
        },
    )
    assert response.status_code == 302
    assert DebunkedClaim.objects.filter(claim="Jembatan Dengkeng ambruk").exists()
