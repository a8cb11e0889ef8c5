//! The judge on hand-made evidence: it must fail what the act forbids and
//! pass what it allows, with budgets read from the real feature files.

use super::*;
use reglament_driver::walk::{Call, Walk};
use reglament_driver::{Event, RequestView, Submitted, Texts};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn doc(service: &str, channel: &str) -> (reglament_model::Service, ChannelDoc) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../features")
        .join(service);
    let loaded = reglament_model::load(&[root]);
    let s = loaded.model.service(service).unwrap().clone();
    let d = s
        .channels
        .iter()
        .find(|c| c.channel.as_str() == channel)
        .unwrap()
        .clone();
    (s, d)
}

fn scenario<'a>(d: &'a ChannelDoc, name_part: &str) -> &'a Scenario {
    d.scenarios
        .iter()
        .find(|s| s.name.contains(name_part))
        .unwrap()
}

/// A walk whose target reported `steps` at the given offsets (seconds) from 10:00.
fn walk(steps: &[(u32, f64)], status: &str) -> Walk {
    let base = DateTime::parse_from_rfc3339("2026-03-02T10:00:00+05:00").unwrap();
    let events = steps
        .iter()
        .map(|(n, s)| Event {
            step: *n,
            at: (base + chrono::Duration::milliseconds((s * 1000.0) as i64)).to_rfc3339(),
            outcome: "done".into(),
            detail: None,
        })
        .collect();
    Walk {
        calls: vec![Call {
            operation: "submit",
            started: Instant::now(),
            elapsed: Duration::from_millis(120),
            outcome: "ok".into(),
        }],
        submitted: Some(Submitted {
            request_id: "R1".into(),
            status: "accepted".into(),
            signing_payload: None,
        }),
        last: Some(RequestView {
            request_id: "R1".into(),
            status: status.into(),
            status_text: Texts {
                kk: String::new(),
                ru: String::new(),
            },
            is_final: true,
            awaiting: None,
            due_date: None,
            invoice: None,
            refusal_reason: None,
            events,
        }),
        ..Walk::default()
    }
}

fn run_judge(service: &str, channel: &str, name: &str, w: &Walk) -> ScenarioResult {
    let (s, d) = doc(service, channel);
    let sc = scenario(&d, name).clone();
    let intent = Intent::default();
    judge(
        &s.id,
        &d,
        &sc,
        &Evidence {
            walk: w,
            intent: &intent,
            journals: None,
            ca_pem: None,
            duration_ms: 1,
            now: chrono::Utc::now(),
        },
        &Calendar::builtin(),
    )
}

const S000: &str = "apostille-education-2012";

#[test]
fn steps_within_their_limits_pass() {
    // Seed 000 main path 1 3 4 6 7 9 11, each well inside its limit.
    let w = walk(
        &[
            (1, 0.0),
            (3, 5.0),
            (4, 10.0),
            (6, 12.0),
            (7, 20.0),
            (9, 30.0),
            (11, 40.0),
        ],
        "completed",
    );
    let r = run_judge(S000, "portal", "Main flow", &w);
    assert_eq!(
        r.status,
        ScenarioStatus::Passed,
        "{:#?}",
        r.failures().collect::<Vec<_>>()
    );
    let s7 = r.steps.iter().find(|s| s.step == 7).unwrap();
    assert_eq!(s7.verdict, Verdict::Pass);
    assert!(
        (s7.budget_use.unwrap() - 8.0 / 15.0).abs() < 1e-9,
        "8 s of 15 s"
    );
}

#[test]
fn a_step_over_its_limit_fails_and_says_by_how_much() {
    // Row 7 allows 10–15 сек; the target took 16.5 s.
    let w = walk(
        &[
            (1, 0.0),
            (3, 5.0),
            (4, 10.0),
            (6, 12.0),
            (7, 28.5),
            (9, 30.0),
            (11, 40.0),
        ],
        "completed",
    );
    let r = run_judge(S000, "portal", "Main flow", &w);
    assert_eq!(r.status, ScenarioStatus::Failed);
    let s7 = r.steps.iter().find(|s| s.step == 7).unwrap();
    assert_eq!(s7.verdict, Verdict::Fail);
    assert!(
        s7.reason.as_ref().unwrap().contains("over by 1.5 s"),
        "{:?}",
        s7.reason
    );
    assert_eq!(
        r.steps
            .iter()
            .filter(|s| s.verdict == Verdict::Fail)
            .count(),
        1
    );
}

