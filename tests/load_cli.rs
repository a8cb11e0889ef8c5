//! `reglament load` end to end against the embedded reference: the smoke
//! model passes and writes every report; the slow-registration fault fails
//! on step 7's percentile; shards 1/2 + 2/2 merged give the unsharded
//! verdict with the same samples per step; usage errors exit 2.
//! No assertion depends on how fast this machine is.

use std::path::Path;
use std::process::{Command, Output};

fn reglament(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reglament"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("reglament runs")
}

fn report(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("load.json")).unwrap()).unwrap()
}

fn counts(r: &serde_json::Value) -> Vec<(String, u64)> {
    r["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn smoke_passes_against_the_embedded_reference_and_shards_merge_to_the_same_verdict() {
    let whole = tempfile::tempdir().unwrap();
    let o = reglament(&[
        "load",
        "scenarios/smoke.toml",
        "--out",
        whole.path().to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let r = report(whole.path());
    assert_eq!(r["schema"], "reglament.load/1");
    assert_eq!(r["passed"], true);
    assert_eq!(r["shards"], serde_json::json!(["1/1"]));
    assert!(r["coordinated_omission"]
        .as_str()
        .unwrap()
        .contains("record_correct"));
    let names: Vec<String> = counts(&r).into_iter().map(|(n, _)| n).collect();
    assert!(
        names.contains(&"apostille-education-2012/portal/step-7".to_string()),
        "{names:?}"
    );
    // Four applicants, two flows each: every step of the main paths seen twice.
    assert!(counts(&r).iter().all(|(_, c)| *c == 2), "{:?}", counts(&r));
    for f in [
        "histograms.json",
        "load.json",
        "load.html",
        "summary.md",
        "goose-report.html",
        "goose-report.json",
    ] {
        assert!(whole.path().join(f).is_file(), "{f} missing");
    }
    let html = std::fs::read_to_string(whole.path().join("load.html")).unwrap();
    assert!(html.contains("budget ≤ 15 s") && html.contains("Throughput over time"));
    // goose's own report groups by regulation step.
    let goose = std::fs::read_to_string(whole.path().join("goose-report.json")).unwrap();
    assert!(goose.contains("apostille-education-2012/portal/step-7"));

    // The same model in two shards, merged.
    let shards: Vec<_> = (0..2).map(|_| tempfile::tempdir().unwrap()).collect();
    let handles: Vec<_> = shards
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let out = d.path().to_str().unwrap().to_string();
            std::thread::spawn(move || {
                reglament(&[
                    "load",
                    "scenarios/smoke.toml",
                    "--shard",
                    &format!("{}/2", k + 1),
                    "--out",
                    &out,
                ])
            })
        })
        .collect();
    for h in handles {
        let o = h.join().unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let merged = tempfile::tempdir().unwrap();
    let o = reglament(&[
        "load",
        "merge",
        shards[0].path().to_str().unwrap(),
        shards[1].path().to_str().unwrap(),
        "--out",
        merged.path().to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let m = report(merged.path());
    assert_eq!(m["passed"], r["passed"]);
    assert_eq!(m["shards"], serde_json::json!(["1/2", "2/2"]));
    assert_eq!(counts(&m), counts(&r));

    // A shard alone is not the whole: merge says which is missing.
    let o = reglament(&[
        "load",
        "merge",
        shards[0].path().to_str().unwrap(),
        "--out",
        merged.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing shard(s): 2/2"));
}

#[test]
fn a_slow_registration_fails_step_7s_percentile() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("slow.toml");
    std::fs::write(
        &model,
        r#"
name = "one-applicant"
[load]
applicants = 1
iterations = 1
[judge]
percentiles = ["p95"]
[[mix]]
service = "apostille-education-2012"
channel = "portal"
"#,
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = reglament(&[
        "load",
        model.to_str().unwrap(),
        "--fault",
        "slow-registration",
        "--out",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let r = report(&out);
    assert_eq!(r["passed"], false);
    assert_eq!(r["faults"], serde_json::json!(["slow-registration"]));
    let failed: Vec<&serde_json::Value> = r["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["verdict"] == "fail")
        .collect();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["name"], "apostille-education-2012/portal/step-7");
    let p95 = &failed[0]["judged"][0];
    assert_eq!(p95["percentile"], "p95");
    assert_eq!(p95["verdict"], "fail");
    assert_eq!(p95["budget_s"], 15.0);
    assert!(p95["value_s"].as_f64().unwrap() > 15.0);
    assert!(err.contains("step-7"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    // A step limit in a load model is refused: budgets come from the features.
    std::fs::write(
        &bad,
        "name = \"x\"\n[load]\napplicants = 1\niterations = 1\nmax_s = 3\n[[mix]]\nservice = \"apostille-education-2012\"\nchannel = \"portal\"\n",
    )
    .unwrap();
    assert_eq!(
        reglament(&["load", bad.to_str().unwrap()]).status.code(),
        Some(2)
    );
    assert_eq!(
        reglament(&["load", "scenarios/smoke.toml", "--shard", "3/2"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        reglament(&["load", "scenarios/nope.toml"]).status.code(),
        Some(2)
    );
    assert_eq!(reglament(&["load"]).status.code(), Some(2));
}

#[test]
fn an_unreachable_target_exits_3() {
    let o = reglament(&[
        "load",
        "scenarios/smoke.toml",
        "--target",
        "http://127.0.0.1:9/reglament/v1",
        "--out",
        tempfile::tempdir().unwrap().path().to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn an_interrupted_load_run_keeps_its_reports_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // The smoke model, stretched to a minute of load: surely running when stopped.
    let smoke =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/smoke.toml"))
            .unwrap();
    let long = smoke.replace("iterations = 2", "duration_s = 60");
    assert_ne!(long, smoke, "the smoke model changed: adapt this test");
    let model = dir.path().join("long.toml");
    std::fs::write(&model, long).unwrap();
    let out = dir.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_reglament"))
        .args([
            "load",
            model.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_secs(4));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "an interrupted load is not a pass");
    let r = report(&out);
    assert_eq!(r["interrupted"], true);
    assert_eq!(r["passed"], false);
    let junit = std::fs::read_to_string(out.join("junit.xml")).unwrap();
    assert!(junit.contains("INTERRUPTED"));
    assert!(std::fs::read_to_string(out.join("summary.md"))
        .unwrap()
        .contains("INTERRUPTED"));
}
