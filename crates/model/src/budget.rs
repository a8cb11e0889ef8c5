//! Time limits of the acts, parsed from their verbatim spellings into a typed
//! [`Budget`].
//!
//! The acts write limits in free Kazakh: `10–15 сек`, `1,5 мин`,
//! `15 минуттан артық емес`, `30 сек – 1 минут`, `5 жұмыс күнінде`,
//! `1 (бір) жұмыс күні ішінде`, `15 тен 30 күн күнтізбелік күнге дейін
//! (жөкелеген жағдайларда 6 айға дейін)`. The parser reads numbers and unit
//! words, not whole phrases, so new spellings of the same shape parse too; what
//! it cannot read becomes [`Budget::Malformed`] with a reason, which the linter
//! demands an erratum for. Nothing here guesses: a range whose minimum exceeds
//! its maximum (`30–1 мин`) is malformed, not "probably 30 seconds".

use serde::Serialize;
use std::fmt;

/// A typed time limit of one regulation step or service term.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Budget {
    /// A wall-clock duration range in seconds. A single value (`20 сек`) has
    /// `min_s == max_s`; "at most" phrasings (`15 минуттан артық емес`) have
    /// `min_s == 0`. Conformance compares an observed duration with `max_s`.
    #[serde(rename = "wallclock")]
    WallClock { min_s: f64, max_s: f64 },
    /// N working days (Kazakhstan calendar); `min_days` where the act gives a range.
    WorkingDays {
        #[serde(skip_serializing_if = "Option::is_none")]
        min_days: Option<u32>,
        days: u32,
    },
    /// Calendar days, as a range; `exception` keeps the act's "in some cases up
    /// to …" clause verbatim, with its own maximum where it is readable.
    CalendarDays {
        min_days: u32,
        max_days: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        exception: Option<LimitException>,
    },
    /// The verbatim limit could not be read as a budget.
    Malformed { reason: String },
}

/// "(жөкелеген жағдайларда 6 айға дейін)": an exceptional maximum, kept verbatim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LimitException {
    pub text: String,
    /// The exceptional maximum in calendar days (a month counts as 30 days).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_days: Option<u32>,
}

impl Budget {
    /// The maximum as a wall-clock number of seconds, when the budget is one.
    pub fn max_seconds(&self) -> Option<f64> {
        match self {
            Budget::WallClock { max_s, .. } => Some(*max_s),
            _ => None,
        }
    }

    pub fn is_malformed(&self) -> bool {
        matches!(self, Budget::Malformed { .. })
    }

