//! Every limit spelling met in the seeds, and the malformed ones.
use super::*;

fn wall(min_s: f64, max_s: f64) -> Option<Budget> {
    Some(Budget::WallClock { min_s, max_s })
}

fn working(days: u32) -> Option<Budget> {
    Some(Budget::WorkingDays {
        min_days: None,
        days,
    })
}

#[test]
fn ranges_of_seconds_with_either_dash() {
    assert_eq!(parse_limit("10–15 сек"), wall(10.0, 15.0));
    assert_eq!(parse_limit("10-15 сек"), wall(10.0, 15.0));
    assert_eq!(parse_limit("10—15 секунд"), wall(10.0, 15.0));
    assert_eq!(parse_limit("10 – 15 сек."), wall(10.0, 15.0));
}

#[test]
fn single_values_in_every_unit_spelling() {
    assert_eq!(parse_limit("20 сек"), wall(20.0, 20.0));
    assert_eq!(parse_limit("20 секунд"), wall(20.0, 20.0));
    assert_eq!(parse_limit("30 секунд"), wall(30.0, 30.0));
    assert_eq!(parse_limit("5 мин"), wall(300.0, 300.0));
    assert_eq!(parse_limit("5 минут"), wall(300.0, 300.0));
    assert_eq!(parse_limit("1 мин"), wall(60.0, 60.0));
    assert_eq!(parse_limit("1 сағат"), wall(3600.0, 3600.0));
}

#[test]
fn decimal_comma_minutes() {
    assert_eq!(parse_limit("1,5 мин"), wall(90.0, 90.0));
    assert_eq!(parse_limit("1.5 мин"), wall(90.0, 90.0));
}

#[test]
fn at_most_phrasings_start_at_zero() {
    assert_eq!(parse_limit("15 минуттан артық емес"), wall(0.0, 900.0));
    assert_eq!(parse_limit("1 минуттан артық емес"), wall(0.0, 60.0));
    assert_eq!(parse_limit("20 минут ішінде"), wall(0.0, 1200.0));
    assert_eq!(
        parse_limit("бір тәуліктен кешіктірмей"),
        wall(0.0, 86_400.0)
    );
    assert_eq!(parse_limit("15 (он бес) минут"), wall(900.0, 900.0));
}

#[test]
fn ranges_across_units() {
    assert_eq!(parse_limit("30 сек – 1 минут"), wall(30.0, 60.0));
    assert_eq!(parse_limit("30 сек - 1 мин"), wall(30.0, 60.0));
}

#[test]
fn compound_durations_add_up() {
    assert_eq!(parse_limit("1 минут 30 сек"), wall(90.0, 90.0));
    assert_eq!(parse_limit("5 мин 30 сек"), wall(330.0, 330.0));
}

#[test]
fn working_days_spellings() {
    assert_eq!(parse_limit("5 жұмыс күнінде"), working(5));
    assert_eq!(parse_limit("5 жұмыс күн ішінде"), working(5));
    assert_eq!(parse_limit("1 (бір) жұмыс күні ішінде"), working(1));
    assert_eq!(parse_limit("15 (он бес) жұмыс күні"), working(15));
    assert_eq!(parse_limit("4 (төрт) жұмыс күні ішінде"), working(4));
    assert_eq!(parse_limit("2 жұмыс күні ішінде"), working(2));
    assert_eq!(parse_limit("үш жұмыс күні ішінде"), working(3));
    assert_eq!(
        parse_limit("3-5 жұмыс күні"),
        Some(Budget::WorkingDays {
            min_days: Some(3),
            days: 5
        })
    );
}

