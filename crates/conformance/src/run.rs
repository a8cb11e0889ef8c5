//! The run: select scenarios, walk each through the target, gather the
//! evidence, judge, and hand every verdict to the reporters as it comes.

use crate::judge::{self, Evidence, Journals};
use crate::plan::{self, Accounts};
use reglament_calendar::Calendar;
use reglament_driver::walk::walk;
use reglament_driver::{DriverError, Target};
use reglament_mocks::Mocks;
use reglament_model::Model;
use reglament_report::{
    Reporter, RunResults, Selection, StatementRow, Summary, TargetInfo, SCHEMA,
};
use std::time::{Duration, Instant};
use tokio::sync::watch;

pub struct Options {
    pub run_id: String,
    pub selection: Selection,
    pub target: TargetInfo,
    pub model_digest: String,
    pub password: String,
    /// How long one request may stay open before the harness gives up.
    pub give_up_after: Duration,
    /// Stop at the first scenario that does not pass.
    pub fail_fast: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("{0}")]
    Unreachable(String),
    /// A mock stopped during the run: the verdicts after it would blame the
    /// target for the harness's failure, so the run stops (the reports keep
    /// what was judged before).
    #[error(
        "the {0} mock crashed during the run: the run stopped; no verdict after it is the target's"
    )]
    MockCrashed(&'static str),
}

fn selected(sel: &[String], value: &str) -> bool {
    sel.is_empty() || sel.iter().any(|s| s == value)
}

fn tagged(sel: &[String], tags: &[String]) -> bool {
    sel.is_empty()
        || sel
            .iter()
            .any(|t| tags.iter().any(|x| x == t.trim_start_matches('@')))
}

/// Journal positions before a scenario, to read only its calls after.
struct Marks {
    pki: u64,
    registry: u64,
    payment: u64,
}

fn marks(m: &Mocks) -> Marks {
    let next = |s: &reglament_mocks::server::MockServer| {
        s.shared.journal.query(u64::MAX, None, None, 0).next_seq
    };
    Marks {
        pki: next(&m.pki),
        registry: next(&m.registry),
        payment: next(&m.payment),
    }
}

fn journals(m: &Mocks, since: &Marks) -> Journals {
    let field = |e: &reglament_mocks::journal::Entry, k: &str| e.fields.get(k).cloned();
    let q = |s: &reglament_mocks::server::MockServer, from: u64, op: &str| {
        s.shared
            .journal
            .query(from, Some(op), None, 100_000)
            .entries
    };
    Journals {
        ocsp_serials: q(&m.pki, since.pki, "ocsp.check")
            .iter()
            .filter_map(|e| field(e, "serial"))
            .collect(),
        // A look-up the mock's profile failed on purpose is journaled under its
        // route (the handler never ran): it still counts as asked.
        person_lookups: m
            .registry
            .shared
            .journal
            .query(since.registry, None, None, 100_000)
            .entries
            .iter()
            .filter_map(|e| match e.operation.as_str() {
                "person.lookup" => field(e, "iin"),
                op => op.strip_prefix("GET /persons/").map(str::to_string),
            })
            .collect(),
        invoices_for: q(&m.payment, since.payment, "invoice.create")
            .iter()
            .filter_map(|e| field(e, "request_id"))
            .collect(),
    }
}

