use crate::exit::Code;
use chrono::DateTime;
use reglament_calendar::{Calendar, DayKind, DeadlineRules, OfficeHours};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct CalendarArgs {
    #[command(subcommand)]
    what: What,
    /// A calendar file correcting or extending the built-in data (TOML).
    #[arg(long, value_name = "FILE", global = true)]
    file: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// List a year's holidays, moved days off and decree transfers.
    Year { year: i32 },
    /// Compute the deadline of a limit for a request received at a time.
    Due {
        /// When the request was received (RFC 3339, e.g. 2024-03-15T19:00:00+05:00).
        received: String,
        /// The limit as an act writes it, e.g. "15 жұмыс күні ішінде".
        limit: String,
        /// Office hours on working days (e.g. 9.00-18.30): the deadline is their close.
        #[arg(long)]
        office: Option<String>,
        /// Requests filed after hours or on a day off count from the next working day.
        #[arg(long)]
        after_hours_next_day: bool,
    },
}

pub fn run(args: CalendarArgs) -> Code {
    let cal = match &args.file {
        None => Calendar::builtin(),
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("error: cannot read {}: {e}", path.display());
                    return Code::Usage;
                }
            };
            match Calendar::with_overrides(&text) {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("error: {}: {e}", path.display());
                    return Code::Usage;
                }
            }
        }
    };
    match args.what {
        What::Year { year } => year_listing(&cal, year, args.json),
        What::Due {
            received,
            limit,
            office,
            after_hours_next_day,
        } => due(
            &cal,
            &received,
            &limit,
            office.as_deref(),
            after_hours_next_day,
            args.json,
        ),
    }
}

fn year_listing(cal: &Calendar, year: i32, json: bool) -> Code {
    let (listing, working) = match (cal.listing(year), cal.working_days_in(year)) {
        (Ok(l), Ok(w)) => (l, w),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return Code::Usage;
        }
    };
    if json {
        let doc = serde_json::json!({"year": year, "working_days": working, "days": listing});
        println!(
            "{}",
            serde_json::to_string_pretty(&doc).expect("serialisable")
        );
        return Code::Pass;
    }
    println!("Kazakhstan, {year}: {working} working days\n");
    for e in listing {
        let what = match &e.kind {
            DayKind::Holiday {
                name_kk,
                name_en,
                religious,
                provisional,
            } => format!(
                "holiday      {name_en} ({name_kk}){}{}",
                if *religious {
                    ", religious: not moved"
                } else {
                    ""
                },
                if *provisional {
                    ", PROVISIONAL date"
                } else {
                    ""
                }
            ),
            DayKind::MovedHoliday { from, name_en } => {
                format!("day off      {name_en} of {from} fell on a weekend (Labour Code art. 85)")
            }
            DayKind::DecreeDayOff {
                working_day,
                source,
            } => {
                format!("day off      moved by decree, worked on {working_day} ({source})")
            }
            DayKind::DecreeWorkingDay { day_off, source } => {
                format!("working day  by decree, in exchange for {day_off} ({source})")
            }
            DayKind::Override {
                working,
                name,
                source,
            } => format!(
                "{}  {name} ({source}; calendar file)",
                if *working {
                    "working day"
                } else {
                    "day off    "
                }
            ),
            DayKind::Working | DayKind::Weekend => continue,
        };
        println!("{}  {:<3}  {what}", e.date, &e.weekday);
    }
    Code::Pass
}

fn due(
    cal: &Calendar,
    received: &str,
    limit: &str,
    office: Option<&str>,
    after: bool,
    json: bool,
) -> Code {
    let received = match DateTime::parse_from_rfc3339(received) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: \"{received}\" is not an RFC 3339 time ({e}); e.g. 2024-03-15T19:00:00+05:00");
            return Code::Usage;
        }
    };
    let office = match office.map(|o| (o, OfficeHours::parse(o))) {
        None => None,
        Some((_, Some(o))) => Some(o),
        Some((o, None)) => {
            eprintln!("error: \"{o}\" is not office hours (e.g. 9.00-18.30)");
            return Code::Usage;
        }
    };
    let budget = reglament_model::parse_limit(limit);
    let Some(period) = budget
        .as_ref()
        .and_then(reglament_conformance::judge::period_of)
    else {
        eprintln!("error: \"{limit}\" is not a day-scale limit (read as {budget:?})");
        return Code::Usage;
    };
    let rules = DeadlineRules {
        office,
        after_hours_next_working_day: after,
    };
    match cal.deadline(&received, period, &rules) {
        Ok(dl) if json => {
            let doc = serde_json::json!({"limit": limit, "period": period, "deadline": dl});
            println!(
                "{}",
                serde_json::to_string_pretty(&doc).expect("serialisable")
            );
            Code::Pass
        }
        Ok(dl) => {
            println!("limit         {limit}  ({period:?})");
            println!("received      {}", dl.received.to_rfc3339());
            println!("counted from  {}", dl.counted_from);
            println!(
                "last day      {} ({})",
                dl.last_day,
                dl.last_day.format("%A")
            );
            println!("due           {}", dl.due.to_rfc3339());
            Code::Pass
        }
        Err(e) => {
            eprintln!("error: {e}");
            Code::Usage
        }
    }
}
