//! `reglament mocks`: the registries, the payment gateway and the PKI as
//! standalone servers, for pointing a contractor's system at them.

use crate::exit::Code;
use reglament_mocks::profile::parse_profiles;
use reglament_mocks::registry::Fixtures;
use reglament_mocks::{Mocks, MocksConfig};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub struct MocksArgs {
    /// Address to bind (loopback unless told otherwise).
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Port of the state-database mock (0: any free port).
    #[arg(long, default_value_t = 0)]
    registry_port: u16,
    /// Port of the payment-gateway mock (0: any free port).
    #[arg(long, default_value_t = 0)]
    payment_port: u16,
    /// Port of the PKI mock (CA, OCSP, CRL; 0: any free port).
    #[arg(long, default_value_t = 0)]
    pki_port: u16,
    /// Behaviour profiles (TOML, e.g. mocks/profiles/slow-registry.toml).
    #[arg(long, value_name = "FILE")]
    profiles: Option<PathBuf>,
    /// Registry fixtures (TOML; default: the shipped mocks/fixtures/registry.toml).
    #[arg(long, value_name = "FILE")]
    fixtures: Option<PathBuf>,
    /// Write ca.pem and the sample certificates with their keys here.
    #[arg(long, value_name = "DIR")]
    pki_out: Option<PathBuf>,
    /// Keep the test CA in this folder across starts (ca.pem, ca.key.pem), so
    /// a system configured to trust it keeps working.
    #[arg(long, value_name = "DIR")]
    pki_state: Option<PathBuf>,
    /// Calls each mock's journal keeps (older ones are dropped and counted).
    #[arg(long, default_value_t = 100_000)]
    journal_capacity: usize,
}

/// Validated settings: every file read and checked before a port is opened.
struct Settings {
    config: MocksConfig,
    pki_out: Option<PathBuf>,
}

fn settle(args: MocksArgs) -> Result<Settings, String> {
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
    };
    let mut config = MocksConfig::default();
    if let Some(p) = &args.profiles {
        config.profiles = parse_profiles(&read(p)?).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    if let Some(p) = &args.fixtures {
        config.fixtures =
            Fixtures::parse(&read(p)?).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    if args.journal_capacity == 0 {
        return Err("--journal-capacity must be at least 1".into());
    }
    config.journal_capacity = args.journal_capacity;
    config.registry_addr = SocketAddr::new(args.bind, args.registry_port);
    config.payment_addr = SocketAddr::new(args.bind, args.payment_port);
    config.pki_addr = SocketAddr::new(args.bind, args.pki_port);
    config.pki_state_dir = args.pki_state.clone();
    Ok(Settings {
        config,
        pki_out: args.pki_out,
    })
}

pub fn run(args: MocksArgs) -> Code {
    let bind = args.bind;
    let settings = match settle(args) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return Code::Usage;
        }
    };
    if !bind.is_loopback() {
        eprintln!(
            "warning: the mocks listen on {bind}, beyond this machine; they hold test keys only"
        );
    }
    let rt = match super::runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    rt.block_on(serve(settings))
}

async fn serve(settings: Settings) -> Code {
    let mocks = match Mocks::start(settings.config).await {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: cannot start the mocks: {e}");
            return Code::Unreachable;
        }
    };
    if let Some(dir) = &settings.pki_out {
        if let Err(e) = mocks.authority.write_samples(dir) {
            eprintln!(
                "error: cannot write the PKI samples to {}: {e}",
                dir.display()
            );
            mocks.stop().await;
            return Code::Usage;
        }
        eprintln!("PKI samples written to {}", dir.display());
    }
    // One JSON line per mock on stdout: scripts read the URLs from here.
    for e in mocks.endpoints() {
        println!("{}", serde_json::to_string(&e).expect("serialisable"));
    }
    eprintln!("mocks running; Ctrl-C or SIGTERM stops them");
    let code = loop {
        tokio::select! {
            _ = shutdown_signal() => break Code::Pass,
            _ = tokio::time::sleep(Duration::from_millis(500)) => {
                if let Some(name) = mocks.crashed() {
                    eprintln!("error: the {name} mock stopped on its own");
                    break Code::Unreachable;
                }
            }
        }
    };
    mocks.stop().await;
    code
}

pub(super) async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut term = signal(SignalKind::terminate()).expect("a SIGTERM handler");
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}
