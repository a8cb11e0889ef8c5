//! The judge: a pure function from (the act's table, a scenario, what was
//! observed, the calendar) to verdicts. Budgets come only from the model.

use crate::plan::Intent;
use base64::Engine as _;
use chrono::{DateTime, FixedOffset};
use reglament_calendar::{Calendar, DeadlineRules, OfficeHours, Period};
use reglament_driver::walk::{Took, Walk};
use reglament_model::scenario::Scenario;
use reglament_model::{Budget, ChannelDoc, Outcome, StepTable, TermKind};
use reglament_report::{
    CheckVerdict, Observed, ScenarioResult, ScenarioStatus, StepVerdict, Verdict,
};

/// What the mocks' journals say happened during the scenario (only when the
/// mocks are the harness's own).
#[derive(Debug, Clone, Default)]
pub struct Journals {
    /// Serials asked of the OCSP responder.
    pub ocsp_serials: Vec<String>,
    /// IINs looked up in the state database of individuals.
    pub person_lookups: Vec<String>,
    /// Request ids the payment gateway issued invoices for.
    pub invoices_for: Vec<String>,
}

pub struct Evidence<'a> {
    pub walk: &'a Walk,
    pub intent: &'a Intent,
    pub journals: Option<&'a Journals>,
    /// The certification authority, to check the result document's signature.
    pub ca_pem: Option<&'a [u8]>,
    pub duration_ms: u64,
    /// When the evidence was taken (the harness's clock): a target's
    /// timestamp beyond it is a lie.
    pub now: DateTime<chrono::Utc>,
}

/// One step as the target (or the harness) saw it done.
struct Seen {
    step: u32,
    at: Option<DateTime<FixedOffset>>,
    outcome: String,
    /// Seconds since the previous step.
    duration: Option<f64>,
    by: &'static str,
}

impl Seen {
    fn new(
        step: u32,
        at: Option<DateTime<FixedOffset>>,
        outcome: &str,
        duration: Option<f64>,
        by: &'static str,
    ) -> Seen {
        Seen {
            step,
            at,
            outcome: outcome.to_string(),
            duration,
            by,
        }
    }
}

fn check(check: &str, verdict: Verdict, detail: impl Into<String>) -> CheckVerdict {
    CheckVerdict {
        check: check.into(),
        verdict,
        detail: detail.into(),
    }
}

/// The refusal row the table reaches from its first row (authorization refused).
fn auth_refusal(table: &StepTable) -> Option<u32> {
    let entry = table.entry()?;
    let refusals: Vec<u32> = entry
        .next
        .iter()
        .map(|t| t.to)
        .filter(|to| {
            table
                .step(*to)
                .is_some_and(|s| s.outcome == Some(Outcome::Refusal))
        })
        .collect();
    match refusals[..] {
        [one] => Some(one),
        _ => None,
    }
}

