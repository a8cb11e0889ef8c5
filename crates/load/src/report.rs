//! reglament's SLA report of a load run (`load.json`, `load.html`,
//! `summary.md`) beside the mergeable `histograms.json` and goose's own
//! reports, in `reports/<run-id>/` as for conformance runs.

use crate::hist::{fmt_s, HistogramsFile, Recording, StepBudget, Tick};
use crate::judge::{LoadVerdict, StepReport, Verdict};
use crate::model::Shard;
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::path::Path;

pub const SCHEMA: &str = "reglament.load/1";

/// How coordinated omission was handled, in words, for the report.
pub fn co_statement(expected_interval_us: u64) -> String {
    if expected_interval_us == 0 {
        "Not corrected: the model gives neither an arrival rate nor a think time, so no \
         expected interval between an applicant's flows is known; corrected = raw."
            .into()
    } else {
        format!(
            "Corrected: every step duration is recorded with HdrHistogram's \
             record_correct(value, {} µs), the interval at which one applicant is expected to \
             start a flow (the open model's applicants / arrival rate, or the closed model's \
             mean think time). A step that held an applicant up for longer adds the samples of \
             the starts it made the applicant miss. The judged percentiles are the corrected \
             ones; raw ones are reported beside them. goose's own report is uncorrected.",
            expected_interval_us
        )
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProbeSummary {
    pub endpoint: String,
    pub requests: u64,
    pub errors: u64,
    pub requests_per_s: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LoadReport {
    pub schema: String,
    pub run_id: String,
    pub model: String,
    pub model_description: String,
    /// The shards judged together (`["1/1"]` for an unsharded run).
    pub shards: Vec<String>,
    pub target: String,
    pub faults: Vec<String>,
    pub features_digest: String,
    pub started_at: String,
    pub finished_at: String,
    pub duration_s: f64,
    pub applicants: usize,
    pub judged_percentiles: Vec<String>,
    pub max_error_rate: f64,
    pub expected_interval_us: u64,
    pub coordinated_omission: String,
    pub flows_done: u64,
    pub flows_failed: u64,
    pub goose_requests: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goose_error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub probe: Option<ProbeSummary>,
    pub passed: bool,
    /// The run was stopped (Ctrl-C, SIGTERM) before its plan ended: the
    /// figures cover only what ran, and it is never a pass.
    #[serde(default)]
    pub interrupted: bool,
    pub failures: Vec<String>,
    pub steps: Vec<StepReport>,
    pub timeline: Vec<Tick>,
}

impl LoadReport {
    pub fn shards_of(shards: &[Shard]) -> Vec<String> {
        shards.iter().map(|s| s.to_string()).collect()
    }
}

pub fn write_all(
    dir: &Path,
    report: &LoadReport,
    hist: Option<&HistogramsFile>,
    rec: &Recording,
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    // Written, then renamed: a reader never sees half a file.
    let put = |name: &str, text: String| {
        let tmp = dir.join(format!("{name}.partial"));
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, dir.join(name))
    };
    if let Some(h) = hist {
        put(
            "histograms.json",
            serde_json::to_string_pretty(h).expect("serialisable"),
        )?;
    }
    put(
        "load.json",
        serde_json::to_string_pretty(report).expect("serialisable"),
    )?;
    put("junit.xml", junit(report))?;
    put("summary.md", markdown(report))?;
    put("load.html", html(report, rec))?;
    Ok(())
}

fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "pass",
        Verdict::Fail => "FAIL",
        Verdict::NotJudged => "not judged",
    }
}

fn ms(s: f64) -> String {
    format!("{:.1}", s * 1000.0)
}

/// The console table: one line per step.
pub fn console(report: &LoadReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<58} {:>6} {:>6} {:>9} {:>9} {:>9} {:>9}  {:<16} verdict",
        "step", "count", "err%", "p50 ms", "p95 ms", "p99 ms", "max ms", "budget"
    );
    for s in &report.steps {
        let _ = writeln!(
            out,
            "{:<58} {:>6} {:>6.2} {:>9} {:>9} {:>9} {:>9}  {:<16} {}",
            s.name,
            s.count,
            s.error_rate * 100.0,
            ms(s.corrected.p50),
            ms(s.corrected.p95),
            ms(s.corrected.p99),
            ms(s.corrected.max),
            s.budget.describe(),
            verdict_word(s.verdict)
        );
    }
    out
}

