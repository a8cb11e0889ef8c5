//! The legal clock: the acts' days are days of Astana time. Kazakhstan's
//! capital kept UTC+6 until the government's unification of time zones took
//! effect at 00:00 on 1 March 2024 (clocks set back one hour to UTC+5, the
//! whole country on one zone since).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// The instant the country moved to UTC+5: 2024-03-01 00:00 at UTC+6.
fn unification() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 2, 29, 18, 0, 0)
        .single()
        .expect("a valid instant")
}

/// Astana's UTC offset at `instant`.
pub fn legal_offset(instant: DateTime<Utc>) -> FixedOffset {
    let hours = if instant < unification() { 6 } else { 5 };
    FixedOffset::east_opt(hours * 3600).expect("a valid offset")
}

/// `instant` on the legal clock.
pub fn to_legal<Tz: TimeZone>(instant: &DateTime<Tz>) -> DateTime<FixedOffset> {
    let utc = instant.with_timezone(&Utc);
    utc.with_timezone(&legal_offset(utc))
}

/// A wall-clock time in Astana as an instant. (The hour repeated on the night
/// of 29 February 2024 is read as the earlier one.)
pub fn from_legal_local(local: NaiveDateTime) -> DateTime<FixedOffset> {
    let switch = NaiveDate::from_ymd_opt(2024, 3, 1)
        .expect("a valid date")
        .and_hms_opt(0, 0, 0)
        .expect("a valid time");
    let hours = if local < switch { 6 } else { 5 };
    FixedOffset::east_opt(hours * 3600)
        .expect("a valid offset")
        .from_local_datetime(&local)
        .single()
        .expect("a fixed offset has no gaps")
}
