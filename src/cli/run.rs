//! `reglament run`: the main job. Executes the feature files' scenarios
//! against a target — by default the embedded reference implementation with
//! its mocks — judges every step against the act, and writes the reports.

use super::FeaturePaths;
use crate::exit::Code;
use reglament_conformance::run::{self, Options, RunError};
use reglament_driver::adapter::AdapterTarget;
use reglament_driver::{ContractTarget, Tls};
use reglament_mocks::{Mocks, MocksConfig};
use reglament_reference::Faults;
use reglament_report::{Console, Files, Reporter, Selection, TargetInfo};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    #[command(flatten)]
    paths: FeaturePaths,
    /// An implementation speaking the Driver contract (its base URL, e.g.
    /// http://host:8080/reglament/v1). Without it, the embedded reference runs.
    #[arg(long, value_name = "URL")]
    target: Option<String>,
    /// Drive an implementation with its own API through an adapter file
    /// (docs/adapter.md) instead of the Driver contract.
    #[arg(long, value_name = "FILE", conflicts_with = "target")]
    adapter: Option<PathBuf>,
    /// Run the embedded reference with this fault switched on (several allowed).
    #[arg(long = "fault", value_name = "NAME", conflicts_with_all = ["target", "adapter"])]
    faults: Vec<String>,
    /// Only these services (ids; several allowed).
    #[arg(long = "service", value_name = "ID")]
    services: Vec<String>,
    /// Only these channels: portal, psc, provider.
    #[arg(long = "channel", value_name = "CHANNEL")]
    channels: Vec<String>,
    /// Only scenarios with one of these tags (e.g. main, refusal).
    #[arg(long = "tags", value_name = "TAG", value_delimiter = ',')]
    tags: Vec<String>,
    /// Where the reports go (default: reports/<run-id>).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The test accounts' password on the target.
    #[arg(long, default_value = "reglament-test")]
    password: String,
    /// Seconds one request may stay open before the harness gives up on it.
    #[arg(long, default_value_t = 120)]
    give_up_after: u64,
    /// Stop at the first scenario that does not pass.
    #[arg(long)]
    fail_fast: bool,
    /// With --target/--adapter: fixed ports for the mocks the target is
    /// configured to call (0: any free port; the URLs are printed at start).
    #[arg(long, default_value_t = 0)]
    registry_port: u16,
    #[arg(long, default_value_t = 0)]
    payment_port: u16,
    #[arg(long, default_value_t = 0)]
    pki_port: u16,
    /// Keep the mocks' test CA in this folder across runs (a target trusts it once).
    #[arg(long, value_name = "DIR")]
    pki_state: Option<PathBuf>,
    /// PEM of the CA that issued an https target's certificate.
    #[arg(long, value_name = "FILE", requires = "target")]
    ca: Option<PathBuf>,
    /// PEM with the client certificate and key for mutual TLS with the target.
    #[arg(long, value_name = "FILE", requires = "target")]
    client_identity: Option<PathBuf>,
}

