import pytest
from django.core.management import CommandError, call_command

from kim.models import Region, RegionLevel
from kim.regions import display_name

pytestmark = pytest.mark.django_db


def load(*codes):
    call_command("load_regions", *codes, verbosity=0, stdout=None)


def subdistricts_of(code):
    return Region.objects.subdistricts().filter(parent__code=code)


def test_loading_karanganyar_gives_its_17_subdistricts_under_jawa_tengah():
    load("33.13")
    district = Region.objects.get(code="33.13")
    assert district.name == "Kabupaten Karanganyar"
    assert district.level == RegionLevel.DISTRICT
    assert district.parent.code == "33"
    assert district.parent.name == "Jawa Tengah"
    assert subdistricts_of("33.13").count() == 17
    jaten = Region.objects.get(code="33.13.11")
    assert (jaten.name, jaten.parent) == ("Jaten", district)
    assert Region.objects.get(code="33.13.11.2003").parent == jaten
    assert not Region.objects.filter(code__startswith="33.10").exists()


def test_loading_three_districts_gives_klaten_26_and_sleman_17_subdistricts():
    load("33.10", "34.04", "33.13")
    assert subdistricts_of("33.10").count() == 26
    assert subdistricts_of("34.04").count() == 17
    assert subdistricts_of("33.13").count() == 17
    assert Region.objects.get(code="34.04").parent.name == "Daerah Istimewa Yogyakarta"
    assert set(
        Region.objects.filter(level=RegionLevel.PROVINCE).values_list("code", flat=True)
    ) == {"33", "34"}
    # Every village hangs under a sub-district of the right code.
    villages = Region.objects.filter(level=RegionLevel.VILLAGE).select_related("parent")
    assert villages.count() > 600
    assert all(v.code.rpartition(".")[0] == v.parent.code for v in villages)


def test_second_run_changes_nothing_but_restores_renamed_regions(capsys):
    load("33.13")
    count = Region.objects.count()
    ids = dict(Region.objects.values_list("code", "pk"))
    Region.objects.filter(code="33.13.11").update(name="JATEN LAMA")

    call_command("load_regions", "33.13")

    assert "0 created, 1 updated" in capsys.readouterr().out
    assert Region.objects.count() == count
    assert dict(Region.objects.values_list("code", "pk")) == ids
    assert Region.objects.get(code="33.13.11").name == "Jaten"


def test_unknown_or_non_district_code_is_a_clear_error_and_loads_nothing():
    with pytest.raises(CommandError, match=r"Unknown district code\(s\): 33\.99, 33\b"):
        load("33.13", "33.99", "33")
    assert not Region.objects.exists()


def test_codes_or_all_are_required():
    with pytest.raises(CommandError, match="--all"):
        load()


@pytest.mark.parametrize(
    ("raw", "level", "expected"),
    [
        ("KAB. KLATEN", RegionLevel.DISTRICT, "Kabupaten Klaten"),
        ("KAB TIMOR TENGAH SELATAN", RegionLevel.DISTRICT, "Kabupaten Timor Tengah Selatan"),
        ("KOTA YOGYAKARTA", RegionLevel.DISTRICT, "Kota Yogyakarta"),
        ("KOTA BAU-BAU", RegionLevel.DISTRICT, "Kota Bau-Bau"),
        ("DKI JAKARTA", RegionLevel.PROVINCE, "DKI Jakarta"),
        ("JAWA TENGAH", RegionLevel.PROVINCE, "Jawa Tengah"),
        ("Lubuk Pakam I,II", RegionLevel.VILLAGE, "Lubuk Pakam I,II"),
        ("Sengon", RegionLevel.VILLAGE, "Sengon"),
    ],
)
def test_names_are_presented_for_readers(raw, level, expected):
    assert display_name(raw, level) == expected
