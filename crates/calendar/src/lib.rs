//! Kazakhstan legal time: which days are working days, public holidays and
//! days off moved by law or by government decree (2012–2027 built in,
//! overridable by a file), the legal clock (Astana time) and deadlines of
//! the acts' day-scale budgets ("5 жұмыс күнінде", "15 күнтізбелік күн").
//!
//! The conformance judge reads day-scale budgets through this crate; the
//! wall-clock budgets (seconds, minutes) never need it.

mod deadline;
mod holidays;
mod legal_time;
mod overrides;

pub use deadline::{Deadline, DeadlineRules, OfficeHours, Period};
pub use holidays::{FIRST_YEAR, LAST_YEAR};
pub use legal_time::{from_legal_local, legal_offset, to_legal};
pub use overrides::OverrideError;

use chrono::{Datelike, Duration, NaiveDate};
use holidays::{date, is_weekend};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What a day is, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DayKind {
    Working,
    Weekend,
    /// A public holiday (a day off by law).
    Holiday {
        name_kk: String,
        name_en: String,
        religious: bool,
        provisional: bool,
    },
    /// The day off that a holiday falling on a weekend moved to (Labour Code art. 85).
    MovedHoliday {
        from: NaiveDate,
        name_en: String,
    },
    /// A day off by government decree, in exchange for `working_day`.
    DecreeDayOff {
        working_day: NaiveDate,
        source: String,
    },
    /// A Saturday or Sunday made a working day by government decree.
    DecreeWorkingDay {
        day_off: NaiveDate,
        source: String,
    },
    /// A day set by a calendar file.
    Override {
        working: bool,
        name: String,
        source: String,
    },
}

impl DayKind {
    pub fn is_working(&self) -> bool {
        match self {
            DayKind::Working | DayKind::DecreeWorkingDay { .. } => true,
            DayKind::Override { working, .. } => *working,
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error(
        "the calendar covers {first}–{last}; {date} is outside (extend it with a calendar file)"
    )]
    OutOfRange {
        date: NaiveDate,
        first: i32,
        last: i32,
    },
}

/// One day of a year's listing.
#[derive(Debug, Clone, Serialize)]
pub struct DayEntry {
    pub date: NaiveDate,
    pub weekday: String,
    #[serde(flatten)]
    pub kind: DayKind,
}

/// The Kazakhstan calendar: built-in rules and data plus any overrides.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// Every day that is not a plain weekday/weekend, by date.
    special: BTreeMap<NaiveDate, DayKind>,
    years: BTreeSet<i32>,
}

impl Default for Calendar {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Calendar {
    /// The built-in calendar, 2012–2027.
    pub fn builtin() -> Self {
        let mut cal = Calendar {
            special: BTreeMap::new(),
            years: BTreeSet::new(),
        };
        let kurban: Vec<(i32, NaiveDate, bool)> = holidays::KURBAN_AIT
            .iter()
            .map(|&(y, m, d, p)| (y, date((y, m, d)), p))
            .collect();
        for year in FIRST_YEAR..=LAST_YEAR {
            let k = kurban
                .iter()
                .find(|(y, ..)| *y == year)
                .map(|&(_, d, p)| (d, p));
            cal.add_year(year, k);
        }
        for t in holidays::DECREE_TRANSFERS {
            let (off, work) = (date(t.day_off), date(t.working_day));
            cal.special.insert(
                off,
                DayKind::DecreeDayOff {
                    working_day: work,
                    source: t.decree.to_string(),
                },
            );
            cal.special.insert(
                work,
                DayKind::DecreeWorkingDay {
                    day_off: off,
                    source: t.decree.to_string(),
                },
            );
        }
        cal
    }

    /// The built-in calendar with a calendar file applied (see `overrides`).
    pub fn with_overrides(text: &str) -> Result<Self, OverrideError> {
        let mut cal = Self::builtin();
        overrides::apply(&mut cal, text)?;
        Ok(cal)
    }

