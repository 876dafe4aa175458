"""Belgian public holidays and school holidays, shipped with the code.

``manage.py load_calendars`` writes these periods into ``CalendarPeriod`` (editable in the
admin afterwards). Every period names its source. Covered: the school years 2025-2026 and
2026-2027, and the public holidays of the calendar years 2025 to 2027.

Sources
- Public holidays: the ten legal holidays of Belgium (loi du 4 janvier 1974 relative aux
  jours fériés / wet van 4 januari 1974 betreffende de feestdagen); the Easter-based ones
  are computed from the date of Easter. 8 May, "Fête de l'Iris / Irisfeest", is the
  holiday of the Brussels-Capital Region, observed by regional and local administrations
  (the commune's services included).
- Fédération Wallonie-Bruxelles (French-speaking schools in Brussels): the calendar of
  the reform of school rhythms (décret du 23 juin 2022 / circulaires « calendrier
  scolaire », https://www.enseignement.be). 2025-2026 is the published calendar.
  2026-2027 follows the reform's pattern (two-week autumn, winter, carnival and spring
  breaks; summer from the first Saturday of July to the last Monday of August) and is
  marked provisional: check it against the official circular and edit it in the admin.
- Vlaamse Gemeenschap (Dutch-speaking schools): computed from the fixed rules of the
  Besluit van de Vlaamse Regering van 17 april 1991 (https://onderwijs.vlaanderen.be,
  "schoolvakanties"): summer 1 July to 31 August; autumn the week of 1 November; Christmas
  two weeks from the Monday of the week of 25 December; carnival (krokus) the 7th Monday
  before Easter; Easter two weeks from the first Monday of April (the Monday after Easter
  when Easter is in March, the second Monday before Easter when Easter is after 15 April).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

PUBLIC_HOLIDAY = "public_holiday"
SCHOOL_HOLIDAY = "school_holiday"

NATIONAL = "national"
BRUSSELS = "brussels"
FWB = "fwb"
VL = "vl"

SOURCE_LAW = "Loi du 4 janvier 1974 relative aux jours fériés (computed)"
SOURCE_IRIS = "Région de Bruxelles-Capitale: Fête de l'Iris, 8 May (computed)"
SOURCE_FWB = "Fédération Wallonie-Bruxelles, calendrier scolaire (enseignement.be)"
SOURCE_FWB_PROVISIONAL = (
    "Fédération Wallonie-Bruxelles: provisional, derived from the 2022 reform's pattern; "
    "check against the official circular (enseignement.be)"
)
SOURCE_VL = "Besluit van de Vlaamse Regering van 17 april 1991 (computed; onderwijs.vlaanderen.be)"

SCHOOL_YEARS = ("2025-2026", "2026-2027")
CALENDAR_YEARS = (2025, 2026, 2027)


@dataclass(frozen=True)
class PeriodData:
    kind: str
    community: str
    key: str
    name: str
    start: date
    end: date
    year: str
    source: str


def public_holidays(year: int) -> list[PeriodData]:
    easter_sunday = easter(year)
    days = [
        ("new_year", "New Year's Day", date(year, 1, 1)),
        ("easter_monday", "Easter Monday", easter_sunday + timedelta(days=1)),
        ("labour_day", "Labour Day", date(year, 5, 1)),
        ("ascension", "Ascension Day", easter_sunday + timedelta(days=39)),
        ("whit_monday", "Whit Monday", easter_sunday + timedelta(days=50)),
        ("national_day", "Belgian National Day", date(year, 7, 21)),
        ("assumption", "Assumption Day", date(year, 8, 15)),
        ("all_saints", "All Saints' Day", date(year, 11, 1)),
        ("armistice", "Armistice Day", date(year, 11, 11)),
        ("christmas", "Christmas Day", date(year, 12, 25)),
    ]
    periods = [
        PeriodData(PUBLIC_HOLIDAY, NATIONAL, key, name, day, day, str(year), SOURCE_LAW)
        for key, name, day in days
    ]
    iris = date(year, 5, 8)
    periods.append(
        PeriodData(
            PUBLIC_HOLIDAY,
            BRUSSELS,
            "iris_day",
            "Iris Day (Brussels-Capital Region)",
            iris,
            iris,
            str(year),
            SOURCE_IRIS,
        )
    )
    return periods


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def flemish_school_holidays(first_year: int) -> list[PeriodData]:
    """The Flemish Community's holidays of the school year first_year to first_year+1."""
    label = f"{first_year}-{first_year + 1}"
    all_saints = date(first_year, 11, 1)
    autumn = date(first_year, 11, 2) if all_saints.weekday() == 6 else _monday(all_saints)
    christmas_day = date(first_year, 12, 25)
    if christmas_day.weekday() >= 5:
        christmas = christmas_day + timedelta(days=7 - christmas_day.weekday())
    else:
        christmas = _monday(christmas_day)
    next_year = first_year + 1
    easter_sunday = easter(next_year)
    # "The 7th Monday before Easter": Easter is a Sunday, so the Monday of its own week
    # (Easter - 6 days) is the 1st Monday before it.
    carnival = easter_sunday - timedelta(days=6) - timedelta(weeks=6)
    if easter_sunday.month == 3:
        spring = easter_sunday + timedelta(days=1)
    elif easter_sunday > date(next_year, 4, 15):
        spring = easter_sunday - timedelta(days=6) - timedelta(weeks=1)
    else:
        spring = date(next_year, 4, 1)
        spring += timedelta(days=(7 - spring.weekday()) % 7)
    rows = [
        ("autumn", "Autumn holiday", autumn, autumn + timedelta(days=6)),
        ("winter", "Christmas holiday", christmas, christmas + timedelta(days=13)),
        ("carnival", "Carnival holiday", carnival, carnival + timedelta(days=6)),
        ("spring", "Easter holiday", spring, spring + timedelta(days=13)),
        ("summer", "Summer holiday", date(next_year, 7, 1), date(next_year, 8, 31)),
    ]
    return [
        PeriodData(SCHOOL_HOLIDAY, VL, key, name, start, end, label, SOURCE_VL)
        for key, name, start, end in rows
    ]


