//! Calendar files: correct or extend the built-in data without a release
//! (a decree moving a day off, the announced date of Kurban Ait, a year
//! beyond 2027).
//!
//! ```toml
//! # a religious feast date for a year: also adds the year, with its statutory holidays
//! [[kurban_ait]]
//! year = 2028
//! date = "2028-05-05"
//!
//! # any single day, decided by a decree
//! [[day]]
//! date = "2026-03-20"
//! working = false
//! name = "Day off moved from Saturday 2026-03-28"
//! source = "ҚР Үкіметінің қаулысы …"
//! ```

use crate::{Calendar, DayKind};
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
pub enum OverrideError {
    #[error("calendar file: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("calendar file: kurban_ait for {year} has the date {date}, which is in another year")]
    WrongYear { year: i32, date: NaiveDate },
    #[error("calendar file: day {date} is in {year}, a year the calendar does not cover (add a [[kurban_ait]] entry for {year} first)")]
    YearNotCovered { year: i32, date: NaiveDate },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    kurban_ait: Vec<Feast>,
    #[serde(default)]
    day: Vec<Day>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Feast {
    year: i32,
    date: NaiveDate,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Day {
    date: NaiveDate,
    working: bool,
    name: String,
    source: String,
}

pub(crate) fn apply(cal: &mut Calendar, text: &str) -> Result<(), OverrideError> {
    let file: File = toml::from_str(text)?;
    for f in &file.kurban_ait {
        if f.date.year() != f.year {
            return Err(OverrideError::WrongYear {
                year: f.year,
                date: f.date,
            });
        }
        if cal.years.contains(&f.year) {
            // Replace the built-in (possibly provisional) date.
            cal.special.retain(|d, k| {
                !(d.year() == f.year
                    && matches!(k, DayKind::Holiday { name_en, .. } if name_en == "Kurban Ait"))
            });
            cal.special.insert(
                f.date,
                DayKind::Holiday {
                    name_kk: "Құрбан айт".into(),
                    name_en: "Kurban Ait".into(),
                    religious: true,
                    provisional: false,
                },
            );
        } else {
            cal.add_year(f.year, Some((f.date, false)));
        }
    }
    for d in file.day {
        if !cal.years.contains(&d.date.year()) {
            return Err(OverrideError::YearNotCovered {
                year: d.date.year(),
                date: d.date,
            });
        }
        cal.special.insert(
            d.date,
            DayKind::Override {
                working: d.working,
                name: d.name,
                source: d.source,
            },
        );
    }
    Ok(())
}