    /// Statutory holidays of `year`, and the days they move to when they fall
    /// on a weekend (religious holidays do not move).
    fn add_year(&mut self, year: i32, kurban_ait: Option<(NaiveDate, bool)>) {
        self.years.insert(year);
        let mut fixed: Vec<(NaiveDate, DayKind)> = holidays::FIXED
            .iter()
            .filter(|h| h.from <= year && year <= h.until)
            .map(|h| {
                (
                    date((year, h.month, h.day)),
                    DayKind::Holiday {
                        name_kk: h.name_kk.into(),
                        name_en: h.name_en.into(),
                        religious: h.religious,
                        provisional: false,
                    },
                )
            })
            .collect();
        if let Some((d, provisional)) = kurban_ait {
            fixed.push((
                d,
                DayKind::Holiday {
                    name_kk: "Құрбан айт".into(),
                    name_en: "Kurban Ait".into(),
                    religious: true,
                    provisional,
                },
            ));
        }
        fixed.sort_by_key(|(d, _)| *d);
        for (d, kind) in &fixed {
            self.special.insert(*d, kind.clone());
        }
        for (d, kind) in fixed {
            let DayKind::Holiday {
                religious: false,
                name_en,
                ..
            } = kind
            else {
                continue;
            };
            if !is_weekend(d) {
                continue;
            }
            let mut moved = d + Duration::days(1);
            while is_weekend(moved) || self.special.contains_key(&moved) {
                moved += Duration::days(1);
            }
            self.special
                .insert(moved, DayKind::MovedHoliday { from: d, name_en });
        }
    }

    /// Years the calendar can answer for.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    fn check(&self, d: NaiveDate) -> Result<(), CalendarError> {
        if self.years.contains(&d.year()) {
            Ok(())
        } else {
            Err(CalendarError::OutOfRange {
                date: d,
                first: *self.years.first().unwrap_or(&FIRST_YEAR),
                last: *self.years.last().unwrap_or(&LAST_YEAR),
            })
        }
    }

    /// What `d` is.
    pub fn day(&self, d: NaiveDate) -> Result<DayKind, CalendarError> {
        self.check(d)?;
        Ok(match self.special.get(&d) {
            Some(k) => k.clone(),
            None if is_weekend(d) => DayKind::Weekend,
            None => DayKind::Working,
        })
    }

    pub fn is_working_day(&self, d: NaiveDate) -> Result<bool, CalendarError> {
        Ok(self.day(d)?.is_working())
    }

    /// The first working day strictly after `d`.
    pub fn next_working_day(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let mut n = d + Duration::days(1);
        while !self.is_working_day(n)? {
            n += Duration::days(1);
        }
        Ok(n)
    }

    /// The `n`-th working day after `d` (`d` itself not counted; `n = 0` is `d`).
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let mut at = d;
        for _ in 0..n {
            at = self.next_working_day(at)?;
        }
        Ok(at)
    }

    /// Working days in `(from, to]`: how many working days of a budget a
    /// request used when it was counted from `from` and finished on `to`.
    pub fn working_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<u32, CalendarError> {
        let mut count = 0;
        let mut at = from + Duration::days(1);
        while at <= to {
            if self.is_working_day(at)? {
                count += 1;
            }
            at += Duration::days(1);
        }
        Ok(count)
    }

    /// Every day of `year` that is not a plain working weekday or weekend:
    /// holidays, moved days off, decree transfers and overrides.
    pub fn listing(&self, year: i32) -> Result<Vec<DayEntry>, CalendarError> {
        let first = date((year, 1, 1));
        self.check(first)?;
        Ok(self
            .special
            .range(first..=date((year, 12, 31)))
            .map(|(d, k)| DayEntry {
                date: *d,
                weekday: d.weekday().to_string(),
                kind: k.clone(),
            })
            .collect())
    }

    /// Number of working days in `year`.
    pub fn working_days_in(&self, year: i32) -> Result<u32, CalendarError> {
        self.working_days_between(date((year - 1, 12, 31)), date((year, 12, 31)))
            .or_else(|_| {
                // `year - 1` may be outside the calendar: count from 1 January.
                let first = date((year, 1, 1));
                Ok(self.working_days_between(first, date((year, 12, 31)))?
                    + u32::from(self.is_working_day(first)?))
            })
    }
}

#[cfg(test)]
mod tests;
