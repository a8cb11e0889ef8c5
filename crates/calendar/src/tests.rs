use super::*;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(text: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn working(cal: &Calendar, date: NaiveDate) -> bool {
    cal.is_working_day(date).unwrap()
}

#[test]
fn nauryz_on_a_weekend_moves_to_the_next_working_days() {
    // 2020: 21 March Saturday, 22 Sunday, 23 Monday.
    let cal = Calendar::builtin();
    for day in 21..=25 {
        assert!(!working(&cal, d(2020, 3, day)), "2020-03-{day}");
    }
    assert!(matches!(
        cal.day(d(2020, 3, 24)).unwrap(),
        DayKind::MovedHoliday { from, .. } if from == d(2020, 3, 21)
    ));
    assert!(working(&cal, d(2020, 3, 26)));
    // 2024: 21–22 Thursday–Friday, 23 Saturday moves to Monday 25.
    assert!(!working(&cal, d(2024, 3, 25)));
    assert!(working(&cal, d(2024, 3, 26)));
}

#[test]
fn new_year_on_a_weekend_moves_but_orthodox_christmas_does_not() {
    let cal = Calendar::builtin();
    // 2022: 1–2 January Saturday–Sunday → 3–4 January off.
    assert!(!working(&cal, d(2022, 1, 3)));
    assert!(!working(&cal, d(2022, 1, 4)));
    assert!(working(&cal, d(2022, 1, 5)));
    // 2024: 7 January is a Sunday; Monday 8 January is a working day.
    assert!(matches!(
        cal.day(d(2024, 1, 7)).unwrap(),
        DayKind::Holiday {
            religious: true,
            ..
        }
    ));
    assert!(working(&cal, d(2024, 1, 8)));
}

#[test]
fn kurban_ait_on_a_sunday_is_not_moved() {
    let cal = Calendar::builtin();
    assert!(matches!(
        cal.day(d(2019, 8, 11)).unwrap(),
        DayKind::Holiday {
            religious: true,
            ..
        }
    ));
    assert!(working(&cal, d(2019, 8, 12)));
    assert!(!working(&cal, d(2025, 6, 6)));
}

#[test]
fn days_off_moved_by_decree() {
    let cal = Calendar::builtin();
    // 2018: Monday 31 December off, Saturday 29 December worked.
    assert!(!working(&cal, d(2018, 12, 31)));
    assert!(working(&cal, d(2018, 12, 29)));
    assert!(matches!(
        cal.day(d(2018, 12, 29)).unwrap(),
        DayKind::DecreeWorkingDay { .. }
    ));
    // A transfer across years: 3 January 2014 off for Saturday 28 December 2013.
    assert!(!working(&cal, d(2014, 1, 3)));
    assert!(working(&cal, d(2013, 12, 28)));
    // 2022: Republic Day's bridge, Monday 24 October off, Saturday 22 worked.
    assert!(!working(&cal, d(2022, 10, 24)));
    assert!(!working(&cal, d(2022, 10, 25)));
    assert!(working(&cal, d(2022, 10, 22)));
}

#[test]
fn holidays_change_over_the_years() {
    let cal = Calendar::builtin();
    // 7 May: a working Monday in 2012, Defender of the Fatherland Day from 2013.
    assert!(working(&cal, d(2012, 5, 7)));
    assert!(!working(&cal, d(2013, 5, 7)));
    // 1 December: First President Day 2012–2021 only.
    assert!(!working(&cal, d(2021, 12, 1)));
    assert!(working(&cal, d(2022, 12, 1)));
    // 17 December stopped being a holiday in 2022; 25 October became one.
    assert!(!working(&cal, d(2021, 12, 17)));
    assert!(working(&cal, d(2024, 12, 17)));
    assert!(working(&cal, d(2021, 10, 25)));
    assert!(!working(&cal, d(2023, 10, 25)));
    // 16 December 2023 was a Saturday: Monday 18 off.
    assert!(!working(&cal, d(2023, 12, 18)));
}

#[test]
fn dates_outside_the_calendar_are_an_error_not_a_guess() {
    let cal = Calendar::builtin();
    assert!(matches!(
        cal.day(d(2028, 1, 3)),
        Err(CalendarError::OutOfRange {
            first: 2012,
            last: 2027,
            ..
        })
    ));
    assert!(cal.day(d(2011, 12, 30)).is_err());
}

#[test]
fn a_year_has_a_plausible_number_of_working_days_and_a_listing() {
    let cal = Calendar::builtin();
    for year in FIRST_YEAR..=LAST_YEAR {
        let n = cal.working_days_in(year).unwrap();
        assert!((240..=254).contains(&n), "{year}: {n} working days");
    }
    let listing = cal.listing(2024).unwrap();
    assert!(listing.iter().any(|e| e.date == d(2024, 5, 8)
        && matches!(&e.kind, DayKind::DecreeDayOff { working_day, .. } if *working_day == d(2024, 5, 4))));
    assert!(listing.iter().all(|e| e.date.year() == 2024));
}

#[test]
fn working_day_arithmetic() {
    let cal = Calendar::builtin();
    // Friday 15 March 2024 + 5 working days skips Nauryz (21, 22, moved 25).
    assert_eq!(
        cal.add_working_days(d(2024, 3, 15), 5).unwrap(),
        d(2024, 3, 27)
    );
    assert_eq!(
        cal.add_working_days(d(2024, 3, 15), 0).unwrap(),
        d(2024, 3, 15)
    );
    assert_eq!(
        cal.working_days_between(d(2024, 3, 15), d(2024, 3, 27))
            .unwrap(),
        5
    );
    assert_eq!(
        cal.working_days_between(d(2024, 3, 15), d(2024, 3, 15))
            .unwrap(),
        0
    );
}

#[test]
fn a_request_filed_after_hours_counts_from_the_next_working_day() {
    // Seed 002: 15 working days, office 9.00–18.30, filed after hours → next
    // working day. Friday 2024-03-15 19:00 → counted from Monday 18 March;
    // Nauryz (21, 22, moved 25) skipped → Thursday 11 April, 18:30.
    let cal = Calendar::builtin();
    let rules = DeadlineRules {
        office: OfficeHours::parse("9.00-18.30"),
        after_hours_next_working_day: true,
    };
    let dl = cal
        .deadline(
            &at("2024-03-15T19:00:00+05:00"),
            Period::WorkingDays(15),
            &rules,
        )
        .unwrap();
    assert_eq!(dl.counted_from, d(2024, 3, 18));
    assert_eq!(dl.last_day, d(2024, 4, 11));
    assert_eq!(dl.due, at("2024-04-11T18:30:00+05:00"));
    assert!(dl.kept_by(&at("2024-04-11T18:29:59+05:00")));
    assert!(!dl.kept_by(&at("2024-04-11T18:30:01+05:00")));
    // Within hours the same day counts, and the period starts the next day.
    let dl = cal
        .deadline(
            &at("2024-03-15T10:00:00+05:00"),
            Period::WorkingDays(1),
            &rules,
        )
        .unwrap();
    assert_eq!(dl.counted_from, d(2024, 3, 15));
    assert_eq!(dl.last_day, d(2024, 3, 18));
    // Without the rule, a Sunday filing counts from Sunday.
    let plain = DeadlineRules::default();
    let dl = cal
        .deadline(
            &at("2024-03-17T12:00:00+05:00"),
            Period::WorkingDays(1),
            &plain,
        )
        .unwrap();
    assert_eq!(dl.counted_from, d(2024, 3, 17));
    assert_eq!(dl.last_day, d(2024, 3, 18));
    assert_eq!(dl.due, at("2024-03-18T23:59:59+05:00"));
}

#[test]
fn calendar_days_ending_on_a_day_off_end_on_the_next_working_day() {
    let cal = Calendar::builtin();
    // 22 December 2023 + 15 days = Saturday 6 January 2024 (7th: Christmas,
    // a Sunday) → Monday 8 January.
    let dl = cal
        .deadline(
            &at("2023-12-22T11:00:00+06:00"),
            Period::CalendarDays(15),
            &DeadlineRules::default(),
        )
        .unwrap();
    assert_eq!(dl.last_day, d(2024, 1, 8));
}

#[test]
fn hours_are_elapsed_time() {
    let cal = Calendar::builtin();
    let dl = cal
        .deadline(
            &at("2024-03-15T19:00:00+05:00"),
            Period::Hours(24),
            &DeadlineRules::default(),
        )
        .unwrap();
    assert_eq!(dl.due, at("2024-03-16T19:00:00+05:00"));
}

#[test]
fn legal_time_is_utc6_until_march_2024_then_utc5() {
    let before = Utc.with_ymd_and_hms(2024, 2, 29, 17, 59, 59).unwrap();
    let after = Utc.with_ymd_and_hms(2024, 2, 29, 18, 0, 0).unwrap();
    assert_eq!(legal_offset(before).local_minus_utc(), 6 * 3600);
    assert_eq!(legal_offset(after).local_minus_utc(), 5 * 3600);
    // A late-evening UTC instant is already the next legal day.
    let t = Utc.with_ymd_and_hms(2023, 3, 20, 19, 30, 0).unwrap();
    assert_eq!(to_legal(&t).date_naive(), d(2023, 3, 21));
    // A deadline across the switch carries the new offset.
    let dl = Calendar::builtin()
        .deadline(
            &at("2024-02-28T10:00:00+06:00"),
            Period::WorkingDays(2),
            &DeadlineRules::default(),
        )
        .unwrap();
    assert_eq!(dl.due.offset().local_minus_utc(), 5 * 3600);
}

#[test]
fn office_hours_spellings() {
    for s in [
        "9.00-18.30",
        "09:00–18:30",
        "9-00 - 18-30",
        "с 9.00 до 18.30",
    ] {
        let o = OfficeHours::parse(s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!(o.to_string(), "09:00–18:30", "{s}");
    }
    assert!(OfficeHours::parse("18.30-9.00").is_none());
    assert!(OfficeHours::parse("тәулік бойы").is_none());
}

#[test]
fn a_calendar_file_extends_and_corrects() {
    let text = r#"
        [[kurban_ait]]
        year = 2028
        date = "2028-05-05"

        [[kurban_ait]]
        year = 2026
        date = "2026-05-26"

        [[day]]
        date = "2026-03-20"
        working = false
        name = "Day off moved from Saturday 28 March"
        source = "a test decree"
    "#;
    let cal = Calendar::with_overrides(text).unwrap();
    assert!(!working(&cal, d(2028, 5, 5)));
    assert!(
        !working(&cal, d(2028, 3, 22)),
        "statutory holidays of an added year"
    );
    assert!(!working(&cal, d(2026, 5, 26)));
    assert!(
        working(&cal, d(2026, 5, 27)),
        "the built-in provisional date is replaced"
    );
    assert!(!working(&cal, d(2026, 3, 20)));
}

#[test]
fn a_bad_calendar_file_is_refused_with_a_reason() {
    let wrong_year = "[[kurban_ait]]\nyear = 2028\ndate = \"2029-05-05\"\n";
    assert!(matches!(
        Calendar::with_overrides(wrong_year),
        Err(OverrideError::WrongYear { .. })
    ));
    let uncovered =
        "[[day]]\ndate = \"2030-01-10\"\nworking = false\nname = \"x\"\nsource = \"y\"\n";
    assert!(matches!(
        Calendar::with_overrides(uncovered),
        Err(OverrideError::YearNotCovered { year: 2030, .. })
    ));
    let err = Calendar::with_overrides("[[dya]]\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("dya"), "{err}");
}