pub fn markdown(r: &LoadReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## reglament load {} — {}\n",
        r.model,
        if r.interrupted {
            "INTERRUPTED"
        } else if r.passed {
            "PASS"
        } else {
            "FAIL"
        }
    );
    let _ = writeln!(
        out,
        "Run `{}` against {} (shards {}), {} applicants, {:.1} s, {} flows done, {} failed; judged: {} of the coordinated-omission-corrected histograms, error rate ≤ {:.2} %.\n",
        r.run_id,
        r.target,
        r.shards.join(", "),
        r.applicants,
        r.duration_s,
        r.flows_done,
        r.flows_failed,
        r.judged_percentiles.join(", "),
        r.max_error_rate * 100.0
    );
    if !r.failures.is_empty() {
        let _ = writeln!(out, "**Failures**\n");
        for f in &r.failures {
            let _ = writeln!(out, "- {f}");
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "| step | count | errors | p50 | p95 | p99 | max | budget | verdict |\n|---|---:|---:|---:|---:|---:|---:|---|---|"
    );
    for s in &r.steps {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} s | {} s | {} s | {} s | {} | {} |",
            s.name,
            s.count,
            s.errors,
            fmt_s(s.corrected.p50),
            fmt_s(s.corrected.p95),
            fmt_s(s.corrected.p99),
            fmt_s(s.corrected.max),
            s.budget.describe(),
            verdict_word(s.verdict)
        );
    }
    let _ = writeln!(out, "\nCoordinated omission: {}", r.coordinated_omission);
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A step's corrected distribution on a logarithmic time axis, with the
/// budget as a red line.
fn histogram_svg(step: &crate::hist::StepStats) -> String {
    const W: f64 = 520.0;
    const H: f64 = 110.0;
    const BINS: usize = 48;
    let h = &step.corrected;
    let budget_us = match step.budget {
        StepBudget::WallClock { max_s } => Some(max_s * 1e6),
        StepBudget::CalendarDays { max_days } => Some(max_days as f64 * 86_400e6),
        StepBudget::WorkingDays { days } => Some(days as f64 * 86_400e6),
        _ => None,
    };
    let lo = (h.min().max(1) as f64 / 2.0).max(10.0).log10();
    let top = (h.max().max(1) as f64).max(budget_us.unwrap_or(0.0)) * 1.5;
    let hi = top.log10().max(lo + 1.0);
    let x = |us: f64| (us.max(1.0).log10() - lo) / (hi - lo) * W;
    let mut bins = [0u64; BINS];
    for v in h.iter_recorded() {
        let i = ((x(v.value_iterated_to() as f64) / W) * BINS as f64).floor();
        let i = (i.max(0.0) as usize).min(BINS - 1);
        bins[i] += v.count_since_last_iteration();
    }
    let peak = bins.iter().copied().max().unwrap_or(1).max(1) as f64;
    let mut s = format!(
        "<svg width=\"{W}\" height=\"{}\" viewBox=\"0 0 {W} {}\" role=\"img\"><rect width=\"{W}\" height=\"{H}\" fill=\"#fafafa\"/>",
        H + 16.0,
        H + 16.0
    );
    let bw = W / BINS as f64;
    for (i, c) in bins.iter().enumerate() {
        if *c == 0 {
            continue;
        }
        let bh = (*c as f64 / peak) * (H - 4.0);
        let _ = write!(
            s,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#4a7ab5\"><title>{c}</title></rect>",
            i as f64 * bw,
            H - bh,
            bw - 1.0,
            bh
        );
    }
    if let Some(b) = budget_us {
        let bx = x(b);
        let _ = write!(
            s,
            "<line x1=\"{bx:.1}\" x2=\"{bx:.1}\" y1=\"0\" y2=\"{H}\" stroke=\"#c00\" stroke-width=\"2\"/><text x=\"{:.1}\" y=\"12\" font-size=\"10\" fill=\"#c00\">budget {}</text>",
            (bx - 70.0).max(0.0),
            esc(&step.budget.describe())
        );
    }
    // Decades on the axis.
    let mut d = lo.ceil() as i32;
    while (d as f64) <= hi {
        let us = 10f64.powi(d);
        let label = if us >= 1e6 {
            format!("{} s", fmt_s(us / 1e6))
        } else if us >= 1e3 {
            format!("{} ms", fmt_s(us / 1e3))
        } else {
            format!("{} µs", us)
        };
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"9\" fill=\"#555\">{label}</text>",
            x(us),
            H + 12.0
        );
        d += 1;
    }
    s.push_str("</svg>");
    s
}