/// Runs the selected scenarios of `model` against `target`. `stop` turning
/// true (Ctrl-C, SIGTERM) ends the run after writing what it has.
pub async fn run<T: Target>(
    opts: Options,
    model: &Model,
    target: &T,
    mocks: &Mocks,
    reporters: &mut [Box<dyn Reporter>],
    mut stop: watch::Receiver<bool>,
) -> Result<RunResults, RunError> {
    let caps = target.capabilities().await.map_err(|e| match e {
        DriverError::Unreachable(m) => {
            RunError::Unreachable(format!("the target is unreachable: {m}"))
        }
        other => RunError::Unreachable(format!("the target does not answer the contract: {other}")),
    })?;
    let cal = Calendar::builtin();
    let http = reqwest::Client::new();
    let ca = mocks.authority.ca_pem().into_bytes();
    let accounts = Accounts {
        password: opts.password.clone(),
    };
    let mut results = RunResults {
        schema: SCHEMA.into(),
        run_id: opts.run_id.clone(),
        started_at: chrono::Utc::now().to_rfc3339(),
        finished_at: None,
        interrupted: false,
        target: opts.target.clone(),
        model_digest: opts.model_digest.clone(),
        selection: opts.selection.clone(),
        scenarios: Vec::new(),
        summary: Summary::default(),
        statement: Vec::new(),
    };
    for (service, doc) in model.documents() {
        let channel = doc.channel.as_str();
        if !selected(&opts.selection.services, &service.id)
            || !selected(&opts.selection.channels, channel)
        {
            continue;
        }
        let offer = caps.services.iter().find(|o| o.service == service.id);
        let claimed = offer.is_some_and(|o| o.channels.iter().any(|c| c == channel));
        results.statement.push(StatementRow {
            service: service.id.clone(),
            channel: channel.to_string(),
            claimed,
            scenarios_run: 0,
            scenarios_passed: 0,
            conclusion: String::new(),
        });
    }
    let features: Vec<reglament_report::FeaturePlan> = model
        .documents()
        .filter(|(s, d)| {
            results
                .statement
                .iter()
                .any(|r| r.service == s.id && r.channel == d.channel.as_str() && r.claimed)
        })
        .map(|(s, d)| reglament_report::FeaturePlan {
            service: s.id.clone(),
            channel: d.channel.as_str().to_string(),
            scenarios: d
                .scenarios
                .iter()
                .filter(|sc| tagged(&opts.selection.tags, &sc.tags))
                .count(),
        })
        .collect();
    for r in reporters.iter_mut() {
        if let Err(e) = r.start(&features) {
            eprintln!("warning: a reporter failed: {e}");
        }
    }
    let mut crashed = None;
    'all: for (service, doc) in model.documents() {
        let channel = doc.channel.as_str();
        let claimed = results
            .statement
            .iter()
            .any(|r| r.service == service.id && r.channel == channel && r.claimed);
        if !claimed {
            continue;
        }
        let attachments = caps
            .services
            .iter()
            .find(|o| o.service == service.id)
            .map(|o| o.required_attachments.clone())
            .unwrap_or_default();
        for sc in doc
            .scenarios
            .iter()
            .filter(|s| tagged(&opts.selection.tags, &s.tags))
        {
            if *stop.borrow() {
                results.interrupted = true;
                break 'all;
            }
            let (plan, intent) = match plan::plan(
                &service.id,
                channel,
                sc,
                mocks,
                &attachments,
                &accounts,
                opts.give_up_after,
            ) {
                Ok(p) => p,
                Err(e) => {
                    // A scenario the mocks cannot stage is a setup error, not the target's.
                    return Err(RunError::Unreachable(format!("{}: {e}", sc.source)));
                }
            };
            if intent.registry_down {
                *mocks.registry.shared.profile.write().expect("profile lock") =
                    reglament_mocks::profile::Profile {
                        outage: true,
                        ..Default::default()
                    };
            }
            let before = marks(mocks);
            let started = Instant::now();
            let w = tokio::select! {
                w = walk(target, &plan, &http) => w,
                _ = stop.changed() => {
                    results.interrupted = true;
                    break 'all;
                }
            };
            if intent.registry_down {
                *mocks.registry.shared.profile.write().expect("profile lock") = Default::default();
            }
            if let Some(name) = mocks.crashed() {
                crashed = Some(name);
                results.interrupted = true;
                break 'all;
            }
            let j = journals(mocks, &before);
            let verdict = judge::judge(
                &service.id,
                doc,
                sc,
                &Evidence {
                    walk: &w,
                    intent: &intent,
                    journals: Some(&j),
                    ca_pem: Some(&ca),
                    duration_ms: started.elapsed().as_millis() as u64,
                    now: chrono::Utc::now(),
                },
                &cal,
            );
            results.scenarios.push(verdict);
            results.recount();
            let latest = results.scenarios.last().expect("just pushed").clone();
            for r in reporters.iter_mut() {
                if let Err(e) = r.scenario(&results, &latest) {
                    eprintln!("warning: a reporter failed: {e}");
                }
            }
            if opts.fail_fast && latest.status != reglament_report::ScenarioStatus::Passed {
                break 'all;
            }
        }
    }
    results.finished_at = Some(chrono::Utc::now().to_rfc3339());
    results.recount();
    for r in reporters.iter_mut() {
        if let Err(e) = r.finish(&results) {
            eprintln!("warning: a reporter failed: {e}");
        }
    }
    match crashed {
        Some(name) => Err(RunError::MockCrashed(name)),
        None => Ok(results),
    }
}
