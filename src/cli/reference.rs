//! `reglament reference`: the reference implementation behind the Driver
//! contract, with the mocks it calls (embedded unless their URLs are given).

use crate::exit::Code;
use reglament_mocks::profile::parse_profiles;
use reglament_mocks::{Mocks, MocksConfig};
use reglament_reference::{Config, Fault, Faults, Reference};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub struct ReferenceArgs {
    /// List the fault catalogue and exit.
    #[arg(long)]
    list_faults: bool,
    /// Switch a fault on (several allowed); see --list-faults.
    #[arg(long = "fault", value_name = "NAME")]
    faults: Vec<String>,
    /// Address to bind (loopback unless told otherwise).
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Port of the Driver contract (0: any free port).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Seconds an invoice stays payable.
    #[arg(long, default_value_t = 900)]
    invoice_validity_s: u64,
    /// The password of every test account.
    #[arg(long, default_value = "reglament-test")]
    password: String,
    /// Behaviour profiles for the embedded mocks (TOML).
    #[arg(long, value_name = "FILE")]
    profiles: Option<PathBuf>,
}

pub fn run(args: ReferenceArgs) -> Code {
    if args.list_faults {
        for f in Fault::ALL {
            println!("{:<30} {}", f.name(), f.about());
        }
        return Code::Pass;
    }
    let faults = match Faults::parse(args.faults.iter().map(String::as_str)) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return Code::Usage;
        }
    };
    let mut mocks_cfg = MocksConfig::default();
    if let Some(p) = &args.profiles {
        let parsed = std::fs::read_to_string(p)
            .map_err(|e| e.to_string())
            .and_then(|t| parse_profiles(&t).map_err(|e| e.to_string()));
        match parsed {
            Ok(set) => mocks_cfg.profiles = set,
            Err(e) => {
                eprintln!("error: {}: {e}", p.display());
                return Code::Usage;
            }
        }
    }
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: the reference listens on {}, beyond this machine",
            args.bind
        );
    }
    let rt = match super::runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    rt.block_on(async move {
        let (mocks, reference) = match start(mocks_cfg, faults, &args).await {
            Ok(x) => x,
            Err(e) => {
                eprintln!("error: {e}");
                return Code::Unreachable;
            }
        };
        for e in mocks.endpoints() {
            println!("{}", serde_json::to_string(&e).expect("serialisable"));
        }
        println!(
            "{}",
            serde_json::json!({"mock": "reference", "base_url": reference.base_url()})
        );
        eprintln!(
            "reference running (contract at {}/openapi.json); Ctrl-C stops it",
            reference.base_url()
        );
        let code = loop {
            tokio::select! {
                _ = super::mocks::shutdown_signal() => break Code::Pass,
                _ = tokio::time::sleep(Duration::from_millis(500)) => {
                    if let Some(name) = mocks.crashed() {
                        eprintln!("error: the {name} mock stopped on its own");
                        break Code::Unreachable;
                    }
                    if reference.has_stopped() {
                        eprintln!("error: the reference stopped on its own");
                        break Code::Unreachable;
                    }
                }
            }
        };
        reference.stop().await;
        mocks.stop().await;
        code
    })
}

/// Mocks, then the reference pointed at them.
pub async fn start(
    mocks_cfg: MocksConfig,
    faults: Faults,
    args: &ReferenceArgs,
) -> Result<(Mocks, Reference), String> {
    let mocks = Mocks::start(mocks_cfg)
        .await
        .map_err(|e| format!("cannot start the mocks: {e}"))?;
    let reference = start_reference(&mocks, faults, args).await?;
    Ok((mocks, reference))
}

/// Settings of the reference embedded in `reglament run`: any free loopback
/// port, invoices that expire in two seconds (so the "not paid" scenarios
/// end quickly).
pub fn embedded_args(password: &str) -> ReferenceArgs {
    ReferenceArgs {
        list_faults: false,
        faults: Vec::new(),
        bind: IpAddr::from([127, 0, 0, 1]),
        port: 0,
        invoice_validity_s: 2,
        password: password.to_string(),
        profiles: None,
    }
}

/// The reference, pointed at running mocks.
pub async fn start_reference(
    mocks: &Mocks,
    faults: Faults,
    args: &ReferenceArgs,
) -> Result<Reference, String> {
    let cfg = Config::with_mocks(
        mocks,
        SocketAddr::new(args.bind, args.port),
        faults,
        args.invoice_validity_s,
        args.password.clone(),
    )?;
    Reference::start(cfg).await.map_err(|e| {
        format!(
            "cannot start the reference on {}:{}: {e}",
            args.bind, args.port
        )
    })
}