    /// True for budgets measured in days, which load runs do not wait for.
    pub fn is_day_scale(&self) -> bool {
        matches!(
            self,
            Budget::WorkingDays { .. } | Budget::CalendarDays { .. }
        ) || matches!(self, Budget::WallClock { max_s, .. } if *max_s >= 86_400.0)
    }
}

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Budget::WallClock { min_s, max_s } if min_s == max_s => {
                write!(f, "{} s", fmt_num(*max_s))
            }
            Budget::WallClock { min_s, max_s } => {
                write!(f, "{}–{} s", fmt_num(*min_s), fmt_num(*max_s))
            }
            Budget::WorkingDays {
                min_days: Some(a),
                days,
            } => write!(f, "{a}–{days} working days"),
            Budget::WorkingDays { days, .. } => write!(f, "{days} working days"),
            Budget::CalendarDays {
                min_days, max_days, ..
            } if min_days == max_days => write!(f, "{max_days} calendar days"),
            Budget::CalendarDays {
                min_days, max_days, ..
            } => write!(f, "{min_days}–{max_days} calendar days"),
            Budget::Malformed { reason } => write!(f, "malformed ({reason})"),
        }
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Parses a verbatim limit. `None` when the act gives no limit (empty cell or
/// a lone dash); otherwise a budget, possibly [`Budget::Malformed`].
pub fn parse_limit(raw: &str) -> Option<Budget> {
    let text = raw.trim();
    if text.is_empty() || text.chars().all(|c| is_dash(c) || c.is_whitespace()) {
        return None;
    }
    Some(parse_present(&join_hyphenation(text)))
}

/// Rejoins words the published text hyphenated at a line break ("ми- нут",
/// "жұ- мыс", "ішін- де"): a letter, a hyphen, white space, a lower-case
/// letter. A dash between numbers or with a space before it is a range and
/// is left alone.
fn join_hyphenation(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '-' && i > 0 && chars[i - 1].is_alphabetic() {
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            if j > i + 1 && j < chars.len() && chars[j].is_lowercase() {
                i = j;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn parse_present(text: &str) -> Budget {
    let (main, groups) = split_parentheses(text);
    let mut exception = None;
    for group in groups {
        // "1 (бір)" spells the number out again: not an exception.
        if tokenize(&group)
            .iter()
            .all(|t| matches!(t, Token::Number(_)))
        {
            continue;
        }
        let max_days = quantities(&tokenize(&group))
            .ok()
            .and_then(|q| q.last().copied())
            .and_then(|q| q.unit.days_of(q.value));
        exception = Some(LimitException {
            text: group.trim().to_string(),
            max_days,
        });
    }
    let tokens = tokenize(&main);
    let quantities = match quantities(&tokens) {
        Ok(q) => q,
        Err(reason) => return Budget::Malformed { reason },
    };
    let working = tokens.contains(&Token::Qualifier(Qualifier::Working));
    let at_most = tokens.contains(&Token::Qualifier(Qualifier::AtMost));
    let dashed = tokens.contains(&Token::Dash) || tokens.contains(&Token::RangeFrom);
    let (low, high) = match quantities.as_slice() {
        [] => {
            return Budget::Malformed {
                reason: "no number in the limit".into(),
            }
        }
        [one] => (if at_most { None } else { Some(*one) }, *one),
        // "1 минут 30 сек": a larger unit then a smaller one, no dash between:
        // one compound duration, not a range.
        [a, b] if !dashed && a.unit.is_wall_clock() && a.unit.factor() > b.unit.factor() => {
            let sum = Quantity {
                value: a.in_base() + b.in_base(),
                unit: Unit::Second,
            };
            (if at_most { None } else { Some(sum) }, sum)
        }
        [a, b] => (Some(*a), *b),
        more => {
            return Budget::Malformed {
                reason: format!("{} numbers where at most two make a range", more.len()),
            }
        }
    };
    if let Some(low) = low {
        if low.unit.is_wall_clock() != high.unit.is_wall_clock() {
            return Budget::Malformed {
                reason: "a range mixes wall-clock units with days".into(),
            };
        }
        if low.in_base() > high.in_base() {
            return Budget::Malformed {
                reason: format!(
                    "the range's minimum ({} {}) exceeds its maximum ({} {})",
                    fmt_num(low.value),
                    low.unit.name(),
                    fmt_num(high.value),
                    high.unit.name()
                ),
            };
        }
    }
    if high.unit.is_wall_clock() {
        let max_s = high.in_base();
        return Budget::WallClock {
            min_s: low.map(|l| l.in_base()).unwrap_or(0.0),
            max_s,
        };
    }
    let whole = |q: Quantity| -> Result<u32, String> {
        let days = q.in_base();
        if days.fract() != 0.0 || days < 0.0 {
            Err(format!(
                "{} days is not a whole number of days",
                fmt_num(days)
            ))
        } else {
            Ok(days as u32)
        }
    };
    let (low_days, high_days) = match (low.map(whole).transpose(), whole(high)) {
        (Ok(l), Ok(h)) => (l, h),
        (Err(reason), _) | (_, Err(reason)) => return Budget::Malformed { reason },
    };
    if working {
        if high.unit != Unit::Day {
            return Budget::Malformed {
                reason: "working days counted in a unit other than days".into(),
            };
        }
        Budget::WorkingDays {
            min_days: low_days.filter(|l| *l != high_days),
            days: high_days,
        }
    } else {
        Budget::CalendarDays {
            min_days: low_days.unwrap_or(0),
            max_days: high_days,
            exception,
        }
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‑' | '−')
}

/// Splits "A (B) C" into "A  C" and ["B"]; unbalanced parentheses stay in text.
fn split_parentheses(text: &str) -> (String, Vec<String>) {
    let mut main = String::new();
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '(' => {
                if depth > 0 {
                    current.push(c);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    groups.push(std::mem::take(&mut current));
                    main.push(' ');
                } else {
                    current.push(c);
                }
            }
            _ if depth > 0 => current.push(c),
            _ => main.push(c),
        }
    }
    if depth > 0 {
        main.push('(');
        main.push_str(&current);
    }
    (main, groups)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Second,
    Minute,
    Hour,
    /// тәулік: a 24-hour period.
    Day24,
    Day,
    Week,
    Month,
}

impl Unit {
    fn is_wall_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day24)
    }
    /// Seconds for wall-clock units, days for day units.
    fn factor(self) -> f64 {
        match self {
            Unit::Second => 1.0,
            Unit::Minute => 60.0,
            Unit::Hour => 3600.0,
            Unit::Day24 => 86_400.0,
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Month => 30.0,
        }
    }
    fn name(self) -> &'static str {
        match self {
            Unit::Second => "s",
            Unit::Minute => "min",
            Unit::Hour => "h",
            Unit::Day24 => "×24 h",
            Unit::Day => "days",
            Unit::Week => "weeks",
            Unit::Month => "months",
        }
    }
    /// Days per unit, for day-scale units only.
    fn days(self) -> Option<u32> {
        match self {
            Unit::Day => Some(1),
            Unit::Week => Some(7),
            Unit::Month => Some(30),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Qualifier {
    Working,
    Calendar,
    AtMost,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Dash,
    Unit(Unit),
    Qualifier(Qualifier),
    /// "15 тен 30 күн": an ablative "from" word that makes a range.
    RangeFrom,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Quantity {
    value: f64,
    unit: Unit,
}

impl Quantity {
    fn in_base(self) -> f64 {
        self.value * self.unit.factor()
    }
}

impl Unit {
    /// Scales an exception quantity to days (`6 айға` = 180 days).
    fn days_of(self, value: f64) -> Option<u32> {
        self.days().map(|d| (value * d as f64) as u32)
    }
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || ((chars[i] == ',' || chars[i] == '.')
                        && i + 1 < chars.len()
                        && chars[i + 1].is_ascii_digit()))
            {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            tokens.push(Token::Number(
                digits.replace(',', ".").parse().unwrap_or(f64::NAN),
            ));
        } else if is_dash(c) {
            tokens.push(Token::Dash);
            i += 1;
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect::<String>().to_lowercase();
            tokens.push(classify(&word));
        } else {
            i += 1;
        }
    }
    merge_number_words(tokens)
}

/// Number words the acts use when they spell a limit out ("бір тәуліктен").
fn number_word(word: &str) -> Option<f64> {
    const WORDS: [(&str, f64); 13] = [
        ("бір", 1.0),
        ("екі", 2.0),
        ("үш", 3.0),
        ("төрт", 4.0),
        ("бес", 5.0),
        ("алты", 6.0),
        ("жеті", 7.0),
        ("сегіз", 8.0),
        ("тоғыз", 9.0),
        ("он", 10.0),
        ("жиырма", 20.0),
        ("отыз", 30.0),
        ("қырық", 40.0),
    ];
    WORDS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

fn classify(word: &str) -> Token {
    if let Some(v) = number_word(word) {
        return Token::Number(v);
    }
    let starts = |p: &str| word.starts_with(p);
    if starts("сек") || word == "с" {
        Token::Unit(Unit::Second)
    } else if starts("мин") {
        Token::Unit(Unit::Minute)
    } else if starts("сағ") {
        Token::Unit(Unit::Hour)
    } else if starts("тәулік") {
        Token::Unit(Unit::Day24)
    } else if starts("күнтізбе") {
        Token::Qualifier(Qualifier::Calendar)
    } else if starts("күн") {
        Token::Unit(Unit::Day)
    } else if starts("апта") {
        Token::Unit(Unit::Week)
    } else if ["ай", "айға", "айда", "айдан", "айлық"].contains(&word) {
        Token::Unit(Unit::Month)
    } else if ["тен", "ден", "нен", "тан", "дан", "нан"].contains(&word) {
        Token::RangeFrom
    } else if starts("жұмыс") {
        Token::Qualifier(Qualifier::Working)
    } else if starts("артық")
        || starts("дейін")
        || starts("кешіктір")
        || starts("аспай")
        || starts("ішінде")
    {
        Token::Qualifier(Qualifier::AtMost)
    } else {
        Token::Other
    }
}

/// "он бес" → 15: a tens word followed by a units word adds up.
fn merge_number_words(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for t in tokens {
        if let (Some(Token::Number(prev)), Token::Number(v)) = (out.last(), &t) {
            if *prev >= 10.0 && prev % 10.0 == 0.0 && *v < 10.0 && v.fract() == 0.0 {
                let sum = prev + v;
                out.pop();
                out.push(Token::Number(sum));
                continue;
            }
            if prev == v {
                // "1 (бір)" after parentheses were dropped, or "5 бес": one number.
                continue;
            }
        }
        out.push(t);
    }
    out
}

/// Pairs every number with the first unit that follows it; a number with no
/// unit before the next number (`10–15 сек`, `15 тен 30 күн`) takes the unit
/// of the number after it.
fn quantities(tokens: &[Token]) -> Result<Vec<Quantity>, String> {
    let mut pending: Vec<f64> = Vec::new();
    let mut out = Vec::new();
    for t in tokens {
        match t {
            Token::Number(v) if v.is_nan() => return Err("unreadable number".into()),
            Token::Number(v) => pending.push(*v),
            Token::Unit(u) => {
                for v in pending.drain(..) {
                    out.push(Quantity { value: v, unit: *u });
                }
            }
            _ => {}
        }
    }
    if !pending.is_empty() {
        return Err("a number without a unit".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
