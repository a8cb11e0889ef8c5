//! The load judge: a pure function of (the recorded histograms, the model's
//! judging rules). Per step: count, error rate, p50/p95/p99/max of the
//! corrected histogram; each judged percentile against the step's budget.

use crate::hist::{fmt_s, Recording, StepBudget, StepStats};
use crate::model::{percentile_quantile, JudgeSpec};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Pass,
    Fail,
    /// Measured, not judged (no limit, or a day-scale limit the percentile
    /// alone cannot decide).
    NotJudged,
}

/// One judged percentile of a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PercentileVerdict {
    pub percentile: String,
    pub value_s: f64,
    pub budget_s: Option<f64>,
    pub verdict: Verdict,
}

/// Durations of a histogram in seconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Quantiles {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
    pub mean: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepReport {
    pub name: String,
    pub service: String,
    pub channel: String,
    pub step: u32,
    pub budget: StepBudget,
    pub count: u64,
    /// Samples after the coordinated-omission correction.
    pub corrected_count: u64,
    pub errors: u64,
    pub error_rate: f64,
    /// As observed.
    pub raw: Quantiles,
    /// Corrected for coordinated omission: what is judged.
    pub corrected: Quantiles,
    pub judged: Vec<PercentileVerdict>,
    pub verdict: Verdict,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadVerdict {
    pub passed: bool,
    pub steps: Vec<StepReport>,
    /// One line per failure.
    pub failures: Vec<String>,
}

fn quantiles(h: &hdrhistogram::Histogram<u64>) -> Quantiles {
    if h.is_empty() {
        return Quantiles::default();
    }
    let s = |us: u64| us as f64 / 1e6;
    Quantiles {
        p50: s(h.value_at_quantile(0.50)),
        p95: s(h.value_at_quantile(0.95)),
        p99: s(h.value_at_quantile(0.99)),
        max: s(h.max()),
        mean: h.mean() / 1e6,
    }
}

/// A percentile of the corrected histogram, in seconds; HdrHistogram's
/// value at that quantile (the highest equivalent value for `max`).
pub fn percentile_s(h: &hdrhistogram::Histogram<u64>, name: &str) -> Option<f64> {
    let q = percentile_quantile(name)?;
    if h.is_empty() {
        return Some(0.0);
    }
    let us = if q >= 100.0 {
        h.max()
    } else {
        h.value_at_quantile(q / 100.0)
    };
    Some(us as f64 / 1e6)
}

pub fn judge_step(s: &StepStats, spec: &JudgeSpec) -> StepReport {
    let attempts = s.count() + s.errors;
    let error_rate = if attempts == 0 {
        0.0
    } else {
        s.errors as f64 / attempts as f64
    };
    let mut judged = Vec::new();
    let mut reasons = Vec::new();
    let mut any_judged = false;
    let mut failed = false;
    for p in &spec.percentiles {
        let value = percentile_s(&s.corrected, p).unwrap_or(0.0);
        let (budget_s, verdict) = match &s.budget {
            _ if s.count() == 0 => (None, Verdict::NotJudged),
            StepBudget::WallClock { max_s } => (
                Some(*max_s),
                if value <= *max_s {
                    Verdict::Pass
                } else {
                    Verdict::Fail
                },
            ),
            StepBudget::CalendarDays { max_days } => {
                let b = *max_days as f64 * 86_400.0;
                (
                    Some(b),
                    if value <= b {
                        Verdict::Pass
                    } else {
                        Verdict::Fail
                    },
                )
            }
            // N working days are never shorter than N × 24 h from receipt
            // within office hours; beyond that only the calendar can say.
            StepBudget::WorkingDays { days } => {
                let b = *days as f64 * 86_400.0;
                (
                    Some(b),
                    if value <= b {
                        Verdict::Pass
                    } else {
                        Verdict::NotJudged
                    },
                )
            }
            StepBudget::None | StepBudget::Unreadable => (None, Verdict::NotJudged),
        };
        if verdict != Verdict::NotJudged {
            any_judged = true;
        }
        if verdict == Verdict::Fail {
            failed = true;
            reasons.push(format!(
                "{p} {} s exceeds the act's {}",
                fmt_s(value),
                s.budget.describe()
            ));
        }
        judged.push(PercentileVerdict {
            percentile: p.clone(),
            value_s: value,
            budget_s,
            verdict,
        });
    }
    if error_rate > spec.max_error_rate {
        failed = true;
        any_judged = true;
        reasons.push(format!(
            "error rate {:.2} % ({} of {attempts}) exceeds the model's {:.2} %",
            error_rate * 100.0,
            s.errors,
            spec.max_error_rate * 100.0
        ));
    }
    let verdict = if failed {
        Verdict::Fail
    } else if any_judged {
        Verdict::Pass
    } else {
        Verdict::NotJudged
    };
    let reason = if failed {
        reasons.join("; ")
    } else if verdict == Verdict::Pass {
        format!(
            "{} within {}",
            spec.percentiles.join(", "),
            s.budget.describe()
        )
    } else if s.count() == 0 {
        "no sample".into()
    } else {
        format!("measured, not judged ({})", s.budget.describe())
    };
    StepReport {
        name: s.name(),
        service: s.service.clone(),
        channel: s.channel.clone(),
        step: s.step,
        budget: s.budget.clone(),
        count: s.count(),
        corrected_count: s.corrected.len(),
        errors: s.errors,
        error_rate,
        raw: quantiles(&s.raw),
        corrected: quantiles(&s.corrected),
        judged,
        verdict,
        reason,
    }
}

/// Judges every step of a recording. A run in which no flow got anywhere
/// fails: there is nothing to hold against the budgets.
pub fn judge(rec: &Recording, spec: &JudgeSpec) -> LoadVerdict {
    let mut steps: Vec<StepReport> = rec.steps.values().map(|s| judge_step(s, spec)).collect();
    steps.sort_by(|a, b| (&a.service, &a.channel, a.step).cmp(&(&b.service, &b.channel, b.step)));
    let mut failures: Vec<String> = steps
        .iter()
        .filter(|s| s.verdict == Verdict::Fail)
        .map(|s| format!("{}: {}", s.name, s.reason))
        .collect();
    if steps.iter().all(|s| s.count == 0) {
        failures.push("no step was recorded: no flow got anywhere".into());
    }
    LoadVerdict {
        passed: failures.is_empty(),
        steps,
        failures,
    }
}