#[test]
fn a_skipped_step_fails_the_path_and_the_step() {
    let w = walk(
        &[
            (1, 0.0),
            (3, 5.0),
            (6, 12.0),
            (7, 20.0),
            (9, 30.0),
            (11, 40.0),
        ],
        "completed",
    );
    let r = run_judge(S000, "portal", "Main flow", &w);
    let s4 = r.steps.iter().find(|s| s.step == 4).unwrap();
    assert_eq!(s4.reason.as_deref(), Some("not done by the target"));
    assert!(r
        .checks
        .iter()
        .any(|c| c.check == "path" && c.verdict == Verdict::Fail));
}

#[test]
fn timestamps_going_backwards_are_the_targets_fault() {
    let w = walk(
        &[
            (1, 0.0),
            (3, 5.0),
            (4, 2.0),
            (6, 12.0),
            (7, 20.0),
            (9, 30.0),
            (11, 40.0),
        ],
        "completed",
    );
    let r = run_judge(S000, "portal", "Main flow", &w);
    assert!(
        r.checks
            .iter()
            .any(|c| c.check == "target" && c.detail.contains("before")),
        "{:#?}",
        r.checks
    );
}

#[test]
fn working_day_limits_are_counted_on_the_kazakh_calendar() {
    // Seed 002, PSC row 4: 5 working days from row 3 (Monday 2 March 2026):
    // 3, 4, 5, 6 March, then 8 March (a Sunday) moves its day off to Monday
    // 9, so the fifth working day is Tuesday 10 March.
    let day = 86_400.0;
    let ok = walk(
        &[
            (1, 0.0),
            (2, 1.0),
            (3, 2.0),
            (4, 2.0 + 7.0 * day),
            (5, 2.0 + 7.5 * day),
            (6, 2.0 + 8.0 * day),
        ],
        "completed",
    );
    let r = run_judge("apostille-education-2021", "psc", "Main flow", &ok);
    let s4 = r.steps.iter().find(|s| s.step == 4).unwrap();
    assert_eq!(s4.verdict, Verdict::Pass, "{:?}", s4.reason);
    let late = walk(
        &[
            (1, 0.0),
            (2, 1.0),
            (3, 2.0),
            (4, 2.0 + 9.0 * day),
            (5, 2.0 + 9.5 * day),
            (6, 2.0 + 10.0 * day),
        ],
        "completed",
    );
    let r = run_judge("apostille-education-2021", "psc", "Main flow", &late);
    let s4 = r.steps.iter().find(|s| s.step == 4).unwrap();
    assert_eq!(s4.verdict, Verdict::Fail, "11 March is past the deadline");
}

#[test]
fn timestamps_in_the_future_are_a_lie() {
    // Three days ahead of the harness's clock.
    let base = chrono::Utc::now() + chrono::Duration::days(3);
    let mut w = walk(
        &[
            (1, 0.0),
            (3, 5.0),
            (4, 10.0),
            (6, 12.0),
            (7, 20.0),
            (9, 30.0),
            (11, 40.0),
        ],
        "completed",
    );
    for e in &mut w.last.as_mut().unwrap().events {
        let t = DateTime::parse_from_rfc3339(&e.at).unwrap();
        let shift = base.signed_duration_since(
            DateTime::parse_from_rfc3339("2026-03-02T10:00:00+05:00").unwrap(),
        );
        e.at = (t + shift).to_rfc3339();
    }
    let r = run_judge(S000, "portal", "Main flow", &w);
    assert!(
        r.checks
            .iter()
            .any(|c| c.check == "target" && c.detail.contains("future")),
        "{:#?}",
        r.checks
    );
    assert_eq!(r.status, ScenarioStatus::Failed);
}
