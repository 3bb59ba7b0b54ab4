"""Read-side helpers for public listings of groups and posts."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator

from .models import GroupKind, GroupPage, Region, RegionLevel


def paginate(request, queryset, per_page=None):
    """Return the requested page of a queryset; out-of-range numbers give the last page."""
    paginator = Paginator(queryset, per_page or settings.PORTAL_POSTS_PER_PAGE)
    return paginator.get_page(request.GET.get("page"))


def group_directory_context(directory, request):
    """Filter the group directory by district, sub-district and kind, from GET parameters."""
    districts = list(Region.objects.districts().with_public_groups())
    groups = (
        GroupPage.objects.child_of(directory)
        .public_groups()
        .public()
        .select_related("region", "region__parent", "logo")
        .prefetch_related("logo__renditions")
        .order_by("title")
    )
    subdistrict_code = request.GET.get("kecamatan") or ""
    # A link to a sub-district alone implies its district (codes nest: 33.10 > 33.10.01).
    district_code = request.GET.get("kabupaten") or subdistrict_code.rpartition(".")[0]
    district = _pick(districts, district_code)
    subdistricts = []
    subdistrict = None
    if district:
        groups = groups.filter(region__in=Region.objects.within(district))
        subdistricts = list(Region.objects.subdistricts().filter(parent=district))
        subdistrict = _pick(subdistricts, subdistrict_code)
        if subdistrict:
            groups = groups.filter(region__in=Region.objects.within(subdistrict))
    kind = request.GET.get("jenis")
    if kind in GroupKind.values:
        groups = groups.filter(kind=kind)
    filters = {"kabupaten": district, "kecamatan": subdistrict}
    extra_query = urlencode(
        {key: region.code for key, region in filters.items() if region}
        | ({"jenis": kind} if kind in GroupKind.values else {})
    )
    return {
        "extra_query": extra_query,
        "districts": districts,
        "district": district,
        "subdistricts": subdistricts,
        "subdistrict": subdistrict,
        "kinds": GroupKind.choices,
        "kind": kind if kind in GroupKind.values else "",
        "groups": paginate(request, groups, per_page=30),
        "subdistrict_level": RegionLevel.SUBDISTRICT,
    }


def _pick(regions, code):
    return next((region for region in regions if region.code == code), None)
