//! The built-in data: public holidays of the Republic of Kazakhstan, their
//! changes over the years, the religious feast dates and the days off moved
//! by government decree, 2012–2027.
//!
//! Sources:
//! - Law of the RK of 13 December 2001 No. 267-II "On holidays in the Republic
//!   of Kazakhstan" (adilet.zan.kz Z010000267_) and its amendments: Nauryz
//!   21–23 March since 2010; First President Day 1 December 2012–2021;
//!   Defender of the Fatherland Day 7 May since 2013; Republic Day
//!   25 October again since 2022, when 17 December stopped being a holiday.
//! - Labour Code of the RK (2015), art. 85 (and art. 84 of the 2007 Code):
//!   a holiday that falls on a day off moves to the next working day, except
//!   religious holidays (Orthodox Christmas, Kurban Ait).
//! - Kurban Ait dates: announced yearly by the Spiritual Administration of
//!   Muslims of Kazakhstan; 2026 and 2027 are the astronomical estimate and
//!   marked provisional (override them in a calendar file when announced).
//! - Decree transfers: the government's yearly resolutions "on moving days
//!   off", cited per year below (adilet.zan.kz document ids).

use chrono::{Datelike, NaiveDate, Weekday};

/// First and last year the built-in data covers.
pub const FIRST_YEAR: i32 = 2012;
pub const LAST_YEAR: i32 = 2027;

/// A holiday the law fixes to a day of the year.
pub(crate) struct FixedHoliday {
    pub month: u32,
    pub day: u32,
    pub name_kk: &'static str,
    pub name_en: &'static str,
    pub from: i32,
    pub until: i32,
    /// Religious holidays do not move when they fall on a day off.
    pub religious: bool,
}

const LAW: i32 = i32::MAX;

pub(crate) const FIXED: &[FixedHoliday] = &[
    h(1, 1, "Жаңа жыл", "New Year", 1991, LAW, false),
    h(1, 2, "Жаңа жыл", "New Year", 1991, LAW, false),
    h(
        1,
        7,
        "Православиелік Рождество",
        "Orthodox Christmas",
        2006,
        LAW,
        true,
    ),
    h(
        3,
        8,
        "Халықаралық әйелдер күні",
        "International Women's Day",
        1991,
        LAW,
        false,
    ),
    h(3, 21, "Наурыз мейрамы", "Nauryz", 2010, LAW, false),
    h(3, 22, "Наурыз мейрамы", "Nauryz", 2002, LAW, false),
    h(3, 23, "Наурыз мейрамы", "Nauryz", 2010, LAW, false),
    h(
        5,
        1,
        "Қазақстан халқының бірлігі мерекесі",
        "Unity Day",
        1991,
        LAW,
        false,
    ),
    h(
        5,
        7,
        "Отан қорғаушы күні",
        "Defender of the Fatherland Day",
        2013,
        LAW,
        false,
    ),
    h(5, 9, "Жеңіс күні", "Victory Day", 1991, LAW, false),
    h(7, 6, "Астана күні", "Capital Day", 2009, LAW, false),
    h(
        8,
        30,
        "Конституция күні",
        "Constitution Day",
        1996,
        LAW,
        false,
    ),
    h(10, 25, "Республика күні", "Republic Day", 2022, LAW, false),
    h(
        12,
        1,
        "Тұңғыш Президент күні",
        "First President Day",
        2012,
        2021,
        false,
    ),
    h(
        12,
        16,
        "Тәуелсіздік күні",
        "Independence Day",
        1991,
        LAW,
        false,
    ),
    h(
        12,
        17,
        "Тәуелсіздік күні",
        "Independence Day",
        2002,
        2021,
        false,
    ),
];

const fn h(
    month: u32,
    day: u32,
    name_kk: &'static str,
    name_en: &'static str,
    from: i32,
    until: i32,
    religious: bool,
) -> FixedHoliday {
    FixedHoliday {
        month,
        day,
        name_kk,
        name_en,
        from,
        until,
        religious,
    }
}

/// Kurban Ait (first day), a religious holiday that does not move.
/// `(year, month, day, provisional)`.
pub(crate) const KURBAN_AIT: &[(i32, u32, u32, bool)] = &[
    (2012, 10, 26, false),
    (2013, 10, 15, false),
    (2014, 10, 4, false),
    (2015, 9, 24, false),
    (2016, 9, 12, false),
    (2017, 9, 1, false),
    (2018, 8, 21, false),
    (2019, 8, 11, false),
    (2020, 7, 31, false),
    (2021, 7, 20, false),
    (2022, 7, 9, false),
    (2023, 6, 28, false),
    (2024, 6, 16, false),
    (2025, 6, 6, false),
    (2026, 5, 27, true),
    (2027, 5, 16, true),
];

