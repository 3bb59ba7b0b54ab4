"""The report's numbers on a fixture whose answers were worked out by hand.

August 2026: Monday 17 (Independence Day) and Tuesday 25 (Maulid Nabi) are holidays.
"""

import json
from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from complaints.models import NonWorkingDay
from complaints.reports import complaint_report, median_hours, round_half_up
from tests.factories import AgencyFactory, ComplaintFactory

WIB = ZoneInfo("Asia/Jakarta")
UTC = ZoneInfo("UTC")


def wib(*args):
    return datetime(*args, tzinfo=WIB)


@pytest.fixture
def august(db):
    dinkes = AgencyFactory(slug="dinkes", name="Dinas Kesehatan")
    dukcapil = AgencyFactory(slug="dukcapil", name="Disdukcapil")
    dpu = AgencyFactory(slug="dpu", name="Dinas PU")
    rows = [
        # reference, received, channel, kind, agency, status, first response, resolved
        ("C1", wib(2026, 8, 3, 8), "facebook", "aduan", dukcapil, "selesai",
         wib(2026, 8, 3, 10), wib(2026, 8, 4, 8)),
        ("C2", wib(2026, 8, 3, 9), "instagram", "pertanyaan", dukcapil, "ditanggapi",
         wib(2026, 8, 3, 13), None),
        ("C3", wib(2026, 8, 10, 7, 30), "whatsapp", "aduan", dukcapil, "diteruskan", None, None),
        ("C4", wib(2026, 8, 14, 9), "web", "aspirasi", dinkes, "diverifikasi", None, None),
        ("C5", wib(2026, 8, 19, 9), "walk_in", "aduan", dinkes, "baru", None, None),
        ("C6", wib(2026, 8, 5, 10), "phone", "laporan_hoaks", dinkes, "ditolak", None, None),
        # 20:00 UTC on 31 July is 03:00 on 1 August in Jakarta: inside the range.
        ("C7", datetime(2026, 7, 31, 20, tzinfo=UTC), "x", "pertanyaan", None, "baru",
         None, None),
        # 17:30 UTC on 31 August is 00:30 on 1 September in Jakarta: outside.
        ("C8", datetime(2026, 8, 31, 17, 30, tzinfo=UTC), "facebook", "aduan", dinkes, "baru",
         None, None),
        ("C9", wib(2026, 7, 20, 9), "facebook", "aduan", dpu, "baru", None, None),
        ("C10", wib(2026, 8, 6, 8), "facebook_group", "aduan", dinkes, "selesai",
         wib(2026, 8, 6, 9, 30), wib(2026, 8, 7, 11, 15)),
        ("C11", wib(2026, 8, 7, 8), "telegram", "aduan", dinkes, "selesai",
         wib(2026, 8, 7, 11), wib(2026, 8, 10, 8)),
        ("C12", wib(2026, 8, 3, 12), "lapor", "aduan", dukcapil, "selesai",
         datetime(2026, 8, 4, 5, tzinfo=UTC), wib(2026, 8, 5, 12)),
    ]  # fmt: skip
    for ref, received, channel, kind, agency, status, first, resolved in rows:
        ComplaintFactory(
            reference=ref,
            received_at=received,
            channel=channel,
            kind=kind,
            agency=agency,
            status=status,
            first_response_at=first,
            resolved_at=resolved,
        )


EXPECTED = {
    "received": 10,
    "by_channel": {
        "facebook": 1,
        "facebook_group": 1,
        "instagram": 1,
        "x": 1,
        "tiktok": 0,
        "whatsapp": 1,
        "telegram": 1,
        "web": 1,
        "walk_in": 1,
        "phone": 1,
        "lapor": 1,
    },
    "by_kind": {"aduan": 6, "pertanyaan": 2, "aspirasi": 1, "laporan_hoaks": 1},
    "by_status": {
        "baru": 2,
        "diverifikasi": 1,
        "diteruskan": 1,
        "ditanggapi": 1,
        "selesai": 4,
        "ditolak": 1,
    },
    "resolved": 4,
    "in_progress": 2,
    "social_media_share": 0.6,
    "agencies": [
        {
            "agency": "dinkes",
            "received": 5,
            "resolved": 2,
            "in_progress": 0,
            # C4 arrived on Friday 14 August: 18-21, 24 and 26 are six working days.
            "overdue": 1,
            # 1.5 h and 3 h: 2.25 rounds half up to 2.3.
            "median_first_response_hours": 2.3,
            # 27.25 h and 72 h: 49.625.
            "median_resolution_hours": 49.6,
        },
        {
            "agency": "dukcapil",
            "received": 4,
            "resolved": 2,
            "in_progress": 2,
            # C3 (10 August) is overdue; C2 was answered, so it is not.
            "overdue": 1,
            # 2 h, 4 h, 24 h (05:00 UTC is 12:00 in Jakarta).
            "median_first_response_hours": 4.0,
            # 24 h and 48 h.
            "median_resolution_hours": 36.0,
        },
    ],
}


