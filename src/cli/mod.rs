//! Command-line parsing in two stages: clap reads raw flags ([`Args`]), then
//! each command validates them into its settings before any work starts, so
//! a usage error never leaves half a result behind.

pub mod calendar;
mod errata;
mod faults;
mod graph;
mod lint;
mod load;
mod mocks;
mod model;
mod reference;
mod run;

use crate::exit::Code;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "reglament",
    version,
    about = "Conformance and load-test harness for Kazakhstan electronic public services"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The main job: run the features' scenarios against a target (default: the embedded reference) and judge every step.
    Run(run::RunArgs),
    /// Prove the harness can fail: run the features against the reference once per fault and show what caught each.
    Faults(faults::FaultsArgs),
    /// Check feature files: parse errors, graph anomalies, errata, scenario paths, coverage.
    Lint(lint::LintArgs),
    /// Print the regulation model read from the feature files.
    Model(model::ModelArgs),
    /// Draw the step graph of one table (Graphviz DOT or Mermaid).
    Graph(graph::GraphArgs),
    /// Print, per service, the errata taken and the act's anomalies (Markdown).
    Errata(errata::ErrataArgs),
    /// Kazakhstan legal time: a year's holidays and transfers, deadlines of day-scale limits.
    Calendar(calendar::CalendarArgs),
    /// Run the mock registries, payment gateway and PKI for an implementation to call.
    Mocks(mocks::MocksArgs),
    /// Serve the reference implementation of the nine services (with its mocks); --fault breaks it on purpose.
    Reference(reference::ReferenceArgs),
    /// Load runs: the regulation flows under concurrency, per-step percentiles judged against the act's budgets.
    Load(load::LoadArgs),
}

/// Feature paths shared by the commands that read the model.
#[derive(Debug, clap::Args)]
pub struct FeaturePaths {
    /// Feature files or folders (default: features/)
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
}

impl FeaturePaths {
    pub fn resolved(&self) -> Vec<PathBuf> {
        if self.paths.is_empty() {
            vec![PathBuf::from("features")]
        } else {
            self.paths.clone()
        }
    }
}

pub fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                Code::Usage.into()
            } else {
                Code::Pass.into()
            };
        }
    };
    let code = match args.command {
        Command::Run(a) => run::run(a),
        Command::Faults(a) => faults::run(a),
        Command::Lint(a) => lint::run(a),
        Command::Model(a) => model::run(a),
        Command::Graph(a) => graph::run(a),
        Command::Errata(a) => errata::run(a),
        Command::Calendar(a) => calendar::run(a),
        Command::Mocks(a) => mocks::run(a),
        Command::Reference(a) => reference::run(a),
        Command::Load(a) => load::run(a),
    };
    code.into()
}

/// Loads the model and prints its errors; `None` when it has errors, since a
/// model with errors must not be judged against.
pub(crate) fn load_clean(paths: &FeaturePaths) -> Option<reglament_model::Loaded> {
    let loaded = reglament_model::load(&paths.resolved());
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == reglament_model::Severity::Error)
        .collect();
    if errors.is_empty() {
        return Some(loaded);
    }
    for d in &errors {
        eprintln!("{d}");
    }
    eprintln!(
        "reglament: {} error(s) in the feature files; run `reglament lint` for details",
        errors.len()
    );
    None
}

/// The async runtime of the commands that serve or drive over HTTP; failing
/// to start one is reported like an unreachable service (exit 3).
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, Code> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            eprintln!("error: cannot start the async runtime: {e}");
            Code::Unreachable
        })
}