/// A day off moved by government decree: `day_off` becomes a day off and
/// `working_day` (a Saturday or Sunday) a working day.
pub(crate) struct DecreeTransfer {
    pub day_off: (i32, u32, u32),
    pub working_day: (i32, u32, u32),
    pub decree: &'static str,
}

const fn t(
    day_off: (i32, u32, u32),
    working_day: (i32, u32, u32),
    decree: &'static str,
) -> DecreeTransfer {
    DecreeTransfer {
        day_off,
        working_day,
        decree,
    }
}

/// Years with no entry had no transfer decree (2015) or none known when this
/// table was written (2026, 2027): add them in a calendar file.
pub(crate) const DECREE_TRANSFERS: &[DecreeTransfer] = &[
    t(
        (2012, 3, 9),
        (2012, 3, 11),
        "ҚР Үкіметінің қаулысы P1200000268",
    ),
    t(
        (2012, 4, 30),
        (2012, 4, 28),
        "ҚР Үкіметінің қаулысы P1200000458",
    ),
    t(
        (2012, 12, 31),
        (2012, 12, 29),
        "ҚР Үкіметінің қаулысы P1200001538",
    ),
    t(
        (2013, 5, 10),
        (2013, 5, 4),
        "ҚР Үкіметінің қаулысы P1300000345",
    ),
    t(
        (2013, 10, 14),
        (2013, 10, 12),
        "ҚР Үкіметінің қаулысы P1300001068",
    ),
    t(
        (2014, 1, 3),
        (2013, 12, 28),
        "ҚР Үкіметінің қаулысы P1300001322",
    ),
    t(
        (2014, 5, 2),
        (2014, 5, 4),
        "ҚР Үкіметінің қаулысы P1400000365",
    ),
    t(
        (2014, 5, 8),
        (2014, 5, 11),
        "ҚР Үкіметінің қаулысы P1400000365",
    ),
    t(
        (2016, 3, 7),
        (2016, 3, 5),
        "ҚР Үкіметінің қаулысы P1600000067",
    ),
    t(
        (2017, 3, 20),
        (2017, 3, 18),
        "ҚР Үкіметінің қаулысы P1700000005",
    ),
    t(
        (2017, 7, 7),
        (2017, 7, 1),
        "ҚР Үкіметінің қаулысы P1700000005",
    ),
    t(
        (2018, 3, 9),
        (2018, 3, 3),
        "ҚР Үкіметінің қаулысы P1700000864",
    ),
    t(
        (2018, 4, 30),
        (2018, 4, 28),
        "ҚР Үкіметінің қаулысы P1700000864",
    ),
    t(
        (2018, 5, 8),
        (2018, 5, 5),
        "ҚР Үкіметінің қаулысы P1700000864",
    ),
    t(
        (2018, 8, 31),
        (2018, 8, 25),
        "ҚР Үкіметінің қаулысы P1700000864",
    ),
    t(
        (2018, 12, 31),
        (2018, 12, 29),
        "ҚР Үкіметінің қаулысы P1700000864",
    ),
    t(
        (2019, 5, 10),
        (2019, 5, 4),
        "ҚР Үкіметінің қаулысы P1800000888",
    ),
    t(
        (2020, 1, 3),
        (2020, 1, 5),
        "ҚР Үкіметінің қаулысы P1900000820",
    ),
    t(
        (2020, 12, 18),
        (2020, 12, 20),
        "ҚР Үкіметінің қаулысы P1900000820",
    ),
    t(
        (2021, 7, 5),
        (2021, 7, 3),
        "ҚР Үкіметінің қаулысы P2000000930",
    ),
    t(
        (2022, 3, 7),
        (2022, 3, 5),
        "ҚР Үкіметінің қаулысы P2200000796",
    ),
    t(
        (2022, 8, 29),
        (2022, 8, 27),
        "ҚР Үкіметінің қаулысы P2200000796",
    ),
    t(
        (2022, 10, 24),
        (2022, 10, 22),
        "ҚР Үкіметінің қаулысы P2200000796",
    ),
    t(
        (2023, 7, 7),
        (2023, 7, 1),
        "ҚР Үкіметінің қаулысы P2300000326",
    ),
    t(
        (2024, 5, 8),
        (2024, 5, 4),
        "ҚР Үкіметінің қаулысы G24G0000109",
    ),
    t(
        (2025, 1, 3),
        (2025, 1, 5),
        "ҚР Үкіметінің қаулысы G24G0000436",
    ),
];

pub(crate) fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("built-in calendar dates are valid")
}

pub(crate) fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}