pub fn judge(
    service: &str,
    doc: &ChannelDoc,
    sc: &Scenario,
    ev: &Evidence,
    cal: &Calendar,
) -> ScenarioResult {
    let table = &doc.tables[0];
    let expected: Vec<u32> = sc.path().iter().map(|(n, _)| *n).collect();
    let w = ev.walk;
    let view = w.last.as_ref();
    let mut checks = Vec::new();

    // What the target did, step by step: (step, when, outcome, duration, measured by).
    let mut observed: Vec<Seen> = Vec::new();
    if w.auth_refused.is_some() {
        if let (Some(entry), Some(refusal)) = (table.entry(), auth_refusal(table)) {
            let d = w.elapsed("authenticate").map(|d| d.as_secs_f64());
            observed.push(Seen::new(entry.n, None, "done", d, "harness (monotonic)"));
            observed.push(Seen::new(
                refusal,
                None,
                "refused",
                d,
                "harness (monotonic)",
            ));
        }
    } else if let Some(v) = view {
        let portal = doc.channel.as_str() == "portal";
        for (i, t) in w.step_timings(portal).into_iter().enumerate() {
            if let Some(a) = t.at {
                if a.to_utc() > ev.now + chrono::Duration::minutes(5) {
                    checks.push(check(
                        "target",
                        Verdict::Fail,
                        format!(
                            "step {} is timestamped {a}, in the future of the harness's clock",
                            t.step
                        ),
                    ));
                }
            }
            if t.at.is_none() {
                checks.push(check(
                    "target",
                    Verdict::Fail,
                    format!(
                        "event {} of step {}: \"{}\" is not an RFC 3339 time",
                        i + 1,
                        t.step,
                        v.events[i].at
                    ),
                ));
            }
            let (duration, by) = match t.took {
                Some(Took::Harness(d)) => (Some(d.as_secs_f64()), "harness (monotonic)"),
                Some(Took::Target(d)) => (
                    Some(d.num_microseconds().unwrap_or(i64::MAX) as f64 / 1e6),
                    "target timestamps",
                ),
                None if i == 0 => (None, "harness (monotonic)"),
                None => (None, "target timestamps"),
            };
            if let (Some(d), Some(a)) = (duration, t.at) {
                if d < 0.0 {
                    checks.push(check(
                        "target",
                        Verdict::Fail,
                        format!(
                            "step {} is timestamped {a}, before the step reported ahead of it",
                            t.step
                        ),
                    ));
                }
            }
            observed.push(Seen::new(t.step, t.at, &t.outcome, duration, by));
        }
    }
    // A resilience scenario: the target's own "failed" events say where it
    // stopped; they are not steps of the act.
    if ev.intent.not_completed {
        observed.retain(|o| o.outcome != "failed");
        let completed = view.is_some_and(|v| {
            v.status == "completed" || (v.is_final && v.status != "failed" && w.result.is_some())
        });
        if completed {
            checks.push(check(
                "not-completed",
                Verdict::Fail,
                "the request went on to a result although the state database never answered (its failure was swallowed)",
            ));
        } else {
            checks.push(check(
                "not-completed",
                Verdict::Pass,
                "the request stopped and says why",
            ));
        }
    }
    let observed_path: Vec<u32> = observed.iter().map(|o| o.step).collect();

    // The path.
    if expected == observed_path {
        checks.push(check("path", Verdict::Pass, format!("{expected:?}")));
    } else {
        checks.push(check(
            "path",
            Verdict::Fail,
            format!("the act's path is {expected:?}; the target did {observed_path:?}"),
        ));
    }

    // Each expected step: done? within its budget?
    let mut steps = Vec::new();
    let mut cursor = 0;
    let mut prev_at: Option<DateTime<FixedOffset>> = None;
    for (n, _) in sc.path() {
        let row = table.step(n);
        let found = observed[cursor..]
            .iter()
            .position(|o| o.step == n)
            .map(|i| cursor + i);
        let mut v = StepVerdict {
            step: n,
            actor: row.map(|r| r.actor.clone()).unwrap_or_default(),
            action_en: row.map(|r| r.action_en.clone()).unwrap_or_default(),
            limit_raw: row.map(|r| r.limit_raw.clone()).unwrap_or_default(),
            budget: row
                .and_then(|r| r.budget.as_ref())
                .map(|b| serde_json::to_value(b).unwrap_or_default()),
            observed: None,
            budget_use: None,
            verdict: Verdict::Fail,
            reason: None,
            source: row.map(|r| r.source.to_string()).unwrap_or_default(),
        };
        let Some(i) = found else {
            v.reason = Some("not done by the target".into());
            steps.push(v);
            continue;
        };
        cursor = i + 1;
        let seen = &observed[i];
        let at = seen.at;
        v.observed = Some(Observed {
            at: at.map(|a| a.to_rfc3339()).unwrap_or_default(),
            outcome: seen.outcome.clone(),
            duration_s: seen.duration,
            measured_by: seen.by.to_string(),
        });
        let (verdict, reason, used) = judge_budget(
            row.and_then(|r| r.budget.as_ref()),
            seen.duration,
            prev_at,
            at,
            cal,
        );
        v.verdict = verdict;
        v.reason = reason;
        v.budget_use = used;
        if at.is_some() {
            prev_at = at;
        }
        steps.push(v);
    }

    // Evidence from the target's answers and the mocks' journals.
    if let Some(e) = &w.error {
        checks.push(check("target", Verdict::Fail, e.clone()));
    }
    if w.gave_up {
        checks.push(check(
            "target",
            Verdict::Fail,
            "the request never ended: the harness gave up waiting",
        ));
    }
    if let Some(j) = ev.journals {
        let signed = w
            .calls
            .iter()
            .any(|c| c.operation == "attach-signature" && c.outcome == "ok");
        if let (true, Some(serial)) = (signed, &ev.intent.signing_serial) {
            if j.ocsp_serials
                .iter()
                .any(|s| s.eq_ignore_ascii_case(serial))
            {
                checks.push(check(
                    "certificate-status-asked",
                    Verdict::Pass,
                    format!("OCSP asked for {serial}"),
                ));
            } else {
                checks.push(check(
                    "certificate-status-asked",
                    Verdict::Fail,
                    format!("the target accepted a signature without asking the certification authority (no OCSP request for serial {serial})"),
                ));
            }
        }
        if let Some(branch) = registry_branch(table) {
            if observed_path.contains(&branch) {
                if j.person_lookups.contains(&ev.intent.applicant_iin) {
                    checks.push(check(
                        "registry-asked",
                        Verdict::Pass,
                        format!("ЖТ МДҚ asked for {}", ev.intent.applicant_iin),
                    ));
                } else {
                    checks.push(check(
                        "registry-asked",
                        Verdict::Fail,
                        format!("step {branch} checks the applicant in the state database, but the target never asked it for {}", ev.intent.applicant_iin),
                    ));
                }
            }
        }
        if ev.intent.payment.is_some() {
            if let Some(id) = w.submitted.as_ref().map(|s| &s.request_id) {
                if j.invoices_for.contains(id) {
                    checks.push(check(
                        "invoice-issued",
                        Verdict::Pass,
                        format!("invoice for {id}"),
                    ));
                } else {
                    checks.push(check(
                        "invoice-issued",
                        Verdict::Fail,
                        format!("the payment gateway issued no invoice for request {id}: payment was not checked"),
                    ));
                }
            }
        }
    }
    for status in &ev.intent.statuses {
        let want = doc.status_texts.iter().find(|t| &t.status == status);
        let got = view.map(|v| &v.status_text);
        match (want, got) {
            (Some(want), Some(got)) => {
                let same = |a: &str, b: &str| a.trim().is_empty() || a.trim() == b.trim();
                if same(&want.kk, &got.kk) && same(&want.ru, &got.ru) {
                    checks.push(check("status-text", Verdict::Pass, status.clone()));
                } else {
                    checks.push(check(
                        "status-text",
                        Verdict::Fail,
                        format!(
                            "\"{status}\": the act shows «{}» / «{}», the target «{}» / «{}»",
                            want.kk, want.ru, got.kk, got.ru
                        ),
                    ));
                }
            }
            _ => checks.push(check(
                "status-text",
                Verdict::Fail,
                format!("\"{status}\": no status to compare"),
            )),
        }
    }
    if ev.intent.refusal_reason.is_some() {
        if let Some(v) = view.filter(|v| v.is_final) {
            if v.refusal_reason
                .as_deref()
                .is_some_and(|r| !r.trim().is_empty())
            {
                checks.push(check(
                    "refusal-reason",
                    Verdict::Pass,
                    "the refusal states its reason",
                ));
            } else {
                checks.push(check(
                    "refusal-reason",
                    Verdict::Fail,
                    "the provider's refusal reached the applicant without its reason",
                ));
            }
        }
    }
    if let (Some(doc_), Some(ca)) = (&w.result, ev.ca_pem) {
        let b64 = base64::engine::general_purpose::STANDARD;
        let verdict = match (
            &doc_.signature_cms_base64,
            b64.decode(&doc_.document_base64),
        ) {
            (None, _) => Err("the result document is not signed".to_string()),
            (_, Err(e)) => Err(format!("document_base64: {e}")),
            (Some(sig), Ok(document)) => match b64.decode(sig) {
                Err(e) => Err(format!("signature_cms_base64: {e}")),
                Ok(sig) => match reglament_signature::verify(&sig, &document, ca) {
                    Ok(s) if s.bin.is_some() => Ok(format!("signed by {}", s.subject)),
                    Ok(s) => Err(format!(
                        "signed by {}, not by a provider (no BIN)",
                        s.subject
                    )),
                    Err(e) => Err(format!("the signature does not verify: {e}")),
                },
            },
        };
        checks.push(match verdict {
            Ok(d) => check("result-signed", Verdict::Pass, d),
            Err(d) => check("result-signed", Verdict::Fail, d),
        });
    }
    if let (Some(v), Some(first_at)) = (view, observed.first().and_then(|o| o.at)) {
        if let (Some(due), Some(days)) = (&v.due_date, service_term_days(doc)) {
            let rules = deadline_rules(doc);
            match cal.deadline(&first_at, Period::WorkingDays(days), &rules) {
                Ok(d) if d.last_day.to_string() == *due => checks.push(check(
                    "due-date",
                    Verdict::Pass,
                    format!("{due} ({days} working days)"),
                )),
                Ok(d) => checks.push(check(
                    "due-date",
                    Verdict::Fail,
                    format!(
                        "the target says {due}; {days} working days from {} end on {}",
                        first_at.date_naive(),
                        d.last_day
                    ),
                )),
                Err(e) => checks.push(check("due-date", Verdict::NotJudged, e.to_string())),
            }
        }
    }

    let failed = steps.iter().any(|s| s.verdict == Verdict::Fail)
        || checks.iter().any(|c| c.verdict == Verdict::Fail);
    let status = if w
        .error
        .as_deref()
        .is_some_and(|e| e.contains("unreachable"))
        && observed.is_empty()
    {
        ScenarioStatus::Error
    } else if failed {
        ScenarioStatus::Failed
    } else {
        ScenarioStatus::Passed
    };
    ScenarioResult {
        service: service.to_string(),
        channel: doc.channel.as_str().to_string(),
        name: sc.name.clone(),
        tags: sc.tags.clone(),
        source: sc.source.to_string(),
        status,
        expected_path: expected,
        observed_path,
        steps,
        checks,
        duration_ms: ev.duration_ms,
        error: w.error.clone(),
        request_id: w.submitted.as_ref().map(|s| s.request_id.clone()),
    }
}

