//! The monthly calculation index (АЕК / МРП), in tenge, by year: state duties
//! are set in МРП and paid in tenge at the value of the year of payment.
//! Values are those of the republican budget law of each year; where a year
//! changed the value mid-year, both values are kept with the date of change.

use chrono::{Datelike, NaiveDate};

/// (first day in force, tenge per МРП, source)
const TABLE: &[(i32, u32, u32, &str)] = &[
    (2012, 1, 1618, "Law on the republican budget for 2012-2014"),
    (2013, 1, 1731, "Law on the republican budget for 2013-2015"),
    (2014, 1, 1852, "Law on the republican budget for 2014-2016"),
    (2015, 1, 1982, "Law on the republican budget for 2015-2017"),
    (2016, 1, 2121, "Law on the republican budget for 2016-2018"),
    (2017, 1, 2269, "Law on the republican budget for 2017-2019"),
    (2018, 1, 2405, "Law on the republican budget for 2018-2020"),
    (2019, 1, 2525, "Law on the republican budget for 2019-2021"),
    (2020, 1, 2651, "Law on the republican budget for 2020-2022"),
    (2021, 1, 2917, "Law on the republican budget for 2021-2023"),
    (2022, 1, 3063, "Law on the republican budget for 2022-2024"),
    (
        2022,
        4,
        3180,
        "amendment of the 2022-2024 budget law, in force 1 April 2022",
    ),
    (2023, 1, 3450, "Law on the republican budget for 2023-2025"),
    (2024, 1, 3692, "Law on the republican budget for 2024-2026"),
    (2025, 1, 3932, "Law on the republican budget for 2025-2027"),
    (2026, 1, 4325, "Law on the republican budget for 2026-2028"),
];

/// Tenge per МРП on a date, with the source of the value; `None` before 2012
/// or after the last known year (no guessing).
pub fn mrp_on(date: NaiveDate) -> Option<(u32, &'static str)> {
    if date.year() > TABLE.last()?.0 {
        return None;
    }
    TABLE
        .iter()
        .rev()
        .find(|(y, m, _, _)| (date.year(), date.month()) >= (*y, *m))
        .map(|(_, _, v, s)| (*v, *s))
}

/// A duty of `mrp` indices in tenge on `date`, rounded to the tiyn.
pub fn duty_kzt(mrp: f64, date: NaiveDate) -> Option<f64> {
    mrp_on(date).map(|(v, _)| (mrp * v as f64 * 100.0).round() / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_seed_000_receipt_is_half_an_mrp_of_2012() {
        // shared/seeds/000: the e-pay receipt shows 809,00 KZT for 0,5 АЕК.
        assert_eq!(duty_kzt(0.5, d(2012, 9, 20)), Some(809.0));
    }

    #[test]
    fn mid_year_changes_and_unknown_years() {
        assert_eq!(mrp_on(d(2022, 3, 31)).unwrap().0, 3063);
        assert_eq!(mrp_on(d(2022, 4, 1)).unwrap().0, 3180);
        assert_eq!(mrp_on(d(2011, 12, 31)), None);
        assert_eq!(mrp_on(d(2027, 1, 1)), None);
    }
}