# Fédération Wallonie-Bruxelles: (key, name, first day, last day), weekends included.
FWB_SCHOOL_HOLIDAYS = {
    "2025-2026": (
        SOURCE_FWB,
        [
            ("autumn", "Autumn holiday", date(2025, 10, 20), date(2025, 11, 2)),
            ("winter", "Winter holiday", date(2025, 12, 22), date(2026, 1, 4)),
            ("carnival", "Carnival holiday", date(2026, 2, 16), date(2026, 3, 1)),
            ("spring", "Spring holiday", date(2026, 4, 27), date(2026, 5, 10)),
            ("summer", "Summer holiday", date(2026, 7, 4), date(2026, 8, 30)),
        ],
    ),
    "2026-2027": (
        SOURCE_FWB_PROVISIONAL,
        [
            ("autumn", "Autumn holiday", date(2026, 10, 19), date(2026, 11, 1)),
            ("winter", "Winter holiday", date(2026, 12, 21), date(2027, 1, 3)),
            ("carnival", "Carnival holiday", date(2027, 2, 15), date(2027, 2, 28)),
            ("spring", "Spring holiday", date(2027, 4, 26), date(2027, 5, 9)),
            ("summer", "Summer holiday", date(2027, 7, 3), date(2027, 8, 29)),
        ],
    ),
}


def fwb_school_holidays(label: str) -> list[PeriodData]:
    source, rows = FWB_SCHOOL_HOLIDAYS[label]
    return [
        PeriodData(SCHOOL_HOLIDAY, FWB, key, name, start, end, label, source)
        for key, name, start, end in rows
    ]


def all_periods(school_years=SCHOOL_YEARS, calendar_years=CALENDAR_YEARS) -> list[PeriodData]:
    periods: list[PeriodData] = []
    for year in calendar_years:
        periods += public_holidays(year)
    for label in school_years:
        periods += fwb_school_holidays(label)
        periods += flemish_school_holidays(int(label[:4]))
    return periods