fn judge_budget(
    budget: Option<&Budget>,
    duration: Option<f64>,
    prev_at: Option<DateTime<FixedOffset>>,
    at: Option<DateTime<FixedOffset>>,
    cal: &Calendar,
) -> (Verdict, Option<String>, Option<f64>) {
    match budget {
        None => (
            Verdict::NotJudged,
            Some("the act gives no time limit".into()),
            None,
        ),
        Some(Budget::Malformed { reason }) => (
            Verdict::NotJudged,
            Some(format!("the limit is malformed: {reason}")),
            None,
        ),
        Some(Budget::WallClock { max_s, .. }) => match duration {
            None => (
                Verdict::NotJudged,
                Some("no duration observed".into()),
                None,
            ),
            Some(d) => {
                let used = if *max_s > 0.0 { Some(d / max_s) } else { None };
                if d <= *max_s {
                    (Verdict::Pass, None, used)
                } else {
                    (
                        Verdict::Fail,
                        Some(format!(
                            "took {d:.1} s; the act allows {max_s} s (over by {:.1} s)",
                            d - max_s
                        )),
                        used,
                    )
                }
            }
        },
        Some(b @ (Budget::WorkingDays { .. } | Budget::CalendarDays { .. })) => {
            let period = period_of(b).expect("a day-scale budget has a calendar period");
            let (Some(from), Some(to)) = (prev_at, at) else {
                return (
                    Verdict::NotJudged,
                    Some("no timestamps to count days from".into()),
                    None,
                );
            };
            match cal.deadline(&from, period, &DeadlineRules::default()) {
                Err(e) => (Verdict::NotJudged, Some(e.to_string()), None),
                Ok(d) if d.kept_by(&to) => (Verdict::Pass, None, None),
                Ok(d) => (
                    Verdict::Fail,
                    Some(format!("done {to}; the act's deadline was {}", d.due)),
                    None,
                ),
            }
        }
    }
}

