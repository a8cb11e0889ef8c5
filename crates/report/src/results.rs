//! The stable output of a conformance run: `results.json`, schema
//! `reglament.results/1` (docs/results.md). Every reporter reads these
//! types; the engine only produces them.

use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "reglament.results/1";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunResults {
    pub schema: String,
    pub run_id: String,
    pub started_at: String,
    #[serde(default)]
    pub finished_at: Option<String>,
    /// True when the run was stopped (Ctrl-C, SIGTERM) before its end: the
    /// scenarios listed are those that finished.
    pub interrupted: bool,
    pub target: TargetInfo,
    /// SHA-256 of the feature files judged against.
    pub model_digest: String,
    pub selection: Selection,
    pub scenarios: Vec<ScenarioResult>,
    pub summary: Summary,
    pub statement: Vec<StatementRow>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TargetInfo {
    /// `embedded` (mocks + reference in-process), `url` or `adapter`.
    pub kind: String,
    pub url: String,
    #[serde(default)]
    pub implementation: Option<String>,
    /// Faults switched on in the embedded reference.
    #[serde(default)]
    pub faults: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Selection {
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub channels: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Pass,
    Fail,
    /// Nothing to judge (the act gives no limit, or the evidence is not ours to see).
    NotJudged,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScenarioStatus {
    Passed,
    Failed,
    /// The target could not be driven (unreachable, answered outside the contract).
    Error,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScenarioResult {
    pub service: String,
    pub channel: String,
    pub name: String,
    pub tags: Vec<String>,
    /// `file:line` of the scenario.
    pub source: String,
    pub status: ScenarioStatus,
    pub expected_path: Vec<u32>,
    pub observed_path: Vec<u32>,
    pub steps: Vec<StepVerdict>,
    pub checks: Vec<CheckVerdict>,
    /// Harness-measured (monotonic) duration of the whole scenario.
    pub duration_ms: u64,
    #[serde(default)]
    pub error: Option<String>,
    /// The target's request id, to find it in the target's own logs.
    #[serde(default)]
    pub request_id: Option<String>,
}

impl ScenarioResult {
    pub fn failures(&self) -> impl Iterator<Item = String> + '_ {
        let steps = self
            .steps
            .iter()
            .filter(|s| s.verdict == Verdict::Fail)
            .map(|s| format!("step {}: {}", s.step, s.reason.clone().unwrap_or_default()));
        let checks = self
            .checks
            .iter()
            .filter(|c| c.verdict == Verdict::Fail)
            .map(|c| format!("{}: {}", c.check, c.detail));
        steps.chain(checks).chain(self.error.clone())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StepVerdict {
    pub step: u32,
    pub actor: String,
    pub action_en: String,
    /// The act's limit, verbatim, and the budget it is read as.
    pub limit_raw: String,
    #[serde(default)]
    pub budget: Option<serde_json::Value>,
    #[serde(default)]
    pub observed: Option<Observed>,
    /// Share of the budget used (1.0 = exactly the limit).
    #[serde(default)]
    pub budget_use: Option<f64>,
    pub verdict: Verdict,
    #[serde(default)]
    pub reason: Option<String>,
    /// `file:line` of the row in the feature file.
    pub source: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Observed {
    /// When the step was done (the target's timestamp, or the harness's).
    pub at: String,
    pub outcome: String,
    /// How long the step took, in seconds, and how that was measured.
    #[serde(default)]
    pub duration_s: Option<f64>,
    pub measured_by: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CheckVerdict {
    /// `path`, `certificate-status-asked`, `registry-asked`, `invoice-issued`,
    /// `status-text`, `refusal-reason`, `result-signed`, `due-date`, `target`.
    pub check: String,
    pub verdict: Verdict,
    pub detail: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Summary {
    pub scenarios: usize,
    pub passed: usize,
    pub failed: usize,
    pub errors: usize,
    pub steps_judged: usize,
    pub steps_failed: usize,
    /// The highest share of a budget any step used.
    #[serde(default)]
    pub worst_budget_use: Option<f64>,
}

/// One row of the conformance statement: a service and channel as claimed,
/// run and judged.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StatementRow {
    pub service: String,
    pub channel: String,
    /// The target says it serves this (capabilities).
    pub claimed: bool,
    pub scenarios_run: usize,
    pub scenarios_passed: usize,
    /// `conforms`, `does not conform`, `not run`, `not claimed`.
    pub conclusion: String,
}

impl RunResults {
    pub fn recount(&mut self) {
        let mut s = Summary {
            scenarios: self.scenarios.len(),
            ..Summary::default()
        };
        for sc in &self.scenarios {
            match sc.status {
                ScenarioStatus::Passed => s.passed += 1,
                ScenarioStatus::Failed => s.failed += 1,
                ScenarioStatus::Error => s.errors += 1,
            }
            for st in &sc.steps {
                if st.verdict != Verdict::NotJudged {
                    s.steps_judged += 1;
                }
                if st.verdict == Verdict::Fail {
                    s.steps_failed += 1;
                }
                if let Some(u) = st.budget_use {
                    s.worst_budget_use = Some(s.worst_budget_use.map_or(u, |w: f64| w.max(u)));
                }
            }
        }
        self.summary = s;
        for row in &mut self.statement {
            let ran: Vec<_> = self
                .scenarios
                .iter()
                .filter(|sc| sc.service == row.service && sc.channel == row.channel)
                .collect();
            row.scenarios_run = ran.len();
            row.scenarios_passed = ran
                .iter()
                .filter(|sc| sc.status == ScenarioStatus::Passed)
                .count();
            row.conclusion = match (row.claimed, ran.len(), row.scenarios_passed) {
                (false, 0, _) => "not claimed",
                (_, 0, _) => "not run",
                (_, n, p) if n == p => "conforms",
                _ => "does not conform",
            }
            .to_string();
        }
    }

    pub fn passed(&self) -> bool {
        !self.interrupted
            && self.summary.failed == 0
            && self.summary.errors == 0
            && self.summary.scenarios > 0
    }
}
