"""Which sub-districts and villages of a district have an active group, and which have none."""

from collections import defaultdict
from dataclasses import dataclass, field

from .models import ContributorGroup, Region, RegionLevel


@dataclass
class Row:
    region: Region
    subdistrict: Region
    groups: list = field(default_factory=list)


@dataclass
class SubdistrictCoverage:
    region: Region
    groups: list  # groups registered at sub-district level
    villages: list  # Row per village

    @property
    def all_groups(self):
        return self.groups + [g for row in self.villages for g in row.groups]

    @property
    def covered(self):
        return bool(self.all_groups)

    @property
    def villages_covered(self):
        return sum(1 for row in self.villages if row.groups)

    @property
    def villages_uncovered(self):
        return [row.region for row in self.villages if not row.groups]


@dataclass
class CoverageReport:
    district: Region
    subdistricts: list

    @property
    def rows(self):
        for sub in self.subdistricts:
            yield Row(sub.region, sub.region, sub.groups)
            yield from sub.villages

    @property
    def subdistricts_covered(self):
        return sum(1 for sub in self.subdistricts if sub.covered)

    @property
    def subdistricts_uncovered(self):
        return [sub.region for sub in self.subdistricts if not sub.covered]

    @property
    def villages_total(self):
        return sum(len(sub.villages) for sub in self.subdistricts)

    @property
    def villages_covered(self):
        return sum(sub.villages_covered for sub in self.subdistricts)

    @property
    def active_groups(self):
        return sum(len(sub.all_groups) for sub in self.subdistricts)


def district_coverage(district: Region) -> CoverageReport:
    """Build the report in three queries, whatever the district's size."""
    regions = list(Region.objects.within(district).exclude(pk=district.pk))
    groups_by_region = defaultdict(list)
    for group in ContributorGroup.objects.active().in_region(district).order_by("name"):
        groups_by_region[group.region_id].append(group)
    villages_by_parent = defaultdict(list)
    for region in regions:
        if region.level == RegionLevel.VILLAGE:
            villages_by_parent[region.parent_id].append(region)
    subdistricts = []
    for region in regions:
        if region.level != RegionLevel.SUBDISTRICT:
            continue
        villages = [Row(v, region, groups_by_region[v.pk]) for v in villages_by_parent[region.pk]]
        subdistricts.append(SubdistrictCoverage(region, groups_by_region[region.pk], villages))
    return CoverageReport(district, subdistricts)
