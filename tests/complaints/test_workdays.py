from datetime import date

import pytest

from complaints.models import NonWorkingDay
from complaints.workdays import WorkingCalendar, national_holidays


def test_the_package_lists_independence_day_2026_on_a_monday():
    """The fixtures below rely on it: 17 August 2026 is a Monday and a holiday."""
    assert date(2026, 8, 17) in national_holidays(2026)
    assert date(2026, 8, 17).weekday() == 0
    assert date(2026, 8, 25) in national_holidays(2026)  # Maulid Nabi, a Tuesday


def test_weekends_and_holidays_are_not_working_days():
    calendar = WorkingCalendar(extra_days=())
    assert calendar.is_working_day(date(2026, 8, 14))  # Friday
    assert not calendar.is_working_day(date(2026, 8, 15))  # Saturday
    assert not calendar.is_working_day(date(2026, 8, 16))  # Sunday
    assert not calendar.is_working_day(date(2026, 8, 17))  # Independence Day
    assert calendar.is_working_day(date(2026, 8, 18))


def test_working_days_after_skip_the_public_holiday():
    calendar = WorkingCalendar(extra_days=())
    # Friday 14 August to Monday 24 August: 18, 19, 20, 21, 24 (17 is a holiday).
    assert calendar.working_days_after(date(2026, 8, 14), date(2026, 8, 24)) == 5
    # Tuesday 25 August is Maulid Nabi: still 5; Wednesday makes 6.
    assert calendar.working_days_after(date(2026, 8, 14), date(2026, 8, 25)) == 5
    assert calendar.working_days_after(date(2026, 8, 14), date(2026, 8, 26)) == 6


def test_idul_fitri_2025_spans_two_working_days():
    calendar = WorkingCalendar(extra_days=())
    # Monday 31 March and Tuesday 1 April 2025 are Idul Fitri; 27 to 2 April: 28, 2.
    assert calendar.working_days_after(date(2025, 3, 27), date(2025, 4, 2)) == 2


def test_the_count_excludes_the_start_and_includes_the_end():
    calendar = WorkingCalendar(extra_days=())
    assert calendar.working_days_after(date(2026, 8, 18), date(2026, 8, 18)) == 0
    assert calendar.working_days_after(date(2026, 8, 18), date(2026, 8, 19)) == 1
    assert calendar.working_days_after(date(2026, 8, 19), date(2026, 8, 18)) == 0


@pytest.mark.django_db
def test_editors_extra_days_off_are_read_from_the_database():
    assert WorkingCalendar().working_days_after(date(2026, 8, 14), date(2026, 8, 26)) == 6
    NonWorkingDay.objects.create(date=date(2026, 8, 26), name="Cuti bersama")
    assert WorkingCalendar().working_days_after(date(2026, 8, 14), date(2026, 8, 26)) == 5


def test_add_working_days_gives_the_deadline():
    calendar = WorkingCalendar(extra_days=())
    assert calendar.add_working_days(date(2026, 8, 14), 3) == date(2026, 8, 20)
    assert calendar.add_working_days(date(2026, 8, 14), 5) == date(2026, 8, 24)