pub fn run(args: RunArgs) -> Code {
    let Some(loaded) = super::load_clean(&args.paths) else {
        return Code::Usage;
    };
    for c in &args.channels {
        if !["portal", "psc", "provider"].contains(&c.as_str()) {
            eprintln!("error: unknown channel \"{c}\" (portal, psc, provider)");
            return Code::Usage;
        }
    }
    for s in &args.services {
        if loaded.model.service(s).is_none() {
            eprintln!("error: no service \"{s}\" in the feature files");
            return Code::Usage;
        }
    }
    // The adapter file is read and checked before anything starts.
    let adapter = match &args.adapter {
        None => None,
        Some(path) => match AdapterTarget::load(path) {
            Ok(a) => Some(a),
            Err(e) => {
                eprintln!("error: {e}");
                return Code::Usage;
            }
        },
    };
    let read = |p: &Option<PathBuf>| -> Result<Option<Vec<u8>>, String> {
        p.as_ref()
            .map(|p| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display())))
            .transpose()
    };
    let tls = match (read(&args.ca), read(&args.client_identity)) {
        (Ok(ca_pem), Ok(identity_pem)) => Tls {
            ca_pem,
            identity_pem,
        },
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return Code::Usage;
        }
    };
    let contract = match ContractTarget::with_tls(
        args.target.as_deref().unwrap_or("http://127.0.0.1:0"),
        Duration::from_secs(30),
        &tls,
    ) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return Code::Usage;
        }
    };
    let faults = match Faults::parse(args.faults.iter().map(String::as_str)) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return Code::Usage;
        }
    };
    let run_id = format!(
        "{}-{:04x}",
        chrono::Utc::now().format("%Y%m%dT%H%M%SZ"),
        std::process::id() & 0xffff
    );
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("reports").join(&run_id));
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return Code::Usage;
    }
    let rt = match super::runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    rt.block_on(async move {
        let loopback = std::net::IpAddr::from([127, 0, 0, 1]);
        let mocks_cfg = MocksConfig {
            registry_addr: std::net::SocketAddr::new(loopback, args.registry_port),
            payment_addr: std::net::SocketAddr::new(loopback, args.payment_port),
            pki_addr: std::net::SocketAddr::new(loopback, args.pki_port),
            pki_state_dir: args.pki_state.clone(),
            ..MocksConfig::default()
        };
        let mocks = match Mocks::start(mocks_cfg).await {
            Ok(m) => m,
            Err(e) => {
                eprintln!("error: cannot start the mocks: {e}");
                return Code::Unreachable;
            }
        };
        let (reference, url, kind) = match (&args.target, &adapter) {
            (Some(url), _) => (None, url.clone(), "url"),
            (None, Some(a)) => (None, a.base_url().to_string(), "adapter"),
            (None, None) => {
                let ref_args = super::reference::embedded_args(&args.password);
                match super::reference::start_reference(&mocks, faults.clone(), &ref_args).await {
                    Ok(r) => {
                        let url = r.base_url();
                        (Some(r), url, "embedded")
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        return Code::Unreachable;
                    }
                }
            }
        };
        eprintln!("reglament run {run_id}: target {url}; reports in {}", out.display());
        if reference.is_none() {
            // An outside target must call these mocks for the evidence to be seen.
            for e in mocks.endpoints() {
                eprintln!("  mock {:<9} {}", e.mock, e.base_url);
            }
        }
        let contract = if args.target.is_some() {
            contract
        } else {
            ContractTarget::new(&url, Duration::from_secs(30))
        };
        let (tx, rx) = tokio::sync::watch::channel(false);
        tokio::spawn(async move {
            super::mocks::shutdown_signal().await;
            eprintln!("interrupted: finishing the reports with what was judged");
            let _ = tx.send(true);
        });
        let mut reporters: Vec<Box<dyn Reporter>> = vec![
            Box::new(Console::new()),
            Box::new(Files { dir: out.clone() }),
            Box::new(reglament_report::Html {
                dir: out.clone(),
                graphs: table_graphs(&loaded.model),
            }),
        ];
        let opts = Options {
            run_id,
            selection: Selection {
                services: args.services.clone(),
                channels: args.channels.clone(),
                tags: args.tags.clone(),
            },
            target: TargetInfo {
                kind: kind.into(),
                url,
                implementation: None,
                faults: faults.iter().map(|f| f.name().to_string()).collect(),
            },
            model_digest: loaded.digest.clone(),
            password: args.password.clone(),
            give_up_after: Duration::from_secs(args.give_up_after),
            fail_fast: args.fail_fast,
        };
        let outcome = match &adapter {
            Some(a) => run::run(opts, &loaded.model, a, &mocks, &mut reporters, rx).await,
            None => run::run(opts, &loaded.model, &contract, &mocks, &mut reporters, rx).await,
        };
        if let Some(r) = reference {
            r.stop().await;
        }
        let crashed = mocks.crashed();
        mocks.stop().await;
        if let Some(name) = crashed {
            eprintln!("error: the {name} mock crashed during the run: the verdicts after it are not the target's fault");
            return Code::Unreachable;
        }
        match outcome {
            Err(e @ (RunError::Unreachable(_) | RunError::MockCrashed(_))) => {
                eprintln!("error: {e}");
                Code::Unreachable
            }
            Ok(results) if results.passed() => Code::Pass,
            Ok(_) => Code::Failure,
        }
    })
}

/// The step graph of every service's channel (its first table), for `report.html`.
fn table_graphs(model: &reglament_model::Model) -> Vec<reglament_report::TableGraph> {
    model
        .documents()
        .filter_map(|(service, doc)| {
            let table = doc.tables.first()?;
            Some(reglament_report::TableGraph {
                service: service.id.clone(),
                channel: doc.channel.as_str().to_string(),
                steps: table
                    .steps
                    .iter()
                    .map(|s| reglament_report::GraphStep {
                        n: s.n,
                        actor: s.actor.clone(),
                        next: s.next.iter().map(|t| t.to).collect(),
                        outcome: s.outcome.map(|o| {
                            match o {
                                reglament_model::Outcome::Refusal => "refusal",
                                reglament_model::Outcome::Result => "result",
                            }
                            .to_string()
                        }),
                    })
                    .collect(),
            })
        })
        .collect()
}
