//! The engine: goose 0.19, embedded. Each mix entry is a goose scenario
//! (`service/channel`, weighted) whose transaction walks one of the flow's
//! `@main` scenarios through the target with the conformance walker; each
//! regulation step it observes goes to goose as a custom request
//! `STEP service/channel/step-N` (so goose's own report groups by step) and
//! into reglament's per-step HDR histograms (raw and corrected for
//! coordinated omission), which are what the judge reads.
//!
//! What goose lacks is built on top of it: the open model (a fixed arrival
//! rate) is a `pace` transaction after each flow that holds the applicant
//! until its next scheduled start; per-step budgets are judged from the HDR
//! histograms after the run (goose's thresholds know no per-step budgets).

use crate::hist::{Recording, StepBudget};
use crate::measure::measure;
use crate::model::LoadModel;
use goose::config::GooseConfiguration;
use goose::prelude::*;
use reglament_conformance::plan::{self, Accounts};
use reglament_driver::walk::{walk, Plan};
use reglament_driver::{Capabilities, ContractTarget};
use reglament_mocks::Mocks;
use reglament_model::Model;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The goose request method under which regulation steps are reported.
pub const STEP_METHOD: &str = "STEP";

/// One scenario of a flow, planned once and walked at every iteration.
pub struct FlowWalk {
    pub scenario: String,
    pub plan: Plan,
    pub expected: Vec<u32>,
}

/// A mix entry, resolved against the feature files and the target.
pub struct Flow {
    pub service: String,
    pub channel: String,
    pub weight: usize,
    pub walks: Vec<FlowWalk>,
    /// Every step's budget, from the feature files only.
    pub budgets: BTreeMap<u32, StepBudget>,
}

impl Flow {
    pub fn name(&self) -> String {
        format!("{}/{}", self.service, self.channel)
    }
}

