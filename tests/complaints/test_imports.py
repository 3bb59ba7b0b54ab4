"""`complaints_import` and `complaints_agencies`: all or nothing, every invalid row listed."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from complaints.models import Agency, Complaint
from tests.factories import AgencyFactory, RegionFactory

HEADER = (
    "reference,received_at,channel,channel_url,kind,region_code,subject,text,reporter_name,"
    "reporter_contact,agency,status,first_response_at,resolved_at,lapor_tracking\n"
)
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def agencies(db):
    return AgencyFactory(slug="dukcapil"), AgencyFactory(slug="dinkes")


def write(tmp_path, text, name="aduan.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def run_import(path):
    out, err = StringIO(), StringIO()
    call_command("complaints_import", path, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failure(path):
    with pytest.raises(CommandError) as raised:
        call_command("complaints_import", path, stdout=StringIO(), stderr=StringIO())
    return str(raised.value)


VALID = HEADER + (
    "ADU-1,2026-08-14T09:00:00,facebook,https://facebook.com/x/1,aduan,33.10.01,Blangko KTP,"
    '"Blangko KTP habis,\nkapan ada lagi?",Sri,0812000111,dukcapil,diteruskan,,,\n'
    "ADU-2,2026-08-14T02:00:00Z,whatsapp,,pertanyaan,,,Jadwal vaksin?,,,dinkes,selesai,"
    "2026-08-14T10:00:00+07:00,2026-08-15T10:00:00,LAPOR-77\n"
    "ADU-3,2026-08-15,web,,aspirasi,,,Tambah lampu jalan,,,,baru,,,\n"
)


def test_a_valid_file_creates_every_row(agencies, tmp_path):
    region = RegionFactory(code="33.10.01", name="Prambanan")
    out, _err = run_import(write(tmp_path, VALID))
    assert "3" in out
    assert Complaint.objects.count() == 3
    first = Complaint.objects.get(reference="ADU-1")
    assert first.received_at == datetime(2026, 8, 14, 9, tzinfo=WIB)
    assert first.text == "Blangko KTP habis,\nkapan ada lagi?"
    assert first.region == region
    assert first.agency.slug == "dukcapil"
    assert first.status == "diteruskan"
    assert first.reporter_contact == "0812000111"
    second = Complaint.objects.get(reference="ADU-2")
    # 02:00 UTC is 09:00 in Jakarta; a naive time is Jakarta's.
    assert second.received_at == datetime(2026, 8, 14, 9, tzinfo=WIB)
    assert second.first_response_at == datetime(2026, 8, 14, 10, tzinfo=WIB)
    assert second.resolved_at == datetime(2026, 8, 15, 10, tzinfo=WIB)
    assert second.lapor_tracking == "LAPOR-77"
    third = Complaint.objects.get(reference="ADU-3")
    assert third.received_at == datetime(2026, 8, 15, tzinfo=WIB)
    assert third.agency is None


def test_reimporting_updates_by_reference_and_never_duplicates(agencies, tmp_path):
    run_import(write(tmp_path, VALID))
    changed = VALID.replace("dukcapil,diteruskan,,,", "dukcapil,selesai,,2026-08-20T08:00,")
    out, _err = run_import(write(tmp_path, changed, name="lagi.csv"))
    assert Complaint.objects.count() == 3
    first = Complaint.objects.get(reference="ADU-1")
    assert first.status == "selesai"
    assert first.resolved_at == datetime(2026, 8, 20, 8, tzinfo=WIB)
    assert "0" in out and "3" in out


def test_one_invalid_row_imports_nothing_and_every_invalid_row_is_listed(agencies, tmp_path):
    text = HEADER + (
        # line 2, valid
        "OK-1,2026-08-14T09:00,facebook,,aduan,,,Jalan rusak,,,,baru,,,\n"
        # line 3, unknown channel
        "BAD-1,2026-08-14T09:00,myspace,,aduan,,,Jalan rusak,,,,baru,,,\n"
        # lines 4-6: a valid row whose text spans three lines
        'OK-2,2026-08-14T09:00,x,,aduan,,,"Satu\nDua\nTiga",,,,baru,,,\n'
        # line 7, impossible date
        "BAD-2,2026-02-30T09:00,facebook,,aduan,,,Teks,,,,baru,,,\n"
        # line 8, unknown kind, status and agency
        "BAD-3,2026-08-14T09:00,facebook,,keluhan,,,Teks,,,dinas-x,beres,,,\n"
        # line 9, missing required values
        ",,facebook,,aduan,,,,,,,baru,,,\n"
        # line 10, valid
        "OK-3,2026-08-14T09:00,phone,,aspirasi,,,Teks,,,dinkes,baru,,,\n"
        # line 11, a bad answer time
        "BAD-4,2026-08-14T09:00,phone,,aspirasi,,,Teks,,,,selesai,,kemarin,\n"
    )
    message = failure(write(tmp_path, text))
    assert Complaint.objects.count() == 0
    lines = message.splitlines()
    listed = [line for line in lines if line.split(":")[0].split()[-1].isdigit()]
    assert [line.split(":")[0].split()[-1] for line in listed] == ["3", "7", "8", "9", "11"]
    by_line = {line.split(":")[0].split()[-1]: line for line in listed}
    assert "myspace" in by_line["3"]
    assert "2026-02-30" in by_line["7"]
    assert "keluhan" in by_line["8"] and "beres" in by_line["8"] and "dinas-x" in by_line["8"]
    for column in ("reference", "received_at", "text"):
        assert column in by_line["9"]
    assert "kemarin" in by_line["11"]
    assert "5" in lines[0]


def test_a_missing_required_column_is_refused(agencies, tmp_path):
    text = "reference,received_at,channel,kind,text\nA,2026-08-14,web,aduan,Teks\n"
    assert "status" in failure(write(tmp_path, text))
    assert Complaint.objects.count() == 0


def test_optional_columns_may_be_left_out(db, tmp_path):
    text = "reference,received_at,channel,kind,text,status\nA,2026-08-14,web,aduan,Teks,baru\n"
    run_import(write(tmp_path, text))
    assert Complaint.objects.get(reference="A").channel_url == ""


def test_a_reference_twice_in_one_file_is_refused(db, tmp_path):
    row = "A,2026-08-14T09:00,web,,aduan,,,Teks,,,,baru,,,\n"
    message = failure(write(tmp_path, HEADER + row + row))
    assert "3" in message and "2" in message
    assert Complaint.objects.count() == 0


def test_too_many_values_on_a_row_is_refused(db, tmp_path):
    row = "A,2026-08-14T09:00,web,,aduan,,,Teks,,,,baru,,,,extra\n"
    assert "16" in failure(write(tmp_path, HEADER + row))


def test_a_file_that_is_not_utf8_is_refused(db, tmp_path):
    row = "A,2026-08-14T09:00,web,,aduan,,,Jalan rusak \u00e9,,,,baru,,,\n"
    assert "UTF-8" in failure(write(tmp_path, HEADER + row, encoding="latin-1"))


def test_a_byte_order_mark_and_blank_lines_are_accepted(db, tmp_path):
    text = "\ufeff" + HEADER + "\nA,2026-08-14T09:00,web,,aduan,,,Teks,,,,baru,,,\n\n"
    run_import(write(tmp_path, text))
    assert Complaint.objects.filter(reference="A").exists()


def test_an_unknown_region_code_is_kept_as_text(db, tmp_path):
    text = HEADER + "A,2026-08-14T09:00,web,,aduan,99.99,,Teks,,,,baru,,,\n"
    _out, err = run_import(write(tmp_path, text))
    complaint = Complaint.objects.get(reference="A")
    assert complaint.region is None and complaint.region_code == "99.99"
    assert "99.99" in err


def test_a_malformed_region_code_is_refused(db, tmp_path):
    text = HEADER + "A,2026-08-14T09:00,web,,aduan,Klaten,,Teks,,,,baru,,,\n"
    assert "Klaten" in failure(write(tmp_path, text))


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError):
        call_command("complaints_import", str(tmp_path / "none.csv"))


def test_agencies_are_created_then_updated_by_slug(db, tmp_path):
    path = write(tmp_path, "slug,name\ndukcapil,Disdukcapil\ndinkes,Dinas Kesehatan\n")
    out = StringIO()
    call_command("complaints_agencies", path, stdout=out)
    assert Agency.objects.count() == 2
    path = write(tmp_path, "slug,name\ndukcapil,Dinas Kependudukan dan Pencatatan Sipil\n", "b")
    call_command("complaints_agencies", path, stdout=out)
    assert Agency.objects.count() == 2
    assert Agency.objects.get(slug="dukcapil").name == "Dinas Kependudukan dan Pencatatan Sipil"


def test_invalid_agency_rows_import_nothing(db, tmp_path):
    path = write(tmp_path, "slug,name\nok,Baik\nBukan Slug,Nama\nkosong,\n")
    with pytest.raises(CommandError) as raised:
        call_command("complaints_agencies", path)
    numbers = [line.split(":")[0].split()[-1] for line in str(raised.value).splitlines()[1:]]
    assert numbers == ["3", "4"]
    assert not Agency.objects.exists()


def test_a_column_left_out_keeps_what_an_earlier_import_stored(agencies, tmp_path):
    run_import(write(tmp_path, VALID))
    text = "reference,received_at,channel,kind,text,status\n"
    text += "ADU-1,2026-08-14T09:00:00,facebook,aduan,Blangko KTP habis,selesai\n"
    run_import(write(tmp_path, text, name="sebagian.csv"))
    complaint = Complaint.objects.get(reference="ADU-1")
    assert complaint.status == "selesai"
    assert complaint.agency.slug == "dukcapil"
    assert complaint.reporter_contact == "0812000111"
