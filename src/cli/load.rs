//! `reglament load`: the regulation flows under concurrency (goose), each
//! step's percentiles judged against its budget in the act; `--shard K/N`
//! runs one runner's part, `reglament load merge DIR...` merges the shards'
//! histograms and judges once. See docs/load.md.

use super::FeaturePaths;
use crate::exit::Code;
use reglament_load::engine::Probe;
use reglament_load::model::{LoadModel, Shard};
use reglament_load::{LoadError, RunSpec};
use reglament_mocks::{Mocks, MocksConfig};
use reglament_reference::Faults;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct LoadArgs {
    #[command(subcommand)]
    command: Option<LoadCommand>,
    /// The load model (e.g. scenarios/smoke.toml).
    #[arg(value_name = "MODEL", required = true)]
    model: Option<PathBuf>,
    /// Feature files or folders the flows and budgets come from.
    #[arg(long = "features", value_name = "PATH", default_value = "features")]
    features: Vec<PathBuf>,
    /// An implementation speaking the Driver contract (its base URL).
    /// Without it, the embedded reference runs.
    #[arg(long, value_name = "URL")]
    target: Option<String>,
    /// Run the embedded reference with this fault switched on (several allowed).
    #[arg(long = "fault", value_name = "NAME", conflicts_with = "target")]
    faults: Vec<String>,
    /// Run only this runner's part of the model: K/N (1 ≤ K ≤ N); merge the
    /// runners' folders with `reglament load merge`.
    #[arg(long, value_name = "K/N")]
    shard: Option<String>,
    /// Where the reports go (default: reports/<run-id>).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The test accounts' password on the target.
    #[arg(long, default_value = "reglament-test")]
    password: String,
    /// Instead of the flows, call one endpoint as fast as the model's
    /// applicants can (to compare with a plain HTTP load tool).
    #[arg(long, value_enum, value_name = "ENDPOINT")]
    probe: Option<ProbeArg>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ProbeArg {
    /// GET {target}/capabilities
    Capabilities,
}

#[derive(Debug, clap::Subcommand)]
enum LoadCommand {
    /// Merge the per-step histograms of shard runs (never percentiles) and judge once.
    Merge {
        /// Report folders of the shards (or their histograms.json).
        #[arg(value_name = "DIR", required = true)]
        dirs: Vec<PathBuf>,
        /// Where the merged report goes (default: reports/<run-id>).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

fn run_id() -> String {
    format!(
        "{}-{:04x}",
        chrono::Utc::now().format("%Y%m%dT%H%M%SZ"),
        std::process::id() & 0xffff
    )
}

fn verdict_code(rep: &reglament_load::report::LoadReport) -> Code {
    eprint!("{}", reglament_load::report::console(rep));
    for f in &rep.failures {
        eprintln!("FAIL {f}");
    }
    if rep.passed {
        Code::Pass
    } else {
        Code::Failure
    }
}

pub fn run(args: LoadArgs) -> Code {
    if let Some(LoadCommand::Merge { dirs, out }) = &args.command {
        let id = format!("{}-merge", run_id());
        let out = out
            .clone()
            .unwrap_or_else(|| PathBuf::from("reports").join(&id));
        return match reglament_load::merge(&id, dirs, &out) {
            Ok(rep) => {
                eprintln!(
                    "reglament load merge {id}: shards {} of {}; reports in {}",
                    rep.shards.join(", "),
                    rep.model,
                    out.display()
                );
                verdict_code(&rep)
            }
            Err(e) => {
                eprintln!("error: {e}");
                Code::Usage
            }
        };
    }
    let Some(model_path) = &args.model else {
        eprintln!("error: a load model is required (e.g. scenarios/smoke.toml)");
        return Code::Usage;
    };
    let model = match LoadModel::read(model_path) {
        Ok((m, _)) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return Code::Usage;
        }
    };
    let shard = match args.shard.as_deref().map(Shard::parse).transpose() {
        Ok(s) => s.unwrap_or(Shard::WHOLE),
        Err(e) => {
            eprintln!("error: {e}");
            return Code::Usage;
        }
    };
    let Some(loaded) = super::load_clean(&FeaturePaths {
        paths: args.features.clone(),
    }) else {
        return Code::Usage;
    };
    for m in &model.mix {
        if loaded.model.service(&m.service).is_none() {
            eprintln!(
                "error: {}: mix: no service \"{}\" in the feature files",
                model_path.display(),
                m.service
            );
            return Code::Usage;
        }
    }
    let faults = match Faults::parse(args.faults.iter().map(String::as_str)) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return Code::Usage;
        }
    };
    let id = run_id();
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("reports").join(&id));
    let rt = match super::runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    rt.block_on(async move {
        let mocks = match Mocks::start(MocksConfig::default()).await {
            Ok(m) => m,
            Err(e) => {
                eprintln!("error: cannot start the mocks: {e}");
                return Code::Unreachable;
            }
        };
        let (reference, url) = match &args.target {
            Some(url) => (None, url.clone()),
            None => {
                let ref_args = super::reference::embedded_args(&args.password);
                match super::reference::start_reference(&mocks, faults.clone(), &ref_args).await
                {
                    Ok(r) => {
                        let url = r.base_url();
                        (Some(r), url)
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        mocks.stop().await;
                        return Code::Unreachable;
                    }
                }
            }
        };
        eprintln!(
            "reglament load {id}: {} (shard {shard}), target {url}; reports in {}",
            model.name,
            out.display()
        );
        // SIGTERM stops the load like Ctrl-C (which goose handles itself).
        #[cfg(unix)]
        tokio::spawn(async {
            if let Ok(mut term) =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            {
                term.recv().await;
                eprintln!("SIGTERM: stopping the load and writing the reports");
                reglament_load::interrupt("SIGTERM received");
            }
        });
        let outcome = reglament_load::run(RunSpec {
            run_id: id.clone(),
            model: &model,
            shard,
            features: &loaded.model,
            features_digest: &loaded.digest,
            target_url: url,
            faults: faults.iter().map(|f| f.name().to_string()).collect(),
            mocks: &mocks,
            password: args.password.clone(),
            out: out.clone(),
            probe: args.probe.map(|p| match p {
                ProbeArg::Capabilities => Probe::Capabilities,
            }),
        })
        .await;
        if let Some(r) = reference {
            r.stop().await;
        }
        mocks.stop().await;
        match outcome {
            Err(LoadError::Usage(e)) => {
                eprintln!("error: {e}");
                Code::Usage
            }
            Err(LoadError::Unreachable(e)) => {
                eprintln!("error: {e}");
                Code::Unreachable
            }
            Ok(rep) => {
                if let Some(p) = &rep.probe {
                    eprintln!(
                        "probe {}: {} requests, {} errors, {:.0} req/s, p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
                        p.endpoint, p.requests, p.errors, p.requests_per_s, p.p50_ms, p.p99_ms, p.max_ms
                    );
                }
                let code = verdict_code(&rep);
                if shard.count > 1 {
                    eprintln!(
                        "shard {shard}: this verdict is the shard's own; `reglament load merge` judges the whole model"
                    );
                    Code::Pass
                } else {
                    code
                }
            }
        }
    })
}
