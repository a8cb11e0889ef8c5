//! Shards merged give the same verdict, and the same percentiles, as one
//! unsharded run of the same samples: histograms are added, percentiles are
//! taken once (deterministic, synthetic samples; no clock involved).

use reglament_load::hist::{merge, HistogramsFile, Recording, StepBudget};
use reglament_load::judge::{judge, Verdict};
use reglament_load::model::{LoadModel, Shard};

const MODEL: &str = r#"
name = "synthetic"
[load]
applicants = 6
iterations = 10
arrival_rate_per_s = 12.0
[judge]
percentiles = ["p50", "p95", "max"]
max_error_rate = 0.05
[[mix]]
service = "svc"
channel = "portal"
"#;

/// A deterministic stream of durations (µs): mostly tens of milliseconds,
/// one in `slow_every` beyond 16 s.
fn samples(n: usize, slow_every: usize) -> Vec<u64> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if slow_every > 0 && i % slow_every == slow_every - 1 {
                16_000_000 + x % 2_000_000
            } else {
                1_000 + x % 80_000
            }
        })
        .collect()
}

fn record(rec: &mut Recording, i: usize, us: u64, interval: u64) {
    let budgets = [
        (1, StepBudget::WallClock { max_s: 15.0 }),
        (2, StepBudget::None),
        (3, StepBudget::WorkingDays { days: 5 }),
    ];
    let (n, b) = &budgets[i % 3];
    if i % 97 == 0 {
        rec.step_mut("svc", "portal", *n, b)
            .error("HTTP 503 from read");
    } else {
        rec.step_mut("svc", "portal", *n, b).record(us, interval);
    }
    let t = rec.tick((i / 50) as u64);
    t.steps += 1;
}

/// The whole run, and the same samples split over `count` shards.
fn whole_and_shards(values: &[u64], count: usize) -> (Recording, Vec<HistogramsFile>) {
    let model = LoadModel::parse(MODEL).unwrap();
    let interval = model.expected_interval_us();
    let mut whole = Recording::new(interval);
    let mut parts: Vec<Recording> = (0..count).map(|_| Recording::new(interval)).collect();
    for (i, v) in values.iter().enumerate() {
        record(&mut whole, i, *v, interval);
        record(&mut parts[i % count], i, *v, interval);
    }
    let files = parts
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let f = HistogramsFile::new(
                &format!("run-{k}"),
                &model,
                Shard {
                    index: k + 1,
                    count,
                },
                "digest",
                "http://target",
                "2024-01-01T00:00:00Z",
                10.0,
                r,
            );
            // Through the file format, as the runners hand them over.
            serde_json::from_str(&serde_json::to_string(&f).unwrap()).unwrap()
        })
        .collect();
    (whole, files)
}

#[test]
fn merged_shards_judge_as_the_unsharded_run() {
    let model = LoadModel::parse(MODEL).unwrap();
    for (slow_every, passes) in [(0, true), (10, false)] {
        let values = samples(3_000, slow_every);
        let (whole, files) = whole_and_shards(&values, 2);
        let merged = merge(&files).unwrap();
        let a = judge(&whole, &model.judge);
        let b = judge(&merged.recording, &model.judge);
        assert_eq!(a, b, "slow every {slow_every}");
        assert_eq!(a.passed, passes, "{:?}", a.failures);
        assert_eq!(merged.recording.timeline, whole.timeline);
        for (name, s) in &whole.steps {
            let m = &merged.recording.steps[name];
            assert_eq!(m.corrected, s.corrected);
            assert_eq!(m.raw, s.raw);
            assert_eq!(m.errors, s.errors);
        }
        // Three shards too.
        let (_, files3) = whole_and_shards(&values, 3);
        assert_eq!(judge(&merge(&files3).unwrap().recording, &model.judge), a);
    }
}

#[test]
fn a_slow_step_fails_its_percentile_and_corrected_counts_grow() {
    let model = LoadModel::parse(MODEL).unwrap();
    let values = samples(3_000, 10);
    let (whole, _) = whole_and_shards(&values, 1);
    let v = judge(&whole, &model.judge);
    let s1 = v.steps.iter().find(|s| s.step == 1).unwrap();
    assert_eq!(s1.verdict, Verdict::Fail);
    let p95 = s1.judged.iter().find(|p| p.percentile == "p95").unwrap();
    assert_eq!(p95.verdict, Verdict::Fail);
    assert!(p95.value_s > 15.0);
    // record_correct added the applicants' missed starts (interval 0.5 s).
    assert!(s1.corrected_count > s1.count);
    // Steps without a limit are measured, not judged.
    let s2 = v.steps.iter().find(|s| s.step == 2).unwrap();
    assert_eq!(s2.verdict, Verdict::NotJudged);
    // A day-scale limit holds a 16 s percentile.
    let s3 = v.steps.iter().find(|s| s.step == 3).unwrap();
    assert_eq!(s3.verdict, Verdict::Pass);
}

#[test]
fn error_rate_beyond_the_models_limit_fails() {
    let mut model = LoadModel::parse(MODEL).unwrap();
    let values = samples(3_000, 0);
    let (whole, _) = whole_and_shards(&values, 1);
    assert!(judge(&whole, &model.judge).passed);
    model.judge.max_error_rate = 0.0;
    let v = judge(&whole, &model.judge);
    assert!(!v.passed);
    assert!(
        v.failures.iter().all(|f| f.contains("error rate")),
        "{:?}",
        v.failures
    );
}

#[test]
fn merge_refuses_what_is_not_one_split_of_one_model() {
    let values = samples(300, 0);
    let (_, files) = whole_and_shards(&values, 3);
    let err = merge(&files[..2]).unwrap_err();
    assert!(err.contains("missing shard(s): 3/3"), "{err}");
    let err = merge(&[files[0].clone(), files[0].clone()]).unwrap_err();
    assert!(err.contains("given twice"), "{err}");
    let mut other = files[1].clone();
    other.model.load.applicants = 7;
    let err = merge(&[files[0].clone(), other, files[2].clone()]).unwrap_err();
    assert!(err.contains("another load model"), "{err}");
    let mut other = files[1].clone();
    other.features_digest = "x".into();
    let err = merge(&[files[0].clone(), other, files[2].clone()]).unwrap_err();
    assert!(err.contains("other feature files"), "{err}");
    // An interrupted shard's part is incomplete: merging it would judge less
    // load than the model says.
    let mut stopped = files[1].clone();
    stopped.interrupted = true;
    let err = merge(&[files[0].clone(), stopped, files[2].clone()]).unwrap_err();
    assert!(err.contains("interrupted"), "{err}");
}
