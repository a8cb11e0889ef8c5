//! Load runs (`reglament load`): the regulation flows of the feature files
//! under concurrency, driven by goose; every regulation step's duration goes
//! into a per-step HDR histogram (raw, and corrected for coordinated
//! omission), and the judge holds the model's percentiles of each step
//! against the step's budget in the act. Shards write their histograms;
//! `merge` adds them up (never percentiles) and judges once.

pub mod engine;
pub mod hist;
pub mod judge;
pub mod measure;
pub mod model;
pub mod report;

use engine::{EngineOptions, Probe};
use hist::{HistogramsFile, Merged};
use model::{LoadModel, Shard};
use reglament_driver::{ContractTarget, DriverError, Target};
use report::{LoadReport, ProbeSummary};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Why a load run could not give a verdict.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The model, the mix or the command line is wrong (exit 2).
    #[error("{0}")]
    Usage(String),
    /// The target or the mocks cannot be reached (exit 3).
    #[error("{0}")]
    Unreachable(String),
}

/// One load run (or one shard of it) against a target.
pub struct RunSpec<'a> {
    pub run_id: String,
    /// The whole model; the run takes `shard`'s part of it.
    pub model: &'a LoadModel,
    pub shard: Shard,
    pub features: &'a reglament_model::Model,
    pub features_digest: &'a str,
    pub target_url: String,
    pub faults: Vec<String>,
    pub mocks: &'a reglament_mocks::Mocks,
    pub password: String,
    pub out: PathBuf,
    pub probe: Option<Probe>,
}

/// Runs the load, judges it, and writes `histograms.json`, `load.json`,
/// `load.html`, `summary.md` (and goose's `goose-report.*`) into `out`.
/// A shard's verdict is its own part's only; `merge` gives the whole one.
pub async fn run(spec: RunSpec<'_>) -> Result<LoadReport, LoadError> {
    let target = ContractTarget::new(&spec.target_url, Duration::from_secs(30));
    let caps = target.capabilities().await.map_err(|e| match e {
        DriverError::Unreachable(m) => {
            LoadError::Unreachable(format!("the target is unreachable: {m}"))
        }
        other => {
            LoadError::Unreachable(format!("the target does not answer the contract: {other}"))
        }
    })?;
    let give_up = Duration::from_secs(spec.model.load.give_up_after_s);
    let part = spec.model.shard(spec.shard);
    let flows = if spec.probe.is_some() {
        Vec::new()
    } else {
        engine::flows(
            &part,
            spec.features,
            &caps,
            spec.mocks,
            &spec.password,
            give_up,
        )
        .map_err(LoadError::Usage)?
    };
    std::fs::create_dir_all(&spec.out)
        .map_err(|e| LoadError::Usage(format!("cannot create {}: {e}", spec.out.display())))?;
    let started_at = chrono::Utc::now().to_rfc3339();
    let ran = engine::run(
        EngineOptions {
            model: part.clone(),
            target_url: spec.target_url.clone(),
            out: spec.out.clone(),
            probe: spec.probe,
        },
        flows,
    )
    .await
    .map_err(LoadError::Usage)?;
    if let Some(name) = spec.mocks.crashed() {
        return Err(LoadError::Unreachable(format!(
            "the {name} mock crashed during the run: no verdict is blamed on the target"
        )));
    }
    let hist = HistogramsFile::new(
        &spec.run_id,
        spec.model,
        spec.shard,
        spec.features_digest,
        &spec.target_url,
        &started_at,
        ran.duration_s,
        &ran.recording,
    );
    let verdict = judge::judge(&ran.recording, &spec.model.judge);
    let mut rep = report::build(
        &spec.run_id,
        &part,
        &[spec.shard],
        &spec.target_url,
        &spec.faults,
        spec.features_digest,
        &started_at,
        ran.duration_s,
        &ran.recording,
        verdict,
        ran.goose_requests,
        ran.goose_error.clone(),
    );
    if spec.probe.is_some() {
        if let Some(s) = ran.recording.steps.values().next() {
            rep.probe = Some(ProbeSummary {
                endpoint: "GET /capabilities".into(),
                requests: s.count(),
                errors: s.errors,
                requests_per_s: if ran.duration_s > 0.0 {
                    s.count() as f64 / ran.duration_s
                } else {
                    0.0
                },
                p50_ms: s.raw.value_at_quantile(0.5) as f64 / 1e3,
                p99_ms: s.raw.value_at_quantile(0.99) as f64 / 1e3,
                max_ms: s.raw.max() as f64 / 1e3,
            });
        }
    }
    let mut hist = hist;
    if goose::is_killswitch_triggered() {
        hist.interrupted = true;
        rep.interrupted = true;
        rep.passed = false;
        rep.failures.insert(
            0,
            "the run was interrupted: the figures cover only what ran".into(),
        );
        goose::reset_killswitch();
    }
    report::write_all(&spec.out, &rep, Some(&hist), &ran.recording)
        .map_err(|e| LoadError::Usage(format!("cannot write {}: {e}", spec.out.display())))?;
    Ok(rep)
}

/// The `histograms.json` of a run folder (or the file itself).
pub fn read_histograms(path: &Path) -> Result<HistogramsFile, String> {
    let file = if path.is_dir() {
        path.join("histograms.json")
    } else {
        path.to_path_buf()
    };
    HistogramsFile::read(&file)
}

/// Merges the shards' histograms, judges once, and writes the report (and
/// the merged `histograms.json`, a whole run's) into `out`.
pub fn merge(run_id: &str, inputs: &[PathBuf], out: &Path) -> Result<LoadReport, LoadError> {
    let files = inputs
        .iter()
        .map(|p| read_histograms(p))
        .collect::<Result<Vec<_>, _>>()
        .map_err(LoadError::Usage)?;
    let merged: Merged = hist::merge(&files).map_err(LoadError::Usage)?;
    let verdict = judge::judge(&merged.recording, &merged.model.judge);
    let started_at = files
        .iter()
        .map(|f| f.started_at.clone())
        .min()
        .unwrap_or_default();
    let rep = report::build(
        run_id,
        &merged.model,
        &merged.shards,
        &merged.target,
        &[],
        &merged.features_digest,
        &started_at,
        merged.duration_s,
        &merged.recording,
        verdict,
        0,
        None,
    );
    let whole = HistogramsFile::new(
        run_id,
        &merged.model,
        Shard::WHOLE,
        &merged.features_digest,
        &merged.target,
        &started_at,
        merged.duration_s,
        &merged.recording,
    );
    report::write_all(out, &rep, Some(&whole), &merged.recording)
        .map_err(|e| LoadError::Usage(format!("cannot write {}: {e}", out.display())))?;
    Ok(rep)
}

/// Stops a running load gracefully (as Ctrl-C does): the users finish, the
/// reports are written and say the run was interrupted.
pub fn interrupt(reason: &str) {
    goose::trigger_killswitch(reason);
}