fn timeline_svg(ticks: &[Tick]) -> String {
    const W: f64 = 720.0;
    const H: f64 = 120.0;
    if ticks.is_empty() {
        return "<p>no sample</p>".into();
    }
    let last = ticks.iter().map(|t| t.t).max().unwrap_or(0) + 1;
    let peak = ticks
        .iter()
        .map(|t| t.steps + t.errors)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let bw = W / last as f64;
    let mut s = format!(
        "<svg width=\"{W}\" height=\"{}\" viewBox=\"0 0 {W} {}\"><rect width=\"{W}\" height=\"{H}\" fill=\"#fafafa\"/>",
        H + 16.0,
        H + 16.0
    );
    for t in ticks {
        let sh = t.steps as f64 / peak * (H - 4.0);
        let eh = t.errors as f64 / peak * (H - 4.0);
        let x = t.t as f64 * bw;
        let _ = write!(
            s,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{sh:.1}\" fill=\"#4a7ab5\"><title>{} s: {} steps, {} flows, {} errors</title></rect>",
            H - sh,
            (bw - 1.0).max(0.5),
            t.t,
            t.steps,
            t.flows,
            t.errors
        );
        if t.errors > 0 {
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{eh:.1}\" fill=\"#c00\"/>",
                H - sh - eh,
                (bw - 1.0).max(0.5)
            );
        }
    }
    let _ = write!(
        s,
        "<text x=\"0\" y=\"{}\" font-size=\"9\">0 s</text><text x=\"{:.1}\" y=\"{}\" font-size=\"9\">{last} s</text><text x=\"4\" y=\"12\" font-size=\"10\">peak {peak} steps/s</text></svg>",
        H + 12.0,
        W - 30.0,
        H + 12.0
    );
    s
}

