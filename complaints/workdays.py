"""Working days: Monday to Friday, minus Indonesia's national holidays and extra days off.

National holidays come from the ``holidays`` package (country ``ID``, default category);
editors add cuti bersama as ``NonWorkingDay`` rows, none by default.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def national_holidays(year):
    return frozenset(holidays.country_holidays("ID", years=year).keys())


class WorkingCalendar:
    """A calendar loaded once, so counting over many complaints costs one query."""

    def __init__(self, extra_days=None):
        if extra_days is None:
            from .models import NonWorkingDay

            extra_days = NonWorkingDay.objects.values_list("date", flat=True)
        self.extra_days = frozenset(extra_days)

    def is_working_day(self, day: date) -> bool:
        return (
            day.weekday() < 5
            and day not in national_holidays(day.year)
            and day not in self.extra_days
        )

    def working_days_after(self, start: date, end: date) -> int:
        """Count the working days d with start < d <= end (0 when end is not after start)."""
        count = 0
        day = start + timedelta(days=1)
        while day <= end:
            if self.is_working_day(day):
                count += 1
            day += timedelta(days=1)
        return count

    def add_working_days(self, start: date, days: int) -> date:
        """The date ``days`` working days after ``start`` (the deadline of a target)."""
        day = start
        while days > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                days -= 1
        return day
