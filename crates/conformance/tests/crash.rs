//! A mock that crashes during a run stops the run with its own error (exit 3
//! in the CLI), never a verdict against the target; the reports keep what
//! was judged and say the run did not finish.

use reglament_conformance::run::{run, Options, RunError};
use reglament_driver::ContractTarget;
use reglament_mocks::{Mocks, MocksConfig};
use reglament_reference::{Config, Faults, Reference};
use reglament_report::{Files, Reporter, Selection, TargetInfo};
use std::time::Duration;

#[tokio::test]
async fn a_crashed_mock_stops_the_run_and_is_named() {
    let mocks = Mocks::start(MocksConfig::default()).await.unwrap();
    let cfg = Config::with_mocks(
        &mocks,
        "127.0.0.1:0".parse().unwrap(),
        Faults::none(),
        1,
        "reglament-test".into(),
    )
    .unwrap();
    let reference = Reference::start(cfg).await.unwrap();
    let loaded = reglament_model::load(&[std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../features/apostille-education-2012"
    ))]);
    // The PKI mock dies before the run: the first signature check cannot be made.
    mocks.pki.crash_handle().abort();
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(mocks.crashed(), Some("pki"));

    let dir = tempfile::tempdir().unwrap();
    let mut reporters: Vec<Box<dyn Reporter>> = vec![Box::new(Files {
        dir: dir.path().to_path_buf(),
    })];
    let (_tx, rx) = tokio::sync::watch::channel(false);
    let target = ContractTarget::new(&reference.base_url(), Duration::from_secs(10));
    let opts = Options {
        run_id: "crash".into(),
        selection: Selection::default(),
        target: TargetInfo {
            kind: "embedded".into(),
            url: reference.base_url(),
            implementation: None,
            faults: vec![],
        },
        model_digest: loaded.digest.clone(),
        password: "reglament-test".into(),
        give_up_after: Duration::from_secs(10),
        fail_fast: false,
    };
    let outcome = run(opts, &loaded.model, &target, &mocks, &mut reporters, rx).await;
    assert!(
        matches!(outcome, Err(RunError::MockCrashed("pki"))),
        "{outcome:?}"
    );
    let results: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("results.json")).unwrap()).unwrap();
    assert_eq!(results["interrupted"], true);
    assert_eq!(
        results["summary"]["failed"], 0,
        "no verdict blames the target"
    );
}