/// The calendar period of a day-scale budget; `None` for wall-clock budgets,
/// which are elapsed time and need no calendar.
pub fn period_of(budget: &Budget) -> Option<Period> {
    match budget {
        Budget::WorkingDays { days, .. } => Some(Period::WorkingDays(*days)),
        Budget::CalendarDays { max_days, .. } => Some(Period::CalendarDays(*max_days)),
        Budget::WallClock { .. } | Budget::Malformed { .. } => None,
    }
}

/// The row whose branch consults the state database (the row leading to a
/// refusal row whose actor is ЖТ МДҚ / ЗТ МДҚ / МДБ).
fn registry_branch(table: &StepTable) -> Option<u32> {
    let registry_row = table.steps.iter().find(|s| {
        let a = s.actor.to_uppercase();
        a.contains("МДҚ") || a.contains("МДК") || a.contains("МДБ")
    })?;
    table
        .steps
        .iter()
        .find(|s| s.next.iter().any(|t| t.to == registry_row.n))
        .map(|s| s.n)
}

fn service_term_days(doc: &ChannelDoc) -> Option<u32> {
    doc.terms
        .iter()
        .find(|t| t.term == "service-term" && t.kind == TermKind::Time)
        .and_then(|t| match t.budget {
            Some(Budget::WorkingDays { days, .. }) => Some(days),
            _ => None,
        })
}

/// Office hours and the after-hours rule, where the act's terms give them.
fn deadline_rules(doc: &ChannelDoc) -> DeadlineRules {
    DeadlineRules {
        office: doc
            .terms
            .iter()
            .find(|t| t.term == "schedule" && t.kind == TermKind::Schedule)
            .and_then(|t| OfficeHours::parse(&t.value)),
        after_hours_next_working_day: doc.terms.iter().any(|t| t.term == "after-hours"),
    }
}

#[cfg(test)]
#[path = "judge_tests.rs"]
mod tests;
