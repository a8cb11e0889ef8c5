//! `reglament run` and `reglament faults` end to end: the embedded default
//! passes, faults fail with the verdict that names them, an unreachable
//! target says so, and an interrupted run keeps valid reports.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn reglament(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reglament"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("reglament runs")
}

fn results(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("results.json")).unwrap()).unwrap()
}

#[test]
fn the_embedded_default_conforms_and_every_report_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let o = reglament(&["run", "--out", dir.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let r = results(dir.path());
    assert_eq!(r["schema"], "reglament.results/1");
    assert_eq!(r["interrupted"], false);
    assert!(r["model_digest"].as_str().unwrap().starts_with("sha256:"));
    let total = r["summary"]["scenarios"].as_u64().unwrap();
    assert!(total >= 90, "{total} scenarios");
    assert_eq!(r["summary"]["passed"].as_u64().unwrap(), total);
    let statement = r["statement"].as_array().unwrap();
    assert_eq!(statement.len(), 20);
    assert!(statement.iter().all(|s| s["conclusion"] == "conforms"));
    // Budgets are judged from the features: every wall-clock step has a measured use.
    let judged = r["summary"]["steps_judged"].as_u64().unwrap();
    assert!(judged > 300, "{judged}");
    let junit = std::fs::read_to_string(dir.path().join("junit.xml")).unwrap();
    assert!(junit.contains("<testsuites") && junit.contains("apostille-education-2012/portal"));
    assert!(!junit.contains("<failure"));
    let md = std::fs::read_to_string(dir.path().join("summary.md")).unwrap();
    assert!(md.contains("conforms"));
    let statement = std::fs::read_to_string(dir.path().join("statement.md")).unwrap();
    assert!(
        statement.contains("the target conforms to every regulation it claims"),
        "{statement}"
    );
}

#[test]
fn a_fault_fails_the_run_with_the_verdict_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let o = reglament(&[
        "run",
        "--fault",
        "unsigned-result",
        "--service",
        "apostille-education-2012",
        "--tags",
        "main",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let r = results(dir.path());
    let sc = &r["scenarios"][0];
    assert_eq!(sc["status"], "failed");
    let failed: Vec<&str> = sc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["verdict"] == "fail")
        .map(|c| c["check"].as_str().unwrap())
        .collect();
    assert_eq!(failed, vec!["result-signed"]);
    let junit = std::fs::read_to_string(dir.path().join("junit.xml")).unwrap();
    assert!(junit.contains("<failure") && junit.contains("not signed"));
}

#[test]
fn every_fault_of_the_catalogue_is_caught_by_the_verdict_that_names_it() {
    let o = reglament(&["faults", "--json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["share_percent"], 100.0);
    // The verdict each fault must produce (among the failures of the scenario that caught it).
    let expected = [
        ("slow-registration", "step 7"),
        ("signature-not-verified", "certificate-status-asked"),
        ("revoked-certificate-accepted", "certificate-status-asked"),
        ("iin-mismatch-ignored", "path"),
        ("registry-not-called", "registry-asked"),
        ("registry-failure-swallowed", "not-completed"),
        ("payment-not-checked", "invoice-issued"),
        ("expired-invoice-accepted", "path"),
        ("wrong-status-text", "status-text"),
        ("wrong-due-date", "due-date"),
        ("step-order-swapped", "path"),
        ("refusal-without-reason", "refusal-reason"),
        ("crash-mid-flow", "target"),
        ("unsigned-result", "result-signed"),
    ];
    let faults = v["faults"].as_array().unwrap();
    assert_eq!(
        faults.len(),
        expected.len(),
        "a new fault needs its expected verdict here"
    );
    for (name, verdict) in expected {
        let f = faults
            .iter()
            .find(|f| f["fault"] == name)
            .unwrap_or_else(|| panic!("{name} not run"));
        assert_eq!(f["caught"], true, "{f}");
        let got: Vec<&str> = f["verdicts"].as_str().unwrap().split(", ").collect();
        assert!(
            got.contains(&verdict),
            "{name}: expected {verdict} among {got:?}"
        );
    }
}

#[test]
fn an_unreachable_target_exits_3_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let o = reglament(&[
        "run",
        "--target",
        "http://127.0.0.1:9/reglament/v1",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unreachable"));
}

#[test]
fn usage_errors_exit_2_before_anything_runs() {
    for args in [
        &["run", "--fault", "no-such-fault"][..],
        &["run", "--service", "no-such-service"][..],
        &["run", "--channel", "kiosk"][..],
    ] {
        let o = reglament(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn an_interrupted_run_keeps_valid_reports_that_say_so() {
    let dir = tempfile::tempdir().unwrap();
    // Every scenario through a registration step takes 16 s with this fault:
    // the run is surely still going when it is stopped.
    let mut child = Command::new(env!("CARGO_BIN_EXE_reglament"))
        .args([
            "run",
            "--fault",
            "slow-registration",
            "--service",
            "apostille-education-2012",
            "--out",
        ])
        .arg(dir.path())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the first scenarios are judged (results.json appears).
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while !dir.path().join("results.json").exists() {
        assert!(std::time::Instant::now() < deadline, "no results written");
        std::thread::sleep(Duration::from_millis(100));
    }
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "an interrupted run is not a pass");
    let r = results(dir.path());
    assert_eq!(r["interrupted"], true);
    assert!(r["finished_at"].is_string());
    assert!(!r["scenarios"].as_array().unwrap().is_empty());
    let junit = std::fs::read_to_string(dir.path().join("junit.xml")).unwrap();
    assert!(junit.contains("INTERRUPTED"));
}

#[test]
fn a_malformed_adapter_file_exits_2_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[target]\nbase_url = \"http://127.0.0.1:9\"\n[operations.nope]\n",
    )
    .unwrap();
    let o = reglament(&["run", "--adapter", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.toml:3:"), "{err}");
}

#[test]
fn passwords_never_reach_the_reports_or_the_console() {
    let dir = tempfile::tempdir().unwrap();
    let secret = "s3cr3t-Pa55-do-not-log";
    let o = reglament(&[
        "run",
        "--service",
        "apostille-education-2012",
        "--password",
        secret,
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!String::from_utf8_lossy(&o.stdout).contains(secret));
    assert!(!String::from_utf8_lossy(&o.stderr).contains(secret));
    for f in std::fs::read_dir(dir.path()).unwrap() {
        let path = f.unwrap().path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        assert!(
            !text.contains(secret),
            "{} holds the password",
            path.display()
        );
    }
}
