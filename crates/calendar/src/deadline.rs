//! Deadlines of day-scale budgets.
//!
//! The counting follows the Civil Code of the RK (ch. 5, arts. 169–172): a
//! period in days starts on the day after the event (here: the day the
//! request was received); a period that ends on a non-working day ends on the
//! next working day; an act to be done in an organisation is due by the end
//! of its working hours on the last day. Where an act says that requests
//! filed after hours or on a day off are taken the next working day (seed
//! 002, "Жұмыс кестесі"), the receipt moves to that day first.

use crate::legal_time::{from_legal_local, to_legal};
use crate::{Calendar, CalendarError};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::Serialize;
use std::fmt;

/// A period of legal time, as the acts state them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "n", rename_all = "snake_case")]
pub enum Period {
    WorkingDays(u32),
    CalendarDays(u32),
    /// Whole hours (a тәулік is 24): elapsed time, no calendar.
    Hours(u32),
}

/// Office hours of a provider or of the State Corporation on working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OfficeHours {
    pub open: NaiveTime,
    pub close: NaiveTime,
}

impl OfficeHours {
    /// Reads `9.00-18.30`, `09:00–18:30`, `9-00 - 18-30`.
    pub fn parse(text: &str) -> Option<OfficeHours> {
        let norm: String = text
            .chars()
            .map(|c| if matches!(c, '–' | '—') { '-' } else { c })
            .filter(|c| !c.is_whitespace())
            .collect();
        let times: Vec<NaiveTime> = norm
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .chunks(2)
            .filter_map(|hm| match hm {
                [h, m] => NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0),
                _ => None,
            })
            .collect();
        match times[..] {
            [open, close] if open < close => Some(OfficeHours { open, close }),
            _ => None,
        }
    }
}

impl fmt::Display for OfficeHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}–{}",
            self.open.format("%H:%M"),
            self.close.format("%H:%M")
        )
    }
}

/// What an act says about counting, besides the period itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeadlineRules {
    /// Office hours: the deadline is their close on the last day.
    pub office: Option<OfficeHours>,
    /// Requests filed after hours or on a day off count from the next working day.
    pub after_hours_next_working_day: bool,
}

/// A computed deadline, with the steps of the computation kept for reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub received: DateTime<FixedOffset>,
    /// The day the request counts as received (after the after-hours rule).
    pub counted_from: NaiveDate,
    /// The last day of the period.
    pub last_day: NaiveDate,
    /// The latest instant at which the step is still on time.
    pub due: DateTime<FixedOffset>,
}

impl Deadline {
    /// Whether a step finished at `done` kept the deadline.
    pub fn kept_by<Tz: TimeZone>(&self, done: &DateTime<Tz>) -> bool {
        done.with_timezone(&Utc) <= self.due.with_timezone(&Utc)
    }
}

impl Calendar {
    /// The deadline of `period` for a request received at `received`.
    pub fn deadline<Tz: TimeZone>(
        &self,
        received: &DateTime<Tz>,
        period: Period,
        rules: &DeadlineRules,
    ) -> Result<Deadline, CalendarError> {
        let received = to_legal(received);
        if let Period::Hours(h) = period {
            let due = received + Duration::hours(i64::from(h));
            return Ok(Deadline {
                received,
                counted_from: received.date_naive(),
                last_day: due.date_naive(),
                due,
            });
        }
        let mut day0 = received.date_naive();
        if rules.after_hours_next_working_day {
            let after_close = rules.office.is_some_and(|o| received.time() >= o.close);
            if !self.is_working_day(day0)? || after_close {
                day0 = self.next_working_day(day0)?;
            }
        }
        let last_day = match period {
            Period::WorkingDays(n) => self.add_working_days(day0, n)?,
            Period::CalendarDays(n) => {
                let last = day0 + Duration::days(i64::from(n));
                if self.is_working_day(last)? {
                    last
                } else {
                    self.next_working_day(last)?
                }
            }
            Period::Hours(_) => unreachable!("handled above"),
        };
        let end = match rules.office {
            Some(o) => o.close,
            None => NaiveTime::from_hms_opt(23, 59, 59).expect("a valid time"),
        };
        let due = from_legal_local(last_day.and_time(end));
        Ok(Deadline {
            received,
            counted_from: day0,
            last_day,
            due,
        })
    }
}
