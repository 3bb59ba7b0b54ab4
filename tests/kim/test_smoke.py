import pytest

from tests.factories import GroupPageFactory, PostPageFactory


@pytest.mark.django_db
def test_published_post_is_served_under_its_group(client):
    post = PostPageFactory(parent=GroupPageFactory(title="KIM Sengon", slug="kim-sengon"))
    response = client.get(post.url)
    assert response.status_code == 200
    assert post.title in response.text
    assert post.group.title == "KIM Sengon"