#[test]
fn calendar_days_with_an_exception_kept_verbatim() {
    let b =
        parse_limit("15 тен 30 күн күнтізбелік күнге дейін (жөкелеген жағдайларда 6 айға дейін)");
    assert_eq!(
        b,
        Some(Budget::CalendarDays {
            min_days: 15,
            max_days: 30,
            exception: Some(LimitException {
                text: "жөкелеген жағдайларда 6 айға дейін".into(),
                max_days: Some(180),
            }),
        })
    );
    assert_eq!(
        parse_limit("2 күн ішінде"),
        Some(Budget::CalendarDays {
            min_days: 0,
            max_days: 2,
            exception: None
        })
    );
    assert_eq!(
        parse_limit("30 күнтізбелік күн"),
        Some(Budget::CalendarDays {
            min_days: 30,
            max_days: 30,
            exception: None
        })
    );
}

#[test]
fn absent_limits_are_none() {
    assert_eq!(parse_limit(""), None);
    assert_eq!(parse_limit("  "), None);
    assert_eq!(parse_limit("-"), None);
    assert_eq!(parse_limit("–"), None);
    assert_eq!(parse_limit("—"), None);
}

fn malformed(raw: &str) -> String {
    match parse_limit(raw) {
        Some(Budget::Malformed { reason }) => reason,
        other => panic!("{raw:?} should be malformed, got {other:?}"),
    }
}

#[test]
fn reversed_range_is_malformed_not_guessed() {
    let reason = malformed("30–1 мин");
    assert!(reason.contains("exceeds"), "{reason}");
}

#[test]
fn unreadable_limits_are_malformed_with_a_reason() {
    assert!(malformed("тез арада").contains("no number"));
    assert!(malformed("15").contains("without a unit"));
    assert!(malformed("1, 2, 3 мин").contains("3 numbers"));
    assert!(malformed("5 сек - 2 күн").contains("mixes"));
    assert!(malformed("1,5 жұмыс күні").contains("whole"));
}

#[test]
fn day_scale_and_display() {
    assert!(parse_limit("5 жұмыс күнінде").unwrap().is_day_scale());
    assert!(!parse_limit("1,5 мин").unwrap().is_day_scale());
    assert_eq!(parse_limit("10–15 сек").unwrap().to_string(), "10–15 s");
    assert_eq!(parse_limit("1,5 мин").unwrap().to_string(), "90 s");
    assert_eq!(
        parse_limit("5 жұмыс күнінде").unwrap().to_string(),
        "5 working days"
    );
}

#[test]
fn json_shape_matches_the_model_contract() {
    let json = |raw: &str| serde_json::to_value(parse_limit(raw).unwrap()).unwrap();
    assert_eq!(
        json("10–15 сек"),
        serde_json::json!({"kind": "wallclock", "min_s": 10.0, "max_s": 15.0})
    );
    assert_eq!(
        json("5 жұмыс күнінде"),
        serde_json::json!({"kind": "working_days", "days": 5})
    );
    assert_eq!(
        json("2 күн ішінде"),
        serde_json::json!({"kind": "calendar_days", "min_days": 0, "max_days": 2})
    );
    assert_eq!(json("30–1 мин")["kind"], "malformed");
}

/// Seed 003 hyphenates words at line breaks; "5 жұ- мыс күн ішінде" was
/// silently read as 0–5 calendar days before the words were rejoined.
#[test]
fn regression_words_hyphenated_at_a_line_break_are_rejoined() {
    assert_eq!(
        parse_limit("5 жұ- мыс күн ішінде"),
        parse_limit("5 жұмыс күн ішінде")
    );
    assert_eq!(
        parse_limit("5 жұ- мыс күн ішін- де"),
        parse_limit("5 жұмыс күн ішінде")
    );
    assert!(matches!(
        parse_limit("5 жұ- мыс күн ішінде"),
        Some(Budget::WorkingDays { days: 5, .. })
    ));
    assert_eq!(parse_limit("20 ми- нут ішінде"), wall(0.0, 1200.0));
    // Ranges keep their dashes.
    assert_eq!(parse_limit("10-15 сек"), wall(10.0, 15.0));
    assert_eq!(parse_limit("30 сек - 1 мин"), wall(30.0, 60.0));
}
