//! `reglament faults`: the harness's proof that it can fail. Runs the
//! features against the embedded reference once per fault of its catalogue
//! and reports which scenario and which verdict caught each one.

use super::FeaturePaths;
use crate::exit::Code;
use reglament_conformance::run::{self, Options};
use reglament_driver::ContractTarget;
use reglament_mocks::{Mocks, MocksConfig};
use reglament_reference::{Fault, Faults};
use reglament_report::{Reporter, ScenarioStatus, Selection, TargetInfo, Verdict};
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub struct FaultsArgs {
    #[command(flatten)]
    paths: FeaturePaths,
    /// Only these faults (default: the whole catalogue).
    #[arg(long = "fault", value_name = "NAME")]
    faults: Vec<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: FaultsArgs) -> Code {
    let Some(loaded) = super::load_clean(&args.paths) else {
        return Code::Usage;
    };
    let chosen: Vec<Fault> = if args.faults.is_empty() {
        Fault::ALL.to_vec()
    } else {
        match Faults::parse(args.faults.iter().map(String::as_str)) {
            Ok(f) => f.iter().collect(),
            Err(e) => {
                eprintln!("error: {e}");
                return Code::Usage;
            }
        }
    };
    let rt = match super::runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    rt.block_on(async move {
        let mut rows = Vec::new();
        for fault in chosen {
            let mocks = match Mocks::start(MocksConfig::default()).await {
                Ok(m) => m,
                Err(e) => {
                    eprintln!("error: cannot start the mocks: {e}");
                    return Code::Unreachable;
                }
            };
            let faults = Faults::parse([fault.name()]).expect("a catalogue name");
            let ref_args = super::reference::embedded_args("reglament-test");
            let reference = match super::reference::start_reference(&mocks, faults, &ref_args).await {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("error: {e}");
                    return Code::Unreachable;
                }
            };
            let target = ContractTarget::new(&reference.base_url(), Duration::from_secs(30));
            let (_tx, rx) = tokio::sync::watch::channel(false);
            let opts = Options {
                run_id: format!("fault-{}", fault.name()),
                selection: Selection::default(),
                target: TargetInfo {
                    kind: "embedded".into(),
                    url: reference.base_url(),
                    implementation: None,
                    faults: vec![fault.name().into()],
                },
                model_digest: loaded.digest.clone(),
                password: "reglament-test".into(),
                give_up_after: Duration::from_secs(60),
                fail_fast: true,
            };
            let mut reporters: Vec<Box<dyn Reporter>> = Vec::new();
            let outcome = run::run(opts, &loaded.model, &target, &mocks, &mut reporters, rx).await;
            reference.stop().await;
            mocks.stop().await;
            let caught = outcome.ok().and_then(|r| {
                r.scenarios.into_iter().find(|s| s.status != ScenarioStatus::Passed).map(|s| {
                    let verdict = s
                        .steps
                        .iter()
                        .filter(|v| v.verdict == Verdict::Fail)
                        .map(|v| format!("step {}", v.step))
                        .chain(s.checks.iter().filter(|c| c.verdict == Verdict::Fail).map(|c| c.check.clone()))
                        .collect::<Vec<_>>()
                        .join(", ");
                    (format!("{}/{} — {} ({})", s.service, s.channel, s.name, s.source), verdict)
                })
            });
            if !args.json {
                match &caught {
                    Some((by, verdict)) => println!("CAUGHT  {:<30} by {by}: {verdict}", fault.name()),
                    None => println!("MISSED  {:<30} every scenario passed", fault.name()),
                }
            }
            rows.push((fault, caught));
        }
        let caught = rows.iter().filter(|(_, c)| c.is_some()).count();
        let share = 100.0 * caught as f64 / rows.len().max(1) as f64;
        if args.json {
            let list: Vec<_> = rows
                .iter()
                .map(|(f, c)| serde_json::json!({
                    "fault": f.name(), "about": f.about(), "caught": c.is_some(),
                    "by": c.as_ref().map(|x| &x.0), "verdicts": c.as_ref().map(|x| &x.1),
                }))
                .collect();
            let doc = serde_json::json!({"faults": list, "caught": caught, "total": rows.len(), "share_percent": share});
            println!("{}", serde_json::to_string_pretty(&doc).expect("serialisable"));
        } else {
            println!("\n{caught}/{} faults caught ({share:.0} %)", rows.len());
        }
        if caught == rows.len() {
            Code::Pass
        } else {
            Code::Failure
        }
    })
}
