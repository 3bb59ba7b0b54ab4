"""Routing's lookups compile once and give the very objects the ORM would."""

import pytest

from home.prepared import PreparedLookup
from home.routing import ROUTED
from kim.models import GroupPage, PostPage
from tests.factories import CategoryFactory, GroupPageFactory, PostPageFactory, region_tree

pytestmark = pytest.mark.django_db

POST_LOOKUP, GROUP_LOOKUP = ROUTED[3], ROUTED[2]


def values(obj):
    """Every stored field of obj, as it would be saved (a body's blocks as JSON)."""
    return {
        field.attname: field.get_prep_value(getattr(obj, field.attname))
        for field in obj._meta.concrete_fields
    }


def assert_same(prepared, expected, relations):
    assert type(prepared) is type(expected)
    assert values(prepared) == values(expected)
    for name in relations:
        related, expected_related = prepared, expected
        for step in name.split("__"):
            related, expected_related = getattr(related, step), getattr(expected_related, step)
        if expected_related is None:
            assert related is None
        else:
            assert values(related) == values(expected_related)


def test_a_post_is_built_as_the_orm_builds_it(django_assert_num_queries):
    post = PostPageFactory(
        with_hero=True, category=CategoryFactory(name="Kesehatan"), tags=["posyandu"]
    )
    expected = PostPage.objects.for_page_view().get(pk=post.pk)

    with django_assert_num_queries(1):
        prepared = POST_LOOKUP.first(slug=post.slug, url_path=post.url_path)
        # What the page shows around its stored article comes with the post.
        assert (prepared.group.title, prepared.category.name) == (
            expected.group.title,
            "Kesehatan",
        )
        assert prepared.hero_image.width == 640

    assert_same(prepared, expected, ["group", "category", "hero_image"])
    # The body's blocks are converted from JSON, as from the ORM.
    assert str(prepared.body) == str(expected.body)


def test_a_group_and_its_area_are_built_as_the_orm_builds_them():
    *_, village = region_tree()
    group = GroupPageFactory(region=village)
    expected = GroupPage.objects.select_related("region__parent", "logo").get(pk=group.pk)

    prepared = GROUP_LOOKUP.first(slug=group.slug, url_path=group.url_path)

    # Nested select_related, and a photo-less group (its logo is None).
    assert_same(prepared, expected, ["region", "region__parent", "logo"])
    assert prepared.region.parent.name == "Prambanan"


def test_each_value_is_matched_exactly():
    post = PostPageFactory(slug="panen-jagung")
    PostPageFactory(parent=post.group, slug="panen-jagung-2")

    assert POST_LOOKUP.first(slug="panen-jagung", url_path=post.url_path).pk == post.pk
    assert POST_LOOKUP.first(slug="panen-jagung", url_path=post.url_path + "x/") is None
    assert POST_LOOKUP.first(slug="panen", url_path=post.url_path) is None


def test_a_lookup_with_other_parameters_is_refused():
    lookup = PreparedLookup(lambda **exact: PostPage.objects.filter(depth=4, **exact), "slug")

    with pytest.raises(ValueError, match="only parameters"):
        lookup.first(slug="panen-jagung")