pub fn html(r: &LoadReport, rec: &Recording) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>reglament load {}</title>\
         <style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}}table{{border-collapse:collapse}}\
         td,th{{border:1px solid #ccc;padding:3px 6px;font-size:13px;text-align:right}}td:first-child,th:first-child{{text-align:left}}\
         .pass{{color:#070}}.fail{{color:#c00;font-weight:bold}}.nj{{color:#777}}</style></head><body>",
        esc(&r.model)
    );
    let _ = write!(
        o,
        "<h1>reglament load {} — <span class=\"{}\">{}</span></h1><p>{}</p>\
         <p>Run <code>{}</code>, target <code>{}</code>{}, shards {}, {} applicants, {:.1} s; {} flows done, {} failed; \
         goose counted {} requests (its own report: <a href=\"goose-report.html\">goose-report.html</a>).</p>\
         <p>Judged: {} of each step's corrected histogram against the act's budget; error rate ≤ {:.2} %.</p>\
         <p><b>Coordinated omission.</b> {}</p>",
        esc(&r.model),
        if r.passed { "pass" } else { "fail" },
        if r.passed { "PASS" } else { "FAIL" },
        esc(&r.model_description),
        esc(&r.run_id),
        esc(&r.target),
        if r.faults.is_empty() {
            String::new()
        } else {
            format!(" (faults: {})", esc(&r.faults.join(", ")))
        },
        esc(&r.shards.join(", ")),
        r.applicants,
        r.duration_s,
        r.flows_done,
        r.flows_failed,
        r.goose_requests,
        esc(&r.judged_percentiles.join(", ")),
        r.max_error_rate * 100.0,
        esc(&r.coordinated_omission)
    );
    if !r.failures.is_empty() {
        o.push_str("<h2>Failures</h2><ul>");
        for f in &r.failures {
            let _ = write!(o, "<li class=\"fail\">{}</li>", esc(f));
        }
        o.push_str("</ul>");
    }
    o.push_str("<h2>Steps</h2><table><tr><th>step</th><th>count</th><th>errors</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>raw p95 ms</th><th>raw max ms</th><th>budget</th><th>verdict</th></tr>");
    for s in &r.steps {
        let class = match s.verdict {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::NotJudged => "nj",
        };
        let _ = write!(
            o,
            "<tr><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"{class}\" title=\"{}\">{}</td></tr>",
            esc(&s.name),
            esc(&s.name),
            s.count,
            s.errors,
            ms(s.corrected.p50),
            ms(s.corrected.p95),
            ms(s.corrected.p99),
            ms(s.corrected.max),
            ms(s.raw.p95),
            ms(s.raw.max),
            esc(&s.budget.describe()),
            esc(&s.reason),
            verdict_word(s.verdict)
        );
    }
    o.push_str("</table><h2>Throughput over time</h2><p>Steps completed per second (blue), failed flows (red).</p>");
    o.push_str(&timeline_svg(&r.timeline));
    o.push_str("<h2>Errors by step</h2>");
    let errs: Vec<_> = rec.steps.values().filter(|s| s.errors > 0).collect();
    if errs.is_empty() {
        o.push_str("<p>none</p>");
    } else {
        o.push_str("<table><tr><th>step</th><th>errors</th><th>messages</th></tr>");
        for s in errs {
            let msgs: Vec<String> = s
                .messages
                .iter()
                .map(|(m, n)| format!("{n} × {}", esc(m)))
                .collect();
            let _ = write!(
                o,
                "<tr><td>{}</td><td>{}</td><td style=\"text-align:left\">{}</td></tr>",
                esc(&s.name()),
                s.errors,
                msgs.join("<br>")
            );
        }
        o.push_str("</table>");
    }
    o.push_str("<h2>Per-step latency (corrected, log scale; red: the act's budget)</h2>");
    for s in rec.steps.values() {
        let _ = write!(
            o,
            "<h3 id=\"{}\">{}</h3>{}",
            esc(&s.name()),
            esc(&s.name()),
            histogram_svg(s)
        );
    }
    o.push_str("</body></html>\n");
    o
}

/// The report of a judged recording.
#[allow(clippy::too_many_arguments)]
pub fn build(
    run_id: &str,
    model: &crate::model::LoadModel,
    shards: &[Shard],
    target: &str,
    faults: &[String],
    features_digest: &str,
    started_at: &str,
    duration_s: f64,
    rec: &Recording,
    verdict: LoadVerdict,
    goose_requests: u64,
    goose_error: Option<String>,
) -> LoadReport {
    let timeline: Vec<Tick> = rec.timeline.values().copied().collect();
    LoadReport {
        schema: SCHEMA.into(),
        run_id: run_id.into(),
        model: model.name.clone(),
        model_description: model.description.clone(),
        shards: LoadReport::shards_of(shards),
        target: target.into(),
        faults: faults.to_vec(),
        features_digest: features_digest.into(),
        started_at: started_at.into(),
        finished_at: chrono::Utc::now().to_rfc3339(),
        duration_s,
        applicants: model.load.applicants,
        judged_percentiles: model.judge.percentiles.clone(),
        max_error_rate: model.judge.max_error_rate,
        expected_interval_us: rec.expected_interval_us,
        coordinated_omission: co_statement(rec.expected_interval_us),
        flows_done: rec.flows_done,
        flows_failed: rec.flows_failed,
        goose_requests,
        goose_error,
        probe: None,
        passed: verdict.passed,
        interrupted: false,
        failures: verdict.failures,
        steps: verdict.steps,
        timeline,
    }
}

/// `junit.xml`: a test case per judged step, as CI servers read them; an
/// interrupted run says so in the report's name.
pub fn junit(report: &LoadReport) -> String {
    use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
    let name = if report.interrupted {
        format!("reglament load {} (INTERRUPTED)", report.run_id)
    } else {
        format!("reglament load {}", report.run_id)
    };
    let mut junit = Report::new(name);
    let mut suite = TestSuite::new(format!("load {}", report.model));
    for s in &report.steps {
        let status = match s.verdict {
            Verdict::Pass => TestCaseStatus::success(),
            Verdict::Fail => {
                let mut st = TestCaseStatus::non_success(NonSuccessKind::Failure);
                st.set_message(s.reason.clone());
                st
            }
            Verdict::NotJudged => {
                let mut st = TestCaseStatus::skipped();
                st.set_message(s.reason.clone());
                st
            }
        };
        let mut case = TestCase::new(s.name.clone(), status);
        case.set_classname(format!("{}/{}", s.service, s.channel));
        suite.add_test_case(case);
    }
    if report.interrupted {
        let mut st = TestCaseStatus::non_success(NonSuccessKind::Error);
        st.set_message("the run was interrupted before its plan ended");
        suite.add_test_case(TestCase::new("run completed", st));
    }
    junit.add_test_suite(suite);
    junit.to_string().unwrap_or_default()
}