def report_json(*args):
    out = StringIO()
    call_command("complaints_report", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_report_matches_the_hand_computed_figures(august):
    report = report_json("--from", "2026-08-01", "--to", "2026-08-31", "--as-of", "2026-08-26")
    assert report == EXPECTED
    assert list(report) == list(EXPECTED)
    assert list(report["agencies"][0]) == list(EXPECTED["agencies"][0])


def test_a_complaint_is_not_overdue_before_the_sixth_working_day(august):
    """On Tuesday 25 August (a holiday) C4 has had five working days: not overdue yet."""
    report = report_json("--from", "2026-08-01", "--to", "2026-08-31", "--as-of", "2026-08-25")
    dinkes = report["agencies"][0]
    assert dinkes["agency"] == "dinkes"
    assert dinkes["overdue"] == 0


def test_an_extra_day_off_delays_overdue(august):
    NonWorkingDay.objects.create(date=date(2026, 8, 26), name="Cuti bersama")
    report = report_json("--from", "2026-08-01", "--to", "2026-08-31", "--as-of", "2026-08-26")
    assert report["agencies"][0]["overdue"] == 0


def test_the_range_is_inclusive_by_jakarta_date(august):
    report = report_json("--from", "2026-08-01", "--to", "2026-08-01", "--as-of", "2026-08-01")
    assert report["received"] == 1  # C7, 03:00 WIB on 1 August
    assert report["by_channel"]["x"] == 1
    assert report["agencies"] == []  # it has no agency: totals only
    report = report_json("--from", "2026-09-01", "--to", "2026-09-01", "--as-of", "2026-09-01")
    assert report["received"] == 1  # C8
    assert report["agencies"][0]["agency"] == "dinkes"


def test_an_empty_range_prints_zeros(august):
    report = report_json("--from", "2025-01-01", "--to", "2025-01-31", "--as-of", "2025-02-01")
    assert report["received"] == 0
    assert report["by_channel"] == dict.fromkeys(EXPECTED["by_channel"], 0)
    assert report["by_kind"] == dict.fromkeys(EXPECTED["by_kind"], 0)
    assert report["by_status"] == dict.fromkeys(EXPECTED["by_status"], 0)
    assert report["resolved"] == report["in_progress"] == 0
    assert report["social_media_share"] == 0
    assert report["agencies"] == []


def test_a_reversed_range_is_empty(august):
    assert report_json("--from", "2026-08-31", "--to", "2026-08-01")["received"] == 0


def test_agencies_without_answers_have_null_medians(db):
    agency = AgencyFactory(slug="bpbd")
    ComplaintFactory(agency=agency, received_at=wib(2026, 8, 3, 8))
    report = complaint_report(
        date_from=date(2026, 8, 1), date_to=date(2026, 8, 31), as_of=date(2026, 8, 3)
    )
    assert report["agencies"] == [
        {
            "agency": "bpbd",
            "received": 1,
            "resolved": 0,
            "in_progress": 0,
            "overdue": 0,
            "median_first_response_hours": None,
            "median_resolution_hours": None,
        }
    ]
    out = StringIO()
    call_command(
        "complaints_report", "--from", "2026-08-01", "--to", "2026-08-31", "--json", stdout=out
    )
    assert '"median_first_response_hours": null' in out.getvalue()


def test_social_media_share_is_rounded_to_three_decimals(db):
    for channel in ("tiktok", "whatsapp", "phone"):
        ComplaintFactory(channel=channel, received_at=wib(2026, 8, 3, 8))
    report = complaint_report(
        date_from=date(2026, 8, 3), date_to=date(2026, 8, 3), as_of=date(2026, 8, 3)
    )
    assert report["social_media_share"] == 0.667


def test_closed_or_answered_complaints_are_never_overdue(db):
    agency = AgencyFactory(slug="dinsos")
    received = wib(2026, 8, 3, 8)
    ComplaintFactory(agency=agency, received_at=received, status="selesai")
    ComplaintFactory(agency=agency, received_at=received, status="ditolak")
    ComplaintFactory(
        agency=agency, received_at=received, status="diteruskan", first_response_at=received
    )
    ComplaintFactory(agency=agency, received_at=received, status="ditanggapi")
    report = complaint_report(
        date_from=date(2026, 8, 3), date_to=date(2026, 8, 3), as_of=date(2026, 9, 30)
    )
    assert report["agencies"][0]["overdue"] == 1
    assert report["agencies"][0]["in_progress"] == 2


def test_medians_of_odd_and_even_counts():
    from fractions import Fraction

    assert median_hours([]) is None
    assert median_hours([Fraction(5), Fraction(1), Fraction(3)]) == 3.0
    assert median_hours([Fraction(1), Fraction(2)]) == 1.5
    assert median_hours([Fraction(3, 20)]) == 0.2  # 9 minutes: 0.15 h rounds up
    assert round_half_up(Fraction(1, 8), 2) == 0.13


def test_bad_dates_are_refused(db):
    with pytest.raises(CommandError, match="2026-02-30"):
        call_command("complaints_report", "--from", "2026-02-30", "--to", "2026-03-01")


def test_the_text_report_lists_agencies(august):
    out = StringIO()
    call_command(
        "complaints_report",
        "--from",
        "2026-08-01",
        "--to",
        "2026-08-31",
        "--as-of",
        "2026-08-26",
        stdout=out,
    )
    assert "dukcapil: 4 / 2 / 2 / 1 / 4.0 / 36.0" in out.getvalue()