/// Resolves the model's mix: the scenarios of each service/channel with
/// one of the entry's tags (`@main` by default), planned with the harness's
/// mocks (certificates, persons, payment). Errors are usage errors.
pub fn flows(
    model: &LoadModel,
    features: &Model,
    caps: &Capabilities,
    mocks: &Mocks,
    password: &str,
    give_up_after: Duration,
) -> Result<Vec<Flow>, String> {
    let accounts = Accounts {
        password: password.to_string(),
    };
    let mut out = Vec::new();
    for m in &model.mix {
        let Some((_, doc)) = features
            .documents()
            .find(|(s, d)| s.id == m.service && d.channel.as_str() == m.channel)
        else {
            return Err(format!(
                "mix: no feature file for {}/{}",
                m.service, m.channel
            ));
        };
        let offer = caps.services.iter().find(|o| o.service == m.service);
        if !offer.is_some_and(|o| o.channels.iter().any(|c| c == &m.channel)) {
            return Err(format!(
                "mix: the target does not offer {}/{}",
                m.service, m.channel
            ));
        }
        let attachments = offer
            .map(|o| o.required_attachments.clone())
            .unwrap_or_default();
        let mut walks = Vec::new();
        for sc in doc.scenarios.iter().filter(|sc| {
            m.tags
                .iter()
                .any(|t| sc.tags.iter().any(|x| x == t.trim_start_matches('@')))
        }) {
            let (p, intent) = plan::plan(
                &m.service,
                &m.channel,
                sc,
                mocks,
                &attachments,
                &accounts,
                give_up_after,
            )
            .map_err(|e| format!("{}: {e}", sc.source))?;
            if intent.registry_down || intent.not_completed {
                // A resilience scenario switches the shared registry mock
                // off: it cannot run among concurrent applicants.
                continue;
            }
            walks.push(FlowWalk {
                scenario: sc.name.clone(),
                plan: p,
                expected: sc.path().iter().map(|(n, _)| *n).collect(),
            });
        }
        if walks.is_empty() {
            return Err(format!(
                "mix {}/{}: no scenario tagged {}",
                m.service,
                m.channel,
                m.tags
                    .iter()
                    .map(|t| format!("@{}", t.trim_start_matches('@')))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let table = &doc.tables[0];
        out.push(Flow {
            service: m.service.clone(),
            channel: m.channel.clone(),
            weight: m.weight,
            walks,
            budgets: table
                .steps
                .iter()
                .map(|s| (s.n, StepBudget::from_model(s.budget.as_ref())))
                .collect(),
        });
    }
    Ok(out)
}

/// Instead of the regulation flows, one endpoint as fast as the applicants
/// can call it: to compare the engine with a plain HTTP load tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// `GET {target}/capabilities`.
    Capabilities,
}

pub struct EngineOptions {
    /// The part of the model this runner runs (already sharded).
    pub model: LoadModel,
    /// The Driver contract's base URL.
    pub target_url: String,
    /// Where goose writes its own reports (`goose-report.html`, `.json`).
    pub out: PathBuf,
    pub probe: Option<Probe>,
}

/// What the engine observed.
pub struct EngineRun {
    pub recording: Recording,
    /// Seconds from the first flow's start to the last one's end.
    pub duration_s: f64,
    /// Requests of goose's own report, and its error (if it stopped badly).
    pub goose_requests: u64,
    pub goose_error: Option<String>,
}

#[derive(Clone, Default)]
struct UserState {
    iteration: usize,
    flow_started: Option<Instant>,
}

struct Ctx {
    target: ContractTarget,
    http: reqwest::Client,
    rec: Mutex<Recording>,
    start: Instant,
    /// (first start, last end) of any flow, seconds since `start`.
    span: Mutex<Option<(f64, f64)>>,
}

impl Ctx {
    fn note_span(&self, from: Instant, to: Instant) {
        let a = from.saturating_duration_since(self.start).as_secs_f64();
        let b = to.saturating_duration_since(self.start).as_secs_f64();
        let mut s = self.span.lock().expect("span lock");
        *s = Some(match *s {
            None => (a, b),
            Some((x, y)) => (x.min(a), y.max(b)),
        });
    }
}

fn user_state(user: &mut GooseUser) -> &mut UserState {
    if user.get_session_data::<UserState>().is_none() {
        user.set_session_data(UserState::default());
    }
    user.get_session_data_mut::<UserState>().expect("just set")
}

fn flow_transaction(ctx: Arc<Ctx>, flow: Arc<Flow>, interval_us: u64) -> Transaction {
    let name = flow.name();
    let f: TransactionFunction = Arc::new(move |user| {
        let ctx = ctx.clone();
        let flow = flow.clone();
        Box::pin(async move {
            let started = Instant::now();
            let k = {
                let st = user_state(user);
                st.iteration += 1;
                st.flow_started = Some(started);
                st.iteration - 1
            };
            let fw = &flow.walks[k % flow.walks.len()];
            let w = walk(&ctx.target, &fw.plan, &ctx.http).await;
            let m = measure(&w, &flow.channel, &fw.expected);
            let ended = Instant::now();
            ctx.note_span(started, ended);
            let t = ended.saturating_duration_since(ctx.start).as_secs();
            {
                let mut rec = ctx.rec.lock().expect("recording lock");
                for (n, d) in &m.samples {
                    let b = flow.budgets.get(n).cloned().unwrap_or(StepBudget::None);
                    rec.step_mut(&flow.service, &flow.channel, *n, &b)
                        .record(d.as_micros() as u64, interval_us);
                }
                if let Some((n, msg)) = &m.error {
                    let b = flow.budgets.get(n).cloned().unwrap_or(StepBudget::None);
                    rec.step_mut(&flow.service, &flow.channel, *n, &b)
                        .error(msg);
                }
                let failed = m.error.is_some() || w.error.is_some() || w.gave_up;
                if failed {
                    rec.flows_failed += 1;
                } else {
                    rec.flows_done += 1;
                }
                let tick = rec.tick(t);
                tick.flows += 1;
                tick.steps += m.samples.len() as u64;
                tick.errors += u64::from(m.error.is_some());
            }
            for (n, d) in &m.samples {
                let name = crate::hist::step_name(&flow.service, &flow.channel, *n);
                user.record_custom_request_duration(STEP_METHOD, &name, *d, true, None, None)
                    .await?;
            }
            if let Some((n, msg)) = &m.error {
                let name = crate::hist::step_name(&flow.service, &flow.channel, *n);
                user.record_custom_request_duration(
                    STEP_METHOD,
                    &name,
                    ended.saturating_duration_since(started),
                    false,
                    None,
                    Some(msg),
                )
                .await?;
            }
            Ok(())
        })
    });
    Transaction::new(f).set_name(&name)
}

/// The open model's pace: hold the applicant until its next start
/// (`interval` after the previous flow's start); a flow that overran its
/// slot is followed at once, the missed starts being what the
/// coordinated-omission correction accounts for.
fn pace_transaction(interval: Duration) -> Transaction {
    let f: TransactionFunction = Arc::new(move |user| {
        Box::pin(async move {
            let started = user_state(user).flow_started;
            if let Some(s) = started {
                let next = s + interval;
                let now = Instant::now();
                if next > now {
                    tokio::time::sleep(next - now).await;
                }
            }
            Ok(())
        })
    });
    Transaction::new(f).set_name("pace")
}

fn probe_transaction(ctx: Arc<Ctx>, interval_us: u64) -> Transaction {
    let f: TransactionFunction = Arc::new(move |user| {
        let ctx = ctx.clone();
        Box::pin(async move {
            let started = Instant::now();
            user_state(user).flow_started = Some(started);
            let r = user.get("capabilities").await?;
            let ended = Instant::now();
            let ok = r.response.as_ref().is_ok_and(|r| r.status().is_success());
            ctx.note_span(started, ended);
            let t = ended.saturating_duration_since(ctx.start).as_secs();
            let mut rec = ctx.rec.lock().expect("recording lock");
            let s = rec.step_mut("probe", "capabilities", 0, &StepBudget::None);
            if ok {
                s.record(
                    ended.saturating_duration_since(started).as_micros() as u64,
                    interval_us,
                );
            } else {
                s.error("GET /capabilities failed");
            }
            let tick = rec.tick(t);
            tick.flows += 1;
            tick.steps += u64::from(ok);
            tick.errors += u64::from(!ok);
            Ok(())
        })
    });
    Transaction::new(f).set_name("GET /capabilities")
}

fn secs(s: f64) -> String {
    format!("{}s", s.round() as u64)
}

/// Runs the load: goose drives the applicants, reglament records the steps.
pub async fn run(opts: EngineOptions, flows: Vec<Flow>) -> Result<EngineRun, String> {
    let model = &opts.model;
    let interval_us = model.expected_interval_us();
    let users = model.load.applicants;
    if users == 0 {
        // A shard with no applicant of its own: nothing to run, an empty
        // (still mergeable) recording.
        return Ok(EngineRun {
            recording: Recording::new(interval_us),
            duration_s: 0.0,
            goose_requests: 0,
            goose_error: None,
        });
    }
    let base = format!("{}/", opts.target_url.trim_end_matches('/'));
    let ctx = Arc::new(Ctx {
        target: ContractTarget::new(&opts.target_url, Duration::from_secs(30)),
        http: reqwest::Client::new(),
        rec: Mutex::new(Recording::new(interval_us)),
        start: Instant::now(),
        span: Mutex::new(None),
    });
    let pace = model
        .load
        .arrival_rate_per_s
        .map(|_| Duration::from_micros(interval_us));
    let think = model.load.think_time_ms;
    let with_waits = |mut sc: Scenario| -> Result<Scenario, String> {
        if let Some([a, b]) = think {
            sc = sc
                .set_wait_time(Duration::from_millis(a), Duration::from_millis(b))
                .map_err(|e| e.to_string())?;
        }
        Ok(sc)
    };
    let mut scenarios = Vec::new();
    match opts.probe {
        Some(Probe::Capabilities) => {
            let mut sc = with_waits(scenario!("probe/capabilities"))?
                .register_transaction(probe_transaction(ctx.clone(), interval_us));
            if let Some(p) = pace {
                sc = sc.register_transaction(pace_transaction(p));
            }
            scenarios.push(sc);
        }
        None => {
            for f in flows {
                let name = f.name();
                let weight = f.weight;
                let mut sc = with_waits(Scenario::new(&name))?
                    .set_weight(weight)
                    .map_err(|e| e.to_string())?
                    .register_transaction(flow_transaction(ctx.clone(), Arc::new(f), interval_us));
                if let Some(p) = pace {
                    sc = sc.register_transaction(pace_transaction(p));
                }
                scenarios.push(sc);
            }
        }
    }
    let mut cfg = GooseConfiguration::default();
    cfg.host = Some(base);
    cfg.quiet = 1;
    cfg.no_print_metrics = true;
    cfg.no_telnet = true;
    cfg.report_file = vec![
        opts.out.join("goose-report.html").display().to_string(),
        opts.out.join("goose-report.json").display().to_string(),
    ];
    cfg.timeout = Some("30".into());
    // reglament corrects its own histograms (record_correct); goose's report
    // stays as observed.
    cfg.co_mitigation = Some(GooseCoordinatedOmissionMitigation::Disabled);
    let ramp_up = model.load.ramp_up_s;
    let mut attack = GooseAttack::initialize_with_config(cfg.clone()).map_err(|e| e.to_string())?;
    match (model.load.iterations, model.load.duration_s) {
        (Some(n), _) => {
            attack = *attack
                .set_default(GooseDefault::Users, users)
                .map_err(|e| e.to_string())?;
            attack = *attack
                .set_default(GooseDefault::Iterations, n)
                .map_err(|e| e.to_string())?;
            let rate = if ramp_up > 0.0 {
                users as f64 / ramp_up
            } else {
                users as f64
            };
            attack = *attack
                .set_default(GooseDefault::IncreaseRate, rate.to_string().as_str())
                .map_err(|e| e.to_string())?;
        }
        (None, Some(d)) => {
            let plan = format!(
                "{users},{};{users},{};0,{}",
                secs(ramp_up),
                secs(d.max(1.0)),
                secs(model.load.ramp_down_s)
            );
            attack = *attack
                .set_default(GooseDefault::TestPlan, plan.as_str())
                .map_err(|e| e.to_string())?;
        }
        (None, None) => return Err("the model gives neither iterations nor duration_s".into()),
    }
    for sc in scenarios {
        attack = attack.register_scenario(sc);
    }
    let (goose_requests, goose_error) = match attack.execute().await {
        Ok(m) => (
            m.requests
                .values()
                .map(|r| (r.success_count + r.fail_count) as u64)
                .sum(),
            None,
        ),
        Err(e) => (0, Some(e.to_string())),
    };
    let span = *ctx.span.lock().expect("span lock");
    let rec = ctx.rec.lock().expect("recording lock").clone();
    Ok(EngineRun {
        recording: rec,
        duration_s: span.map(|(a, b)| b - a).unwrap_or(0.0),
        goose_requests,
        goose_error,
    })
}
